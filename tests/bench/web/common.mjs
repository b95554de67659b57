export const stripMarks = (s) => s.normalize('NFKD').replace(/\p{M}+/gu, '');
export async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}
export async function fetchJSON(url) { return JSON.parse(await fetchText(url)); }
// docs.json: [[id, title, text], ...] — what a site ships to show titles/snippets (fahras embeds its
// documents in the wasm, so peers ship theirs too).
export function docsJSON(docs) { return JSON.stringify(docs.map((d) => [d.id, d.title, d.text])); }
