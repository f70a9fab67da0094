import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { decodeStatusList, DOCUMENT_TYP, STATUS_LIST_TYP, statusBit, verifyDocumentChain, type DocumentPayload } from '@ots/documents';
import {
  generateEncryptionKey,
  parseCompactJws,
  signCompact,
  unverifiedPayload,
  verifyEntityConfiguration,
  verifySignedByChain,
  verifySignerCertificate,
  type EntityConfigurationPayload,
  type IssuerTrust,
} from '@ots/jws';
import {
  ENVELOPE_TYP,
  encryptEnvelope,
  MAX_MESSAGE_BYTES,
  REFUSAL_CODES,
  sha256,
  signEnvelope,
  verifyReceipt,
  type MsgType,
  type Signer,
} from '@ots/messaging';
import { NodeRequestError, graphqlRequest } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import type { CliMessageKey } from '../i18n/cli-messages.js';
import {
  AddTrustAnchorDocument,
  ConformanceDeliverDocument,
  ConformanceIssueDocumentDocument,
  ConformanceVerifyDocumentDocument,
  RevokePartnerKeyDocument,
  SuspendTrustAnchorDocument,
} from '../operations/generated.js';
import { CheckFailure, expectThat, type ConformanceRun } from './conformance-run.js';
import { documentCases } from './document-cases.js';
import { startPartnerServer, type PartnerServer } from './partner-server.js';
import { makeParty, partyEntityConfiguration, partyStatusList, statusListEndpointOf, type ProtocolParty } from './protocol-party.js';

export interface ConformanceOptions {
  /** Base URL of the node under test. */
  target: string;
  /** The country the kit acts as, chosen once the target's own country is known. */
  chooseCountry: (targetCountry: string) => Promise<string>;
  /** Admin bearer token at the target: the kit pins itself; without it, the admin pins it by hand. */
  token?: string;
  listenHost: string;
  listenPort: number;
  publicUrl?: string;
  /** How long to wait for a pin by hand. */
  pinWaitSeconds: number;
  /** Told the admin what to pin, when there is no token. */
  onPinByHand: (facts: { country: string; thumbprint: string; url: string; spareSigner: string }) => void;
}

const DAY = 86400;
const HTTP_TIMEOUT_MS = 10_000;
/** A user-assigned code (ISO 3166-1 leaves XA-XZ to users): no federation trusts it. */
const UNTRUSTED_COUNTRY = 'XZ';
const REVOKED_INDEX = 5;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The kit as the node under test sees it: its keys, where it listens, the status list its documents point to. */
interface Kit {
  party: ProtocolParty;
  server: PartnerServer;
  statusListUri: string;
}

interface Target {
  country: string;
  trust: IssuerTrust;
  graphqlEndpoint: string;
  statusListEndpoint: string;
  encryptionKey: JWK;
}

/**
 * `fedctl conformance`: acts as a partner of the node under test with keys it makes for the run, and checks each
 * rule of docs/protocol/README.md that a partner can observe over the wire. Every check adds one line to `run`.
 */
export async function runConformance(run: ConformanceRun, options: ConformanceOptions): Promise<void> {
  const base = options.target.replace(/\/+$/, '');
  const target = await checkDiscovery(run, base);
  if (!target) return;

  const now = nowSeconds();
  // Certified from a week back, so that the EXPIRED document (issued two days ago) falls inside the certificate.
  const party = await makeParty(await options.chooseCountry(target.country), now - 7 * DAY);
  const server = await startPartnerServer(options.listenHost, options.listenPort, options.publicUrl);
  try {
    const kit = await servePartner(server, party);
    const pinned = await pin(run, options, base, kit, target);
    if (!pinned) return;
    await checkDocuments(run, kit, target, now);
    await checkOwnStatusList(run, options, base, target);
    await checkMessages(run, kit, target);
    if (options.token) {
      // Leaves the target as it found it, as far as an admin interface allows; a failure here says nothing of conformance.
      await graphqlRequest({ endpoint: `${base}/graphql`, token: options.token }, SuspendTrustAnchorDocument, {
        country: party.country,
      }).catch(() => undefined);
    }
  } finally {
    await server.close();
  }
}

async function httpGet(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
}

