// Shared setup for the browser tests: Debian's Chromium driven by playwright-core, the repo's
// static server in-process, and a per-page collector of console errors, page errors, failed
// requests and CSP violations that every test asserts empty (see `clean`).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// FAHRAS_WWW: run against another copy of the demo folder (default www/).
export const WWW = process.env.FAHRAS_WWW || path.join(ROOT, 'www');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');
export const WWW_FILES = ['index.html', 'style.css', 'fahras-search.js', 'fahras-search.css'];

/** The seed corpus straight from disk: [{ id, text }] sorted by id (id = file stem). */
export function seeds() {
  const dir = path.join(ROOT, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export function requireBuild(dir = WWW) {
  for (const f of ['pkg/fahras.js', 'pkg/fahras_bg.wasm']) {
    assert.ok(fs.existsSync(path.join(dir, f)),
      `${path.join(dir, f)} is missing: run \`bash scripts/build-wasm.sh\` (or \`make test\`) first`);
  }
}

export async function serve(root) {
  const server = startServer({ root, port: 0 });
  if (!server.listening) await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh context + page. `page.problems` collects everything that must not happen: console
 * errors, uncaught page errors, HTTP >= 400, failed requests and `securitypolicyviolation` events
 * (listened for by an init script, which the page's CSP does not apply to, and reported through a
 * CDP binding, which survives navigations).
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = (page.problems = []);
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.exposeBinding('__fahrasCsp', (_src, v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__fahrasCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    }, true);
  });
  return page;
}

/**
 * Registers the hooks a browser test file needs and returns the handle its tests use. `before`:
 * `prepare()` (by default: check that `root` has a wasm build; it may return the folder to serve
 * instead of `root`), then Chromium and the static server over that folder. After each test: the
 * page it opened must be `clean` (no console error, page error, failed request or CSP
 * violation), and its context is closed. `after`: browser and server are closed.
 *
 * - `ui.url`: the server's address (set once `before` has run).
 * - `ui.page(contextOptions)`: a fresh page (see `newPage`), checked and closed after the test.
 * - `ui.open(where, contextOptions)`: the same, loaded at `where` (relative to `ui.url`, or
 *   absolute) and waited for until the engine is ready or failed.
 */
export function browserSuite({ root = WWW, prepare = () => requireBuild(root) } = {}) {
  let browser, server, current;
  const ui = {
    url: null,
    page: async (contextOptions) => (current = await newPage(browser, contextOptions)),
    open: async (where = '', contextOptions) => {
      const page = await ui.page(contextOptions);
      await load(page, new URL(where, ui.url).href);
      return page;
    },
  };
  before(async () => {
    const dir = (await prepare()) ?? root;
    [browser, server] = await Promise.all([launch(), serve(dir)]);
    ui.url = server.url;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const page = current;
    current = null;
    if (!page) return;
    try {
      await clean(page);
    } finally {
      await page.context().close();
    }
  });
  return ui;
}

/**
 * `browserSuite` over the stub engine (fixtures/stub-engine.js, loaded through the element's
 * `src` attribute) and the front end, copied into target/<name> (one folder per test file: node
 * runs the files in parallel). Open `STUB_PAGE`.
 */
export function stubSuite(name) {
  const dir = path.join(ROOT, 'target', name);
  return browserSuite({
    root: dir,
    prepare() {
      fs.rmSync(dir, { recursive: true, force: true });
      copyFrontEnd(dir);
      for (const f of ['stub-engine.js', 'stub.html']) {
        fs.copyFileSync(path.join(ROOT, 'tests', 'browser', 'fixtures', f), path.join(dir, f));
      }
    },
  });
}
export const STUB_PAGE = 'stub.html';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * axe-core over the whole page: no violations at all (every rule axe runs by default, best
 * practices included); colour contrast, aria-valid-attr-value and `mustPass` must have been
 * checked. axe is injected with page.evaluate, which runs through the DevTools protocol and is not
 * subject to the page's CSP (an injected <script> tag would be blocked); it runs with
 * `preload: false`: its CSSOM preload (used only by css-orientation-lock) copies each stylesheet
 * into a <style> element, which the page's `style-src 'self'` rightly refuses and reports.
 */
export async function axe(page, label, mustPass = []) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const { violations, passes } = await page.evaluate(() => window.axe.run(document, { preload: false }));
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' >> ')}: ${n.failureSummary}`).join('\n'));
  assert.deepEqual(report, [], `axe violations in ${label}`);
  assert.ok(passes.some((p) => p.id === 'color-contrast'), 'colour contrast was checked');
  for (const id of ['aria-valid-attr-value', ...mustPass]) {
    assert.ok(passes.some((p) => p.id === id), `${id} was checked`);
  }
}

/** Asserts the page saw no console error, page error, failed request or CSP violation. */
export async function clean(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50))); // let queued events arrive
  assert.deepEqual(page.problems, [], 'console errors / CSP violations / failed requests');
}

/** Open `url` and wait until the engine is ready (or failed). */
export async function load(page, url) {
  await page.goto(url);
  await page.locator('fahras-search .fs:not([aria-busy])').waitFor();
}

export const box = (page) => page.locator('fahras-search input[role=combobox]');
export const options = (page) => page.locator('fahras-search [role=option]');
export const docView = (page) => page.locator('fahras-search article');
export const docText = (page) => page.locator('fahras-search article .text');
export const status = (page) => page.locator('fahras-search [role=status]');

/** The element focused inside the component's shadow root (null when focus is elsewhere). */
export const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const inner = a?.shadowRoot?.activeElement;
  return inner ? (inner.getAttribute('role') || inner.tagName.toLowerCase()) : null;
});

/** Copy the www front-end files (not pkg/) into dir. */
export function copyFrontEnd(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of WWW_FILES) fs.copyFileSync(path.join(WWW, f), path.join(dir, f));
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}
