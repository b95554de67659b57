// fahras: the wasm-bindgen `--target web` package sits next to the page in ./pkg/ (not bundled,
// fetched as the browser would: pkg/fahras.js + pkg/fahras_bg.wasm with index and documents inside).
import init, { search } from './pkg/fahras.js';
import { fahrasAdapter } from './common.mjs';

export async function load() {
  await init();
  return fahrasAdapter(search);
}
