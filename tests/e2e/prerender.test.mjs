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

/** A page whose wasm is held back until `release()` is called (or never, with `abort`). */
async function pageWithHeldWasm({ abort = false } = {}) {
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
  await page.goto(env.url);
  return { page, release, context };
}

/** Resolves once the wasm's widget has replaced the pre-rendered one. */
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

test('the pre-rendered first step is what the wasm renders, and nothing moves when it takes over', async () => {
  const { page, release, context } = await pageWithHeldWasm();
  const before = await page.locator('[data-prerendered]').evaluate((root) => root.innerHTML);
  assert.ok(await page.locator('[data-prerendered] [data-testid="question"]').isVisible());
  release();
  await mounted(page);
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
    await page.goto(strict.url);
    assert.ok(await page.locator('[data-prerendered] [data-testid="question"]').isVisible());
    await page.locator('[data-fallback]').waitFor({ state: 'visible' });
    assert.match(await page.locator('[data-fallback]').innerText(), /Node\.js for\s+real-time/);
  } finally {
    await strict.close();
  }
});
