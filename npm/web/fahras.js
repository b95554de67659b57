// The browser module of a site `fahras build` wrote: the prebuilt engine (engine.js, its
// wasm-bindgen glue) with this corpus's index, which the build appended to fahras_bg.wasm as the
// custom section `fahras.index`. Same surface as the embedded build's pkg/fahras.js: await the
// default export once, then call `search(query, options?)` and `get(id, query?)`.
import init, { search, get, load } from './engine.js';

export { search, get };

export const SECTION = 'fahras.index';

let ready;

/** Loads the engine and its index, once: `input` is the .wasm's URL (default: beside this file),
 * a Response, its bytes or a compiled WebAssembly.Module. A failed load can be tried again. */
export default function start(input = new URL('fahras_bg.wasm', import.meta.url)) {
  ready ??= open(input).catch((err) => {
    ready = undefined;
    throw err;
  });
  return ready;
}

async function open(input) {
  const module = await compile(input);
  await init({ module_or_path: module });
  const [section] = WebAssembly.Module.customSections(module, SECTION);
  if (!section) throw new Error(`the engine has no ${SECTION} section: build it with \`fahras build\``);
  load(new Uint8Array(section));
}

async function compile(input) {
  if (input instanceof WebAssembly.Module) return input;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return WebAssembly.compile(input);
  const response = input instanceof Response ? input : await fetch(input);
  if (!response.ok) throw new Error(`${response.url || input}: HTTP ${response.status}`);
  // compileStreaming insists on application/wasm, which not every host sends.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
