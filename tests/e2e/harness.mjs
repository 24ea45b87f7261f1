// Shared set-up for the end-to-end tests: one static server on dist/ and one headless Chromium.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
/**
 * The question of a widget the wasm runs (not the pre-rendered one, which shows before it and
 * only keeps an answer and a Next for it): what a test waits for before it acts.
 */
export const LIVE_QUESTION = '[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]';
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts the server and the browser; returns { url, browser, close }. */
export async function launch({ root = DIST, headers, mounts, brotli } = {}) {
  const { server, url } = await startServer(root, 0, { headers, mounts, brotli });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Playwright gives each launch a fresh, empty profile of its own.
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Opens a page that records console errors, page errors and every request's host,
 * so a test can assert that none happened.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      page.problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => page.requests.push(request.url()));
  await page.goto(url);
  return page;
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * For page.evaluate (bench.mjs, profile.mjs): clicks the first answer and Next, then waits
 * for the next question's first frame; resolves to the milliseconds it took.
 */
export const ANSWER_AND_WAIT_FOR_PAINT = () =>
  new Promise((done) => {
    const before = document.querySelector('[data-testid="question"]').dataset.question;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const now = document.querySelector('[data-testid="question"]')?.dataset.question;
      if (now === before && !document.querySelector('[data-testid="result"]')) return;
      observer.disconnect();
      // The frame that shows it: rendering starts in the next animation frame.
      requestAnimationFrame(() => done(performance.now() - start));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    document.querySelector('[data-testid="question"] input[type="radio"]').click();
    document.querySelector('[data-testid="next"]').click();
  });
