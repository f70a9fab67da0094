import { registerEnumType } from '@nestjs/graphql';

/** The schema's name of a wire value: `under-review` UNDER_REVIEW, `application.submit` APPLICATION_SUBMIT, `kk` KK. */
export const screamingCase = (wire: string): string =>
  wire
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();

/**
 * A GraphQL enum over a closed set the code lists once (DOC_TYPES, CASE_STATUSES, ...): SCREAMING_CASE names in
 * the schema, the wire values inside, so resolvers and services keep reading and returning the protocol's values
 * and a value added to the constant is in the schema at the next start. Two values with one name are refused.
 *
 * @example
 * export const DocTypeEnum = closedSetEnum('DocType', DOC_TYPES, 'docs/protocol section 4 doc_type values.');
 */
export function closedSetEnum<const V extends string>(name: string, values: readonly V[], description: string): Record<string, V> {
  const entries = values.map((value) => [screamingCase(value), value] as const);
  const names = new Set(entries.map(([key]) => key));
  if (names.size !== values.length) throw new Error(`enum ${name}: two values share a name`);
  const enumObject = Object.fromEntries(entries) as Record<string, V>;
  registerEnumType(enumObject, {
    name,
    description: `${description} Wire values: ${values.map((v, i) => `${entries[i]?.[0]} = \`${v}\``).join(', ')}.`,
  });
  return enumObject;
}
