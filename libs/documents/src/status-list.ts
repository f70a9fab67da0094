import { deflateSync, inflateSync } from 'node:zlib';

/**
 * The IETF Token Status List encoding (draft-ietf-oauth-status-list), one
 * bit per document: bit `idx` is bit `idx % 8` (least significant first) of
 * byte `idx / 8`; the byte array is ZLIB-deflated and base64url-encoded.
 */
export const STATUS_LIST_TYP = 'statuslist+jwt';
export const MAX_STATUS_LIST_BYTES = 1 << 20;
/**
 * The most a partner's status list may weigh on the wire: a list of MAX_STATUS_LIST_BYTES that does not deflate at
 * all, base64url inside the payload and the payload base64url again (4/3 twice, 1.78 MiB), with room for the
 * header and its certificate chain. A partner answering more is cut off there, not read into memory.
 */
export const MAX_STATUS_LIST_JWS_BYTES = 2 * MAX_STATUS_LIST_BYTES;

export function encodeStatusList(bits: Uint8Array): string {
  return deflateSync(bits, { level: 9 }).toString('base64url');
}

export function decodeStatusList(lst: string): Uint8Array {
  if (typeof lst !== 'string' || !/^[A-Za-z0-9_-]*$/.test(lst)) throw new TypeError('lst is not base64url');
  return new Uint8Array(inflateSync(Buffer.from(lst, 'base64url'), { maxOutputLength: MAX_STATUS_LIST_BYTES }));
}

export function statusBit(bits: Uint8Array, index: number): 0 | 1 {
  const byte = bits[index >> 3];
  if (byte === undefined) throw new RangeError(`index ${index} is outside the status list`);
  return ((byte >> (index & 7)) & 1) as 0 | 1;
}

/** The bytes of a list of `size` entries with the given indexes set. */
export function buildStatusBits(size: number, setIndexes: Iterable<number>): Uint8Array {
  const bits = new Uint8Array(Math.ceil(size / 8));
  for (const index of setIndexes) {
    if (index < 0 || index >= size) throw new RangeError(`index ${index} is outside a list of ${size}`);
    bits[index >> 3] = (bits[index >> 3] as number) | (1 << (index & 7));
  }
  return bits;
}
