import type { RateLimitClass } from '@ots/config';
import { Kind, parse, type DocumentNode, type FieldNode, type SelectionSetNode, type ValueNode } from 'graphql';

export type OperationCosts = Partial<Record<RateLimitClass, number>>;

/** Root fields whose cost differs from the general budget's; verifyDocuments costs one per document. */
const FIELD_CLASSES: Record<string, RateLimitClass> = {
  services: 'catalog',
  service: 'catalog',
  categories: 'catalog',
  lifeEvents: 'catalog',
  federatedServices: 'federatedSearch',
  verifyDocument: 'verify',
  verifyDocuments: 'verify',
  deliver: 'deliver',
  registrySnapshot: 'snapshot',
};

/** A root field as the cost needs it: its name and, for a list-sized field, the argument that sizes it. */
interface RootField {
  name: string;
  sizedBy?: ValueNode;
}

/** The HTTP routes with their own budget, by path prefix. */
export function routeClass(url: string): RateLimitClass | undefined {
  if (url.startsWith('/registry/snapshot')) return 'snapshot';
  if (url.startsWith('/status-lists/')) return 'statusList';
  if (url.startsWith('/.well-known/')) return 'wellKnown';
  return undefined;
}

/**
 * What one GraphQL request costs in each class: every root field of the operation that will run (aliases
 * repeat a field, so each counts), fragments followed. A request that does not parse costs one `graphql`,
 * like any field without a class of its own.
 */
export function operationCosts(document: DocumentNode | undefined, operationName: unknown, variables: unknown): OperationCosts {
  const fields = document ? rootFields(document, typeof operationName === 'string' ? operationName : undefined) : [];
  const costs: OperationCosts = {};
  for (const field of fields) {
    const kind = FIELD_CLASSES[field.name] ?? 'graphql';
    costs[kind] = (costs[kind] ?? 0) + (field.sizedBy ? Math.max(1, listLength(field.sizedBy, variables)) : 1);
  }
  if (fields.length === 0) costs.graphql = 1;
  return costs;
}

function rootFields(document: DocumentNode, operationName: string | undefined): RootField[] {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return [];
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  const fields: RootField[] = [];
  const seenFragments = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(describe(selection));
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return fields;
}

function describe(field: FieldNode): RootField {
  const sizedBy = field.name.value === 'verifyDocuments' ? field.arguments?.find((a) => a.name.value === 'jws')?.value : undefined;
  return sizedBy ? { name: field.name.value, sizedBy } : { name: field.name.value };
}

function listLength(value: ValueNode, variables: unknown): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE && typeof variables === 'object' && variables !== null) {
    const bound = (variables as Record<string, unknown>)[value.name.value];
    return Array.isArray(bound) ? bound.length : 1;
  }
  return 1;
}

/** Longer queries are parsed every time, so that the memory this cache holds stays small. */
const MAX_REMEMBERED_QUERY_LENGTH = 8192;

/**
 * Parses queries for their costs, remembering the last `capacity` distinct ones: the same few queries arrive
 * again and again, so the hot path pays a map lookup, not a second parse after Mercurius' own.
 */
export class OperationCostParser {
  private readonly parsed = new Map<string, DocumentNode | undefined>();

  constructor(private readonly capacity = 500) {}

  costs(query: unknown, operationName: unknown, variables: unknown): OperationCosts {
    if (typeof query !== 'string') return { graphql: 1 };
    return operationCosts(this.document(query), operationName, variables);
  }

  private document(query: string): DocumentNode | undefined {
    if (this.parsed.has(query)) return this.parsed.get(query);
    let document: DocumentNode | undefined;
    try {
      document = parse(query, { noLocation: true, maxTokens: 10_000 });
    } catch {
      document = undefined;
    }
    if (query.length > MAX_REMEMBERED_QUERY_LENGTH) return document;
    if (this.parsed.size >= this.capacity) this.parsed.delete(this.parsed.keys().next().value as string);
    this.parsed.set(query, document);
    return document;
  }
}
