// Node side of every engine: build the index (timed), write the site a browser loads.
// Site layout: out/<corpus>/<engine>/{index.html, app.js, ...engine files}.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';
import { indexSections as sectionSizes } from '../../../scripts/sizes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BENCH = path.dirname(HERE);
export const REPO = path.resolve(BENCH, '..', '..');
const WEB = path.join(BENCH, 'web');
export const ENGINES = ['fahras', 'minisearch', 'flexsearch', 'lunr', 'orama', 'pagefind'];
export const JS_PEERS = new Set(['minisearch', 'flexsearch', 'lunr', 'orama']);

// lunr-languages' lunr.ar needs sloppy mode (its stemmer uses `this` of a plain function call), so
// lunr ships as a classic script (esbuild iife) instead of an ES module.
const CLASSIC = new Set(['lunr']);
const page = (engine) => `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"></head><body><script ${CLASSIC.has(engine) ? '' : 'type="module" '}src="app.js"></script></body></html>
`;

let gcFn = null;
export async function forceGC() {
  if (!gcFn) {
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc');
  }
  gcFn();
}

// esbuild bundle of web/main.mjs + web/<engine>.mjs (minified ESM), as a site would ship it.
const bundleCache = new Map();
async function bundle(engine) {
  if (bundleCache.has(engine)) return bundleCache.get(engine);
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    stdin: {
      contents: `import { load } from './${engine}.mjs'; import { run } from './main.mjs'; run(load);`,
      resolveDir: WEB, sourcefile: `entry-${engine}.mjs`, loader: 'js',
    },
    bundle: true, format: CLASSIC.has(engine) ? 'iife' : 'esm', minify: true, target: 'es2022', write: false, platform: 'browser',
    legalComments: 'none', logLevel: 'error',
    plugins: [{
      name: 'external-runtime-files',
      setup(b) {
        b.onResolve({ filter: /^\.\/(pkg\/fahras\.js|pagefind\/pagefind\.js)$/ }, (a) => ({ path: a.path, external: true }));
      },
    }],
  });
  const code = r.outputFiles[0].text;
  bundleCache.set(engine, code);
  return code;
}

function writeSite(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
}

function copyDir(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name), d = path.join(dst, e.name);
    if (e.isDirectory()) copyDir(s, d); else fs.copyFileSync(s, d);
  }
}

// JS peers: build + serialise in this process, `reps` times; median wall time.
export async function buildPeer(engine, docs, siteDir, reps) {
  const mod = await import(path.join(WEB, `${engine}.mjs`));
  const times = [];
  let files;
  for (let i = 0; i < reps; i++) {
    await forceGC();
    const t = performance.now();
    files = await mod.build(docs);
    times.push(performance.now() - t);
  }
  writeSite(siteDir, { 'index.html': page(engine), 'app.js': await bundle(engine), ...files });
  return { buildMs: median(times), buildRuns: times };
}

// Pagefind: one HTML page per document (same title/text), indexed by pagefind's own indexer
// (Node API -> pagefind service binary), `reps` times; the last output is the site.
export async function buildPagefind(docs, siteDir, htmlDir, reps) {
  const pagefind = await import('pagefind');
  if (!fs.existsSync(path.join(htmlDir, '.complete'))) {
    fs.rmSync(htmlDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(htmlDir, 'docs'), { recursive: true });
    const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const d of docs) {
      const paras = d.text.split('\n').filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('\n');
      fs.writeFileSync(path.join(htmlDir, 'docs', `${d.id}.html`),
        `<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(d.title)}</title></head>\n` +
        `<body><main><h1>${esc(d.title)}</h1>\n${paras}\n</main></body></html>\n`);
    }
    fs.writeFileSync(path.join(htmlDir, '.complete'), '');
  }
  writeSite(siteDir, { 'index.html': page('pagefind'), 'app.js': await bundle('pagefind') });
  const times = [];
  for (let i = 0; i < reps; i++) {
    const out = path.join(siteDir, 'pagefind');
    fs.rmSync(out, { recursive: true, force: true });
    const t = performance.now();
    const { index, errors } = await pagefind.createIndex({});
    if (errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
    const r = await index.addDirectory({ path: htmlDir });
    if (r.errors.length) throw new Error(`pagefind: ${r.errors.join('; ')}`);
    await index.writeFiles({ outputPath: out });
    times.push(performance.now() - t);
    await index.deleteIndex();
  }
  await pagefind.close();
  return { buildMs: median(times), buildRuns: times };
}

