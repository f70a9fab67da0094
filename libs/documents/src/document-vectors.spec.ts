import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JwsVerificationError, parseAnchorsFile, verifySignedByChain, type VerificationReason } from '@ots/jws';
import { verifyDocumentChain } from './document-verifier.js';
import { decodeStatusList, STATUS_LIST_TYP, statusBit } from './status-list.js';

/** The published vectors (docs/protocol/vectors), read as data: the verifier must reach every expected outcome. */
const vector = (file: string) => JSON.parse(readFileSync(new URL(`../../../docs/protocol/vectors/${file}`, import.meta.url), 'utf8'));

const documents = vector('documents.json') as {
  verifyAt: number;
  cases: { name: string; expected: VerificationReason; jws: string }[];
};
const statusList = vector('status-list.json') as {
  uri: string;
  jws: string;
  expected: { set: number[]; notSet: number[] };
};

describe('docs/protocol/vectors', () => {
  it('covers every verification outcome', async () => {
    const { VERIFICATION_REASONS } = await import('@ots/jws');
    expect(new Set(documents.cases.map((c) => c.expected))).toEqual(new Set(VERIFICATION_REASONS));
  });

  it("has a status list that verifies with the issuer's chain and has exactly the entries it says set", async () => {
    const trust = await parseAnchorsFile(vector('trust.json'));
    const { payload } = await verifySignedByChain<{ iat: number; sub: string; status_list: { lst: string } }>(
      statusList.jws,
      STATUS_LIST_TYP,
      trust.issuer('KZ')!,
      'doc',
    );
    expect(payload.sub).toBe(statusList.uri);
    const bits = decodeStatusList(payload.status_list.lst);
    for (const idx of statusList.expected.set) expect(statusBit(bits, idx)).toBe(1);
    for (const idx of statusList.expected.notSet) expect(statusBit(bits, idx)).toBe(0);
  });

  it.each(documents.cases)('document $name is $expected', async ({ jws, expected }) => {
    const trust = await parseAnchorsFile(vector('trust.json'));
    let reason: VerificationReason;
    try {
      const { payload } = await verifyDocumentChain(jws, trust, documents.verifyAt);
      // The status step, as a node runs it after the chain: the entry in the issuer's list.
      expect(payload.status.status_list.uri).toBe(statusList.uri);
      const bits = decodeStatusList(
        (
          await verifySignedByChain<{ iat: number; status_list: { lst: string } }>(
            statusList.jws,
            STATUS_LIST_TYP,
            trust.issuer('KZ')!,
            'doc',
          )
        ).payload.status_list.lst,
      );
      reason = statusBit(bits, payload.status.status_list.idx) === 1 ? 'DOCUMENT_REVOKED' : 'OK';
    } catch (err) {
      if (!(err instanceof JwsVerificationError)) throw err;
      reason = err.reason;
    }
    expect(reason).toBe(expected);
  });
});
