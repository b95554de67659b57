#!/usr/bin/env node
// Where a build's bytes go: raw and brotli-11 sizes of files, and of the sections of a fahras index
// (layout in src/index/mod.rs: the section table starts at byte 20).
//
//   node scripts/sizes.mjs FILE... [--index INDEX_BIN --wasm WASM] [--split INDEX_DIR]
//
// With --index, the index's sections are listed, and with --wasm too, the code's share: the wasm's
// brotli size less the index's (each compressed alone, so the split is close, not exact). With
// --split, the files of a split index (src/split) by kind: core, postings chunks, fragments.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const SECTIONS = [
  'DOCS', 'STRINGS', 'TERMS', 'POSTINGS', 'WORDS', 'IDS', 'REFS', 'REF_DOCS', 'STEMS', 'STEM_AFFIXES', 'AFFIXES',
];

export const brotli = (buf) => zlib.brotliCompressSync(buf, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

// { core, p, d }: { files, raw, br } of the split index files in `dir`, each compressed alone as a
// host compresses each response.
export function splitFiles(dir) {
  const kinds = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.bin'))) {
    const buf = fs.readFileSync(path.join(dir, name));
    const k = (kinds[name.split('.')[0]] ??= { files: 0, raw: 0, br: 0 });
    k.files++; k.raw += buf.length; k.br += brotli(buf);
  }
  return kinds;
}

// { NAME: { raw, br } } for each section of the index bytes `b`, or null if they are not an index.
export function indexSections(b) {
  const header = 20 + 8 * SECTIONS.length;
  if (b.length < header || b.toString('latin1', 0, 4) !== 'FHRS') return null;
  const out = {};
  for (let i = 0; i < SECTIONS.length; i++) {
    const off = b.readUInt32LE(20 + 8 * i), len = b.readUInt32LE(24 + 8 * i);
    if (off + len > b.length) return null;
    out[SECTIONS[i]] = { raw: len, br: brotli(b.subarray(off, off + len)) };
  }
  return out;
}

function main(argv) {
  const opt = (name) => { const i = argv.indexOf(name); return i < 0 ? null : argv.splice(i, 2)[1]; };
  const indexFile = opt('--index'), wasmFile = opt('--wasm'), splitDir = opt('--split');
  const row = (name, r, c) => console.log(`${name.padEnd(16)} ${String(r).padStart(9)} B raw ${String(c).padStart(8)} B brotli-11`);
  let raw = 0, comp = 0;
  for (const f of argv) {
    const buf = fs.readFileSync(f), c = brotli(buf);
    raw += buf.length; comp += c;
    row(path.basename(f), buf.length, c);
  }
  if (argv.length > 1) row('total', raw, comp);
  if (splitDir) {
    const manifest = JSON.parse(fs.readFileSync(path.join(splitDir, 'manifest.json'), 'utf8'));
    const kinds = splitFiles(splitDir);
    const names = { core: 'core', p: 'postings chunks', d: 'fragments' };
    console.log(`split index in ${splitDir}: ${manifest.files} files for ${manifest.documents} documents (each compressed alone):`);
    for (const [k, label] of Object.entries(names)) if (kinds[k]) row(`  ${kinds[k].files} ${label}`, kinds[k].raw, kinds[k].br);
  }
  if (!indexFile) return;
  const index = fs.readFileSync(indexFile);
  const sections = indexSections(index);
  if (!sections) throw new Error(`${indexFile} is not a fahras index`);
  console.log('index sections (each compressed alone):');
  for (const [name, s] of Object.entries(sections)) row(`  ${name}`, s.raw, s.br);
  const whole = brotli(index);
  row('  index', index.length, whole);
  if (wasmFile) {
    const wasm = fs.readFileSync(wasmFile);
    row('code and tables', wasm.length - index.length, brotli(wasm) - whole);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try { main(process.argv.slice(2)); } catch (e) { console.error(`sizes: ${e.message}`); process.exit(1); }
}
