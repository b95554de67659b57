// Fuzzing the real wasm build: hostile and random queries must never throw and must always give a
// well-formed result; many searches must not grow the wasm memory without bound.
//   FAHRAS_FUZZ_QUERIES  number of random queries (default 10000)
//   FAHRAS_FUZZ_SEED     PRNG seed (default 0x5eed), printed so a failure can be replayed
//   FAHRAS_FUZZ_LEAK     number of searches in the memory test (default 100000, or 10 x
//                        FAHRAS_FUZZ_QUERIES when that is set)
//   FAHRAS_FUZZ_LEAK_SECONDS  time cap of the memory test (default 45 s, or 600 s when
//                        FAHRAS_FUZZ_QUERIES is set), applied after its first 4000 searches:
//                        searches cost milliseconds each here, and 100000 of them would take
//                        many minutes; the count actually run is printed. The memory test cuts
//                        queries to 32 UTF-16 units (as typed in a search box), because the cost
//                        of a search grows with the query's length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadEngine, seedDocs } from './engine.mjs';
import { prng } from '../lib/prng.mjs';

const envInt = (name, dflt) => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
  return n;
};
const N = envInt('FAHRAS_FUZZ_QUERIES', 10000);
const SEED = envInt('FAHRAS_FUZZ_SEED', 0x5eed);
const STRESS = process.env.FAHRAS_FUZZ_QUERIES !== undefined && process.env.FAHRAS_FUZZ_QUERIES !== '';
const LEAK_SEARCHES = envInt('FAHRAS_FUZZ_LEAK', STRESS ? N * 10 : 100000);
const LEAK_SECONDS = envInt('FAHRAS_FUZZ_LEAK_SECONDS', STRESS ? 600 : 45);
const LEAK_MIN = Math.min(LEAK_SEARCHES, 4000);
const LEAK_QUERY_UNITS = 32;

const WORDS = [...new Set(seedDocs().flatMap((d) => d.text.split(/[^\u0600-\u06FF]+/u)).filter((w) => w.length > 1))];
const DIACRITICS = Array.from({ length: 0x0652 - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)).concat(['\u0670', '\u0640']);
const MARKS = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2066', '\u2067', '\u2069'];
const PUNCT = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~، ؛ ؟ « » … — – ٪ ٫ ٬ ۔ ﴾ ﴿'.replace(/ /g, '')];
const OPERATOR_ONLY = ['"', '-', '--""-', '""', '" "', '-"', '"-', '- - -', '"""', '-""', '--', '"-"-"', ' - ', ' " ', '-"\u0020"'];

