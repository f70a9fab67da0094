import { createInterface } from 'node:readline';
import { thumbprint, unverifiedPayload, type EntityConfigurationPayload } from '@ots/jws';
import { CliError } from '../cli-error.js';
import { graphqlRequest, NodeRequestError, type NodeTarget } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import {
  AddTrustAnchorDocument,
  IssueProofDocumentDocument,
  RestrictPartnerServicesDocument,
  RevokeProofDocumentDocument,
  VerifyDocumentAtDocument,
} from '../operations/generated.js';
import { isYes } from './join-input.js';

/** A node of the join, reached and authorised. */
export interface JoinNode {
  country: string;
  baseUrl: string;
  token: string;
}

/** How the admin confirms a partner's root thumbprint: a file received out of band, or a question on the terminal. */
export type Confirmation = { file: Map<string, string[]>; path: string } | { ask: (question: string) => Promise<string> };

/** One direction of trust between the new node and a partner, as the report shows it. */
export interface JoinLink {
  node: string;
  partner: string;
  pinned: string[];
  services: string[] | null;
  /** The reason code of the partner's test document verified at `node`, or why there is none. */
  proof: string;
  /** The restriction asked for could not be applied: the link stands, but not as the admin wanted it. */
  restrictionFailed?: boolean;
}

const PROOF_DOC_TYPE = 'IDENTITY_ATTESTATION';

/**
 * The onboarding ceremony between a new node and each partner: both root thumbprints confirmed out of band, pinned
 * both ways, services restricted, and each side's test document verified by the other. Nothing is pinned that the
 * admin did not confirm; a link that fails says why and the others go on.
 */
export async function joinFederation(input: {
  node: JoinNode;
  partners: JoinNode[];
  confirmation: Confirmation;
  restrictions: Map<string, string[]>;
  say: (line: string) => void;
}): Promise<JoinLink[]> {
  const { node, partners, confirmation, restrictions, say } = input;
  const confirmed = new Map<string, string[]>();
  for (const participant of [node, ...partners]) {
    const announced = await announcedRoots(participant);
    for (const root of announced)
      say(cliText('joinAnnounced', { country: participant.country, url: participant.baseUrl, thumbprint: root }));
    const pins = await confirm(participant.country, announced, confirmation, say);
    if (pins.length > 0) confirmed.set(participant.country, pins);
  }

  const links: JoinLink[] = [];
  for (const partner of partners) {
    const pair = [
      { truster: node, trusted: partner },
      { truster: partner, trusted: node },
    ];
    const pairLinks: JoinLink[] = [];
    for (const { truster, trusted } of pair) {
      const link: JoinLink = { node: truster.country, partner: trusted.country, pinned: [], services: null, proof: '-' };
      pairLinks.push(link);
      const pins = confirmed.get(trusted.country) ?? [];
      if (pins.length === 0 || !confirmed.has(truster.country)) continue;
      try {
        const { addTrustAnchor: anchor } = await graphqlRequest(target(truster), AddTrustAnchorDocument, {
          input: { country: trusted.country, thumbprints: pins, baseUrl: trusted.baseUrl },
        });
        link.pinned = pins;
        link.services = anchor.servicesAllowed;
      } catch (err) {
        say(cliText('joinPinFailed', { node: truster.country, partner: trusted.country, error: describe(err) }));
        continue;
      }
      const services = restrictions.get(truster.country);
      if (!services) continue;
      try {
        const { restrictPartnerServices: restricted } = await graphqlRequest(target(truster), RestrictPartnerServicesDocument, {
          country: trusted.country,
          services,
        });
        link.services = restricted.servicesAllowed;
      } catch (err) {
        // Pinned, but not as the admin asked: the link is not reported as proven.
        link.restrictionFailed = true;
        say(cliText('joinRestrictFailed', { node: truster.country, partner: trusted.country, error: describe(err) }));
      }
    }
    if (pairLinks.every((l) => l.pinned.length > 0)) {
      for (const link of pairLinks) {
        const issuer = link.partner === node.country ? node : partner;
        const verifier = link.node === node.country ? node : partner;
        link.proof = await prove(issuer, verifier, say);
      }
    }
    links.push(...pairLinks);
  }
  return links;
}

