import MiniSearch from 'minisearch';
import { stripMarks, fetchText, fetchJSON, docsJSON } from './common.mjs';

const OPTIONS = {
  idField: 'i',
  fields: ['title', 'text'],
  processTerm: (term) => stripMarks(term).toLowerCase(),
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
};

export function build(docs) {
  const ms = new MiniSearch(OPTIONS);
  ms.addAll(docs.map((d, i) => ({ i, title: d.title, text: d.text })));
  return { 'index.json': JSON.stringify(ms), 'docs.json': docsJSON(docs) };
}

export async function load() {
  const [idx, docs] = await Promise.all([fetchText('index.json'), fetchJSON('docs.json')]);
  const ms = MiniSearch.loadJSON(idx, OPTIONS);
  return {
    search(q, k) {
      return ms.search(q).slice(0, k).map((h) => ({ id: docs[h.id][0], title: docs[h.id][1] }));
    },
  };
}