function makeGen(rand) {
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  const codeUnit = () => {
    const r = rand();
    if (r < 0.1) return String.fromCharCode(0xd800 + int(0x800)); // lone surrogate (high or low)
    if (r < 0.15) return '\0';
    if (r < 0.25) return pick(MARKS);
    if (r < 0.55) return String.fromCharCode(0x0600 + int(0x100)); // Arabic block
    if (r < 0.7) return String.fromCodePoint(int(0x110000 - 0x800)).replace(/[\ud800-\udfff]/, ''); // any code point
    if (r < 0.8) return String.fromCharCode(0x20 + int(0x5f)); // ASCII
    if (r < 0.9) return pick(PUNCT);
    return String.fromCharCode(int(0x10000));
  };
  const randomUnicode = (len) => Array.from({ length: len }, codeUnit).join('');
  const diacritize = (w) =>
    [...w].map((c) => c + (rand() < 0.4 ? Array.from({ length: 1 + int(3) }, () => pick(DIACRITICS)).join('') : '')).join('');
  const arabicWord = () => {
    let w = pick(WORDS);
    if (rand() < 0.5) w = diacritize(w);
    if (rand() < 0.15) w = w.slice(0, 1 + int(w.length)); // prefix, as typed
    if (rand() < 0.1) w = pick(['و', 'ب', 'ل', 'ك', 'ف', 'ال', 'وال']) + w;
    if (rand() < 0.1) w = w.replace(/ا/g, pick(['أ', 'إ', 'آ', 'ٱ']));
    if (rand() < 0.05) w = [...w].join('ـ');
    if (rand() < 0.1) w = [...w].map((c) => (rand() < 0.2 ? pick(MARKS) : '') + c).join('');
    return w;
  };
  const arabicQuery = () => {
    const n = 1 + int(6);
    const parts = [];
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.1) parts.push('-' + arabicWord());
      else if (r < 0.2) parts.push('"' + Array.from({ length: 1 + int(3) }, arabicWord).join(' ') + (rand() < 0.8 ? '"' : ''));
      else if (r < 0.25) parts.push('-"' + arabicWord() + ' ' + arabicWord() + '"');
      else if (r < 0.3) parts.push(String(int(3000)));
      else if (r < 0.33) parts.push('٠١٢٣٤٥٦٧٨٩'.slice(int(5), 5 + int(5)));
      else parts.push(arabicWord());
    }
    return parts.join(pick([' ', ' ', ' ', '  ', '\t', '\u00a0', '\n', '،', ' - ', '"'])) + (rand() < 0.3 ? ' ' : '');
  };
  const kinds = [
    [0.3, () => arabicQuery()],
    [0.2, () => randomUnicode(1 + int(rand() < 0.9 ? 20 : 300))],
    [0.1, () => Array.from({ length: 1 + int(8) }, () => pick(OPERATOR_ONLY)).join(pick(['', ' ']))],
    [0.1, () => Array.from({ length: 1 + int(30) }, () => pick(PUNCT)).join(rand() < 0.5 ? '' : ' ')],
    [0.1, () => Array.from({ length: 1 + int(10) }, () => pick(MARKS.concat(['\0', ' ', '\u0640', ...DIACRITICS]))).join('')],
    [0.1, () => arabicQuery().split('').map((c) => (rand() < 0.1 ? codeUnit() : c)).join('')],
    [0.1, () => pick(['"', '-', '--""-', '', ' ', '\0', '\ud800', '\udfff', '\udfff\ud800', 'a'.repeat(1 + int(300)), 'ا'.repeat(1 + int(300))])],
  ];
  const query = () => {
    let r = rand();
    for (const [p, f] of kinds) {
      if ((r -= p) < 0) return f();
    }
    return kinds[0][1]();
  };
  const options = () => {
    const r = rand();
    if (r < 0.3) return undefined;
    if (r < 0.4) return {};
    const o = {};
    if (rand() < 0.8) o.limit = 1 + int(100);
    if (rand() < 0.5) o.offset = rand() < 0.8 ? int(10) : int(1e6);
    return o;
  };
  return { query, options, arabicQuery };
}

const show = (q) => {
  const s = JSON.stringify(q.length > 80 ? q.slice(0, 80) + `…(${q.length} UTF-16 units)` : q);
  return s;
};

// Calls search and checks the result; returns the time taken in ms.
function check(search, q, opts) {
  let res;
  const t0 = performance.now();
  try {
    res = search(q, opts);
  } catch (e) {
    assert.fail(`search(${show(q)}, ${JSON.stringify(opts)}) threw ${e?.name}: ${e?.message}`);
  }
  const ms = performance.now() - t0;
  const where = `search(${show(q)}, ${JSON.stringify(opts)})`;
  const limit = opts?.limit ?? 10;
  const offset = opts?.offset ?? 0;
  assert.ok(res !== null && typeof res === 'object', `${where}: not an object`);
  assert.ok(Array.isArray(res.hits), `${where}: hits is not an array`);
  assert.ok(res.hits.length <= limit, `${where}: ${res.hits.length} hits > limit ${limit}`);
  assert.ok(Number.isInteger(res.total) && res.total >= res.hits.length, `${where}: total ${res.total} < ${res.hits.length} hits`);
  assert.ok(res.hits.length === 0 || offset + res.hits.length <= res.total, `${where}: offset ${offset} + ${res.hits.length} hits > total ${res.total}`);
  for (let i = 0; i < res.hits.length; i++) {
    const h = res.hits[i];
    assert.ok(Number.isFinite(h.score), `${where}: score ${h.score}`);
    if (i > 0) assert.ok(res.hits[i - 1].score >= h.score, `${where}: scores not sorted: ${res.hits[i - 1].score} < ${h.score}`);
    for (const [ranges, text] of [[h.highlights, h.snippet], [h.title_highlights, h.title]]) {
      for (const [s, e] of ranges) {
        assert.ok(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s < e && e <= text.length, `${where}: highlight [${s}, ${e}) outside 0..${text.length}`);
      }
    }
  }
  return ms;
}

