// axe-core over the real page, under its real CSP, in light and dark: the results view (with an
// active option) and the document view must have no violations at all (every rule axe runs by
// default, best practices included). axe is injected with page.evaluate, which runs through the
// DevTools protocol and is not subject to the page's CSP (an injected <script> tag would be
// blocked); the shared collector checks that this produced no CSP violation either. axe runs with
// `preload: false`: its CSSOM preload (used only by css-orientation-lock) copies each stylesheet
// into a <style> element, which the page's `style-src 'self'` rightly refuses and reports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, box, browserSuite, docView, options } from './helpers.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const ui = browserSuite();

async function axe(page, label, mustPass = []) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const { violations, passes } = await page.evaluate(() => window.axe.run(document, { preload: false }));
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' >> ')}: ${n.failureSummary}`).join('\n'));
  assert.deepEqual(report, [], `axe violations in ${label}`);
  assert.ok(passes.some((p) => p.id === 'color-contrast'), 'colour contrast was checked');
  for (const id of ['aria-valid-attr-value', ...mustPass]) {
    assert.ok(passes.some((p) => p.id === id), `${id} was checked`);
  }
}

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations in the results and document views (${colorScheme})`, async () => {
    const page = await ui.open('', { colorScheme });
    await axe(page, `${colorScheme} empty page`);

    await box(page).click();
    await box(page).pressSequentially('حموشي');
    assert.equal(await options(page).count(), 5);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await axe(page, `${colorScheme} results view`, ['aria-required-children', 'aria-allowed-role']);

    await box(page).fill('ظظظظظ');
    await page.locator('fahras-search .none').waitFor();
    await axe(page, `${colorScheme} no-results view`);

    await box(page).fill('حموشي');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await docView(page).waitFor();
    await axe(page, `${colorScheme} document view`);
  });
}
