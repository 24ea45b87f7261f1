// End-to-end: the pre-rendered first question (src/bin/prerender.rs) on the standalone page,
// before the wasm runs and after it takes over, on the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** A page (at `fragment`) whose wasm is held back until `release()` is called, or fails to
 * load with `abort`. */
async function pageWithHeldWasm({ abort = false, fragment = '' } = {}) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  let release;
  const gate = new Promise((done) => (release = done));
  await page.route('**/*.wasm', async (route) => {
    if (abort) return route.abort();
    await gate;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(env.url + fragment);
  return { page, release, context };
}

/** Marks every node of the pre-rendered widget `root`, to tell later whether the wasm kept it. */
const MARK = (root) => {
  const walker = document.createTreeWalker(root);
  for (let node = root; node; node = walker.nextNode()) node.__early = true;
};

/** How many nodes of the wasm's widget `root` (without the "Embed this" panel) are new. */
const NEW_NODES = (root) => {
  const walker = document.createTreeWalker(root);
  let fresh = 0;
  for (let node = root; node; node = walker.nextNode()) if (!node.__early && !node.parentElement?.closest('.bc-embed') && !node.matches?.('.bc-embed')) fresh += 1;
  return fresh;
};

/** What the buttons' "Loading…" shows on the page (`none` when nothing). */
const LOADING = () => getComputedStyle(document.querySelector('[data-testid="next"]').parentElement, '::after').content;

/** Resolves once the wasm has taken over the pre-rendered widget. */
const mounted = (page) =>
  page.waitForSelector('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]');

test('the built page holds the first question as plain HTML', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /data-prerendered/);
  assert.match(html, /<fieldset[^>]*data-testid="question"/);
  assert.ok((html.match(/type="radio"/g) ?? []).length >= 2, 'the answers are native radios');
  assert.match(html, /data-testid="next"/);
  assert.doesNotMatch(html, /data-prerender>/, 'the marker was replaced');
});

test('the pre-rendered first step is what the wasm renders, it keeps its nodes, and nothing moves when it takes over', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  const before = await page.locator('[data-prerendered]').evaluate((root) => root.innerHTML);
  assert.ok(await page.locator('[data-prerendered] [data-testid="question"]').isVisible());
  await page.locator('[data-prerendered]').evaluate(MARK);
  release();
  await mounted(page);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  // The wasm kept every pre-rendered node (no second copy drawn: the page's largest paint
  // stays the first one).
  assert.equal(await page.locator('[data-testid="widget"]').evaluate(NEW_NODES), 0, 'nodes the wasm built anew');
  const after = await page.locator('[data-testid="widget"]').evaluate((root) => {
    const copy = root.cloneNode(true);
    // Only the standalone page's "Embed this" panel is left out of the pre-rendered step.
    copy.querySelector('.bc-embed')?.remove();
    return copy.innerHTML;
  });
  assert.equal(after, before);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.evaluate(() => window.__shift), 0, 'cumulative layout shift');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an answer and Next given before the wasm arrives are kept', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  const first = await page.locator('[data-testid="question"]').getAttribute('data-question');
  const radios = page.locator('[data-prerendered] input[type="radio"]');
  const value = await radios.nth(1).getAttribute('value');
  await radios.nth(1).click();
  await page.click('[data-prerendered] [data-testid="next"]');
  assert.equal(new URL(page.url()).search, '', 'the page was not reloaded');
  release();
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id &&
      !document.querySelector('[data-prerendered]'),
    first,
  );
  await page.click('[data-testid="back"]');
  await page.waitForSelector(`[data-question="${first}"] input[value="${value}"]:checked`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an answer chosen before the wasm arrives stays chosen and focused', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  const radio = page.locator('[data-prerendered] input[type="radio"]').nth(2);
  const value = await radio.getAttribute('value');
  await radio.focus();
  await page.keyboard.press('Space');
  release();
  await mounted(page);
  await page.waitForFunction(
    (value) => document.activeElement?.matches(`[data-testid="widget"]:not([data-prerendered]) input[value="${value}"]:checked`),
    value,
  );
  await page.click('[data-testid="next"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="choose-first"]:not([hidden])') && document.querySelector('[data-testid="progress"]')?.textContent.includes('2'));
  await context.close();
});