test(`${N} random and hostile queries never throw and give well-formed results (seed ${SEED})`, async () => {
  const { search, get } = await loadEngine('fuzz');
  const rand = prng(SEED);
  const gen = makeGen(rand);
  let slowest = { ms: -1, q: '' };
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const q = gen.query();
    const opts = gen.options();
    const ms = check(search, q, opts);
    if (ms > slowest.ms) slowest = { ms, q };
    if (i % 16 === 0) {
      // get() with the same hostile strings as id and query
      assert.doesNotThrow(() => get(q), `get(${show(q)})`);
      assert.doesNotThrow(() => get(q, q), `get(${show(q)}, ${show(q)})`);
    }
  }
  const total = performance.now() - t0;
  console.log(`fuzz: ${N} queries in ${(total / 1000).toFixed(2)} s (${((total / Math.max(N, 1)) * 1000).toFixed(0)} µs mean); slowest ${slowest.ms.toFixed(2)} ms for ${show(slowest.q)}`);
});

test('1 MB queries never throw', async () => {
  const { search, get } = await loadEngine('huge');
  const rand = prng(SEED + 1);
  const gen = makeGen(rand);
  const MB = 1 << 20;
  const fill = (f) => {
    let s = '';
    while (s.length < MB) s += f();
    return s.slice(0, MB);
  };
  const huge = {
    'Arabic words': fill(() => gen.arabicQuery() + ' '),
    'one long word': 'ح'.repeat(MB),
    'Latin letters': 'a'.repeat(MB),
    'random unicode': fill(() => gen.query()),
    'quotes': '"'.repeat(MB),
    'minus words': fill(() => '-' + gen.arabicQuery().split(' ')[0] + ' '),
    'NUL': '\0'.repeat(MB),
    'diacritics only': fill(() => '\u064b\u0650\u0651'),
  };
  for (const [name, q] of Object.entries(huge)) {
    const ms = check(search, q, { limit: 100 });
    console.log(`fuzz: 1 MB query (${name}): ${ms.toFixed(1)} ms`);
    assert.doesNotThrow(() => get(q, q));
  }
});

test(`${LEAK_MIN} to ${LEAK_SEARCHES} searches (${LEAK_SECONDS} s cap after ${LEAK_MIN}) do not grow wasm memory past 2x its size after the first 1000`, async () => {
  const { search, memory } = await loadEngine('leak');
  assert.ok(memory instanceof WebAssembly.Memory, 'initSync must return the wasm exports, with .memory');
  const rand = prng(SEED + 2);
  const gen = makeGen(rand);
  const initial = memory.buffer.byteLength;
  let afterFirst = initial;
  let slowest = { ms: -1, q: '' };
  const t0 = performance.now();
  const deadline = t0 + LEAK_SECONDS * 1000;
  let done = 0;
  // the first LEAK_MIN always run: the first 1000 set the baseline, the rest are compared to it
  while (done < LEAK_SEARCHES && (done < LEAK_MIN || performance.now() < deadline)) {
    const q = gen.query().slice(0, LEAK_QUERY_UNITS);
    const opts = gen.options();
    const ms = check(search, q, opts);
    if (ms > slowest.ms) slowest = { ms, q };
    if (++done === 1000) afterFirst = memory.buffer.byteLength;
  }
  const after = memory.buffer.byteLength;
  const secs = (performance.now() - t0) / 1000;
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `fuzz: ${done} searches in ${secs.toFixed(2)} s (${((secs / done) * 1e6).toFixed(0)} µs mean${done < LEAK_SEARCHES ? `, stopped at the ${LEAK_SECONDS} s cap` : ''}), ` +
      `slowest ${slowest.ms.toFixed(2)} ms for ${show(slowest.q)}; ` +
      `wasm memory: ${kib(initial)} at start, ${kib(afterFirst)} after 1000 searches, ${kib(after)} after ${done}`,
  );
  assert.ok(after <= 2 * afterFirst, `wasm memory grew from ${afterFirst} to ${after} bytes over ${done} searches`);
});