// fahras: scripts/build-wasm.sh with the corpus; the (wall) time of that script is reported
// separately as it is mostly compilation. The index-build figure comes from the native indexer
// (tests/bench/indexer), see buildFahrasIndexTime.
export async function buildFahras(corpus, corpusDir, outRoot, siteDir, log) {
  const pkg = path.join(outRoot, corpus, 'pkg');
  await waitForOtherCargo(log);
  const t = performance.now();
  const r = spawnSync('bash', [path.join(REPO, 'scripts', 'build-wasm.sh'), pkg], {
    cwd: REPO, encoding: 'utf8',
    env: { ...process.env, FAHRAS_CORPUS: corpusDir, CARGO_TARGET_DIR: path.join(REPO, 'target', `bench-${corpus}`) },
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`build-wasm.sh failed (${r.status}):\n${(r.stderr || '').slice(-3000)}`);
  await buildFahrasSiteOnly(corpus, outRoot, siteDir);
  return { wallMs };
}

// The fahras site around an already built out/<corpus>/pkg (BENCH_SKIP_FAHRAS_BUILD).
export async function buildFahrasSiteOnly(corpus, outRoot, siteDir) {
  writeSite(siteDir, { 'index.html': page('fahras'), 'app.js': await bundle('fahras') });
  copyDir(path.join(outRoot, corpus, 'pkg'), path.join(siteDir, 'pkg'));
}

// Native timing of fahras::corpus::load + fahras::index::write (what build.rs does), release
// build of tests/bench/indexer. Returns null when the crate cannot be built.
export async function fahrasIndexTime(corpusDir, reps, log, dumpPath) {
  const dir = path.join(BENCH, 'indexer');
  const target = path.join(REPO, 'target', 'bench-indexer');
  const bin = path.join(target, 'release', 'fahras-bench-indexer');
  await waitForOtherCargo(log);
  const b = spawnSync('cargo', ['build', '--release', '--quiet', '--manifest-path', path.join(dir, 'Cargo.toml')], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, CARGO_TARGET_DIR: target },
  });
  if (b.status !== 0) { log(`indexer build failed:\n${(b.stderr || '').slice(-2000)}`); return null; }
  const r = spawnSync(bin, [corpusDir, String(reps)], {
    encoding: 'utf8', env: { ...process.env, ...(dumpPath ? { BENCH_DUMP_INDEX: dumpPath } : {}) },
  });
  if (r.status !== 0) { log(`indexer failed: ${r.stderr}`); return null; }
  return JSON.parse(r.stdout);
}

// Native breakdown of fahras' warm query time over a query file (see indexer/src/main.rs).
export function fahrasProfile(corpusDir, queriesFile, log) {
  const bin = path.join(REPO, 'target', 'bench-indexer', 'release', 'fahras-bench-indexer');
  const r = spawnSync(bin, ['profile', corpusDir, queriesFile], { encoding: 'utf8' });
  if (r.status !== 0) { log(`indexer profile failed: ${r.stderr}`); return null; }
  return JSON.parse(r.stdout);
}

// Sizes of the index sections, raw and brotli-11 each, to show what the payload is made of.
export function indexSections(file) {
  return fs.existsSync(file) ? sectionSizes(fs.readFileSync(file)) : null;
}

async function waitForOtherCargo(log) {
  if (process.env.CI || process.env.BENCH_NO_CARGO_WAIT) return;
  // Two cores: do not compile (nor time anything) while someone else's cargo runs; up to 45 min.
  const t0 = Date.now();
  let said = 0;
  while (Date.now() - t0 < 45 * 60e3) {
    const p = spawnSync('pgrep', ['-x', 'cargo'], { encoding: 'utf8' });
    if (p.status !== 0 || !p.stdout.trim()) return;
    if (Date.now() - said > 5 * 60e3) { log('waiting for another cargo process to finish…'); said = Date.now(); }
    await new Promise((r) => setTimeout(r, 5000));
  }
  log('still another cargo process after 45 min; going on');
}
