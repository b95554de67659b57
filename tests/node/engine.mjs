// Loads the built engine (www/pkg, from scripts/build-wasm.sh) the way Node users do:
// initSync with the .wasm bytes. `instance` gives a separate module instance (its own wasm memory),
// so a test can start from a fresh heap.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = path.join(ROOT, 'www', 'pkg');
export const SEEDS = path.join(ROOT, 'seeds');

export async function loadEngine(instance = '') {
  const glue = path.join(PKG, 'fahras.js');
  const wasmPath = path.join(PKG, 'fahras_bg.wasm');
  if (!fs.existsSync(glue) || !fs.existsSync(wasmPath)) {
    throw new Error(`${PKG} has no fahras.js/fahras_bg.wasm: run scripts/build-wasm.sh (or make wasm) first`);
  }
  const url = new URL(`../../www/pkg/fahras.js${instance ? `?instance=${encodeURIComponent(instance)}` : ''}`, import.meta.url);
  const mod = await import(url.href);
  const wasm = mod.initSync({ module: fs.readFileSync(wasmPath) });
  return { search: mod.search, get: mod.get, wasm, memory: wasm.memory };
}

// The seed documents: id = file stem, text = the file's bytes decoded as UTF-8.
export function seedDocs() {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, -'.txt'.length), text: fs.readFileSync(path.join(SEEDS, f)).toString('utf8') }));
}

// Arabic diacritics (harakat, tanwin, shadda, sukun).
export const stripDiacritics = (s) => s.replace(/[\u064B-\u0652]/g, '');

// The engine returns a seed's text as indexed: the file itself, or, for a web page copied with
// its site chrome (comment form, "back to top", related links), the file without those lines.
// So: equal to the file, or the file's lines in order with only chrome lines left out.
const CHROME = /^(اترك تعليقاً|زر الذهاب إلى الأعلى|مقالات ذات صلة|لن يتم نشر عنوان بريدك الإلكتروني)/;
export function isSeedText(text, file) {
  if (text === file) return true;
  const fileLines = file.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!fileLines.some((l) => CHROME.test(l))) return false;
  let i = 0;
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    while (i < fileLines.length && fileLines[i] !== line) i += 1;
    if (i === fileLines.length) return false;
    i += 1;
  }
  return !text.split('\n').some((l) => CHROME.test(l.trim())) && text.length > file.length / 2;
}
