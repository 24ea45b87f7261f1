// End-to-end: fitting a blog. Our own host page (examples/themed-blog.html) themes the widget
// with the documented properties and a dark mode of its own; the iframe embed is themed over
// postMessage without a reload; Print from an embed prints the widget alone; and the phone
// layout is measured at 360 x 740. Screenshots at 320, 360, 768 and 1280 px (light and dark)
// go to tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openPage, artifactPath, LIVE_QUESTION } from './harness.mjs';

const STRICT = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };

let env;
before(async () => {
  env = await launch({
    headers: (path) => (path.startsWith('/examples/') || path === '/embed.html' ? { 'content-security-policy': STRICT } : {}),
  });
});
after(async () => {
  await env?.close();
});

const THEMED = () => `${env.url}examples/themed-blog.html`;
const PLAIN = () => `${env.url}examples/plain.html`;
const rgb = (hex) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
const style = (locator, name) => locator.evaluate((element, name) => getComputedStyle(element)[name], name);

async function answer(scope, which = 0) {
  const question = scope.locator('[data-testid="question"]');
  await question.waitFor();
  const id = await question.getAttribute('data-question');
  await scope.locator('[data-testid="question"] input[type="radio"]').nth(which).click();
  await scope.locator('[data-testid="next"]').click();
  await scope.locator(`[data-testid="result"], [data-testid="question"]:not([data-question="${id}"])`).first().waitFor();
}

async function walkToResult(scope, which = 0) {
  for (let step = 0; step < 30; step += 1) {
    if (await scope.locator('[data-testid="result"]').isVisible()) return;
    await answer(scope, step === 0 ? which : 0);
  }
  throw new Error('no result after 30 answers');
}

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test("the host page's properties, font and parts reach the widget; the defaults stay isolated elsewhere", async () => {
  const page = await openPage(env.browser, THEMED(), { colorScheme: 'light', reducedMotion: 'reduce' });
  const widget = page.locator('#themed');
  await widget.locator(LIVE_QUESTION).waitFor();
  // The brand colour (--bc-accent: var(--brand)) and the blog's own font (font: inherit).
  assert.equal(await style(widget.locator('[data-testid="next"]'), 'backgroundColor'), rgb('#b7410e'));
  assert.equal(await style(widget.locator('[data-testid="widget"]'), 'backgroundColor'), rgb('#fffdf8'));
  assert.equal(await style(widget.locator('label.bc-option').first(), 'borderTopLeftRadius'), '2px');
  const blogFont = await style(page.locator('article'), 'fontFamily');
  assert.match(blogFont, /Iowan Old Style/);
  assert.equal(await style(widget.locator('[data-testid="question"] legend'), 'fontFamily'), blogFont);
  assert.equal(await style(widget.locator('[data-testid="next"]'), 'fontFamily'), blogFont);

  // The parts can be styled from outside, and only they.
  await page.addStyleTag({
    content: `#themed::part(card) { outline: 4px solid rgb(1, 2, 3); }
      #themed::part(answer) { letter-spacing: 3px; }
      #themed::part(button) { text-decoration: underline; }
      #themed::part(primary) { text-transform: uppercase; }
      #themed .bc-option-label { color: rgb(255, 0, 0); }`,
  });
  assert.equal(await style(widget.locator('[data-testid="widget"]'), 'outlineColor'), 'rgb(1, 2, 3)');
  assert.equal(await style(widget.locator('label.bc-option').first(), 'letterSpacing'), '3px');
  assert.match(await style(widget.locator('[data-testid="restart"]'), 'textDecorationLine'), /underline/);
  assert.equal(await style(widget.locator('[data-testid="next"]'), 'textTransform'), 'uppercase');
  assert.notEqual(await style(widget.locator('.bc-option-label').first(), 'color'), 'rgb(255, 0, 0)', 'no other selector gets in');

  // The same properties set on the element itself (not an ancestor) work too.
  await page.evaluate(() => document.getElementById('themed').style.setProperty('--bc-accent', '#0a6b4f'));
  assert.equal(await style(widget.locator('[data-testid="next"]'), 'backgroundColor'), rgb('#0a6b4f'));
  await page.evaluate(() => document.getElementById('themed').style.setProperty('--bc-font', 'monospace'));
  assert.equal(await style(widget.locator('[data-testid="next"]'), 'fontFamily'), 'monospace');
  assert.deepEqual(page.problems, []);
});

