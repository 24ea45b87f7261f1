// Lighthouse on the release build (not a test, not in CI): serves dist/, runs Lighthouse
// (its default: mobile, simulated throttling) several times on each page, and prints the
// median score of each category, the median LCP, TBT, CLS and FCP, the LCP element, the
// long tasks and the audits that did not pass.
//
//   make lighthouse                     (installs Lighthouse, builds, runs this)
//   node tests/e2e/lighthouse.mjs [runs] [page…]     (after `make build`; default 5 runs,
//                                                     index.html and embed.html)
//
// Lighthouse is big, so it is not one of the e2e packages: it is loaded from
// $LIGHTHOUSE_DIR (default .cache/lighthouse), where `make lighthouse` installs the pinned
// version. Chromium: $CHROME_PATH (default /usr/bin/chromium). Each run's report is written
// to tests/e2e/artifacts/lighthouse/<page>-<run>.json, and with LIGHTHOUSE_TRACE=1 its
// trace to <page>-<run>.trace.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './serve.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const lighthouseDir = resolve(process.env.LIGHTHOUSE_DIR ?? join(root, '.cache/lighthouse'));
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const runs = Number(process.argv[2] ?? 5);
const pages = process.argv.length > 3 ? process.argv.slice(3) : ['index.html', 'embed.html'];
const artifacts = join(root, 'tests/e2e/artifacts/lighthouse');

const modulePath = (name, main) => join(lighthouseDir, 'node_modules', name, main);
if (!existsSync(modulePath('lighthouse', 'package.json'))) {
  console.error(`No Lighthouse in ${lighthouseDir}: run \`make lighthouse\` (or set LIGHTHOUSE_DIR).`);
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node tests/e2e/lighthouse.mjs [runs] [page…]');
  process.exit(2);
}
const { default: lighthouse } = await import(pathToFileURL(modulePath('lighthouse', 'core/index.js')));
const chromeLauncher = await import(pathToFileURL(modulePath('chrome-launcher', 'dist/index.js')));
const { version } = (await import(pathToFileURL(modulePath('lighthouse', 'package.json')), { with: { type: 'json' } })).default;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};

/** The LCP element's selector and snippet, and its phases (TTFB, load delay, …, render delay). */
function lcpElement(lhr) {
  const tables = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const node = tables[0]?.items?.[0]?.node;
  const phases = (tables[1]?.items ?? []).map((row) => `${row.phase} ${Math.round(row.timing)}`).join(', ');
  return node ? `${node.selector} ${node.snippet.slice(0, 90)}${phases ? ` [${phases} ms]` : ''}` : '(none)';
}

/** The audits of the four categories that count and did not pass, by id. */
function failing(lhr) {
  const ids = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) ids.push(`${ref.id} (${audit.score})`);
    }
  }
  return ids;
}

const { server, url } = await startServer(join(root, 'dist'));
await mkdir(artifacts, { recursive: true });
console.log(`Lighthouse ${version}, ${chromePath}, ${runs} run(s) a page, mobile, simulated throttling; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
const results = Object.fromEntries(pages.map((page) => [page, []]));
try {
  // Interleaved (each run visits every page), so that a busy spell of the machine does not
  // fall on one page only.
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      const chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
      });
      try {
        const { lhr, artifacts: gathered } = await lighthouse(url + page, { port: chrome.port, output: 'json', logLevel: 'error' });
        if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const name = join(artifacts, `${page.replace(/\W/g, '_')}-${run}`);
        await writeFile(`${name}.json`, JSON.stringify(lhr));
        // The trace (for chrome://tracing or the Performance panel) when asked for: it is big.
        if (process.env.LIGHTHOUSE_TRACE) await writeFile(`${name}.trace.json`, JSON.stringify(gathered.Trace));
        results[page].push(lhr);
        const scores = CATEGORIES.map((c) => Math.round(lhr.categories[c].score * 100)).join('/');
        const metrics = Object.entries(METRICS)
          .map(([name, id]) => `${name} ${name === 'CLS' ? lhr.audits[id].numericValue.toFixed(3) : Math.round(lhr.audits[id].numericValue)}`)
          .join(', ');
        console.log(`${page} run ${run}: ${scores}  ${metrics}`);
        const fails = failing(lhr);
        if (fails.length) console.log(`  not passed: ${fails.join(', ')}`);
        const tasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((task) => `${task.url.replace(url, '')} @${Math.round(task.startTime)} ${Math.round(task.duration)} ms`);
        if (tasks.length) console.log(`  long tasks: ${tasks.join('; ')}`);
        console.log(`  LCP element: ${lcpElement(lhr)}`);
      } finally {
        await chrome.kill();
      }
    }
  }
  for (const page of pages) {
    const scores = CATEGORIES.map((c) => `${c} ${Math.round(median(results[page].map((lhr) => lhr.categories[c].score)) * 100)}`);
    const metrics = Object.entries(METRICS).map(([name, id]) => {
      const value = median(results[page].map((lhr) => lhr.audits[id].numericValue));
      return `${name} ${name === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`}`;
    });
    console.log(`${page}, median of ${runs}: ${scores.join(', ')}; ${metrics.join(', ')}`);
  }
} finally {
  server.close();
}
