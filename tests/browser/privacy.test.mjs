// Privacy and weight, across the journey pages: nothing is loaded from another host, no cookie or
// storage is used, searches stay out of URLs, every HTML page carries strict security headers, the
// results page is not cached, and each page (HTML + CSS + JS, gzip) weighs under 30 KB.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, startHarbour } from './server.mjs';
import { CROSS_BORDER, NIL_UUID, fetchEncoded, submitSearch } from './helpers.mjs';

const PAGE_BUDGET_BYTES = 30 * 1024;

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

function parseCsp(value) {
  const directives = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Walks the journey in one browser context and records what happened: every request, every
 * response, and for each page reached, its navigation (to replay it) and the subresources it used.
 */
async function walkJourney(javaScriptEnabled) {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'en-GB',
    extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' },
  });
  const requests = [];
  const offsite = [];
  const responses = [];
  const pages = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), type: r.resourceType() }));
  context.on('response', (r) => responses.push(r));
  // Anything not for this Harbour is recorded and never leaves the machine.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === harbour.origin) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const websockets = [];
  page.on('websocket', (ws) => websockets.push(ws.url()));

  async function record(name, response) {
    assert.ok(response, `${name}: no navigation response`);
    await page.waitForLoadState('load');
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const req = response.request();
    pages.push({
      name,
      url: response.url(),
      method: req.method(),
      postData: req.postData(),
      contentType: (await req.allHeaders())['content-type'],
      status: response.status(),
      headers: await response.allHeaders(),
      resources,
    });
  }
  const follow = async (locator) => {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
    return response;
  };

  try {
    await record('home (via /)', await page.goto(`${harbour.origin}/`));
    assert.equal(new URL(page.url()).pathname, '/en/');
    await record('find support', await follow(page.locator('header nav a[href="/en/support"]')));
    await record('results', await submitSearch(page, {
      crime: CROSS_BORDER.crime, residence: CROSS_BORDER.residence, speak: 'pl', near: 'Madrid',
    }));
    assert.equal(await page.locator('#results section.results').count(), 2, 'the search showed no sections');
    const storage = await page.evaluate(() => ({
      cookie: document.cookie, local: window.localStorage.length, session: window.sessionStorage.length,
    }));
    await record('service', await follow(page.locator('#results li.card h4 a').first()));
    await record('countries', await follow(page.locator('header nav a[href="/en/countries"]')));
    await record('country', await follow(page.locator('main a[href="/en/countries/es"]').first()));
    await record('safety', await follow(page.locator('header nav a[href="/en/safety"]')));
    await record('rights', await follow(page.locator('header nav a[href="/en/rights"]')));
    await record('rights question', await follow(page.locator('main form button[type=submit]')));
    await page.selectOption('#crime_country', 'ES');
    await follow(page.locator('button[value=next]'));
    await page.selectOption('#residence_country', 'PL');
    await record('rights result', await follow(page.locator('button[value=result]')));
    await page.locator('#vrd-17-report-at-home summary').click();
    await record('rights article', await follow(page.locator('#vrd-17-report-at-home a[href="/en/rights/2012-29-eu/17"]')));
    await record('country rights', await page.goto(`${harbour.origin}/en/countries/es/rights`));
    await record('error 404', await page.goto(`${harbour.origin}/en/support/${NIL_UUID}`));
    const exit = await follow(page.locator('#quick-exit'));
    // with JavaScript the exit is location.replace, reported as a navigation all the same
    await record('exit', exit || await page.goto(`${harbour.origin}/exit`));
    assert.equal(new URL(page.url()).pathname, '/exit');
    const cookies = await context.cookies();
    return { requests, offsite, responses, pages, websockets, cookies, storage };
  } finally {
    await context.close();
  }
}

