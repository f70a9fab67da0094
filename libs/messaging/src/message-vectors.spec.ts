import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnchorsFile, toPublicJwk, type IssuerTrust } from '@ots/jws';
import { decryptMessage, MessageRefusedError, sha256, verifyEnvelope, verifyReceipt } from './envelope.js';
import { REFUSAL_CODES } from './refusals.js';

/** The published message vectors (docs/protocol/vectors/message.json): a JWE made by jose, opened by this node's code. */
const vector = (file: string) => JSON.parse(readFileSync(new URL(`../../../docs/protocol/vectors/${file}`, import.meta.url), 'utf8'));
const message = vector('message.json');
const { parties } = vector('keys.json');

const trustOf = async (country: string): Promise<IssuerTrust> => {
  const view = await parseAnchorsFile({
    version: 1,
    exportedBy: 'vectors',
    exportedAt: '2026-01-01T00:00:00.000Z',
    anchors: [{ country, status: 'active', rootKeys: [toPublicJwk(parties[country].root)], revokedKeys: [] }],
  });
  return view.issuer(country)!;
};

describe('docs/protocol/vectors/message.json', () => {
  it("decrypts the JWE with the recipient's key to the envelope, which verifies to its payload", async () => {
    const envelope = decryptMessage(message.jwe.compact, [parties.TR.enc]);
    expect(envelope).toBe(message.envelope.jws);
    expect(sha256(envelope)).toBe(message.envelope.sha256);
    expect(await verifyEnvelope(envelope, await trustOf('KZ'), 'TR', message.verifyAt)).toEqual(message.envelope.payload);
  });

  it('has a receipt the sender accepts for that envelope, and only for it', async () => {
    const tr = await trustOf('TR');
    const { jti } = message.envelope.payload;
    expect(await verifyReceipt(message.receipt.jws, tr, 'KZ', jti, [message.envelope.sha256])).toEqual(message.receipt.payload);
    await expect(verifyReceipt(message.receipt.jws, tr, 'KZ', jti, [sha256('another envelope')])).rejects.toThrow();
  });

  it.each(message.refusals as { name: string; jwe: string; expected: string }[])(
    'refuses $name with $expected',
    async ({ jwe, expected }) => {
      const refusal = async () => verifyEnvelope(decryptMessage(jwe, [parties.TR.enc]), await trustOf('KZ'), 'TR', message.verifyAt);
      const err = await refusal().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MessageRefusedError);
      expect(REFUSAL_CODES[(err as MessageRefusedError).refusal]).toBe(expected);
    },
  );
});
