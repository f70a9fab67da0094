import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '@ots/jws';
import { KEY_REVOCATION_REASONS } from '@ots/jws';
import { anchorWire, schemaName, WIRE, wireValue } from './wire-values.js';

describe("fedctl's wire values", () => {
  it('turns the schema names back into the values fedctl always printed', () => {
    expect(WIRE.docType('RESIDENCE_PERMIT')).toBe('residence-permit');
    expect(WIRE.caseStatus('UNDER_REVIEW')).toBe('under-review');
    expect(DOC_TYPES.map((t) => WIRE.docType(schemaName(t)))).toEqual([...DOC_TYPES]);
    expect(KEY_REVOCATION_REASONS.map((r) => schemaName(r))).toEqual(['COMPROMISED', 'SUPERSEDED']);
  });

  it('shows a name it does not know (a newer node) as the node sent it', () => {
    expect(wireValue(DOC_TYPES, 'MARRIAGE_CERTIFICATE')).toBe('MARRIAGE_CERTIFICATE');
  });

  it('maps every closed set of a trust anchor', () => {
    const anchor = anchorWire({
      country: 'TR',
      status: 'SUSPENDED',
      baseUrl: 'http://127.0.0.1:4002',
      servicesAllowed: null,
      refreshedAt: '2026-01-01T00:00:00.000Z',
      keys: [{ thumbprint: 't', source: 'CONTINUITY', status: 'REVOKED', revocationReason: 'SUPERSEDED' }],
    });
    expect(anchor).toMatchObject({
      status: 'suspended',
      keys: [{ source: 'continuity', status: 'revoked', revocationReason: 'superseded' }],
    });
  });
});
