// Headless Chromium measurements of one site (= one engine on one corpus).
import path from 'node:path';
import { createRequire } from 'node:module';
import { latencyPasses, resultIds } from './passes.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// "Desktop broadband": 10 Mbit/s down, 40 ms RTT, emulated by the bench server on the bytes it
// sends (gzip for text assets), so requests from workers are shaped too.
export const THROTTLE = { latencyMs: 40, bytesPerSec: 10e6 / 8 };

export async function launch() {
  const require = createRequire(import.meta.url);
  const { chromium } = require('playwright-core');
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

// Every WebAssembly instance's exported memories, so wasm linear memory can be reported for any
// engine (fahras, Pagefind) without touching its code.
const INIT_SCRIPT = `(() => {
  window.addEventListener('error', (e) => { if (!window.__first) window.__first = { error: String(e.message || e) }; });
  window.addEventListener('unhandledrejection', (e) => { if (!window.__first) window.__first = { error: String(e.reason && (e.reason.stack || e.reason)) }; });
  window.__wasmMems = [];
  const keep = (r) => { const inst = r && (r.instance || r); try { for (const v of Object.values(inst.exports || {})) if (v instanceof WebAssembly.Memory) window.__wasmMems.push(v); } catch {} return r; };
  const wrap = (name) => { const orig = WebAssembly[name]; if (orig) WebAssembly[name] = function (...a) { return orig.apply(this, a).then(keep); }; };
  wrap('instantiate'); wrap('instantiateStreaming');
})();`;

// A fresh context per load: empty HTTP cache, nothing shared with the previous run.
async function openPage(browser, url, { record = null } = {}) {
  const ctx = await browser.newContext();
  await ctx.addInitScript(INIT_SCRIPT);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  // Playwright reports requests of the page and of its dedicated workers here.
  if (record) page.on('request', (r) => record.push(r.url()));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__first, null, { timeout: 300000, polling: 20 });
  const first = await page.evaluate(() => window.__first);
  if (first.error) { await ctx.close(); throw new Error(`page error: ${first.error}`); }
  return { ctx, page, cdp, first };
}

// Returns { firstMs[], firstThrottledMs[], requests[{path}], memory, latency[][], results }
export async function measureSite(browser, server, sitePath, opts) {
  const origin = server.origin;
  const { firstQuery, coldRuns, throttledRuns, latencyQueries, passes, k, resultQueries } = opts;
  const url = `${origin}/${sitePath}/?q=${encodeURIComponent(firstQuery)}`;
  const out = { firstMs: [], firstThrottledMs: [], firstHits: null };

  for (let i = 0; i < coldRuns; i++) {
    const record = i === 0 ? [] : null;
    const { ctx, first } = await openPage(browser, url, { record });
    out.firstMs.push(first.t);
    out.firstHits = first.n;
    if (record) {
      out.requests = record.filter((u) => u.startsWith('http')).map((u) => ({ path: new URL(u).pathname }))
        .filter((r) => !r.path.endsWith('/') && !r.path.endsWith('/index.html'));
    }
    await ctx.close();
  }
  server.setLink(THROTTLE);
  try {
    for (let i = 0; i < throttledRuns; i++) {
      const { ctx, first } = await openPage(browser, url);
      out.firstThrottledMs.push(first.t);
      await ctx.close();
    }
  } finally {
    server.setLink(null);
  }

  // Memory after load + first query and forced GCs, on its own page load with `mem=1` (Pagefind
  // then searches on the main thread, so its heap and wasm memory are visible to the page).
  {
    const { ctx, page, cdp } = await openPage(browser, `${url}&mem=1`);
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMems.reduce((n, m) => n + m.buffer.byteLength, 0));
    const workers = page.workers().length;
    out.memory = { jsHeap: heap.usedSize, wasm, workers };
    await ctx.close();
  }

  // Warm page: latency passes, then the result lists.
  const { ctx, page } = await openPage(browser, url);

  // The loops of passes.mjs run in the page, on the adapter main.mjs published.
  const inPage = (fn, ...args) => page.evaluate(`(${fn})(window.__engine, ${args.map((a) => JSON.stringify(a)).join(', ')})`);
  out.latency = await inPage(latencyPasses, latencyQueries, passes, k);
  out.results = {};
  for (const [name, queries] of Object.entries(resultQueries)) out.results[name] = await inPage(resultIds, queries, k);
  await ctx.close();
  return out;
}

export function chromiumVersion(browser) { return browser.version(); }
export const siteFile = (root, p) => path.join(root, decodeURIComponent(p));
