// Orama 3 with its documented Arabic stemmer (@orama/stemmers/arabic) and tokenizer language;
// Orama keeps the documents inside its index, so no separate docs.json ships. Its Arabic tokenizer
// splits words at every character outside a-z, 0-9 and أ-ي, so a vowelled word falls apart at each
// haraka (حَدَّثَنَا -> ح د ث ن ا) and unvowelled queries find nothing; it has no hook before that split,
// so documents and queries get the same `\p{M}` strip the other peers apply in their hooks.
import { create, insertMultiple, search, save, load as oramaLoad } from '@orama/orama';
import { stemmer, language } from '@orama/stemmers/arabic';
import { stripMarks, fetchFiles } from './common.mjs';

function createDb() {
  return create({
    schema: { title: 'string', text: 'string' },
    components: { tokenizer: { language, stemming: true, stemmer } },
  });
}
const SEARCH = { tolerance: 1, boost: { title: 2 } };

export async function build(docs) {
  const db = createDb();
  await insertMultiple(db, docs.map((d) => ({ id: d.id, title: stripMarks(d.title), text: stripMarks(d.text) })), 1000);
  return { 'index.json': JSON.stringify(await save(db)) };
}

export async function open(files) {
  const db = createDb();
  await oramaLoad(db, JSON.parse(files['index.json']));
  return {
    search(q, k) {
      const r = search(db, { term: stripMarks(q), limit: k, ...SEARCH });
      const map = (res) => res.hits.map((h) => ({ id: h.id, title: h.document.title }));
      return r && typeof r.then === 'function' ? r.then(map) : map(r);
    },
  };
}

export const load = async () => open(await fetchFiles(['index.json']));
