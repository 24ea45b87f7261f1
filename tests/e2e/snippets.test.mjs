// End-to-end: the snippets for where blogs live (examples/). A tiny Hugo site built with the
// shortcode, served with the widget's files beside it; the oEmbed discovery link of the
// iframe page and its static JSON. (Jekyll is not tested: README, "Snippets".)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, ROOT, DIST } from './harness.mjs';
import { startServer } from './serve.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('a Hugo site built with the shortcode shows its widgets, with the script once', async () => {
  const site = mkdtempSync(join(tmpdir(), 'bc-hugo-'));
  cpSync(join(ROOT, 'examples', 'hugo', 'layouts'), join(site, 'layouts'), { recursive: true });
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  mkdirSync(join(site, 'content', 'posts'), { recursive: true });
  writeFileSync(
    join(site, 'hugo.toml'),
    'baseURL = "http://127.0.0.1/"\ntitle = "A tiny blog"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' +
      '[params]\nbackendChooserSrc = "/tools/backend-chooser/embed.js"\n',
  );
  const layout = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="icon" href="data:,"></head><body><main>{{ .Content }}</main></body></html>\n';
  writeFileSync(join(site, 'layouts', '_default', 'single.html'), layout);
  writeFileSync(join(site, 'layouts', '_default', 'list.html'), layout);
  writeFileSync(
    join(site, 'content', 'posts', 'pick.md'),
    '---\ntitle: "Picking a backend"\n---\nTry it:\n\n{{< backend-chooser >}}\n\nThe short version:\n\n' +
      '{{< backend-chooser theme="dark" compact="true" answers="node-vs-python@1:what=realtime" >}}\n',
  );
  execFileSync('hugo', ['--quiet', '--source', site], { stdio: ['ignore', 'pipe', 'pipe'] });
  const publicDir = join(site, 'public');
  cpSync(DIST, join(publicDir, 'tools', 'backend-chooser'), { recursive: true });
  const html = readFileSync(join(publicDir, 'posts', 'pick', 'index.html'), 'utf8');
  assert.equal(html.match(/<script type="module" src="\/tools\/backend-chooser\/embed\.js"><\/script>/g)?.length, 1, html);

  const { server, url } = await startServer(publicDir);
  try {
    const page = await openPage(env.browser, `${url}posts/pick/`);
    const [first, second] = [page.locator('backend-chooser').nth(0), page.locator('backend-chooser').nth(1)];
    await first.locator('[data-testid="question"]').waitFor();
    await second.locator('[data-testid="question"]').waitFor();
    assert.match(await first.locator('[data-testid="progress"]').innerText(), /^Question 1 of /);
    assert.match(await second.locator('[data-testid="progress"]').innerText(), /^Question 2 of /, 'answers from the shortcode');
    assert.equal(await second.locator('[data-testid="widget"]').getAttribute('data-theme'), 'dark');
    assert.equal(await second.locator('[role="tablist"]').count(), 0, 'compact from the shortcode');
    assert.equal(await first.locator('[role="tablist"]').count(), 1);
    assert.deepEqual(page.problems, []);
  } finally {
    server.close();
  }
});

test('the iframe page links to its oEmbed JSON, a rich embed of the iframe', async () => {
  const page = await openPage(env.browser, `${env.url}embed.html`);
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  const response = await fetch(new URL(href, `${env.url}embed.html`));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  const oembed = await response.json();
  assert.equal(oembed.version, '1.0');
  assert.equal(oembed.type, 'rich');
  assert.ok(Number.isInteger(oembed.width) && Number.isInteger(oembed.height));
  assert.match(oembed.html, /^<iframe src="https:\/\/[^"]+\/embed\.html\?theme=auto" title="[^"]+" data-backend-chooser /);
  assert.equal(oembed.title, await page.title());
});
