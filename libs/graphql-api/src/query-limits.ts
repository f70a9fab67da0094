import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { QueryTooComplexError, QueryTooDeepError, TooManyAliasesError } from './graphql-api.errors.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxCost: 5000 };

export interface QueryShape {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Measures an operation before it runs: nesting depth, number of aliases,
 * and cost (one per field, a field's subtree counted `first` (or `last`) times when it
 * takes a page size, so `services(first: 50) { edges { node { ... } } }`
 * costs what it may return). Fragments are followed, cycles are not.
 */
export function measureSelectionSet(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: ReadonlySet<string> = new Set(),
): QueryShape {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      const firstArg = selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      const multiplier = firstArg?.value.kind === Kind.INT ? Math.max(1, Number.parseInt(firstArg.value.value, 10)) : 1;
      const inner = selection.selectionSet
        ? measureSelectionSet(selection.selectionSet, fragments, seen)
        : { depth: 0, aliases: 0, cost: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      aliases += inner.aliases;
      cost += 1 + multiplier * inner.cost;
      continue;
    }
    let inner: QueryShape | undefined;
    if (selection.kind === Kind.INLINE_FRAGMENT) inner = measureSelectionSet(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      if (fragment) inner = measureSelectionSet(fragment.selectionSet, fragments, new Set([...seen, selection.name.value]));
    }
    if (inner) {
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      cost += inner.cost;
    }
  }
  return { depth, aliases, cost };
}

/** A graphql-js validation rule refusing operations past the limits, each with its own code. */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const shape = measureSelectionSet(operation.selectionSet, fragments);
        if (shape.depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`query depth ${shape.depth} exceeds ${limits.maxDepth}`, {
              nodes: [operation],
              extensions: { code: QueryTooDeepError.code, depth: shape.depth, max: limits.maxDepth },
            }),
          );
        } else if (shape.aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(`${shape.aliases} aliases exceed ${limits.maxAliases}`, {
              nodes: [operation],
              extensions: { code: TooManyAliasesError.code, count: shape.aliases, max: limits.maxAliases },
            }),
          );
        } else if (shape.cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(`query cost ${shape.cost} exceeds ${limits.maxCost}`, {
              nodes: [operation],
              extensions: { code: QueryTooComplexError.code, cost: shape.cost, max: limits.maxCost },
            }),
          );
        }
      },
    };
  };
}
