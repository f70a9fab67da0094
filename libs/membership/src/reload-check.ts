import type { FederationConfig } from '@ots/config';

/**
 * What makes a valid new federation-config unfit for a node that is running: its own country must stay, with the
 * port, default language and person-id scheme it runs with (those take a restart). Empty when it may be taken.
 *
 * @example
 * reloadProblems(current, next, 'KZ') // ['KZ: port: is 4001 in the running node, 4101 in the new file; restart to change it']
 */
export function reloadProblems(current: FederationConfig, next: FederationConfig, own: string): string[] {
  const before = current.country(own);
  const after = next.country(own);
  if (!after) return [`countries: ${own}, this node's country, is missing`];
  if (!before) return [];
  const problems: string[] = [];
  const fixed: [string, unknown, unknown][] = [
    ['port', before.port, after.port],
    ['defaultLanguage', before.defaultLanguage, after.defaultLanguage],
    ['personId.scheme', before.personId.scheme, after.personId.scheme],
  ];
  for (const [field, was, is] of fixed)
    if (was !== is)
      problems.push(`${own}: ${field}: is ${String(was)} in the running node, ${String(is)} in the new file; restart to change it`);
  return problems;
}
