// Takes a screenshot of the English home page at 1280x900 into docs/screenshot-home.png.
// Not a test: run it with `npm run screenshot` (HARBOUR_BIN picks the binary, as for the tests).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, launchBrowser, startHarbour } from './server.mjs';

const out = join(REPO_ROOT, 'docs', 'screenshot-home.png');
const harbour = await startHarbour();
let browser;
try {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const response = await page.goto(`${harbour.origin}/en/`, { waitUntil: 'load' });
  if (!response || response.status() !== 200) throw new Error(`/en/ answered ${response && response.status()}`);
  await mkdir(join(REPO_ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  if (browser) await browser.close();
  await harbour.stop();
}
