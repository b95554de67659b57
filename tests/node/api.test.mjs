// The JS API of the real wasm build (www/pkg), as CONTRACT.md describes it, on the default corpus (seeds/).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, seedDocs, stripDiacritics, isSeedText } from './engine.mjs';

let search, get;
const seeds = seedDocs();
const seedIds = seeds.map((d) => d.id);

before(async () => {
  ({ search, get } = await loadEngine());
});

const QUERIES = ['حموشي', 'الأمن', 'الامن', 'المغرب', 'الأمن الوطني', '"الأمن الوطني"', 'حموشي -روسيا', 'موسكو', 'المدير العام', 'مغرب', 'الام'];

function assertRanges(ranges, text, what) {
  assert.ok(Array.isArray(ranges), `${what}: highlights must be an array`);
  for (const r of ranges) {
    assert.ok(Array.isArray(r) && r.length === 2, `${what}: highlight ${JSON.stringify(r)} must be [start, end]`);
    const [s, e] = r;
    assert.ok(Number.isInteger(s) && Number.isInteger(e), `${what}: ${JSON.stringify(r)} must be integers`);
    assert.ok(0 <= s && s < e && e <= text.length, `${what}: ${JSON.stringify(r)} out of bounds for length ${text.length}`);
  }
}

function assertResultShape(res, q) {
  assert.equal(typeof res, 'object', `${q}: result must be an object`);
  assert.equal(res.query, q);
  assert.ok(Number.isInteger(res.total) && res.total >= 0, `${q}: total ${res.total}`);
  assert.equal(typeof res.relaxed, 'boolean', `${q}: relaxed must be a boolean`);
  assert.ok(Array.isArray(res.hits), `${q}: hits must be an array`);
  for (const h of res.hits) {
    assert.equal(typeof h.id, 'string');
    assert.equal(typeof h.title, 'string');
    assert.equal(typeof h.snippet, 'string');
    assert.ok(Number.isFinite(h.score), `${q}: score ${h.score} must be a finite number`);
    assert.ok(seedIds.includes(h.id), `${q}: unknown hit id ${h.id}`);
  }
}

test('the seed corpus is what the tests expect', () => {
  assert.equal(seeds.length, 5, 'seeds/ should hold five .txt documents');
});

test('حموشي finds all five seed documents', () => {
  const q = 'حموشي';
  const res = search(q, { limit: 100 });
  assertResultShape(res, q);
  assert.deepEqual(res.hits.map((h) => h.id).sort(), [...seedIds].sort());
  assert.equal(res.total, seedIds.length);
  assert.equal(res.relaxed, false);
});

test('الأمن and الامن (hamza folding) give the same hits', () => {
  const a = search('الأمن', { limit: 100 });
  const b = search('الامن', { limit: 100 });
  assert.ok(a.total > 0, 'الأمن must match something');
  assert.equal(a.total, b.total);
  assert.deepEqual(a.hits.map((h) => h.id).sort(), b.hits.map((h) => h.id).sort());
});

test('get(id).text is the seed file (without site chrome), and the id/title are there', () => {
  for (const { id, text } of seeds) {
    const doc = get(id);
    assert.ok(doc, `get(${id}) must find the document`);
    assert.equal(doc.id, id);
    assert.equal(typeof doc.title, 'string');
    assert.ok(doc.title.trim().length > 0, `${id}: empty title`);
    assert.ok(isSeedText(doc.text, text), `${id}: text is not seeds/${id}.txt (lengths ${doc.text.length} vs ${text.length})`);
    assert.deepEqual(doc.highlights, [], `${id}: get without a query has no highlights`);
  }
});

test('get(id, query) highlights are in-bounds ranges of the text', () => {
  for (const { id } of seeds) {
    const doc = get(id, 'حموشي');
    assert.ok(doc, id);
    assertRanges(doc.highlights, doc.text, `get(${id}, حموشي)`);
    assert.ok(doc.highlights.length > 0, `${id}: every seed mentions حموشي, so something must be highlighted`);
    for (const [s, e] of doc.highlights) {
      const word = stripDiacritics(doc.text.slice(s, e));
      assert.ok(word.length > 0 && !/\s/.test(word), `${id}: highlight ${JSON.stringify(doc.text.slice(s, e))}`);
    }
  }
});

test('unknown id gives undefined', () => {
  assert.equal(get('no-such-document'), undefined);
  assert.equal(get(''), undefined);
  assert.equal(get(seedIds[0] + '.txt'), undefined);
  assert.equal(get('no-such-document', 'حموشي'), undefined);
});

test('empty and whitespace queries: total 0, no hits', () => {
  for (const q of ['', ' ', '   ', '\t', '\n', ' \t\r\n ']) {
    const res = search(q);
    assert.equal(res.total, 0, JSON.stringify(q));
    assert.deepEqual(res.hits, [], JSON.stringify(q));
    assert.equal(res.relaxed, false, JSON.stringify(q));
    assert.equal(res.query, q);
  }
});

