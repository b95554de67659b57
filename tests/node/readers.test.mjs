// The readers' options and fields through the seeds' wasm: either-or, facets, collection order,
// diacritics, guesses reported, and get() with a query the keyboard layout fixed. The Quran side
// (references, typed harakat on vocalised text, the precision set) is in tests/quality/readers.test.mjs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, seedDocs } from './engine.mjs';

const { search, get } = await loadEngine();
const ids = (r) => r.hits.map((h) => h.id).sort();

test('a | b matches documents with either word, and is ANDed with the others', () => {
  const a = search('موسكو ', { limit: 100 });
  const b = search('الرباط ', { limit: 100 });
  const either = search('موسكو | الرباط ', { limit: 100 });
  assert.deepEqual(ids(either), [...new Set([...ids(a), ...ids(b)])].sort());
  assert.ok(a.total > 0 && b.total > 0 && either.total < a.total + b.total, 'some document has both');
  const and = search('حموشي موسكو | الرباط ', { limit: 100 });
  const hamouchi = new Set(ids(search('حموشي ', { limit: 100 })));
  assert.ok(and.total > 0 && ids(and).every((id) => hamouchi.has(id)));
  assert.deepEqual(ids(search('موسكو|الرباط ', { limit: 100 })), ids(either), 'no spaces needed');
});

test('facets: ["tags"] is counted over all matches; the seeds have no tags', () => {
  const r = search('حموشي', { facets: ['tags'], limit: 1 });
  assert.deepEqual(r.facets, { tags: [] });
  assert.ok(!('facets' in search('حموشي')), 'only when asked for');
  assert.throws(() => search('x', { facets: ['date'] }), (e) => e instanceof RangeError && /options\.facets/.test(e.message));
  assert.throws(() => search('x', { facets: 'tags' }), (e) => e instanceof TypeError && /options\.facets/.test(e.message));
  assert.throws(() => search('x', { facets: [1] }), TypeError);
});

test('sort: "order" lists matches in corpus (file) order', () => {
  const files = seedDocs().map((d) => d.id);
  const r = search('حموشي', { sort: 'order', limit: 100 });
  const got = r.hits.map((h) => h.id);
  assert.ok(got.length > 1);
  assert.deepEqual(got, files.filter((id) => got.includes(id)));
  assert.equal(search('حموشي', { sort: 'order', offset: 1, limit: 1 }).hits[0].id, got[1]);
});

test('diacritics: prefer, require or ignore; anything else is a RangeError', () => {
  const plain = search('الأمن ', { limit: 100 });
  assert.equal(search('الأَمْن ', { limit: 100 }).total, plain.total, 'preferring drops nothing');
  assert.deepEqual(ids(search('الأَمْن ', { diacritics: 'ignore', limit: 100 })), ids(plain));
  assert.ok(search('الأَمْن ', { diacritics: 'require' }).total <= plain.total);
  assert.throws(() => search('x', { diacritics: 'yes' }), (e) => e instanceof RangeError && /options\.diacritics must be one of/.test(e.message));
  assert.throws(() => search('x', { diacritics: true }), TypeError);
});

test('a word found only by typo tolerance says what it was taken for', () => {
  const r = search('حموشيي ');
  assert.ok(r.total > 0);
  assert.deepEqual(r.approximate?.map((a) => a.word), ['حموشيي']);
  assert.ok(r.hits[0].snippet.includes(r.approximate[0].matched), 'matched as the corpus writes it');
  assert.ok(!('approximate' in search('حموشي ')));
});

test("get(id, query) highlights what a keyboard-fixed query found, searched or not", () => {
  const typed = "hgvfh'";
  const r = search(typed);
  assert.equal(r.corrected, 'الرباط');
  const id = r.hits[0].id;
  const afterSearch = get(id, typed).highlights;
  assert.ok(afterSearch.length > 0);
  search('حموشي');
  assert.deepEqual(get(id, typed).highlights, afterSearch, 'planned again when another search came between');
  assert.deepEqual(get(id, 'الرباط').highlights, afterSearch);
});
