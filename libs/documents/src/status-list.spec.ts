import { describe, expect, it } from 'vitest';
import { buildStatusBits, decodeStatusList, encodeStatusList, statusBit } from './status-list.js';

describe('status list encoding', () => {
  it('matches the draft-ietf-oauth-status-list example for bits: 1', () => {
    // Section 4.1 of the draft: status[0]=1, [1]=0, [2]=0, [3]=1, [4]=1, [5]=1, [6]=0, [7]=1, [8]=1, [9]=1, [10]=0, [11]=0, [12]=0, [13]=1, [14]=0, [15]=1
    const bits = buildStatusBits(16, [0, 3, 4, 5, 7, 8, 9, 13, 15]);
    expect([...bits]).toEqual([0xb9, 0xa3]);
    expect(encodeStatusList(bits)).toBe('eNrbuRgAAhcBXQ');
    expect([...decodeStatusList('eNrbuRgAAhcBXQ')]).toEqual([0xb9, 0xa3]);
  });

  it('reads back every bit it set, and only those', () => {
    const set = new Set([0, 1, 63, 64, 1000, 131071]);
    const decoded = decodeStatusList(encodeStatusList(buildStatusBits(131072, set)));
    for (const index of [0, 1, 2, 62, 63, 64, 65, 999, 1000, 1001, 131070, 131071])
      expect(statusBit(decoded, index)).toBe(set.has(index) ? 1 : 0);
  });

  it('refuses an index outside the list', () => {
    expect(() => statusBit(new Uint8Array(2), 16)).toThrow(RangeError);
  });

  it('refuses what is not base64url zlib', () => {
    expect(() => decodeStatusList('not base64!')).toThrow();
    expect(() => decodeStatusList('AAAA')).toThrow();
  });
});