test('a Next given before the wasm arrives says "Loading…" by the buttons until it runs (not without an answer)', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  const loading = () => page.evaluate(LOADING);
  await page.click('[data-prerendered] [data-testid="next"]');
  assert.equal(await loading(), 'none', 'no answer: "choose first" instead');
  await page.locator('[data-prerendered] input[type="radio"]').nth(1).check();
  await page.click('[data-prerendered] [data-testid="next"]');
  assert.equal(await loading(), '"Loading…"');
  release();
  await page.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="progress"]').filter({ hasText: /^Question 2 of/ }).waitFor();
  assert.equal(await loading(), 'none');
  assert.equal(await page.locator('[data-testid="widget"]').getAttribute('data-waiting'), null);
  await context.close();
});

test('a tab chosen before the wasm arrives opens once it runs', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  await page.click('[data-prerendered] [data-testid="tab-map"]');
  release();
  await page.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="tree-map"]').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid="question"]').isVisible(), false, 'the Decide panel is hidden');
  assert.equal(await page.locator('[data-testid="tab-map"]').getAttribute('aria-selected'), 'true');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('Next without an answer before the wasm says what to do, before and after it arrives', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  await page.click('[data-prerendered] [data-testid="next"]');
  assert.ok(await page.locator('[data-prerendered] [data-testid="choose-first"]').isVisible());
  release();
  await mounted(page);
  assert.ok(await page.locator('[data-testid="choose-first"]').isVisible());
  await context.close();
});

test('where a Content-Security-Policy blocks the wasm, the first question and the summary show', async () => {
  const strict = await launch({ headers: { 'content-security-policy': "script-src 'self' 'unsafe-inline'" } });
  try {
    const page = await strict.browser.newPage();
    // A shared link too: its step cannot be shown, the first question is.
    await page.goto(`${strict.url}#node-vs-python@1:what=realtime`);
    await page.locator('[data-fallback]').waitFor({ state: 'visible' });
    assert.ok(await page.locator('[data-prerendered] [data-testid="question"]').isVisible());
    // The dataset's own words: each side's summary (present::first_screen::summary).
    assert.match(await page.locator('[data-fallback]').innerText(), /In short: Node\.js: One language from browser to server/);
  } finally {
    await strict.close();
  }
});

const OPENING = () => getComputedStyle(document.querySelector('[data-prerendered] [data-part="step"]'), '::before').content;

test('a shared link shows no first question before the wasm, but a line saying it opens; then the linked step', async () => {
  const { page, release, context } = await pageWithHeldWasm({ fragment: '#node-vs-python@1:what=realtime' });
  assert.equal(await page.evaluate(OPENING), '"Opening the shared link…"');
  assert.equal(await page.locator('[data-prerendered] [data-step-heading]').isVisible(), false, 'the first question is hidden');
  // Nothing hidden can be reached with the keyboard: Tab from the tabs leaves the step out.
  await page.locator('[data-prerendered] [data-testid="tab-decide"]').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('[data-part="step"]')), false);
  release();
  await page.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"][data-question="rtdata"]').waitFor();
  assert.ok(await page.locator('[data-step-heading]').isVisible());
  assert.equal(await page.evaluate(() => document.querySelector('[data-part="step"]') && getComputedStyle(document.querySelector('[data-part="step"]'), '::before').content), 'none');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('where the wasm cannot load (a network error): the summary, saying so; a shared link shows the first question; Next brings the summary into view', async () => {
  const { page, context } = await pageWithHeldWasm({ fragment: '#node-vs-python@1:what=realtime', abort: true });
  await page.locator('[data-fallback]').waitFor({ state: 'visible' });
  assert.match(await page.locator('[data-fallback]').innerText(), /or which could not be loaded \(reloading the page may help\)\. In short: Node\.js:/);
  assert.ok(await page.locator('[data-prerendered] [data-step-heading]').isVisible());
  assert.equal(await page.evaluate(OPENING), 'none');
  await page.locator('[data-prerendered] input[type="radio"]').nth(1).check();
  await page.click('[data-prerendered] [data-testid="next"]');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('[data-fallback]')), 'focus on the summary');
  const loading = await page.evaluate(LOADING);
  assert.equal(loading, 'none', 'no "Loading…" for a wasm that will not come');
  await context.close();
});

