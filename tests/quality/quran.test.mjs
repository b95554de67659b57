// Search quality on the Quran (6236 verses, Uthmani script from the npm package quran-json), queried in
// modern spelling without diacritics — the way people type. The package is built by quran-pkg.mjs.
// Tests: the judged set quran.json (thresholds in metrics.mjs) and the zero-hit log quran-queries.txt.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  QUALITY, THRESHOLDS, loadJudged, evaluate, formatTable, formatFailures, checkThresholds, showQuery,
} from './metrics.mjs';
import { quranEngine } from './quran-pkg.mjs';
import { readQueries, generateQueries, formatQueries, QUERIES_FILE } from './quran-zero-hit.mjs';

let engine;
before(async () => {
  engine = await quranEngine();
});

test('the Quran corpus is indexed: 6236 verses with their titles', () => {
  const r = engine.get('002-255');
  assert.ok(r, 'get("002-255") found nothing');
  assert.equal(r.title, 'البقرة 255');
  assert.ok(engine.get('114-006'), 'last verse 114-006 missing');
  assert.equal(engine.get('115-001'), undefined);
});

test(`Quran judged set: recall@10 >= ${THRESHOLDS.recall10}, P@5 >= ${THRESHOLDS.p5}, rank-1 >= ${THRESHOLDS.rank1}, no must_not in the top 10`, () => {
  const entries = loadJudged(path.join(QUALITY, 'quran.json'));
  assert.ok(entries.length >= 35, `only ${entries.length} judged queries`);
  const result = evaluate(entries, engine.search);
  console.log(formatTable(result, `\nquran.json — ${entries.length} queries over 6236 verses`));
  const failures = formatFailures(result);
  if (failures) console.log(`\nfailing queries (${result.overall.failed}):\n${failures}`);
  const bad = checkThresholds(result.overall);
  assert.deepEqual(bad, [], `quality thresholds not met: ${bad.join('; ')}`);
});

test('quran-queries.txt is what quran-zero-hit.mjs generates (deterministic)', () => {
  assert.equal(fs.readFileSync(QUERIES_FILE, 'utf8'), formatQueries(generateQueries()),
    'regenerate with: node tests/quality/quran-zero-hit.mjs');
});

test('zero-hit log: every query drawn from the Quran text finds at least one verse', () => {
  const qs = readQueries();
  assert.ok(qs.length >= 300, `only ${qs.length} queries`);
  const zero = [];
  const relaxed = [];
  const sourceMissing = [];
  for (const { kind, from, q } of qs) {
    const res = engine.search(q, { limit: 100 });
    if (res.hits.length === 0) zero.push({ kind, from, q });
    else if (res.relaxed) relaxed.push({ kind, from, q });
    else if (res.total <= 100 && !res.hits.some((h) => h.id === from)) sourceMissing.push({ kind, from, q });
  }
  console.log(`\nzero-hit log: ${qs.length} queries, ${zero.length} without hits, ${relaxed.length} answered only by relaxing AND,` +
    ` ${sourceMissing.length} whose source verse is not among the hits (total <= 100)`);
  for (const [label, list] of [['zero hits', zero], ['relaxed', relaxed], ['source verse missing', sourceMissing]]) {
    for (const z of list.slice(0, 50)) console.log(`  ${label}: [${z.kind} from ${z.from}] ${showQuery(z.q)}`);
  }
  assert.equal(zero.length, 0, `${zero.length} of ${qs.length} queries found nothing`);
});

// Reference queries (the corpus's refs, see scripts/quran-to-corpus.mjs): a verse by number or name in any
// digits and spelling comes first; a surah lists its verses in order; word queries are not touched.
test('a verse reference puts the verse first', () => {
  for (const q of ['2:255', '٢:٢٥٥', 'البقرة 255', 'سورة البقرة آية 255', 'البقره: ٢٥٥']) {
    const r = engine.search(q);
    assert.equal(r.hits[0]?.id, '002-255', `${q}: ${r.hits.map((h) => h.id).join(' ')}`);
    assert.equal(r.hits.filter((h) => h.id === '002-255').length, 1, `${q}: 002-255 listed twice`);
    assert.equal(r.relaxed, false, q);
  }
});

test('a surah reference lists its verses in order, and pages through them', () => {
  const r = engine.search('سورة يس', { limit: 10 });
  assert.deepEqual(r.hits.map((h) => h.id), Array.from({ length: 10 }, (_, i) => `036-${String(i + 1).padStart(3, '0')}`));
  assert.ok(r.total >= 83, `total ${r.total}: less than the surah's 83 verses`);
  const next = engine.search('سورة يس', { limit: 10, offset: 80 });
  assert.deepEqual(next.hits.slice(0, 3).map((h) => h.id), ['036-081', '036-082', '036-083']);
  assert.ok(next.hits.slice(3).every((h) => !h.id.startsWith('036-')), 'the verses of Ya-Sin once each');
});

test('a word query is not a reference: the same hits as with a no-op exclusion', () => {
  for (const q of ['الصلاة', 'الجنة النار', '255']) {
    const plain = engine.search(q, { limit: 20 });
    const other = engine.search(`${q} -ززززز`, { limit: 20 });
    assert.ok(plain.total > 0, q);
    assert.equal(plain.total, other.total, q);
    assert.deepEqual(plain.hits.map((h) => h.id), other.hits.map((h) => h.id), q);
  }
});
