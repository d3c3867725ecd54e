// Smoke test of the first README command's server (`trunk serve`, a debug build with Trunk's
// live reload): the app starts, a workload can be made, and the spreadsheet worker runs.
// Usage: node dev-smoke.mjs URL — exits 1 with the reason if anything fails.
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:8092/';
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const errors = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('#page-title').waitFor({ timeout: 30_000 });
  await page.getByTestId('start-new').click();
  await page.waitForURL(/profile$/);
  const id = page.url().match(/#\/w\/([^/]+)\//)[1];
  await page.goto(`${url}#/w/${id}/plan`);
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('download-excel').click();
  const name = (await download).suggestedFilename();
  if (!name.endsWith('.xlsx')) throw new Error(`unexpected download ${name}`);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`dev server: the app starts and writes ${name}`);
} catch (e) {
  console.error(`dev server smoke test failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
