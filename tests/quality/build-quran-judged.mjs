#!/usr/bin/env node
// Builds tests/quality/quran.json, the judged queries over the Quran corpus (one document per verse,
// made by scripts/quran-to-corpus.mjs), by LOOKING UP the verses in the package text — nothing is
// guessed. Each spec below says which surface forms make a verse relevant ("rel", a sequence of
// adjacent token patterns in the modern spelling produced by quran-zero-hit.mjs's modernize()), and
// for the conflation checks which verses must not come back ("not"). Patterns are matched against
// tokens folded the way every Arabic search engine folds them (أإآ→ا, ة→ه, ى→ي), anchored, and may
// carry proclitics only where the pattern says so.
//
//   node tests/quality/build-quran-judged.mjs     (rewrites tests/quality/quran.json)
//
// quran.json is the source of truth for the tests; this script documents how it was made.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuran, modernize } from './quran-zero-hit.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const fold = (w) => w.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
const CL = '(?:و|ف)?(?:ب|ل|ك)?'; // proclitics
const ART = '(?:ال|ل)?';

const verses = loadQuran().map((v) => ({ ...v, toks: [...modernize(v.text).split(' '), ...['|'], ...v.title.split(' ')].map(fold) }));
// The title tokens are appended after a '|' so that a phrase never spans text and title.

function matches(v, rel) {
  const pats = rel.map((p) => new RegExp(`^(?:${fold(p)})$`));
  for (let i = 0; i + pats.length <= v.toks.length; i++) {
    if (pats.every((p, j) => p.test(v.toks[i + j]))) return true;
  }
  return false;
}
const find = (rel) => verses.filter((v) => matches(v, rel)).map((v) => v.id);
const findAll = (rels) => verses.filter((v) => rels.every((r) => matches(v, r))).map((v) => v.id);

