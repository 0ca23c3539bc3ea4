// The rights navigator as a victim uses it: "robbed in Spain, I live in Poland", in Polish, with
// JavaScript on and off. One question per page, answers never in the URL, back and skip work,
// the result has every section, legal references and contacts in both countries.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, startHarbour } from './server.mjs';

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

async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  return response;
}

for (const javaScriptEnabled of [true, false]) {
  describe(`rights navigator (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    test('robbed in Spain, living in Poland: a sourced answer for both countries', async () => {
      const context = await browser.newContext({ javaScriptEnabled, locale: 'pl-PL' });
      const page = await context.newPage();
      const urls = [];
      page.on('request', (r) => urls.push(r.url()));
      try {
        await page.goto(`${harbour.origin}/pl/rights`);
        await submit(page, 'form button[type=submit]');
        await page.selectOption('#crime_country', 'ES');
        await submit(page, 'button[value=next]');
        await page.selectOption('#residence_country', 'PL');
        await submit(page, 'button[value=next]');
        // back keeps the answers: from question 3 to question 2, then to question 1
        await submit(page, 'button[value=back]');
        assert.equal(await page.inputValue('#residence_country'), 'PL');
        await submit(page, 'button[value=back]');
        assert.equal(await page.inputValue('#crime_country'), 'ES');
        await submit(page, 'button[value=next]');
        await submit(page, 'button[value=next]');
        await page.check('input[name=crime_kind][value=robbery]');
        await submit(page, 'button[value=next]');
        await submit(page, 'button[value=skip]'); // situation
        await page.check('input[name=reported][value=no]');
        await submit(page, 'button[value=next]');
        await page.check('input[name=stage][value=just_happened]');
        const response = await submit(page, 'button[value=next]');
        assert.equal(response.status(), 200);
        assert.equal(response.headers()['cache-control'], 'no-store');
        for (const id of ['s-safe_now', 's-support', 's-reporting', 's-compensation', 's-next_steps', 'contacts-h']) {
          assert.equal(await page.locator(`#${id}`).count(), 1, `${id} missing`);
        }
        // Art. 17: report at home; the claim goes home, Spain decides
        assert.equal(await page.locator('#vrd-17-report-at-home').count(), 1);
        assert.equal(await page.locator('#assisting-authority-pl').count(), 1);
        assert.ok(await page.locator('a[href="/pl/rights/2012-29-eu/17"]').count() > 0);
        // contacts for both countries
        assert.equal(await page.locator('a[href="/pl/countries/es/rights"]').count(), 1);
        assert.equal(await page.locator('a[href="/pl/countries/pl/rights"]').count(), 1);
        // nothing the victim answered is in any URL requested, and nothing went to another host
        for (const u of urls) {
          const url = new URL(u);
          assert.equal(url.origin, harbour.origin, `request to another host: ${u}`);
          assert.equal(url.search, '', `query string in ${u}`);
        }
        // a right opens to its explanation
        await page.locator('#vrd-8-free-support summary').click();
        assert.ok(await page.locator('#vrd-8-free-support').evaluate((d) => d.open));
        // quick exit is on the page
        assert.equal(await page.locator('#quick-exit').count(), 1);
      } finally {
        await context.close();
      }
    });
  });
}
