// openIndex(path): a site `fahras build` wrote, searched from Node.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { SECTION } from '../dist/fahras.js';

const OWN_GLUE = fileURLToPath(new URL('../dist/engine.js', import.meta.url));
let instances = 0;

/**
 * Opens the output folder of `fahras build` (or its `pkg/fahras_bg.wasm`). Resolves to
 * `{ search, get }`, the browser's functions, each engine with a wasm instance of its own.
 */
export async function openIndex(where) {
  if (typeof where !== 'string' || where === '') {
    throw new TypeError(`openIndex: path must be a string, got ${where === null ? 'null' : typeof where}`);
  }
  const file = fs.statSync(where, { throwIfNoEntry: false })?.isDirectory()
    ? path.join(where, 'pkg', 'fahras_bg.wasm')
    : where;
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new Error(`openIndex: ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  }
  const module = await WebAssembly.compile(bytes);
  const [section] = WebAssembly.Module.customSections(module, SECTION);
  if (!section) throw new Error(`openIndex: ${file} has no ${SECTION} section: it was not written by fahras build`);
  // The glue written beside the wasm matches its imports; the package's own is the fallback.
  const beside = path.join(path.dirname(file), 'engine.js');
  const glue = fs.existsSync(beside) ? beside : OWN_GLUE;
  // A module URL of its own per engine: ES modules are cached by URL, and the glue holds one instance.
  const engine = await import(`${pathToFileURL(glue).href}?instance=${++instances}`);
  engine.initSync({ module });
  engine.load(new Uint8Array(section));
  return { search: engine.search, get: engine.get };
}
