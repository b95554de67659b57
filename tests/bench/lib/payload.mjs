// Payload = the files the browser fetched to answer the first query (the page shell excluded, it
// is the same for every engine), as raw bytes and as gzip -9 / brotli -q 11 of each file. Files a
// server would not compress (Pagefind's .pf_* are gzip already) count raw in every column.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|json|wasm|html|css)$/;
const cache = new Map();

export function fileSizes(file) {
  const st = fs.statSync(file);
  const key = `${file}:${st.mtimeMs}:${st.size}`;
  if (cache.has(key)) return cache.get(key);
  const buf = fs.readFileSync(file);
  let gz = buf.length, br = buf.length;
  if (COMPRESSIBLE.test(file)) {
    gz = zlib.gzipSync(buf, { level: 9 }).length;
    br = zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length;
  }
  const r = { raw: buf.length, gz, br };
  cache.set(key, r);
  return r;
}

export function payload(root, requests) {
  const files = [];
  const tot = { raw: 0, gz: 0, br: 0, wire: 0, files: 0 };
  const seen = new Set();
  for (const r of requests) {
    if (seen.has(r.path)) continue;
    seen.add(r.path);
    const f = path.join(root, decodeURIComponent(r.path));
    if (!fs.existsSync(f)) continue;
    const s = fileSizes(f);
    files.push({ path: r.path, ...s, wire: r.encoded });
    tot.raw += s.raw; tot.gz += s.gz; tot.br += s.br; tot.wire += r.encoded || 0; tot.files++;
  }
  return { ...tot, list: files };
}
