// openIndex(path): a site `fahras build` wrote, searched from Node.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { SECTION } from '../dist/fahras.js';

const OWN_GLUE = fileURLToPath(new URL('../dist/engine.js', import.meta.url));
let instances = 0;

/** `fetch` for file: URLs, so the browser's split loader reads a folder from Node. */
export async function fetchFile(url) {
  try {
    const bytes = await fs.promises.readFile(fileURLToPath(url));
    const type = String(url).endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(bytes, { headers: { 'content-type': type } });
  } catch (err) {
    return new Response(null, { status: err.code === 'ENOENT' ? 404 : 500 });
  }
}

/**
 * Opens the output folder of `fahras build` (or its `pkg/fahras_bg.wasm`). Resolves to
 * `{ search, get }`, the browser's functions, each engine with a wasm instance of its own. A
 * `--split` build's `search` and `get` return promises, as in the browser, and one process opens
 * one split index.
 */
export async function openIndex(where) {
  if (typeof where !== 'string' || where === '') {
    throw new TypeError(`openIndex: path must be a string, got ${where === null ? 'null' : typeof where}`);
  }
  const splitIndex = path.join(where, 'pkg', 'index');
  if (fs.existsSync(path.join(splitIndex, 'manifest.json'))) {
    // The package's own loader and engine, which are what the build copied: the copies may sit
    // in a folder Node reads as CommonJS.
    const loader = await import(new URL('../dist/split/fahras.js', import.meta.url).href);
    const engine = await loader.open(pathToFileURL(splitIndex), { fetch: fetchFile });
    return { search: engine.search, get: engine.get };
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
  // The package's own glue, which the build copied beside the wasm: the copy may sit where Node
  // reads .js as CommonJS (a project whose package.json says "type": "commonjs"). A module URL of
  // its own per engine: ES modules are cached by URL, and the glue holds one instance.
  const engine = await import(`${pathToFileURL(OWN_GLUE).href}?instance=${++instances}`);
  engine.initSync({ module });
  engine.load(new Uint8Array(section));
  return { search: engine.search, get: engine.get };
}