const specs = [
  // --- famous verses: the words as a modern reader types them
  { q: 'الله لا إله إلا هو الحي القيوم', case: 'famous-verse', rel: ['الله', 'لا', 'إله', 'إلا', 'هو', 'الحي', 'القيوم'],
    note: 'opening of Ayat al-Kursi (2:255); 3:2 is exactly these words, so no rank-1 judgment here' },
  { q: 'الحي القيوم لا تأخذه سنة ولا نوم', case: 'famous-verse', rel: ['الحي', 'القيوم', 'لا', 'تأخذه', 'سنة', 'ولا', 'نوم'], rank1: '002-255', note: 'Ayat al-Kursi' },
  { q: 'وسع كرسيه السماوات والأرض', case: 'famous-verse', rel: ['وسع', 'كرسيه'], rank1: '002-255', note: 'Ayat al-Kursi; Uthmani ٱلسَّمَٰوَٰتِ' },
  { q: 'الحمد لله رب العالمين', case: 'fatiha', rel: [`${CL}الحمد`, 'لله', 'رب', 'العالمين'], rank1: '001-002', note: 'Uthmani ٱلۡعَٰلَمِينَ (dagger alef); 001-002 is exactly the query' },
  { q: 'بسم الله الرحمن الرحيم', case: 'fatiha', rel: ['بسم', 'الله', 'الرحمن', 'الرحيم'], rank1: '001-001', note: 'basmala; 27:30 contains it too' },
  { q: 'الرحمن الرحيم', case: 'fatiha', rel: ['الرحمن', 'الرحيم'], rank1: '001-003', note: 'Uthmani ٱلرَّحۡمَٰنِ: modern الرحمن keeps the alef hidden; 001-003 is exactly the query' },
  { q: 'مالك يوم الدين', case: 'fatiha', rel: ['مالك', 'يوم', 'الدين'], rank1: '001-004', note: 'Uthmani مَٰلِكِ (dagger alef → مالك)' },
  { q: 'إياك نعبد وإياك نستعين', case: 'fatiha', rel: ['إياك', 'نعبد'], rank1: '001-005', note: '' },
  { q: 'اهدنا الصراط المستقيم', case: 'fatiha', rel: ['اهدنا', 'الصراط', 'المستقيم'], rank1: '001-006', note: 'Uthmani ٱلصِّرَٰطَ' },
  { q: 'غير المغضوب عليهم ولا الضالين', case: 'fatiha', rel: ['المغضوب'], rank1: '001-007', note: '' },
  { q: 'قل هو الله أحد', case: 'famous-verse', rel: ['قل', 'هو', 'الله', 'أحد'], rank1: '112-001', note: '' },
  { q: 'ذلك الكتاب لا ريب فيه', case: 'famous-verse', rel: ['ذلك', 'الكتاب', 'لا', 'ريب', 'فيه'], rank1: '002-002', note: 'Uthmani ذَٰلِكَ ٱلۡكِتَٰبُ' },
  { q: 'إنا أعطيناك الكوثر', case: 'famous-verse', rel: ['أعطيناك', 'الكوثر'], rank1: '108-001', note: '' },
  { q: 'قل أعوذ برب الناس', case: 'famous-verse', rel: ['قل', 'أعوذ', 'برب', 'الناس'], rank1: '114-001', note: '' },
  { q: 'الله نور السماوات والأرض', case: 'famous-verse', rel: ['الله', 'نور', 'السماوات'], rank1: '024-035', note: 'Uthmani ٱلسَّمَٰوَٰتِ' },
  { q: 'فبأي آلاء ربكما تكذبان', case: 'famous-verse', rel: ['فبأي', 'آلاء', 'ربكما', 'تكذبان'], note: 'the refrain of al-Rahman, 31 verses' },
  { q: 'إنا لله وإنا إليه راجعون', case: 'famous-verse', rel: ['إنا', 'لله', 'وإنا', 'إليه', 'راجعون'], rank1: '002-156', note: '' },
  { q: 'حسبنا الله ونعم الوكيل', case: 'famous-verse', rel: ['حسبنا', 'الله', 'ونعم', 'الوكيل'], rank1: '003-173', note: '' },
  { q: 'لا إكراه في الدين', case: 'famous-verse', rel: ['لا', 'إكراه', 'في', 'الدين'], rank1: '002-256', note: '' },
  { q: 'وما خلقت الجن والإنس إلا ليعبدون', case: 'famous-verse', rel: ['خلقت', 'الجن', 'والإنس'], rank1: '051-056', note: '' },
  { q: 'إن مع العسر يسرا', case: 'famous-verse', rel: ['مع', 'العسر', 'يسرا'], note: '94:5 and 94:6' },
  { q: 'كهيعص', case: 'famous-verse', rel: ['كهيعص'], rank1: '019-001', note: 'disjoint letters, Uthmani كٓهيعٓصٓ (maddah marks)' },
  { q: 'يا أيها الذين آمنوا', case: 'phrase', rel: ['يا', 'أيها', 'الذين', 'آمنوا'], note: 'Uthmani writes the vocative glued: يَٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوٓاْ' },
  { q: 'يا قوم', case: 'phrase', rel: [`${CL}يا`, 'قوم|قومي|قومنا'], note: 'Uthmani يَٰقَوۡمِ is one word' },
  { q: 'الحياة الدنيا', case: 'phrase', rel: [`${CL}${ART}حياة`, 'الدنيا'], note: 'Uthmani ٱلۡحَيَوٰةَ (waw with dagger alef → ا)' },
  { q: 'السماوات والأرض', case: 'phrase', rel: [`${CL}${ART}سماوات`, `${CL}الأرض`], note: 'Uthmani ٱلسَّمَٰوَٰتِ وَٱلۡأَرۡضَ' },
  // --- single words (relevant: every verse with the word, with proclitics and attached pronouns)
  { q: 'الصلاة', case: 'word', rel: [`(?:أ)?${CL}${ART}(?:صلاة|صلات(?:ي|ك|ه|هم|كم)|صلوات|صلواتهم)`], note: 'Uthmani ٱلصَّلَوٰةَ' },
  { q: 'الزكاة', case: 'word', rel: [`${CL}${ART}زكاة`], note: 'Uthmani ٱلزَّكَوٰةَ' },
  { q: 'الكتاب', case: 'word', rel: [`${CL}${ART}كتاب(?:ا|ه|ك|هم|ها|نا|ي|يه|كم)?`], note: 'Uthmani ٱلۡكِتَٰبُ' },
  { q: 'هذا', case: 'word', rel: [`${CL}هذا`], note: 'Uthmani هَٰذَا: modern spelling keeps the alef hidden' },
  { q: 'ذلك', case: 'word', rel: [`${CL}ذلك(?:م|ما|ن)?`], note: 'Uthmani ذَٰلِكَ' },
  { q: 'إبراهيم', case: 'word', rel: [`${CL}إبراهيم`], note: 'Uthmani إِبۡرَٰهِـۧمَ (dagger alef, tatweel, small high yeh)' },
  { q: 'آمنوا', case: 'word', rel: [`${CL}آمنوا`], note: 'Uthmani ءَامَنُواْ (hamza + alef = آ)' },
  { q: 'شيئا', case: 'word', rel: [`${CL}(?:شيئا|شيء)`], note: 'Uthmani شَيۡـٔٗا (hamza on a tatweel); شيء is the same word' },
  { q: 'السموات', case: 'spelling', rel: [`${CL}${ART}سماوات`], note: 'the older print spelling without the second alef' },
  { q: 'موسى', case: 'word', rel: [`${CL}موسى`], note: 'Uthmani مُوسَىٰ (alef maqsura + dagger alef)' },
  // --- as-you-type
  { q: 'القيو', case: 'as-you-type', rel: ['القيوم'], note: 'prefix of القيوم (2:255, 3:2, 20:111)' },
  { q: 'الكوث', case: 'as-you-type', rel: ['الكوثر'], rank1: '108-001', note: 'prefix of الكوثر' },
  { q: 'بسم الله الرح', case: 'as-you-type', rel: ['بسم', 'الله', 'الرحمن'], note: 'basmala being typed (001-001, 027-030)' },
  { q: 'إبراهي', case: 'as-you-type', rel: [`${CL}إبراهيم`], note: 'prefix of إبراهيم' },
  // --- titles (first line of each document: "<surah name> <verse>")
  { q: 'الفاتحة', case: 'title', rel: ['\\|', 'الفاتحة'], note: 'surah name: only in the 7 titles' },
  { q: 'الإخلاص', case: 'title', rel: ['\\|', 'الإخلاص'], note: 'surah name: only in the 4 titles' },
  { q: 'البقرة 255', case: 'title', rel: ['\\|', 'البقرة', '255'], rank1: '002-255', note: 'title of Ayat al-Kursi' },
  // --- must-not-conflate (trailing space: no as-you-type prefix)
  { q: 'إلى ', case: 'conflate', rel: [`${CL}إلى`], not: { has: [`${CL}إلا`], lacks: [`${CL}إلى`] },
    note: 'must not return a verse that has إلا but not إلى (ى/ا folding)' },
  { q: 'إلا ', case: 'conflate', rel: [`${CL}إلا`], not: { has: [`${CL}إلى`], lacks: [`${CL}إلا`] },
    note: 'must not return a verse that has إلى but not إلا' },
  { q: 'علا ', case: 'conflate', rel: ['(?:و|ف)?(?:ل)?علا'], not: { has: [`${CL}على`], lacks: ['(?:و|ف)?(?:ل)?علا'] },
    note: 'علا (rose high, 23:91, 28:4; not بعلا = Baal) vs على (on): verses with only على must not come back' },
];

const out = [];
for (const s of specs) {
  const must = find(s.rel);
  if (!must.length) throw new Error(`${s.q}: no verse matches ${s.rel.join(' ')}`);
  if (s.rank1 && !must.includes(s.rank1)) throw new Error(`${s.q}: rank1 ${s.rank1} is not relevant`);
  const e = { q: s.q, must, must_not: [], case: s.case, note: s.note };
  if (s.rank1) e.rank1 = s.rank1;
  if (s.not) {
    const has = new Set(find(s.not.has));
    const lacks = new Set(find(s.not.lacks));
    e.must_not = [...has].filter((id) => !lacks.has(id));
  }
  e.relevant_forms = s.rel;
  out.push(e);
}
fs.writeFileSync(path.join(HERE, 'quran.json'), `[\n${out.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
for (const e of out) console.log(`${String(e.must.length).padStart(4)} must ${String(e.must_not.length).padStart(4)} must_not ${e.rank1 ? `rank1 ${e.rank1}` : '           '}  ${e.q}`);
console.log(`${out.length} queries written to tests/quality/quran.json`);
