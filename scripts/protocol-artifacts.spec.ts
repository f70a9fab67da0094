import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { evidenceClaims } from '@ots/applications';
import { Purpose, loadFileRegisters } from '@ots/registers';
import { DOC_TYPES, DOCUMENT_CLAIMS } from '@ots/documents';
import { MSG_TYPES } from '@ots/messaging';
import { PROTOCOL_DIR, ROOT, schemaFiles, SPEC_FILE, vectorFiles, withGeneratedTables } from './protocol-artifacts.js';

/**
 * docs/protocol/ is derived from the code where it can be: with UPDATE_PROTOCOL=1 (`npm run protocol:generate`)
 * this spec writes the schemas, vectors and tables; otherwise it fails on any difference, so they cannot drift.
 */
const update = process.env.UPDATE_PROTOCOL === '1';

function compareOrWrite(path: string, expected: string): void {
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, expected);
    return;
  }
  let committed: string;
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: run npm run protocol:generate`);
  }
  expect(committed, `${path} differs from what the code produces: run npm run protocol:generate`).toBe(expected);
}

const listed = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

describe('docs/protocol', () => {
  let schemas: Record<string, string>;
  let vectors: Record<string, string>;
  beforeAll(async () => {
    schemas = schemaFiles();
    vectors = await vectorFiles();
  });

  it('has the tables of the specification as the code lists them', () => {
    const spec = withGeneratedTables(readFileSync(SPEC_FILE, 'utf8'));
    compareOrWrite(SPEC_FILE, spec);
    for (const type of [...DOC_TYPES, ...MSG_TYPES]) expect(spec).toContain(`\`${type}\``);
  });

  it('has a JSON Schema for every msg_type body and every doc_type claims, generated from the zod schemas, and no other', () => {
    for (const [file, content] of Object.entries(schemas)) compareOrWrite(join(PROTOCOL_DIR, 'schemas', file), content);
    expect(listed(join(PROTOCOL_DIR, 'schemas'))).toEqual(Object.keys(schemas).sort());
  });

  it('has the test vectors the generator makes (deterministically), and no other data file', async () => {
    expect(await vectorFiles()).toEqual(vectors);
    for (const [file, content] of Object.entries(vectors)) compareOrWrite(join(PROTOCOL_DIR, 'vectors', file), content);
    expect(listed(join(PROTOCOL_DIR, 'vectors')).filter((f) => f !== 'README.md')).toEqual(Object.keys(vectors).sort());
  });

  it('publishes schemas that are valid JSON Schema 2020-12 and accept what the vectors and the node send', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const compiled = Object.fromEntries(Object.entries(schemas).map(([file, content]) => [file, ajv.compile(JSON.parse(content))]));
    const message = JSON.parse(vectors['message.json']);
    expect(compiled['messages/tax.tin-verification.schema.json'](message.envelope.payload.body)).toBe(true);
    expect(compiled['messages/tax.tin-verification.schema.json']({ kind: 'request', requestId: 'not-a-uuid', tin: '1' })).toBe(false);
    const registers = loadFileRegisters(join(ROOT, 'federation-config'), 'KZ');
    const subject = 'KZ:IIN:900101300123';
    const purpose = Purpose.forConsent({ subject }, 'evidence-preview');
    const person = await registers.person(subject);
    expect(person).toBeDefined();
    const facts = person && {
      person,
      criminalRecord: await registers.criminalRecord(subject),
      income: await registers.income(subject, purpose),
    };
    for (const type of DOC_TYPES) {
      const claims = facts && evidenceClaims(type, facts, 'KZ');
      if (!claims) continue;
      expect(DOCUMENT_CLAIMS[type].safeParse(claims).success, type).toBe(true);
      expect(compiled[`claims/${type}.schema.json`](claims), type).toBe(true);
    }
  });
});
