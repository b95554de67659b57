#!/usr/bin/env node
// Zero-dependency static file server for the fahras demo and the browser tests.
//   node scripts/serve.mjs [--root www] [--port 8000] [--host 127.0.0.1]
// or, in-process:  import { startServer } from './serve.mjs';
//                  const server = await startServer({ root, port: 0 });  // 0 = ephemeral port
//                  const { port } = server.address();
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

// Resolve a URL path to a regular file strictly inside rootReal (after following symlinks),
// or return null. Also the bench's CDN server's (tests/bench/lib/cdn.mjs).
export async function resolveFile(rootReal, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  let file = path.resolve(rootReal, '.' + path.posix.normalize('/' + rel));
  const inside = (p) => p === rootReal || p.startsWith(rootReal + path.sep);
  if (!inside(file)) return null;
  try {
    let real = await fs.promises.realpath(file);
    if (!inside(real)) return null;
    let st = await fs.promises.stat(real);
    if (st.isDirectory()) {
      real = await fs.promises.realpath(path.join(real, 'index.html'));
      if (!inside(real)) return null;
      st = await fs.promises.stat(real);
    }
    return st.isFile() ? { file: real, size: st.size } : null;
  } catch {
    return null;
  }
}

export function startServer({ root = 'www', port = 8000, host = '127.0.0.1', log = false } = {}) {
  const rootReal = fs.realpathSync(path.resolve(root));
  const server = http.createServer(async (req, res) => {
    const method = req.method || 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = (req.url || '/').split(/[?#]/, 1)[0];
    const found = urlPath.startsWith('/') ? await resolveFile(rootReal, urlPath) : null;
    if (log) console.log(`${method} ${req.url} ${found ? 200 : 404}`);
    if (!found) {
      send(res, 404, 'Not Found\n');
      return;
    }
    const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': found.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
  server.listen(port, host);
  return server;
}

function parseArgs(argv) {
  const opts = { root: 'www', port: 8000, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--root') opts.root = value();
    else if (flag === '--port') opts.port = Number(value());
    else if (flag === '--host') opts.host = value();
    else if (flag === '-h' || flag === '--help') {
      console.log('usage: node scripts/serve.mjs [--root DIR] [--port N] [--host ADDR]');
      process.exit(0);
    } else throw new Error(`serve: unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error('serve: --port must be an integer 0..65535');
  }
  if (!opts.root || !fs.existsSync(opts.root) || !fs.statSync(opts.root).isDirectory()) {
    throw new Error(`serve: root is not a directory: ${opts.root}`);
  }
  return opts;
}

const invokedDirectly =
  process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(path.resolve(process.argv[1]));
if (invokedDirectly) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const server = startServer({ ...opts, log: true });
  server.on('listening', () => {
    const { port } = server.address();
    console.log(`Serving ${path.resolve(opts.root)} at http://${opts.host}:${port}/ (Ctrl-C to stop)`);
  });
  server.on('error', (e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
}
