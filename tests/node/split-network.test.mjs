// The split loader's network behaviour (www/fahras-split.js), with a fetch the test controls: one
// request per chunk however many queries wait for it, chunks kept once fetched, one retry on a
// network or server error, a clear ChunkError (never a partial answer) when a chunk cannot be
// had, and a superseded query aborted, its fetch too when no other query waits for it.
// Needs scripts/build-npm.sh (make npm).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { prng } from '../lib/prng.mjs';
import { ROOT, seedDocs } from './engine.mjs';

const { build, openIndex } = await import(pathToFileURL(path.join(ROOT, 'npm', 'index.mjs')).href);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-split-net-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Groups of 40 consecutive documents, each group with a word of its own: a query for it needs
// the fragments of its group only, so each test below meets chunks no test fetched before.
const GROUPS = ['برتقال', 'زيتون', 'نخيل', 'رمان', 'تفاح', 'عنب', 'مشمش', 'خوخ', 'تين', 'موز', 'ليمون', 'كرز'];
const filler = seedDocs().flatMap((d) => d.text.split(/\s+/)).filter((w) => /^[\u0621-\u064a]{3,}$/.test(w));
const random = prng(17);
const records = GROUPS.flatMap((word, g) => Array.from({ length: 40 }, (_, i) => {
  const words = Array.from({ length: 150 }, () => filler[Math.floor(random() * filler.length)]);
  words.splice(Math.floor(random() * words.length), 0, word);
  return { id: `g${g}-${i}`, title: `${word} ${i}`, text: words.join(' ') };
}));
await build({ input: records, out: path.join(tmp, 'whole') });
await build({ input: records, out: path.join(tmp, 'split'), split: true });
const whole = await openIndex(path.join(tmp, 'whole'));
const INDEX = path.join(tmp, 'split', 'pkg', 'index');

