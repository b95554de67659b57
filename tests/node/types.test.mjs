// The npm package's TypeScript declarations (npm/index.d.ts, npm/web/fahras.d.ts, npm/types.d.ts):
// they compile under --strict, accept the documented usage, reject misuse, and declare every
// name the JS modules export. Needs no built wasm: the JS modules are read as text, never imported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM = path.join(ROOT, 'npm');
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');
const FLAGS = ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--pretty', 'false'];

let dir;

before(() => {
  assert.ok(fs.existsSync(TSC), `${TSC} is missing: run npm install (typescript is a devDependency)`);
  // A project of its own that depends on the package as installed: `fahras` and `fahras/web`
  // resolve through npm/package.json's `exports`, as they do for a user.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-types-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(NPM, path.join(dir, 'node_modules', 'fahras'), 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` ({ name: source }) into the project and type-checks them: { status, output }. */
function tsc(files) {
  for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), source);
  const run = spawnSync(TSC, [...FLAGS, ...Object.keys(files)], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.error, undefined, `tsc did not run: ${run.error}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const GOOD = `
import { build, openIndex } from 'fahras';
import type { BuildRecord, BuildProgress, BuildResult, Engine, SearchOptions, SearchResult, Hit, DocView,
  FacetCount, Approximate, Range } from 'fahras';
import start, { search, get, SECTION } from 'fahras/web';
import type { SearchResult as WebSearchResult, Hit as WebHit } from 'fahras/web';

const records: BuildRecord[] = [
  { id: 'a', title: 'أ', text: 'نص', url: '/a', date: '2023-12-06', tags: ['x'], refs: ['2:255'], order: -3 },
  { id: 'b', title: '', text: 'نص', url: null, date: null, tags: null },
];
const seen: string[] = [];
const onProgress = (p: BuildProgress): void => {
  if (p.phase === 'read') seen.push(\`\${p.files}/\${p.totalFiles} \${p.bytes}/\${p.totalBytes}\`);
  else seen.push(\`\${p.documents}\`);
};
const built: BuildResult = await build({ input: records, out: 'site', onProgress });
const fromFolder = await build({ input: 'corpus/', out: 'site' });
const counts: number[] = [built.documents, built.wasmBytes, fromFolder.documents];
const paths: string[] = [...built.warnings, ...built.files];

const engine: Engine = await openIndex('site');
const { search: find, get: fetchDoc } = await openIndex('site/pkg/fahras_bg.wasm');
const options: SearchOptions = {
  limit: 20, offset: 0, filter: { tags: ['x'], from: '2025-01-01', to: '2025-12-31' },
  sort: 'date', facets: ['tags'], diacritics: 'require',
};
const res: SearchResult = engine.search('الأمن', options);
find('a', { sort: 'order', diacritics: 'ignore', filter: null });
find('a', null);
const total: number = res.total;
const relaxed: boolean = res.relaxed;
const corrected: string | undefined = res.corrected;
const suggestions: string[] = res.suggestions ?? [];
const approximate: Approximate[] = res.approximate ?? [];
const words = approximate.map((a) => a.word + a.matched);
const tagCounts: FacetCount[] = res.facets?.tags ?? [];
const firstTag: string | undefined = tagCounts[0]?.value;
for (const hit of res.hits) {
  const h: Hit = hit;
  const marked = h.highlights.map(([s, e]) => h.snippet.slice(s, e));
  const inTitle = h.title_highlights.map((r: Range) => h.title.slice(r[0], r[1]));
  const meta: (string | undefined)[] = [h.id, h.url, h.date, h.tags?.join(','), String(h.score)];
}
const doc: DocView | undefined = engine.get('a', 'الأمن');
if (doc) {
  const parts = doc.highlights.map(([s, e]) => doc.text.slice(s, e));
  const title: string = doc.title;
}
fetchDoc('a');
fetchDoc('a', null);

await start();
await start(new URL('pkg/fahras_bg.wasm', 'https://example.org/'));
await start('/pkg/fahras_bg.wasm');
await start(new Uint8Array(8));
await start(new ArrayBuffer(8));
await start(await fetch('/pkg/fahras_bg.wasm'));
await start(await WebAssembly.compile(new Uint8Array(8)));
const section: 'fahras.index' = SECTION;
const webRes: WebSearchResult = search('الأمن', { limit: 5 });
const webHits: WebHit[] = webRes.hits;
const same: SearchResult = webRes;
const webDoc: DocView | undefined = get('a');
const engineLike: Engine = { search, get };
`;

test('the declarations compile under --strict and accept the documented usage', () => {
  const { status, output } = tsc({ 'good.mts': GOOD });
  assert.equal(status, 0, `tsc failed on good.mts:\n${output}`);
});

// Each misuse is one line, marked `// <-`: tsc must reject it, there and nowhere else.
const BAD = {
  'bad-sort.mts': `import { openIndex } from 'fahras';
const e = await openIndex('site');
e.search('q', { sort: 'nope' }); // <-
`,
  'bad-facets.mts': `import { search } from 'fahras/web';
search('q', { facets: ['title'] }); // <-
`,
  'bad-diacritics.mts': `import { search } from 'fahras/web';
search('q', { diacritics: 'strip' }); // <-
`,
  'bad-filter.mts': `import { search } from 'fahras/web';
search('q', { filter: { tags: 'x' } }); // <-
`,
  'bad-query.mts': `import { search } from 'fahras/web';
search(42); // <-
`,
  'bad-camel.mts': `import { search } from 'fahras/web';
const [hit] = search('q').hits;
if (hit) console.log(hit.titleHighlights); // <-
`,
  'bad-unchecked-get.mts': `import { get } from 'fahras/web';
console.log(get('a').title); // <-
`,
  'bad-optional-field.mts': `import { search } from 'fahras/web';
const tags: string[] = search('q').hits[0]!.tags; // <-
`,
  'bad-no-out.mts': `import { build } from 'fahras';
await build({ input: 'corpus' }); // <-
`,
  'bad-record.mts': `import { build } from 'fahras';
await build({ input: [{ id: 'a', title: 't', text: 'x', refs: [7] }], out: 'site' }); // <-
`,
  'bad-record-missing.mts': `import { build } from 'fahras';
await build({ input: [{ id: 'a', text: 'x' }], out: 'site' }); // <-
`,
  'bad-progress.mts': `import { build } from 'fahras';
await build({ input: 'corpus', out: 'site', onProgress: (p) => console.log(p.documents) }); // <-
`,
  'bad-open.mts': `import { openIndex } from 'fahras';
await openIndex(new URL('file:///site')); // <-
`,
  // Not `start(42)`: WebAssembly.Module is an interface with no members, which a number fits.
  'bad-start.mts': `import start from 'fahras/web';
await start(null); // <-
`,
  'bad-result.mts': `import { search } from 'fahras/web';
const n: string = search('q').total; // <-
`,
};

for (const [name, source] of Object.entries(BAD)) {
  test(`tsc rejects misuse: ${name}`, () => {
    const { status, output } = tsc({ [name]: source });
    assert.notEqual(status, 0, `tsc accepted ${name}:\n${source}`);
    const expected = source.split('\n').findIndex((l) => l.endsWith('// <-')) + 1;
    const lines = [...output.matchAll(new RegExp(`^${name.replace('.', '\\.')}\\((\\d+),\\d+\\): error`, 'gm'))]
      .map((m) => Number(m[1]));
    assert.ok(lines.length > 0, `${name}: tsc failed without an error in the file:\n${output}`);
    assert.deepEqual([...new Set(lines)], [expected], `${name}: errors off the marked line:\n${output}`);
  });
}

/** The names `source` (an ES module) exports, read from its `export` statements as text. */
function jsExports(source) {
  const names = new Set();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const m of code.matchAll(/^export\s+(.*)$/gm)) {
    const rest = m[1];
    let d;
    if (/^default\b/.test(rest)) names.add('default');
    else if ((d = /^(?:async\s+)?function\s*\*?\s*([\w$]+)/.exec(rest))) names.add(d[1]);
    else if ((d = /^(?:const|let|var|class)\s+([\w$]+)/.exec(rest))) names.add(d[1]);
    else if (rest.startsWith('{')) {
      const list = code.slice(m.index).match(/^export\s*\{([^}]*)\}/)[1];
      for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
        names.add(item.split(/\s+as\s+/).at(-1));
      }
    } else assert.fail(`cannot read the export statement: export ${rest}`);
  }
  return names;
}

/** The values (not types) `source`, a declaration file, exports. */
function dtsValues(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export\s+(?:declare\s+)?(default\s+)?(?:async\s+)?(?:function|const|let|var|class)\s+([\w$]+)?/gm)) {
    names.add(m[1] ? 'default' : m[2]);
  }
  return names;
}

