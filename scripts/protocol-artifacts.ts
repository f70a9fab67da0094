/**
 * Everything in docs/protocol/ that is derived from the code: the JSON Schemas of message bodies and document
 * claims (from the zod schemas the node validates with), the tables of the specification (from DOC_TYPES,
 * MSG_TYPES, VERIFICATION_REASONS and REFUSAL_CODES) and the test vectors (fixed keys, a fixed clock, the product's
 * own signing code; the JWE by jose, an independent implementation). `npm run protocol:generate` writes them;
 * protocol-artifacts.spec.ts fails while a committed file differs from what this produces.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactEncrypt, importJWK, type CryptoKey } from 'jose';
import { z } from 'zod';
import { MESSAGE_BODIES } from '@ots/applications';
import { DOC_TYPES, DOCUMENT_CLAIMS, type DocType } from '@ots/documents';
import {
  PROTOCOL_VERSIONS,
  signCompact,
  toPublicJwk,
  VERIFICATION_REASONS,
  unverifiedPayload,
  type AnchorsFile,
  type VerificationReason,
} from '@ots/jws';
import {
  MAX_ENVELOPE_LIFETIME_SECONDS,
  MAX_MESSAGE_BYTES,
  MSG_TYPES,
  PERMANENT_REFUSALS,
  RECEIPT_TYP,
  REFUSAL_CODES,
  sha256,
  signEnvelope,
  type MessageRefusal,
  type MsgType,
  type ReceiptPayload,
} from '@ots/messaging';
import { documentCases } from '../apps/fedctl/src/conformance/document-cases.js';
import { makeParty, partyEntityConfiguration, partyStatusList, type ProtocolParty } from '../apps/fedctl/src/conformance/protocol-party.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PROTOCOL_DIR = join(ROOT, 'docs/protocol');
export const SPEC_FILE = join(PROTOCOL_DIR, 'README.md');

// ---- the tables of the specification ---------------------------------------------------------------------------

/** What each reason means: typed by the list, so a new reason without a sentence here fails to compile. */
const REASON_MEANINGS: Record<VerificationReason, string> = {
  OK: 'valid: every check below passed',
  MALFORMED:
    'not a string of three canonical base64url parts, bad JSON, larger than 64 KiB, or a required payload claim missing or invalid',
  UNSUPPORTED_ALG: '`alg` is not `EdDSA` or `ES256` (so `none`, `HS*`, `RS*` fail)',
  BAD_TYPE: '`typ` missing or not the one of the context; any `crit`; `b64`',
  UNTRUSTED_ISSUER: 'no trust anchor in force for `iss`',
  BAD_CHAIN:
    '`trust_chain` missing; its certificate not signed by a known root of `iss`, for another issuer, not valid at `iat`, or not certified for the use',
  UNKNOWN_KEY: '`kid` is not the key the chain certifies',
  BAD_SIGNATURE: 'the signature does not verify with the certified key',
  EXPIRED: "`exp` + 60 s is not after the verifier's clock",
  NOT_YET_VALID: "`nbf` - 60 s is after the verifier's clock",
  KEY_REVOKED: "the root or the signer key of the chain is revoked for the document's `iat` (section 3)",
  DOCUMENT_REVOKED: 'its status list entry is set (section 5)',
};

const REFUSAL_MEANINGS: Record<MessageRefusal, string> = {
  UNDECRYPTABLE: "not a compact JWE, other algorithms, or it decrypts with none of the recipient's encryption keys",
  TOO_LARGE: `the JWE is longer than ${MAX_MESSAGE_BYTES} bytes`,
  UNTRUSTED: "no active trust anchor for the sender, or the envelope's chain, key or signature does not verify",
  WRONG_AUDIENCE: '`aud` is not the recipient',
  EXPIRED: `outside its time window: \`exp\` more than ${MAX_ENVELOPE_LIFETIME_SECONDS} s after \`iat\`, \`exp\` past or \`iat\` in the future (60 s skew)`,
  MALFORMED:
    'the message is not a string, or the envelope is not a JWS of `typ: ots-msg+jwt` with `jti`, a listed `msg_type` and an object `body`',
  UNHANDLED: 'a valid envelope of a `msg_type` the recipient has no handler for',
  NOT_ACCEPTED:
    'the envelope is valid, the domain refused its body (schema, unknown case, a document that does not verify, a service not open)',
  DEFERRED: "the envelope is valid, but the recipient cannot process it now (its country's registers did not answer); `reason` names why",
};

