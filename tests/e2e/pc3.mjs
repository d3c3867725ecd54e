import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.mjs';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
for (const name of ['Results', 'Schedule', 'Report']) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByTestId('start-new').click();
  await page.locator('#profile-workload').waitFor();
  await page.waitForTimeout(300);
  const r = await page.evaluate(async (name) => {
    performance.clearResourceTimings();
    const link = [...document.querySelectorAll('.workload-nav a')].find((a) => a.textContent.trim() === name);
    const title = document.getElementById('page-title');
    const total = await new Promise((resolve) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        const now = document.getElementById('page-title');
        if (now && now !== title && !document.querySelector('.page-loading')) { observer.disconnect(); resolve([t0, performance.now()]); }
      });
      observer.observe(document.getElementById('main'), { subtree: true, childList: true });
      t0 = performance.now();
      link.click();
    });
    const res = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
    return { n: res.length, bytes: res.reduce((a, e) => a + e.encodedBodySize, 0), fetchEnd: Math.max(...res.map((e) => e.responseEnd)) - total[0], firstStart: Math.min(...res.map((e) => e.startTime)) - total[0], total: total[1] - total[0] };
  }, name);
  console.log(name, JSON.stringify(r));
  await context.close();
}
await browser.close();
