// End-to-end: outside datasets (README, "Write your own comparison"). The second dataset
// by the `src` attribute, on the standalone page (?src=) and in the iframe (embed.html?src=);
// then a host page with one widget per kind of bad dataset URL (a 404, an HTML page, 10 MB,
// a server that never answers, a cycle, a dangling `next`, a cross-origin file without
// CORS, nesting 100,000 deep, a syntax error): each says what is wrong, with its line where
// there is one, and the page's other widgets keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, ROOT, LIVE_QUESTION } from './harness.mjs';

const SECOND = 'sqlite-or-postgresql.json';
const STRICT = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

let env;
before(async () => {
  env = await launch({ headers: (path) => (path.startsWith('/hostile/') ? { 'content-security-policy': STRICT } : {}) });
});
after(async () => {
  await env?.close();
});

const second = () => JSON.parse(readFileSync(join(ROOT, 'dist', SECOND), 'utf8'));
const small = () => JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'small.json'), 'utf8'));

async function answerFirst(scope) {
  const question = scope.locator('[data-testid="question"]');
  await question.waitFor();
  const id = await question.getAttribute('data-question');
  await scope.locator('[data-testid="question"] input[type="radio"]').first().click();
  await scope.locator('[data-testid="next"]').click();
  await scope.locator(`[data-testid="result"], [data-testid="question"]:not([data-question="${id}"])`).first().waitFor();
  return id;
}

test('the second dataset by the src attribute: its own title, questions, result and link', async () => {
  // Our own page for it (examples/other-comparison.html): the documented attribute.
  const page = await openPage(env.browser, `${env.url}examples/other-comparison.html`);
  const widget = page.locator('backend-chooser');
  assert.equal(await widget.getAttribute('src'), `../${SECOND}`);
  const dataset = second();
  await widget.locator(LIVE_QUESTION).waitFor();
  assert.equal(await widget.locator('.bc-title').innerText(), dataset.title);
  assert.equal(await widget.locator('[data-testid="question"]').getAttribute('data-question'), dataset.start);
  for (let step = 0; step < 30 && !(await widget.locator('[data-testid="result"]').isVisible()); step += 1) {
    await answerFirst(widget);
  }
  const verdict = widget.locator('[data-testid="verdict"]');
  const winner = await verdict.getAttribute('data-side');
  assert.ok(dataset.sides.map((side) => side.id).includes(winner), winner);
  // The share link names this dataset and version, and opens the standalone page on it.
  const link = await widget.locator('[data-testid="share-link"]').getAttribute('href');
  // A readable link: the dataset's full address, its ':' and '/' unescaped.
  assert.ok(link.includes(`?src=${new URL(SECOND, env.url).href}#${dataset.id}@${dataset.version}:`), link);
  const standalone = await openPage(env.browser, link);
  await standalone.locator('[data-testid="result"]').waitFor();
  assert.equal(await standalone.locator('[data-testid="verdict"]').getAttribute('data-side'), winner);
  assert.equal(await standalone.title(), dataset.title);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(standalone.problems, []);
  await page.context().close();
  await standalone.context().close();
});

test('the standalone page and the iframe page take ?src=, and the embed panel carries it', async () => {
  const dataset = second();
  const page = await openPage(env.browser, `${env.url}?src=${SECOND}`);
  await page.locator(LIVE_QUESTION).waitFor();
  assert.equal(await page.locator('[data-testid="question"]').getAttribute('data-question'), dataset.start);
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'not the default question');
  await answerFirst(page);
  assert.match(page.url(), new RegExp(`#${dataset.id}@${dataset.version}:`));
  await page.locator('[data-testid="embed"] summary').click();
  const snippets = await page.locator('[data-testid="embed"]').innerText();
  assert.match(snippets, new RegExp(`src="${new URL(SECOND, env.url).href}"`));
  assert.match(snippets, /embed\.html\?theme=auto&(amp;)?src=/);
  const frame = await openPage(env.browser, `${env.url}embed.html?src=${SECOND}`);
  await frame.locator(LIVE_QUESTION).waitFor();
  assert.equal(await frame.locator('[data-testid="question"]').getAttribute('data-question'), dataset.start);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(frame.problems, []);
  await page.context().close();
  await frame.context().close();
});

