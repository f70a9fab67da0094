import { createHash, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import {
  CLOCK_SKEW_SECONDS,
  CONTENT_ENCRYPTION_ALGORITHM,
  decryptCompact,
  encryptCompact,
  JweDecryptionError,
  jweHeader,
  JwsVerificationError,
  KEY_ENCRYPTION_ALGORITHM,
  signCompact,
  verifySignedByChain,
  unverifiedPayload,
  type IssuerTrust,
  type KeyAgreementKey,
  type SigningKey,
} from '@ots/jws';
import {
  ENVELOPE_TYP,
  MAX_ENVELOPE_LIFETIME_SECONDS,
  MAX_MESSAGE_BYTES,
  MSG_TYPES,
  RECEIPT_TYP,
  type EnvelopePayload,
  type MsgType,
  type ReceiptPayload,
} from './message-types.js';
import type { MessageRefusal } from './refusals.js';

export interface Signer {
  kid: string;
  /** A private JWK, or the node's key as its backend lends it (it may sit in a token). */
  privateJwk: JWK | SigningKey;
  certificate: string;
}

/** Why the envelope itself was refused (`REFUSAL_CODES` names the code each travels under). */
export class MessageRefusedError extends Error {
  constructor(
    readonly refusal: Exclude<MessageRefusal, 'NOT_ACCEPTED' | 'UNHANDLED' | 'DEFERRED'>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MessageRefusedError';
  }
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Signs the envelope (docs/protocol section 6): fresh `iat`/`exp` on every send, the same `jti` on every retry. */
export function signEnvelope(input: {
  iss: string;
  aud: string;
  jti?: string;
  msgType: MsgType;
  body: Record<string, unknown>;
  signer: Signer;
  now?: number;
}): Promise<string> {
  const iat = input.now ?? nowSeconds();
  const payload: EnvelopePayload = {
    iss: input.iss,
    aud: input.aud,
    jti: input.jti ?? randomUUID(),
    iat,
    exp: iat + MAX_ENVELOPE_LIFETIME_SECONDS,
    msg_type: input.msgType,
    body: input.body,
  };
  return signCompact(
    { ...payload },
    { typ: ENVELOPE_TYP, kid: input.signer.kid, trust_chain: [input.signer.certificate] },
    input.signer.privateJwk,
  );
}

/** Encrypts a signed envelope to the recipient's X25519 key: compact JWE, ECDH-ES+A256KW / A256GCM, `cty: JWT`. */
export function encryptEnvelope(envelope: string, recipientKey: JWK): string {
  return encryptCompact(envelope, recipientKey, { cty: 'JWT' });
}

/** Decrypts with whichever of this node's encryption keys the JWE names (current or recently rotated). */
export function decryptMessage(message: unknown, keys: readonly (JWK | KeyAgreementKey)[]): string {
  if (typeof message !== 'string') throw new MessageRefusedError('MALFORMED', 'message is not a string');
  if (message.length > MAX_MESSAGE_BYTES) throw new MessageRefusedError('TOO_LARGE', `message larger than ${MAX_MESSAGE_BYTES} bytes`);
  let header;
  try {
    header = jweHeader(message);
  } catch (err) {
    throw new MessageRefusedError('UNDECRYPTABLE', 'not a compact JWE', { cause: err });
  }
  if (header.alg !== KEY_ENCRYPTION_ALGORITHM || header.enc !== CONTENT_ENCRYPTION_ALGORITHM)
    throw new MessageRefusedError('UNDECRYPTABLE', 'unsupported JWE algorithms');
  for (const key of keys.filter((k) => !header.kid || k.kid === header.kid)) {
    try {
      return decryptCompact(message, key);
    } catch (err) {
      if (!(err instanceof JweDecryptionError)) throw err;
      // try the next key
    }
  }
  throw new MessageRefusedError('UNDECRYPTABLE', 'the message does not decrypt with any key of this node');
}

/** Reads `iss` without trusting it, to pick the issuer's anchor before verifying. */
export function claimedIssuer(envelope: string): string | undefined {
  try {
    const { iss } = decodeUnverified(envelope);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a decrypted envelope: first its time window (an envelope outside
 * it is EXPIRED whatever else is wrong with it), then signature and chain
 * (a signer certified for `msg`), sender, audience and shape.
 */
export async function verifyEnvelope(
  envelope: string,
  issuer: IssuerTrust | undefined,
  self: string,
  now = nowSeconds(),
): Promise<EnvelopePayload> {
  const claimed = decodeUnverified(envelope);
  const { iat, exp } = claimed;
  if (
    !Number.isInteger(iat) ||
    !Number.isInteger(exp) ||
    (exp as number) <= (iat as number) ||
    (exp as number) - (iat as number) > MAX_ENVELOPE_LIFETIME_SECONDS
  ) {
    throw new MessageRefusedError('EXPIRED', 'exp must be at most 300 s after iat');
  }
  if ((exp as number) + CLOCK_SKEW_SECONDS <= now || (iat as number) - CLOCK_SKEW_SECONDS > now)
    throw new MessageRefusedError('EXPIRED', 'outside its time window');
  if (!issuer || issuer.status !== 'active') throw new MessageRefusedError('UNTRUSTED', 'no active trust anchor for the sender');
  let payload: EnvelopePayload;
  try {
    ({ payload } = await verifySignedByChain<EnvelopePayload>(envelope, ENVELOPE_TYP, issuer, 'msg', { maxBytes: MAX_MESSAGE_BYTES }));
  } catch (err) {
    const reason = err instanceof JwsVerificationError ? err.reason : 'MALFORMED';
    throw new MessageRefusedError(
      reason === 'MALFORMED' || reason === 'BAD_TYPE' ? 'MALFORMED' : 'UNTRUSTED',
      `envelope refused: ${reason}`,
      { cause: err },
    );
  }
  if (payload.iss !== issuer.country) throw new MessageRefusedError('UNTRUSTED', 'iss is not the certified issuer');
  if (payload.aud !== self) throw new MessageRefusedError('WRONG_AUDIENCE', `message is for ${String(payload.aud)}`);
  if (typeof payload.jti !== 'string' || payload.jti.length === 0 || payload.jti.length > 64)
    throw new MessageRefusedError('MALFORMED', 'jti missing');
  if (!(MSG_TYPES as readonly string[]).includes(payload.msg_type))
    throw new MessageRefusedError('MALFORMED', `unknown msg_type ${String(payload.msg_type)}`);
  if (typeof payload.body !== 'object' || payload.body === null) throw new MessageRefusedError('MALFORMED', 'body missing');
  return payload;
}

function decodeUnverified(envelope: string): Partial<EnvelopePayload> {
  try {
    return unverifiedPayload<EnvelopePayload>(envelope);
  } catch (err) {
    throw new MessageRefusedError('MALFORMED', 'the envelope is not a JWS with a JSON payload', { cause: err });
  }
}

/** The receipt for a verified envelope: its `jti` and the SHA-256 of its compact form (the inbox stores the same digest). */
export function signReceipt(input: { iss: string; envelope: EnvelopePayload; envelopeSha256: string; signer: Signer }): Promise<string> {
  const payload: ReceiptPayload = {
    iss: input.iss,
    aud: input.envelope.iss,
    jti: randomUUID(),
    iat: nowSeconds(),
    msg_jti: input.envelope.jti,
    msg_sha256: input.envelopeSha256,
  };
  return signCompact(
    { ...payload },
    { typ: RECEIPT_TYP, kid: input.signer.kid, trust_chain: [input.signer.certificate] },
    input.signer.privateJwk,
  );
}

/**
 * The sender's check of a receipt: signed by the recipient's certified key,
 * addressed to this node, about this `jti`, and naming the digest of one of
 * the envelopes sent under it (a retry after expiry is re-signed, and a
 * repeat delivery is answered with the first receipt).
 */
export async function verifyReceipt(
  receipt: string,
  recipient: IssuerTrust,
  self: string,
  sentJti: string,
  sentDigests: readonly string[],
): Promise<ReceiptPayload> {
  const { payload } = await verifySignedByChain<ReceiptPayload>(receipt, RECEIPT_TYP, recipient, 'msg');
  if (
    payload.iss !== recipient.country ||
    payload.aud !== self ||
    payload.msg_jti !== sentJti ||
    !sentDigests.includes(payload.msg_sha256)
  ) {
    throw new JwsVerificationError('BAD_TYPE', 'the receipt is not for this message');
  }
  return payload;
}
