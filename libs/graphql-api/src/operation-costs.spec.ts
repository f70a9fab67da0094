import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OperationCostParser, operationCosts, routeClass } from './operation-costs.js';

describe(operationCosts.name, () => {
  const costs = (query: string, operationName?: string, variables?: unknown) => operationCosts(parse(query), operationName, variables);

  it('counts each root field in its class, aliases included', () => {
    expect(costs('{ node { country } services { totalCount } a: services { totalCount } }')).toEqual({ graphql: 1, catalog: 2 });
    expect(costs('mutation { deliver(message: "x") }')).toEqual({ deliver: 1 });
    expect(costs('{ federatedServices { items { code } } }')).toEqual({ federatedSearch: 1 });
  });

  it('counts verifyDocuments by its documents, from a literal list or a variable', () => {
    expect(costs('{ verifyDocuments(jws: ["a", "b", "c"]) { valid } verifyDocument(jws: "d") { valid } }')).toEqual({ verify: 4 });
    expect(costs('query($j: [String!]!) { verifyDocuments(jws: $j) { valid } }', undefined, { j: ['a', 'b'] })).toEqual({ verify: 2 });
    expect(costs('query($j: [String!]!) { verifyDocuments(jws: $j) { valid } }', undefined, { j: [] })).toEqual({ verify: 1 });
  });

  it('follows fragments once and picks the named operation', () => {
    const query =
      'query A { ...F ... on Query { deliver: node { country } } } query B { services { totalCount } } fragment F on Query { ...F lifeEvents { code } }';
    expect(costs(query, 'A')).toEqual({ catalog: 1, graphql: 1 });
    expect(costs(query, 'B')).toEqual({ catalog: 1 });
  });

  it('charges the general budget for a request it cannot read', () => {
    expect(operationCosts(undefined, undefined, undefined)).toEqual({ graphql: 1 });
    expect(costs('{ node { country } }', 'Missing')).toEqual({ graphql: 1 });
    expect(new OperationCostParser().costs('{ not graphql', undefined, undefined)).toEqual({ graphql: 1 });
    expect(new OperationCostParser().costs(42, undefined, undefined)).toEqual({ graphql: 1 });
  });
});

describe(OperationCostParser.name, () => {
  it('gives the same costs from its cache as from a fresh parse, and keeps at most its capacity', () => {
    const sut = new OperationCostParser(2);
    for (const query of ['{ services { totalCount } }', '{ node { country } }', '{ categories { code } }', '{ services { totalCount } }']) {
      expect(sut.costs(query, undefined, undefined)).toEqual(operationCosts(parse(query), undefined, undefined));
    }
  });
});

describe(routeClass.name, () => {
  it('gives the public HTTP routes their own class', () => {
    expect(routeClass('/registry/snapshot')).toBe('snapshot');
    expect(routeClass('/status-lists/1')).toBe('statusList');
    expect(routeClass('/.well-known/openid-federation')).toBe('wellKnown');
    expect(routeClass('/health/ready')).toBeUndefined();
    expect(routeClass('/graphql')).toBeUndefined();
  });
});
