import { describe, expect, it } from 'vitest';
import { describeJws } from './jws';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('a JWS shown for reading', () => {
  it('shows header and payload, non-ASCII text included', () => {
    const shown = describeJws(`${part({ alg: 'EdDSA', typ: 'ots-receipt+jwt' })}.${part({ iss: 'TR', note: 'Türkiye' })}.c2ln`);
    expect(JSON.parse(shown)).toEqual({ header: { alg: 'EdDSA', typ: 'ots-receipt+jwt' }, payload: { iss: 'TR', note: 'Türkiye' } });
  });

  it('shows what it cannot decode as it is', () => expect(describeJws('not a jws')).toBe('not a jws'));
});
