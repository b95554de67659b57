// Quality on the judged sets, scored by the quality helper's own code (tests/quality/metrics.mjs:
// loadJudged + evaluate), so the bench and the quality tests cannot disagree on a definition.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const QUALITY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'quality');
const METRICS = path.join(QUALITY, 'metrics.mjs');

export function metricsSource() {
  return fs.existsSync(METRICS) ? 'tests/quality/metrics.mjs' : null;
}

async function metrics() {
  return fs.existsSync(METRICS) ? import(pathToFileURL(METRICS).href) : null;
}

// tests/quality/<name>.json through metrics.loadJudged, or null when either is missing.
export async function readJudged(name) {
  const f = path.join(QUALITY, `${name}.json`);
  const m = await metrics();
  if (!m || !fs.existsSync(f)) return null;
  return m.loadJudged(f);
}

// entries: loadJudged() output; ranked[i]: the ids an engine returned for entries[i].q, best first.
// Returns metrics.evaluate()'s overall figures { recall10, p5, mrr, judged, violations, ... }.
export async function scoreRuns(entries, ranked, k) {
  const m = await metrics();
  if (!m) return null;
  let i = 0;
  // evaluate() calls search once per entry, in order; replay the engine's recorded answers.
  const replay = () => {
    const ids = ranked[i++] || [];
    return { hits: ids.map((id, r) => ({ id, score: ids.length - r })), total: ids.length, relaxed: false };
  };
  const res = m.evaluate(entries, replay, k);
  if (i !== entries.length) throw new Error(`metrics.evaluate called search ${i} times for ${entries.length} entries`);
  const byCase = Object.fromEntries(Object.entries(res.byCase).map(([c, a]) => [c, { recall10: a.recall10, judged: a.judged }]));
  return { ...res.overall, n: res.overall.judged, byCase };
}
