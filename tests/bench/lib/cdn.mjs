// A static server that behaves, on the wire, as a CDN in front of a site would: every response
// compressed (brotli quality 11 when the client accepts `br`, else gzip level 9, else identity),
// the compressed bytes cached, `cache-control: public, max-age=31536000, immutable` for names
// carrying a 16-hex-digit content hash (`core.0123456789abcdef.bin`) and `no-cache` for the rest
// (with an ETag, so a revalidation is a 304), and every request counted per path: requests,
// bytes of headers and body sent, and the content encoding used. 127.0.0.1 only, port 0.
//
//   const cdn = await startCdn({ mounts: { '/': pageDir, '/pkg/': path.join(out, 'pkg') } });
//   await cdn.prepare(['/pkg/engine_bg.wasm']);   // optional: compress big files ahead, off-loop
//   cdn.reset(); …; const { paths, total } = cdn.counters();
//   await cdn.sizes('/pkg/engine_bg.wasm')        // { raw, gz, br } of the file behind that path
//
// Which encoding goes over the wire is the client's choice: older Chromium builds advertise br
// only over https, the Debian Chromium here sends `gzip, deflate, br, zstd` to http://127.0.0.1
// (a secure context); `counters()` says which encoding each path got, and `sizes()` gives the
// gzip and brotli sizes of the same bodies whatever was sent, so a report can give both.
//
// `cacheDir` (optional): compressed bodies are kept there by content SHA-1 and encoding, so a
// second run does not brotli-11 a 50 MB wasm again. COOP/COEP are sent by default (`isolate:
// false` leaves them out): they change no byte of the bodies, and give the page performance.now()
// at 5 µs instead of 100 µs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { MIME, resolveFile } from '../../../scripts/serve.mjs';

/** A name a build gives content-addressed files: `<prefix>.<16 hex digits>.<ext>`. */
export const HASHED = /(?:^|[./_-])[0-9a-f]{16}\.[A-Za-z0-9]+$/;

const brOptions = (buf) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
});
const ENCODERS = {
  br: { sync: (buf) => zlib.brotliCompressSync(buf, brOptions(buf)), async: (buf, cb) => zlib.brotliCompress(buf, brOptions(buf), cb) },
  gzip: { sync: (buf) => zlib.gzipSync(buf, { level: 9 }), async: (buf, cb) => zlib.gzip(buf, { level: 9 }, cb) },
};

/** The file a URL path names under `mounts` (longest prefix first), inside its folder, or null. */
async function resolve(mounts, urlPath) {
  for (const [prefix, dir] of mounts) {
    if (urlPath.startsWith(prefix) || urlPath + '/' === prefix) {
      return (await resolveFile(dir, urlPath.slice(prefix.length) || '/'))?.file ?? null;
    }
  }
  return null;
}

/**
 * Starts the server. `mounts`: URL prefix (ending in `/`) → folder; `isolate`: send COOP/COEP;
 * `cacheDir`: where compressed bodies persist between runs.
 * Resolves to `{ origin, reset(), counters(), prepare(urlPaths), sizes(urlPath), close() }`:
 * - `counters()` → `{ paths: { [path]: { requests, headerBytes, bodyBytes, wire, encoding, status } },
 *   total: { requests, headerBytes, bodyBytes, wire } }` since the last `reset()` (wire = headers +
 *   body, what the responses put on the socket; request bytes are not counted);
 * - `prepare(urlPaths)` compresses those files both ways off the event loop, one at a time;
 * - `sizes(urlPath)` → `{ raw, gz, br }` of the file behind the path, or null.
 */
