// End-to-end: accessibility (axe-core), layout at three widths, hosting from a subfolder,
// and the MIME types the static files are served with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, artifactPath, DIST } from './harness.mjs';
import { startServer } from './serve.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function finishPath(page) {
  for (let step = 0; step < 30; step += 1) {
    if (await page.locator('[data-testid="result"]').isVisible()) return;
    const id = await page.locator('[data-testid="question"]').getAttribute('data-question');
    await page.locator('[data-testid="question"] input[type="radio"]').first().click();
    await page.click('[data-testid="next"]');
    await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id, id);
  }
  throw new Error('no result');
}

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations on the question, result, table and map (${colorScheme})`, async () => {
    const page = await openPage(env.browser, env.url, { colorScheme });
    await page.locator('[data-testid="question"]').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'question view');
    await finishPath(page);
    assert.deepEqual(await axeViolations(page), [], 'result view');
    await page.click('[data-testid="tab-compare"]');
    await page.locator('[data-testid="criterion-row"]').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'comparison table');
    await page.click('[data-testid="tab-map"]');
    await page.locator('[data-testid="tree-map"]').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'tree map');
    assert.deepEqual(page.problems, []);
  });
}

for (const width of [320, 768, 1280]) {
  test(`no horizontal scrolling at ${width} px; screenshots saved`, async () => {
    const page = await openPage(env.browser, env.url, { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const views = [];
    await page.locator('[data-testid="question"]').waitFor();
    views.push('question');
    await page.screenshot({ path: artifactPath(`question-${width}.png`), fullPage: true });
    await finishPath(page);
    await page.screenshot({ path: artifactPath(`result-${width}.png`), fullPage: true });
    await page.click('[data-testid="tab-compare"]');
    await page.screenshot({ path: artifactPath(`compare-${width}.png`), fullPage: true });
    await page.click('[data-testid="tab-map"]');
    await page.screenshot({ path: artifactPath(`map-${width}.png`), fullPage: true });
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth} px wide in a ${clientWidth} px viewport`);
    // Every interactive target is at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8).
    await page.click('[data-testid="tab-decide"]');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.bc button, .bc input, .bc a, .bc [role="button"]')]
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => [element.textContent.trim().slice(0, 30) || element.tagName, element.getBoundingClientRect()])
        .filter(([, box]) => box.width < 24 || box.height < 24)
        .map(([name, box]) => `${name}: ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    assert.deepEqual(small, []);
  });
}

test('the release build works from a subfolder of a site', async () => {
  const site = mkdtempSync(join(tmpdir(), 'bc-site-'));
  cpSync(DIST, join(site, 'tools', 'backend-chooser'), { recursive: true });
  const { server, url } = await startServer(site);
  try {
    const page = await openPage(env.browser, `${url}tools/backend-chooser/`);
    await page.locator('[data-testid="question"]').waitFor();
    assert.deepEqual(page.problems, []);
    for (const request of page.requests) {
      assert.ok(request.startsWith(`${url}tools/backend-chooser/`), `request outside the folder: ${request}`);
    }
  } finally {
    server.close();
  }
});

test('the page, the JS and the wasm are served with the right MIME types; no cookies', async () => {
  const page = await openPage(env.browser, env.url);
  await page.locator('[data-testid="question"]').waitFor();
  const expected = { '': 'text/html', 'backend-chooser.js': 'text/javascript', 'backend-chooser_bg.wasm': 'application/wasm', 'widget.css': 'text/css' };
  for (const [file, type] of Object.entries(expected)) {
    const response = await fetch(env.url + file);
    assert.equal(response.status, 200, file);
    assert.ok(response.headers.get('content-type').startsWith(type), `${file}: ${response.headers.get('content-type')}`);
  }
  assert.deepEqual(await page.context().cookies(), []);
  const origin = new URL(env.url).origin;
  assert.deepEqual(page.requests.filter((request) => !request.startsWith(origin) && !request.startsWith('data:')), []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
});
