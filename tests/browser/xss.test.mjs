// Markup in the corpus and in the query must be shown as text, never parsed. The `before` hook
// builds a second engine over a hostile corpus (target/xss-corpus) into target/xss-www/pkg with its
// own cargo target dir (so the seeds build in target/ is left alone), copies the front end next to
// it and serves it. It is part of the suite, not optional: no build, no pass.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  ROOT, box, browserSuite, copyFrontEnd, docText, docView, load, options, requireBuild, status,
} from './helpers.mjs';

const CORPUS = path.join(ROOT, 'target', 'xss-corpus');
const OUT = path.join(ROOT, 'target', 'xss-www');
const WORD = 'زعفران';
const FILES = {
  'xss_1.txt': `<img src=x onerror="window.__pwned=1"> ${WORD} تالوين\n` +
    `<script>window.__pwned=1</script> يشتهر ${WORD} تالوين بجودته العالية ويُقطف في الخريف.\n` +
    `<iframe src="javascript:window.__pwned=1"></iframe> & &amp; &lt;b&gt; "quotes" 'single' <!-- comment -->\n`,
  'xss_2.txt': `${WORD} <svg onload="window.__pwned=1"></svg>\n` +
    `نص عن ${WORD} مع <a href="javascript:window.__pwned=1">رابط</a> و<style>:host,body{display:none}</style>\n`,
};
const HOSTILE = 'fahras-search :is(img, svg, iframe, script, style, a[href^="javascript"], b)';

function cargoRunning() {
  try {
    execFileSync('pgrep', ['-x', 'cargo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function buildHostileEngine() {
  fs.mkdirSync(CORPUS, { recursive: true });
  for (const f of fs.readdirSync(CORPUS)) if (!(f in FILES)) fs.rmSync(path.join(CORPUS, f));
  for (const [f, text] of Object.entries(FILES)) {
    const p = path.join(CORPUS, f); // rewrite only on change, so cargo can skip an up-to-date build
    if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) fs.writeFileSync(p, text);
  }
  // One cargo build at a time on a 2-core machine: wait (up to 30 min) for any other to finish.
  for (let t = 0; cargoRunning() && t < 360; t++) await new Promise((r) => setTimeout(r, 5000));
  const env = { ...process.env, FAHRAS_CORPUS: CORPUS, CARGO_TARGET_DIR: path.join(ROOT, 'target', 'xss') };
  const child = spawn('bash', ['scripts/build-wasm.sh', path.join(OUT, 'pkg')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0, `building the XSS corpus failed:\n${log.slice(-4000)}`);
  copyFrontEnd(OUT);
  requireBuild(OUT);
}

const ui = browserSuite({ root: OUT, prepare: buildHostileEngine });

const pwned = (page) => page.evaluate(() => new Promise((r) => setTimeout(() => r(window.__pwned), 100)));

test('markup in titles, snippets and documents is shown as literal text', async () => {
  const page = await ui.open();
  await box(page).click();
  await box(page).pressSequentially(WORD);
  assert.equal(await options(page).count(), 2);
  const listed = (await options(page).allTextContents()).join('\n');
  assert.ok(listed.includes('<img src=x onerror="window.__pwned=1">'), `title markup as text:\n${listed}`);
  assert.ok(listed.includes('<svg onload="window.__pwned=1"></svg>'), 'second title as text');
  assert.ok((await page.locator('fahras-search [role=option] mark').count()) > 0);
  assert.equal(await page.locator(HOSTILE).count(), 0, 'no element parsed from the corpus');

  for (const [f, text] of Object.entries(FILES)) {
    const id = f.slice(0, -4);
    await page.locator(`fahras-search [role=option][data-id="${id}"]`).click();
    await docView(page).waitFor();
    assert.equal(await docText(page).textContent(), text, `${f} shown verbatim`);
    assert.ok((await docText(page).locator('mark').count()) > 0);
    assert.equal(await page.locator(HOSTILE).count(), 0, `no element parsed from ${f}`);
    assert.ok(await page.locator('fahras-search .text').isVisible(), 'injected <style> did not apply');
    await page.goBack();
    await page.locator('fahras-search #lb').waitFor();
  }
  assert.equal(await pwned(page), undefined);
});

test('a query containing HTML is echoed as text', async () => {
  const page = await ui.open();
  // Its words (img, src, onerror, window…) occur in xss_1, so this one finds it (relaxed match).
  const found = '<img src=y onerror="window.__pwned=1"><b>ظظظ</b>';
  await box(page).fill(found);
  assert.ok((await options(page).count()) > 0);
  assert.equal(await page.locator(HOSTILE).count(), 0);
  assert.equal(new URL(page.url()).searchParams.get('q'), found, 'URL keeps the raw query');

  const q = '<marquee>ظظظ</marquee>'; // no word of it occurs: echoed in the no-results message
  await box(page).fill(q);
  const none = page.locator('fahras-search .none');
  await none.waitFor();
  assert.ok((await none.textContent()).includes(`«${q}»`));
  assert.equal(await page.locator('fahras-search marquee').count(), 0);

  // And the same through the URL, with a document id that is markup too.
  await load(page, `${ui.url}?q=${encodeURIComponent(found)}&doc=${encodeURIComponent('<img src=z onerror=window.__pwned=1>')}`);
  assert.equal(await box(page).inputValue(), found);
  assert.match(await status(page).textContent(), /لم يُعثر/);
  assert.equal(await page.locator(HOSTILE).count(), 0);
  assert.equal(await pwned(page), undefined);
});
