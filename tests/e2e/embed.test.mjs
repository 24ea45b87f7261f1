// End-to-end: embedding. <backend-chooser> on a hostile blog post (examples/blog-post.html)
// served with a strict CSP, the iframe embed, the no-wasm fallback and the "Embed this" panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, LIVE_QUESTION } from './harness.mjs';

const STRICT = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
const NO_WASM = "script-src 'self'; object-src 'none'";

let env;
before(async () => {
  env = await launch({
    headers: (path) => {
      if (path.endsWith('/no-wasm.html')) return { 'content-security-policy': NO_WASM };
      if (path.startsWith('/examples/') || path === '/embed.html') {
        return { 'content-security-policy': STRICT };
      }
      return {};
    },
  });
});
after(async () => {
  await env?.close();
});

const BLOG = () => `${env.url}examples/blog-post.html`;

/** Answers the current question of the widget under `scope` with its first option. */
async function answer(scope) {
  const question = scope.locator('[data-testid="question"]');
  await question.waitFor();
  const id = await question.getAttribute('data-question');
  await scope.locator('[data-testid="question"] input[type="radio"]').first().click();
  await scope.locator('[data-testid="next"]').click();
  return id;
}

async function walkToResult(scope) {
  for (let step = 0; step < 30; step += 1) {
    if (await scope.locator('[data-testid="result"]').isVisible()) return;
    const id = await answer(scope);
    await scope
      .locator(`[data-testid="result"], [data-testid="question"]:not([data-question="${id}"])`)
      .first()
      .waitFor();
  }
  throw new Error('no result after 30 answers');
}

const progress = (scope) => scope.locator('[data-testid="progress"]').innerText();

function assertOnlyOwnHost(page) {
  const hosts = new Set(page.requests.map((url) => new URL(url).host).filter(Boolean));
  assert.deepEqual([...hosts], [new URL(env.url).host], 'no request to any other host');
}

test('the blog post (strict CSP) shows both widgets and the iframe, each working on its own', async () => {
  const page = await openPage(env.browser, BLOG());
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.locator(LIVE_QUESTION).waitFor();
  await second.locator(LIVE_QUESTION).waitFor();
  const frame = page.frameLocator('iframe[data-backend-chooser]');
  // The iframe's widget loads its wasm when it comes near the viewport or is touched.
  await frame.locator('[data-testid="question"]').waitFor();

  // Themes and compact mode come from the attributes.
  assert.equal(await first.locator('[data-testid="widget"]').getAttribute('data-theme'), 'light');
  assert.equal(await second.locator('[data-testid="widget"]').getAttribute('data-theme'), 'dark');
  assert.equal(await first.locator('[role="tablist"]').count(), 1);
  assert.equal(await second.locator('[role="tablist"]').count(), 0, 'compact: no tabs');
  // The second starts from its answers attribute.
  assert.match(await progress(second), /^Question 2 of /);

  const url = page.url();
  const history = await page.evaluate(() => history.length);
  await answer(first);
  await first.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  assert.match(await progress(second), /^Question 2 of /, 'the other widget is as it was');
  assert.match(await progress(frame), /^Question 1 of /, 'the iframe is as it was');
  assert.equal(page.url(), url, 'the host page URL is untouched');
  assert.equal(await page.evaluate(() => history.length), history, 'no history entry');

  // An element of the host with the standalone page's id is left alone.
  assert.equal(await page.locator('#backend-chooser .bc').count(), 0);
  assert.deepEqual(page.problems, []);
  assertOnlyOwnHost(page);
});

