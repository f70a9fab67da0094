import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { countryCodeSchema, ConfigError, describeIssues } from '@ots/config';

const personSchema = z
  .object({
    subject: z.string().regex(/^[A-Z]{2}:[A-Z]{2,12}:[A-Za-z0-9._-]{1,64}$/, 'must be scheme-qualified, e.g. KZ:IIN:900101300123'),
    givenName: z.string().min(1),
    familyName: z.string().min(1),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    tin: z.string().min(1),
    taxResidentYears: z.array(z.number().int().min(1990).max(2100)),
    annualIncome: z.object({ amount: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/), year: z.number().int() }).strict(),
    criminalRecord: z.enum(['none', 'recorded']),
  })
  .strict();
export type PersonRecord = z.infer<typeof personSchema>;

/** The injection token of the node's CitizenRecords. */
export const CITIZEN_RECORDS = Symbol('CITIZEN_RECORDS');

const citizensFileSchema = z.object({ country: countryCodeSchema, persons: z.array(personSchema) }).strict();

/**
 * The home node's own records about its people (in a real deployment, the
 * population, tax and police registers; here the demo citizens of
 * `federation-config/citizens/<CC>.json`). Evidence is issued from them.
 */
export class CitizenRecords {
  private readonly bySubject: ReadonlyMap<string, PersonRecord>;
  private readonly byTin: ReadonlyMap<string, PersonRecord>;

  constructor(
    readonly country: string,
    persons: readonly PersonRecord[],
  ) {
    this.bySubject = new Map(persons.map((p) => [p.subject, p]));
    this.byTin = new Map(persons.map((p) => [p.tin, p]));
  }

  person(subject: string): PersonRecord | undefined {
    return this.bySubject.get(subject);
  }

  taxpayer(tin: string): PersonRecord | undefined {
    return this.byTin.get(tin);
  }
}

export function loadCitizenRecords(configDir: string, country: string): CitizenRecords {
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
  return new CitizenRecords(country, parsed.data.persons);
}

/** The claims of a document issued from the records: exactly what would be shown to, and sent for, the citizen. */
export function evidenceClaims(docType: string, person: PersonRecord, country: string): Record<string, unknown> | undefined {
  switch (docType) {
    case 'identity-attestation':
      return {
        givenName: person.givenName,
        familyName: person.familyName,
        birthDate: person.birthDate,
        citizenship: country,
        personId: person.subject,
      };
    case 'criminal-record-certificate':
      return {
        givenName: person.givenName,
        familyName: person.familyName,
        criminalRecord: person.criminalRecord,
        checkedOn: new Date().toISOString().slice(0, 10),
      };
    case 'income-statement':
      return {
        givenName: person.givenName,
        familyName: person.familyName,
        year: person.annualIncome.year,
        annualIncome: person.annualIncome.amount,
        currency: person.annualIncome.currency,
      };
    default:
      return undefined;
  }
}
