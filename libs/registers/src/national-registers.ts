import type { CriminalRecordAnswer, IncomeAnswer, PersonAnswer, TaxResidenceAnswer, TaxpayerAnswer } from './registers-contract.js';
import type { Purpose } from './purpose.js';

/** The injection token of the node's NationalRegisters. */
export const NATIONAL_REGISTERS = Symbol('NATIONAL_REGISTERS');

export type { CriminalRecordAnswer, IncomeAnswer, PersonAnswer, TaxResidenceAnswer, TaxpayerAnswer };

/**
 * What the node asks of its country's registers (population, tax, police), each read under a Purpose. `undefined`
 * means the register holds no such record; a register that cannot answer throws a RegisterError
 * (REGISTER_UNAVAILABLE, REGISTER_CONTRACT_VIOLATION, REGISTER_ACCESS_DENIED), never a guess.
 *
 * Adapters: FileRegisters (federation-config/citizens/<CC>.json, the local federation's default) and HttpRegisters
 * (docs/national-registers.openapi.yaml), chosen by REGISTERS_ADAPTER.
 */
export interface NationalRegisters {
  /** Which adapter answers, for the doctor and the logs. */
  readonly adapter: 'file' | 'http';
  person(personId: string, purpose: Purpose): Promise<PersonAnswer | undefined>;
  taxpayer(tin: string, purpose: Purpose): Promise<TaxpayerAnswer | undefined>;
  taxResidence(personId: string, year: number, purpose: Purpose): Promise<TaxResidenceAnswer | undefined>;
  criminalRecord(personId: string, purpose: Purpose): Promise<CriminalRecordAnswer | undefined>;
  /** For `year`, or the latest year declared when none is given. */
  income(personId: string, purpose: Purpose, year?: number): Promise<IncomeAnswer | undefined>;
  /** Whether the registers answer at all (the doctor's check); throws the RegisterError a read would. */
  probe(): Promise<void>;
}
