// The workspace as a caseworker uses it (demo data): sign in with two-step sign-in, open a case,
// record an assessment, re-assess, add a note; a supervisor cannot assign an untrained
// volunteer and is told why; no quick exit in the workspace, sign-out is one click; axe-clean.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, startHarbour } from './server.mjs';
import { AXE_SOURCE, AXE_TAGS, formatViolations } from './helpers.mjs';

let harbour;
let browser;
let people;
// The session cookie is Secure; browsers accept Secure cookies over plain HTTP only from
// localhost, so the workspace is reached as localhost here (production runs behind TLS).
let origin;

before(async () => {
  harbour = await startHarbour({ args: ['--demo'] });
  browser = await launchBrowser();
  origin = harbour.origin.replace('127.0.0.1', 'localhost');
  people = harbour.log().split('\n')
    .map((l) => l.split('\t'))
    .filter((f) => f.length === 5 && f[2].endsWith('@demo.invalid'))
    .map(([organisation, role, email, password, secret]) => ({ organisation, role, email, password, secret }));
  assert.ok(people.length >= 10, `demo accounts not printed:\n${harbour.log()}`);
});

after(async () => {
  if (browser) await browser.close();
  if (harbour) await harbour.stop();
});

function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0; let value = 0; const out = [];
  for (const c of s.replace(/=+$/, '')) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  return Buffer.from(out);
}

/** RFC 6238 code (SHA-1, 6 digits, 30 s) for a step offset. */
function totp(secret, offset = 0) {
  const step = Math.floor(Date.now() / 30000) + offset;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const o = h[h.length - 1] & 15;
  const n = (h.readUInt32BE(o) & 0x7fffffff) % 1000000;
  return String(n).padStart(6, '0');
}

async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  return response;
}

async function signIn(page, who) {
  await page.goto(`${origin}/workspace/login`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await submit(page, 'main button[type=submit]');
  assert.match(new URL(page.url()).pathname, /^\/workspace\/2fa$/);
  await page.fill('#code', totp(who.secret));
  await submit(page, 'main button[type=submit]');
  if (new URL(page.url()).pathname === '/workspace/2fa') {
    // the code of the next 30 s step, if the clock turned over
    await page.fill('#code', totp(who.secret, 1));
    await submit(page, 'main button[type=submit]');
  }
  assert.equal(new URL(page.url()).pathname, '/workspace/');
}

async function axeScan(page, where) {
  await page.evaluate((src) => { (0, eval)(src); }, AXE_SOURCE);
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }), AXE_TAGS);
  assert.ok(result.violations.length === 0, formatViolations(where, result.violations));
}

const demo = (role) => people.find((p) => p.role === role && p.email.endsWith('.es@demo.invalid'));

