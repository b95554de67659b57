#!/usr/bin/env node
// Zero-hit query log for the Quran corpus.
//
//   node tests/quality/quran-zero-hit.mjs            write tests/quality/quran-queries.txt
//   node tests/quality/quran-zero-hit.mjs --check    exit 1 if the committed file differs
//
// The queries are drawn deterministically (a seeded PRNG, mulberry32) from the verse text of the npm
// package quran-json: single words and adjacent word pairs, rewritten the way a modern reader types
// them — see modernize() below. Every query therefore names words that are in the corpus, so the
// engine must find at least one verse for each (quran-zero-hit.test.mjs asserts 0 zero-hit queries).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { prng } from '../lib/prng.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const QUERIES_FILE = path.join(HERE, 'quran-queries.txt');
export const SEED = 20250527;
export const N_SINGLE = 200;
export const N_PAIR = 150;

// Uthmani → modern spelling. Rules, in order:
//  1. NFC; ZWNJ/ZWJ/thin space and the verse/section marks (U+06DE rub el hizb, U+06E9 sajdah) go.
//  2. Alef wasla ٱ → ا. أ + maddah (U+0653) → آ; any other maddah goes (length mark: جَآءَ → جاء).
//  3. Hamza above/below (U+0654/U+0655) written on a tatweel or a yeh/waw seat takes its modern seat:
//     on yeh → ئ (after an alef, a final ـآئ is written ء: تلقاء, وراء); on waw → ؤ; on tatweel by the
//     surrounding vowels (kasra or a yeh before → ئ, damma → ؤ, fatha → أ); ا + U+0655 → إ.
//  4. Superscript (dagger) alef U+0670: after alef maqsura ى it goes at the end of a word (على, موسى)
//     and makes ى → ا inside a word (التوراة, هدانا); a waw that carries it directly becomes ا
//     (الصلوٰة → الصلاة, الزكاة, الحياة; وٰا → ا: الربا); elsewhere it is written as ا
//     (العالمين, الكتاب, السماوات, إبراهيم). A word-initial يٰ is the vocative: يا + space
//     (يٰأيها → يا أيها, يٰقوم → يا قوم).
//  5. Small high yeh U+06E7 → ي (إبراهيم, النبيين); small waw/yeh U+06E5/U+06E6 (pronoun lengthening)
//     and every other mark U+064B–U+065F, U+06D6–U+06ED, tatweel go. ءا → آ (آمنوا, القرآن), أا → آ.
//  6. Words whose modern spelling keeps the alef hidden: هذا هذه هؤلاء ذلك أولئك لكن الرحمن إله
//     (and their clitic forms) lose the alef that rule 4 wrote. Uthmani final ؤُاْ is written أ, or ء
//     after an alef (الملؤا → الملأ, جزاؤا → جزاء).
const MARKS = /[\u064B-\u065F\u06D6-\u06ED\u0640]/g;
const HIDDEN_ALEF = [
  [/هاذ/g, 'هذ'], [/هاؤلا/g, 'هؤلا'], [/ذالك/g, 'ذلك'], [/أولائك/g, 'أولئك'], [/لاكن/g, 'لكن'],
  [/رحمان/g, 'رحمن'], [/إلاه/g, 'إله'],
];
// harakat + tatweel + Quranic sukun, as they may stand between a letter and a mark
const H = '[\\u064B-\\u0652\\u0640\\u06E1]*';
const re = (src, flags = 'g') => new RegExp(src, flags);

function hamzaSeat(prev, prevMarks, v, next) {
  const has = (str, cls) => re(`[${cls}]`, '').test(str);
  if (has(v, '\u064E') && next === 'ا') return 'ء'; // ءا → آ below (بـَٔايات → بآيات)
  if (has(v, '\u0650\u064D')) return 'ئ';
  if (prev === 'ي' && (!prevMarks || has(prevMarks, '\u0652\u06E1'))) return 'ئ'; // شيئا, السيئات
  if (has(prevMarks, '\u0650')) return 'ئ';
  if (has(v, '\u064F\u064C')) return 'ؤ'; // يؤوده
  if (has(prevMarks, '\u064F')) return 'ؤ';
  if (has(v, '\u064E\u064B')) return 'أ'; // يسألونك
  return 'ئ';
}

