// Profiling aid (not a test): where the wasm's start goes (instantiate, main, the mount and
// the effects just after it: Lighthouse's long task, README "Speed"), with Chromium's
// sampling profiler over whole page loads. Prints the time per kind of code and the
// heaviest functions, self and inclusive, averaged over the loads.
//
//   scripts/symbols.sh                         (once: dist-symbols/, the release build's
//                                               pages with a wasm that keeps its names)
//   node tests/e2e/profile-start.mjs [page] [loads] [dir]     (default: index.html, 5,
//                                                              dist-symbols; or dist,
//                                                              where wasm functions are numbers;
//                                                              TOP=n: n inclusive lines)
import { join } from 'node:path';
import { ROOT, launch } from './harness.mjs';

const PAGE = process.argv[2] ?? 'index.html';
const LOADS = Number(process.argv[3] ?? 5);
const DIR = join(ROOT, process.argv[4] ?? 'dist-symbols');

const env = await launch({ root: DIR });
const kinds = new Map();
const self = new Map();
const inclusive = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
try {
  for (let load = 0; load < LOADS; load++) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(env.url + PAGE);
    // No polling (Playwright's own script would be in the profile): the page has long started.
    await page.waitForTimeout(2500);
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    // Rust names without their hash suffix.
    const label = ({ functionName, url, lineNumber }) =>
      `${(functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 120)}  ${url.split('/').pop()}${url.endsWith('.wasm') || !url ? '' : `:${lineNumber + 1}`}`;
    profile.samples.forEach((id, index) => {
      const frame = nodes.get(id).callFrame;
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
      const file = frame.url.split('/').pop();
      const kind = file.endsWith('.wasm')
        ? 'wasm'
        : file === 'backend-chooser.js'
          ? 'wasm-bindgen glue (with the DOM calls it makes)'
          : file || `native: ${frame.functionName}`;
      add(kinds, kind, ms);
      add(self, label(frame), ms);
      const seen = new Set();
      for (let node = id; node !== undefined; node = parents.get(node)) {
        const name = label(nodes.get(node).callFrame);
        if (!seen.has(name)) add(inclusive, name, ms);
        seen.add(name);
      }
    });
    await context.close();
  }
} finally {
  await env.close();
}
const show = (title, map, count) => {
  console.log(title);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${(ms / LOADS).toFixed(2).padStart(8)}  ${name}`);
};
console.log(`${PAGE} from ${DIR}, ${LOADS} loads, ms per load (the profiler slows everything down: compare shares)`);
show('by kind of code, self time:', kinds, 12);
show('heaviest functions, self time:', self, 25);
show("heaviest functions, inclusive:", inclusive, Number(process.env.TOP ?? 50));
