import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { isSigningKey, type SigningKey } from '@ots/jws';

/**
 * C2SP signed notes (c2sp.org/signed-note) and the two uses the log makes of them: the checkpoint a log signs
 * (c2sp.org/tlog-checkpoint, Ed25519 signature type 0x01) and the cosignature a witness adds
 * (c2sp.org/tlog-cosignature, `cosignature/v1`, type 0x04). Framework-free; keys are node:crypto Ed25519 keys.
 *
 * @example
 * const note = signCheckpoint({ origin: 'ots.federation/KZ', size: 3, rootHash }, 'ots.federation/KZ', logKey);
 * openCheckpoint(note, 'ots.federation/KZ', logPublicKey); // { origin, size, rootHash, signatures }
 */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  signature: Buffer;
}

const ED25519_NOTE = 0x01;
const ED25519_COSIGNATURE = 0x04;
const DASH = '\u2014';

/** The 32 raw bytes of an Ed25519 public key. */
export const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');

/** SHA-256(name || "\n" || type || public key)[:4]: the key ID that tells a verifier which line is its own. */
export function noteKeyId(name: string, type: number, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.of(type), rawPublicKey(publicKey)]))
    .digest()
    .subarray(0, 4);
}

/** The verifier key string of c2sp.org/signed-note: `<name>+<hex key ID>+<base64(type || key)>`. */
export function verifierKey(name: string, publicKey: KeyObject): string {
  const keyId = noteKeyId(name, ED25519_NOTE, publicKey).toString('hex');
  return `${name}+${keyId}+${Buffer.concat([Buffer.of(ED25519_NOTE), rawPublicKey(publicKey)]).toString('base64')}`;
}

export function checkpointBody({ origin, size, rootHash }: Checkpoint): string {
  if (!origin || /[\n]/.test(origin)) throw new RangeError('a checkpoint origin is one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`bad tree size ${size}`);
  return `${origin}\n${size}\n${rootHash.toString('base64')}\n`;
}

/** The node's log key signs through SigningKey (it may sit in a token); tests and witnesses pass a KeyObject. */
const signNote = (key: KeyObject | SigningKey, data: Buffer): Buffer => (isSigningKey(key) ? key.sign(data) : sign(null, data, key));

const signatureLine = (name: string, bytes: Buffer): string => `${DASH} ${name} ${bytes.toString('base64')}\n`;

/** The checkpoint as a signed note: body, blank line, the log's signature line. */
export function signCheckpoint(checkpoint: Checkpoint, name: string, privateKey: KeyObject | SigningKey, publicKey: KeyObject): string {
  const body = checkpointBody(checkpoint);
  const signature = signNote(privateKey, Buffer.from(body));
  return `${body}\n${signatureLine(name, Buffer.concat([noteKeyId(name, ED25519_NOTE, publicKey), signature]))}`;
}

/** Splits a note into its body and signature lines; undefined when it is not a well-formed note. */
export function parseNote(note: string): { body: string; signatures: NoteSignature[] } | undefined {
  const cut = note.lastIndexOf('\n\n');
  if (cut < 0 || !note.endsWith('\n')) return undefined;
  const body = note.slice(0, cut + 1);
  const signatures: NoteSignature[] = [];
  for (const line of note.slice(cut + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    if (!match) return undefined;
    const bytes = Buffer.from(match[2] as string, 'base64');
    if (bytes.length < 5) return undefined;
    signatures.push({ name: match[1] as string, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) });
  }
  return signatures.length > 0 ? { body, signatures } : undefined;
}

/** The checkpoint a body states; undefined when the body is not a checkpoint. */
export function parseCheckpointBody(body: string): Checkpoint | undefined {
  const match = /^([^\n]+)\n(0|[1-9][0-9]*)\n([A-Za-z0-9+/]{43}=)\n/.exec(body);
  if (!match) return undefined;
  const size = Number(match[2]);
  return Number.isSafeInteger(size) ? { origin: match[1] as string, size, rootHash: Buffer.from(match[3] as string, 'base64') } : undefined;
}

/**
 * A checkpoint note verified against the log's key: the checkpoint, and every signature line it carries (so that
 * cosignatures can be checked by whoever knows the witnesses). Undefined when the log's own signature is missing or
 * does not verify, or the origin is not the expected one.
 */
export function openCheckpoint(
  note: string,
  name: string,
  publicKey: KeyObject,
): (Checkpoint & { body: string; signatures: NoteSignature[] }) | undefined {
  const parsed = parseNote(note);
  const checkpoint = parsed && parseCheckpointBody(parsed.body);
  if (!parsed || !checkpoint || checkpoint.origin !== name) return undefined;
  const keyId = noteKeyId(name, ED25519_NOTE, publicKey);
  const own = parsed.signatures.find((s) => s.name === name && s.keyId.equals(keyId));
  if (!own || !verify(null, Buffer.from(parsed.body), publicKey, own.signature)) return undefined;
  return { ...checkpoint, body: parsed.body, signatures: parsed.signatures };
}

const cosignedMessage = (body: string, timestamp: number): Buffer => Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`);

/** A witness's cosignature line (`cosignature/v1`) over a checkpoint body, at `timestamp` (POSIX seconds). */
export function cosignatureLine(
  body: string,
  witness: string,
  privateKey: KeyObject | SigningKey,
  publicKey: KeyObject,
  timestamp: number,
): string {
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  const signature = signNote(privateKey, cosignedMessage(body, timestamp));
  return signatureLine(witness, Buffer.concat([noteKeyId(witness, ED25519_COSIGNATURE, publicKey), time, signature]));
}

/** The time of a witness's valid cosignature among a note's signatures, or undefined when it has none. */
export function cosignedAt(body: string, signatures: readonly NoteSignature[], witness: string, publicKey: KeyObject): number | undefined {
  const keyId = noteKeyId(witness, ED25519_COSIGNATURE, publicKey);
  for (const line of signatures) {
    if (line.name !== witness || !line.keyId.equals(keyId) || line.signature.length !== 72) continue;
    const timestamp = Number(line.signature.readBigUInt64BE(0));
    if (verify(null, cosignedMessage(body, timestamp), publicKey, line.signature.subarray(8))) return timestamp;
  }
  return undefined;
}

/** The name and Ed25519 key of a verifier key string; undefined when it is not one (or its key ID is wrong). */
export function parseVerifierKey(text: string): { name: string; publicKey: KeyObject } | undefined {
  // The name and the hex key ID hold no '+'; the base64 key may.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text);
  if (!match) return undefined;
  const [, name, keyId, encoded] = match as unknown as [string, string, string, string];
  const raw = Buffer.from(encoded, 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519_NOTE) return undefined;
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') }, format: 'jwk' });
  return noteKeyId(name, ED25519_NOTE, publicKey).toString('hex') === keyId ? { name, publicKey } : undefined;
}
