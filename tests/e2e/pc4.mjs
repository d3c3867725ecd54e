import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.mjs';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
for (let i = 0; i < 4; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByTestId('start-new').waitFor();
  await page.waitForTimeout(300);
  const r = await page.evaluate(async () => {
    performance.clearResourceTimings();
    const total = await new Promise((resolve) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        if (document.getElementById('profile-workload')) { observer.disconnect(); resolve([t0, performance.now()]); }
      });
      observer.observe(document.getElementById('main'), { subtree: true, childList: true });
      t0 = performance.now();
      document.querySelector('[data-testid=start-new]').click();
    });
    const res = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
    return { n: res.length, bytes: res.reduce((a, e) => a + e.decodedBodySize, 0), fetchEnd: Math.round(Math.max(...res.map((e) => e.responseEnd)) - total[0]), total: Math.round(total[1] - total[0]), names: res.map(e=>e.name.split('/').pop().slice(0,12)+':'+Math.round(e.responseEnd-total[0])).join(' ') };
  });
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close();
