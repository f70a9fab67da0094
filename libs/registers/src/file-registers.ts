import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { countryCodeSchema, ConfigError, describeIssues } from '@ots/config';
import type { NationalRegisters } from './national-registers.js';
import type { CriminalRecordAnswer, IncomeAnswer, PersonAnswer, TaxResidenceAnswer, TaxpayerAnswer } from './registers-contract.js';

const fileSchema = z
  .object({
    subject: z.string().regex(/^[A-Z]{2}:[A-Z]{2,12}:[A-Za-z0-9._-]{1,64}$/, 'must be scheme-qualified, e.g. KZ:IIN:900101300123'),
    givenName: z.string().min(1),
    familyName: z.string().min(1),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    tin: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
    taxResidentYears: z.array(z.number().int().min(1990).max(2100)),
    annualIncome: z.object({ amount: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/), year: z.number().int() }).strict(),
    criminalRecord: z.enum(['none', 'recorded']),
  })
  .strict();
type FilePerson = z.infer<typeof fileSchema>;

const citizensFileSchema = z.object({ country: countryCodeSchema, persons: z.array(fileSchema) }).strict();

/**
 * The registers as the demo file `federation-config/citizens/<CC>.json` (the local federation's default,
 * REGISTERS_ADAPTER=file): the same answers the HTTP adapter would get, from memory.
 */
export class FileRegisters implements NationalRegisters {
  readonly adapter = 'file';
  private readonly bySubject: ReadonlyMap<string, FilePerson>;
  private readonly byTin: ReadonlyMap<string, FilePerson>;

  constructor(
    readonly country: string,
    persons: readonly FilePerson[],
  ) {
    this.bySubject = new Map(persons.map((p) => [p.subject, p]));
    this.byTin = new Map(persons.map((p) => [p.tin, p]));
  }

  person(personId: string): Promise<PersonAnswer | undefined> {
    const p = this.bySubject.get(personId);
    return Promise.resolve(
      p && { personId: p.subject, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, citizenship: this.country },
    );
  }

  taxpayer(tin: string): Promise<TaxpayerAnswer | undefined> {
    const p = this.byTin.get(tin);
    return Promise.resolve(p && { tin: p.tin, personId: p.subject });
  }

  taxResidence(personId: string, year: number): Promise<TaxResidenceAnswer | undefined> {
    const p = this.bySubject.get(personId);
    return Promise.resolve(p && { personId, tin: p.tin, year, resident: p.taxResidentYears.includes(year) });
  }

  criminalRecord(personId: string): Promise<CriminalRecordAnswer | undefined> {
    const p = this.bySubject.get(personId);
    return Promise.resolve(p && { personId, status: p.criminalRecord, checkedOn: new Date().toISOString().slice(0, 10) });
  }

  income(personId: string, _purpose: unknown, year?: number): Promise<IncomeAnswer | undefined> {
    const p = this.bySubject.get(personId);
    if (!p || (year !== undefined && p.annualIncome.year !== year)) return Promise.resolve(undefined);
    return Promise.resolve({ personId, year: p.annualIncome.year, amount: p.annualIncome.amount, currency: p.annualIncome.currency });
  }

  probe(): Promise<void> {
    return Promise.resolve();
  }
}

/** Reads and validates `<configDir>/citizens/<country>.json`; a bad file stops start-up with CONFIG_INVALID. */
export function loadFileRegisters(configDir: string, country: string): FileRegisters {
  const file = join(configDir, 'citizens', `${country}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: cannot be read as JSON (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const parsed = citizensFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${file}: ${describeIssues(parsed.error.issues.slice(0, 5))}`);
  const wrong = parsed.data.persons.find((p) => !p.subject.startsWith(`${country}:`));
  if (wrong || parsed.data.country !== country) throw new ConfigError(`${file}: persons: every subject must belong to ${country}`);
  return new FileRegisters(country, parsed.data.persons);
}
