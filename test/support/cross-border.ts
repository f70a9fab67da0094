import { expect } from 'vitest';
import type { GraphqlResponse } from './graphql.js';
import { waitFor } from './processes.js';

/** The data of an answer that must have no errors. */
export function expectOk<T>(res: GraphqlResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** Waits for a cross-border effect: a message's round trip between two real nodes. */
export const eventually = (check: () => Promise<boolean>): Promise<void> => waitFor(check, 15_000, 150);
