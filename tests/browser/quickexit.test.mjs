// Quick exit: with JavaScript, Esc or the button replace the page with /exit (no new history entry,
// and the page one was on is gone from the back button); without JavaScript it is a plain link.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, startHarbour } from './server.mjs';
import { CROSS_BORDER, NIL_UUID, submitSearch } from './helpers.mjs';

let harbour;
let browser;

before(async () => {
  harbour = await startHarbour();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (harbour) await harbour.stop();
});

const path = (page) => new URL(page.url()).pathname;
const historyLength = (page) => page.evaluate(() => window.history.length);

/** Visits /en/ then /en/countries/es (two history entries), returns history.length there. */
async function visitTwoPages(page) {
  await page.goto(`${harbour.origin}/en/`);
  assert.equal(path(page), '/en/');
  // Follow a link, as a person would, so the second page is a real new history entry.
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('main a[href="/en/countries/es"]').first().click(),
  ]);
  assert.equal(path(page), '/en/countries/es');
  return historyLength(page);
}

async function assertNeutralExitPage(page) {
  assert.equal(path(page), '/exit');
  assert.equal(await page.locator('#quick-exit').count(), 0, 'the exit page must not look like Harbour');
  const text = (await page.locator('body').innerText()).toLowerCase();
  assert.ok(!text.includes('harbour') && !text.includes('victim') && !text.includes('crime'),
    `the exit page must be neutral, it says: ${text}`);
  assert.ok(!(await page.title()).toLowerCase().includes('harbour'), 'the exit page title names Harbour');
}

describe('quick exit with JavaScript', () => {
  for (const how of ['Escape key', 'click on the button']) {
    test(`${how}: replaces the page with /exit without a new history entry`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        const before = await visitTwoPages(page);
        assert.ok(before >= 2, `history.length should count both pages, is ${before}`);
        // The script is what turns the link into location.replace; make sure it is there.
        await page.waitForFunction(() => document.readyState === 'complete');
        const exitNav = page.waitForURL(`${harbour.origin}/exit`, { waitUntil: 'load' });
        if (how === 'Escape key') {
          await page.keyboard.press('Escape');
        } else {
          await page.locator('#quick-exit').click();
        }
        await exitNav;
        await assertNeutralExitPage(page);
        const afterLen = await historyLength(page);
        assert.equal(afterLen, before, `history.length grew from ${before} to ${afterLen}: quick exit added an entry`);

        // The country page was replaced: going back lands on /en/, not on /en/countries/es.
        await page.goBack({ waitUntil: 'load' });
        assert.equal(path(page), '/en/', `back after quick exit should land on /en/, landed on ${page.url()}`);
        // and forward goes to the exit page again, not to the country page.
        await page.goForward({ waitUntil: 'load' });
        assert.equal(path(page), '/exit');
      } finally {
        await context.close();
      }
    });
  }

  test('Escape works while typing in a form field', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${harbour.origin}/en/`);
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('header nav a[href="/en/support"]').click(),
      ]);
      const before = await historyLength(page);
      await page.locator('#near').fill('Madrid');
      await page.locator('#near').focus();
      const exitNav = page.waitForURL(`${harbour.origin}/exit`, { waitUntil: 'load' });
      await page.keyboard.press('Escape');
      await exitNav;
      await assertNeutralExitPage(page);
      assert.equal(await historyLength(page), before);
      await page.goBack({ waitUntil: 'load' });
      assert.equal(path(page), '/en/');
    } finally {
      await context.close();
    }
  });
});

describe('quick exit without JavaScript', () => {
  test('the link navigates to /exit (a plain link: a normal history entry)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      const before = await visitTwoPages(page);
      // Esc does nothing without the script.
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      assert.equal(path(page), '/en/countries/es');

      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('#quick-exit').click(),
      ]);
      await assertNeutralExitPage(page);
      assert.equal(await historyLength(page), before + 1);
      await page.goBack({ waitUntil: 'load' });
      assert.equal(path(page), '/en/countries/es');
    } finally {
      await context.close();
    }
  });
});

test('every public page has the quick exit link first in the page', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const pages = ['/en/', '/en/support', '/en/countries', '/en/countries/es', '/en/safety',
      `/en/support/${NIL_UUID}`, '/ar/', '/pl/support'];
    const check = async (where) => {
      const exit = page.locator('a#quick-exit');
      assert.equal(await exit.count(), 1, `${where}: no a#quick-exit`);
      assert.equal(await exit.getAttribute('href'), '/exit', `${where}: quick exit does not point at /exit`);
      assert.ok(await exit.isVisible(), `${where}: quick exit is not visible`);
      // It is reached right after the skip link when tabbing.
      const order = await page.evaluate(() => Array.from(document.querySelectorAll('a[href], button, input, select'))
        .slice(0, 2).map((e) => e.id || e.className));
      assert.ok(order.includes('quick-exit'), `${where}: quick exit is not among the first two focusable elements: ${order}`);
    };
    for (const p of pages) {
      await page.goto(`${harbour.origin}${p}`);
      await check(p);
    }
    // the results page and a service page reached from it
    await page.goto(`${harbour.origin}/en/support`);
    await submitSearch(page, { crime: CROSS_BORDER.crime, residence: CROSS_BORDER.residence });
    await check('results page');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('#results li.card h4 a').first().click(),
    ]);
    await check(`service page ${path(page)}`);
  } finally {
    await context.close();
  }
});