/** Section 2: the entity configuration and the key set, and what a partner needs from them. */
async function checkDiscovery(run: ConformanceRun, base: string): Promise<Target | undefined> {
  const url = `${base}/.well-known/openid-federation`;
  let statement = '';
  let response: Response | undefined;
  const served = await run.check('MUST', 'discovery.entity-configuration', { key: 'confDiscovery' }, async () => {
    response = await httpGet(url);
    expectThat(response.status === 200, `HTTP ${response.status}`);
    statement = (await response.text()).trim();
    const { header } = parseCompactJws(statement, 'entity-statement+jwt');
    expectThat(typeof header.kid === 'string', 'no kid in the header');
  });
  if (!served) return undefined;

  let payload: EntityConfigurationPayload | undefined;
  let rootKeys = new Map<string, JWK>();
  await run.check('MUST', 'entity-configuration.signature', { key: 'confSelfSigned' }, async () => {
    const claimed = unverifiedPayload<EntityConfigurationPayload>(statement);
    const kid = parseCompactJws(statement, 'entity-statement+jwt').header.kid as string;
    const verified = await verifyEntityConfiguration(statement, String(claimed.iss), [kid], nowSeconds());
    payload = verified.payload;
    rootKeys = verified.rootKeys;
  });
  if (!payload) return undefined;
  const country = payload.iss;
  const metadata = payload.metadata.ots_node;

  let target: Target | undefined;
  await run.check('MUST', 'entity-configuration.metadata', { key: 'confMetadata' }, async () => {
    for (const member of ['graphql_endpoint', 'status_list_endpoint'] as const) {
      expectThat(typeof metadata[member] === 'string' && /^https?:\/\//.test(metadata[member]), `${member} is not a URL`);
    }
    expectThat(Array.isArray(metadata.languages) && metadata.languages.length > 0, 'languages is empty');
    expectThat(Array.isArray(metadata.signer_certificates) && metadata.signer_certificates.length > 0, 'no signer_certificates');
    expectThat(
      Array.isArray(metadata.encryption_certificates) && metadata.encryption_certificates.length > 0,
      'no encryption_certificates',
    );
    const now = nowSeconds();
    for (const certificate of metadata.signer_certificates) {
      const { payload: p } = await verifySignerCertificate(certificate, rootKeys, country, now);
      expectThat(p.use.includes('doc') || p.use.includes('msg'), `signer certificate ${p.sub} allows neither doc nor msg`);
    }
    const { payload: enc } = await verifySignerCertificate(metadata.encryption_certificates[0], rootKeys, country, now);
    expectThat(enc.use.includes('enc') && enc.jwk.crv === 'X25519', 'the first encryption certificate is not an X25519 key for enc');
    target = {
      country,
      trust: { country, status: 'active', rootKeys, revokedKeys: new Map(), statusListEndpoint: metadata.status_list_endpoint },
      graphqlEndpoint: metadata.graphql_endpoint,
      statusListEndpoint: metadata.status_list_endpoint,
      encryptionKey: { ...enc.jwk, kid: enc.sub },
    };
  });

  await run.check('SHOULD', 'entity-configuration.versions', { key: 'confVersions' }, async () => {
    const versions = metadata.protocol_versions;
    expectThat(Array.isArray(versions) && versions.includes('1.0'), `protocol_versions: ${JSON.stringify(versions ?? null)}`);
  });

  await run.check('MUST', 'discovery.jwks', { key: 'confJwks' }, async () => {
    const jwks = await httpGet(`${base}/.well-known/jwks.json`);
    expectThat(jwks.status === 200, `HTTP ${jwks.status}`);
    const { keys } = (await jwks.json()) as { keys?: JWK[] };
    expectThat(Array.isArray(keys) && keys.length > 0, 'no keys');
    for (const key of keys) expectThat(typeof key.kid === 'string' && typeof key.use === 'string', 'a key without kid or use');
    for (const kid of rootKeys.keys())
      expectThat(
        keys.some((k) => k.kid === kid),
        `root key ${kid} is missing`,
      );
    expectThat(
      keys.every((k) => k.d === undefined),
      'a private key member is published',
    );
  });

  await run.check('SHOULD', 'discovery.caching', { key: 'confCaching' }, async () => {
    const etag = response?.headers.get('etag');
    expectThat(!!etag && !!response?.headers.get('cache-control'), 'ETag or Cache-Control missing');
    const again = await httpGet(url, { 'if-none-match': etag });
    expectThat(again.status === 304, `If-None-Match answered HTTP ${again.status}`);
  });
  return target;
}

/** What the node under test fetches from the kit: its entity configuration (to pin it) and its status list. */
async function servePartner(server: PartnerServer, party: ProtocolParty): Promise<Kit> {
  const endpoints = { baseUrl: server.baseUrl, graphqlEndpoint: `${server.baseUrl}/graphql` };
  const now = nowSeconds();
  server.serve('/.well-known/openid-federation', {
    contentType: 'application/entity-statement+jwt',
    body: await partyEntityConfiguration(party, endpoints, now - 60, DAY, ['en']),
  });
  const uri = `${statusListEndpointOf(endpoints)}/1`;
  server.serve('/status-lists/1', {
    contentType: 'application/statuslist+jwt',
    body: await partyStatusList(party, uri, [REVOKED_INDEX], now - 60, 300),
  });
  return { party, server, statusListUri: uri };
}

/** Section 3: the node trusts the kit only through an anchor its admin sets; the spare signer is revoked. */
async function pin(run: ConformanceRun, options: ConformanceOptions, base: string, kit: Kit, target: Target): Promise<boolean> {
  const { party, server } = kit;
  if (options.token) {
    const admin = { endpoint: `${base}/graphql`, token: options.token };
    return run.check(
      'MUST',
      'trust.pin',
      { key: 'confPinned', params: { country: party.country, thumbprint: party.root.kid } },
      async () => {
        await graphqlRequest(admin, AddTrustAnchorDocument, {
          input: { country: party.country, thumbprints: [party.root.kid], baseUrl: server.baseUrl },
        });
        await graphqlRequest(admin, RevokePartnerKeyDocument, {
          input: { country: party.country, thumbprint: party.spareSigner.kid, reason: 'COMPROMISED' },
        });
      },
    );
  }
  options.onPinByHand({ country: party.country, thumbprint: party.root.kid, url: server.baseUrl, spareSigner: party.spareSigner.kid });
  const probe = await signCompact(
    { ...probePayload(party, kit.statusListUri) },
    { typ: DOCUMENT_TYP, kid: party.signer.kid, trust_chain: [party.signerCertificate] },
    party.signer.privateJwk,
  );
  return run.check('MUST', 'trust.pin', { key: 'confPinnedByHand', params: { country: party.country } }, async () => {
    const deadline = Date.now() + options.pinWaitSeconds * 1000;
    for (;;) {
      const { verifyDocument } = await graphqlRequest({ endpoint: target.graphqlEndpoint }, ConformanceVerifyDocumentDocument, {
        jws: probe,
      });
      if (verifyDocument.reason !== 'UNTRUSTED_ISSUER') return;
      if (Date.now() > deadline) throw new CheckFailure(`still UNTRUSTED_ISSUER after ${options.pinWaitSeconds} s`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  });
}

function probePayload(party: ProtocolParty, statusListUri: string): DocumentPayload {
  const now = nowSeconds();
  return {
    iss: party.country,
    sub: `${party.country}:ID:CONFORMANCE-PROBE`,
    jti: randomUUID(),
    iat: now - 60,
    nbf: now - 60,
    exp: now + DAY,
    doc_type: 'application-receipt',
    lang: 'en',
    claims: {},
    status: { status_list: { idx: 0, uri: statusListUri } },
  };
}

/** Section 4: the node's verifier reaches the outcome of each case, as the published vectors show. */
async function checkDocuments(run: ConformanceRun, kit: Kit, target: Target, now: number): Promise<void> {
  const cases = await documentCases(kit.party, {
    now,
    statusListUri: kit.statusListUri,
    revokedIndex: REVOKED_INDEX,
    untrustedCountry: UNTRUSTED_COUNTRY,
    jtiPrefix: `conformance-${randomUUID()}`,
  });
  for (const document of cases) {
    await run.check(
      'MUST',
      `documents.${document.name}`,
      { key: 'confDocument', params: { name: document.name, expected: document.expected } },
      async () => {
        const { verifyDocument } = await graphqlRequest({ endpoint: target.graphqlEndpoint }, ConformanceVerifyDocumentDocument, {
          jws: document.jws,
        });
        expectThat(verifyDocument.reason === document.expected, `answered ${verifyDocument.reason}`);
        expectThat(verifyDocument.valid === (document.expected === 'OK'), `valid: ${verifyDocument.valid}`);
        if (document.expected === 'OK' || document.expected === 'DOCUMENT_REVOKED')
          expectThat(verifyDocument.statusChecked, 'the status list was not read');
      },
    );
  }
}

/** Section 5: a document the node issues points to a status list it serves, signed by its certified signer. */
async function checkOwnStatusList(run: ConformanceRun, options: ConformanceOptions, base: string, target: Target): Promise<void> {
  const text = { key: 'confOwnStatusList' } as const;
  if (!options.token) {
    run.skip('MUST', 'status-list.own', text, cliText('confNeedsToken'));
    return;
  }
  await run.check('MUST', 'status-list.own', text, async () => {
    const { issueDocument } = await graphqlRequest(
      { endpoint: `${base}/graphql`, token: options.token },
      ConformanceIssueDocumentDocument,
      {
        input: { docType: 'APPLICATION_RECEIPT', subject: `${target.country}:ID:CONFORMANCE-1`, claims: {}, validDays: 1, lang: 'EN' },
      },
    );
    const view = { issuer: (country: string) => (country === target.country ? target.trust : undefined) };
    const { payload } = await verifyDocumentChain(issueDocument.jws, view, nowSeconds());
    const { idx, uri } = payload.status.status_list;
    expectThat(uri.startsWith(`${target.statusListEndpoint}/`), `status uri ${uri} is not under ${target.statusListEndpoint}`);
    const response = await httpGet(uri);
    expectThat(response.status === 200, `GET ${uri}: HTTP ${response.status}`);
    const list = await verifySignedByChain<StatusListPayload>((await response.text()).trim(), STATUS_LIST_TYP, target.trust, 'doc');
    const p = list.payload;
    expectThat(p.iss === target.country && p.sub === uri, `iss ${p.iss}, sub ${p.sub}`);
    expectThat(p.status_list?.bits === 1, `bits ${String(p.status_list?.bits)}`);
    expectThat(Number.isInteger(p.exp) && p.exp > nowSeconds(), 'the list has expired');
    expectThat(statusBit(decodeStatusList(p.status_list.lst), idx) === 0, `entry ${idx} of a fresh document is set`);
  });
}

interface StatusListPayload {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  status_list: { bits: number; lst: string };
}

type Refusal = (typeof REFUSAL_CODES)[keyof typeof REFUSAL_CODES];

/** Section 6: delivery with receipt, idempotent repeats, and the refusals a partner can provoke. */
async function checkMessages(run: ConformanceRun, kit: Kit, target: Target): Promise<void> {
  const { party } = kit;
  const signer: Signer = { kid: party.signer.kid, privateJwk: party.signer.privateJwk, certificate: party.signerCertificate };
  const deliver = async (message: string): Promise<{ receipt?: string; code?: string }> => {
    try {
      const { deliver: receipt } = await graphqlRequest({ endpoint: target.graphqlEndpoint }, ConformanceDeliverDocument, { message });
      return { receipt };
    } catch (err) {
      if (err instanceof NodeRequestError) return { code: err.code };
      throw err;
    }
  };
  const sealed = async (overrides: EnvelopeOverrides = {}, by: Signer = signer, to: JWK = target.encryptionKey) =>
    encryptEnvelope(
      await signEnvelope({
        iss: party.country,
        aud: overrides.aud ?? target.country,
        jti: overrides.jti,
        msgType: overrides.msgType ?? 'tax.residence-certificate',
        body: overrides.body ?? {},
        signer: by,
        now: overrides.now,
      }),
      to,
    );

  // A message the node must accept: a tax residence certificate the kit issued to one of its residents.
  const jti = randomUUID();
  const now = nowSeconds();
  const body = { document: await taxCertificate(kit, target, now), forYear: new Date().getUTCFullYear() - 1 };
  const envelope = await signEnvelope({
    iss: party.country,
    aud: target.country,
    jti,
    msgType: 'tax.residence-certificate',
    body,
    signer,
    now,
  });
  const message = encryptEnvelope(envelope, target.encryptionKey);
  let firstReceipt: string | undefined;
  await run.check('MUST', 'delivery.receipt', { key: 'confDelivery' }, async () => {
    const answer = await deliver(message);
    expectThat(answer.receipt !== undefined, `answered ${answer.code}`);
    const receipt = await verifyReceipt(answer.receipt, target.trust, party.country, jti, [sha256(envelope)]).catch((err: unknown) => {
      throw new CheckFailure(`the receipt does not verify: ${err instanceof Error ? err.message : String(err)}`);
    });
    expectThat(receipt.iss === target.country && receipt.aud === party.country, `receipt iss ${receipt.iss}, aud ${receipt.aud}`);
    firstReceipt = answer.receipt;
  });

  const sameReceipt = async (repeat: string) => {
    expectThat(firstReceipt !== undefined, 'no first receipt to compare with');
    const answer = await deliver(repeat);
    expectThat(answer.receipt !== undefined, `answered ${answer.code}`);
    expectThat(answer.receipt === firstReceipt, 'answered with another receipt than the first');
  };
  await run.check('MUST', 'delivery.replay', { key: 'confReplay' }, () => sameReceipt(message));
  await run.check('MUST', 'delivery.replay-resigned', { key: 'confReplayResigned' }, async () =>
    sameReceipt(
      encryptEnvelope(
        await signEnvelope({
          iss: party.country,
          aud: target.country,
          jti,
          msgType: 'tax.residence-certificate',
          body,
          signer,
          now: now + 1,
        }),
        target.encryptionKey,
      ),
    ),
  );

  const refused = async (id: string, key: CliMessageKey, expected: Refusal, message: () => Promise<string>) =>
    run.check('MUST', id, { key, params: { code: expected } }, async () => {
      const answer = await deliver(await message());
      expectThat(answer.code === expected, answer.receipt ? 'answered with a receipt' : `answered ${answer.code}`);
    });
  await refused('delivery.wrong-audience', 'confWrongAudience', REFUSAL_CODES.WRONG_AUDIENCE, () => sealed({ aud: UNTRUSTED_COUNTRY }));
  await refused('delivery.expired', 'confExpired', REFUSAL_CODES.EXPIRED, () => sealed({ now: nowSeconds() - 3600 }));
  await refused('delivery.lifetime', 'confLifetime', REFUSAL_CODES.EXPIRED, async () => {
    const iat = nowSeconds();
    const payload = {
      iss: party.country,
      aud: target.country,
      jti: randomUUID(),
      iat,
      exp: iat + 3600,
      msg_type: 'tax.residence-certificate',
      body,
    };
    const header = { typ: ENVELOPE_TYP, kid: signer.kid, trust_chain: [signer.certificate] };
    return encryptEnvelope(await signCompact(payload, header, signer.privateJwk), target.encryptionKey);
  });
  await refused('delivery.oversized', 'confOversized', REFUSAL_CODES.TOO_LARGE, () =>
    sealed({ body: { padding: 'x'.repeat(MAX_MESSAGE_BYTES) } }),
  );
  await refused('delivery.untrusted', 'confUntrusted', REFUSAL_CODES.UNTRUSTED, async () => {
    const stranger = await makeParty(party.country, nowSeconds() - DAY);
    return sealed({}, { kid: stranger.signer.kid, privateJwk: stranger.signer.privateJwk, certificate: stranger.signerCertificate });
  });
  await refused('delivery.undecryptable', 'confUndecryptable', REFUSAL_CODES.UNDECRYPTABLE, async () =>
    sealed({}, signer, (await generateEncryptionKey()).publicJwk),
  );
  await refused('delivery.unknown-type', 'confUnknownType', REFUSAL_CODES.MALFORMED, () =>
    sealed({ msgType: 'application.appeal' as MsgType }),
  );
}

interface EnvelopeOverrides {
  aud?: string;
  jti?: string;
  now?: number;
  msgType?: MsgType;
  body?: Record<string, unknown>;
}

/** A tax residence certificate the kit issues to a resident of its own, for the node under test. */
function taxCertificate(kit: Kit, target: Target, now: number): Promise<string> {
  const { party } = kit;
  const payload: DocumentPayload = {
    iss: party.country,
    sub: `${party.country}:ID:CONFORMANCE-1`,
    jti: randomUUID(),
    iat: now - 60,
    nbf: now - 60,
    exp: now + 30 * DAY,
    doc_type: 'tax-residence-certificate',
    lang: 'en',
    claims: {
      givenName: 'Aigerim',
      familyName: 'Conformance',
      tin: '000000000001',
      taxYear: new Date().getUTCFullYear() - 1,
      resident: true,
      residentOf: party.country,
      issuedFor: target.country,
    },
    status: { status_list: { idx: 1, uri: kit.statusListUri } },
  };
  return signCompact(
    { ...payload },
    { typ: DOCUMENT_TYP, kid: party.signer.kid, trust_chain: [party.signerCertificate] },
    party.signer.privateJwk,
  );
}