test('theme="host" follows the blog\'s dark class and its color-scheme, keeping the answers', async () => {
  // bypassCSP: for axe-core's inline script only.
  const page = await openPage(env.browser, THEMED(), { colorScheme: 'light', reducedMotion: 'reduce', bypassCSP: true });
  const widget = page.locator('#themed');
  const root = widget.locator('[data-testid="widget"]');
  await answer(widget);
  assert.equal(await root.getAttribute('data-theme'), 'light');
  assert.equal(await style(root, 'backgroundColor'), rgb('#fffdf8'));

  await page.click('#mode'); // the blog's own switch: a class on <html>
  await widget.locator('[data-testid="widget"][data-theme="dark"]').waitFor();
  assert.equal(await style(root, 'backgroundColor'), rgb('#26221e'));
  assert.equal(await style(widget.locator('[data-testid="next"]'), 'backgroundColor'), rgb('#f0a47a'));
  assert.match(await widget.locator('[data-testid="progress"]').innerText(), /^Question 2 of /, 'answers kept');
  assert.deepEqual(await axeViolations(page), [], 'the blog dark, with its dark colours');

  await page.click('#mode');
  await widget.locator('[data-testid="widget"][data-theme="light"]').waitFor();
  // A site that marks dark mode only with CSS color-scheme (the recipe for other toggles).
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = 'dark';
  });
  await widget.locator('[data-testid="widget"][data-theme="dark"]').waitFor();
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = 'light dark';
  });
  await widget.locator('[data-testid="widget"][data-theme="auto"]').waitFor();
  assert.match(await widget.locator('[data-testid="progress"]').innerText(), /^Question 2 of /);
  assert.deepEqual(page.problems, []);
});

test('the iframe is themed by the host page without a reload, over origin-checked messages', async () => {
  const page = await openPage(env.browser, THEMED(), { colorScheme: 'light', reducedMotion: 'reduce' });
  const frame = page.frameLocator('iframe[data-backend-chooser]');
  const root = frame.locator('[data-testid="widget"]');
  await answer(frame);
  await frame.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  // The host's properties reach the frame: brand colour and font.
  await frame.locator('backend-chooser[style*="--bc-accent"]').waitFor();
  assert.equal(await style(frame.locator('[data-testid="next"]'), 'backgroundColor'), rgb('#b7410e'));
  assert.match(await style(frame.locator('[data-testid="next"]'), 'fontFamily'), /Iowan Old Style/);
  assert.equal(await root.getAttribute('data-theme'), 'light');

  await page.click('#mode');
  await frame.locator('[data-testid="widget"][data-theme="dark"]').waitFor();
  await frame.locator('[data-testid="next"]').evaluate((next, want) =>
    new Promise((done) => {
      const check = () => (getComputedStyle(next).backgroundColor === want ? done() : requestAnimationFrame(check));
      check();
    }), rgb('#f0a47a'));
  assert.equal(await style(root, 'backgroundColor'), rgb('#26221e'));
  assert.match(await frame.locator('[data-testid="progress"]').innerText(), /^Question 2 of /, 'not reloaded: answers kept');

  // The frame ignores theme messages from any window but its parent, and unsafe values.
  await frame.locator('html').evaluate(() => window.postMessage({ type: 'backend-chooser:theme', theme: 'light' }, '*'));
  await page.evaluate(() => {
    const frame = document.querySelector('iframe[data-backend-chooser]');
    frame.contentWindow.postMessage(
      { type: 'backend-chooser:theme', theme: 'dark', properties: { '--bc-bg': 'url(https://example.org/x.png)', '--bc-accent': '#123456' } },
      new URL(frame.src).origin,
    );
  });
  await frame.locator('backend-chooser[style*="#123456"]').waitFor();
  assert.equal(await root.getAttribute('data-theme'), 'dark');
  assert.equal(await frame.locator('backend-chooser').evaluate((element) => element.style.getPropertyValue('--bc-bg')), '');
  const foreign = page.requests.filter((request) => !request.startsWith(env.url));
  assert.deepEqual(foreign, []);
  assert.deepEqual(page.problems, []);
});

test('Print in an embed prints the widget alone; the host page is not printed', async () => {
  const page = await openPage(env.browser, THEMED(), { colorScheme: 'light', reducedMotion: 'reduce' });
  const widget = page.locator('#themed');
  await walkToResult(widget);
  const headline = await widget.locator('[data-testid="verdict"] h2').innerText();
  await page.evaluate(() => {
    window.printed = [];
    window.print = () => window.printed.push('host');
    // Records the print view before it prints (and, after printing, removes itself).
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.matches?.('iframe[data-backend-chooser-print]')) {
            const view = node.contentWindow;
            view.print = () => window.printed.push({ text: view.document.body.innerText, css: view.document.styleSheets.length });
          }
        }
      }
    }).observe(document.body, { childList: true });
  });
  await widget.locator('[data-testid="print"]').click();
  await page.waitForFunction(() => window.printed.length > 0);
  const [printed] = await page.evaluate(() => window.printed);
  assert.notEqual(printed, 'host', 'the host page was not printed');
  assert.ok(printed.text.includes(headline), 'the print view has the result');
  assert.ok(!printed.text.includes('A Warm Serif Blog'), 'and none of the host page');
  assert.equal(printed.css, 1, 'styled by the widget\'s stylesheet');
  assert.deepEqual(page.problems, []);
});