for (const [js, dts, specifier] of [
  ['index.mjs', 'index.d.ts', 'fahras'],
  ['web/fahras.js', 'web/fahras.d.ts', 'fahras/web'],
]) {
  test(`every export of npm/${js} is declared in npm/${dts}, and nothing more`, () => {
    const exported = jsExports(fs.readFileSync(path.join(NPM, js), 'utf8'));
    assert.ok(exported.size > 0, `no exports read from npm/${js}`);
    const declared = dtsValues(fs.readFileSync(path.join(NPM, dts), 'utf8'));
    assert.deepEqual([...declared].sort(), [...exported].sort(), `npm/${dts} declares other values than npm/${js} exports`);
    // And the compiler agrees: each is importable from the package as a value.
    const named = [...exported].filter((n) => n !== 'default');
    const def = exported.has('default') ? 'def' : '';
    const imports = [def, named.length ? `{ ${named.join(', ')} }` : ''].filter(Boolean).join(', ');
    const name = `exports-${dts.replace(/\W/g, '-')}.mts`;
    const source = `import ${imports} from '${specifier}';\nexport const values: unknown[] = [${[def, ...named].filter(Boolean).join(', ')}];\n`;
    const { status, output } = tsc({ [name]: source });
    assert.equal(status, 0, `tsc rejected the imports of npm/${js}'s exports:\n${source}\n${output}`);
  });
}