const DOC_TYPE_ROLES: Record<DocType, string> = {
  'identity-attestation': 'who the citizen is; attached by the home node to an application',
  'residence-permit': 'issued by the destination on approval, sent back in `application.decision`',
  'tax-residence-certificate': 'the home node certifies tax residence for a year, for treaty relief in a partner',
  'criminal-record-certificate': "evidence from the home node's records",
  'income-statement': "evidence from the home node's records",
  'business-registration': 'reserved: v1 fixes no claims',
  'application-receipt': 'reserved: v1 fixes no claims',
};

const MSG_TYPE_ROLES: Record<MsgType, string> = {
  'application.submit': "home → destination: a citizen's application with its documents",
  'application.status': 'destination → home: the case moved; home → destination: only `withdrawn`',
  'application.decision': 'destination → home: approved (with the permit) or rejected, with the reason',
  'evidence.request': 'destination → home: asks for one more document type',
  'evidence.response': "home → destination: the document, or `refused` (outside the citizen's consent)",
  'tax.residence-certificate': 'home → partner: a certificate issued to a resident',
  'tax.tin-verification': 'either way: a question about a taxpayer number, and its answer (valid, resident)',
};

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** The generated blocks of README.md, by the name in their `<!-- BEGIN GENERATED: name -->` marker. */
export function specTables(): Record<string, string> {
  return {
    'doc-types': [
      row(['`doc_type`', 'claims schema', 'role']),
      row(['---', '---', '---']),
      ...DOC_TYPES.map((t) => row([`\`${t}\``, `[claims/${t}](schemas/claims/${t}.schema.json)`, DOC_TYPE_ROLES[t]])),
    ].join('\n'),
    'reason-codes': [
      row(['reason', 'when']),
      row(['---', '---']),
      ...VERIFICATION_REASONS.map((r) => row([`\`${r}\``, REASON_MEANINGS[r]])),
    ].join('\n'),
    'msg-types': [
      row(['`msg_type`', 'body schema', 'direction and meaning']),
      row(['---', '---', '---']),
      ...MSG_TYPES.map((t) => row([`\`${t}\``, `[messages/${t}](schemas/messages/${t}.schema.json)`, MSG_TYPE_ROLES[t]])),
    ].join('\n'),
    'refusal-codes': [
      row(['code', 'when', 'sender retries']),
      row(['---', '---', '---']),
      ...(Object.keys(REFUSAL_CODES) as MessageRefusal[]).map((key) =>
        row([
          `\`${REFUSAL_CODES[key]}\``,
          REFUSAL_MEANINGS[key],
          PERMANENT_REFUSALS.has(REFUSAL_CODES[key]) ? 'no (parks it)' : 'yes, with backoff',
        ]),
      ),
    ].join('\n'),
    versions: `\`${JSON.stringify([...PROTOCOL_VERSIONS])}\``,
  };
}

const BLOCK = /(<!-- BEGIN GENERATED: ([a-z-]+) -->\n)[\s\S]*?(<!-- END GENERATED: \2 -->)/g;

/** The specification with every generated block replaced by what the code says. */
export function withGeneratedTables(spec: string): string {
  const tables = specTables();
  return spec.replace(BLOCK, (_whole, begin: string, name: string, end: string) => {
    const table = tables[name];
    if (table === undefined) throw new Error(`docs/protocol/README.md names an unknown generated block ${name}`);
    return `${begin}${table}\n${end}`;
  });
}

// ---- JSON Schemas ----------------------------------------------------------------------------------------------

const SCHEMA_BASE = 'https://ots-federation.org/protocol/v1/schemas';

