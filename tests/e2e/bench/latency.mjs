// Answer click → DOM updated, in Debian's Chromium with the CPU throttled 4× (DevTools protocol).
// Each click toggles a question's "None of these", so every click changes the question's risk
// badge; the time is from just before the click to the mutation that changes the badge.
// Usage: node latency.mjs BASE_URL [CLICKS] — prints median, p95 and max in milliseconds.
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from '../chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8765/preflight/';
const clicks = Number(process.argv[3] ?? 60);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const page = await browser.newPage();
await page.goto(base);
await page.getByTestId('start-new').click();
await page.waitForURL(/profile$/);
const id = page.url().match(/#\/w\/([^/]+)\//)[1];
await page.goto(`${base}#/w/${id}/assess/security`);
await page.locator('[data-testid=question]').first().waitFor();

const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

const times = await page.evaluate(async (clicks) => {
  const questions = [...document.querySelectorAll('[data-testid=question]')];
  const out = [];
  for (let i = 0; i < clicks; i++) {
    const q = questions[i % questions.length];
    const none = [...q.querySelectorAll('input[type=checkbox]')].find((el) => el.value.endsWith('_no'));
    const badge = q.querySelector('[data-testid=risk]');
    const before = badge.textContent;
    out.push(await new Promise((resolve) => {
      let t0 = 0;
      const done = () => { observer.disconnect(); resolve(performance.now() - t0); };
      const observer = new MutationObserver(() => { if (badge.textContent !== before) done(); });
      observer.observe(badge, { subtree: true, childList: true, characterData: true });
      t0 = performance.now();
      none.click();
      if (badge.textContent !== before) done();
    }));
    await new Promise((r) => setTimeout(r, 30)); // let autosave and paint settle between clicks
  }
  return out;
}, clicks);

// Schedule: changing the consultants recomputes the whole schedule and its table.
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await page.goto(`${base}#/w/${id}/services`);
await page.getByTestId('choose-consulting').check();
await page.locator('#package-security').check();
await page.locator('#package-days-security').fill('30');
await page.locator('#package-days-security').press('Tab');
await page.locator('#module-it_governance').check();
await page.goto(`${base}#/w/${id}/schedule`);
await page.getByTestId('schedule-table').waitFor();
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const scheduleTimes = await page.evaluate(async (n) => {
  const select = document.getElementById('schedule-consultants');
  const out = [];
  for (let i = 0; i < n; i++) {
    const cell = () => document.querySelector('[data-testid=event-implementation_plan] [data-testid=date]');
    const before = cell().textContent;
    out.push(await new Promise((resolve) => {
      let t0 = 0;
      const done = () => { observer.disconnect(); resolve(performance.now() - t0); };
      const observer = new MutationObserver(() => { if (cell() && cell().textContent !== before) done(); });
      observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
      t0 = performance.now();
      select.value = select.value === '1' ? '3' : '1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      if (cell() && cell().textContent !== before) done();
    }));
    await new Promise((r) => setTimeout(r, 30));
  }
  return out;
}, 20);
await browser.close();

function report(label, times, budget) {
  times.sort((a, b) => a - b);
  const pick = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`${label}, CPU throttled 4×, ${times.length} times: median ${pick(0.5).toFixed(2)} ms, p95 ${pick(0.95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms (budget: ${budget}).`);
}
report('Answer click → DOM updated', times, 'median ≤ 16 ms');
report('Staffing change → full schedule recomputed and shown', scheduleTimes, '≤ 16 ms');