test('highlights are in-bounds UTF-16 ranges covering one word each', () => {
  let checked = 0;
  for (const q of QUERIES) {
    const res = search(q, { limit: 100 });
    assertResultShape(res, q);
    for (const h of res.hits) {
      assertRanges(h.highlights, h.snippet, `${q} / ${h.id} snippet`);
      assertRanges(h.title_highlights, h.title, `${q} / ${h.id} title`);
      const pieces = [
        ...h.highlights.map(([s, e]) => h.snippet.slice(s, e)),
        ...h.title_highlights.map(([s, e]) => h.title.slice(s, e)),
      ];
      for (const piece of pieces) {
        const word = stripDiacritics(piece);
        assert.ok(word.length > 0, `${q} / ${h.id}: highlight ${JSON.stringify(piece)} is empty without diacritics`);
        assert.ok(!/\s/.test(word), `${q} / ${h.id}: highlight ${JSON.stringify(piece)} contains a space`);
        checked++;
      }
      // ranges of one string do not overlap and come in order
      for (const ranges of [h.highlights, h.title_highlights]) {
        for (let i = 1; i < ranges.length; i++) {
          assert.ok(ranges[i - 1][1] <= ranges[i][0], `${q} / ${h.id}: highlights overlap or are unordered: ${JSON.stringify(ranges)}`);
        }
      }
    }
  }
  assert.ok(checked > 0, 'no highlight was checked at all');
  // every hit for a plain one-word query that matched must highlight something in its snippet
  for (const h of search('حموشي', { limit: 100 }).hits) {
    assert.ok(h.highlights.length > 0, `حموشي / ${h.id}: snippet has no highlight`);
  }
});

test('scores are sorted in descending order', () => {
  for (const q of QUERIES) {
    const { hits } = search(q, { limit: 100 });
    for (let i = 1; i < hits.length; i++) {
      assert.ok(hits[i - 1].score >= hits[i].score, `${q}: score ${hits[i - 1].score} before ${hits[i].score}`);
    }
  }
});

test('limit/offset paging is consistent', () => {
  for (const q of ['حموشي', 'الأمن', 'المغرب']) {
    const all = search(q, { limit: 100 });
    assert.ok(all.total >= 2, `${q}: need at least two hits to test paging (total ${all.total})`);
    const ids = all.hits.map((h) => h.id);
    assert.equal(ids.length, Math.min(all.total, 100));
    assert.equal(new Set(ids).size, ids.length, `${q}: duplicate ids in one page`);
    for (const limit of [1, 2, 3]) {
      const paged = [];
      for (let offset = 0; offset < all.total + limit; offset += limit) {
        const page = search(q, { limit, offset });
        assert.equal(page.total, all.total, `${q}: total changes with paging`);
        assert.ok(page.hits.length <= limit);
        assert.equal(page.hits.length, Math.max(0, Math.min(limit, all.total - offset)), `${q}: page at ${offset}`);
        paged.push(...page.hits.map((h) => h.id));
      }
      assert.deepEqual(paged, ids, `${q}: pages of ${limit} do not continue each other`);
    }
    // defaults: limit 10, offset 0
    assert.deepEqual(search(q).hits.map((h) => h.id), ids.slice(0, 10));
    assert.deepEqual(search(q, {}).hits.map((h) => h.id), ids.slice(0, 10));
    assert.deepEqual(search(q, undefined).hits.map((h) => h.id), ids.slice(0, 10));
    assert.deepEqual(search(q, { offset: 1 }).hits.map((h) => h.id), ids.slice(1, 11));
    const past = search(q, { offset: all.total + 5 });
    assert.deepEqual(past.hits, []);
    assert.equal(past.total, all.total);
  }
});

function assertThrows(fn, Type, what) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `${what} must throw ${Type.name}`);
  assert.ok(error instanceof Type, `${what} threw ${error?.constructor?.name} (${error?.message ?? error}), expected ${Type.name}`);
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.trim().length > 0, `${what}: ${Type.name} without a message`);
}

test('wrong argument types throw TypeError with a message', () => {
  assertThrows(() => search(42), TypeError, 'search(42)');
  assertThrows(() => search(null), TypeError, 'search(null)');
  assertThrows(() => search(), TypeError, 'search()');
  assertThrows(() => search('x', 5), TypeError, "search('x', 5)");
  assertThrows(() => get({}), TypeError, 'get({})');
  assertThrows(() => get(7), TypeError, 'get(7)');
});

test('out-of-range limit/offset throw RangeError with a message', () => {
  for (const opts of [{ limit: -1 }, { limit: 0 }, { limit: 1.5 }, { limit: 1000 }, { offset: -3 }]) {
    assertThrows(() => search('x', opts), RangeError, `search('x', ${JSON.stringify(opts)})`);
  }
  // the bounds themselves are fine
  assert.ok(search('x', { limit: 1 }));
  assert.ok(search('x', { limit: 100 }));
  assert.ok(search('x', { offset: 0 }));
});

test('the engine keeps working after errors', () => {
  assertThrows(() => search(42), TypeError, 'search(42)');
  assertThrows(() => search('x', { limit: 0 }), RangeError, 'limit 0');
  assert.equal(search('حموشي', { limit: 100 }).total, seedIds.length);
});
