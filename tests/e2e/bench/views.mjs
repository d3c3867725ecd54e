// Opening a page for the first time: from the click on its link in the workload's navigation to
// the page shown (its heading in the DOM), unthrottled, on a local server. In the release build
// each page's code is fetched on its first opening (issue 11), so this is what that costs.
// Every page is measured in a fresh browser context (nothing fetched or cached before), after
// the profile page, which the start page's button opens (measured too), five times. Usage: node views.mjs BASE_URL [RUNS] — prints a Markdown table, in milliseconds.
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from '../chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8765/preflight/';
const runs = Number(process.argv[3] ?? 5);
const PAGES = ['Results', 'Plan', 'Services', 'Schedule', 'Milestones', 'Report', 'Questionnaire'];
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const FIRST = 'Profile, clicked as soon as the start page is up';
// The start's code is fetched when the pointer comes over the button (or it gets focus, or a
// touch begins), or once the start page has been up for 8 s (src/ui/pages.rs).
const HOVER = 'Profile, pointer over the button 300 ms before the click';
const LATER = 'Profile, clicked after 9 s on the start page (its code prefetched)';
const results = Object.fromEntries([FIRST, HOVER, LATER, ...PAGES].map((p) => [p, []]));
for (let run = 0; run < runs; run++) {
  for (const name of [HOVER, LATER, ...PAGES]) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByTestId('start-new').waitFor();
    if (name === HOVER) {
      await page.getByTestId('start-new').hover();
      await page.waitForTimeout(300);
    }
    if (name === LATER) await page.waitForTimeout(9000);
    // The first page: "Start a new assessment" → the profile page shown.
    const first = await page.evaluate(() => new Promise((resolve) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        if (document.getElementById('profile-workload')) { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(document.getElementById('main'), { subtree: true, childList: true });
      t0 = performance.now();
      document.querySelector('[data-testid=start-new]').click();
    }));
    results[name === LATER || name === HOVER ? name : FIRST].push(first);
    await page.locator('#profile-workload').waitFor();
    if (name === LATER || name === HOVER) {
      await context.close();
      continue;
    }
    const link = page.locator('.workload-nav').getByRole('link', { name, exact: true });
    await link.waitFor();
    const ms = await page.evaluate(async (name) => {
      const link = [...document.querySelectorAll('.workload-nav a')].find((a) => a.textContent.trim() === name);
      const title = document.getElementById('page-title');
      return new Promise((resolve) => {
        let t0 = 0;
        const observer = new MutationObserver(() => {
          const now = document.getElementById('page-title');
          if (now && now !== title && !document.querySelector('.page-loading')) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.getElementById('main'), { subtree: true, childList: true });
        t0 = performance.now();
        link.click();
      });
    }, name);
    results[name].push(ms);
    await context.close();
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('| page (first opening) | median | max |');
console.log('|---|---:|---:|');
for (const [name, xs] of Object.entries(results)) {
  console.log(`| ${name} | ${median(xs).toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms |`);
}
const all = Object.values(results).flat();
console.log(`\nWorst first opening of any page: ${Math.max(...all).toFixed(1)} ms (budget ≤ 100 ms).`);
