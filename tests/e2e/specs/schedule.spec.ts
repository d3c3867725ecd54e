import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { Preflight } from './preflight';

/** A workload with consulting and a 10-man-day security package, applying at `now`. */
async function engagement(context: BrowserContext, now: string) {
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Shop' });
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.locator('#package-security').check();
  await page.locator('#package-days-security').fill('10');
  await page.locator('#package-days-security').press('Tab');
  await page.goto(`./#/w/${id}/schedule`);
  await expect(page.getByTestId('schedule-table')).toBeVisible();
  return { page, app, id };
}

const date = (page: Page, event: string) => page.getByTestId(`event-${event}`).getByTestId('date');
const local = (page: Page, event: string) => page.getByTestId(`event-${event}`).getByTestId('local');

test('a schedule across National Day 2026, seen from UTC−8', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Etc/GMT+8' }); // UTC−8, no daylight saving
  // Monday 2026-09-07 10:00 in UTC+8.
  const { page } = await engagement(context, '2026-09-07T02:00:00Z');
  await expect(page.getByTestId('provider-today')).toContainText('Mon 2026-09-07');
  // 15 working days: Sunday Sept 20 is officially worked; Sept 25–27 are Mid-Autumn.
  await expect(page.getByTestId('lead-time')).toContainText('the earliest order date is 2026-09-28');
  await expect(date(page, 'start')).toHaveText('Mon 2026-09-28');
  await expect(date(page, 'investigation_report')).toHaveText('Tue 2026-09-29');
  // Day 5 skips National Day (Oct 1–7).
  await expect(date(page, 'consulting_report')).toHaveText('Fri 2026-10-09');
  // Saturday Oct 10 is an officially worked day.
  await expect(date(page, 'implementation_start')).toHaveText('Sat 2026-10-10');
  await expect(date(page, 'consulting_acceptance')).toHaveText('Thu 2026-10-15');
  // 10 man-days with one consultant: Oct 10, 12–16, 19–22.
  await expect(date(page, 'implementation_plan')).toHaveText('Thu 2026-10-22');
  // 09:00–18:00 UTC+8 is 17:00–02:00 the day before in UTC−8; overlap 17:00–18:00.
  await expect(local(page, 'consulting_report')).toHaveText('Thu 2026-10-08 17:00 – 02:00');
  await expect(page.getByTestId('local-hours')).toContainText('UTC−08:00');
  await expect(page.getByTestId('overlap')).toHaveText('Overlap with your 09:00–18:00: 17:00–18:00.');
  await expect(page.getByTestId('provisional-warning')).toHaveCount(0);
  // Two consultants halve the implementation.
  await page.locator('#schedule-consultants').selectOption('2');
  await expect(date(page, 'implementation_plan')).toHaveText('Thu 2026-10-15');
  await context.close();
});

test('seen from UTC+1 the service hours overlap in the morning', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Etc/GMT-1' }); // UTC+1
  const { page } = await engagement(context, '2026-09-07T02:00:00Z');
  await expect(local(page, 'start')).toHaveText('Mon 2026-09-28 02:00 – 11:00');
  await expect(page.getByTestId('overlap')).toHaveText('Overlap with your 09:00–18:00: 09:00–11:00.');
  await context.close();
});

test('across Spring Festival 2026: a worked Saturday and nine days off', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
  // Monday 2026-01-26: 15 working days end on Saturday Feb 14, an officially worked day.
  const { page } = await engagement(context, '2026-01-26T02:00:00Z');
  await expect(date(page, 'earliest_order')).toHaveText('Sat 2026-02-14');
  // Feb 15–23 off: the Investigation Report is due on Tuesday Feb 24.
  await expect(date(page, 'investigation_report')).toHaveText('Tue 2026-02-24');
  await expect(page.getByTestId('overlap')).toHaveText('Overlap with your 09:00–18:00: 09:00–18:00.');
  await context.close();
});

test('across the year end the dates are flagged provisional, and the .ics parses back', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
  const { page } = await engagement(context, '2026-12-01T02:00:00Z');
  await expect(page.getByTestId('provisional-warning')).toBeVisible();
  await expect(page.getByTestId('event-implementation_plan')).toContainText('Provisional');
  await expect(page.getByTestId('event-start')).not.toContainText('Provisional');
  const rows = await page.getByTestId('schedule-table').locator('tbody tr').count();

  const download = page.waitForEvent('download');
  await page.getByTestId('download-ics').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('preflight-shop-schedule.ics');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('\r\n');
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(rows);
  const plan = events.find((e) => e.summary.startsWith('Well-Architected Implementation Plan'))!;
  const shown = (await date(page, 'implementation_plan').textContent())!.slice(4);
  expect(plan.startDate.toString()).toBe(shown);
  expect(plan.startDate.isDate).toBe(true);
  expect(plan.description).toContain('Provisional');
  expect(new Set(events.map((e) => e.uid)).size).toBe(rows);
  await context.close();
});

test('services: suggestions, exclusions, prerequisites and cautions', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Buyer' });
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_no').check();
  await page.goto(`./#/w/${id}/services`);
  await expect(page.getByTestId('suggestions')).toContainText('Implementation: Security');
  await expect(page.getByTestId('suggestions')).toContainText('1 high risks; 15 man-days');
  await page.getByTestId('add-package-security').click();
  await expect(page.locator('#package-days-security')).toHaveValue('15');
  // Nothing acknowledged yet.
  const cautions = page.getByTestId('cautions');
  await expect(cautions).toContainText('please read and acknowledge what is not included');
  await page.getByTestId('details-wa_implementation').locator('summary').first().click();
  await expect(page.getByTestId('details-wa_implementation')).toContainText('Does not cover Well-Architected consulting work');
  await page.getByTestId('ack-wa_implementation').check();
  await expect(cautions).not.toContainText('acknowledge');
  // The RACI table is the seed's: customer A/S/C/I, provider R/I.
  const details = page.getByTestId('details-wa_implementation');
  await details.getByText('Who does what (RACI)').click();
  await expect(details.locator('table').first()).toContainText('A/S/C/I');
  // Managed services: a module and its milestones.
  await page.locator('#module-it_governance').check();
  await expect(page.getByTestId('offering-managed')).toContainText('Project Acceptance Report');
  await page.reload();
  await expect(page.locator('#module-it_governance')).toBeChecked();
  await expect(page.getByTestId('ack-wa_implementation')).toBeChecked();
  await page.getByTestId('to-schedule').click();
  await expect(page.getByTestId('event-managed_kickoff')).toBeVisible();
});