for (const javaScriptEnabled of [true, false]) {
  describe(`privacy across the journey (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    let walk;
    before(async () => { walk = await walkJourney(javaScriptEnabled); });

    test('no request goes to any other host, and no WebSocket is opened', () => {
      assert.ok(walk.requests.length >= walk.pages.length, 'requests were not recorded');
      const foreign = walk.requests.filter((r) => new URL(r.url).origin !== harbour.origin);
      assert.deepEqual(foreign, [], `requests to other hosts: ${JSON.stringify(foreign, null, 1)}`);
      assert.deepEqual(walk.offsite, []);
      assert.deepEqual(walk.websockets, []);
    });

    test('searches stay out of URLs (no query string anywhere)', () => {
      const withQuery = walk.requests.filter((r) => new URL(r.url).search !== '');
      assert.deepEqual(withQuery, [], `requests with a query string: ${JSON.stringify(withQuery, null, 1)}`);
      assert.ok(!walk.requests.some((r) => /madrid/i.test(r.url)), 'the place searched for appears in a URL');
      const results = walk.pages.find((p) => p.name === 'results');
      assert.equal(results.method, 'POST');
    });

    test('no cookies, no web storage', () => {
      assert.deepEqual(walk.cookies, [], `cookies were set: ${JSON.stringify(walk.cookies)}`);
      const setCookie = walk.responses.filter((r) => r.headers()['set-cookie'] !== undefined).map((r) => r.url());
      assert.deepEqual(setCookie, [], `responses with Set-Cookie: ${setCookie}`);
      assert.deepEqual(walk.storage, { cookie: '', local: 0, session: 0 });
    });

    test('every HTML page has a strict CSP, frame-ancestors none and no referrer', () => {
      assert.equal(walk.pages.length, 14);
      for (const p of walk.pages) {
        const where = `${p.name} (${p.method} ${p.url}, ${p.status})`;
        assert.match(p.headers['content-type'] || '', /^text\/html/, `${where}: not HTML`);
        const csp = p.headers['content-security-policy'];
        assert.ok(csp, `${where}: no Content-Security-Policy`);
        assert.ok(!csp.includes("'unsafe-inline'"), `${where}: CSP allows 'unsafe-inline': ${csp}`);
        assert.ok(!csp.includes("'unsafe-eval'"), `${where}: CSP allows 'unsafe-eval': ${csp}`);
        const d = parseCsp(csp);
        assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${where}: frame-ancestors is not 'none': ${csp}`);
        const scripts = d.get('script-src') || d.get('default-src');
        assert.ok(scripts && !scripts.some((s) => s === '*' || /^https?:$/.test(s) || s === 'data:'),
          `${where}: scripts may come from anywhere: ${csp}`);
        assert.equal(p.headers['referrer-policy'], 'no-referrer', `${where}: Referrer-Policy is ${p.headers['referrer-policy']}`);
      }
    });

    test('the results pages are not cached (Cache-Control: no-store)', () => {
      for (const name of ['results', 'rights question', 'rights result']) {
        const results = walk.pages.find((p) => p.name === name);
        const cc = (results.headers['cache-control'] || '').toLowerCase();
        assert.ok(cc.split(',').map((s) => s.trim()).includes('no-store'), `${name} Cache-Control is "${cc}"`);
      }
    });

    test('each page weighs under 30 KB (HTML + CSS + JS, gzip)', async (t) => {
      const report = [];
      for (const p of walk.pages) {
        const doc = await fetchEncoded(p.url, {
          method: p.method, body: p.method === 'POST' ? p.postData : undefined, contentType: p.contentType,
        });
        assert.equal(doc.status, p.status, `${p.name}: replay answered ${doc.status}, the browser got ${p.status}`);
        assert.equal(doc.headers['content-encoding'], 'gzip', `${p.name}: HTML not sent gzip-compressed`);
        let total = doc.encodedBytes;
        const parts = [`html ${doc.encodedBytes}`];
        // Chromium asks for /favicon.ico by itself (Harbour has none: a 404); it is not the page's weight.
        const subresources = [...new Set(p.resources)].filter((u) => new URL(u).pathname !== '/favicon.ico');
        for (const url of subresources) {
          assert.equal(new URL(url).origin, harbour.origin, `${p.name} used ${url}`);
          const r = await fetchEncoded(url);
          assert.equal(r.status, 200, `${p.name}: ${url} answered ${r.status}`);
          total += r.encodedBytes;
          parts.push(`${new URL(url).pathname} ${r.encodedBytes}`);
        }
        if (p.name !== 'exit') {
          assert.ok(subresources.some((u) => u.endsWith('.css')), `${p.name}: no stylesheet seen, the size is incomplete`);
          if (javaScriptEnabled) assert.ok(subresources.some((u) => u.endsWith('.js')), `${p.name}: no script seen`);
        }
        report.push(`${p.name}: ${total} B (${parts.join(', ')})`);
        assert.ok(total < PAGE_BUDGET_BYTES, `${p.name} weighs ${total} bytes gzip (${parts.join(', ')}), budget ${PAGE_BUDGET_BYTES}`);
      }
      for (const line of report) t.diagnostic(line);
    });
  });
}
