import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { BackupAlteredError, BackupPassphraseError, BackupVersionError, NotABackupError } from './backup.errors.js';

/**
 * The backup file (docs/admin-guide.md, "Backup"; docs/decisions.md): a versioned preamble, then the payload in
 * AES-256-GCM chunks.
 *
 *   preamble  = MAGIC (8) | version (1) | header length (u32) | header (JSON: KDF and its parameters, chunk size)
 *   keyCheck  = HMAC-SHA256(macKey, preamble)                  -- tells a wrong passphrase from a changed file
 *   digest    = SHA-256(preamble | keyCheck)                   -- any changed bit of the two is "altered"
 *   chunk i   = flag (1: 0 more, 1 last) | length (u32) | ciphertext | tag (16)
 *               nonce = 0000 | i (u64), AAD = SHA-256(preamble) | flag
 *
 * scrypt (memory-hard) turns the passphrase and a random salt into encKey | macKey; the salt is fresh for every
 * file, so the chunk counter alone makes each nonce unique. The header's bytes are in every chunk's AAD, so the KDF
 * parameters cannot be weakened unnoticed; the flag in the AAD makes a cut-off file fail instead of looking shorter.
 * Chunks are independent, so neither writer nor reader holds more than one in memory.
 */
export const BACKUP_MAGIC = Buffer.from('OTSBKUP\0', 'latin1');
export const BACKUP_FORMAT_VERSION = 1;

export interface ScryptParams {
  /** log2 of scrypt's cost N. */
  logN: number;
  r: number;
  p: number;
}

/** 2^17 x 8 x 128 B = 128 MiB of memory per guess, about half a second on a server core. */
export const STRONG_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
const LOG_N_RANGE = { min: 10, max: 20 };
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const MAX_HEADER_LENGTH = 4096;
const TAG_LENGTH = 16;
const CHUNK_HEAD_LENGTH = 5;

export interface BackupHeader {
  kdf: { name: 'scrypt'; logN: number; r: number; p: number; salt: string };
  aead: 'aes-256-gcm';
  chunkSize: number;
}

interface Keys {
  encKey: Buffer;
  macKey: Buffer;
}

async function deriveKeys(passphrase: Buffer, kdf: BackupHeader['kdf']): Promise<Keys> {
  const N = 2 ** kdf.logN;
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase, Buffer.from(kdf.salt, 'base64'), 64, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r }, (err, derived) =>
      err ? reject(err) : resolve(derived),
    ),
  );
  return { encKey: key.subarray(0, 32), macKey: key.subarray(32) };
}

function encodePreamble(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(BACKUP_MAGIC.length + 5);
  BACKUP_MAGIC.copy(fixed);
  fixed.writeUInt8(BACKUP_FORMAT_VERSION, BACKUP_MAGIC.length);
  fixed.writeUInt32BE(json.length, BACKUP_MAGIC.length + 1);
  return Buffer.concat([fixed, json]);
}

const keyCheckOf = (keys: Keys, preamble: Buffer): Buffer => createHmac('sha256', keys.macKey).update(preamble).digest();
const digestOf = (preamble: Buffer, keyCheck: Buffer): Buffer => createHash('sha256').update(preamble).update(keyCheck).digest();

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

/** Rejects a passphrase file's content that is too weak to protect keys: at least 12 bytes after trimming. */
export function passphraseFrom(content: Buffer): Buffer | undefined {
  const text = content.toString('utf8').replace(/\r?\n$/, '');
  return Buffer.byteLength(text) >= 12 ? Buffer.from(text, 'utf8') : undefined;
}

/**
 * Seals a payload into the backup format, chunk by chunk, handing each piece of the file to `sink` in order.
 * `write` may be called with pieces of any size; `finish` seals the last chunk (possibly empty) as the last one.
 */
export class BackupSealer {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private index = 0;
  private finished = false;

  private constructor(
    private readonly sink: (piece: Buffer) => Promise<void>,
    private readonly keys: Keys,
    private readonly aad: Buffer,
    private readonly chunkSize: number,
  ) {}

  static async create(
    sink: (piece: Buffer) => Promise<void>,
    passphrase: Buffer,
    options: { scrypt?: ScryptParams; chunkSize?: number } = {},
  ): Promise<BackupSealer> {
    const params = options.scrypt ?? STRONG_SCRYPT;
    const header: BackupHeader = {
      kdf: { name: 'scrypt', ...params, salt: randomBytes(16).toString('base64') },
      aead: 'aes-256-gcm',
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    };
    checkHeader(header);
    const keys = await deriveKeys(passphrase, header.kdf);
    const preamble = encodePreamble(header);
    const keyCheck = keyCheckOf(keys, preamble);
    await sink(Buffer.concat([preamble, keyCheck, digestOf(preamble, keyCheck)]));
    return new BackupSealer(sink, keys, createHash('sha256').update(preamble).digest(), header.chunkSize);
  }

