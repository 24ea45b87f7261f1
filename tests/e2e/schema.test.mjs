// The dataset JSON Schema (schema/dataset.schema.json, shipped as dist/dataset.schema.json)
// against the engine's validator: every dataset the engine accepts passes the schema, and
// every invalid sample in tests/fixtures/invalid/ is refused by it, except the ones whose
// only problem is one JSON Schema cannot express (listed below, each checked to pass the
// schema, so the list stays exact). tests/schema_samples.rs checks that the engine refuses
// every sample, each of the new ones with exactly one problem. Only the last test needs the
// build (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { DIST, ROOT } from './harness.mjs';

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const schema = JSON.parse(read('schema/dataset.schema.json'));
// Strict mode: an unknown keyword or a misplaced one is an error, not a silent no-op.
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

// Datasets the engine loads (tests/engine.rs, tests/second_dataset.rs, tests/schema_samples.rs).
const VALID = [
  'src/data/node-vs-python.json',
  'src/data/sqlite-or-postgresql.json',
  'examples/datasets/rest-or-graphql.json',
  'tests/fixtures/tiny.json',
  'tests/fixtures/small.json',
];

// Invalid only in ways the schema cannot see: a reference to an id that does not exist,
// a repeated id, or the tree's shape. The engine's validator refuses each of them.
const BEYOND_THE_SCHEMA = {
  'cycle.json': 'a cycle in the tree',
  'dangling-criterion.json': 'an effect names a criterion that does not exist',
  'dangling-next.json': 'a next names a question that does not exist',
  'duplicate-ids.json': 'ids repeated within a list',
  'ends-without-result.json': 'a path on which every side scores 0',
  'unknown-side-in-scores.json': 'scores name a side that does not exist',
  'unreachable.json': 'a question no path reaches',
};

const samples = readdirSync(join(ROOT, 'tests/fixtures/invalid')).filter((name) => name.endsWith('.json')).sort();

/** The schema's verdict on a file: its errors, or [] when it passes. Text that is not JSON
 * is refused before the schema (an editor reports the syntax error itself). */
function errors(path) {
  let value;
  try {
    value = JSON.parse(read(path));
  } catch (error) {
    return [{ message: `not JSON: ${error.message}` }];
  }
  return validate(value) ? [] : validate.errors;
}

test('every dataset the engine accepts passes the schema', () => {
  for (const path of VALID) {
    assert.deepEqual(errors(path), [], path);
  }
});

test('the schema refuses every invalid sample it can see, and at least 12', () => {
  const refused = samples.filter((name) => !(name in BEYOND_THE_SCHEMA));
  assert.ok(refused.length >= 12, `only ${refused.length} samples`);
  for (const name of refused) {
    assert.notDeepEqual(errors(`tests/fixtures/invalid/${name}`), [], `${name} passes the schema`);
  }
});

test('the samples beyond the schema pass it: the list above is exact', () => {
  for (const [name, why] of Object.entries(BEYOND_THE_SCHEMA)) {
    assert.ok(samples.includes(name), `${name} is not a sample`);
    assert.deepEqual(errors(`tests/fixtures/invalid/${name}`), [], `${name} (${why}) is refused by the schema now: take it off the list`);
  }
});

test('a refusal names the place, as an editor shows it', () => {
  const found = errors('tests/fixtures/invalid/answer-id-uppercase.json');
  assert.ok(
    found.some((error) => error.instancePath === '/questions/0/answers/0/id' && error.keyword === 'pattern'),
    JSON.stringify(found),
  );
  const unknown = errors('tests/fixtures/invalid/unknown-field-in-answer.json');
  assert.ok(unknown.some((error) => error.keyword === 'additionalProperties' && error.params.additionalProperty === 'colour'));
});

test('every property the schema describes has a title and a description', () => {
  const missing = [];
  const visit = (node, at) => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${at}/${index}`));
    if (node === null || typeof node !== 'object') return;
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      // The dead-end rule (`if`/`else`) only restates types of properties described above.
      const inRule = /\/(if|else)\//.test(`${at}/`);
      if (!inRule && !(property.title && property.description)) missing.push(`${at}/properties/${name}`);
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${at}/${key}`);
  };
  visit(schema, '#');
  assert.deepEqual(missing, []);
});

test('dist/ ships the schema and both datasets as they are in the repository', { skip: !existsSync(DIST) && 'no dist/: run trunk build --release' }, () => {
  const shipped = {
    'dataset.schema.json': 'schema/dataset.schema.json',
    'node-vs-python.json': 'src/data/node-vs-python.json',
    'sqlite-or-postgresql.json': 'src/data/sqlite-or-postgresql.json',
  };
  for (const [name, source] of Object.entries(shipped)) {
    assert.equal(readFileSync(join(DIST, name), 'utf8'), read(source), name);
  }
  // Their `$schema` line resolves next to them.
  for (const name of ['node-vs-python.json', 'sqlite-or-postgresql.json']) {
    assert.equal(JSON.parse(readFileSync(join(DIST, name), 'utf8')).$schema, './dataset.schema.json');
  }
});
