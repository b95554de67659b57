export const stripMarks = (s) => s.normalize('NFKD').replace(/\p{M}+/gu, '');
export async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}
// A site's files, fetched relative to the page: { name: text }, what build() returned.
export async function fetchFiles(names) {
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await fetchText(n)])));
}
// docs.json: [[id, title, text], ...] — what a site ships to show titles/snippets (fahras embeds its
// documents in the wasm, so peers ship theirs too).
export function docsJSON(docs) { return JSON.stringify(docs.map((d) => [d.id, d.title, d.text])); }
// The adapter over fahras' search(query, options): the normal call, snippets and highlights included.
export function fahrasAdapter(search) {
  return { search: (q, k) => search(q, { limit: k }).hits.map((h) => ({ id: h.id, title: h.title })) };
}
