// What the split-index quality tests share: the corpus built with `fahras build --split` (the
// npm package) and opened with `openIndex` (the browser loader reading the folder), then every judged query
// asked of it and of the embedded engine. One split index per process: one corpus per file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The split engine of `corpus` (a folder or file), and the folder to remove when done. */
export async function splitEngine(corpus) {
  const { build, openIndex } = await import(pathToFileURL(path.join(ROOT, 'npm', 'index.mjs')).href);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-split-q-'));
  await build({ input: corpus, out: dir, split: true });
  return { engine: await openIndex(dir), dir };
}

/** Asserts the split engine gives `embedded`'s whole first page for every query of `judged`. */
export async function assertSameAnswers(split, embedded, judged) {
  const queries = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'quality', judged), 'utf8')).map((j) => j.q);
  assert.ok(queries.length >= 30, `${judged}: ${queries.length} queries`);
  for (const q of queries) {
    const want = embedded.search(q, { limit: 10 });
    assert.deepEqual(await split.search(q, { limit: 10 }), want, q);
    const top = want.hits[0];
    if (top) assert.deepEqual(await split.get(top.id, q), embedded.get(top.id, q), `get ${top.id} ${q}`);
  }
  return queries.length;
}
