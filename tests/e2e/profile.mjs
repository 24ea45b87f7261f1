// Profiling aid (not a test): the answer step (click an answer and Next → the next question's
// frame) on the release build, CPU throttled 4×, with Chromium's sampling profiler (CDP) and
// a trace of the main thread. Prints the heaviest functions (self time) and the trace's
// main-thread events by kind. Run: node tests/e2e/profile.mjs [steps] [page]
import { ANSWER_AND_WAIT_FOR_PAINT, launch } from './harness.mjs';

const STEPS = Number(process.argv[2] ?? 5);
const PATH = process.argv[3] ?? '';
const env = await launch();
try {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(env.url + PATH);
  await page.waitForSelector('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const times = [];
  for (let step = 0; step < STEPS; step += 1) {
    times.push(
      await page.evaluate(ANSWER_AND_WAIT_FOR_PAINT),
    );
    await page.waitForTimeout(200);
  }
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  console.log('steps (ms):', times.map((time) => time.toFixed(1)).join(' '));
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id).callFrame;
    const name = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (dt[index] ?? 0) / 1000);
  });
  const top = [...self].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log('self time, ms (all steps):');
  for (const [name, ms] of top) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  const kinds = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    kinds.set(event.name, (kinds.get(event.name) ?? 0) + event.dur / 1000);
  }
  const counts = new Map();
  for (const event of events) if (event.ph === 'X' && event.dur) counts.set(event.name, (counts.get(event.name) ?? 0) + 1);
  for (const name of ['Layout', 'UpdateLayoutTree']) {
    const list = events.filter((event) => event.name === name && event.dur).map((event) => (event.dur / 1000).toFixed(1));
    console.log(`${name}: ${list.length} times: ${list.join(' ')}`);
  }
  console.log('trace events, total ms (nested events overlap):');
  for (const [name, ms] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(1).padStart(8)}  ${name} (${counts.get(name)})`);
  await context.close();
} finally {
  await env.close();
}