/** The cases of the hostile page: the attribute, and what its message must say. */
const CASES = [
  { id: 'missing', src: '/hostile/missing.json', says: /answered 404/ },
  { id: 'html', src: '/hostile/page.json', says: /is a web page, not a JSON dataset/ },
  { id: 'huge', src: '/hostile/huge.json', says: /larger than 512 KiB/ },
  { id: 'slow', src: '/hostile/slow.json', says: /did not arrive within 10 seconds/ },
  { id: 'cycle', src: '/hostile/cycle.json', says: /cycle|loop|comes back/i, line: true },
  { id: 'dangling', src: '/hostile/dangling.json', says: /unknown question "nowhere"/, line: true },
  { id: 'cors', cross: true, says: /is on another site.*Access-Control-Allow-Origin/ },
  { id: 'deep', src: '/hostile/deep.json', says: /recursion limit exceeded/, line: true },
  { id: 'syntax', src: '/hostile/syntax.json', says: /line 4, column \d+/ },
  { id: 'scheme', src: 'javascript:alert(1)', says: /not an http or https address/ },
  // An empty address is not the host page itself.
  { id: 'empty', src: '', says: /^src="" is not an http or https address/ },
];

test('every kind of bad dataset URL gets a clear message inside its widget; the others work', async () => {
  const base = small();
  const cycle = small();
  // The last question leads back to the first: a loop.
  cycle.questions.at(-1).answers[0].next = cycle.start;
  const dangling = small();
  dangling.questions[0].answers[0].next = 'nowhere';
  const syntax = `{\n  "id": "broken",\n  "version": 1,\n  "title": "Broken" oops\n}\n`;
  const bodies = {
    '/hostile/page.json': { body: '<!doctype html><title>Not found</title><p>Sorry', type: 'text/html' },
    '/hostile/huge.json': { body: `[${'1,'.repeat(5 * 1024 * 1024)}1]`, type: 'application/json' },
    '/hostile/cycle.json': { body: JSON.stringify(cycle, null, 2), type: 'application/json' },
    '/hostile/dangling.json': { body: JSON.stringify(dangling, null, 2), type: 'application/json' },
    '/hostile/deep.json': { body: '['.repeat(100_000), type: 'application/json' },
    '/hostile/syntax.json': { body: syntax, type: 'application/json' },
  };
  const cross = new URL(`${SECOND}`, env.url.replace('127.0.0.1', 'localhost')).href;
  const elements = CASES.map(({ id, src, cross: other }) => `<backend-chooser id="${id}" src="${other ? cross : src}"></backend-chooser>`);
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile datasets</title>
    <script type="module" src="/embed.js"></script></head><body><h1>Hostile datasets</h1>
    <backend-chooser id="good"></backend-chooser>${elements.join('\n')}</body></html>`;
  const context = await env.browser.newContext();
  await context.route('**/hostile/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/hostile/page.html') return route.fulfill({ body: host, contentType: 'text/html', headers: { 'content-security-policy': STRICT } });
    if (path === '/hostile/slow.json') return; // never answers
    const found = bodies[path];
    if (!found) return route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
    return route.fulfill({ body: found.body, contentType: found.type });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.url}hostile/page.html`);
  for (const { id, says, line } of CASES) {
    const alert = page.locator(`#${id} [data-testid="dataset-error"]`);
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    assert.match(text, says, `${id}: ${text}`);
    if (line) assert.match(text, /line \d+, column \d+/, `${id} names a line: ${text}`);
    assert.equal(await page.locator(`#${id} [data-testid="question"]`).count(), 0, `${id} shows no question`);
  }
  // The one good widget still works after all of that.
  const good = page.locator('#good');
  const first = await answerFirst(good);
  assert.notEqual(await good.locator('[data-testid="question"], [data-testid="result"]').first().getAttribute('data-question'), first);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dataset with a problem names its line, path and message, as check-dataset does', async () => {
  const broken = small();
  broken.questions[1].answers[0].effects = [{ criterion: 'no-such-criterion', scores: { [broken.sides[0].id]: 2 }, because: 'A reason.' }];
  const text = JSON.stringify(broken, null, 2);
  const context = await env.browser.newContext();
  await context.route('**/broken.json', (route) => route.fulfill({ body: text, contentType: 'application/json' }));
  const page = await context.newPage();
  await page.goto(`${env.url}?src=broken.json`);
  const alert = page.locator('[data-testid="dataset-error"]');
  await alert.waitFor();
  const shown = await alert.innerText();
  assert.match(shown, /questions\[1\]\.answers\[0\]\.effects\[0\]/);
  const lineNumber = Number(shown.match(/line (\d+), column/)[1]);
  assert.match(text.split('\n')[lineNumber - 1], /no-such-criterion/, `line ${lineNumber} is the effect's criterion`);
  // The page says so in its title, and leads back to its own comparison.
  assert.equal(await page.title(), 'This comparison could not be loaded');
  await page.click('text=Open the default comparison');
  await page.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]').waitFor();
  assert.equal(new URL(page.url()).search, '');
  await context.close();
});