let mode = 'ok'; // for chunk requests: ok | fail | fail-once | 404 | 503-once | corrupt | hang
const requests = []; // { name, signal }
const hung = new Set();
async function fetchFile(url, { signal } = {}) {
  const name = path.basename(fileURLToPath(url));
  const chunk = /^[pd]\./.test(name);
  requests.push({ name, signal });
  const ok = (bytes) => new Response(bytes, { headers: { 'content-type': name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
  if (!chunk || mode === 'ok') return ok(fs.readFileSync(fileURLToPath(url)));
  const tries = requests.filter((r) => r.name === name).length;
  if (mode === 'fail' || (mode === 'fail-once' && tries === 1)) throw new TypeError('fetch failed');
  if (mode === '404') return new Response('not found', { status: 404 });
  if (mode === '503-once' && tries === 1) return new Response('busy', { status: 503 });
  if (mode === 'corrupt') return ok(Buffer.from('not this chunk'));
  if (mode === 'hang') {
    return new Promise((resolve, reject) => {
      const entry = { release: () => { hung.delete(entry); resolve(ok(fs.readFileSync(fileURLToPath(url)))); } };
      hung.add(entry);
      signal?.addEventListener('abort', () => { hung.delete(entry); reject(signal.reason); });
    });
  }
  return ok(fs.readFileSync(fileURLToPath(url)));
}

const loader = await import(pathToFileURL(path.join(ROOT, 'npm', 'dist', 'split', 'fahras.js')).href);
const split = await loader.open(pathToFileURL(INDEX), { fetch: fetchFile });
const O = { limit: 10 };
const chunkRequests = () => requests.filter((r) => /^[pd]\./.test(r.name));
const settle = () => new Promise((r) => setTimeout(r, 20));
test.afterEach(() => { mode = 'ok'; for (const h of [...hung]) h.release(); });

test('the corpus is split into many chunks', () => {
  const names = fs.readdirSync(INDEX);
  assert.ok(names.filter((n) => n.startsWith('d.')).length >= 20, `${names.length} files`);
});

test('a query fetches each chunk it needs once, in parallel rounds, and then nothing again', async () => {
  const before = chunkRequests().length;
  assert.deepEqual(await split.search(GROUPS[0], O), whole.search(GROUPS[0], O));
  const fetched = chunkRequests().slice(before).map((r) => r.name);
  assert.ok(fetched.length >= 2, 'postings and fragments');
  assert.equal(new Set(fetched).size, fetched.length, 'each chunk once');
  assert.deepEqual(await split.search(GROUPS[0], O), whole.search(GROUPS[0], O));
  assert.equal(chunkRequests().length, before + fetched.length, 'cached');
});

test('queries waiting for the same chunk share one request', async () => {
  const before = chunkRequests().length;
  const [a, b] = await Promise.all([split.search(GROUPS[1], O), split.search(GROUPS[1], O)]);
  assert.deepEqual(a, whole.search(GROUPS[1], O));
  assert.deepEqual(b, a);
  const fetched = chunkRequests().slice(before).map((r) => r.name);
  assert.equal(new Set(fetched).size, fetched.length);
});

test('a network error is tried once more', async () => {
  mode = 'fail-once';
  const before = chunkRequests().length;
  assert.deepEqual(await split.search(GROUPS[2], O), whole.search(GROUPS[2], O));
  const fetched = chunkRequests().slice(before).map((r) => r.name);
  assert.equal(fetched.length, 2 * new Set(fetched).size, 'each chunk twice');
});

test('a server error (5xx) is tried once more; a 404 is not', async () => {
  mode = '503-once';
  assert.deepEqual(await split.search(GROUPS[3], O), whole.search(GROUPS[3], O));
  mode = '404';
  const before = chunkRequests().length;
  await assert.rejects(split.search(GROUPS[4], O), (e) => e instanceof loader.ChunkError && /HTTP 404/.test(e.message) && /[pd]\.[0-9a-f]{16}\.bin/.test(e.message));
  const fetched = chunkRequests().slice(before).map((r) => r.name);
  assert.equal(new Set(fetched).size, fetched.length, 'no retry');
});

test('a chunk that cannot be had fails the query clearly, and a later query can succeed', async () => {
  mode = 'fail';
  await assert.rejects(split.search(GROUPS[5], O), (e) => e instanceof loader.ChunkError && /could not fetch .*fetch failed/.test(e.message));
  mode = 'corrupt';
  await assert.rejects(split.get(`g5-3`, GROUPS[5]), (e) => e instanceof loader.ChunkError && /does not hold the bytes/.test(e.message));
  mode = 'ok';
  assert.deepEqual(await split.search(GROUPS[5], O), whole.search(GROUPS[5], O));
  assert.deepEqual(await split.get('g5-3', GROUPS[5]), whole.get('g5-3', GROUPS[5]));
});

test('a superseded query is aborted, and so is its fetch when no other query waits for it', async () => {
  mode = 'hang';
  const typing = new AbortController();
  const before = requests.length;
  const first = split.search(GROUPS[6], O, { signal: typing.signal });
  await settle();
  const pending = requests.slice(before);
  assert.ok(pending.length > 0 && hung.size > 0, 'the query waits for its chunks');
  typing.abort();
  await assert.rejects(first, { name: 'AbortError' });
  assert.ok(pending.every((r) => r.signal.aborted), 'its fetches are aborted');
  assert.equal(hung.size, 0);
});

test('an aborted query leaves alone a fetch another query still waits for', async () => {
  mode = 'hang';
  const typing = new AbortController();
  const before = requests.length;
  const aborted = split.search(GROUPS[7], O, { signal: typing.signal });
  const kept = split.search(GROUPS[7], O);
  await settle();
  typing.abort();
  await assert.rejects(aborted, { name: 'AbortError' });
  assert.ok(requests.slice(before).every((r) => !r.signal.aborted), 'still wanted');
  while (hung.size) { for (const h of [...hung]) h.release(); await settle(); }
  assert.deepEqual(await kept, whole.search(GROUPS[7], O));
});

test('an already aborted signal rejects at once, fetching nothing', async () => {
  const before = requests.length;
  await assert.rejects(split.search(GROUPS[8], O, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.equal(requests.length, before);
});
