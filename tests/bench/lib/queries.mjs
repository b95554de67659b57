// Query logs. The Quran word log comes from the quality helper (tests/quality/quran-queries.txt);
// the synthetic log is a fixed, seeded sample of the corpus, so every engine gets the same queries.
import fs from 'node:fs';
import path from 'node:path';
import { prng } from '../../lib/prng.mjs';
import { readJudged } from './quality.mjs';

export function readWordLog(repo) {
  const f = path.join(repo, 'tests', 'quality', 'quran-queries.txt');
  if (!fs.existsSync(f)) return null;
  // One query per line: <kind>\t<source verse>\t<query>; '#' lines are comments.
  return fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').pop().trim()).filter(Boolean);
}

// How a person types: no diacritics or Quranic marks, plain alef for alef wasla.
const typed = (w) => w.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/\u0671/g, '\u0627').replace(/\u0640/g, '');

// n queries: 60% one word, 25% two consecutive words, 15% a 3-5 letter prefix (as-you-type).
export function syntheticLog(docs, n = 200, seed = 42) {
  const r = prng(seed);
  const out = [];
  const seen = new Set();
  let guard = 0;
  while (out.length < n && guard++ < n * 50) {
    const d = docs[Math.floor(r() * docs.length)];
    const words = `${d.title} ${d.text}`.split(/[^\p{L}\p{M}\p{N}]+/u).map(typed).filter((w) => /\p{L}{3,}/u.test(w));
    if (words.length < 2) continue;
    const i = Math.floor(r() * (words.length - 1));
    const x = r();
    let q;
    if (x < 0.6) q = words[i];
    else if (x < 0.85) q = `${words[i]} ${words[i + 1]}`;
    else {
      const w = words[i];
      if (w.length < 5) continue;
      q = w.slice(0, 3 + Math.floor(r() * 3));
    }
    if (seen.has(q)) continue;
    seen.add(q);
    out.push(q);
  }
  return out;
}

// Which logs each corpus gets: its judged set (tests/quality/<name>.json), the Quran word log for
// the Quran-text corpora, else a synthetic log of that many queries.
const LOGS = {
  seeds: { judged: 'seeds', synthetic: 200 },
  quran: { judged: 'quran', words: true },
  passages: { words: true },
  bukhari: { synthetic: 300 },
};

// The queries one corpus is measured with. Latency log: the judged queries, then the word log where
// it applies, else the synthetic one, at most `max`; zero-hit log: the word or synthetic log.
export async function queryLogs(corpus, docs, { repo, max }) {
  const spec = LOGS[corpus];
  if (!spec) throw new Error(`no query logs defined for corpus ${corpus}`);
  const judged = spec.judged ? await readJudged(spec.judged) : null;
  const words = spec.words ? readWordLog(repo) : null;
  const synth = words?.length ? [] : syntheticLog(docs, spec.synthetic ?? 200);
  const base = words?.length ? words : synth;
  return {
    judged,
    wordLog: words ? words.length : 0,
    synth: synth.length,
    latencyQueries: [...new Set([...(judged || []).map((c) => c.q), ...base])].slice(0, max),
    latencyLog: words?.length ? 'tests/quality/quran-queries.txt' : 'synthetic (seeded sample of the corpus)',
    zeroHit: base,
    zeroHitLog: words?.length ? 'quran-queries.txt' : 'synthetic',
  };
}
