import MiniSearch from 'minisearch';
import { stripMarks, fetchFiles, docsJSON } from './common.mjs';

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

export function open(files) {
  const ms = MiniSearch.loadJSON(files['index.json'], OPTIONS);
  const docs = JSON.parse(files['docs.json']);
  return {
    search(q, k) {
      return ms.search(q).slice(0, k).map((h) => ({ id: docs[h.id][0], title: docs[h.id][1] }));
    },
  };
}

export const load = async () => open(await fetchFiles(['index.json', 'docs.json']));
