// Accessibility: an axe-core scan (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) with zero violations of every
// page type, in English and in Arabic (right-to-left), plus the page's lang and dir.
//
// Harbour's CSP (script-src 'self') blocks injected scripts, so these contexts bypass CSP; that is
// only for running axe and changes nothing in what is scanned.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, startHarbour } from './server.mjs';
import {
  AXE_SOURCE, AXE_TAGS, CROSS_BORDER, NIL_UUID, formatViolations, submitSearch,
} from './helpers.mjs';

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

async function axeScan(page, where) {
  await page.evaluate((src) => { (0, eval)(src); }, AXE_SOURCE);
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), AXE_TAGS);
  // A scan that checked nothing proves nothing.
  assert.ok(result.passes.length + result.violations.length + result.incomplete.length > 0,
    `axe checked nothing on ${where}`);
  assert.ok(result.violations.length === 0, formatViolations(where, result.violations));
}

async function assertLangDir(page, lang, where) {
  const { htmlLang, dir } = await page.evaluate(() => ({
    htmlLang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
  }));
  assert.equal(htmlLang, lang, `${where}: <html lang> is ${htmlLang}`);
  assert.equal(dir, lang === 'ar' ? 'rtl' : 'ltr', `${where}: <html dir> is ${dir}`);
  if (lang === 'ar') {
    const computed = await page.evaluate(() => getComputedStyle(document.body).direction);
    assert.equal(computed, 'rtl', `${where}: body is laid out ${computed}`);
  }
}

// Each page type: how to reach it, and the status it must answer with.
const PAGE_TYPES = [
  { name: 'home', go: (page, l) => page.goto(`${harbour.origin}/${l}/`) },
  { name: 'find support (empty form)', go: (page, l) => page.goto(`${harbour.origin}/${l}/support`) },
  {
    name: 'find support with results (ES/PL)',
    go: async (page, l) => {
      await page.goto(`${harbour.origin}/${l}/support`);
      const response = await submitSearch(page, { crime: CROSS_BORDER.crime, residence: CROSS_BORDER.residence, speak: 'pl' });
      assert.equal(await page.locator('#results section.results').count(), 2, 'no results to scan');
      return response;
    },
  },
  {
    name: 'service',
    go: async (page, l) => {
      await page.goto(`${harbour.origin}/${l}/support`);
      await submitSearch(page, { crime: CROSS_BORDER.crime, residence: CROSS_BORDER.residence, speak: 'pl' });
      // a service with the richest card (phones, languages) on the results page
      const link = page.locator('#results li.card').filter({ has: page.locator('a.tel') }).last().locator('h4 a');
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
      assert.match(new URL(page.url()).pathname, new RegExp(`^/${l}/support/[0-9a-f-]{36}$`));
      return response;
    },
  },
  { name: 'country (es)', go: (page, l) => page.goto(`${harbour.origin}/${l}/countries/es`) },
  { name: 'countries list', go: (page, l) => page.goto(`${harbour.origin}/${l}/countries`) },
  { name: 'safety', go: (page, l) => page.goto(`${harbour.origin}/${l}/safety`) },
  { name: 'rights navigator (intro)', go: (page, l) => page.goto(`${harbour.origin}/${l}/rights`) },
  {
    name: 'rights navigator (a question)',
    go: async (page, l) => {
      await page.goto(`${harbour.origin}/${l}/rights`);
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form button[type=submit]')]);
      return response;
    },
  },
  {
    name: 'rights navigator (result ES/PL)',
    go: async (page, l) => {
      await page.goto(`${harbour.origin}/${l}/rights`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form button[type=submit]')]);
      await page.selectOption('#crime_country', 'ES');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[value=next]')]);
      await page.selectOption('#residence_country', 'PL');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[value=next]')]);
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[value=result]')]);
      assert.ok(await page.locator('#s-compensation').count() === 1, 'no result to scan');
      return response;
    },
  },
  { name: 'rights article (2012/29/EU Art. 17)', go: (page, l) => page.goto(`${harbour.origin}/${l}/rights/2012-29-eu/17`) },
  { name: 'rights instrument (2012/29/EU)', go: (page, l) => page.goto(`${harbour.origin}/${l}/rights/2012-29-eu`) },
  { name: 'country rights (es)', go: (page, l) => page.goto(`${harbour.origin}/${l}/countries/es/rights`) },
  { name: 'error (404)', status: 404, go: (page, l) => page.goto(`${harbour.origin}/${l}/support/${NIL_UUID}`) },
];

for (const lang of ['en', 'ar']) {
  describe(`accessibility (${lang})`, () => {
    for (const type of PAGE_TYPES) {
      test(`${type.name}: lang/dir and zero axe violations`, async () => {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        try {
          const response = await type.go(page, lang);
          assert.equal(response.status(), type.status || 200, `${type.name} answered ${response.status()}`);
          const where = `${type.name} ${page.url()}`;
          await assertLangDir(page, lang, where);
          await axeScan(page, where);
        } finally {
          await context.close();
        }
      });
    }
  });
}

test('neutral exit page: zero axe violations', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    const response = await page.goto(`${harbour.origin}/exit`);
    assert.equal(response.status(), 200);
    assert.ok(await page.getAttribute('html', 'lang'), '/exit has no <html lang>');
    await axeScan(page, `exit ${page.url()}`);
  } finally {
    await context.close();
  }
});
