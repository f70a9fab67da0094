import { describe, expect, it } from 'vitest';
import { accounted } from './accounted-registers.js';
import { FileRegisters } from './file-registers.js';
import { Purpose } from './purpose.js';

const person = {
  subject: 'KZ:IIN:900101300123',
  givenName: 'Aigerim',
  familyName: 'Serikqyzy',
  birthDate: '1990-01-01',
  tin: '780000000001',
  taxResidentYears: [2026],
  annualIncome: { amount: 1, currency: 'KZT', year: 2025 },
  criminalRecord: 'none' as const,
};

describe(Purpose.name, () => {
  it('is made only from a case, a partner request or the person themselves, and names itself to the registers', () => {
    expect(Purpose.forCase({ id: 'c1', role: 'home', destination: 'TR', homeCountry: 'KZ' })).toMatchObject({
      header: 'case:c1',
      partner: 'TR',
    });
    expect(Purpose.forCase({ id: 'c1', role: 'destination', destination: 'TR', homeCountry: 'KZ' }).partner).toBe('KZ');
    expect(Purpose.forTaxpayerCheck({ requestId: 'r1', partner: 'KG' }).header).toBe('taxpayer-check:KG:r1');
    expect(Purpose.forConsent({ subject: person.subject }, 'application', 'TR', 'a1').header).toBe(
      `consent:${person.subject}:application:a1`,
    );
    const Constructor = Purpose as unknown as new (...args: unknown[]) => Purpose;
    expect(() => new Constructor(Symbol('purpose'), 'case', 'x', null)).toThrow(TypeError);
  });

  it('collects the reads made under it (not the misses) until the ledger takes them', async () => {
    const registers = accounted(new FileRegisters('KZ', [person]));
    const purpose = Purpose.forConsent({ subject: person.subject }, 'tax-certificate', 'KG');
    await registers.person(person.subject, purpose);
    await registers.taxResidence(person.subject, 2026, purpose);
    await registers.person('KZ:IIN:000000000000', purpose);
    expect(purpose.takeReads().map((r) => [r.subject, r.category])).toEqual([
      [person.subject, 'identity'],
      [person.subject, 'tax-residence'],
    ]);
    expect(purpose.takeReads()).toEqual([]);
  });
});
