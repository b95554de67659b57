// The Quran's split index answers every judged Quran query as the cargo-built embedded engine
// does: the same first page (ids, snippets, totals) and the same `get`.
import fs from 'node:fs';
import test from 'node:test';

import { CORPUS, quranEngine } from './quran-pkg.mjs';
import { assertSameAnswers, splitEngine } from './split-same.mjs';

test('the split Quran gives the embedded answers to every judged query', async () => {
  const embedded = await quranEngine();
  const { engine, dir } = await splitEngine(CORPUS);
  try {
    const n = await assertSameAnswers(engine, embedded, 'quran.json');
    console.log(`split quran: ${n} judged queries, same answers`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
