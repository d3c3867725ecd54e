import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Preflight } from './preflight';

/** A workload with a high risk in security and a medium risk in cost optimization. */
async function riskyWorkload(page: Page) {
  const app = new Preflight(page);
  await app.open();
  const id = await app.riskyWorkload();
  return { app, id };
}

const choicesInOrder = (page: Page) =>
  page.getByTestId('plan-items-well_architected').getByTestId('plan-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-choice')));

test('the plan orders improvements by priority then effort, and follows the pillar ranking', async ({ page }) => {
  const { app, id } = await riskyWorkload(page);
  await page.goto(`./#/w/${id}/plan`);
  await expect(app.heading).toHaveText('Improvement plan');
  await expect(page.getByTestId('priority-rule')).toContainText('Priority 1 is a high risk in one of your two top-ranked pillars');
  await expect(page.getByTestId('no-rate')).toBeVisible();
  // Security (rank 1) high → P1, by effort; cost (rank 3) medium → P3.
  expect(await choicesInOrder(page)).toEqual([
    'sec_dc_scheme', 'sec_dc_labels', 'sec_dc_inventory', 'sec_dc_controls', 'sec_dc_discovery',
    'cost_ca_showback', 'cost_ca_account_structure', 'cost_ca_chargeback',
  ]);
  const first = page.getByTestId('plan-item').first();
  await expect(first).toContainText('P1');
  await expect(first).toContainText('Quick win');
  await expect(page.getByTestId('plan-item').nth(5)).toContainText('P3');
  await expect(page.getByTestId('plan-total-well_architected').locator('td')).toHaveText(['8', '26', '—', '2']);
  await page.getByTestId('quick-only').check();
  expect(await choicesInOrder(page)).toEqual(['sec_dc_scheme', 'sec_dc_labels']);

  // Rank cost optimization first, from the keyboard: its medium risk becomes priority 2.
  await page.goto(`./#/w/${id}/profile`);
  const up = page.locator('#rank-up-well_architected-2');
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#rank-up-well_architected-2')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#rank-down-well_architected-2')).toBeFocused(); // up is disabled at the top
  await expect(page.getByText('Cost optimization is now number 1.')).toBeAttached();
  await expect(page.locator('[data-lens=well_architected] .rank-name')).toHaveText([
    'Cost optimization', 'Security', 'Reliability', 'Operational excellence', 'Performance efficiency',
  ]);
  await page.reload();
  await expect(page.locator('[data-lens=well_architected] .rank-name').first()).toHaveText('Cost optimization');
  await page.goto(`./#/w/${id}/plan`);
  await expect(page.getByTestId('plan-item').nth(5)).toContainText('P2');

  // The dashboard shows the same totals and the highest risks, high first.
  await page.goto(`./#/w/${id}/results`);
  await expect(page.getByTestId('plan-totals-well_architected')).toHaveText('8 improvements, 26 man-days · 2 quick wins');
  await expect(page.getByTestId('top-risks-well_architected').locator('li').first()).toContainText('High risk');
});

test('the Excel workbook has the plan, with numbers as numbers and dates as dates', async ({ page }) => {
  const { id } = await riskyWorkload(page);
  await page.goto(`./#/w/${id}/plan`);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-excel').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^preflight-acme-retail-web-shop-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByTestId('excel-status')).toContainText('Downloaded');

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await file.path()));
  expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Improvement plan', 'Answers']);

  const plan = book.getWorksheet('Improvement plan')!;
  expect(plan.rowCount).toBe(1 + 8);
  expect(plan.getRow(1).getCell(6).value).toBe('Practice');
  const row = plan.getRow(2);
  expect(row.getCell(2).value).toBe(1); // priority, a number
  expect(row.getCell(6).value).toContain('classification scheme');
  expect(row.getCell(9).value).toBe(2); // effort in man-days, a number
  expect(row.getCell(12).value).toBe('Yes'); // quick win
  expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(plan.autoFilter).toBeTruthy();

  const summary = book.getWorksheet('Summary')!;
  const security = summary.getRow(2);
  expect(security.getCell(2).value).toBe('Security');
  expect(security.getCell(4).value).toBe(1); // one high risk
  expect(security.getCell(10).value).toBe(5); // five improvements
  expect(security.getCell(14).value).toBeInstanceOf(Date);

  const answers = book.getWorksheet('Answers')!;
  expect(answers.rowCount).toBe(1 + 35);
  expect(answers.getRow(2).getCell(4).value).toBe('High risk');
});

