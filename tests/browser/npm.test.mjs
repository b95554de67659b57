// The npm package as a site owner gets it: `npm pack`, installed into an empty project whose PATH
// has node and npm and nothing else (no cargo, rustc or wasm-bindgen), `npx fahras build` on a
// corpus, the output served and searched in Chromium and from Node, and compared with the
// cargo-built engine (www/pkg) on every judged seeds query. Needs scripts/build-npm.sh (make npm).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';

import { loadEngine } from '../node/engine.mjs';
import { ROOT, box, browserSuite, options } from './helpers.mjs';

const NPM = path.join(ROOT, 'npm');
// The ceiling for the tarball.
const MAX_TARBALL = 1.5e6;
const JUDGED = ['seeds.json', 'seeds-dialect.json', 'seeds-keyboard.json', 'seeds-translit.json'];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-npm-'));
const project = path.join(tmp, 'project');
const site = path.join(project, 'public');

/** A PATH holding only node, npm, npx and sh. */
function barePath() {
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  const which = (name) => fs.realpathSync(execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim());
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  for (const name of ['npm', 'npx', 'sh']) fs.symlinkSync(which(name), path.join(bin, name));
  return bin;
}

const env = { HOME: tmp, PATH: '', npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' };
const run = (cmd, args, cwd = project) => spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });

let tarball;
const ui = browserSuite({
  root: site,
  prepare() {
    for (const f of ['engine_bg.wasm', 'indexer_bg.wasm', 'fahras.js']) {
      assert.ok(fs.existsSync(path.join(NPM, 'dist', f)), `npm/dist/${f} is missing: run scripts/build-npm.sh (make npm)`);
    }
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: NPM, encoding: 'utf8' }));
    tarball = { file: path.join(tmp, packed[0].filename), size: packed[0].size, files: packed[0].files.map((f) => f.path) };
    env.PATH = barePath();
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'commonjs' }));
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball.file]);
    assert.equal(install.status, 0, install.stderr);
    fs.cpSync(path.join(ROOT, 'seeds'), path.join(project, 'corpus'), { recursive: true });
    const built = run('npx', ['fahras', 'build', 'corpus', '--out', 'public/fahras']);
    assert.equal(built.status, 0, built.stderr);
    fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src data:">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/fahras/fahras-search.css">
