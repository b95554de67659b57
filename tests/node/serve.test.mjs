// scripts/serve.mjs: MIME types, index.html, 404, and no way out of the root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
let tmp, root, server, port;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-serve-'));
  root = path.join(tmp, 'www');
  fs.mkdirSync(path.join(root, 'pkg'), { recursive: true });
  fs.mkdirSync(path.join(root, 'sub'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>فهرس</title>');
  fs.writeFileSync(path.join(root, 'sub', 'index.html'), 'sub index');
  fs.writeFileSync(path.join(root, 'app.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'mod.mjs'), 'export {};');
  fs.writeFileSync(path.join(root, 'style.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'data.json'), '{}');
  fs.writeFileSync(path.join(root, 'icon.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'shot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(root, 'pkg', 'fahras_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'ملف عربي.txt'), 'نص');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'SECRET');
  fs.writeFileSync(path.join(tmp, 'www-evil.txt'), 'SECRET'); // sibling whose name starts with the root's
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'link-out.txt'));
  server = startServer({ root, port: 0 });
  await once(server, 'listening');
  port = server.address().port;
});

after(async () => {
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Raw request so the path is sent exactly as written (no URL normalisation by a client).
function get(rawPath, method = 'GET', p = port) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: p, method, path: rawPath }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 with an ephemeral port', () => {
  assert.equal(server.address().address, '127.0.0.1');
  assert.ok(port > 0);
});

test('MIME types', async () => {
  const cases = {
    '/index.html': 'text/html',
    '/app.js': 'text/javascript',
    '/mod.mjs': 'text/javascript',
    '/style.css': 'text/css',
    '/data.json': 'application/json',
    '/icon.svg': 'image/svg+xml',
    '/shot.png': 'image/png',
    '/pkg/fahras_bg.wasm': 'application/wasm',
  };
  for (const [p, type] of Object.entries(cases)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['content-type'].split(';')[0], type, p);
  }
});

test('/ and directories serve index.html; query strings are ignored', async () => {
  for (const p of ['/', '/?q=حموشي', '/index.html#x']) {
    const r = await get(encodeURI(p));
    assert.equal(r.status, 200, p);
    assert.match(r.body, /فهرس/);
  }
  assert.equal((await get('/sub/')).body, 'sub index');
  assert.equal((await get('/sub')).body, 'sub index');
});

test('percent-encoded names', async () => {
  const r = await get('/' + encodeURIComponent('ملف عربي.txt'));
  assert.equal(r.status, 200);
  assert.equal(r.body, 'نص');
});

test('HEAD has headers and no body; other methods are refused', async () => {
  const r = await get('/app.js', 'HEAD');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-length'], String('export {};'.length));
  assert.equal(r.body, '');
  assert.equal((await get('/app.js', 'POST')).status, 405);
});

test('404 for missing files', async () => {
  for (const p of ['/nope.html', '/pkg/', '/pkg/missing.wasm', '/%ZZ', '/a%00b']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
  }
});

test('no directory traversal outside the root', async () => {
  const attempts = [
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/pkg/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/sub/../../secret.txt',
    '/../www-evil.txt',
    '/link-out.txt', // symlink pointing outside
    '//etc/passwd',
    '/%2Fetc%2Fpasswd',
    'secret.txt',
  ];
  for (const p of attempts) {
    const r = await get(p);
    assert.notEqual(r.status, 200, `${p} must not be served`);
    assert.doesNotMatch(r.body, /SECRET|root:/, p);
  }
});

test('CLI: --root/--port start a server and print its address', async () => {
  const free = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn(process.execPath, [SERVE, '--root', root, '--port', String(free)], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('http://127.0.0.1:')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    assert.match(out, new RegExp(`http://127\\.0\\.0\\.1:${free}/`));
    const r = await get('/pkg/fahras_bg.wasm', 'GET', free);
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/wasm');
  } finally {
    child.kill();
  }
});
