// FlexSearch 0.8 Document index. JS strings are in logical order, so `rtl` stays false (rtl:true
// makes 'forward' index word endings); 'forward' gives prefix search; `suggest` returns partial
// matches when not every word is found.
import { Document, Encoder } from 'flexsearch';
import { stripMarks, fetchFiles, docsJSON } from './common.mjs';

function create() {
  return new Document({
    tokenize: 'forward',
    encoder: new Encoder({ normalize: (s) => stripMarks(s).toLowerCase() }),
    document: { id: 'i', index: ['title', 'text'] },
  });
}

export async function build(docs) {
  const idx = create();
  docs.forEach((d, i) => idx.add({ i, title: d.title, text: d.text }));
  const out = {};
  await idx.export((key, data) => { out[key] = JSON.parse(data); });
  return { 'index.json': JSON.stringify(out), 'docs.json': docsJSON(docs) };
}

export async function open(files) {
  const parts = JSON.parse(files['index.json']);
  const docs = JSON.parse(files['docs.json']);
  const idx = create();
  for (const [key, data] of Object.entries(parts)) await idx.import(key, data);
  return {
    search(q, k) {
      const res = idx.search(q, { limit: k, suggest: true, merge: true });
      return res.slice(0, k).map((r) => {
        const i = typeof r === 'object' ? r.id : r;
        return { id: docs[i][0], title: docs[i][1] };
      });
    },
  };
}

export const load = async () => open(await fetchFiles(['index.json', 'docs.json']));
