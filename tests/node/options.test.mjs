// search() options beyond paging, through the real wasm: filter and sort, and their errors.
// The seeds carry no dates or tags, so filters that need them must match nothing, and sorting by
// date must keep relevance order among undated documents.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './engine.mjs';

const { search, get } = await loadEngine();

test('sort by date over undated documents keeps relevance order', () => {
  const byRelevance = search('حموشي الأمن').hits.map((h) => h.id);
  const byDate = search('حموشي الأمن', { sort: 'date' }).hits.map((h) => h.id);
  assert.ok(byRelevance.length > 1);
  assert.deepEqual(byDate, byRelevance);
});

test('filters that need metadata the seeds lack match nothing', () => {
  assert.equal(search('حموشي', { filter: { tags: ['أمن'] } }).total, 0);
  assert.equal(search('حموشي', { filter: { from: '2000-01-01' } }).total, 0);
  assert.equal(search('حموشي', { filter: { to: '2100-12-31' } }).total, 0);
  assert.equal(search('حموشي', { filter: {} }).total, search('حموشي').total);
  assert.equal(search('حموشي', { filter: { tags: [] } }).total, search('حموشي').total);
});

test('hits and documents without metadata carry no url, date or tags fields', () => {
  const hit = search('حموشي').hits[0];
  for (const key of ['url', 'date', 'tags']) assert.ok(!(key in hit), key);
  const doc = get(hit.id);
  for (const key of ['url', 'date', 'tags']) assert.ok(!(key in doc), key);
});

test('bad filter and sort values throw clear errors', () => {
  const cases = [
    [{ sort: 'newest' }, RangeError, /options\.sort must be one of "relevance", "date", "order"/],
    [{ sort: 1 }, TypeError, /options\.sort must be a string, got number/],
    [{ filter: 'x' }, TypeError, /options\.filter must be an object, got string/],
    [{ filter: { tags: 'x' } }, TypeError, /options\.filter\.tags must be an array of strings/],
    [{ filter: { tags: [1] } }, TypeError, /options\.filter\.tags must hold strings, got number/],
    [{ filter: { from: '2025-02-30' } }, RangeError, /options\.filter\.from must be a date as YYYY-MM-DD/],
    [{ filter: { to: 20250101 } }, TypeError, /options\.filter\.to must be a YYYY-MM-DD string, got number/],
  ];
  for (const [options, type, message] of cases) {
    assert.throws(() => search('حموشي', options), (e) => e instanceof type && message.test(e.message), JSON.stringify(options));
  }
});
