import { describe, expect, it } from 'vitest';
import { GRAPHQL_RESPONSE_MEDIA_TYPE, graphqlResponseMediaType } from './http-answers.js';

describe(graphqlResponseMediaType.name, () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    [GRAPHQL_RESPONSE_MEDIA_TYPE, GRAPHQL_RESPONSE_MEDIA_TYPE],
    [`${GRAPHQL_RESPONSE_MEDIA_TYPE}, application/json;q=0.9`, GRAPHQL_RESPONSE_MEDIA_TYPE],
    [`application/json, ${GRAPHQL_RESPONSE_MEDIA_TYPE};q=0.5`, 'application/json'],
    [`${GRAPHQL_RESPONSE_MEDIA_TYPE};q=0`, 'application/json'],
    [`Application/GraphQL-Response+JSON; charset=utf-8`, GRAPHQL_RESPONSE_MEDIA_TYPE],
  ])('answers Accept %s with %s', (accept, expected) => {
    expect(graphqlResponseMediaType(accept)).toBe(expected);
  });
});
