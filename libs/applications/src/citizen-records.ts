import type { CriminalRecordAnswer, DataCategory, IncomeAnswer, PersonAnswer } from '@ots/registers';

/** What the registers said about a person, as far as the documents to issue need it. */
export interface EvidenceFacts {
  person: PersonAnswer;
  criminalRecord?: CriminalRecordAnswer;
  income?: IncomeAnswer;
}

/** The evidence this node issues from its registers for a case, and the parts of the register data each carries. */
export const EVIDENCE_CATEGORIES: Readonly<Record<string, readonly DataCategory[]>> = {
  'identity-attestation': ['identity'],
  'criminal-record-certificate': ['identity', 'criminal-record'],
  'income-statement': ['identity', 'income'],
  'tax-residence-certificate': ['identity', 'taxpayer', 'tax-residence'],
};

/** Whether this node can issue `docType` for a case at all (the registers still have to hold the record). */
export const issuesForCases = (docType: string): boolean => docType in EVIDENCE_CATEGORIES && docType !== 'tax-residence-certificate';

/** The parts of a person's data that sending these documents discloses. */
export function categoriesOf(docTypes: readonly string[]): DataCategory[] {
  return [...new Set(docTypes.flatMap((d) => EVIDENCE_CATEGORIES[d] ?? []))];
}

/** The claims of a document issued from the registers' answers: exactly what would be shown to, and sent for, the citizen. */
export function evidenceClaims(docType: string, facts: EvidenceFacts, country: string): Record<string, unknown> | undefined {
  const { person } = facts;
  switch (docType) {
    case 'identity-attestation':
      return {
        givenName: person.givenName,
        familyName: person.familyName,
        birthDate: person.birthDate,
        citizenship: country,
        personId: person.personId,
      };
    case 'criminal-record-certificate':
      return (
        facts.criminalRecord && {
          givenName: person.givenName,
          familyName: person.familyName,
          criminalRecord: facts.criminalRecord.status,
          checkedOn: facts.criminalRecord.checkedOn,
        }
      );
    case 'income-statement':
      return (
        facts.income && {
          givenName: person.givenName,
          familyName: person.familyName,
          year: facts.income.year,
          annualIncome: facts.income.amount,
          currency: facts.income.currency,
        }
      );
    default:
      return undefined;
  }
}
