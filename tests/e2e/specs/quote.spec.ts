// Services as the seeds sell them, with a price (issue 12): each offering's own terms, on-site
// days, per-pillar prerequisites, the order date, and a quote from the sales team's config that
// survives export and import unchanged.
import { test, expect, type Page, type Route } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Preflight } from './preflight';

const PRICED = {
  version: 1,
  pricing: {
    currency: 'CNY',
    day_rate: 4800,
    pillar_day_rates: { security: 5600, reliability: 5200 },
    onsite_day_rate: 1500,
    module_prices: { service_delivery: 120000 },
    tax: { percent: 6, label: { en: 'VAT', 'zh-CN': '增值税' } },
    valid_days: 30,
  },
  schedule: { lead_time_days: 10, managed_lead_time_days: 10 },
};

async function withConfig(page: Page, config: unknown) {
  await page.route('**/config.json', (route: Route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
}

/** The quote table's rows as [item, man-days, day rate, amount]. */
async function quoteRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('quote').locator('tbody tr');
  const out: string[][] = [];
  for (const row of await rows.all()) {
    out.push((await row.locator('th, td').allTextContents()).map((s) => s.trim()));
  }
  return out;
}

test('from answers to a priced quote: terms, on-site days, prerequisites, order date, export and import', async ({ browser }) => {
  const customer = await browser.newContext();
  const page = await customer.newPage();
  // Wednesday 2 December 2026, 10:00 in UTC+8.
  await page.clock.setFixedTime(new Date('2026-12-02T02:00:00Z'));
  await withConfig(page, PRICED);
  const app = new Preflight(page);
  await app.open();
  const id = await app.riskyWorkload();
  await page.goto(`./#/w/${id}/services`);
  await expect(page.getByTestId('offering-consulting')).toBeVisible();

  // Without services there is no quote yet.
  await expect(page.getByTestId('quote-card')).toContainText('Choose services to see their quote.');

  // A package for a pillar without recommendations is warned about, per pillar (seed 002 §2.2).
  await page.locator('#package-reliability').check();
  await page.locator('#package-security').check();
  const cautions = page.getByTestId('cautions');
  await expect(cautions).toContainText('Reliability: implementation builds on improvement recommendations');
  await expect(cautions).not.toContainText('Security: implementation builds');
  // An earlier consulting report, confirmed in the checklist, clears it.
  const details = page.getByTestId('details-wa_implementation');
  await details.getByText('Before the start: checklist').click();
  await page.locator('#pre-wa_implementation-recommendations_exist').check();
  await expect(cautions).not.toContainText('implementation builds on');
  await page.locator('#pre-wa_implementation-recommendations_exist').uncheck();
  await expect(cautions).toContainText('Reliability: implementation builds');

  // Implementation has on-site days too (seed 002 §2.2), and a deliverable language.
  await expect(page.getByTestId('implementation-onsite-days')).toBeEnabled();
  await expect(page.getByTestId('language-wa_implementation')).toHaveValue('en');

  // Consulting with two on-site days; choosing it also answers the per-pillar warnings.
  await page.getByTestId('choose-consulting').check();
  await page.getByTestId('onsite-days').selectOption('2');
  await expect(cautions).not.toContainText('implementation builds on');
  await page.getByTestId('language-wa_consulting').selectOption('zh-CN');
  await page.locator('#package-days-reliability').fill('10');
  await page.locator('#package-days-reliability').press('Tab');
  await page.locator('#package-cost_optimization').check();
  await page.locator('#package-days-cost_optimization').fill('2.5');
  await page.locator('#package-days-cost_optimization').press('Tab');
  await page.locator('#module-service_delivery').check();
  await page.locator('#module-it_governance').check();

  // Managed Services shows seed 000's terms, not the Well-Architected ones.
  const managedTerms = page.getByTestId('terms-managed');
  await managedTerms.locator('summary').click();
  await expect(managedTerms).toContainText('in English');
  await expect(managedTerms).toContainText('Microsoft Word, PowerPoint, Excel or Project');
  await expect(managedTerms).toContainText('Internet, fax, e-mail or written communication');
  await expect(managedTerms).toContainText('site arrival report');
  await expect(managedTerms).toContainText('at least 10 working days after applying');
  await expect(managedTerms).not.toContainText('DingTalk');
  await expect(managedTerms).not.toContainText('Visio');
  await expect(page.getByTestId('language-managed_services')).toContainText('in English');
  const consultingTerms = page.getByTestId('terms-consulting');
  await consultingTerms.locator('summary').click();
  await expect(consultingTerms).toContainText('5×8 support');
  // The lead time in the text is the configured one, not the seed's 15.
  await expect(consultingTerms).toContainText('at least 10 working days before placing the order');

  // The quote, by hand: consulting 5 × 4,800 = 24,000; 2 on-site days × 1,500 = 3,000;
  // cost optimization 2.5 × 4,800 = 12,000; reliability 10 × 5,200 = 52,000; security
  // 5 × 5,600 = 28,000; IT governance on request; service delivery 120,000.
  // Subtotal 239,000; VAT 6 % 14,340; total 253,340.
  await expect(page.getByTestId('quote-total')).toHaveText('253,340.00');
  expect(await quoteRows(page)).toEqual([
    ['Well-Architected Consulting Service', '5', '4,800.00', '24,000.00'],
    ['On-site assessment (consulting) (within the service\'s man-days)', '2', '1,500.00', '3,000.00'],
    ['Implementation: Cost optimization', '2.5', '4,800.00', '12,000.00'],
    ['Implementation: Reliability', '10', '5,200.00', '52,000.00'],
    ['Implementation: Security', '5', '5,600.00', '28,000.00'],
    ['IT governance (ITG)', '', '', 'On request'],
    ['Service delivery', '', '', '120,000.00'],
  ]);
  await expect(page.getByTestId('quote-subtotal')).toHaveText('239,000.00');
  await expect(page.getByTestId('quote-tax')).toHaveText('14,340.00');
  await expect(page.getByTestId('quote-man-days')).toHaveText('22.5');
  await expect(page.getByTestId('quote-valid')).toHaveText('Estimate valid until 2027-01-01.');
  await expect(page.getByTestId('quote-card')).toContainText('1 items are priced on request');
  await expect(page.getByTestId('quote-card')).toContainText('This is an estimate, not an offer');
  await app.expectAccessible();

  // 22.5 man-days is large: the recommended date (a month ahead) or the earliest (seed 002 §3).
  await page.goto(`./#/w/${id}/schedule`);
  await expect(page.getByTestId('order-on')).toBeVisible();
  await expect(page.getByTestId('lead-time')).toContainText('at least 10 working days');
  await expect(page.getByTestId('order-recommended')).toBeChecked();
  const start = page.getByTestId('event-start').getByTestId('date');
  const recommended = await page.getByTestId('event-recommended_order').getByTestId('date').textContent();
  await expect(start).toHaveText(recommended!);
  await page.getByTestId('order-earliest').check();
  // Ten working days after Wednesday 2 December 2026.
  await expect(start).toHaveText('Wed 2026-12-16');
  await expect(page.getByTestId('event-earliest_order').getByTestId('date')).toHaveText('Wed 2026-12-16');
  await expect(page.getByTestId('event-consulting_onsite').getByTestId('date')).toHaveText('Wed 2026-12-16');
  await expect(page.getByTestId('order-earliest')).toBeFocused();

  // The printable proposal: the reasons, the scope, what is still open, the schedule, the quote.
  await page.goto(`./#/w/${id}/proposal`);
  await expect(page.getByTestId('proposal')).toBeVisible();
  const consulting = page.getByTestId('proposal-wa_consulting');
  await expect(consulting).toContainText('1 high and 1 medium risks, 33 questions still open');
  await expect(consulting).toContainText('On-site man-days: 2');
  await expect(consulting.getByTestId('proposal-language')).toHaveText('Deliverable language: Chinese');
  await expect(consulting.getByTestId('proposal-ack')).toHaveText('What is not included is not acknowledged yet.');
  await expect(consulting.getByTestId('proposal-open')).toContainText('at least 10 working days before ordering');
  const implementation = page.getByTestId('proposal-wa_implementation');
  await expect(implementation).toContainText('How do you classify the data your workloads store and process?');
  await expect(implementation).toContainText('How do you allocate cloud costs to teams, products or cost centres?');
  await expect(implementation).toContainText('Does not cover Well-Architected consulting work');
  await expect(page.getByTestId('proposal-managed_services').getByTestId('proposal-language')).toHaveText('Deliverable language: English');
  await expect(page.getByTestId('proposal-event-start').locator('td').first()).toHaveText('2026-12-16');
  await expect(page.getByTestId('proposal').getByTestId('quote-total')).toHaveText('253,340.00');
  await expect(page.getByTestId('print')).toBeVisible();
  await app.expectAccessible();

  // Export: the bundle carries the price list and the quote as computed.
  await page.goto(`./#/w/${id}/results`);
  await expect(page.getByTestId('row-overall-well_architected')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const file = await download;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  const { validateBundle } = await import('../schema-check.mjs');
  expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
  expect(bundle.pricing.currency).toBe('CNY');
  expect(bundle.quote.total).toBe(253340);
  expect(bundle.workload.services.order_on).toBe('earliest');
  expect(bundle.workload.services.deliverable_languages).toEqual({ wa_consulting: 'zh-CN', wa_implementation: 'en' });
  await customer.close();

  // The consultant has no prices configured and opens the bundle three weeks later: the quote
  // is the customer's, valid until the same day.
  const consultant = await browser.newContext();
  const cpage = await consultant.newPage();
  await cpage.clock.setFixedTime(new Date('2026-12-23T02:00:00Z'));
  const capp = new Preflight(cpage);
  await capp.open('#/workspace');
  await cpage.getByTestId('import-files').setInputFiles(path);
  const row = cpage.getByTestId('import-row').first();
  await expect(row.getByTestId('quote-total')).toHaveText('CNY 253,340.00 + On request');
  await row.getByRole('rowheader').getByRole('link').click();
  await expect(cpage.getByTestId('read-only')).toBeVisible();
  await cpage.getByRole('link', { name: 'Services', exact: true }).click();
  await expect(cpage.getByTestId('quote-total')).toHaveText('253,340.00');
  await expect(cpage.getByTestId('quote-valid')).toHaveText('Estimate valid until 2027-01-01.');
  expect(await quoteRows(cpage)).toHaveLength(7);
  await expect(cpage.getByTestId('language-wa_consulting')).toHaveValue('zh-CN');

  // The printed report ends with the same quote, and its plan is costed at the bundle's rates,
  // not the consultant's (who has none).
  const importedId = new URL(cpage.url()).hash.split('/')[2];
  await cpage.goto(`./#/w/${importedId}/report`);
  await expect(cpage.getByTestId('report-quote').getByTestId('quote-total')).toHaveText('253,340.00');
  await expect(cpage.getByTestId('report-quote')).toContainText('Estimate valid until 2027-01-01.');
  await cpage.goto(`./#/w/${importedId}/plan`);
  await expect(cpage.getByTestId('rate')).toContainText('4,800');
  await expect(cpage.getByTestId('no-rate')).toHaveCount(0);

  // The workbook has a Quote sheet, with numbers as numbers.
  const xlsx = cpage.waitForEvent('download');
  await cpage.getByTestId('download-excel').click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await (await xlsx).path()));
  expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Improvement plan', 'Answers', 'Quote']);
  const sheet = book.getWorksheet('Quote')!;
  const byLabel = (label: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) {
      if (sheet.getRow(r).getCell(1).value === label) return sheet.getRow(r);
    }
    throw new Error(`no row ${label}`);
  };
  const reliability = byLabel('Implementation: Reliability');
  expect(reliability.getCell(2).value).toBe(10);
  expect(reliability.getCell(3).value).toBe(5200);
  expect(reliability.getCell(4).value).toBe(52000);
  expect(reliability.getCell(5).value).toBe('CNY');
  expect(byLabel('IT governance (ITG)').getCell(6).value).toBe('On request');
  expect(byLabel('VAT (6 %)').getCell(4).value).toBe(14340);
  expect(byLabel('Total').getCell(4).value).toBe(253340);
  expect(byLabel('Man-days in all').getCell(2).value).toBe(22.5);
  await consultant.close();
});

