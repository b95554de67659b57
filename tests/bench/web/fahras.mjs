// fahras: the wasm-bindgen `--target web` package sits next to the page in ./pkg/ (not bundled,
// fetched as the browser would: pkg/fahras.js + pkg/fahras_bg.wasm with index and documents inside).
import init, { search } from './pkg/fahras.js';

export async function load() {
  await init();
  return {
    search(q, k) {
      return search(q, { limit: k }).hits.map((h) => ({ id: h.id, title: h.title }));
    },
  };
}
