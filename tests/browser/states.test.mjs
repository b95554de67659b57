// UI states that the seed corpus cannot produce on demand, driven through a stub engine
// (fixtures/stub-engine.js, loaded through the element's `src` attribute): relaxed-match notice,
// "showing results for", "did you mean" links, url/date fields and unsafe urls, the `limit`
// attribute and "N of M" counts, and defensive handling of overlapping highlight ranges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STUB_PAGE as PAGE, box, docText, docView, options, status, stubSuite } from './helpers.mjs';

const ui = stubSuite('browser-stub-www');

const note = (page) => page.locator('fahras-search .note');

test('relaxed results carry a notice', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('مرتخي');
  assert.equal(await options(page).count(), 1);
  assert.match(await note(page).textContent(), /لا توجد مستندات تضمّ كل كلمات البحث/);
  await box(page).fill('');
  assert.equal(await note(page).textContent(), '', 'notice goes with the results');
});

test('"showing results for" names the corrected query, as text', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('مصحح');
  assert.equal(await note(page).textContent(), 'تُعرض نتائج «مصحّح <b>x</b>»');
  assert.equal(await page.locator('fahras-search .note b').count(), 0);
});

test('"did you mean" links run the suggested query', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('مقترح');
  const links = page.locator('fahras-search .note a');
  assert.deepEqual(await links.allTextContents(), ['أمن', 'أمين']);
  assert.match(await note(page).textContent(), /^هل تقصد: أمن، أمين$/);
  assert.equal(new URL(await links.first().getAttribute('href')).searchParams.get('q'), 'أمن');
  assert.ok(await page.locator('fahras-search .none').isVisible(), 'no-results hint shown too');
  await links.first().click();
  assert.equal(await box(page).inputValue(), 'أمن');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'أمن');
  assert.equal(new URL(page.url()).pathname, '/stub.html', 'no navigation');
  const calls = await page.evaluate(() => globalThis.__stubCalls.map((c) => c.query));
  assert.equal(calls.at(-1), 'أمن');
});

test('limit attribute is passed to search; "N of M" count', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('كثير');
  assert.equal(await options(page).count(), 3);
  assert.deepEqual(await page.evaluate(() => globalThis.__stubCalls.at(-1).options), { limit: 3, facets: ['tags'] });
  assert.equal(await status(page).textContent(), '57 نتيجة، تُعرض أول 3');
});

test('url and date are shown; only http(s) urls become links, in the document view', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('روابط');
  assert.equal(await options(page).count(), 2);
  assert.equal(await options(page).first().locator('.m').textContent(), '2025-05-29 · https://example.org/a?x=1');
  assert.equal(await page.locator('fahras-search [role=listbox] a').count(), 0,
    'no links inside options (nested-interactive)');
  await options(page).first().click();
  await docView(page).waitFor();
  const src = page.locator('fahras-search article .src a');
  assert.equal(await src.getAttribute('href'), 'https://example.org/a?x=1');
  assert.equal(await docText(page).locator('mark').textContent(), 'أمن');

  await page.goBack();
  await options(page).nth(1).click();
  await docView(page).waitFor();
  assert.equal(await page.locator('fahras-search article .src').isVisible(), false);
  assert.equal(await page.locator('fahras-search a[href^="javascript"]').count(), 0);
});

test('overlapping, unsorted or out-of-range highlight ranges keep the text intact', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('تداخل');
  const s = options(page).first().locator('.s');
  assert.equal(await s.textContent(), 'abcdefg');
  assert.deepEqual(await s.locator('mark').allTextContents(), ['abcdefg'], 'merged into one mark');
  const t = options(page).first().locator('.t');
  assert.equal(await t.textContent(), 'abcdefg');
  assert.deepEqual(await t.locator('mark').allTextContents(), ['ab']);
});

test('an exception from search() is reported in the alert region, not thrown', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('انهيار');
  assert.match(await page.locator('fahras-search [role=alert]').textContent(), /حدث خطأ في محرك البحث.*stub engine failure/);
  assert.equal(await options(page).count(), 0);
});

test('the loading state is visible until init() resolves', async () => {
  const page = await ui.page();
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route('**/stub-engine.js', async (route) => { await gate; await route.continue(); });
  await page.goto(new URL(PAGE, ui.url).href);
  await page.locator('fahras-search .fs[aria-busy=true]').waitFor();
  assert.match(await status(page).textContent(), /جارٍ تحميل/);
  release();
  await page.locator('fahras-search .fs:not([aria-busy])').waitFor();
  assert.equal(await status(page).textContent(), '');
});

test('words found only approximately are named: "نتائج عن «…»", as text', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('مهرجاان');
  assert.equal(await note(page).textContent(), 'نتائج عن «مهرجان»');
  await box(page).fill('مهرجاان سينمءا');
  assert.equal(await note(page).textContent(), 'نتائج عن «مهرجان»، «سينما <i>x</i>»');
  assert.equal(await page.locator('fahras-search .note i').count(), 0);
  await box(page).fill('مرتخي');
  assert.doesNotMatch(await note(page).textContent(), /نتائج عن/, 'absent: no line');
});

test('a document opened from corrected results is fetched with the corrected query', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('lw,');
  assert.match(await note(page).textContent(), /تُعرض نتائج «مصحح»/);
  await options(page).first().click();
  await docView(page).waitFor();
  assert.deepEqual(await page.evaluate(() => globalThis.__stubGets.at(-1)), { id: 'a', query: 'مصحح' });
  await page.goBack();
  await box(page).fill('مرتخي');
  await options(page).first().click();
  await docView(page).waitFor();
  assert.deepEqual(await page.evaluate(() => globalThis.__stubGets.at(-1)), { id: 'a', query: 'مرتخي' });
});