test('a Next given before the wasm fails to load: its "Loading…" goes, and the summary shows', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  let fail;
  const gate = new Promise((done) => (fail = done));
  await page.route('**/*.wasm', async (route) => (await gate, route.abort()));
  await page.goto(env.url);
  await page.locator('[data-prerendered] input[type="radio"]').nth(1).check();
  await page.click('[data-prerendered] [data-testid="next"]');
  const loading = () => page.evaluate(LOADING);
  assert.equal(await loading(), '"Loading…"');
  fail();
  await page.locator('[data-fallback]').waitFor({ state: 'visible' });
  assert.equal(await loading(), 'none');
  await context.close();
});

// The embedded widget: <backend-chooser> (embed.js, first-screen*.html) and the iframe page
// (embed.html, the first question in a declarative shadow root).

/** A host page on the test server's origin, with `body` as its body. */
async function hostPage(body, { holdWasm = false } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  page.problems = [];
  page.wasm = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => request.url().endsWith('.wasm') && page.wasm.push(request.url()));
  let release;
  const gate = new Promise((done) => (release = done));
  if (holdWasm) await page.route('**/*.wasm', async (route) => (await gate, route.continue()));
  await page.route('**/host-page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><title>Host</title><script type="module" src="./embed.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${env.url}host-page.html`);
  return { page, release, context };
}

/** A widget's content. */
const content = (root) => root.evaluate((element) => element.innerHTML);

/** The root of the element's widget: the pre-rendered one, or the wasm's. */
const rootOf = (page, { early }) =>
  page.locator(early ? 'backend-chooser [data-prerendered]' : 'backend-chooser [data-testid="widget"]:not([data-prerendered])');

test('the build writes the first question into embed.html and the first-screen files', () => {
  const frame = readFileSync(join(DIST, 'embed.html'), 'utf8');
  assert.match(frame, /<template shadowrootmode="open">.*<div [^>]*data-prerendered/s);
  assert.doesNotMatch(frame, /data-prerender>/, 'the marker was replaced');
  for (const name of ['first-screen.html', 'first-screen-compact.html']) {
    const html = readFileSync(join(DIST, name), 'utf8');
    assert.match(html, /^<div class="bc"[^>]*data-prerendered/);
    assert.match(html, /<fieldset[^>]*data-testid="question"/);
  }
  const compact = readFileSync(join(DIST, 'first-screen-compact.html'), 'utf8');
  assert.doesNotMatch(compact, /role="tablist"/);
});