<script type="module" src="/fahras/fahras-search.js"></script></head>
<body><fahras-search></fahras-search></body></html>`);
  },
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the tarball holds the engine, the indexer, the element and the types, within its size', () => {
  assert.ok(tarball.size <= MAX_TARBALL, `tarball is ${tarball.size} B`);
  for (const f of ['bin/fahras.mjs', 'dist/engine_bg.wasm', 'dist/indexer_bg.wasm', 'dist/fahras-search.js', 'index.d.ts']) {
    assert.ok(tarball.files.includes(f), `${f} in ${tarball.files}`);
  }
  assert.ok(!tarball.files.some((f) => f.endsWith('.rs')), 'no Rust sources');
});

test('the project has no Rust toolchain: the build ran without one', () => {
  for (const tool of ['cargo', 'rustc', 'wasm-bindgen']) {
    assert.notEqual(run('sh', ['-c', `command -v ${tool}`]).status, 0, `${tool} is on PATH`);
  }
  const out = path.join(site, 'fahras');
  for (const f of ['pkg/fahras_bg.wasm', 'pkg/fahras.js', 'pkg/engine.js', 'fahras-search.js', 'fahras-search.css']) {
    assert.ok(fs.existsSync(path.join(out, f)), f);
  }
});

test('a bad corpus fails with the file, the line and the reason, and status 1', () => {
  fs.cpSync(path.join(ROOT, 'tests', 'fixtures', 'error-json'), path.join(project, 'bad'), { recursive: true });
  const r = run('npx', ['fahras', 'build', 'bad', '--out', 'bad-out']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^fahras: bad\/docs\.jsonl:2: /m);
  assert.ok(!fs.existsSync(path.join(project, 'bad-out')), 'nothing written');
});

test('--help names the options the README gives, and a wrong option fails', () => {
  const help = run('npx', ['fahras', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: fahras build <folder or file>/);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use on your site'), readme.indexOf('## Use your own documents'));
  const flags = (text) => new Set(text.match(/--[a-z][a-z-]*/g));
  const offered = flags(help.stdout);
  // npm's own.
  const notOurs = new Set(['--save-dev']);
  for (const flag of flags(section)) if (!notOurs.has(flag)) assert.ok(offered.has(flag), `${flag} in --help`);
  for (const flag of offered) assert.ok(flags(section).has(flag), `${flag} in the README`);
  const wrong = run('npx', ['fahras', 'build', 'corpus', '--nope']);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /unknown option "--nope"/);
});

test('from Node: every bad fixture corpus fails naming its file, and skipped files are warned of in path order', async () => {
  const { build } = await installed();
  const fixtures = path.join(ROOT, 'tests', 'fixtures');
  const bad = fs.readdirSync(fixtures).filter((f) => f.startsWith('error-')).sort();
  assert.ok(bad.length >= 10, bad.join());
  for (const name of bad) {
    const corpus = path.join(fixtures, name);
    const files = fs.readdirSync(corpus).filter((f) => !f.startsWith('.'));
    const named = (err) => err instanceof Error && (name === 'error-empty' || files.some((f) => err.message.includes(`${name}/${f}`)));
    await assert.rejects(build({ input: corpus, out: path.join(tmp, name) }), named, name);
  }
  const { warnings } = await build({ input: path.join(fixtures, 'txt'), out: path.join(tmp, 'txt') });
  const order = warnings.map((w) => w.match(/\/txt\/([^:]+):/)[1]);
  assert.deepEqual(order, ['README', 'empty.txt', 'notes.pdf']);
});

test('a site folder: the output inside it is not read back, other files are one warning', () => {
  const pub = path.join(project, 'site');
  fs.mkdirSync(path.join(pub, 'img'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))), path.join(pub, 'a.txt'));
  for (const f of ['style.css', 'app.js', 'img/x.png', 'img/y.png']) fs.writeFileSync(path.join(pub, f), 'x');
  for (let i = 0; i < 2; i++) {
    const r = run('npx', ['fahras', 'build', 'site', '--out', 'site/fahras']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, 'fahras: warning: 4 files skipped (.css 1, .js 1, .png 2); expected .txt, .md, .html, .htm or .jsonl\n');
  }
});

/** The package's Node API as the project imports it. */
const installed = () => import(pathToFileURL(path.join(project, 'node_modules', 'fahras', 'index.mjs')).href);
const top10 = (engine, q) => engine.search(q, { limit: 10 }).hits.map((h) => h.id);

test('from Node: the npm-built index gives the cargo-built top 10 on every judged seeds query', async () => {
  const npmBuilt = await (await installed()).openIndex(path.join(site, 'fahras'));
  const cargoBuilt = await loadEngine('npm-compare');
  let queries = 0;
  for (const set of JUDGED) {
    for (const { q } of JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'quality', set), 'utf8'))) {
      assert.deepEqual(top10(npmBuilt, q), top10(cargoBuilt, q), `${set}: ${q}`);
      queries++;
    }
  }
  assert.ok(queries >= 50, `${queries} queries`);
  const hit = npmBuilt.search('الرباط').hits[0];
  assert.equal(npmBuilt.get(hit.id).id, hit.id);
  assert.equal(npmBuilt.get('no-such-document'), undefined);
});

test('from Node: custom records, and a bad record named by its number', async () => {
  const { build, openIndex } = await installed();
  const out = path.join(tmp, 'records');
  const records = [
    { id: 'a', title: 'الأول 📖', text: 'نص عن مدينة الرباط', tags: ['مدن'], url: 'https://example.org/a' },
    { id: 'b', title: 'الثاني', text: 'نص عن الدار البيضاء', date: '2024-05-01' },
  ];
  const result = await build({ input: records, out });
  assert.equal(result.documents, 2);
  const engine = await openIndex(out);
  assert.deepEqual(engine.search('الرباط').hits.map((h) => h.id), ['a']);
  // Each record's fields come back whole (a title past the BMP too), and the absent ones absent.
  const [hit] = engine.search('الرباط').hits;
  assert.deepEqual([hit.title, hit.tags, hit.url, 'date' in hit], ['الأول 📖', ['مدن'], 'https://example.org/a', false]);
  const a = engine.get('a', 'الرباط');
  assert.deepEqual([a.title, a.text, a.tags, a.url, 'date' in a], ['الأول 📖', records[0].text, ['مدن'], records[0].url, false]);
  assert.deepEqual(a.highlights.map(([s, e]) => a.text.slice(s, e)), ['الرباط']);
  const b = engine.get('b');
  assert.deepEqual([b.date, 'tags' in b, 'url' in b, b.highlights], ['2024-05-01', false, false, []]);
  await assert.rejects(build({ input: [records[0], { id: 'c', title: 't' }], out }), /records\.jsonl:2: .*text/);
  await assert.rejects(build({ input: [1], out }), TypeError);
  await assert.rejects(build({ input: records }), TypeError);
  await assert.rejects(openIndex(path.join(tmp, 'nowhere')), /nowhere: no such file/);
  await assert.rejects(openIndex(path.join(ROOT, 'www', 'pkg', 'fahras_bg.wasm')), /no fahras\.index section/);
});

test('in Chromium: the built site searches, under a strict CSP', async () => {
  const page = await ui.open('index.html');
  await box(page).fill('الرباط');
  await options(page).first().waitFor();
  const ids = await options(page).evaluateAll((els) => els.map((e) => e.dataset.id));
  const npmBuilt = await (await installed()).openIndex(path.join(site, 'fahras'));
  assert.deepEqual(ids, npmBuilt.search('الرباط', { limit: ids.length }).hits.map((h) => h.id));
});