/** The root thumbprints a node's entity configuration announces, read as the admin would before pinning. */
async function announcedRoots(participant: JoinNode): Promise<string[]> {
  const url = `${participant.baseUrl}/.well-known/openid-federation`;
  let statement: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    statement = await response.text();
  } catch (err) {
    throw new CliError('nodeUnreachable', { endpoint: url, cause: (err as Error).message });
  }
  const payload = unverifiedPayload<EntityConfigurationPayload>(statement);
  if (payload.iss !== participant.country)
    throw new CliError('wrongStatement', { url, actual: String(payload.iss ?? '?'), expected: participant.country });
  return Promise.all((payload.jwks?.keys ?? []).map((jwk) => thumbprint(jwk)));
}

async function confirm(country: string, announced: string[], confirmation: Confirmation, say: (line: string) => void): Promise<string[]> {
  if ('file' in confirmation) {
    const expected = confirmation.file.get(country);
    if (!expected) {
      say(cliText('joinNotInFile', { country, path: confirmation.path }));
      return [];
    }
    // Every thumbprint received must be announced: a stray one means the letter and the node disagree.
    if (!expected.every((t) => announced.includes(t))) {
      say(
        cliText('joinFileMismatch', { country, path: confirmation.path, expected: expected.join(', '), announced: announced.join(', ') }),
      );
      return [];
    }
    return expected;
  }
  const pins: string[] = [];
  for (const root of announced) if (isYes(await confirmation.ask(cliText('joinAsk', { thumbprint: root, country })))) pins.push(root);
  if (pins.length === 0) say(cliText('joinNotConfirmed', { country }));
  return pins;
}

/** `issuer` issues a short-lived test document, `verifier` verifies it; the document is revoked afterwards. */
async function prove(issuer: JoinNode, verifier: JoinNode, say: (line: string) => void): Promise<string> {
  let issued: { jws: string; jti: string };
  try {
    issued = (
      await graphqlRequest(target(issuer), IssueProofDocumentDocument, {
        input: {
          docType: PROOF_DOC_TYPE,
          subject: `${issuer.country}:FEDJOIN:${verifier.country}-${Date.now()}`,
          claims: { purpose: 'federation join proof', verifier: verifier.country },
          validDays: 1,
          lang: 'EN',
        },
      })
    ).issueDocument;
  } catch (err) {
    say(cliText('joinProofFailed', { issuer: issuer.country, error: describe(err) }));
    return '-';
  }
  const { verifyDocument } = await graphqlRequest({ endpoint: `${verifier.baseUrl}/graphql` }, VerifyDocumentAtDocument, {
    jws: issued.jws,
  });
  // Nothing valid is left behind: the test document served its purpose once verified.
  await graphqlRequest(target(issuer), RevokeProofDocumentDocument, { jti: issued.jti, reason: 'federation join proof' });
  return verifyDocument.reason;
}

const target = (node: JoinNode): NodeTarget => ({ endpoint: `${node.baseUrl}/graphql`, token: node.token });

const describe = (err: unknown): string =>
  err instanceof NodeRequestError ? err.describe() : err instanceof Error ? err.message : String(err);

/** Questions on stderr, answers read line by line from standard input; the end of input answers no. */
export function terminalQuestions(): { ask: (question: string) => Promise<string>; close: () => void } {
  const lines = createInterface({ input: process.stdin, terminal: false });
  const queued: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let closed = false;
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queued.push(line);
  });
  lines.on('close', () => {
    closed = true;
    for (const next of waiting.splice(0)) next('');
  });
  return {
    ask(question) {
      process.stderr.write(question);
      const line = queued.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (closed) return Promise.resolve('');
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => lines.close(),
  };
}
