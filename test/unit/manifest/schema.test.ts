// The sidecar JSON Schema (contributed through yamlValidation) must accept what Newsmark writes and reject
// the mistakes a person editing a sidecar by hand is likely to make.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/sidecar.schema.json'), 'utf8')) as object;

// Keywords VS Code's JSON language service understands for completion and hovers; not validation rules.
const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addVocabulary(EDITOR_KEYWORDS);
// ajv-formats is not a dependency; RFC 3339 date-time is the one format the schema uses.
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/);
const validate = ajv.compile(schema);

const VALID_SIDECAR = `
newsmark: 1
document: story.txt
sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
status: in-progress
annotations:
  - id: a7f3
    label: actor
    start: 845
    end: 859
    text: Vladimir Putin
    before: "Tổng thống Nga "
    after: " đã đề nghị"
    value: Vladimir Putin
    source: manual
    by: an annotator name
    at: 2026-11-23T08:00:00Z
  - id: b001
    label: date
    start: 900
    end: 912
    text: 19 hoặc 22/3
    value: [2021-03-19, 2021-03-22]
    source: accepted
    orphaned: true
dismissed:
  - label: actor
    start: 10
    end: 14
    text: Nga
`;

function sidecar(): Record<string, unknown> {
  // yaml parses the timestamp as a string (core schema), which is what Newsmark writes and reads back.
  return parse(VALID_SIDECAR) as Record<string, unknown>;
}

function firstAnnotation(data: Record<string, unknown>): Record<string, unknown> {
  return (data.annotations as Record<string, unknown>[])[0];
}

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('sidecar schema', () => {
  it('accepts a complete sidecar as written by Newsmark', () => {
    assert.deepEqual(errorsOf(sidecar()), []);
  });

  it('accepts a minimal sidecar and unknown extra keys anywhere (forward compatible)', () => {
    assert.deepEqual(errorsOf({ newsmark: 1, document: 'a.txt', status: 'todo', annotations: [], dismissed: [] }), []);
    const data = sidecar();
    data.reviewer = 'someone';
    firstAnnotation(data).confidence = 0.9;
    assert.deepEqual(errorsOf(data), []);
  });

  it('rejects an annotation without a label', () => {
    const data = sidecar();
    delete firstAnnotation(data).label;
    assert.deepEqual(errorsOf(data), ["/annotations/0 must have required property 'label'"]);
  });

  it('rejects a negative offset', () => {
    const data = sidecar();
    firstAnnotation(data).start = -1;
    assert.deepEqual(errorsOf(data), ['/annotations/0/start must be >= 0']);
  });

  it('rejects a non-integer offset', () => {
    const data = sidecar();
    firstAnnotation(data).end = 859.5;
    assert.deepEqual(errorsOf(data), ['/annotations/0/end must be integer']);
  });

  it('rejects an unknown status', () => {
    const data = sidecar();
    data.status = 'finished';
    assert.deepEqual(errorsOf(data), ['/status must be equal to one of the allowed values']);
  });

  it('rejects another format version, a bad hash, an unknown source and a bad value type', () => {
    assert.ok(errorsOf({ ...sidecar(), newsmark: 2 }).some((error) => error.startsWith('/newsmark')));
    assert.ok(errorsOf({ ...sidecar(), sha256: 'abc' }).some((error) => error.startsWith('/sha256')));
    const data = sidecar();
    firstAnnotation(data).source = 'guessed';
    firstAnnotation(data).value = 42;
    const errors = errorsOf(data);
    assert.ok(errors.some((error) => error.startsWith('/annotations/0/source')));
    assert.ok(errors.some((error) => error.startsWith('/annotations/0/value')));
  });

  it('requires label, start, end and text on dismissed suggestions', () => {
    const data = sidecar();
    data.dismissed = [{ label: 'actor', start: 1 }];
    assert.deepEqual(errorsOf(data).sort(), [
      "/dismissed/0 must have required property 'end'",
      "/dismissed/0 must have required property 'text'",
    ]);
  });

  it('documents every property for completion and hovers', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [key, property] of Object.entries(record.properties as Record<string, Record<string, unknown>>)) {
          if (typeof property.description !== 'string' || typeof property.markdownDescription !== 'string') {
            missing.push(`${where}.${key}`);
          }
          visit(property, `${where}.${key}`);
        }
      }
      for (const [key, definition] of Object.entries((record.definitions ?? {}) as Record<string, unknown>)) {
        visit(definition, `definitions.${key}`);
      }
    };
    visit(schema, '');
    assert.deepEqual(missing, []);
  });
});
