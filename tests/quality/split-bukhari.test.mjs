// Sahih al-Bukhari's split index answers every judged hadith query as the embedded build does:
// the same first page (ids, snippets, totals) and the same `get`.
import fs from 'node:fs';
import test from 'node:test';

import { CORPUS, bukhariEngine } from './bukhari-pkg.mjs';
import { assertSameAnswers, splitEngine } from './split-same.mjs';

test('the split Bukhari gives the embedded answers to every judged query', async () => {
  const embedded = await bukhariEngine();
  const { engine, dir } = await splitEngine(CORPUS);
  try {
    const n = await assertSameAnswers(engine, embedded.engine, 'bukhari.json');
    console.log(`split bukhari: ${n} judged queries, same answers`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(embedded.dir, { recursive: true, force: true });
  }
});