test('the printed report has a cover and the plan', async ({ page }) => {
  const { app, id } = await riskyWorkload(page);
  await page.goto(`./#/w/${id}/report`);
  await expect(app.heading).toHaveText('Well-Architected pre-engagement report');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('print')).toBeHidden();
  const plan = page.getByTestId('report').getByTestId('plan-items-well_architected');
  await expect(plan).toBeVisible();
  await expect(plan.getByTestId('plan-item')).toHaveCount(8);
  await expect(page.getByTestId('report')).toContainText('Acme Retail');
  const shot = await page.screenshot({ fullPage: true });
  expect(shot.byteLength).toBeGreaterThan(50_000);
  // Chromium's own "Save as PDF" path.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(20_000);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a milestone compared with now shows what improved', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Milestones' });
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_no').check();

  await page.goto(`./#/w/${id}/milestones`);
  await page.getByTestId('save-milestone').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Give the milestone a name.' })).toBeVisible();
  await page.getByLabel('Milestone name').fill('Baseline');
  await page.getByTestId('save-milestone').click();
  await expect(page.getByText('Milestone “Baseline” saved.')).toBeVisible();

  await app.goToPillar(id, 'security');
  for (const c of ['sec_dc_inventory', 'sec_dc_scheme', 'sec_dc_labels', 'sec_dc_controls']) await app.choice(c).check();
  await expect(app.risk('sec_data_classification')).toHaveText('No risk');

  await page.goto(`./#/w/${id}/milestones`);
  await page.getByRole('button', { name: /Compare with now/ }).click();
  const row = page.getByTestId('change-security');
  await expect(row.locator('td')).toHaveText(['0', '100', '+100', 'How do you classify the data your workloads store and process?', '']);
  await expect(page.getByTestId('change-reliability').locator('td').nth(2)).toHaveText('—');
  await page.reload();
  await expect(page.getByTestId('milestone')).toHaveCount(1);
});

test('the managed-services lens can be chosen and flows into results and plan', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Managed' });
  await page.getByTestId('lens-managed-services').check();
  await expect(page.locator('[data-lens=managed_services] .rank-name').first()).toHaveText('Technology management architecture and framework');
  await page.goto(`./#/w/${id}/assess/technology_management`);
  await expect(app.heading).toHaveText('Technology management architecture and framework');
  await app.choice('tm_cs_no').check();
  await expect(app.risk('tm_current_state')).toHaveText('High risk');
  await page.reload();
  await expect(app.choice('tm_cs_no')).toBeChecked();
  await page.goto(`./#/w/${id}/results`);
  await expect(page.getByTestId('risk-chart-managed_services')).toBeVisible();
  await expect(page.getByTestId('high-managed_services')).toHaveText('1');
  await page.goto(`./#/w/${id}/plan`);
  await expect(page.getByTestId('plan-items-managed_services').getByTestId('plan-item').first()).toContainText('P1');
});

test('a lens file that cannot be fetched is reported and nothing breaks', async ({ page }) => {
  await page.route('**/lenses/managed-services.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const app = new Preflight(page);
  await app.open();
  await app.newWorkload({ workload: 'No lens' });
  await page.getByTestId('lens-managed-services').check();
  await expect(page.getByText('The managed-services questions could not be loaded (lenses/managed-services.json: HTTP 404)')).toBeVisible();
  await page.getByTestId('to-questionnaire').click();
  await expect(app.heading).toHaveText('Security');
});
