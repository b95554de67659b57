// Tag facet chips, driven through the stub engine (fixtures/stub-engine.js), whose canned
// "موضوعات" corpus counts facets over every match and honours filter.tags: chips with counts,
// toggling by mouse and keyboard (focus kept), the filter in the next search call, the status
// announcing the new count, a selected chip kept at count 0, markup in a tag shown as text, an
// older engine that refuses options.facets, and axe with chips shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STUB_PAGE as PAGE, axe, box, options, status, stubSuite } from './helpers.mjs';

const ui = stubSuite('browser-facets-www');
const HOSTILE_TAG = '<img src=x onerror="window.__pwned=1"><b>وسم</b>';

const group = (page) => page.locator('fahras-search [role=group]');
const chips = (page) => page.locator('fahras-search [role=group] button');
const chip = (page, tag) => page.locator(`fahras-search [role=group] button[data-tag=${JSON.stringify(tag)}]`);
const chipList = (page) => chips(page).evaluateAll((bs) =>
  bs.map((b) => [b.dataset.tag, b.querySelector('.n').textContent, b.getAttribute('aria-pressed')]));
const lastOptions = (page) => page.evaluate(() => globalThis.__stubCalls.at(-1).options);
const focusedTag = (page) => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.dataset.tag ?? null);

test('chips show the facet values with their counts, in a labelled group', async () => {
  const page = await ui.open(PAGE);
  assert.equal(await group(page).isVisible(), false, 'no chips before a query');
  await box(page).fill('موضوعات');
  assert.equal(await group(page).getAttribute('aria-label'), 'تصفية حسب الموضوع');
  assert.deepEqual(await chipList(page), [
    ['رياضة', '3', 'false'], ['ثقافة', '2', 'false'], [HOSTILE_TAG, '1', 'false']]);
  assert.equal(await chip(page, 'رياضة').textContent(), 'رياضة 3');
  assert.deepEqual(await lastOptions(page), { limit: 3, facets: ['tags'] }, 'facets asked for, no filter');
  // between the notes and the list
  const order = await page.locator('fahras-search section > *').evaluateAll((els) => els.map((e) => e.className || e.id));
  assert.deepEqual(order, ['note', 'chips', 'lb', 'none']);

  await box(page).fill('بلا وسوم'); // facets.tags = []
  assert.equal(await group(page).isVisible(), false);
  await box(page).fill('مرتخي'); // no facets in the result at all
  assert.equal(await group(page).isVisible(), false);
  assert.equal(await chips(page).count(), 0);
});

test('clicking a chip filters: aria-pressed, filter.tags in the next call, status, results', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('موضوعات');
  assert.equal(await status(page).textContent(), '6 نتائج، تُعرض أول 3');

  await chip(page, 'ثقافة').click();
  assert.equal(await chip(page, 'ثقافة').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await lastOptions(page), { limit: 3, facets: ['tags'], filter: { tags: ['ثقافة'] } });
  assert.deepEqual(await options(page).evaluateAll((els) => els.map((e) => e.dataset.id)), ['t2', 't3']);
  assert.equal(await status(page).textContent(), 'نتيجتان؛ التصفية: ثقافة');
  assert.deepEqual((await chipList(page)).map((c) => c[1]), ['3', '2', '1'], 'counts ignore the tag filter');

  await chip(page, HOSTILE_TAG).click(); // several: any of them passes
  assert.deepEqual((await lastOptions(page)).filter, { tags: ['ثقافة', HOSTILE_TAG] });
  assert.deepEqual(await options(page).evaluateAll((els) => els.map((e) => e.dataset.id)), ['t2', 't3', 't5']);
  assert.equal(await status(page).textContent(), `3 نتائج؛ التصفية: ثقافة، ${HOSTILE_TAG}`);

  await chip(page, 'ثقافة').click();
  await chip(page, HOSTILE_TAG).click();
  assert.equal(await lastOptions(page).then((o) => 'filter' in o), false, 'no filter once none is selected');
  assert.equal(await status(page).textContent(), '6 نتائج، تُعرض أول 3');
  assert.equal(await page.locator('fahras-search [aria-pressed=true]').count(), 0);
});