for (const compact of [false, true]) {
  test(`<backend-chooser${compact ? ' compact' : ''}> shows the pre-rendered first question, the same as the wasm's, which keeps its nodes, and nothing moves`, async () => {
    const { page, release, context } = await hostPage(`<backend-chooser eager theme="dark"${compact ? ' compact' : ''}></backend-chooser>`, { holdWasm: true });
    const early = rootOf(page, { early: true });
    await early.locator('[data-testid="question"]').waitFor();
    assert.equal(await early.getAttribute('data-theme'), 'dark');
    assert.equal(await early.getAttribute('part'), 'card');
    const before = await content(early);
    await early.evaluate(MARK);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const shifted = await page.evaluate(() => window.__shift);
    release();
    const after = await content(rootOf(page, { early: false }));
    assert.equal(after, before);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    assert.equal(await rootOf(page, { early: false }).evaluate(NEW_NODES), 0, 'nodes the wasm built anew');
    assert.equal(await page.locator('backend-chooser [data-prerendered]').count(), 0);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    assert.equal(shifted, 0, 'layout shift before the wasm');
    assert.equal(await page.evaluate(() => window.__shift), 0, 'layout shift when the wasm takes over');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('<backend-chooser>: an answer and Next given before the wasm arrives are kept', async () => {
  const { page, release, context } = await hostPage('<backend-chooser eager></backend-chooser>', { holdWasm: true });
  const early = rootOf(page, { early: true });
  const first = await early.locator('[data-testid="question"]').getAttribute('data-question');
  await early.locator('[data-testid="next"]').click();
  assert.ok(await early.locator('[data-testid="choose-first"]').isVisible(), 'Next without an answer says what to do');
  const value = await early.locator('input[type="radio"]').nth(1).getAttribute('value');
  await early.locator('input[type="radio"]').nth(1).click();
  await early.locator('[data-testid="next"]').click();
  release();
  const widget = rootOf(page, { early: false });
  await widget.locator(`[data-testid="question"]:not([data-question="${first}"])`).waitFor();
  await widget.locator('[data-testid="back"]').click();
  await widget.locator(`[data-question="${first}"] input[value="${value}"]:checked`).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('<backend-chooser>: an answer, Next and the Compare tab chosen before the wasm arrives: the next question, with Compare open', async () => {
  const { page, release, context } = await hostPage('<backend-chooser eager></backend-chooser>', { holdWasm: true });
  const early = rootOf(page, { early: true });
  await early.locator('input[type="radio"]').first().click();
  await early.locator('[data-testid="next"]').click();
  const loading = await early.locator('.bc-actions').evaluate((actions) => getComputedStyle(actions, '::after').content);
  assert.equal(loading, '"Loading…"', 'the Next is kept, and says so');
  await early.locator('[data-testid="tab-compare"]').click();
  release();
  const widget = rootOf(page, { early: false });
  await widget.locator('[data-testid="compare"] table').waitFor({ state: 'visible' });
  assert.equal(await widget.locator('[data-testid="tab-compare"]').getAttribute('aria-selected'), 'true');
  assert.equal(await widget.locator('[data-testid="question"]').isVisible(), false, 'the Decide panel is hidden');
  await widget.locator('[data-testid="tab-decide"]').click();
  assert.match(await widget.locator('[data-testid="progress"]').innerText(), /^Question 2 of/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

for (const next of [false, true]) {
  test(`<backend-chooser> that mounts second (other ids): the answer${next ? ' and Next' : ''} given before the wasm ${next ? 'are' : 'is'} kept`, async () => {
    // The first element mounts first (its ids start bc1), so the pre-rendered one (bc1 in the
    // build's file) becomes bc2: its radios get new ids and names when the wasm takes over.
    const { page, release, context } = await hostPage(
      '<backend-chooser eager compact answers="node-vs-python@1:what=realtime"></backend-chooser><backend-chooser id="b" eager></backend-chooser>',
      { holdWasm: true },
    );
    const early = page.locator('#b [data-prerendered]');
    await early.locator('input[type="radio"][value="spa"]').check();
    if (next) await early.locator('[data-testid="next"]').click();
    release();
    const widget = page.locator('#b [data-testid="widget"]:not([data-prerendered])');
    await widget.locator('[data-testid="question"]').waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.match(await widget.locator('input[type="radio"]').first().getAttribute('name'), /^bc2-/, 'the second mount');
    if (next) await widget.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor({ timeout: 5000 });
    else assert.equal(await widget.locator('input[type="radio"]:checked').getAttribute('value', { timeout: 5000 }), 'spa');
    assert.equal(await widget.locator('[data-testid="choose-first"]').isVisible(), false);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('<backend-chooser> with answers shows the loading line, not the first question', async () => {
  const { page, release, context } = await hostPage('<backend-chooser eager answers="node-vs-python@1:what=realtime"></backend-chooser>', { holdWasm: true });
  await page.locator('backend-chooser [data-testid="loading"]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('backend-chooser [data-prerendered]').count(), 0);
  release();
  await page.locator('backend-chooser [data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  await context.close();
});

test('a widget below the fold loads no wasm until the reader scrolls near it; eager loads at once', async () => {
  const spacer = '<div style="height: 3000px">Host text</div>';
  const { page, context } = await hostPage(`${spacer}<backend-chooser id="late"></backend-chooser>`);
  const late = page.locator('#late');
  await late.locator('[data-prerendered] [data-testid="question"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  assert.deepEqual(page.wasm, [], 'no wasm before the widget is near');
  await page.evaluate(() => window.scrollTo(0, 2200));
  await late.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]').waitFor();
  assert.equal(page.wasm.length, 1);
  await late.locator('input[type="radio"]').first().click();
  await late.locator('[data-testid="next"]').click();
  await late.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();

  const eager = await hostPage(`${spacer}<backend-chooser eager></backend-chooser>`);
  await eager.page.locator('backend-chooser [data-testid="widget"]:not([data-prerendered])').waitFor({ state: 'attached' });
  assert.equal(eager.page.wasm.length, 1, 'eager: loaded without scrolling');
  await eager.context.close();
});

test('two widgets below the fold share one wasm, loaded when the reader focuses one', async () => {
  const spacer = '<div style="height: 3000px"><a href="#x" id="before">before</a></div>';
  const { page, context } = await hostPage(`${spacer}<backend-chooser id="a"></backend-chooser><backend-chooser id="b" compact></backend-chooser>`);
  await page.locator('#a [data-prerendered] [data-testid="question"]').waitFor({ state: 'attached' });
  assert.deepEqual(page.wasm, []);
  // Focus moves into the widget without scrolling first (as a keyboard reader's Tab does).
  await page.locator('#a [data-prerendered] input[type="radio"]').first().evaluate((radio) => radio.focus({ preventScroll: true }));
  await page.locator('#a [data-testid="widget"]:not([data-prerendered])').waitFor({ state: 'attached' });
  assert.equal(page.wasm.length, 1);
  await page.locator('#b').scrollIntoViewIfNeeded();
  await page.locator('#b [data-testid="widget"]:not([data-prerendered])').waitFor({ state: 'attached' });
  assert.equal(page.wasm.length, 1, 'one wasm for both');
  await context.close();
});

test('embed.html shows the pre-rendered first question before its scripts, the same as the wasm\'s', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  let release;
  const gate = new Promise((done) => (release = done));
  await page.route('**/*.wasm', async (route) => (await gate, route.continue()));
  await page.goto(`${env.url}embed.html?theme=light`);
  const early = page.locator('[data-prerendered]');
  await early.locator('[data-testid="question"]').waitFor();
  const before = await content(early);
  release();
  const after = await content(page.locator('[data-testid="widget"]:not([data-prerendered])'));
  assert.equal(after, before);
  assert.equal(await page.locator('[data-testid="widget"]').getAttribute('data-theme'), 'light');
  await context.close();
});

test('without WebAssembly the element shows the summary the build wrote, and a link', async () => {
  const strict = await launch({ headers: (path) => (path === '/examples/no-wasm.html' ? { 'content-security-policy': "script-src 'self'" } : {}) });
  try {
    const page = await strict.browser.newPage();
    await page.goto(`${strict.url}examples/no-wasm.html`);
    const fallback = page.locator('backend-chooser [data-testid="fallback"]');
    await fallback.waitFor();
    assert.match(await fallback.innerText(), /In short: Node\.js: .*Python: Readable code/s);
    assert.equal(await fallback.locator('a').getAttribute('href'), strict.url);
  } finally {
    await strict.close();
  }
});