  async write(data: Buffer): Promise<void> {
    if (this.finished) throw new Error('the backup is sealed already');
    this.pending.push(data);
    this.pendingLength += data.length;
    // A full chunk is sealed as "more" only once a byte beyond it exists: the last chunk is always the one `finish` seals.
    while (this.pendingLength > this.chunkSize) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, this.chunkSize), false);
      const rest = all.subarray(this.chunkSize);
      this.pending = [rest];
      this.pendingLength = rest.length;
    }
  }

  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const flag = last ? 1 : 0;
    const cipher = createCipheriv('aes-256-gcm', this.keys.encKey, nonce(this.index));
    cipher.setAAD(Buffer.concat([this.aad, Buffer.from([flag])]));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(CHUNK_HEAD_LENGTH);
    head.writeUInt8(flag, 0);
    head.writeUInt32BE(body.length, 1);
    this.index += 1;
    await this.sink(Buffer.concat([head, body, cipher.getAuthTag()]));
  }
}

function checkHeader(header: BackupHeader): void {
  const { kdf } = header;
  const integer = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  if (
    kdf?.name !== 'scrypt' ||
    !integer(kdf.logN, LOG_N_RANGE.min, LOG_N_RANGE.max) ||
    !integer(kdf.r, 1, 32) ||
    !integer(kdf.p, 1, 16) ||
    typeof kdf.salt !== 'string' ||
    Buffer.from(kdf.salt, 'base64').length < 16 ||
    header.aead !== 'aes-256-gcm' ||
    !integer(header.chunkSize, 1, MAX_CHUNK_SIZE)
  )
    throw new BackupVersionError(`unsupported backup parameters: ${JSON.stringify(header)}`);
}

/** Reads exactly `length` bytes at the current position, or fewer at the end of the file. */
export type ByteSource = (length: number) => Promise<Buffer>;

/**
 * Opens a sealed backup: checks the preamble, derives the keys and tells a wrong passphrase from a changed file
 * before any payload is read; `chunks` then yields the plaintext chunk by chunk, each authenticated before it is
 * handed out, and throws BackupAlteredError on the first that is not (or if the file ends before its last chunk).
 */
export async function openBackup(read: ByteSource, passphrase: Buffer): Promise<{ header: BackupHeader; chunks: AsyncGenerator<Buffer> }> {
  const fixed = await read(BACKUP_MAGIC.length + 5);
  if (fixed.length < BACKUP_MAGIC.length || !fixed.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw new NotABackupError('not an OTS backup file');
  if (fixed.length < BACKUP_MAGIC.length + 5) throw new BackupAlteredError('the backup ends inside its header');
  const version = fixed.readUInt8(BACKUP_MAGIC.length);
  const headerLength = fixed.readUInt32BE(BACKUP_MAGIC.length + 1);
  if (headerLength > MAX_HEADER_LENGTH) throw new BackupAlteredError('the backup header has an impossible length');
  const json = await read(headerLength);
  const checks = await read(64);
  if (json.length < headerLength || checks.length < 64) throw new BackupAlteredError('the backup ends inside its header');
  const preamble = Buffer.concat([fixed, json]);
  const keyCheck = checks.subarray(0, 32);
  if (!digestOf(preamble, keyCheck).equals(checks.subarray(32))) throw new BackupAlteredError('the backup header has been changed');
  if (version !== BACKUP_FORMAT_VERSION) throw new BackupVersionError(`backup format version ${version} is not supported`);
  let header: BackupHeader;
  try {
    header = JSON.parse(json.toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupVersionError('the backup header is not JSON');
  }
  checkHeader(header);
  const keys = await deriveKeys(passphrase, header.kdf);
  if (!timingSafeEqual(keyCheckOf(keys, preamble), keyCheck)) throw new BackupPassphraseError('wrong passphrase for this backup');
  const aad = createHash('sha256').update(preamble).digest();
  return { header, chunks: openChunks(read, keys, aad, header.chunkSize) };
}

async function* openChunks(read: ByteSource, keys: Keys, aad: Buffer, chunkSize: number): AsyncGenerator<Buffer> {
  for (let index = 0; ; index += 1) {
    const head = await read(CHUNK_HEAD_LENGTH);
    if (head.length < CHUNK_HEAD_LENGTH) throw new BackupAlteredError('the backup ends before its last chunk');
    const flag = head.readUInt8(0);
    const length = head.readUInt32BE(1);
    if (flag > 1 || length > chunkSize) throw new BackupAlteredError(`chunk ${index} of the backup has been changed`);
    const body = await read(length + TAG_LENGTH);
    if (body.length < length + TAG_LENGTH) throw new BackupAlteredError('the backup ends before its last chunk');
    const decipher = createDecipheriv('aes-256-gcm', keys.encKey, nonce(index));
    decipher.setAAD(Buffer.concat([aad, Buffer.from([flag])]));
    decipher.setAuthTag(body.subarray(length));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
    } catch {
      throw new BackupAlteredError(`chunk ${index} of the backup has been changed`);
    }
    yield plain;
    if (flag === 1) {
      if ((await read(1)).length > 0) throw new BackupAlteredError('the backup has bytes after its last chunk');
      return;
    }
  }
}
