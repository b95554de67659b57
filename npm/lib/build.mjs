// build({ input, out, split }): the same readers, analysis and index writer as the Rust build
// script (the `indexer` wasm), and the prebuilt engine given the index as a custom section, or,
// with `split`, the split index's files (src/split) beside it: no compiler.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { appendSection } from './section.mjs';
import { SECTION } from '../dist/fahras.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** What a site copies, from dist/ to out/: [source, destination]. */
const COPIED = [
  ['engine.js', 'pkg/engine.js'],
  ['fahras-search.js', 'fahras-search.js'],
  ['fahras-search.css', 'fahras-search.css'],
];
/** The split build's own: the engine with the split index's state, and its loader. */
const SPLIT_COPIED = [
  ['split/fahras.js', 'pkg/fahras.js'],
  ['split/engine.js', 'pkg/engine.js'],
  ['split/engine_bg.wasm', 'pkg/engine_bg.wasm'],
];
/** The name of the virtual file custom records are read as: line N is record N. */
const RECORDS = 'records.jsonl';

let indexer;
/** The indexer wasm's module: `Indexer` and `splitIndex`. */
async function indexerModule() {
  if (!indexer) {
    const mod = await import(new URL('../dist/indexer.js', import.meta.url).href);
    mod.initSync({ module: fs.readFileSync(path.join(DIST, 'indexer_bg.wasm')) });
    indexer = mod;
  }
  return indexer;
}

const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
// Messages name paths as the caller gave them, `/`-separated on every system.
const slash = (p) => p.split(path.sep).join('/');

/** The files under `dir` in path order, hidden ones left out: as the Rust readers list them.
 * The folder `skip` (the output, when it is inside the corpus: `build public --out public/fahras`)
 * is left out too, so a second build does not read the first one's files. */
function listFiles(dir, skip, out = []) {
  const names = fs.readdirSync(dir).filter((n) => !n.startsWith('.'));
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) {
    const file = path.join(dir, name);
    if (path.resolve(file) === skip) continue;
    if (fs.statSync(file).isDirectory()) listFiles(file, skip, out);
    else out.push(file);
  }
  return out;
}

function readRecords(ix, records, onProgress) {
  const lines = records.map((r, i) => {
    if (kind(r) !== 'object') throw new TypeError(`build: input[${i}] must be an object, got ${kind(r)}`);
    return JSON.stringify(r);
  });
  const bytes = Buffer.from(lines.join('\n'));
  ix.add(RECORDS, bytes);
  onProgress?.({ phase: 'read', files: 1, totalFiles: 1, bytes: bytes.length, totalBytes: bytes.length });
}

function readCorpus(ix, input, isDir, out, onProgress) {
  const files = isDir ? listFiles(input, path.resolve(out)) : [input];
  const wanted = files.map((f) => ix.wants(slash(f)));
  const sizes = files.map((f, i) => (wanted[i] ? fs.statSync(f).size : 0));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const totalFiles = wanted.filter(Boolean).length;
  ix.checkSize(totalBytes);
  let bytes = 0;
  let done = 0;
  // In path order, skipped files too, so the warnings come as the Rust build gives them.
  files.forEach((file, i) => {
    ix.add(slash(file), wanted[i] ? fs.readFileSync(file) : new Uint8Array());
    if (!wanted[i]) return;
    bytes += sizes[i];
    onProgress?.({ phase: 'read', files: ++done, totalFiles, bytes, totalBytes });
  });
}

/** Writes `bytes` to `file` through a file beside it, so a failed build leaves no half file. */
function writeFile(file, bytes) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, bytes);
  fs.renameSync(`${file}.partial`, file);
}

/**
 * Indexes `input` (a corpus folder or file, or an array of records `{ id, title, text, url?,
 * date?, tags?, refs?, order? }`) and writes the site's files into `out`: with `split`, the
 * corpus-free engine and the index as files in `out/pkg/index/`, fetched on demand. Resolves to
 * `{ documents, warnings, files, wasmBytes }`; rejects with the readers' message (file, line,
 * reason) for a bad corpus.
 */
export async function build({ input, out, split = false, onProgress } = {}) {
  if (typeof input !== 'string' && !Array.isArray(input)) {
    throw new TypeError(`build: input must be a path or an array of records, got ${kind(input)}`);
  }
  if (typeof out !== 'string' || out === '') throw new TypeError(`build: out must be a folder path, got ${kind(out)}`);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`build: onProgress must be a function, got ${kind(onProgress)}`);
  }
  if (typeof split !== 'boolean') throw new TypeError(`build: split must be a boolean, got ${kind(split)}`);
  const { Indexer: IndexerClass, splitIndex } = await indexerModule();
  let ix;
  if (Array.isArray(input)) {
    ix = new IndexerClass(RECORDS, false, split);
  } else {
    let stat;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      throw new Error(`${slash(input)}: ${err.code === 'ENOENT' ? 'no such file or folder' : err.message}`);
    }
    ix = new IndexerClass(slash(input), stat.isDirectory(), split);
  }
  let index, warnings, documents;
  let spent = false;
  try {
    if (Array.isArray(input)) readRecords(ix, input, onProgress);
    else readCorpus(ix, input, fs.statSync(input).isDirectory(), out, onProgress);
    warnings = ix.warnings();
    documents = ix.documents();
    onProgress?.({ phase: 'index', documents });
    spent = true;
    index = ix.finish();
  } finally {
    if (!spent) ix.free();
  }

  const files = [];
  const copy = (list) => {
    for (const [from, to] of list) {
      files.push(path.join(out, to));
      writeFile(files.at(-1), fs.readFileSync(path.join(DIST, from)));
    }
  };
  // Either build's files would be served beside the other's, and an older index's chunks too.
  fs.rmSync(path.join(out, 'pkg', 'index'), { recursive: true, force: true });
  fs.rmSync(path.join(out, 'pkg', split ? 'fahras_bg.wasm' : 'engine_bg.wasm'), { force: true });
  copy(COPIED);
  if (split) {
    copy(SPLIT_COPIED); // after COPIED: its engine.js is the split engine's
    for (const [name, bytes] of splitIndex(index)) { // the manifest last
      files.push(path.join(out, 'pkg', 'index', name));
      writeFile(files.at(-1), bytes);
    }
    return { documents, warnings, files, wasmBytes: fs.statSync(path.join(DIST, 'split', 'engine_bg.wasm')).size };
  }
  const wasm = appendSection(fs.readFileSync(path.join(DIST, 'engine_bg.wasm')), SECTION, index);
  files.unshift(path.join(out, 'pkg', 'fahras_bg.wasm'), path.join(out, 'pkg', 'fahras.js'));
  writeFile(files[0], wasm);
  writeFile(files[1], fs.readFileSync(path.join(DIST, 'fahras.js')));
  return { documents, warnings, files, wasmBytes: wasm.length };
}
