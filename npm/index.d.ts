// fahras for Node: build a site's search (`build`) and search a built one (`openIndex`).
import type { DateString, Engine } from './types.js';

export type * from './types.js';

/**
 * One document given to `build` as a record, as a line of a `.jsonl` corpus is: `id`, `title`
 * and `text` are required (`null` counts as missing); `null` for the others is the same as
 * leaving them out. Other fields are ignored.
 */
export interface BuildRecord {
  /** The document's id: a non-empty string. */
  id: string;
  /** The document's title; an empty one is derived from the text. */
  title: string;
  /** The document's text; a document with an empty one is skipped with a warning. */
  text: string;
  /** The document's link. */
  url?: string | null;
  /** The document's date, `YYYY-MM-DD`; a time after it (`2023-12-06T10:00Z`) is dropped. */
  date?: DateString | null;
  /** The document's tags (trimmed; empty and repeated ones are dropped). */
  tags?: readonly string[] | null;
  /** References the document is found under when one is typed as the whole query
   * (`'2:255'`, `'البقرة 255'`): each must read as a reference. */
  refs?: readonly string[] | null;
  /** An integer: the document's place in the collection (those with one come first, ascending). */
  order?: number | null;
}

/** `build` reading its input: `files` of `totalFiles` read so far, `bytes` of `totalBytes`. */
export interface ReadProgress {
  phase: 'read';
  /** Files read so far (records count as one file). */
  files: number;
  /** Files to read. */
  totalFiles: number;
  /** Bytes read so far. */
  bytes: number;
  /** Bytes to read. */
  totalBytes: number;
}

/** `build` writing the index of the documents read. */
export interface IndexProgress {
  phase: 'index';
  /** The documents being indexed. */
  documents: number;
}

/** What `build` reports to `onProgress`. */
export type BuildProgress = ReadProgress | IndexProgress;

/** What `build` is given. */
export interface BuildOptions {
  /** A corpus folder or file, or the documents themselves as records. */
  input: string | readonly BuildRecord[];
  /** The folder the site's files are written into (created when missing). */
  out: string;
  /** Called as the input is read and indexed. */
  onProgress?: (progress: BuildProgress) => void;
}

/** What `build` resolves to. */
export interface BuildResult {
  /** How many documents were indexed. */
  documents: number;
  /** The files and documents skipped, and why. */
  warnings: string[];
  /** The paths of the files written: the engine with its index (`pkg/fahras_bg.wasm`) first. */
  files: string[];
  /** The size of `pkg/fahras_bg.wasm`, in bytes. */
  wasmBytes: number;
}

/**
 * Indexes `input` and writes the site's files into `out`. Rejects with the readers' message
 * (file, line, reason) for a bad corpus, and with a `TypeError` for bad options.
 */
export declare function build(options: BuildOptions): Promise<BuildResult>;

/**
 * Opens the output folder of `fahras build` (or its `pkg/fahras_bg.wasm`). Resolves to its
 * `search` and `get`, each engine with a wasm instance of its own.
 */
export declare function openIndex(path: string): Promise<Engine>;
