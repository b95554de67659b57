// The browser module of a split index (src/split): the corpus-free engine (engine.js, its
// wasm-bindgen glue, and engine_bg.wasm) beside this file, and the index as files fetched on
// demand from `index/` (or any base URL). Same results as the embedded build's pkg/fahras.js,
// but `search` and `get` return promises:
//
//   const engine = await open('https://cdn.example/fahras/index/');
//   const r = await engine.search('الصلاة', { limit: 10 }, { signal });
//
// A query runs in the engine as far as the chunks at hand allow; the engine names the chunks it
// lacked, they are fetched in parallel, and the query runs again (a few rounds: the postings,
// then the documents shown). Chunks stay in the engine's memory once fetched.
// A query needs a few rounds (postings, maybe postings its first ones called for, then the
// documents shown); more would be a bug, reported rather than looped on.
const ROUNDS = 8;

/** A part of the index that could not be had (network, HTTP status or wrong bytes). */
export class ChunkError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'ChunkError';
  }
}

let opened; // { base, ready }

/** Opens the split index at `base` (the folder holding manifest.json), once per page: the
 * engine serves one index. `options.fetch` replaces `fetch` (same arguments and result). */
export function open(base = new URL('index/', import.meta.url), options = {}) {
  const url = new URL(base, globalThis.location?.href).href.replace(/\/?$/, '/');
  if (opened && opened.base !== url) {
    return Promise.reject(new Error(`fahras: this page already opened the index at ${opened.base}`));
  }
  if (!opened) {
    opened = { base: url, ready: start(url, options.fetch ?? globalThis.fetch.bind(globalThis)) };
    opened.ready.catch(() => { opened = undefined; }); // a failed open can be tried again
  }
  return opened.ready;
}

async function start(base, fetchFn) {
  const file = (name, signal) => fetchBytes(fetchFn, new URL(name, base), signal);
  // The glue, the engine's wasm and the manifest are asked for at once, and the engine compiles
  // while the manifest and then the core arrive: imported statically, the glue would hold the
  // others back by a round trip.
  const glue = import('./engine.js');
  const wasm = fetchFn(new URL('engine_bg.wasm', import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`fahras: ${r.url}: HTTP ${r.status}`);
    return r;
  });
  wasm.catch(() => {}); // its failure is the engine's, seen below
  const ready = glue.then(async (engine) => {
    await engine.default({ module_or_path: wasm });
    return engine;
  });
  ready.catch(() => {}); // awaited below, after the manifest: its failure is not unhandled meanwhile
  const manifest = JSON.parse(new TextDecoder().decode(await file('manifest.json')));
  if (manifest.format !== 'fahras-split' || manifest.version !== 1) {
    throw new ChunkError(`fahras: ${base}manifest.json is not a fahras split index (version 1)`);
  }
  const [core, { openSplit, missing, provide, search: searchNow, get: getNow }] =
    await Promise.all([file(manifest.core), ready]);
  openSplit(core);
  const chunks = new Chunks(file, provide);
  const complete = async (call, signal) => {
    for (let round = 0; round < ROUNDS; round++) {
      signal?.throwIfAborted();
      const result = call(); // runs to the end: the names below are this call's
      const names = missing();
      if (!names.length) return result;
      // Postings first: the documents a search names while it lacks postings are provisional
      // hits, most of them not the answer's (a session's fragment bytes fall by a quarter).
      const postings = names.filter((name) => name.startsWith('p.'));
      await Promise.all((postings.length ? postings : names).map((name) => chunks.get(name, signal)));
    }
    throw new Error(`fahras: a query did not complete in ${ROUNDS} rounds`);
  };
  return {
    /** `search(query, options?, { signal }?)`: the embedded build's result, once the chunks it
     * needs are fetched. Rejects with the signal's reason when aborted, with a ChunkError when a
     * chunk cannot be had. */
    search: (query, options, { signal } = {}) => complete(() => searchNow(query, options), signal),
    /** `get(id, query?, { signal }?)`: the document, or undefined for an unknown id. */
    get: (id, query, { signal } = {}) => complete(() => getNow(id, query), signal),
    documents: manifest.documents,
  };
}

/** The chunks being fetched: one fetch per chunk however many queries wait for it, aborted when
 * none waits any more. */
class Chunks {
  #file;
  #provide;
  #pending = new Map(); // name → { done, controller, waiting }

  constructor(file, provide) {
    this.#file = file;
    this.#provide = provide;
  }

  get(name, signal) {
    let p = this.#pending.get(name);
    if (!p) {
      const controller = new AbortController();
      p = { controller, waiting: 0 };
      p.done = this.#file(name, controller.signal)
        .then((bytes) => {
          try {
            this.#provide(name, bytes);
          } catch (err) {
            throw new ChunkError(`fahras: ${name}: ${err.message}`, { cause: err });
          }
        })
        .finally(() => this.#pending.delete(name));
      p.done.catch(() => {}); // each waiter sees the failure; none is left unhandled
      this.#pending.set(name, p);
    }
    p.waiting++;
    if (!signal) return p.done;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        p.waiting--;
      };
      const onAbort = () => {
        leave();
        if (p.waiting === 0) p.controller.abort(signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort);
      p.done.then((v) => { leave(); resolve(v); }, (e) => { leave(); reject(e); });
    });
  }
}

/** The bytes at `url`, tried twice on a network error or a server error (5xx). */
async function fetchBytes(fetchFn, url, signal) {
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetchFn(url, { signal });
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (attempt < 2) continue;
      throw new ChunkError(`fahras: could not fetch ${url}: ${err.message}`, { cause: err });
    }
    if (response.ok) {
      try {
        return new Uint8Array(await response.arrayBuffer());
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        if (attempt < 2) continue;
        throw new ChunkError(`fahras: could not read ${url}: ${err.message}`, { cause: err });
      }
    }
    if (response.status < 500 || attempt >= 2) {
      throw new ChunkError(`fahras: could not fetch ${url}: HTTP ${response.status}`);
    }
  }
}

// The element's interface (pkg/fahras.js of a split build is this file): await the default
// export once, then `search` and `get`, which return promises here.
let engine;
export default async function ready() {
  engine = await open();
}
export const search = (query, options, init) => engine.search(query, options, init);
export const get = (id, query, init) => engine.get(id, query, init);
