// Right on any date: every dated view of a workload is computed as of one date — the provider's
// today (UTC+8) for the customer's own work, the export day for an imported bundle. Each case
// fixes the browser's clock and states the dates it expects for it (hand-computed on the
// provider's calendar; `preflight calendar add DATE 15` gives the same).
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { Preflight } from './preflight';

const acme = join(__dirname, '../../fixtures/bundles/acme-web-shop.json');
const date = (page: Page, event: string) => page.getByTestId(`event-${event}`).getByTestId('date');

const cases = [
  // 15 working days from Mon 28 Dec: 29–31 Dec, then 2027 (provisional; 1 Jan is New Year).
  { label: 'a Monday before New Year', now: '2026-12-28T02:00:00Z', today: 'Mon 2026-12-28', start: 'Tue 2027-01-19', provisional: true },
  // Qingming 2027 is Monday 5 April (provisional).
  { label: 'a day in a provisional year', now: '2027-03-15T02:00:00Z', today: 'Mon 2027-03-15', start: 'Tue 2027-04-06', provisional: true },
  // Friday 13 Feb 2026, 17:30 in UTC+8: Sat 14 Feb is worked, 15–23 Feb are Spring Festival.
  { label: 'a Friday before a long holiday', now: '2026-02-13T09:30:00Z', today: 'Fri 2026-02-13', start: 'Thu 2026-03-12', provisional: false },
  // 20 Nov 2026 17:00 UTC is already Saturday 21 Nov for the provider. Ten man-days of
  // implementation after consulting end on 31 Dec, so the acceptance falls in 2027 (provisional).
  { label: 'a UTC evening that is already tomorrow in UTC+8', now: '2026-11-20T17:00:00Z', today: 'Sat 2026-11-21', start: 'Fri 2026-12-11', provisional: true },
];

for (const c of cases) {
  test(`as of ${c.label}: own work uses today, an imported bundle its export day`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(c.now));
    const app = new Preflight(page);
    await app.open();
    const id = await app.newWorkload({ workload: 'Shop' });
    await page.goto(`./#/w/${id}/services`);
    await page.getByTestId('choose-consulting').check();
    await page.locator('#package-security').check();
    await page.locator('#package-days-security').fill('10');
    await page.locator('#package-days-security').press('Tab');
    await page.goto(`./#/w/${id}/schedule`);
    await expect(page.getByTestId('provider-today')).toHaveText(`Today for the provider (UTC+8): ${c.today}.`);
    await expect(date(page, 'earliest_order')).toHaveText(c.start);
    await expect(date(page, 'start')).toHaveText(c.start);
    await expect(page.getByTestId('provisional-warning')).toHaveCount(c.provisional ? 1 : 0);
    await page.goto(`./#/w/${id}/report`);
    await expect(page.getByTestId('report-date')).toHaveText(c.today.slice(4));

    // The same browser, the same day: a bundle exported on Saturday 21 November 2026.
    await page.goto('./#/workspace');
    await page.getByTestId('import-files').setInputFiles(acme);
    await page.getByTestId('import-row').first().getByRole('rowheader').getByRole('link').click();
    const imported = app.workloadId();
    await page.goto(`./#/w/${imported}/schedule`);
    await expect(page.getByTestId('provider-today')).toContainText('Dates as of Sat 2026-11-21, the day this bundle was exported');
    await expect(date(page, 'start')).toHaveText('Fri 2026-12-11');
    await expect(date(page, 'implementation_acceptance')).toHaveText('Thu 2026-12-31');
    await page.goto(`./#/w/${imported}/report`);
    await expect(page.getByTestId('report-date')).toHaveText('2026-11-21');
  });
}

test('a schedule beyond the calendar\'s last year says which years it covers', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-02T02:00:00Z'));
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Far' });
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.goto(`./#/w/${id}/schedule`);
  await expect(date(page, 'start')).toHaveText('Wed 2026-12-23');
  await page.getByTestId('preferred-start').fill('2100-12-27');
  await page.getByTestId('preferred-start').dispatchEvent('change');
  await expect(page.getByTestId('schedule-too-far')).toHaveText(
    'This schedule reaches beyond the years the provider\'s holiday calendar covers (2024 to 2100). Choose an earlier start.');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('schedule-too-far')).toHaveText('该排期超出了服务商节假日日历覆盖的年份（2024 至 2100 年），请选择更早的开始日期。');
});
