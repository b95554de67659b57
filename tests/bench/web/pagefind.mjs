// Pagefind: its own indexer ran over one HTML page per document (lang="ar"); the browser imports
// ./pagefind/pagefind.js, which fetches its wasm, metadata, index chunks and, for the hits shown,
// fragments. An "answer" = search() + data() of the top k hits, as a results list needs titles.
export async function load() {
  const pagefindUrl = './pagefind/pagefind.js';
  const pf = await import(/* @vite-ignore */ pagefindUrl);
  // The bench's memory probe (mem=1) keeps Pagefind on the main thread so its heap and wasm memory
  // can be read; every timing uses Pagefind's default web worker.
  if (new URLSearchParams(location.search).has('mem')) await pf.options({ noWorker: true });
  await pf.init();
  const idOf = (url) => decodeURIComponent(url.split('/').pop().replace(/\.html$/, ''));
  return {
    async search(q, k) {
      const s = await pf.search(q);
      if (!s || !s.results) return [];
      const data = await Promise.all(s.results.slice(0, k).map((r) => r.data()));
      return data.map((d) => ({ id: idOf(d.url), title: d.meta && d.meta.title }));
    },
  };
}
