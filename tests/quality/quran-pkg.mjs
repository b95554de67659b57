// The Quran as a fahras package, for the tests that search it through the wasm:
//   node scripts/quran-to-corpus.mjs target/quran-corpus
//   FAHRAS_CORPUS=$PWD/target/quran-corpus CARGO_TARGET_DIR=target/quran bash scripts/build-wasm.sh target/quran-pkg
// (skipped when target/quran-pkg is newer than every engine source; FAHRAS_QURAN_REBUILD=1 forces it).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, loadEngine } from './metrics.mjs';

export const CORPUS = path.join(ROOT, 'target', 'quran-corpus');
export const PKG = path.join(ROOT, 'target', 'quran-pkg');
const SOURCES = ['src', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'scripts/build-wasm.sh', 'scripts/quran-to-corpus.mjs'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function run(cmd, args, env = {}) {
  console.log(`$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with status ${r.status}`);
}

function build() {
  const wasm = path.join(PKG, 'fahras_bg.wasm');
  const sources = Math.max(...SOURCES.map((p) => newestMtime(path.join(ROOT, p))));
  const stale = !fs.existsSync(path.join(PKG, 'fahras.js')) || newestMtime(wasm) < sources || process.env.FAHRAS_QURAN_REBUILD === '1';
  if (!stale) {
    console.log(`quran: using ${PKG} (newer than the engine sources)`);
    return;
  }
  run('node', ['scripts/quran-to-corpus.mjs', CORPUS]);
  run('bash', ['scripts/build-wasm.sh', PKG], { FAHRAS_CORPUS: CORPUS, CARGO_TARGET_DIR: path.join(ROOT, 'target', 'quran') });
}

/** The Quran engine ({ search, get }), built first when its package is stale. */
export async function quranEngine() {
  build();
  return loadEngine(PKG);
}
