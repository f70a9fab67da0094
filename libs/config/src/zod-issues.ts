import type { z } from 'zod';
import { BadInputError } from '@ots/errors';

/** One line per problem, naming the field as a path a person can find: `countries[2].port: ...`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/**
 * Validates the input of a command (GraphQL arguments, CLI flags, message
 * bodies) and returns it typed, or throws BAD_INPUT naming every bad field.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = describeIssues(parsed.error.issues);
  throw new BadInputError(detail, { detail });
}
