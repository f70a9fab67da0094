import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
}

/** SHA-256 over the previous hash and the entry's fields in a fixed order: a change anywhere breaks every later hash. */
export function auditHash(prevHash: string, record: AuditRecord): string {
  // The one-shot hash: verifying a million entries spent a third of its time building Hash objects.
  return hash(
    'sha256',
    JSON.stringify([prevHash, record.seq, record.at, record.actor, record.action, record.subject, record.details]),
    'hex',
  );
}

/** Where a chain checked so far ends: the hash and sequence number the next entry must follow. */
export interface ChainPosition {
  prevHash: string;
  seq: number;
}

export const CHAIN_START: ChainPosition = { prevHash: GENESIS_HASH, seq: 1 };

/**
 * The first entry whose hash or link does not match, or undefined when the whole chain holds. `from` lets a long
 * log be checked page by page: each page starts where the one before it ended.
 */
export function findBrokenEntry(
  entries: readonly (AuditRecord & { prevHash: string; hash: string })[],
  from: ChainPosition = CHAIN_START,
): { seq: number; problem: string } | undefined {
  let expectedPrev = from.prevHash;
  let expectedSeq = from.seq;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { seq: entry.seq, problem: `sequence jumps from ${expectedSeq - 1} to ${entry.seq}` };
    if (entry.prevHash !== expectedPrev) return { seq: entry.seq, problem: 'does not link to the entry before it' };
    if (auditHash(entry.prevHash, entry) !== entry.hash) return { seq: entry.seq, problem: 'its content does not match its hash' };
    expectedPrev = entry.hash;
    expectedSeq += 1;
  }
  return undefined;
}
