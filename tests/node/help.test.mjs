// Search help through the real wasm over the seeds: wrong keyboard layout (`corrected`),
// did-you-mean (`suggestions`), month synonyms and romanisations.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './engine.mjs';

const { search } = await loadEngine();
const ids = (r) => r.hits.map((h) => h.id).sort();

test('a query typed with the keyboard left in English is retyped and says so', () => {
  const r = search("hgvfh'");
  assert.equal(r.corrected, 'الرباط');
  assert.equal(r.query, "hgvfh'");
  assert.deepEqual(ids(r), ids(search('الرباط')));
  assert.ok(!('corrected' in search('الرباط')), 'a query that works is not corrected');
  assert.ok(!('corrected' in search('FSB')), 'a Latin acronym is not retyped');
});

test('nothing found: suggestions are corpus words as written, put back in the query', () => {
  const r = search('مراكشششش');
  assert.equal(r.total, 0);
  assert.ok(r.suggestions.length > 0, JSON.stringify(r));
  for (const s of r.suggestions) assert.ok(search(s).total > 0, `suggestion ${s} finds something`);
  assert.ok(!('suggestions' in search('حموشي')), 'no suggestions when something is found');
});

test('month names match across dialects and romanisations find Arabic spellings', () => {
  assert.deepEqual(ids(search('سبتمبر')), ids(search('شتنبر')));
  assert.deepEqual(ids(search('أيار')), ids(search('ماي')));
  assert.deepEqual(ids(search('Rabat')), ids(search('الرباط')));
  const direct = search('موسكو').hits[0].score;
  assert.ok(search('Moscou').hits[0].score < direct, 'romanised matches rank below direct ones');
});
