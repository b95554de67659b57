// End-to-end tests of the demo page (www/) against the real engine built from seeds/:
// as-you-type results, combobox keyboard model, document view, URL/history state, no-results,
// load-error state, layout at 360 px and screenshots. Every test also asserts that the page logged
// no console error and triggered no CSP violation.
import { isSeedText } from '../node/engine.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT, WWW, box, browserSuite, copyFrontEnd, docText, docView, focused, load, options, seeds,
  serve, shot, status,
} from './helpers.mjs';

const QUERY = 'حموشي';
const SEEDS = seeds();
const ui = browserSuite();

const activeId = (page) => box(page).getAttribute('aria-activedescendant');
const selectedIds = (page) => page.locator('fahras-search [role=option][aria-selected=true]')
  .evaluateAll((els) => els.map((e) => e.id));
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

async function typeQuery(page, q) {
  await box(page).click();
  await box(page).pressSequentially(q);
}

describe('results list', () => {
  test(`typing ${QUERY} lists all five seed documents with highlighted snippets`, async () => {
    const page = await ui.open();
    assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
    await typeQuery(page, QUERY.slice(0, 3)); // as-you-type: a prefix already finds documents
    assert.ok((await options(page).count()) > 0, 'results after 3 letters');
    await box(page).pressSequentially(QUERY.slice(3));

    const ids = await options(page).evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.deepEqual([...ids].sort(), SEEDS.map((s) => s.id));
    for (let i = 0; i < ids.length; i++) {
      const o = options(page).nth(i);
      assert.ok((await o.locator('.s mark').count()) > 0, `snippet of ${ids[i]} has <mark>`);
      assert.ok((await o.locator('.t').textContent()).length > 0, 'title shown');
      for (const m of await o.locator('.s mark').allTextContents()) assert.match(m, /حموشي/);
    }
    assert.match(await status(page).textContent(), /5 نتائج/);
    assert.equal(await status(page).getAttribute('aria-live'), 'polite');
    assert.equal(await box(page).getAttribute('aria-expanded'), 'true');
    assert.equal(await box(page).getAttribute('aria-controls'), 'lb');
    assert.equal(await page.locator('fahras-search #lb').getAttribute('role'), 'listbox');
    assert.equal(params(page).q, QUERY, 'the query is in the URL');
    assert.equal(params(page).doc, undefined);
    await shot(page, 'results.png');
    if (process.env.UPDATE_SCREENSHOT === '1') await page.screenshot({ path: path.join(ROOT, 'www', 'screenshot.png') });
  });

  test('↑ ↓ Home End move aria-activedescendant / aria-selected; Esc closes, then clears', async () => {
    const page = await ui.open();
    await typeQuery(page, QUERY);
    assert.equal(await activeId(page), null, 'no active option after typing');
    const n = await options(page).count();
    assert.equal(n, 5);
    const expect = async (id) => {
      assert.equal(await activeId(page), id);
      assert.deepEqual(await selectedIds(page), [id]);
      assert.equal(await focused(page), 'combobox', 'DOM focus stays in the box');
    };
    await page.keyboard.press('ArrowDown'); await expect('o0');
    await page.keyboard.press('ArrowDown'); await expect('o1');
    await page.keyboard.press('ArrowUp'); await expect('o0');
    await page.keyboard.press('End'); await expect(`o${n - 1}`);
    await page.keyboard.press('Home'); await expect('o0');
    await page.keyboard.press('ArrowUp'); await expect(`o${n - 1}`); // wraps
    await page.keyboard.press('ArrowDown'); await expect('o0');

    await page.keyboard.press('Escape');
    assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await activeId(page), null);
    assert.equal(await page.locator('fahras-search #lb').isVisible(), false);
    assert.equal(await box(page).inputValue(), QUERY, 'first Esc keeps the query');
    await page.keyboard.press('ArrowDown'); await expect('o0'); // reopens
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await box(page).inputValue(), '', 'second Esc clears the query');
    assert.equal(await options(page).count(), 0);
    assert.equal(params(page).q, undefined);
  });

  test('a query without results shows the hint', async () => {
    const page = await ui.open();
    await typeQuery(page, 'ظظظظظ');
    const none = page.locator('fahras-search .none');
    await none.waitFor();
    assert.match(await none.textContent(), /لا نتائج لـ«ظظظظظ»/);
    assert.match(await none.textContent(), /الإملاء/, 'hint');
    assert.equal(await options(page).count(), 0);
    assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
    assert.match(await status(page).textContent(), /لا نتائج/);
  });

  test('a relaxed match (not every word found) says so', async () => {
    const page = await ui.open();
    await typeQuery(page, `${QUERY} زعفران`);
    assert.ok((await options(page).count()) > 0);
    assert.match(await page.locator('fahras-search .note').textContent(), /لا توجد مستندات تضمّ كل كلمات البحث/);
    await box(page).fill(QUERY);
    assert.equal(await page.locator('fahras-search .note').textContent(), '');
  });

  test('HTML typed into the box is shown as text', async () => {
    const page = await ui.open();
    const q = '<img src=x onerror="window.__pwned=1"><b>ظظظ</b>';
    await box(page).fill(q);
    const none = page.locator('fahras-search .none');
    await none.waitFor();
    assert.ok((await none.textContent()).includes(q));
    assert.equal(await page.locator('fahras-search img, fahras-search b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });
});

describe('document view', () => {
  test('Enter opens the active result: full text, marks, first mark in view; back restores', async () => {
    const page = await ui.open();
    await typeQuery(page, QUERY);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const id = await options(page).nth(1).getAttribute('data-id');
    await page.keyboard.press('Enter');

    await docView(page).waitFor();
    assert.equal(await page.locator('fahras-search #lb').isVisible(), false);
    assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
    const seed = SEEDS.find((s) => s.id === id);
    assert.ok(isSeedText(await docText(page).textContent(), seed.text), `document text is seeds/${id}.txt`);
    const marks = docText(page).locator('mark');
    assert.ok((await marks.count()) > 0, 'query highlighted in the document');
    for (const m of await marks.allTextContents()) assert.match(m, /حموشي/);
    assert.ok(await inViewport(marks.first()), 'first mark scrolled into view');
    assert.equal(await focused(page), 'h2', 'focus moves to the document title');
    assert.deepEqual(params(page), { q: QUERY, doc: id });
    await shot(page, 'document.png');

    await page.locator('fahras-search button.back').click();
    await page.locator('fahras-search #lb').waitFor();
    assert.equal(await docView(page).isVisible(), false);
    assert.equal(await box(page).inputValue(), QUERY, 'query kept');
    assert.equal(await options(page).count(), 5);
    assert.equal(await focused(page), 'combobox', 'focus back in the box');
    assert.equal(await activeId(page), 'o1', 'the opened result is still the active option');
    assert.deepEqual(params(page), { q: QUERY });
  });

  test('a query typed on the Latin layout opens documents with the corrected words marked', async () => {
    const page = await ui.open();
    await typeQuery(page, "hgvfh'"); // الرباط on the Arabic keyboard
    assert.match(await page.locator('fahras-search .note').textContent(), /تُعرض نتائج «الرباط»/);
    assert.ok((await options(page).count()) > 0);
    await options(page).first().click();
    await docView(page).waitFor();
    const marks = docText(page).locator('mark');
    assert.ok((await marks.count()) > 0, 'the document is highlighted for الرباط');
    for (const m of await marks.allTextContents()) assert.match(m, /الرباط/);
    assert.equal(params(page).q, "hgvfh'", 'the URL keeps what was typed');

    // get() must not depend on the engine remembering the last search: another search by the page
    // (same module instance as the element's) in between, and the document is still highlighted.
    await page.goBack();
    await page.locator('fahras-search #lb').waitFor();
    await page.evaluate(async () => (await import('./pkg/fahras.js')).search('حموشي'));
    await options(page).first().click();
    await docView(page).waitFor();
    assert.ok((await marks.count()) > 0, 'highlighted after another search too');
    for (const m of await marks.allTextContents()) assert.match(m, /الرباط/);
  });

  test('click opens; browser back and forward move between list and document', async () => {
    const page = await ui.open();
    await typeQuery(page, QUERY);
    const id = await options(page).nth(2).getAttribute('data-id');
    await options(page).nth(2).click();
    await docView(page).waitFor();
    assert.equal(params(page).doc, id);

    await page.goBack();
    await page.locator('fahras-search #lb').waitFor();
    assert.equal(await docView(page).isVisible(), false);
    assert.equal(await box(page).inputValue(), QUERY);
    assert.deepEqual(params(page), { q: QUERY });
    assert.equal(await options(page).count(), 5);
    assert.equal(await focused(page), 'combobox');

    await page.goForward();
    await docView(page).waitFor();
    assert.ok(isSeedText(await docText(page).textContent(), SEEDS.find((s) => s.id === id).text));

    // Esc in the document view goes back too.
    await page.keyboard.press('Escape');
    await page.locator('fahras-search #lb').waitFor();
    assert.deepEqual(params(page), { q: QUERY });
  });

  test('loading ?q=…&doc=… restores query and document, scrolled to the first mark', async () => {
    // بومبيو first occurs far down in 003, so the view must scroll to reach it.
    const q = 'بومبيو', id = '003_11ad936ddc67a289';
    const viewport = { width: 1000, height: 600 };
    const page = await ui.open(`?q=${encodeURIComponent(q)}&doc=${id}`, { viewport });
    await docView(page).waitFor();
    assert.equal(await box(page).inputValue(), q);
    assert.ok(isSeedText(await docText(page).textContent(), SEEDS.find((s) => s.id === id).text));
    const first = docText(page).locator('mark').first();
    assert.match(await first.textContent(), /بومبيو/);
    assert.ok(await inViewport(first), 'first mark in view');
    assert.ok(await page.evaluate(() => scrollY > 0), 'page scrolled down to it');

    // Back from a document opened by URL lands on its result list (a new history entry).
    await page.locator('fahras-search button.back').click();
    await page.locator('fahras-search #lb').waitFor();
    assert.deepEqual(params(page), { q });
    assert.ok(await page.locator(`fahras-search [role=option][data-id="${id}"]`).count());
    assert.equal(await focused(page), 'combobox');
    await page.goBack();
    await docView(page).waitFor();
    assert.deepEqual(params(page), { q, doc: id });
  });

  test('a title that is the first line is shown once, as the headline of the text', async () => {
    const page = await ui.page();
    let headlines = 0;
    for (const { id, text } of SEEDS) {
      await load(page, `${ui.url}?q=${encodeURIComponent(QUERY)}&doc=${id}`);
      await docView(page).waitFor();
      assert.ok(isSeedText(await docText(page).textContent(), text), `${id}: document text`);
      const title = await page.locator('fahras-search article h2').textContent();
      const lead = page.locator('fahras-search article .text .lead');
      if (text.split('\n')[0] === title) {
        headlines++;
        assert.equal((await lead.textContent()).trimEnd(), title, `${id}: first line is the headline`);
        assert.ok(await lead.isVisible());
        assert.equal(await page.locator('fahras-search article h2.sr').count(), 1, `${id}: h2 kept for screen readers only`);
      } else {
        assert.equal(await lead.count(), 0, `${id}: derived title, text shown as is`);
        assert.ok(await page.locator('fahras-search article h2').isVisible(), `${id}: derived title visible`);
      }
    }
    assert.ok(headlines > 0, 'at least one seed has its first line as title');
  });

  test('an unknown ?doc= falls back to the list', async () => {
    const page = await ui.open(`?q=${encodeURIComponent(QUERY)}&doc=no-such-doc`);
    assert.equal(await docView(page).isVisible(), false);
    assert.equal(await options(page).count(), 5);
    assert.match(await status(page).textContent(), /لم يُعثر/);
  });
});

describe('looks', () => {
  test('dark mode', async () => {
    const page = await ui.open('', { colorScheme: 'dark' });
    await typeQuery(page, QUERY);
    await page.keyboard.press('ArrowDown');
    const bg = await page.locator('fahras-search').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(bg, 'rgb(20, 20, 20)');
    await shot(page, 'dark.png');
  });

  test('360 px wide: no horizontal scrolling, Arabic font stack and line height', async () => {
    const page = await ui.open('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await box(page).tap();
    await box(page).pressSequentially(QUERY);
    assert.equal(await options(page).count(), 5);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal overflow');
    const s = await options(page).first().locator('.s').evaluate((e) => {
      const c = getComputedStyle(e);
      return { font: c.fontFamily, lh: parseFloat(c.lineHeight) / parseFloat(c.fontSize), dir: c.direction };
    });
    assert.match(s.font, /^"Noto Naskh Arabic"/);
    assert.ok(s.lh >= 1.8, `line-height ${s.lh}`);
    assert.equal(s.dir, 'rtl');
    await shot(page, 'mobile.png');
    await options(page).first().tap();
    await docView(page).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'document fits too');
    await shot(page, 'mobile-document.png');
  });
});

describe('load failure', () => {
  let broken;
  const dir = path.join(ROOT, 'target', 'browser-broken-www');
  before(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    copyFrontEnd(dir);
    fs.mkdirSync(path.join(dir, 'pkg'));
    fs.copyFileSync(path.join(WWW, 'pkg', 'fahras.js'), path.join(dir, 'pkg', 'fahras.js'));
    fs.writeFileSync(path.join(dir, 'pkg', 'fahras_bg.wasm'), Buffer.from('this is not WebAssembly, just garbage bytes\n'));
    broken = await serve(dir);
  });
  after(() => broken?.close());

  test('garbage wasm shows a role=alert error and disables the box', async () => {
    const page = await ui.open(broken.url);
    const alert = page.locator('fahras-search [role=alert]');
    assert.match(await alert.textContent(), /تعذّر تحميل محرك البحث/);
    assert.ok(await alert.isVisible());
    assert.ok(await box(page).isDisabled());
    assert.equal(await status(page).textContent(), '', 'loading message gone');
    await shot(page, 'error.png');
  });
});

async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  });
}
