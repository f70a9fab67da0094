import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryLimitsRule } from './query-limits.js';

const schema = buildSchema(`
  type Node { name: String, children(first: Int): [Node] }
  type Query { root: Node, services(first: Int): [Node] }
`);
const check = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, queryLimitsRule({ maxDepth: 4, maxAliases: 3, maxCost: 200 })]).map(
    (e) => e.extensions.code,
  );

describe('queryLimitsRule', () => {
  it('lets an ordinary query through', () => expect(check('{ services(first: 50) { name } }')).toEqual([]));
  it('refuses a query nested too deep', () =>
    expect(check('{ root { children { children { children { children { name } } } } } }')).toEqual(['QUERY_TOO_DEEP']));
  it('follows fragments when measuring depth', () =>
    expect(check('{ root { ...A } } fragment A on Node { children { children { children { children { name } } } } }')).toEqual([
      'QUERY_TOO_DEEP',
    ]));
  it('refuses too many aliases', () =>
    expect(check('{ a: root { name } b: root { name } c: root { name } d: root { name } }')).toEqual(['TOO_MANY_ALIASES']));
  it('refuses a query whose pages multiply past the cost limit', () =>
    expect(check('{ services(first: 50) { children(first: 50) { name } } }')).toEqual(['QUERY_TOO_COMPLEX']));
});