export function startCdn({ mounts, isolate = true, cacheDir } = {}) {
  const table = Object.entries(mounts).map(([prefix, dir]) => [prefix, fs.realpathSync(path.resolve(dir))])
    .sort((a, b) => b[0].length - a[0].length);
  const bodies = new Map(); // file → { key, raw, sha1, etag, br?, gzip? }
  let counts = new Map();
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });

  function entry(file) {
    const st = fs.statSync(file);
    const key = `${st.size}:${st.mtimeMs}`;
    let e = bodies.get(file);
    if (!e || e.key !== key) {
      const raw = fs.readFileSync(file);
      const sha1 = crypto.createHash('sha1').update(raw).digest('hex');
      e = { key, raw, sha1, etag: `"${sha1.slice(0, 20)}"` };
      bodies.set(file, e);
    }
    return e;
  }

  const cached = (e, enc) => cacheDir && path.join(cacheDir, `${e.sha1}.${enc}`);
  function fromDisk(e, enc) {
    const f = cached(e, enc);
    if (f && fs.existsSync(f)) e[enc] = fs.readFileSync(f);
    return e[enc];
  }
  function keep(e, enc, bytes) {
    e[enc] = bytes;
    const f = cached(e, enc);
    if (f) {
      fs.writeFileSync(`${f}.partial`, bytes);
      fs.renameSync(`${f}.partial`, f);
    }
    return bytes;
  }
  const compressed = (e, enc) => e[enc] ?? fromDisk(e, enc) ?? keep(e, enc, ENCODERS[enc].sync(e.raw));
  const compressedAsync = async (e, enc) => e[enc] ?? fromDisk(e, enc) ??
    keep(e, enc, await new Promise((ok, fail) => ENCODERS[enc].async(e.raw, (err, out) => (err ? fail(err) : ok(out)))));

  function count(urlPath, res, bodyBytes, encoding) {
    const c = counts.get(urlPath) ?? { requests: 0, headerBytes: 0, bodyBytes: 0, encoding: new Set(), status: new Set() };
    c.requests++;
    c.headerBytes += Buffer.byteLength(res._header ?? '');
    c.bodyBytes += bodyBytes;
    c.encoding.add(encoding);
    c.status.add(res.statusCode);
    counts.set(urlPath, c);
  }

  const server = http.createServer(async (req, res) => {
    const urlPath = (req.url || '/').split(/[?#]/, 1)[0];
    const method = req.method || 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      count(urlPath, res, 0, 'identity');
      return;
    }
    const file = await resolve(table, urlPath);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n');
      count(urlPath, res, 10, 'identity');
      return;
    }
    const e = entry(file);
    const headers = {
      'content-type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'cache-control': HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: e.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    };
    if (isolate) {
      Object.assign(headers, {
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
    if (req.headers['if-none-match'] === e.etag) {
      res.writeHead(304, headers).end();
      count(urlPath, res, 0, 'identity');
      return;
    }
    const accept = req.headers['accept-encoding'] || '';
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
    const body = encoding === 'identity' ? e.raw : compressed(e, encoding);
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    // Counted before the body leaves: the page cannot hold bytes not yet counted.
    count(urlPath, res, method === 'HEAD' ? 0 : body.length, encoding);
    res.end(method === 'HEAD' ? undefined : body);
  });

  const sizes = async (urlPath) => {
    const file = await resolve(table, urlPath);
    if (!file) return null;
    const e = entry(file);
    const [br, gz] = [await compressedAsync(e, 'br'), await compressedAsync(e, 'gzip')];
    return { raw: e.raw.length, gz: gz.length, br: br.length };
  };

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveStart({
        origin: `http://127.0.0.1:${port}`,
        reset() {
          counts = new Map();
        },
        counters() {
          const paths = {};
          const total = { requests: 0, headerBytes: 0, bodyBytes: 0, wire: 0 };
          for (const [p, c] of counts) {
            const wire = c.headerBytes + c.bodyBytes;
            paths[p] = { ...c, wire, encoding: [...c.encoding].join(','), status: [...c.status].join(',') };
            total.requests += c.requests;
            total.headerBytes += c.headerBytes;
            total.bodyBytes += c.bodyBytes;
            total.wire += wire;
          }
          return { paths, total };
        },
        async prepare(urlPaths) {
          for (const p of urlPaths) await sizes(p);
        },
        sizes,
        close: () => new Promise((r) => {
          server.closeAllConnections?.();
          server.close(r);
        }),
      });
    });
  });
}
