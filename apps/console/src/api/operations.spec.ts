import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { buildSchema, parse, validate } from 'graphql';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const OPERATIONS = join(ROOT, 'apps/console/src/api/operations');
const GENERATED = join(ROOT, 'apps/console/src/api/generated.ts');

/**
 * The console sends only the typed operations generated from the node's schema: a schema change that breaks one
 * fails here and in `npm run build` (the console is type-checked against generated.ts), not in an admin's browser.
 */
describe("the console's GraphQL operations", () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'apps/node/schema.gql'), 'utf8'));
  const documents = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));

  it.each(documents)('%s is valid for apps/node/schema.gql', (file) => {
    const errors = validate(schema, parse(readFileSync(join(OPERATIONS, file), 'utf8')));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('generated.ts is what GraphQL Code Generator writes (`npx graphql-codegen --config apps/console/codegen.json`)', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'apps/console/codegen.json'), 'utf8')) as Types.Config;
    const [output] = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Types.FileOutput[];
    const formatted = await format(output?.content ?? '', { ...(await resolveConfig(GENERATED)), filepath: GENERATED });
    expect(readFileSync(GENERATED, 'utf8')).toBe(formatted);
  }, 60_000);
});