test('without prices the quote shows man-days only, never an invented price', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Unpriced' });
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.getByTestId('onsite-days').selectOption('1');
  await page.locator('#module-it_governance').check();
  await expect(page.getByTestId('quote-unpriced')).toHaveText('No prices are configured, so the quote shows man-days only.');
  expect(await quoteRows(page)).toEqual([
    ['Well-Architected Consulting Service', '5', '', '—'],
    ['On-site assessment (consulting) (within the service\'s man-days)', '1', '', '—'],
    ['IT governance (ITG)', '', '', '—'],
  ]);
  await expect(page.getByTestId('quote-total')).toHaveCount(0);
  await expect(page.getByTestId('quote-card')).not.toContainText(/\d,\d{3}\.\d{2}/);
  // Unchoosing consulting drops its on-site days.
  await page.getByTestId('choose-consulting').uncheck();
  await expect(page.getByTestId('onsite-days')).toBeDisabled();
  await expect(page.getByTestId('onsite-days')).toHaveValue('0');
});

test('the quote and the terms in Chinese', async ({ page }) => {
  await withConfig(page, { ...PRICED, default_language: 'zh-CN' });
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: '商城' });
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await expect(page.getByTestId('language-wa_consulting')).toHaveValue('zh-CN');
  await expect(page.getByTestId('quote-card')).toContainText('报价');
  await expect(page.getByTestId('quote-tax').locator('xpath=..')).toContainText('增值税（6%）');
  await expect(page.getByTestId('quote-total')).toHaveText('25,440.00');
  await expect(page.getByTestId('quote-card')).toContainText('此为估算，并非要约');
  const terms = page.getByTestId('terms-managed');
  await terms.locator('summary').click();
  await expect(terms).toContainText('均使用英文');
  await expect(terms).toContainText('10 个工作日');
});
