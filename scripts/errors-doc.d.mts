export interface ErrorEntry {
  name: string;
  file: string;
  code: string;
  httpStatus: number;
  meaning: string;
  message: string;
}
export const ERRORS_DOC: string;
export function errorVocabulary(): Promise<{ errors: ErrorEntry[]; problems: string[] }>;
export function renderErrorsDoc(errors: ErrorEntry[]): string;
export const ERROR_CODES_FILE: string;
export function renderErrorCodes(errors: ErrorEntry[]): string;
