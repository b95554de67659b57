// Page script: load the engine, answer the first query (?q=...), publish the adapter on
// window.__engine for the harness. Bundled per engine with esbuild into the site's app.js.
export function run(load) {
  (async () => {
    try {
      const q = new URLSearchParams(location.search).get('q') || '';
      const engine = await load();
      let hits = engine.search(q, 10);
      if (hits && typeof hits.then === 'function') hits = await hits;
      window.__first = { t: performance.now(), n: hits.length, top: hits.slice(0, 3) };
      window.__engine = engine;
    } catch (e) {
      window.__first = { error: String((e && e.stack) || e) };
    }
  })();
}
