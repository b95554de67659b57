// The front end's share of the demo's 48 KiB brotli budget (the engine takes the rest; the whole
// download is checked by tests/node/size.test.mjs): html + js + css, measured + 2% so growth fails
// here. 6 KiB until the tag chips and the approximate-match note (≈ 0.7 KiB); 6.5 KiB until the
// element took split indexes' engines, whose answers are promises (≈ 0.6 KiB: aborts, the error
// state and its retry), measured at 7,129 B.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { WWW, WWW_FILES } from './helpers.mjs';

const BUDGET = 7_270;

test(`front-end files stay within ${BUDGET} B brotli-11`, () => {
  let total = 0;
  const rows = WWW_FILES.map((f) => {
    const buf = fs.readFileSync(path.join(WWW, f));
    const c = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += c;
    return `  ${f.padEnd(20)} ${String(buf.length).padStart(6)} B raw ${String(c).padStart(5)} B brotli-11`;
  });
  console.log(`front end: ${total} B brotli-11 of ${BUDGET} B\n${rows.join('\n')}`);
  assert.ok(total <= BUDGET, `front end is ${total} B brotli-11, over ${BUDGET} B`);
});
