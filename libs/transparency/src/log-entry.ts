import type { JWK } from 'jose';
import { signCompact, unverifiedPayload, type SigningKey } from '@ots/jws';
import { leafHash } from './merkle-tree.js';

export const LOG_ENTRY_TYP = 'ots-log-entry+jwt';

/** What the log records; `key.*` are the node's own keys, `trust.*` its decisions about partners. */
export const LOG_EVENTS = [
  'log.genesis',
  'key.added',
  'key.revoked',
  'trust.pinned',
  'trust.key-accepted',
  'trust.suspended',
  'trust.reactivated',
  'trust.revoked',
  'trust.key-revoked',
] as const;
export type LogEventName = (typeof LOG_EVENTS)[number];

/** An event before the log numbers and signs it: `subject` is a key thumbprint or a partner country. */
export interface LogEvent {
  event: LogEventName;
  subject: string;
  [field: string]: unknown;
}

/** The signed payload of one entry: the event, where it sits in the log, whose log, and when. */
export interface LogEntryPayload extends LogEvent {
  v: 1;
  iss: string;
  idx: number;
  iat: number;
}

/** JSON with object members sorted (RFC 8785's order for ASCII names) and no spaces: one spelling per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortMembers(value));
}

function sortMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortMembers);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[name];
    if (member !== undefined) sorted[name] = sortMembers(member);
  }
  return sorted;
}

/**
 * One leaf: a compact JWS (`typ: ots-log-entry+jwt`) by the node's `log` key over the canonical JSON of the entry.
 * The leaf bytes are the ASCII of the JWS, so a reader recomputes the tree from `/transparency/entries` alone and
 * checks each entry's signature with the `log` certificate of the node's entity configuration.
 *
 * @example
 * const leaf = await signLogEntry({ v: 1, iss: 'KZ', idx: 0, iat, event: 'log.genesis', subject: 'KZ' }, logKey);
 */
export async function signLogEntry(payload: LogEntryPayload, logKey: { kid: string; privateJwk: JWK | SigningKey }): Promise<string> {
  const canonical = JSON.parse(canonicalJson(payload)) as Record<string, unknown>;
  return signCompact(canonical, { typ: LOG_ENTRY_TYP, kid: logKey.kid }, logKey.privateJwk);
}

/** The RFC 6962 leaf hash of an entry's bytes. */
export const entryLeafHash = (leaf: string): Buffer => leafHash(Buffer.from(leaf, 'ascii'));

/** The entry's payload, not verified: for reading the log the node itself wrote, or after checking the signature. */
export const readLogEntry = (leaf: string): Partial<LogEntryPayload> => unverifiedPayload<LogEntryPayload>(leaf);
