// The main journey: "robbed in Spain, I live in Poland, I speak Polish".
// Run twice: with JavaScript and without (everything must work without it).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, startHarbour } from './server.mjs';
import {
  CROSS_BORDER, hsdsService, isCrossBorder, readSections, speaksLanguage, submitSearch,
} from './helpers.mjs';

const SPEAK = 'pl';
const UUID_PATH = /^\/pl\/support\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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

function polishContext(javaScriptEnabled) {
  return browser.newContext({
    javaScriptEnabled,
    locale: 'pl-PL',
    extraHTTPHeaders: { 'Accept-Language': 'pl-PL,pl;q=0.9' },
  });
}

/** Order key of a result as the app promises it: cross-border referral first, then speakers. */
function orderKey(r) {
  return [r.crossBorder ? 0 : 1, r.speaks ? 0 : 1];
}

for (const javaScriptEnabled of [true, false]) {
  describe(`journey robbed in Spain, living in Poland, speaking Polish (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    test('from / to two labelled result sections, speakers first', async () => {
      const context = await polishContext(javaScriptEnabled);
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        // Chromium asks every site for /favicon.ico by itself; Harbour has none (a 404 that is not
        // the page's doing). Any other error (a CSP block, a failed script) is a problem.
        if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url || '')) {
          problems.push(`console error: ${m.text()} (${m.location().url || 'no url'})`);
        }
      });
      try {
        // 1. "/" sends a Polish browser to the Polish home page.
        const home = await page.goto(`${harbour.origin}/`);
        assert.equal(home.status(), 200);
        const homeUrl = new URL(page.url());
        assert.equal(homeUrl.origin, harbour.origin);
        assert.equal(homeUrl.pathname, '/pl/', `"/" with Accept-Language pl should land on /pl/, got ${page.url()}`);
        assert.equal(await page.getAttribute('html', 'lang'), 'pl');
        assert.equal(await page.getAttribute('html', 'dir'), 'ltr');

        // The home page shows an emergency number one can call.
        const tel = page.locator('main a[href^="tel:"]');
        assert.ok(await tel.count() >= 1, 'home page has no tel: link for an emergency number');
        assert.ok(await tel.first().isVisible(), 'the emergency number link is not visible');
        assert.match(await tel.first().getAttribute('href'), /^tel:\+?[0-9]+$/);
        assert.ok((await tel.first().textContent()).trim().length > 0, 'the emergency number link has no text');

        // 2. The navigation leads to the find-support page.
        await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.locator('header nav a[href="/pl/support"]').click(),
        ]);
        assert.equal(new URL(page.url()).pathname, '/pl/support');
        const form = page.locator('#search-form');
        assert.equal((await form.getAttribute('method')).toLowerCase(), 'post');
        assert.equal(await page.locator('#results').count(), 0, 'results shown before any search');

        const spainName = (await page.locator('#crime_country option[value="ES"]').textContent()).trim();
        const polandName = (await page.locator('#residence_country option[value="PL"]').textContent()).trim();
        const polishName = (await page.locator('#speak option[value="pl"]').textContent()).trim();
        assert.ok(spainName && polandName && polishName, 'country or language option missing');

        // 3. Search. The request is a POST and the address carries no query string.
        const response = await submitSearch(page, {
          crime: CROSS_BORDER.crime, residence: CROSS_BORDER.residence, speak: SPEAK,
        });
        assert.equal(response.request().method(), 'POST');
        assert.equal(response.status(), 200);
        const resultUrl = new URL(page.url());
        assert.equal(resultUrl.search, '', `results URL must have no query string: ${page.url()}`);
        assert.equal(resultUrl.pathname, '/pl/support');
        assert.ok(!page.url().includes('?'), `results URL must have no "?": ${page.url()}`);
        assert.equal(await page.locator('#crime_country').inputValue(), 'ES', 'crime country not kept after submit');
        assert.equal(await page.locator('#residence_country').inputValue(), 'PL', 'residence country not kept after submit');

        // 4. Two labelled sections: where it happened (Spain), where the person lives (Poland).
        const sections = await readSections(page);
        assert.equal(sections.length, 2, `expected 2 result sections, got ${sections.length}`);
        for (const s of sections) {
          assert.ok(s.labelledBy, 'result section has no aria-labelledby');
          assert.equal(s.headingTag, 'h3', `section label should be an h3, is ${s.headingTag}`);
          assert.ok(s.headingInside, 'section label is not inside its section');
        }
        const [spain, poland] = sections;
        assert.ok(spain.heading.includes(spainName), `first section should be for ${spainName}: "${spain.heading}"`);
        assert.ok(!spain.heading.includes(polandName), `first section heading names ${polandName}: "${spain.heading}"`);
        assert.ok(poland.heading.includes(polandName), `second section should be for ${polandName}: "${poland.heading}"`);
        assert.ok(spain.heading.length > spainName.length && poland.heading.length > polandName.length,
          'section headings are bare country names, not labelled');
        assert.notEqual(spain.heading.replace(spainName, ''), poland.heading.replace(polandName, ''),
          'both sections carry the same label');
        assert.ok(spain.cards.length >= 1, 'no result for Spain');
        assert.ok(poland.cards.length >= 1, 'no result for Poland');

        // 5. Cards link to service pages and mark the language of names.
        let speakers = 0;
        let firstSpeakerHref = null;
        for (const [i, s] of sections.entries()) {
          const checked = [];
          for (const card of s.cards) {
            assert.match(card.href || '', UUID_PATH, `card link is not a service page: ${card.href}`);
            assert.ok(card.name, 'card has no name');
            assert.match(card.nameLang || '', /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, `card "${card.name}" has no valid lang attribute`);
            const id = card.href.split('/').pop();
            const svc = await hsdsService(harbour.origin, id);
            const speaks = speaksLanguage(svc, SPEAK);
            const crossBorder = isCrossBorder(svc);
            const languageBadge = card.badges.some((b) => b.split(/,\s*/).includes(polishName));
            if (speaks) {
              speakers += 1;
              firstSpeakerHref = firstSpeakerHref || card.href;
              assert.ok(languageBadge, `"${card.name}" speaks Polish but its card has no badge listing ${polishName}: ${JSON.stringify(card.badges)}`);
            } else {
              assert.ok(!languageBadge, `"${card.name}" does not speak Polish but a badge says ${polishName}`);
            }
            checked.push({ name: card.name, speaks, crossBorder });
          }
          // Within a section: cross-border referral services first, then services whose staff
          // speak Polish, then the others.
          for (let k = 1; k < checked.length; k += 1) {
            const [a, b] = [orderKey(checked[k - 1]), orderKey(checked[k])];
            const ok = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
            assert.ok(ok, `section ${i + 1} ("${s.heading}") is out of order: "${checked[k - 1].name}" `
              + `${JSON.stringify(checked[k - 1])} comes before "${checked[k].name}" ${JSON.stringify(checked[k])}`);
          }
          // Where the section has speakers, the first non-cross-border card is one of them.
          const plain = checked.filter((r) => !r.crossBorder);
          if (plain.some((r) => r.speaks)) {
            assert.ok(plain[0].speaks, `section ${i + 1}: a service speaking Polish exists but "${plain[0].name}" comes first`);
          }
        }
        assert.ok(speakers >= 1, 'no result speaks Polish: the language ordering was not exercised');

        // 6. A result opens its service page; a Polish-speaking one lists Polish among its languages.
        const link = page.locator(`#results li.card h4 a[href="${firstSpeakerHref}"]`);
        const speakerName = (await link.textContent()).trim();
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
        assert.equal(new URL(page.url()).pathname, firstSpeakerHref);
        assert.equal((await page.locator('main h1').textContent()).trim(), speakerName);
        // The "Languages spoken" entry is a <dd> listing language names separated by commas.
        const listed = await page.locator('main dd').evaluateAll(
          (dds, name) => dds.some((dd) => dd.textContent.split(/,\s*/).map((t) => t.trim()).includes(name)),
          polishName,
        );
        assert.ok(listed, `the service page of "${speakerName}" does not list ${polishName} as a language spoken`);

        assert.deepEqual(problems, [], `errors in the browser:\n${problems.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  });
}

test('result section headings are in the page language (pl differs from en)', async () => {
  const headings = {};
  for (const lang of ['en', 'pl']) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${harbour.origin}/${lang}/support`);
      await submitSearch(page, { crime: CROSS_BORDER.crime, residence: CROSS_BORDER.residence, speak: 'pl' });
      const sections = await readSections(page);
      assert.equal(sections.length, 2);
      const names = [
        (await page.locator('#crime_country option[value="ES"]').textContent()).trim(),
        (await page.locator('#residence_country option[value="PL"]').textContent()).trim(),
      ];
      // The label without the country name, e.g. "Where it happened: ".
      headings[lang] = sections.map((s, i) => s.heading.replace(names[i], '').trim());
    } finally {
      await context.close();
    }
  }
  for (let i = 0; i < 2; i += 1) {
    assert.notEqual(headings.pl[i], headings.en[i],
      `the Polish results page shows the English section label "${headings.en[i]}"`);
  }
});
