// Types shared by the Node entry (`fahras`) and the browser loader (`fahras/web`): what
// `search(query, options?)` is asked and what it and `get(id, query?)` answer. They mirror the
// engine's wasm surface (src/lib.rs) and its serialised result types (src/search/types.rs);
// field names are as the engine writes them (`title_highlights`, not camelCase).

/** A `[start, end)` range of UTF-16 code units (what `String.prototype.slice` uses). */
export type Range = [start: number, end: number];

/** A day as `YYYY-MM-DD`, e.g. `'2025-01-31'`. */
export type DateString = string;

/** Which documents may match at all. `null` is the same as leaving a field out. */
export interface SearchFilter {
  /** Documents with at least one of these tags (any, when empty or left out). */
  tags?: readonly string[] | null;
  /** Documents dated on or after this day, `YYYY-MM-DD` (undated documents are then left out). */
  from?: DateString | null;
  /** Documents dated on or before this day, `YYYY-MM-DD` (undated documents are then left out). */
  to?: DateString | null;
}

/**
 * How results are ordered:
 * - `'relevance'` (the default): best match first;
 * - `'date'`: newest first; undated documents last; then best match;
 * - `'order'`: in the corpus's order (file order, or its records' `order` field).
 */
export type SearchSort = 'relevance' | 'date' | 'order';

/**
 * What harakat typed in a query word do:
 * - `'prefer'` (the default): documents whose word agrees with them rank above the others,
 *   which still match;
 * - `'require'`: only documents whose word agrees with them match;
 * - `'ignore'`: they are folded away like any other.
 */
export type Diacritics = 'prefer' | 'require' | 'ignore';

/** The fields facets can be counted for: only `'tags'`. */
export type FacetField = 'tags';

/** The options of `search(query, options?)`; every one may be left out (`null` for all but
 * `limit` and `offset` is the same). A bad option throws a `TypeError` or `RangeError`. */
export interface SearchOptions {
  /** Results per page: a whole number from 1 to 100 (default 10). */
  limit?: number;
  /** Results to skip, for later pages: a whole number from 0 (default 0). */
  offset?: number;
  /** Which documents may match at all. */
  filter?: SearchFilter | null;
  /** How results are ordered (default `'relevance'`). */
  sort?: SearchSort | null;
  /** Count the tags of all matching documents (`['tags']`), given as `SearchResult.facets`. */
  facets?: readonly FacetField[] | null;
  /** What harakat typed in a query word do (default `'prefer'`). */
  diacritics?: Diacritics | null;
}

/** One result of a search. */
export interface Hit {
  /** The document's id. */
  id: string;
  /** The document's title. */
  title: string;
  /** How well the document matches; scores descend through the results. */
  score: number;
  /** A passage of the text around the matched words. */
  snippet: string;
  /** UTF-16 `[start, end)` ranges of matched words in `snippet`. */
  highlights: Range[];
  /** UTF-16 `[start, end)` ranges of matched words in `title`. */
  title_highlights: Range[];
  /** The document's link, when the corpus gives one. */
  url?: string;
  /** The document's date, `YYYY-MM-DD`, when it has one. */
  date?: DateString;
  /** The document's tags; left out when it has none. */
  tags?: string[];
}

/** A word found only by typo tolerance or transliteration, with what it was taken for. */
export interface Approximate {
  /** The word as typed. */
  word: string;
  /** The corpus word it matched, as the corpus writes it. */
  matched: string;
}

/** One tag and how many matching documents have it. */
export interface FacetCount {
  /** The tag. */
  value: string;
  /** How many matching documents have it. */
  count: number;
}

/** Counts over every matching document (all pages), whatever `filter.tags` selects, so a
 * widget can offer the other tags too; the date filters apply. */
export interface Facets {
  /** Most documents first, then by tag. */
  tags: FacetCount[];
}

/** What `search(query, options?)` answers. */
export interface SearchResult {
  /** The query, as given. */
  query: string;
  /** Number of matching documents (all pages). */
  total: number;
  /** No document matched every word; these match some of them. */
  relaxed: boolean;
  /** The query was retyped on the other keyboard layout: these are the results for this. */
  corrected?: string;
  /** Nothing was found: queries to try instead. Left out when there are none. */
  suggestions?: string[];
  /** Words found only by typo tolerance or transliteration, with what they were taken for.
   * Left out when there are none. */
  approximate?: Approximate[];
  /** When asked for (`facets: ['tags']`): the tags of all matching documents, with their counts. */
  facets?: Facets;
  /** One page of results (`offset`, `limit`). */
  hits: Hit[];
}

/** A whole document, as `get(id, query?)` answers. */
export interface DocView {
  /** The document's id. */
  id: string;
  /** The document's title. */
  title: string;
  /** The document's whole text. */
  text: string;
  /** UTF-16 `[start, end)` ranges in `text` of the words the query matches (empty without one). */
  highlights: Range[];
  /** The document's link, when the corpus gives one. */
  url?: string;
  /** The document's date, `YYYY-MM-DD`, when it has one. */
  date?: DateString;
  /** The document's tags; left out when it has none. */
  tags?: string[];
}

/** Searches the index: throws a `TypeError` or `RangeError` for a bad query or option. */
export type SearchFunction = (query: string, options?: SearchOptions | null) => SearchResult;

/** The document `id` with the words of `query` highlighted, or `undefined` for an unknown id. */
export type GetFunction = (id: string, query?: string | null) => DocView | undefined;

/** A loaded index: the browser module's `search` and `get`, which need no `this`. */
export interface Engine {
  /** Searches the index: throws a `TypeError` or `RangeError` for a bad query or option. */
  search: SearchFunction;
  /** The document `id` with the words of `query` highlighted, or `undefined` for an unknown id. */
  get: GetFunction;
}
