// The split index (src/split) as a site serves it: built by the npm package's `build({ split })`
// and opened by the browser loader (www/fahras-split.js) with a fetch that reads the folder and
// counts requests. Every judged seeds query, with several options, gives the embedded build's
// result exactly; `get` too. Needs scripts/build-npm.sh (make npm).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { ROOT, SEEDS } from './engine.mjs';

const { build, openIndex } = await import(pathToFileURL(path.join(ROOT, 'npm', 'index.mjs')).href);
const { fetchFile } = await import(pathToFileURL(path.join(ROOT, 'npm', 'lib', 'open.mjs')).href);
const JUDGED = ['seeds.json', 'seeds-dialect.json', 'seeds-keyboard.json', 'seeds-translit.json'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-split-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

await build({ input: SEEDS, out: path.join(tmp, 'whole') });
const built = await build({ input: SEEDS, out: path.join(tmp, 'split'), split: true });
const whole = await openIndex(path.join(tmp, 'whole'));

const requests = [];
const counted = (url) => (requests.push(path.basename(fileURLToPath(url))), fetchFile(url));
const loader = await import(pathToFileURL(path.join(ROOT, 'npm', 'dist', 'split', 'fahras.js')).href);
const split = await loader.open(pathToFileURL(path.join(tmp, 'split', 'pkg', 'index')), { fetch: counted });

test('the split build writes the engine alone and the index as hashed files', () => {
  const index = path.join(tmp, 'split', 'pkg', 'index');
  const names = fs.readdirSync(index).sort();
  const manifest = JSON.parse(fs.readFileSync(path.join(index, 'manifest.json'), 'utf8'));
  assert.equal(manifest.files, names.length);
  assert.equal(manifest.documents, built.documents);
  assert.ok(names.includes(manifest.core));
  for (const name of names.filter((n) => n !== 'manifest.json')) assert.match(name, /^(core|p|d)\.[0-9a-f]{16}\.bin$/);
  assert.ok(!fs.existsSync(path.join(tmp, 'split', 'pkg', 'fahras_bg.wasm')), 'no embedded engine beside');
});

test('opening fetches the manifest, the core and the engine, and no chunk', () => {
  assert.deepEqual(requests.map((r) => r.split('.')[0]).sort(), ['core', 'engine_bg', 'manifest']);
});

test('every judged seeds query gives the embedded result, with every option', async () => {
  const queries = JUDGED.flatMap((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'quality', f), 'utf8')).map((j) => j.q));
  const options = [{ limit: 10 }, { limit: 3, offset: 2 }, { limit: 10, facets: ['tags'], sort: 'date' }, { diacritics: 'require' }];
  for (const q of [...queries, '', 'لا_يوجد_هذا', 'المغرب -الجزائر', '"المملكة المغربية"']) {
    for (const o of options) {
      assert.deepEqual(await split.search(q, o), whole.search(q, o), `${q} ${JSON.stringify(o)}`);
    }
    const top = whole.search(q, { limit: 1 }).hits[0];
    if (top) assert.deepEqual(await split.get(top.id, q), whole.get(top.id, q), `get ${top.id} ${q}`);
  }
  assert.equal(await split.get('no-such-id'), undefined);
});

test('bad arguments are refused as the embedded build refuses them', async () => {
  await assert.rejects(split.search(42), (e) => e instanceof TypeError && /query must be a string/.test(e.message));
  await assert.rejects(split.search('x', { limit: -1 }), RangeError);
  await assert.rejects(split.get(null), TypeError);
});

test('the index is opened once per page: another base is refused with a message', async () => {
  await assert.rejects(loader.open(pathToFileURL(path.join(tmp, 'whole'))), /already opened the index at/);
  assert.equal(await loader.open(pathToFileURL(path.join(tmp, 'split', 'pkg', 'index'))), split, 'the same base is the same engine');
});
