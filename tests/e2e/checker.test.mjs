// End-to-end: the dataset checker wasm as built into dist/ (checker.js + checker_bg.wasm,
// scripts/build-checker.sh), loaded in Node with its own glue (initSync with the bytes). Its
// answers must be the native validator's: the same problems, places and messages that
// `check-dataset` prints for every invalid fixture, and the same report.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const DEFAULT = 'src/data/node-vs-python.json';
const INVALID = 'tests/fixtures/invalid';

let checker;
let native;

/** The problems the checker finds in `text`, as parsed from its JSON. */
const check = (text) => JSON.parse(checker.check(text)).problems;

/** `check-dataset FILE` (the native command, built once): its exit code and output. */
function checkDataset(file) {
  const run = spawnSync(native, [file], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

before(async () => {
  const glue = await import(pathToFileURL(join(DIST, 'checker.js')).href);
  glue.initSync({ module: readFileSync(join(DIST, 'checker_bg.wasm')) });
  checker = glue;
  const built = execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'check-dataset', '--message-format=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  native = built
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .find((message) => message.reason === 'compiler-artifact' && message.target?.name === 'check-dataset')?.executable;
  assert.ok(native, 'cargo built check-dataset');
});

test('the default dataset has no problem, and its report is the native one', () => {
  const text = readFileSync(join(ROOT, DEFAULT), 'utf8');
  assert.deepEqual(check(text), []);
  const { status, stdout, stderr } = checkDataset(DEFAULT);
  assert.equal(status, 0, stderr);
  assert.equal(checker.report(text), stdout.replace(`${DEFAULT}:`, 'dataset:'));
  assert.match(checker.report(text), /\npaths: \d+\n[\s\S]*\nno problems\n$/);
});

test('every invalid fixture gets the native problems, places and messages', () => {
  const files = readdirSync(join(ROOT, INVALID)).filter((name) => name.endsWith('.json'));
  assert.ok(files.length >= 10, `${files.length} fixtures`);
  for (const name of files) {
    const file = `${INVALID}/${name}`;
    const problems = check(readFileSync(join(ROOT, file), 'utf8'));
    const { status, stderr } = checkDataset(file);
    assert.equal(status, 1, `${file}: ${stderr}`);
    // Each problem as check-dataset prints it; its last line is the count.
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.pop(), `${file}: ${problems.length} problem(s)`);
    assert.deepEqual(
      problems.map(({ line, column, path, message }) => `${file}:${line}:${column}: ${path}: ${message}`),
      lines,
      file,
    );
    for (const { line, column } of problems) {
      assert.ok(Number.isInteger(line) && line >= 1 && Number.isInteger(column) && column >= 1, file);
    }
  }
});

test('a syntax error names its line and column', () => {
  assert.deepEqual(check('{\n  "id": "x",\n  "title": trux\n}'), [
    { line: 3, column: 15, path: 'syntax', message: 'expected `true`, `false` or `null` (in lowercase), or a string in double quotes' },
  ]);
  // In an author's words, not serde_json's ("EOF while parsing a value"), from column 1.
  assert.deepEqual(check(''), [{ line: 1, column: 1, path: 'syntax', message: 'the text ends where a value should be (is the file empty, or cut short?)' }]);
  assert.deepEqual(check('{"id": "x'), [{ line: 1, column: 9, path: 'syntax', message: 'the text ends inside a string: a closing `"` is missing' }]);
  assert.equal(checker.report('[1,]'), '1:4: syntax: trailing comma\n');
});

test('a UTF-8 byte order mark (some editors save one) is not part of the JSON, as for check-dataset', () => {
  assert.deepEqual(check('\ufeff' + readFileSync(join(ROOT, DEFAULT), 'utf8')), []);
  // Places count from after the mark.
  assert.deepEqual(check('\ufeff{"id": "x'), [{ line: 1, column: 9, path: 'syntax', message: 'the text ends inside a string: a closing `"` is missing' }]);
  assert.match(checker.report('\ufeff' + readFileSync(join(ROOT, DEFAULT), 'utf8')), /no problems\n$/);
});

test('text from the document comes back as JSON strings, escaped', () => {
  const text = readFileSync(join(ROOT, DEFAULT), 'utf8').replace('"id": "node-vs-python"', '"id": "a\\"b\\\\c\\n<\\u0001>"');
  const [problem, ...rest] = check(text);
  assert.deepEqual(rest, []);
  assert.equal(problem.path, 'id');
  assert.equal(problem.message, '"a"b\\c\n<\u0001>" may use only a-z, 0-9 and "-"');
  const line = text.split('\n').findIndex((row) => row.includes('"id": "a')) + 1;
  assert.deepEqual([problem.line, problem.column], [line, 9]);
});

test('a 600 KB input is refused with the size message', () => {
  const text = `{"id": "big", "padding": "${'x'.repeat(600 * 1024)}"}`;
  assert.deepEqual(check(text), [
    { line: 1, column: 1, path: 'input', message: `the dataset is ${text.length} bytes; the limit is 524288 bytes (512 KiB)` },
  ]);
});