test('keyboard only: Tab reaches the chips, Space and Enter toggle, focus stays on the chip', async () => {
  const page = await ui.open(PAGE);
  await box(page).click();
  await box(page).pressSequentially('موضوعات');
  await page.keyboard.press('Tab');
  assert.equal(await focusedTag(page), 'رياضة', 'Tab from the box lands on the first chip');
  await page.keyboard.press('Space');
  assert.equal(await chip(page, 'رياضة').getAttribute('aria-pressed'), 'true');
  assert.equal(await focusedTag(page), 'رياضة', 'focus kept after the re-render');
  assert.equal(await status(page).textContent(), '3 نتائج؛ التصفية: رياضة');
  assert.ok(await chip(page, 'رياضة').evaluate((b) => b.matches(':focus-visible')), 'focus ring shown');

  await page.keyboard.press('Tab');
  assert.equal(await focusedTag(page), 'ثقافة');
  await page.keyboard.press('Enter');
  assert.equal(await chip(page, 'ثقافة').getAttribute('aria-pressed'), 'true');
  assert.equal(await focusedTag(page), 'ثقافة');
  assert.deepEqual((await lastOptions(page)).filter, { tags: ['رياضة', 'ثقافة'] });
  assert.equal(await status(page).textContent(), '4 نتائج، تُعرض أول 3؛ التصفية: رياضة، ثقافة');

  await page.keyboard.press('Enter');
  assert.equal(await chip(page, 'ثقافة').getAttribute('aria-pressed'), 'false');
  assert.equal(await focusedTag(page), 'ثقافة');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role')), 'combobox');
});

test('the selection survives query edits (count 0 chips stay) and ends with a blank box', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('موضوعات');
  await chip(page, 'ثقافة').click();
  await box(page).fill('موضوعات قليلة'); // the engine no longer returns ثقافة-only counts... nor t3
  assert.deepEqual((await lastOptions(page)).filter, { tags: ['ثقافة'] }, 'kept while refining the query');
  assert.deepEqual(await chipList(page), [['رياضة', '2', 'false'], ['ثقافة', '1', 'true']]);
  await box(page).fill('بلا وسوم'); // facets.tags = []: the selected chip is still there, count 0
  assert.deepEqual(await chipList(page), [['ثقافة', '0', 'true']]);
  assert.equal(await status(page).textContent(), 'لا نتائج؛ التصفية: ثقافة');
  await chip(page, 'ثقافة').click(); // undo it: the focused chip stays until the next search
  assert.deepEqual(await chipList(page), [['ثقافة', '0', 'false']]);
  assert.equal(await focusedTag(page), 'ثقافة');
  assert.equal(await status(page).textContent(), 'نتيجة واحدة');

  await box(page).fill('موضوعات');
  await chip(page, 'رياضة').click();
  await box(page).fill('');
  assert.equal(await group(page).isVisible(), false);
  await box(page).fill('موضوعات');
  assert.equal(await page.locator('fahras-search [aria-pressed=true]').count(), 0, 'blank box cleared it');
  assert.equal('filter' in (await lastOptions(page)), false);
});

test('the 12 most frequent tags are chips; a selected one beyond them keeps its count', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('كتب');
  assert.deepEqual((await chipList(page)).map((c) => c[0]), Array.from({ length: 12 }, (_, i) => `كتاب ${i + 1}`));
  await chip(page, 'كتاب 12').click();
  await box(page).fill('كتب أخرى'); // كتاب 12 is now in one document, below the 12 most frequent
  const list = await chipList(page);
  assert.equal(list.length, 13);
  assert.deepEqual(list.at(-1), ['كتاب 12', '1', 'true']);
});

test('a tag with markup in it is shown as text', async () => {
  const page = await ui.open(PAGE);
  await box(page).fill('موضوعات');
  assert.equal(await chip(page, HOSTILE_TAG).locator('bdi').textContent(), HOSTILE_TAG);
  await chip(page, HOSTILE_TAG).click();
  assert.equal(await page.locator('fahras-search :is(img, b)').count(), 0);
  assert.ok((await status(page).textContent()).includes(HOSTILE_TAG));
  assert.equal(await page.evaluate(() => new Promise((r) => setTimeout(() => r(window.__pwned), 100))), undefined);
});

test('an older engine that throws on options.facets still searches, without chips', async () => {
  const page = await ui.open(PAGE);
  await page.evaluate(() => (globalThis.__stubOld = true));
  await box(page).fill('موضوعات');
  assert.equal(await options(page).count(), 3);
  assert.equal(await page.locator('fahras-search [role=alert]').textContent(), '');
  assert.equal(await group(page).isVisible(), false);
  await box(page).fill('موضوعات قليلة');
  assert.deepEqual(await lastOptions(page), { limit: 3 }, 'asked again without facets');
  await box(page).fill('انهيار'); // a real engine error is still reported
  assert.match(await page.locator('fahras-search [role=alert]').textContent(), /stub engine failure/);
});

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations with chips shown, one selected (${colorScheme})`, async () => {
    const page = await ui.open(PAGE, { colorScheme });
    await box(page).fill('موضوعات');
    await chip(page, 'رياضة').click();
    await page.mouse.move(0, 0);
    assert.equal(await chips(page).count(), 3);
    await axe(page, `${colorScheme} chips`, ['aria-allowed-attr', 'button-name']);
  });
}
