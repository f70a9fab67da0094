import { createHash } from 'node:crypto';

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
  return createHash('sha256')
    .update(JSON.stringify([prevHash, record.seq, record.at, record.actor, record.action, record.subject, record.details]))
    .digest('hex');
}

/** The first entry whose hash or link does not match, or undefined when the whole chain holds. */
export function findBrokenEntry(
  entries: readonly (AuditRecord & { prevHash: string; hash: string })[],
): { seq: number; problem: string } | undefined {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { seq: entry.seq, problem: `sequence jumps from ${expectedSeq - 1} to ${entry.seq}` };
    if (entry.prevHash !== expectedPrev) return { seq: entry.seq, problem: 'does not link to the entry before it' };
    if (auditHash(entry.prevHash, entry) !== entry.hash) return { seq: entry.seq, problem: 'its content does not match its hash' };
    expectedPrev = entry.hash;
    expectedSeq += 1;
  }
  return undefined;
}
