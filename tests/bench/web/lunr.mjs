// lunr 2 + lunr-languages Arabic (trimmer, stop words, stemmer; search pipeline = stemmer).
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import ar from 'lunr-languages/lunr.ar.js';
import { fetchFiles, docsJSON } from './common.mjs';

stemmerSupport(lunr);
ar(lunr);

export function build(docs) {
  const idx = lunr(function () {
    this.use(lunr.ar);
    this.ref('i');
    this.field('title', { boost: 2 });
    this.field('text');
    docs.forEach((d, i) => this.add({ i, title: d.title, text: d.text }));
  });
  return { 'index.json': JSON.stringify(idx), 'docs.json': docsJSON(docs) };
}

// Query builder rather than idx.search(): lunr's query-string parser throws on ':', '^', '~', '+',
// '-'. Every word is a (stemmed) term; the last word also matches as a prefix, like fahras.
function query(idx, q) {
  const tokens = lunr.tokenizer(q).map(String).filter(Boolean);
  if (!tokens.length) return [];
  return idx.query((qb) => {
    for (const t of tokens) qb.term(t);
    qb.term(tokens[tokens.length - 1], { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 0.5 });
  });
}

export function open(files) {
  const idx = lunr.Index.load(JSON.parse(files['index.json']));
  const docs = JSON.parse(files['docs.json']);
  return {
    search(q, k) {
      return query(idx, q).slice(0, k).map((r) => ({ id: docs[r.ref][0], title: docs[r.ref][1] }));
    },
  };
}

export const load = async () => open(await fetchFiles(['index.json', 'docs.json']));
