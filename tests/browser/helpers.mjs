// Shared helpers for the browser tests (not a test file itself).

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The axe-core source, injected into pages by the a11y test. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG levels every page must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** The search a person robbed in Spain who lives in Poland makes. */
export const CROSS_BORDER = { crime: 'ES', residence: 'PL' };

/**
 * Fills and submits the find-support form (#search-form) and waits for the results page.
 * Returns the navigation request the browser sent for it.
 */
export async function submitSearch(page, { crime, residence, speak, near } = {}) {
  const form = page.locator('#search-form');
  if (crime !== undefined) await form.locator('select[name="crime_country"]').selectOption(crime);
  if (residence !== undefined) await form.locator('select[name="residence_country"]').selectOption(residence);
  if (speak !== undefined) await form.locator('select[name="speak"]').selectOption(speak);
  if (near !== undefined) await form.locator('input[name="near"]').fill(near);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    form.locator('button[type="submit"]').click(),
  ]);
  if (!response) throw new Error('submitting the search form did not navigate');
  return response;
}

/**
 * Reads the result sections of a results page: for each `section.results`, its heading (the
 * element its aria-labelledby points at) and its cards.
 */
export async function readSections(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#results section.results')).map((sec) => {
    const labelId = sec.getAttribute('aria-labelledby');
    const label = labelId ? document.getElementById(labelId) : null;
    return {
      labelledBy: labelId,
      headingTag: label ? label.tagName.toLowerCase() : null,
      heading: label ? label.textContent.trim() : null,
      headingInside: label ? sec.contains(label) : false,
      cards: Array.from(sec.querySelectorAll('li.card')).map((li) => {
        const a = li.querySelector('h4 a');
        return {
          href: a ? a.getAttribute('href') : null,
          name: a ? a.textContent.trim() : null,
          nameLang: a ? a.getAttribute('lang') : null,
          badges: Array.from(li.querySelectorAll('.badge')).map((b) => b.textContent.trim()),
        };
      }),
    };
  }));
}

/** GET /hsds/services/{id} as JSON. */
export async function hsdsService(origin, id) {
  const res = await fetch(`${origin}/hsds/services/${id}`, { headers: { accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`GET /hsds/services/${id}: ${res.status}`);
  return res.json();
}

export function speaksLanguage(service, code) {
  return (service.languages || []).some((l) => String(l.code).toLowerCase() === code);
}

export function isCrossBorder(service) {
  return (service.attributes || []).some((a) => a.taxonomy_term
    && a.taxonomy_term.taxonomy === 'support' && a.taxonomy_term.code === 'cross_border_referral');
}

/**
 * Sends one request with plain node:http (so the body is NOT decompressed) asking for gzip, and
 * returns { status, headers, encodedBytes }.
 */
export function fetchEncoded(url, { method = 'GET', body, contentType } = {}) {
  return new Promise((ok, fail) => {
    const headers = { 'accept-encoding': 'gzip', accept: '*/*' };
    if (body !== undefined && body !== null) {
      headers['content-type'] = contentType || 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = httpRequest(url, { method, headers }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, encodedBytes: n }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    if (body !== undefined && body !== null) req.write(body);
    req.end();
  });
}

/** Formats axe violations so that a failure says what to fix and where. */
export function formatViolations(where, violations) {
  const lines = [`${violations.length} axe violation(s) on ${where}:`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`    at ${n.target.join(' ')}`);
      if (n.failureSummary) lines.push(`       ${n.failureSummary.replace(/\n/g, '\n       ')}`);
    }
  }
  return lines.join('\n');
}
