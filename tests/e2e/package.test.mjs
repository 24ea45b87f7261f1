// End-to-end: the package for CDNs. `npm pack` packs the repository's package.json with the
// built dist/ files; the tarball is installed into a temporary folder as a blog's build would
// (or as jsDelivr and unpkg unpack it), and a page served from there loads embed.js from
// node_modules: the widget must work. The Custom Elements Manifest is checked against the
// element itself. Nothing is published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, ROOT, LIVE_QUESTION } from './harness.mjs';
import { startServer } from './serve.mjs';

const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const element = manifest.modules.flatMap((module) => module.declarations).find((d) => d.customElement);

let env;
let site;
let server;
let url;
before(async () => {
  site = mkdtempSync(join(tmpdir(), 'bc-package-'));
  const npm = (...args) => execFileSync('npm', args, { cwd: site, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', site], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  writeFileSync(join(site, 'package.json'), '{ "name": "a-blog", "private": true }\n');
  npm('install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(site, filename));
  writeFileSync(
    join(site, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,">
<script type="module" src="node_modules/${pkg.name}/${pkg.jsdelivr}"></script></head>
<body><main><h1>A post</h1><backend-chooser theme="light"></backend-chooser></main></body></html>\n`,
  );
  env = await launch();
  ({ server, url } = await startServer(site));
});
after(async () => {
  await env?.close();
  server?.close();
});

const installed = (path) => join(site, 'node_modules', pkg.name, path);

test('the packed package has the fields CDNs and tools read, and every file they name', () => {
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.jsdelivr, 'dist/embed.js');
  assert.equal(pkg.unpkg, 'dist/embed.js');
  assert.equal(pkg.exports['.'], './dist/embed.js');
  assert.equal(pkg.customElements, 'custom-elements.json');
  for (const file of [pkg.jsdelivr, pkg.unpkg, pkg.customElements, ...pkg.files, ...Object.values(pkg.exports)]) {
    assert.ok(existsSync(installed(file)), `the installed package has ${file}`);
  }
  // What embed.js loads beside itself is in the package.
  for (const file of ['backend-chooser.js', 'backend-chooser_bg.wasm', 'widget.css', 'index.html']) {
    assert.ok(existsSync(installed(`dist/${file}`)), `dist/${file}`);
  }
});

test('a page loading embed.js from the installed tarball shows a working widget', async () => {
  const page = await openPage(env.browser, url);
  const widget = page.locator('backend-chooser');
  await widget.locator(LIVE_QUESTION).waitFor();
  assert.match(await widget.locator('[data-testid="progress"]').innerText(), /^Question 1 of /);
  await widget.locator('[data-testid="question"] input[type="radio"]').first().click();
  await widget.locator('[data-testid="next"]').click();
  await widget.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  for (const request of page.requests) {
    assert.ok(request.startsWith(`${url}node_modules/${pkg.name}/dist/`) || request === url, `request outside the package: ${request}`);
  }
  assert.deepEqual(page.problems, []);
});

test('the Custom Elements Manifest (schema 2.x) describes the element as it is', async () => {
  assert.match(manifest.schemaVersion, /^2\./);
  assert.equal(element.tagName, 'backend-chooser');
  const page = await openPage(env.browser, url);
  const widget = page.locator('backend-chooser');
  await widget.locator(LIVE_QUESTION).waitFor();
  const actual = await page.evaluate(async (src) => {
    const module = await import(src);
    return { attributes: customElements.get('backend-chooser').observedAttributes, properties: module.PROPERTIES };
  }, `${url}node_modules/${pkg.name}/dist/embed.js`);
  assert.deepEqual(element.attributes.map((a) => a.name).sort(), [...actual.attributes].sort(), 'attributes');
  assert.deepEqual(element.cssProperties.map((p) => p.name).sort(), [...actual.properties].sort(), 'CSS properties');
  // The events it lists are the ones the widget sends (embed.test.mjs checks their details).
  assert.deepEqual(element.events.map((e) => e.name), ['backend-chooser:answer', 'backend-chooser:result']);
  // Each listed default is the widget's own (light theme, nothing set by the page).
  // (Compared as computed colours and lengths: the minifier writes #fff for #ffffff.)
  const listed = element.cssProperties.filter((p) => p.default);
  const [actualDefaults, listedDefaults] = await widget.locator('[data-testid="widget"]').evaluate((root, listed) => {
    const probe = document.createElement('span');
    probe.style.display = 'block';
    root.append(probe);
    const computed = (value, syntax) => {
      const name = syntax === '<color>' ? 'color' : 'width';
      probe.style.setProperty(name, value);
      return getComputedStyle(probe)[name];
    };
    const style = getComputedStyle(root);
    const result = [
      listed.map((p) => computed(style.getPropertyValue(p.name.replace('--bc-', '--_')).trim(), p.syntax)),
      listed.map((p) => computed(p.default, p.syntax)),
    ];
    probe.remove();
    return result;
  }, listed);
  assert.deepEqual(actualDefaults, listedDefaults, listed.map((p) => p.name).join(', '));
  // Every part it lists exists in the widget (question and result), and no other.
  const parts = new Set();
  const collect = async () => {
    for (const names of await widget.locator('[part]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('part')))) {
      for (const name of names.split(/\s+/)) parts.add(name);
    }
  };
  await collect();
  for (let step = 0; step < 30 && !(await widget.locator('[data-testid="result"]').isVisible()); step += 1) {
    const id = await widget.locator('[data-testid="question"]').getAttribute('data-question');
    await widget.locator('[data-testid="question"] input[type="radio"]').first().click();
    await widget.locator('[data-testid="next"]').click();
    await widget.locator(`[data-testid="result"], [data-testid="question"]:not([data-question="${id}"])`).first().waitFor();
  }
  await collect();
  assert.deepEqual([...parts].sort(), element.cssParts.map((p) => p.name).sort(), 'parts');
});