function jsonSchema(schema: z.ZodType, id: string, title: string): string {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...generated, $id: `${SCHEMA_BASE}/${id}`, title }, null, 2)}\n`;
}

/** docs/protocol/schemas/<path> -> content. */
export function schemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const type of MSG_TYPES) {
    files[`messages/${type}.schema.json`] = jsonSchema(MESSAGE_BODIES[type], `messages/${type}.schema.json`, `body of ${type}`);
  }
  for (const type of DOC_TYPES) {
    files[`claims/${type}.schema.json`] = jsonSchema(DOCUMENT_CLAIMS[type], `claims/${type}.schema.json`, `claims of ${type}`);
  }
  return files;
}

// ---- test vectors ----------------------------------------------------------------------------------------------

/** The vectors' clock: 2026-01-01T00:00:00Z. */
export const VECTOR_TIME = 1767225600;
export const VECTOR_SEED_LABEL = 'ots-protocol-vectors-v1';
const DAY = 86400;
const KZ_BASE = 'https://kz.node.example';
export const VECTOR_STATUS_LIST_URI = `${KZ_BASE}/status-lists/1`;
const REVOKED_INDEX = 7;
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const privateKeys = (party: ProtocolParty) => ({
  root: party.root.privateJwk,
  signer: party.signer.privateJwk,
  spareSigner: party.spareSigner.privateJwk,
  enc: party.enc.privateJwk,
});

/** The vector parties: KZ issues and sends, TR receives. */
export async function vectorParties(): Promise<{ kz: ProtocolParty; tr: ProtocolParty }> {
  const notBefore = VECTOR_TIME - 30 * DAY;
  const [kz, tr] = await Promise.all([makeParty('KZ', notBefore, VECTOR_SEED_LABEL), makeParty('TR', notBefore, VECTOR_SEED_LABEL)]);
  return { kz, tr };
}

/** docs/protocol/vectors/<file> -> content. */
export async function vectorFiles(): Promise<Record<string, string>> {
  const { kz, tr } = await vectorParties();
  const files: Record<string, string> = {};

  files['keys.json'] = json({
    description: `Private and public keys of the two vector parties, derived from SHA-256("${VECTOR_SEED_LABEL}/<country>/<role>") as the raw 32-byte Ed25519 or X25519 private key. Never use them for anything else.`,
    parties: { KZ: privateKeys(kz), TR: privateKeys(tr) },
  });

  files['signer-certificate.json'] = json({
    description: "KZ's signer certificate (ots-signer+jwt by KZ's root); check it against the root's thumbprint at each time.",
    certificate: kz.signerCertificate,
    trustedRootThumbprint: kz.root.kid,
    trustedRootJwk: kz.root.publicJwk,
    payload: unverifiedPayload(kz.signerCertificate),
    cases: [
      { name: 'in-force', verifyAt: VECTOR_TIME, expected: 'OK' },
      { name: 'after-exp', verifyAt: VECTOR_TIME + 61 * DAY, expected: 'BAD_CHAIN' },
      { name: 'before-nbf', verifyAt: VECTOR_TIME - 31 * DAY, expected: 'BAD_CHAIN' },
    ],
  });

  const entityConfiguration = await partyEntityConfiguration(
    kz,
    { baseUrl: KZ_BASE, graphqlEndpoint: `${KZ_BASE}/graphql` },
    VECTOR_TIME - 3600,
    DAY,
    ['kk', 'ru', 'en'],
  );
  files['entity-configuration.json'] = json({
    description: "KZ's entity configuration as served at /.well-known/openid-federation; accept it only if signed by a pinned root.",
    jws: entityConfiguration,
    payload: unverifiedPayload(entityConfiguration),
    cases: [
      { name: 'pinned', expectedCountry: 'KZ', pinnedThumbprints: [kz.root.kid], verifyAt: VECTOR_TIME, expected: 'OK' },
      {
        name: 'other-root-pinned',
        expectedCountry: 'KZ',
        pinnedThumbprints: [tr.root.kid],
        verifyAt: VECTOR_TIME,
        expected: 'UNKNOWN_KEY',
      },
      {
        name: 'as-another-country',
        expectedCountry: 'TR',
        pinnedThumbprints: [kz.root.kid],
        verifyAt: VECTOR_TIME,
        expected: 'UNTRUSTED_ISSUER',
      },
      { name: 'expired', expectedCountry: 'KZ', pinnedThumbprints: [kz.root.kid], verifyAt: VECTOR_TIME + 2 * DAY, expected: 'EXPIRED' },
    ],
  });

  const trust: AnchorsFile = {
    version: 1,
    exportedBy: 'TR',
    exportedAt: new Date(VECTOR_TIME * 1000).toISOString(),
    anchors: [
      {
        country: 'KZ',
        status: 'active',
        rootKeys: [toPublicJwk(kz.root.publicJwk)],
        revokedKeys: [{ thumbprint: kz.spareSigner.kid, revokedAt: VECTOR_TIME - DAY, reason: 'compromised' }],
      },
    ],
  };
  files['trust.json'] = json(trust);

  const statusList = await partyStatusList(kz, VECTOR_STATUS_LIST_URI, [REVOKED_INDEX], VECTOR_TIME - 600, 3600);
  files['status-list.json'] = json({
    description: `KZ's status list ${VECTOR_STATUS_LIST_URI} (statuslist+jwt by KZ's signer), with entry ${REVOKED_INDEX} set.`,
    uri: VECTOR_STATUS_LIST_URI,
    statusListEndpoint: `${KZ_BASE}/status-lists`,
    jws: statusList,
    payload: unverifiedPayload(statusList),
    verifyAt: VECTOR_TIME,
    expected: { set: [REVOKED_INDEX], notSet: [0, 1, REVOKED_INDEX - 1, REVOKED_INDEX + 1] },
  });

  const cases = await documentCases(kz, {
    now: VECTOR_TIME,
    statusListUri: VECTOR_STATUS_LIST_URI,
    revokedIndex: REVOKED_INDEX,
    untrustedCountry: 'UZ',
    jtiPrefix: 'vector',
  });
  files['documents.json'] = json({
    description:
      "One document per verification outcome, verified at verifyAt with trust.json as the trust store and status-list.json as the issuer's status list.",
    verifyAt: VECTOR_TIME,
    trust: 'trust.json',
    statusList: 'status-list.json',
    cases: cases.map(({ name, expected, why, jws }) => ({ name, expected, why, jws })),
  });

  files['message.json'] = json(await messageVectors(kz, tr));
  return files;
}

/** An envelope KZ -> TR, its JWE with the ephemeral key and content key spelled out, TR's receipt, and refusals. */
async function messageVectors(kz: ProtocolParty, tr: ProtocolParty) {
  const signer = { kid: kz.signer.kid, privateJwk: kz.signer.privateJwk, certificate: kz.signerCertificate };
  const body = { kind: 'request', requestId: '5f0c7a52-3c56-4a53-9d6c-0d6b1c6f7d11', tin: '900101300123' };
  const envelope = await signEnvelope({
    iss: 'KZ',
    aud: 'TR',
    jti: 'vector-message-1',
    msgType: 'tax.tin-verification',
    body,
    signer,
    now: VECTOR_TIME - 10,
  });
  const derived = (await makeParty('ZZ', VECTOR_TIME, `${VECTOR_SEED_LABEL}/jwe`)).enc;
  const contentKey = Buffer.from(derived.privateJwk.d as string, 'base64url');
  const iv = contentKey.subarray(0, 12);
  const epk = (await importJWK(ephemeralJwk(derived.privateJwk), 'ECDH-ES+A256KW', { extractable: true })) as CryptoKey;
  const recipient = await importJWK(toPublicJwk(tr.enc.publicJwk), 'ECDH-ES+A256KW');
  const encrypt = async (plaintext: string) =>
    new CompactEncrypt(new TextEncoder().encode(plaintext))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'JWT', kid: tr.enc.kid })
      .setKeyManagementParameters({ epk })
      .setContentEncryptionKey(contentKey)
      .setInitializationVector(iv)
      .encrypt(recipient);
  const jwe = await encrypt(envelope);

  const receiptPayload: ReceiptPayload = {
    iss: 'TR',
    aud: 'KZ',
    jti: 'vector-receipt-1',
    iat: VECTOR_TIME - 9,
    msg_jti: 'vector-message-1',
    msg_sha256: sha256(envelope),
  };
  const receipt = await signCompact(
    { ...receiptPayload },
    { typ: RECEIPT_TYP, kid: tr.signer.kid, trust_chain: [tr.signerCertificate] },
    tr.signer.privateJwk,
  );
  const refused = async (name: string, overrides: { aud?: string; now?: number }, expected: string) => {
    const signed = await signEnvelope({
      iss: 'KZ',
      aud: overrides.aud ?? 'TR',
      jti: `vector-${name}`,
      msgType: 'tax.tin-verification',
      body,
      signer,
      now: overrides.now ?? VECTOR_TIME - 10,
    });
    return { name, envelope: signed, jwe: await encrypt(signed), expected };
  };
  return {
    description:
      'KZ sends TR a tax.tin-verification request at verifyAt. The JWE was made by jose (an independent implementation) with the ephemeral key, content key and IV given here, so an implementation can re-create it byte for byte; TR decrypts it with keys.json parties.TR.enc.',
    from: 'KZ',
    to: 'TR',
    verifyAt: VECTOR_TIME,
    envelope: { jws: envelope, payload: unverifiedPayload(envelope), sha256: sha256(envelope) },
    jwe: {
      compact: jwe,
      recipientKid: tr.enc.kid,
      ephemeralPrivateJwk: ephemeralJwk(derived.privateJwk),
      contentKey: contentKey.toString('base64url'),
      iv: iv.toString('base64url'),
      expected: 'decrypts to envelope.jws',
    },
    receipt: {
      jws: receipt,
      payload: receiptPayload,
      expected: "OK: signed by TR's certified signer, aud KZ, msg_jti and msg_sha256 of the envelope",
    },
    refusals: [
      await refused('expired', { now: VECTOR_TIME - 2 * MAX_ENVELOPE_LIFETIME_SECONDS }, REFUSAL_CODES.EXPIRED),
      await refused('wrong-audience', { aud: 'AZ' }, REFUSAL_CODES.WRONG_AUDIENCE),
    ],
  };
}

/** The X25519 private key jose takes as the ephemeral key: only the members RFC 8037 defines. */
function ephemeralJwk(jwk: { kty?: string; crv?: string; x?: string; d?: string }) {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
}
