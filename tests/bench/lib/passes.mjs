// The query loops, shared by the browser (browser.mjs serialises them into the page) and Node
// (quick.mjs), so both time the same thing. They must stay self-contained: no imports, no closures.
// `eng` is an adapter of web/*.mjs: `search(q, k)` returns (or promises) `[{ id, title }]`.

// One warm-up pass (JIT, Pagefind chunk loads), then `passes` timed ones: per query, its times in ms.
export async function latencyPasses(eng, queries, passes, k) {
  const per = queries.map(() => []);
  for (let p = 0; p <= passes; p++) {
    for (let i = 0; i < queries.length; i++) {
      const t = performance.now();
      try {
        let r = eng.search(queries[i], k);
        if (r && typeof r.then === 'function') r = await r;
      } catch { /* errors are counted by resultIds */ }
      const dt = performance.now() - t;
      if (p > 0) per[i].push(dt);
    }
  }
  return per;
}

// latencyPasses for several engines: each pass over the log is run by every engine in turn,
// the order rotating from pass to pass, so that no engine always runs first (quick.mjs timed
// the row it had just built ~1.4x slower than the same build timed later), and `between()`
// (a GC) runs before each engine's pass. Per engine, per query, its times in ms.
export async function rotatingPasses(engs, queries, passes, k, between) {
  const per = engs.map(() => queries.map(() => []));
  for (let p = 0; p <= passes; p++) {
    for (let j = 0; j < engs.length; j++) {
      const e = (j + p) % engs.length;
      await between();
      for (let i = 0; i < queries.length; i++) {
        const t = performance.now();
        try {
          let r = engs[e].search(queries[i], k);
          if (r && typeof r.then === 'function') r = await r;
        } catch { /* errors are counted by resultIds */ }
        const dt = performance.now() - t;
        if (p > 0) per[e][i].push(dt);
      }
    }
  }
  return per;
}

// Per query, the ids found (best first), or { error } when the engine threw.
export async function resultIds(eng, queries, k) {
  const res = [];
  for (const q of queries) {
    try {
      let r = eng.search(q, k);
      if (r && typeof r.then === 'function') r = await r;
      res.push(r.map((h) => h.id));
    } catch (e) {
      res.push({ error: String((e && e.message) || e) });
    }
  }
  return res;
}

// How many of resultIds' answers are empty or errors.
export const zeroHits = (results) => results.filter((r) => !Array.isArray(r) || r.length === 0).length;
