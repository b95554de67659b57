// axe-core over the real page, under its real CSP, in light and dark: the results view (with an
// active option) and the document view must have no violations at all (see `axe` in helpers.mjs
// for how it is run); the shared collector checks that injecting axe produced no CSP violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axe, box, browserSuite, docView, options } from './helpers.mjs';

const ui = browserSuite();

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
