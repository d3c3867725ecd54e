// A Word document in the browser (issue 14): from the click on a document's button to the
// browser's download, unthrottled, on a local server, for an imported bundle (the consultant's
// case). The first click of a session also starts the Office worker (its wasm fetched and
// compiled); every later one finds it loaded, which is what the budget (≤ 1 s) is about.
// Usage: node documents.mjs BASE_URL BUNDLE [RUNS] — prints a Markdown table, in milliseconds.
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from '../chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8765/preflight/';
const bundle = process.argv[3];
const runs = Number(process.argv[4] ?? 5);
const REPORTS = ['proposal', 'investigation', 'consulting', 'implementation'];
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const first = [];
const loaded = Object.fromEntries(REPORTS.map((r) => [r, []]));
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}#/workspace`);
  await page.getByTestId('import-files').setInputFiles(bundle);
  await page.getByTestId('documents-link').click();
  await page.getByTestId('docx-proposal').waitFor();
  const time = async (report) => {
    const download = page.waitForEvent('download');
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId(`docx-${report}`).click();
    await download;
    const ms = (await page.evaluate(() => performance.now())) - t0;
    await page.getByTestId(`docx-${report}`).and(page.locator(':enabled')).waitFor();
    return ms;
  };
  first.push(await time('proposal'));
  for (const r of REPORTS) loaded[r].push(await time(r));
  await context.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name, xs) => `| ${name} | ${median(xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`;
console.log(`| click → download (${runs} runs) | median | worst |`);
console.log('|---|---:|---:|');
console.log(row('proposal, first of the session (starts the Office worker)', first));
for (const r of REPORTS) console.log(row(`${r}, worker loaded`, loaded[r]));
