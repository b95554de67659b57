// Tiny static server for the bench: 127.0.0.1 only, cross-origin isolated (COOP/COEP) so that
// performance.now() has 5 µs resolution and performance.measureUserAgentSpecificMemory() exists.
// Text-like assets are gzip-encoded (level 9, cached) when the client accepts it, as any real host
// would; Chromium does not advertise brotli over plain http, so gzip is what goes over the wire here
// (brotli sizes are reported separately, computed offline).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.wasm', '.css']);

// Optional link emulation done here rather than with CDP, because CDP's emulation does not reach
// requests made by dedicated workers (Pagefind searches in one): every response waits one RTT, then
// its bytes go out through one shared link of the given bandwidth, in 16 kB slices.
export function startServer(root) {
  const gzCache = new Map();
  let link = null; // { latencyMs, bytesPerSec }
  let linkFreeAt = 0;
  const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  async function send(res, body) {
    if (!link) { res.end(body); return; }
    await sleep(link.latencyMs);
    for (let off = 0; off < body.length; off += 16384) {
      const chunk = body.subarray(off, off + 16384);
      const now = performance.now();
      linkFreeAt = Math.max(now, linkFreeAt) + (chunk.length / link.bytesPerSec) * 1000;
      await sleep(linkFreeAt - now);
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    let body;
    try { body = fs.readFileSync(file); } catch { res.writeHead(404).end(); return; }
    const ext = path.extname(file);
    const headers = {
      'content-type': TYPES[ext] || 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-cache',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      let gz = gzCache.get(file);
      if (!gz || gz.mtime !== fs.statSync(file).mtimeMs) {
        gz = { mtime: fs.statSync(file).mtimeMs, data: zlib.gzipSync(body, { level: 9 }) };
        gzCache.set(file, gz);
      }
      headers['content-encoding'] = 'gzip';
      body = gz.data;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end(); else await send(res, body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        setLink(l) { link = l; linkFreeAt = 0; },
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}