export function modernize(uthmani) {
  let s = uthmani.replace(/[\u200c\u200d\u2009\u06DE\u06E9]/g, ' ');
  // rule 2
  s = s.replace(/\u0671/g, 'ا').replace(/أ([\u064B-\u0652]*)\u0653/g, 'آ$1').replace(/\u0653/g, '');
  // rule 3: hamza seats
  s = s.replace(/ا\u0655/g, 'إ');
  s = s.replace(/اي([\u064B-\u0652]*)\u0655/g, 'اء$1');
  s = s.replace(/ي([\u064B-\u0652]*)\u0655/g, 'ئ$1').replace(/و([\u064B-\u0652]*)\u0655/g, 'ؤ$1');
  s = s.replace(/(.)([\u064B-\u0652\u06E1]*)\u0640([\u064B-\u0652]*)[\u0654\u0655]([\u064B-\u0652]*)(?=(.|$))/g,
    (_, prev, prevMarks, before, after, next) => prev + prevMarks + hamzaSeat(prev, prevMarks, before + after, next) + before + after);
  s = s.replace(/[\u0654\u0655]/g, '');
  // Uthmani final ؤُاْ (silent alef): الملؤا → الملأ, يبدؤا → يبدأ, after an alef جزاؤا → جزاء;
  // with dammatan (امرؤٌاْ) → امرؤ
  s = s.replace(/(.)([\u064B-\u0652\u06E1]*)ؤ([\u064F\u064C])ا\u0652/g,
    (_, prev, marks, v) => prev + marks + (v === '\u064C' ? 'ؤ' : prev === 'ا' ? 'ء' : 'أ'));
  // rule 4: dagger alef
  s = s.split(' ').map((w) => {
    w = w.replace(re(`^([وف]?)ي${H}\u0670`, ''), '$1يا ');
    w = w.replace(re(`ى(${H})\u0670(?=[\\u064B-\\u0652\\u0640\\u06D6-\\u06ED]*$)`, ''), 'ى$1');
    w = w.replace(re(`ى(${H})\u0670`), 'ا$1');
    w = w.replace(re(`و\u0670(${H})ا`), 'ا$1');
    w = w.replace(/و\u0670/g, 'ا');
    return w.replace(/\u0670/g, 'ا');
  }).join(' ');
  // rule 5
  s = s.replace(/\u06E7/g, 'ي').replace(MARKS, '').replace(/ءا/g, 'آ').replace(/أا/g, 'آ');
  // rule 6
  for (const [from, to] of HIDDEN_ALEF) s = s.replace(from, to);
  return s.replace(/\s+/g, ' ').trim();
}

export function loadQuran() {
  const require = createRequire(import.meta.url);
  const surahs = JSON.parse(fs.readFileSync(require.resolve('quran-json/dist/quran.json'), 'utf8'));
  const pad = (n) => String(n).padStart(3, '0');
  const verses = [];
  for (const s of surahs) for (const v of s.verses) verses.push({ id: `${pad(s.id)}-${pad(v.id)}`, title: `${s.name} ${v.id}`, text: v.text });
  return verses;
}

// Words that are not words: a lone letter (the disjoint letters الم, ن, ق are kept whole only when
// they are 2+ letters long), or anything with a non-Arabic character left.
const isWord = (w) => /^[\u0621-\u064A]{2,}$/.test(w);

export function generateQueries(verses = loadQuran()) {
  const rand = prng(SEED);
  const pick = (n) => Math.floor(rand() * n);
  const modern = verses.map((v) => modernize(v.text).split(' '));
  const seen = new Set();
  const out = [];
  const take = (kind, q, id) => {
    if (seen.has(q)) return false;
    seen.add(q);
    out.push({ kind, q, from: id });
    return true;
  };
  let guard = 0;
  while (out.filter((x) => x.kind === 'word').length < N_SINGLE && guard++ < 100000) {
    const i = pick(verses.length);
    const ws = modern[i];
    const w = ws[pick(ws.length)];
    if (isWord(w) && w.length >= 3) take('word', w, verses[i].id);
  }
  guard = 0;
  while (out.filter((x) => x.kind === 'pair').length < N_PAIR && guard++ < 100000) {
    const i = pick(verses.length);
    const ws = modern[i];
    if (ws.length < 2) continue;
    const j = pick(ws.length - 1);
    if (isWord(ws[j]) && isWord(ws[j + 1])) take('pair', `${ws[j]} ${ws[j + 1]}`, verses[i].id);
  }
  return out;
}

export function formatQueries(qs) {
  const head = [
    '# Zero-hit log queries for the Quran corpus: generated by tests/quality/quran-zero-hit.mjs',
    `# (mulberry32 seed ${SEED}; ${N_SINGLE} single words and ${N_PAIR} adjacent pairs, modern spelling).`,
    '# One query per line: <kind>\\t<source verse>\\t<query>. Regenerate with: node tests/quality/quran-zero-hit.mjs',
  ];
  return `${head.join('\n')}\n${qs.map((x) => `${x.kind}\t${x.from}\t${x.q}`).join('\n')}\n`;
}

export function readQueries(file = QUERIES_FILE) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const [kind, from, q] = l.split('\t');
    return { kind, from, q };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = formatQueries(generateQueries());
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(QUERIES_FILE) && fs.readFileSync(QUERIES_FILE, 'utf8') === text;
    console.log(same ? 'quran-queries.txt is up to date' : 'quran-queries.txt differs from the generator output');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(QUERIES_FILE, text);
  console.log(`wrote ${text.split('\n').filter((l) => l && !l.startsWith('#')).length} queries to ${QUERIES_FILE}`);
}