test("the host's CSS does not change the widget, and the widget's CSS does not change the host", async () => {
  const PROPS = [
    'fontFamily', 'fontSize', 'fontStyle', 'lineHeight', 'letterSpacing', 'textTransform',
    'paddingTop', 'paddingLeft', 'boxSizing', 'backgroundColor', 'color', 'borderTopWidth',
    'borderTopStyle', 'borderRadius', 'minHeight', 'cursor', 'outlineStyle',
  ];
  const read = (element, props) => {
    const style = getComputedStyle(element);
    return Object.fromEntries(props.map((name) => [name, style[name]]));
  };
  // The wasm's widgets, not the pre-rendered first screens they replace (an element read
  // while it is being replaced has no computed style).
  const WASM = '[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]';
  const standalone = await openPage(env.browser, env.url, { colorScheme: 'light' });
  await standalone.locator(WASM).waitFor();
  const blog = await openPage(env.browser, BLOG(), { colorScheme: 'light' });
  const first = blog.locator('#first');
  await first.locator(WASM).waitFor();
  for (const selector of [
    '[data-testid="next"]',
    '[data-testid="question"] legend',
    '[data-testid="question"] label',
    '[data-testid="question"] input[type="radio"]',
    '[data-testid="widget"]',
    '[data-testid="progress"]',
  ]) {
    const expected = await standalone.locator(selector).first().evaluate(read, PROPS);
    const actual = await first.locator(selector).first().evaluate(read, PROPS);
    assert.deepEqual(actual, expected, `computed style of ${selector}`);
  }
  assert.deepEqual(blog.problems, []);

  // The host page with and without the widget (embed.js replaced by an empty script).
  const HOST = ['p[data-testid="host-paragraph"]', 'button.cta', 'h2', 'input', 'svg', 'body', 'a'];
  const HOST_PROPS = [...PROPS, 'width', 'marginBottom', 'fontWeight', 'fill'];
  const bare = await openPage(env.browser, 'about:blank', { colorScheme: 'light' });
  await bare.route('**/embed.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  );
  await bare.goto(BLOG());
  for (const selector of HOST) {
    const withWidget = await blog.locator(selector).first().evaluate(read, HOST_PROPS);
    const without = await bare.locator(selector).first().evaluate(read, HOST_PROPS);
    assert.deepEqual(withWidget, without, `host ${selector} is unchanged`);
  }
});

test('the element sends answer and result events with their details', async () => {
  const page = await openPage(env.browser, BLOG());
  await page.evaluate(() => {
    window.seen = [];
    for (const type of ['backend-chooser:answer', 'backend-chooser:result']) {
      document.addEventListener(type, (event) =>
        window.seen.push({
          type: event.type,
          target: event.target.id,
          composed: event.composed,
          detail: JSON.parse(JSON.stringify(event.detail)),
        }),
      );
    }
  });
  const second = page.locator('#second');
  await second.locator(LIVE_QUESTION).waitFor();
  assert.deepEqual(await page.evaluate(() => window.seen), [], 'nothing on load');
  const questionId = await answer(second);
  await page.waitForFunction(() => window.seen.length >= 1);
  const [first] = await page.evaluate(() => window.seen);
  assert.equal(first.type, 'backend-chooser:answer');
  assert.equal(first.target, 'second');
  assert.equal(first.composed, true);
  assert.match(first.detail.fragment, new RegExp(`^node-vs-python@\\d+:what=realtime,${questionId}=`));
  assert.equal(first.detail.answers.length, 2);
  assert.deepEqual(Object.keys(first.detail.answers[0]).sort(), ['answer', 'answerText', 'question', 'questionText']);
  assert.equal(first.detail.answers[0].question, 'what');
  assert.equal(first.detail.answers[0].answer, 'realtime');
  assert.ok(first.detail.answers[0].questionText.length > 5);

  await walkToResult(second);
  await page.waitForFunction(() => window.seen.some((event) => event.type === 'backend-chooser:result'));
  const events = await page.evaluate(() => window.seen);
  const result = events.find((event) => event.type === 'backend-chooser:result');
  assert.equal(result.target, 'second');
  const { recommendation } = result.detail;
  assert.match(recommendation.winner, /^(node|python|hybrid)$/);
  assert.equal(
    await second.locator('[data-testid="verdict"]').getAttribute('data-side'),
    recommendation.winner,
  );
  assert.ok(recommendation.label.length > 2);
  assert.ok(Number.isInteger(recommendation.lead));
  assert.match(recommendation.level, /^(too-close|slight|clear|strong)$/);
  assert.equal(recommendation.percent, undefined);
  // The words are the verdict line the widget shows, from the same lead.
  assert.ok(recommendation.level === 'too-close' ? recommendation.words.startsWith('Too close to call')
    : recommendation.words.includes(` ${recommendation.lead} point`), recommendation.words);
  const lastAnswer = events.filter((event) => event.type === 'backend-chooser:answer').at(-1);
  assert.equal(result.detail.fragment, lastAnswer.detail.fragment);
  assert.ok(events.every((event) => event.target === 'second'), 'only the widget used sent events');

  // Copy link points to the standalone page beside embed.js, with the answers.
  const href = await second.locator('[data-testid="share-link"]').getAttribute('href');
  assert.equal(href, `${env.url}#${result.detail.fragment}`);
  assert.deepEqual(page.problems, []);
});

test('bad attributes show a specific message and fall back to the default', async () => {
  const page = await openPage(env.browser, BLOG());
  await page.locator('#first [data-testid="question"]').waitFor();
  await page.evaluate(() => {
    const element = document.createElement('backend-chooser');
    element.id = 'bad';
    element.setAttribute('theme', 'purple');
    element.setAttribute('standalone-url', 'javascript:alert(1)');
    element.setAttribute('answers', 'not-a-link');
    document.querySelector('article').append(element);
  });
  const bad = page.locator('#bad');
  await bad.locator(LIVE_QUESTION).waitFor();
  const problems = await bad.locator('[data-testid="attribute-problems"]').innerText();
  assert.match(problems, /theme="purple" is not one of light, dark, auto, host; using auto\./);
  assert.match(problems, /standalone-url="javascript:alert\(1\)" is not an http or https address/);
  assert.equal(await bad.locator('[data-testid="widget"]').getAttribute('data-theme'), 'auto');
  assert.ok(await bad.locator('[data-testid="notice"]').isVisible(), "a bad answers link gets the widget's notice");

  // Fixing the attribute removes the message.
  await page.evaluate(() => document.getElementById('bad').setAttribute('theme', 'dark'));
  await bad.locator('[data-testid="widget"][data-theme="dark"]').waitFor();
  assert.doesNotMatch(await bad.locator('[data-testid="attribute-problems"]').innerText(), /theme=/);

  // compact: a yes or a no, in any of its usual words; anything else is said.
  for (const [value, tabs, problem] of [['yes', 0, false], ['no', 1, false], ['false', 1, false], ['sometimes', 1, true]]) {
    await page.evaluate((value) => document.getElementById('bad').setAttribute('compact', value), value);
    await bad.locator(LIVE_QUESTION).waitFor();
    await page.waitForFunction(([tabs]) => document.getElementById('bad').shadowRoot.querySelectorAll('[data-testid="tab-compare"]').length === tabs, [tabs]);
    const said = await bad.locator('[data-testid="attribute-problems"]').allInnerTexts();
    assert.equal(said.some((text) => /compact="sometimes" is not a yes or no/.test(text)), problem, `compact="${value}": ${said}`);
  }
  assert.deepEqual(page.problems, []);
});

test('a theme change keeps the checked radio, its focus and the question as they were', async () => {
  const page = await openPage(env.browser, BLOG());
  const first = page.locator('#first');
  await first.locator(LIVE_QUESTION).waitFor();
  const radio = first.locator('[data-testid="question"] input[type="radio"]').nth(1);
  await radio.click();
  // A re-render would replace the form, and this mark with it.
  await first.locator('[data-testid="question-form"]').evaluate((form) => { form.bcKept = true; });
  await page.evaluate(() => document.getElementById('first').setAttribute('theme', 'dark'));
  await first.locator('[data-testid="widget"][data-theme="dark"]').waitFor();
  assert.ok(await radio.isChecked());
  assert.ok(await radio.evaluate((input) => input.getRootNode().activeElement === input), 'the radio keeps focus');
  assert.ok(await first.locator('[data-testid="question-form"]').evaluate((form) => form.bcKept === true));
  assert.deepEqual(page.problems, []);
});

test('changing attributes updates the widget and keeps the answers; removing and re-adding works', async () => {
  const page = await openPage(env.browser, BLOG());
  const first = page.locator('#first');
  await answer(first);
  await first.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();

  // A new theme only recolours: the open tab (and everything else) stays as it was.
  await first.locator('[data-testid="tab-compare"]').click();
  await page.evaluate(() => document.getElementById('first').setAttribute('theme', 'dark'));
  await first.locator('[data-testid="widget"][data-theme="dark"]').waitFor();
  assert.equal(await first.locator('[data-testid="tab-compare"]').getAttribute('aria-selected'), 'true');
  await first.locator('[data-testid="tab-decide"]').click();
  assert.match(await progress(first), /^Question 2 of /, 'answers kept across an update');
  await page.evaluate(() => document.getElementById('first').setAttribute('compact', ''));
  await first.locator('[data-testid="widget"]:not(:has([role="tablist"]))').waitFor();
  assert.match(await progress(first), /^Question 2 of /);

  await page.evaluate(() => {
    window.removed = document.getElementById('first');
    window.removed.remove();
  });
  assert.equal(
    await page.evaluate(() => window.removed.shadowRoot.querySelectorAll('[data-testid="widget"]').length),
    0,
    'unmounted when removed',
  );
  // Re-added, it comes back styled: the first question it shows already has the widget's
  // stylesheet (which reloads on connection), not the host's inherited `text-transform: uppercase`.
  const firstLook = await page.evaluate(
    () =>
      new Promise((done) => {
        const root = window.removed.shadowRoot;
        const seen = new MutationObserver(() => {
          const progress = root.querySelector('[data-testid="progress"]');
          if (!progress) return;
          seen.disconnect();
          done(getComputedStyle(progress).textTransform);
        });
        seen.observe(root, { childList: true, subtree: true });
        document.querySelector('article').prepend(window.removed);
      }),
  );
  assert.equal(firstLook, 'none', 'the re-added widget is styled from its first paint');
  await first.locator(LIVE_QUESTION).waitFor();
  assert.match(await progress(first), /^Question 2 of /, 'mounted again, answers kept');
  assert.equal(await page.locator('#first [data-testid="widget"]').count(), 1, 'exactly one widget');
  await answer(first);
  await first.locator('[data-testid="progress"]', { hasText: /^Question 3 of / }).waitFor();

  // A new answers attribute starts over from it.
  await page.evaluate(() => document.getElementById('first').setAttribute('answers', ''));
  await first.locator('[data-testid="progress"]', { hasText: /^Question 1 of / }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('the iframe embed sizes itself to its content as it grows', async () => {
  const page = await openPage(env.browser, BLOG());
  const iframe = page.locator('iframe[data-backend-chooser]');
  const frame = page.frameLocator('iframe[data-backend-chooser]');
  // The iframe's widget loads its wasm when it comes near the viewport or is touched.
  await frame.locator('[data-testid="question"]').waitFor();
  const content = () =>
    frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  const height = () => iframe.evaluate((element) => element.getBoundingClientRect().height);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height !== 300);
  const start = await height();
  assert.equal(start, Math.min(10000, Math.max(200, await content())));
  assert.equal(await frame.locator('[data-testid="widget"]').getAttribute('data-theme'), 'light');

  await walkToResult(frame);
  const grown = await content();
  assert.ok(grown > start, `the result (${grown} px) is taller than the first question (${start} px)`);
  await page.waitForFunction((want) => document.querySelector('iframe').getBoundingClientRect().height === want, grown);
  // The frame never touches its own URL either.
  assert.equal(await frame.locator('html').evaluate(() => location.hash), '');
  assert.deepEqual(page.problems, []);
  assertOnlyOwnHost(page);
});

test('embed-host.js ignores height messages from other windows', async () => {
  const page = await openPage(env.browser, BLOG());
  await page.frameLocator('iframe[data-backend-chooser]').locator('[data-testid="question"]').waitFor();
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height !== 300);
  const before = await page.locator('iframe').evaluate((element) => element.style.height);
  await page.evaluate(() => window.postMessage({ type: 'backend-chooser:height', height: 5000 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('iframe').evaluate((element) => element.style.height), before);
});

test('embed.html reads its options from the query string', async () => {
  const page = await openPage(env.browser, `${env.url}embed.html?theme=dark&compact&answers=node-vs-python%401%3Awhat%3Drealtime`);
  await page.locator(LIVE_QUESTION).waitFor();
  assert.equal(await page.locator('[data-testid="widget"]').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('[role="tablist"]').count(), 0);
  assert.match(await progress(page), /^Question 2 of /);
  assert.equal(await page.locator('h1').count(), 0, 'no page chrome');
  assert.deepEqual(page.problems, []);
});

test('without WebAssembly (CSP) the element shows a readable summary and a link', async () => {
  const page = await openPage(env.browser, `${env.url}examples/no-wasm.html`);
  const fallback = page.locator('backend-chooser [data-testid="fallback"]');
  await fallback.waitFor();
  const text = await fallback.innerText();
  assert.match(text, /Node\.js/);
  assert.match(text, /Python/);
  assert.equal(await fallback.locator('a').getAttribute('href'), env.url);
  const unexpected = page.problems.filter(
    (problem) => !/Content Security Policy|WebAssembly|wasm-unsafe-eval|could not start/.test(problem),
  );
  assert.deepEqual(unexpected, []);
  assertOnlyOwnHost(page);
});

test('the standalone page offers both embed snippets with the current answers', async () => {
  const page = await openPage(env.browser, env.url);
  await answer(page);
  await page.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  await page.locator('[data-testid="embed"] summary').click();
  const script = await page.locator('[data-testid="embed-script"]').innerText();
  const fragment = decodeURIComponent(new URL(page.url()).hash.slice(1));
  assert.equal(
    script,
    `<script type="module" src="${env.url}embed.js"></script>\n<backend-chooser theme="auto" answers="${fragment}"></backend-chooser>`,
  );
  const frame = await page.locator('[data-testid="embed-frame"]').innerText();
  assert.ok(frame.startsWith(`<iframe src="${env.url}embed.html?theme=auto&amp;answers=${encodeURIComponent(fragment)}" title="`), frame);
  assert.match(frame, /data-backend-chooser/);
  assert.ok(frame.endsWith(`<script src="${env.url}embed-host.js" defer></script>`), frame);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByText('Copy the script snippet').click();
  await page.locator('[data-testid="embed"] .bc-status-copy', { hasText: 'Snippet copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  assert.deepEqual(page.problems, []);
});

test('removing a widget right after an answer does not crash the page (one wasm serves every widget)', async () => {
  const page = await openPage(env.browser, BLOG());
  await page.locator('#first [data-testid="question"]').waitFor();
  await page.locator('#second [data-testid="question"]').waitFor();
  for (let round = 0; round < 5; round += 1) {
    await page.evaluate(async () => {
      const element = document.getElementById('first');
      const root = element.shadowRoot;
      root.querySelector('[data-testid="question"] input[type="radio"]').click();
      root.querySelector('[data-testid="next"]').click();
      // Let the step's effects run and queue their focus work, then remove the widget
      // before that work runs.
      await new Promise((done) => setTimeout(done, 0));
      element.remove();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      document.querySelector('article').prepend(element);
    });
    await page.locator('#first [data-testid="question"]').waitFor();
  }
  // The other widget still works: the shared wasm did not abort.
  await answer(page.locator('#second'));
  await page.locator('#second [data-testid="progress"]', { hasText: /^Question 3 of / }).waitFor();
  assert.deepEqual(page.problems, []);
});
