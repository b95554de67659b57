// Shared logic of the search-quality runners (seeds.test.mjs, quran.test.mjs, quran-zero-hit.test.mjs).
// Definitions of the figures are in tests/quality/README.md; in short, per query with a non-empty `must`:
//   recall@10 = |top10 ∩ must| / min(10, |must|)     (= |top10 ∩ must| / |must| whenever |must| <= 10)
//   P@5       = |top5 ∩ must| / min(5, |must|)        (the must list is the relevant set)
//   RR        = 1 / rank of the first must id in the top 10, 0 if none
// and for every query: must_not violations = |top10 ∩ must_not|; rank-1 miss when `rank1` is given and
// the first hit is another document. Averages are over the queries that have a `must` list.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const QUALITY = path.join(ROOT, 'tests', 'quality');

export const THRESHOLDS = { recall10: 0.98, p5: 0.9, mustNotViolations: 0, rank1: 0.9 };

// Load a wasm-bindgen `--target web` package from a directory (fahras.js + fahras_bg.wasm) the way
// Node users do: import the glue, then initSync with the wasm bytes. A query string on the URL
// gives every package directory its own module instance.
export async function loadEngine(pkgDir = path.join(ROOT, 'www', 'pkg')) {
  const glue = path.join(pkgDir, 'fahras.js');
  const wasm = path.join(pkgDir, 'fahras_bg.wasm');
  if (!fs.existsSync(glue) || !fs.existsSync(wasm)) {
    throw new Error(`${pkgDir} has no fahras.js / fahras_bg.wasm: build it first (bash scripts/build-wasm.sh)`);
  }
  const mod = await import(`${pathToFileURL(glue).href}?pkg=${encodeURIComponent(pkgDir)}`);
  mod.initSync({ module: fs.readFileSync(wasm) });
  return mod;
}