test('on a 360 x 740 phone question 1 fits in 1,100 px and Next is on screen with each answer picked', async () => {
  const page = await openPage(env.browser, PLAIN(), { viewport: PHONE, reducedMotion: 'reduce' });
  const widget = page.locator('backend-chooser');
  await widget.locator(LIVE_QUESTION).waitFor();
  const box = await widget.evaluate((element) => {
    const top = element.getBoundingClientRect().top + scrollY;
    const next = element.shadowRoot.querySelector('[data-testid="next"]');
    next.parentElement.style.position = 'static'; // its place in the flow, not stuck
    const bottom = next.getBoundingClientRect().bottom + scrollY;
    next.parentElement.style.position = '';
    return { height: element.getBoundingClientRect().height, next: bottom - top };
  });
  console.log(`question 1 at 360 x 740: widget ${Math.round(box.height)} px, Next ends at ${Math.round(box.next)} px`);
  assert.ok(box.next <= 1100, `Next ends ${box.next} px below the widget's top`);
  assert.ok(box.height <= 1100, `question 1 is ${box.height} px tall`);
  const answers = widget.locator('[data-testid="question"] input[type="radio"]');
  for (let index = 0; index < (await answers.count()); index += 1) {
    await answers.nth(index).click();
    const seen = await widget.evaluate((element, index) => {
      const root = element.shadowRoot;
      const picked = root.querySelectorAll('[data-testid="question"] label')[index].getBoundingClientRect();
      const next = root.querySelector('[data-testid="next"]').getBoundingClientRect();
      return { picked: [picked.top, picked.bottom], next: [next.top, next.bottom], screen: innerHeight };
    }, index);
    const visible = ([top, bottom]) => top >= 0 && bottom <= seen.screen;
    assert.ok(visible(seen.picked) && visible(seen.next), `answer ${index + 1}: ${JSON.stringify(seen)}`);
  }
  assert.deepEqual(page.problems, []);
});

test('on a 360 x 740 phone a compact result fits in 1,500 px; the rest is one tap (or Enter) away', async () => {
  const page = await openPage(env.browser, `${env.url}embed.html?compact&theme=light`, { viewport: PHONE, reducedMotion: 'reduce' });
  const widget = page.locator('backend-chooser');
  await widget.locator(LIVE_QUESTION).waitFor();
  const answers = await widget.locator('[data-testid="question"] input[type="radio"]').count();
  const heights = [];
  // A path from each answer of the first question (then the first answer of each).
  for (let first = 0; first < answers; first += 1) {
    await walkToResult(widget, first);
    const height = await widget.evaluate((element) => element.getBoundingClientRect().height);
    heights.push(Math.round(height));
    assert.ok(height <= 1500, `path from answer ${first + 1}: the compact result is ${height} px tall`);
    const more = widget.locator('[data-testid="more"]');
    assert.equal(await more.getAttribute('open'), null, 'the rest starts closed');
    assert.equal(await widget.locator('[data-testid="verdict"] h2').isVisible(), true);
    if (first === 0) {
      // By keyboard: focus the summary, Enter opens it; what would change it is then shown.
      await more.locator('summary').focus();
      await page.keyboard.press('Enter');
      await widget.locator('[data-testid="more"][open]').waitFor();
      assert.ok(await widget.locator('[data-testid="more"] [data-testid="bar"]').first().isVisible());
      await page.screenshot({ path: artifactPath('compact-result-open-360.png'), fullPage: true });
    }
    await widget.locator('[data-testid="restart"]').last().click();
    await widget.locator('[data-testid="progress"]', { hasText: /^Question 1 of / }).waitFor();
  }
  console.log(`compact results at 360 x 740: ${heights.join(', ')} px`);
  assert.deepEqual(page.problems, []);
});

test('the standalone page keeps the whole result in place', async () => {
  const page = await openPage(env.browser, env.url, { viewport: PHONE, reducedMotion: 'reduce' });
  await walkToResult(page);
  assert.equal(await page.locator('[data-testid="more"]').count(), 0);
  assert.ok(await page.locator('[data-testid="scale"]').isVisible());
  assert.ok(await page.locator('[data-testid="path-summary"]').isVisible());
});

test('screenshots of the themed blog at 320, 360, 768 and 1280 px, light and dark; no horizontal scrolling', async () => {
  for (const width of [320, 360, 768, 1280]) {
    for (const dark of [false, true]) {
      const page = await openPage(env.browser, THEMED(), { viewport: { width, height: 740 }, reducedMotion: 'reduce' });
      const widget = page.locator('#themed');
      await widget.locator(LIVE_QUESTION).waitFor();
      if (dark) await page.click('#mode');
      const name = `themed-${dark ? 'dark' : 'light'}-${width}`;
      await widget.screenshot({ path: artifactPath(`${name}-question.png`) });
      await walkToResult(widget);
      await widget.screenshot({ path: artifactPath(`${name}-result.png`) });
      const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scrollWidth <= clientWidth, `${name}: ${scrollWidth} px wide in ${clientWidth} px`);
      await page.context().close();
    }
  }
});
