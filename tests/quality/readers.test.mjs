// What Quran and hadith readers expect, through the wasm: typed harakat separating words on the
// Quran, either-or, collection order, facets, and words absent from the corpus never answered by
// an unrelated word as if it were the query (absent-words.json, on the seeds and the Quran).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, QUALITY, loadEngine } from './metrics.mjs';
import { quranEngine } from './quran-pkg.mjs';

// Folded for comparisons: no harakat or Quranic marks, one alef, ة=ه, ى=ي, bare hamza carriers.
const fold = (t) => t.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
  .replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي');

let quran, seeds;
before(async () => {
  quran = await quranEngine();
  seeds = await loadEngine();
});

// The words a hit matched, as written (its highlighted snippet words).
const matched = (hit) => hit.highlights.map(([a, b]) => hit.snippet.slice(a, b));

// Words typed with harakat and, for the first `top` hits, the written form every one of them must
// show (Uthmani spelling: ۡ is its sukun, ٰ a dagger alef, a shadda may come from assimilation and
// sits before or after the vowel).
const MARKED = [
  { q: 'مَلِك', top: 5, written: /م[َّ]+ٰ?لِك/ },
  { q: 'مَلَك', top: 5, written: /م[َّ]+لَك/ },
  { q: 'مُلْك', top: 5, written: /م[ُّ]+لۡك/ },
  { q: 'عَلِمَ', top: 5, written: /عَلِمَ/ },
  { q: 'قَدَرَ', top: 1, written: /قَدَرَ/ },
  // The Quran has no قُدِّرَ: the closest vocalisation (قُدِرَ, passive) comes before قَدَّرَ.
  { q: 'قُدِّرَ', top: 2, written: /قُدِرَ/ },
];

test('typed harakat rank the verses whose word carries them first; the others still match', () => {
  for (const { q, top, written } of MARKED) {
    const marked = quran.search(`${q} `, { limit: 10 });
    const plain = quran.search(`${q.replace(/[\u064B-\u0652]/g, '')} `, { limit: 10 });
    assert.equal(marked.total, plain.total, `${q}: marks must not drop matches`);
    for (const hit of marked.hits.slice(0, top)) {
      const words = matched(hit);
      assert.ok(words.some((w) => written.test(w)), `${q}: ${hit.id} matched ${words.join(', ')}`);
    }
  }
  const active = quran.search('عَلِمَ ', { limit: 5 }).hits.map((h) => h.id);
  const differs = quran.search('قَدَرَ ', { limit: 1 }).hits[0].id !== quran.search('قُدِّرَ ', { limit: 1 }).hits[0].id;
  assert.ok(active.length === 5 && differs, 'قَدَرَ and قُدِّرَ lead with different verses');
});

test('diacritics: "require" keeps only the verses that agree, "ignore" folds the marks', () => {
  const required = quran.search('مَلَك ', { limit: 100, diacritics: 'require' });
  assert.ok(required.total > 0 && required.total < quran.search('ملك ').total, `${required.total} verses`);
  for (const hit of required.hits) assert.ok(matched(hit).some((w) => /م[َّ]+لَك/.test(w)), `${hit.id}: ${matched(hit)}`);
  assert.deepEqual(quran.search('مَلَك ', { diacritics: 'ignore' }).hits.map((h) => h.id),
    quran.search('ملك ', { diacritics: 'ignore' }).hits.map((h) => h.id));
  assert.throws(() => quran.search('x', { diacritics: 'strict' }), RangeError);
});

test('either-or: a | b finds both, inside the AND of other words', () => {
  const ids = (q) => new Set(quran.search(q, { limit: 100 }).hits.map((h) => h.id));
  const either = quran.search('الصلاة | الزكاة ', { limit: 1 }).total;
  const prayer = quran.search('الصلاة ', { limit: 1 }).total;
  const alms = quran.search('الزكاة ', { limit: 1 }).total;
  assert.ok(either >= Math.max(prayer, alms) && either <= prayer + alms, `${either} vs ${prayer} + ${alms}`);
  const both = ids('عليكم الصيام | الصوم ');
  const fasting = ids('عليكم الصيام ');
  assert.ok(fasting.has('002-183') && [...fasting].every((id) => both.has(id)), 'كتب عليكم الصيام, and every verse of it');
  const hits = quran.search('عليكم الصيام | الصوم ', { limit: 100 }).hits;
  assert.ok(hits.every((h) => matched(h).some((w) => fold(w).includes('عليكم'))), 'the AND of the other word holds');
});

test('sort "order" lists matches in mushaf order', () => {
  const r = quran.search('الجنة ', { limit: 20, sort: 'order' });
  const ids = r.hits.map((h) => h.id);
  assert.equal(ids.length, 20);
  assert.deepEqual(ids, [...ids].sort(), 'ascending surah:verse');
  assert.equal(quran.search('الجنة ', { limit: 1 }).total, r.total);
});

test('guesses are flagged: a typo says which word it matched', () => {
  const r = quran.search('الرحمان الرحيمم ', { limit: 3 });
  assert.ok(r.total > 0);
  const guess = r.approximate?.find((a) => a.word === 'الرحيمم');
  assert.ok(guess && fold(guess.matched) === 'الرحيم', JSON.stringify(r.approximate));
  assert.equal(quran.search('الرحيم ').approximate, undefined, 'a word found as typed is no guess');
});

test('words absent from the corpus return nothing unflagged (absent-words.json)', () => {
  const set = JSON.parse(fs.readFileSync(path.join(QUALITY, 'absent-words.json'), 'utf8'));
  assert.ok(set.words.length >= 40, `${set.words.length} words`);
  const texts = {
    seeds: fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))
      .map((f) => fold(fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'))).join('\n'),
    quran: fold(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/quran-json/dist/quran.json'), 'utf8'))
      .flatMap((s) => s.verses.map((v) => v.text)).join('\n')),
  };
  for (const [name, engine] of [['seeds', seeds], ['quran', quran]]) {
    const unflagged = [];
    let flagged = 0;
    for (const word of set.words) {
      assert.ok(!texts[name].includes(fold(word).replace(/^ال/, '')), `${word} occurs in the ${name}`);
      for (const q of [`${word} `, word]) {
        const r = engine.search(q, { limit: 3 });
        if (r.total === 0) continue;
        if (r.approximate?.length || r.corrected) flagged++;
        else unflagged.push(`${JSON.stringify(q)} → ${r.hits.map((h) => matched(h).join(',')).join(' | ')}`);
      }
    }
    console.log(`${name}: ${set.words.length} absent words × 2 (typed, as you type): ${flagged} flagged, ${unflagged.length} unflagged`);
    for (const u of unflagged) console.log(`  unflagged: ${u}`);
    assert.ok(unflagged.length <= 2 * set.max_unflagged, `${name}: ${unflagged.length} unflagged answers`);
  }
});
