import type { NationalRegisters } from './national-registers.js';
import type { DataCategory, Purpose } from './purpose.js';

/**
 * Any adapter, with each answer noted on the purpose it was read under (whose data, which part), so the usage
 * ledger can write every read with its consequence. A read the register answers "no such record" reveals nothing
 * about a person and is not noted.
 */
export function accounted(registers: NationalRegisters): NationalRegisters {
  const note = <T extends { personId: string } | undefined>(purpose: Purpose, category: DataCategory, answer: T): T => {
    if (answer) purpose.noteRead(answer.personId, category);
    return answer;
  };
  return {
    adapter: registers.adapter,
    person: async (id, purpose) => note(purpose, 'identity', await registers.person(id, purpose)),
    taxpayer: async (tin, purpose) => note(purpose, 'taxpayer', await registers.taxpayer(tin, purpose)),
    taxResidence: async (id, year, purpose) => note(purpose, 'tax-residence', await registers.taxResidence(id, year, purpose)),
    criminalRecord: async (id, purpose) => note(purpose, 'criminal-record', await registers.criminalRecord(id, purpose)),
    income: async (id, purpose, year) => note(purpose, 'income', await registers.income(id, purpose, year)),
    probe: () => registers.probe(),
  };
}
