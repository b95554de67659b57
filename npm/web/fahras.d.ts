// The browser module of a site `fahras build` wrote: await the default export once, then call
// `search(query, options?)` and `get(id, query?)`.
import type { DocView, SearchOptions, SearchResult } from '../types.js';

export type * from '../types.js';

/** Searches the index: throws a `TypeError` or `RangeError` for a bad query or option. */
export declare function search(query: string, options?: SearchOptions | null): SearchResult;

/** The document `id` with the words of `query` highlighted, or `undefined` for an unknown id. */
export declare function get(id: string, query?: string | null): DocView | undefined;

/** The name of the wasm custom section the build writes the index into. */
export declare const SECTION: 'fahras.index';

/**
 * Loads the engine and its index, once (later calls get the same promise): `input` is the
 * .wasm's URL (default: `fahras_bg.wasm` beside this file), a `Response`, its bytes or a compiled
 * `WebAssembly.Module`. A failed load can be tried again.
 */
export default function start(
  input?: string | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
