#!/usr/bin/env node
// Folds the JS snippets wasm-bindgen writes for `inline_js` (snippets/<crate>-<hash>/inline<N>.js,
// each imported by the glue) into the glue itself, and removes them, so a build's engine stays
// one JS file and one wasm: no extra request, and nothing else to copy where a build is served or
// packed.
//
//   node scripts/inline-snippets.mjs path/to/glue.js
import fs from 'node:fs';
import path from 'node:path';

const glue = process.argv[2];
if (!glue) {
  console.error('usage: node scripts/inline-snippets.mjs path/to/glue.js');
  process.exit(2);
}
const dir = path.dirname(glue);
const IMPORT = /^import \{ ([\w$, ]+) \} from '\.\/(snippets\/[\w.-]+\/inline\d+\.js)';$/gm;
let found = 0;
const out = fs.readFileSync(glue, 'utf8').replace(IMPORT, (_, names, file) => {
  found++;
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  if (/^\s*(import|export\s+(default|\{|\*))/m.test(code)) {
    throw new Error(`${file}: a snippet may only export functions and consts to be inlined`);
  }
  // Its own scope, so its names cannot meet the glue's.
  return `const { ${names} } = (() => {\n${code.replace(/^export /gm, '')}\nreturn { ${names} };\n})();`;
});
if (/from '\.\/snippets\//.test(out)) throw new Error(`${glue}: an import of a snippet is left that this script cannot fold in`);
fs.writeFileSync(glue, out);
fs.rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
if (found) console.log(`inline-snippets: ${found} snippet(s) folded into ${path.basename(glue)}`);