export function loadJudged(file) {
  const entries = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a JSON array`);
  entries.forEach((e, i) => {
    if (typeof e.q !== 'string') throw new Error(`${file}[${i}]: q must be a string`);
    for (const k of ['must', 'must_not']) {
      if (e[k] !== undefined && !Array.isArray(e[k])) throw new Error(`${file}[${i}]: ${k} must be an array`);
    }
  });
  return entries.map((e) => ({ must: [], must_not: [], case: 'uncategorised', note: '', ...e }));
}

// Run one judged query. `search` is the engine's search(query, options).
export function evalQuery(entry, search, limit = 10) {
  let res;
  let error = null;
  try {
    res = search(entry.q, { limit });
  } catch (e) {
    error = String(e && e.message ? e.message : e);
    res = { hits: [], total: 0, relaxed: false };
  }
  const hits = res.hits.map((h) => h.id);
  // distinct ids, so that a duplicated hit cannot count twice
  const top10 = [...new Set(hits.slice(0, 10))];
  const top5 = [...new Set(hits.slice(0, 5))];
  const must = entry.must || [];
  const mustNot = entry.must_not || [];
  const row = {
    entry,
    hits: res.hits.slice(0, 10).map((h) => ({ id: h.id, score: h.score })),
    total: res.total,
    relaxed: !!res.relaxed,
    corrected: res.corrected,
    error,
    recall: null,
    p5: null,
    rr: null,
    violations: mustNot.filter((id) => top10.includes(id)),
    rank1Miss: entry.rank1 !== undefined ? hits[0] !== entry.rank1 : null,
  };
  if (must.length) {
    row.recall = top10.filter((id) => must.includes(id)).length / Math.min(10, must.length);
    row.p5 = top5.filter((id) => must.includes(id)).length / Math.min(5, must.length);
    const first = top10.findIndex((id) => must.includes(id));
    row.rr = first < 0 ? 0 : 1 / (first + 1);
  }
  row.failed = error !== null || (row.recall !== null && (row.recall < 1 || row.p5 < 1)) ||
    row.violations.length > 0 || row.rank1Miss === true;
  return row;
}

function aggregate(rows) {
  const judged = rows.filter((r) => r.recall !== null);
  const mean = (k) => (judged.length ? judged.reduce((s, r) => s + r[k], 0) / judged.length : NaN);
  const r1 = rows.filter((r) => r.rank1Miss !== null);
  return {
    queries: rows.length,
    judged: judged.length,
    recall10: mean('recall'),
    p5: mean('p5'),
    mrr: mean('rr'),
    violations: rows.reduce((s, r) => s + r.violations.length, 0),
    rank1: r1.length ? r1.filter((r) => !r.rank1Miss).length / r1.length : NaN,
    rank1Judged: r1.length,
    failed: rows.filter((r) => r.failed).length,
  };
}

export function evaluate(entries, search, limit = 10) {
  const rows = entries.map((e) => evalQuery(e, search, limit));
  const cases = [...new Set(entries.map((e) => e.case))];
  const byCase = Object.fromEntries(cases.map((c) => [c, aggregate(rows.filter((r) => r.entry.case === c))]));
  return { rows, byCase, overall: aggregate(rows) };
}

// Seed ids are "NNN_<hash>": show the number only. Other ids are shown whole.
export const shortId = (id) => (/^\d+_[0-9a-f]{8,}$/.test(id) ? id.split('_')[0] : id);

// Make invisible and presentation-form characters visible in the report.
export function showQuery(q) {
  return JSON.stringify(q).replace(/[\u00a0\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const fmt = (x) => (Number.isNaN(x) ? '   -  ' : x.toFixed(3).padStart(6));

export function formatTable(result, title) {
  const lines = [];
  lines.push(`${title}`);
  lines.push(`${'case'.padEnd(20)} ${'n'.padStart(4)} ${'recall@10'.padStart(9)} ${'P@5'.padStart(6)} ${'MRR'.padStart(6)} ${'must_not'.padStart(8)} ${'rank1'.padStart(6)} ${'failed'.padStart(6)}`);
  const line = (name, a) =>
    `${name.padEnd(20)} ${String(a.queries).padStart(4)} ${fmt(a.recall10).padStart(9)} ${fmt(a.p5)} ${fmt(a.mrr)} ${String(a.violations).padStart(8)} ${fmt(a.rank1)} ${String(a.failed).padStart(6)}`;
  for (const [c, a] of Object.entries(result.byCase)) lines.push(line(c, a));
  lines.push(line('OVERALL', result.overall));
  return lines.join('\n');
}

const idList = (ids, max = 8) =>
  (ids.length ? ids.slice(0, max).map(shortId).join(',') + (ids.length > max ? `,… (${ids.length})` : '') : '-');

// One block per failing query: why it failed, what was judged, and the top 10 hits marked
// + (in must), ! (in must_not) or ? (not judged), with scores.
export function formatFailures(result, max = 200) {
  const out = [];
  for (const r of result.rows.filter((x) => x.failed).slice(0, max)) {
    const e = r.entry;
    const mark = (id) => (e.must.includes(id) ? '+' : e.must_not.includes(id) ? '!' : '?');
    const got = r.hits.map((h) => `${mark(h.id)}${shortId(h.id)}(${Number(h.score).toFixed(2)})`).join(' ') || '(no hits)';
    const why = [];
    if (r.error) why.push(`threw: ${r.error}`);
    if (r.recall !== null && r.recall < 1) why.push(`recall ${r.recall.toFixed(2)}`);
    if (r.p5 !== null && r.p5 < 1) why.push(`P@5 ${r.p5.toFixed(2)}`);
    if (r.violations.length) why.push(`must_not in top 10: ${r.violations.map(shortId).join(',')}`);
    if (r.rank1Miss) why.push(`rank 1 should be ${shortId(e.rank1)}`);
    out.push(`  [${e.case}] ${showQuery(e.q)}  ${why.join('; ')}`);
    out.push(`      must=${idList(e.must)} must_not=${idList(e.must_not)}`);
    out.push(`      got (total ${r.total}${r.relaxed ? ', relaxed' : ''}${r.corrected ? `, corrected "${r.corrected}"` : ''}): ${got}`);
    if (e.note) out.push(`      note: ${e.note}`);
  }
  return out.join('\n');
}

// Assert the thresholds; returns a list of human-readable failures (empty when all pass).
export function checkThresholds(overall, t = THRESHOLDS) {
  const bad = [];
  if (!(overall.recall10 >= t.recall10)) bad.push(`recall@10 ${overall.recall10.toFixed(3)} < ${t.recall10}`);
  if (!(overall.p5 >= t.p5)) bad.push(`P@5 ${overall.p5.toFixed(3)} < ${t.p5}`);
  if (overall.violations > t.mustNotViolations) bad.push(`${overall.violations} must_not violations (allowed ${t.mustNotViolations})`);
  if (overall.rank1Judged && !(overall.rank1 >= t.rank1)) bad.push(`rank-1 accuracy ${overall.rank1.toFixed(3)} < ${t.rank1}`);
  return bad;
}
