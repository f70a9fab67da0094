export interface SchemaChange {
  path: string;
  type: string;
  message: string;
  allowed: boolean;
  why?: string;
}
export const SCHEMA_PATH: string;
export const CHANGES_DOC: string;
export function listedChanges(markdown: string, before?: string): Map<string, string>;
export function schemaChanges(
  oldSdl: string,
  newSdl: string,
  changesMarkdown: string,
  baseChangesMarkdown?: string,
): Promise<SchemaChange[]>;
export function baseCommit(root: string, explicit?: string): { commit: string; how: string } | undefined;
