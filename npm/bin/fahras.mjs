#!/usr/bin/env node
// The `fahras` command: `fahras build <folder or file> --out <dir>`. See HELP.
import { build } from '../lib/build.mjs';

const HELP = `Usage: fahras build <folder or file> [--out <dir>] [--split]
       fahras --help | --version

Indexes a corpus and writes what a site copies into <dir> (default: fahras):
  pkg/fahras_bg.wasm   the engine with this corpus's index, in one file
  pkg/fahras.js, pkg/engine.js   its loader
  fahras-search.js, fahras-search.css   the <fahras-search> element
With --split, for collections too big to download whole (tens of MB of text):
  pkg/engine_bg.wasm, pkg/engine.js, pkg/fahras.js   the engine alone and its loader
  pkg/index/   the index in files fetched as queries need them (names carry a content hash,
               so they may be cached forever; only manifest.json changes between builds)

The corpus is a folder (read recursively, in path order) or one file:
  .txt, .md (front matter: title, url, date, tags, refs, order), .html, .jsonl (one document
  a line: {"id", "title", "text", "url"?, "date"?, "tags"?, "refs"?, "order"?}).

Then, on the page:
  <link rel="stylesheet" href="/fahras/fahras-search.css">
  <script type="module" src="/fahras/fahras-search.js"></script>
  <fahras-search></fahras-search>

Options:
  --out <dir>   where to write (created if needed; other files in it are left alone)
  --split       write the split index instead of one file
  --quiet       no progress and no summary, even on a terminal
  -h, --help    this text
  --version     the package's version

A bad corpus stops the build with the file, the line and the reason, and exit status 1.`;

function fail(message) {
  process.stderr.write(`fahras: ${message}\n`);
  process.exit(1);
}

function parse(argv) {
  const args = { input: undefined, out: 'fahras', quiet: false, split: false };
  const rest = [...argv];
  const command = rest.shift();
  if (command !== 'build') fail(command ? `unknown command "${command}"; try fahras --help` : 'no command; try fahras --help');
  while (rest.length) {
    const arg = rest.shift();
    if (arg === '--out' || arg === '-o') {
      if (!rest.length || rest[0] === '') fail(`${arg} needs a folder`);
      args.out = rest.shift();
    } else if (arg.startsWith('--out=')) {
      args.out = arg.slice('--out='.length);
    } else if (arg === '--quiet' || arg === '-q') {
      args.quiet = true;
    } else if (arg === '--split') {
      args.split = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      fail(`unknown option "${arg}"; try fahras --help`);
    } else if (args.input === undefined) {
      args.input = arg;
    } else {
      fail(`one corpus at a time: "${args.input}" and "${arg}"`);
    }
  }
  if (args.input === undefined) fail('build needs a folder or file to index; try fahras --help');
  return args;
}

const mb = (n) => (n / 1e6).toFixed(1);

/** A progress line on a terminal: files, MB read, rate and time left. */
function progress(stream) {
  const started = Date.now();
  let shown = 0;
  const line = (text) => stream.write(`\r\x1b[K${text}`);
  return (p) => {
    const now = Date.now();
    if (p.phase === 'index') return line(`indexing ${p.documents} documents…`);
    if (now - shown < 100 && p.files < p.totalFiles) return;
    shown = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const rate = p.bytes / seconds;
    const left = rate > 0 ? Math.ceil((p.totalBytes - p.bytes) / rate) : 0;
    line(`reading ${p.files}/${p.totalFiles} files · ${mb(p.bytes)}/${mb(p.totalBytes)} MB · ${mb(rate)} MB/s · ${left} s left`);
  };
}

/** The warnings, those for files of other kinds (a site's CSS, scripts and images) made one line. */
function summarise(warnings) {
  const other = /^.*: skipped \((?:unsupported extension `(\.[^`]*)`|no extension); (expected .*)\)$/;
  const kinds = new Map();
  const rest = [];
  let expected = '';
  for (const warning of warnings) {
    const m = warning.match(other);
    if (!m) { rest.push(warning); continue; }
    const kind = m[1] ?? 'no extension';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    expected = m[2];
  }
  const skipped = [...kinds.values()].reduce((a, b) => a + b, 0);
  if (skipped === 1) rest.unshift(warnings.find((w) => other.test(w)));
  else if (skipped > 1) {
    const list = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${kind} ${n}`).join(', ');
    rest.unshift(`${skipped} files skipped (${list}); ${expected}`);
  }
  return rest;
}

async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (argv[0] === '--version') {
    const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  const args = parse(argv);
  const tty = process.stderr.isTTY && !args.quiet;
  const started = Date.now();
  let result;
  try {
    const onProgress = tty ? progress(process.stderr) : undefined;
    result = await build({ input: args.input, out: args.out, split: args.split, onProgress });
  } catch (err) {
    if (tty) process.stderr.write('\r\x1b[K');
    fail(err?.message || String(err));
  }
  if (tty) process.stderr.write('\r\x1b[K');
  for (const warning of summarise(result.warnings)) process.stderr.write(`fahras: warning: ${warning}\n`);
  if (tty) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const what = args.split
      ? `${args.out}/pkg/index/ holds ${result.files.filter((f) => f.includes('index')).length} files`
      : `${args.out}/pkg/fahras_bg.wasm is ${mb(result.wasmBytes)} MB`;
    process.stderr.write(`fahras: ${result.documents} documents indexed in ${seconds} s; ${what}\n`);
  }
}

await main(process.argv.slice(2));