test('a caseworker signs in with two steps, assesses, re-assesses and adds a note', async () => {
  const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/workspace/login`);
    await axeScan(page, 'workspace login');
    await signIn(page, demo('caseworker'));
    // the session cookie is HttpOnly and SameSite=Strict
    const [cookie] = await context.cookies();
    assert.equal(cookie.name, '__Host-harbour');
    assert.ok(cookie.httpOnly && cookie.sameSite === 'Strict' && cookie.secure);
    // no quick exit in the workspace; sign-out is one button
    assert.equal(await page.locator('#quick-exit').count(), 0);
    assert.equal(await page.locator('form[action="/workspace/logout"] button').count(), 1);
    await axeScan(page, 'workspace dashboard');
    // open a case
    await submit(page, 'main table a');
    assert.match(new URL(page.url()).pathname, /^\/workspace\/cases\/[0-9a-f-]{36}$/);
    // record an assessment, then re-assess
    await page.check('input[name=characteristics][value=language]');
    await page.check('input[name=risk][value=medium]');
    await page.check('input[name=safety][value=some]');
    await submit(page, '#assessment button[type=submit]');
    await page.check('input[name=risk][value=high]');
    await page.check('input[name=measures][value=remote_hearing]');
    await submit(page, '#assessment button[type=submit]');
    const text = await page.locator('#assessment').innerText();
    assert.match(text, /Version 2/);
    assert.match(text, /Medium\s*→\s*High/);
    // add a note
    await page.fill('#note-body', 'Called back; safe to talk on Tuesdays.');
    await submit(page, '#notes button[type=submit]');
    assert.match(await page.locator('#notes').innerText(), /safe to talk on Tuesdays/);
    // log a contact
    await page.selectOption('#contact-outcome', 'no_answer');
    await page.fill('#contact-summary', 'Tried once; will try again on Tuesday.');
    await submit(page, '#contacts button[type=submit]');
    assert.match(await page.locator('#contacts').innerText(), /No answer/);
    // the history tab says who did it
    const history = await page.locator('#history').innerText();
    assert.match(history, /logged a contact/);
    assert.match(history, /added a note/);
    assert.match(history, /recorded a needs assessment/);
    assert.ok(history.includes(demo('caseworker').email));
    await axeScan(page, 'workspace case');
    // edit the intake: the safe-contact profile says no messages; the case page then warns
    const caseUrl = page.url();
    await submit(page, `a[href$="/edit"]`);
    await axeScan(page, 'workspace intake edit');
    await page.check('input[name=no_messages]');
    await page.selectOption('#household_knows', 'no');
    await page.fill('#crime_region', 'Edited by the browser test');
    await submit(page, 'main form button[type=submit]');
    assert.equal(page.url().split('#')[0], caseUrl.split('#')[0]);
    assert.match(await page.locator('#overview').innerText(), /Do not leave messages for this person/);
    assert.match(await page.locator('#history').innerText(), /changed the intake/);
    await page.goto(`${caseUrl.split('#')[0]}/subject-access`);
    assert.match(await page.locator('main').innerText(), /Tried once; will try again on Tuesday/);
    await axeScan(page, 'workspace subject access page');
    await page.goto(`${origin}/workspace/cases/new`);
    await axeScan(page, 'workspace intake');
    // the case list's filters travel by POST: nothing of them reaches the URL
    await page.goto(`${origin}/workspace/cases`);
    await page.selectOption('#f-status', 'open');
    await page.selectOption('#f-assignee', 'me');
    await submit(page, 'form.filters button[type=submit]');
    assert.equal(new URL(page.url()).search, '');
    assert.ok((await page.locator('main table tbody tr').count()) >= 1);
    await axeScan(page, 'workspace case list with filters');
    // sign out in one click
    await submit(page, 'form[action="/workspace/logout"] button');
    assert.equal(new URL(page.url()).pathname, '/workspace/login');
    await page.goto(`${origin}/workspace/`);
    assert.equal(new URL(page.url()).pathname, '/workspace/login');
  } finally {
    await context.close();
  }
});

test('a volunteer without training cannot be assigned, and the supervisor is told why', async () => {
  const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await signIn(page, demo('supervisor'));
    await page.goto(`${origin}/workspace/cases`);
    await submit(page, 'main table a');
    const volunteer = demo('volunteer');
    await page.selectOption('#assignee', { label: volunteer.email });
    const response = await submit(page, 'form[action$="/assign"] button');
    assert.equal(response.status(), 400);
    const alert = await page.locator('[role=alert]').innerText();
    assert.match(alert, /cannot be assigned/);
    assert.match(alert, /Basic training/);
  } finally {
    await context.close();
  }
});

test('the workspace in Arabic is right-to-left, translated and axe-clean', async () => {
  const context = await browser.newContext({ bypassCSP: true, locale: 'ar' });
  const page = await context.newPage();
  try {
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ar' });
    // the other organisation's caseworker: a one-time code is never accepted twice
    const other = people.find((p) => p.role === 'caseworker' && !p.email.endsWith('.es@demo.invalid'));
    await signIn(page, other);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    await axeScan(page, 'workspace dashboard (ar)');
    await page.goto(`${origin}/workspace/cases`);
    await axeScan(page, 'workspace case list (ar)');
    await submit(page, 'main table a');
    // no English heading is left on the case page
    const headings = await page.locator('main h2').allInnerTexts();
    for (const h of headings) assert.doesNotMatch(h, /^(Overview|Assessment|Plan|Notes|Consent|History)$/);
    await axeScan(page, 'workspace case (ar)');
  } finally {
    await context.close();
  }
});

// Presses Tab until the focused element matches `selector`; fails if it is never reached.
async function tabTo(page, selector, limit = 250) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`${selector} cannot be reached with the Tab key`);
}

async function pressEnter(page) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

test('the workspace works with the keyboard alone: sign in, open a case, add a note, sign out', async () => {
  const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    const admin = people.find((p) => p.role === 'org_admin' && !p.email.endsWith('.es@demo.invalid'));
    await page.goto(`${origin}/workspace/login`);
    await tabTo(page, '#email');
    await page.keyboard.type(admin.email);
    await tabTo(page, '#password');
    await page.keyboard.type(admin.password);
    await pressEnter(page);
    assert.equal(new URL(page.url()).pathname, '/workspace/2fa');
    await tabTo(page, '#code');
    await page.keyboard.type(totp(admin.secret));
    await pressEnter(page);
    if (new URL(page.url()).pathname === '/workspace/2fa') {
      await tabTo(page, '#code');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(totp(admin.secret, 1));
      await pressEnter(page);
    }
    assert.equal(new URL(page.url()).pathname, '/workspace/');
    // the skip link is the first stop
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.goto(`${origin}/workspace/cases`);
    await tabTo(page, 'main table a');
    await pressEnter(page);
    assert.match(new URL(page.url()).pathname, /^\/workspace\/cases\/[0-9a-f-]{36}$/);
    await tabTo(page, '#note-body');
    await page.keyboard.type('Typed with the keyboard only.');
    await tabTo(page, '#notes button[type=submit]');
    await pressEnter(page);
    assert.match(await page.locator('#notes').innerText(), /Typed with the keyboard only/);
    await tabTo(page, 'form[action="/workspace/logout"] button');
    await pressEnter(page);
    assert.equal(new URL(page.url()).pathname, '/workspace/login');
  } finally {
    await context.close();
  }
});
