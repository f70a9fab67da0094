import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrustView } from '@ots/jws';
import { b64, makeIssuer, reasonOf, trustViewOf, validDocument } from '../../../test/support/document-fixtures.js';
import { verifyDocumentChain } from './document-verifier.js';

describe(`${verifyDocumentChain.name}: mutations of a valid document never verify as OK`, () => {
  let view: TrustView;
  let original: string;
  beforeAll(async () => {
    const kz = await makeIssuer('KZ');
    view = trustViewOf([kz]);
    original = await validDocument(kz);
  });

  it('random character replacements anywhere', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: alphabet.length - 1 })), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const chars = [...original];
          for (const [position, letter] of edits) chars[position % chars.length] = alphabet[letter] as string;
          const mutated = chars.join('');
          fc.pre(mutated !== original);
          expect(await reasonOf(mutated, view)).not.toBe('OK');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random insertions and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 8 }), async (position, deleteCount, insert) => {
        const at = position % original.length;
        const mutated = original.slice(0, at) + insert + original.slice(at + deleteCount);
        fc.pre(mutated !== original);
        expect(await reasonOf(mutated, view)).not.toBe('OK');
      }),
      { numRuns: 300 },
    );
  });

  it('structural changes to header or payload members, re-encoded', async () => {
    const [headerPart, payloadPart, signature] = original.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString());
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.constantFrom(...Object.keys(header), ...Object.keys(payload)),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.jsonValue()),
        async (inHeader, member, value) => {
          const target = inHeader ? { ...header } : { ...payload };
          fc.pre(JSON.stringify(target[member]) !== JSON.stringify(value));
          target[member] = value;
          const mutated = inHeader ? `${b64(target)}.${payloadPart}.${signature}` : `${headerPart}.${b64(target)}.${signature}`;
          expect(await reasonOf(mutated, view)).not.toBe('OK');
        },
      ),
      { numRuns: 300 },
    );
  });
});
