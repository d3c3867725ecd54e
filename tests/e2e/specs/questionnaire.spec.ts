import { test, expect } from '@playwright/test';
import { Preflight } from './preflight';

test('answers, not-applicable and notes survive a reload (English)', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await expect(app.heading).toHaveText('Get ready for your Well-Architected review');
  const id = await app.newWorkload({ organisation: 'Acme Retail', workload: 'Web shop' });
  await page.getByTestId('to-questionnaire').click();
  await expect(app.heading).toHaveText('Security');

  await app.choice('sec_dc_scheme').check();
  await app.choice('sec_dc_inventory').check();
  await expect(app.risk('sec_data_classification')).toHaveText('Medium risk');

  const q2 = app.question('sec_data_encryption');
  await q2.getByTestId('na').check();
  await q2.getByTestId('na-reason').selectOption('BUSINESS_PRIORITIES');
  await q2.locator('.notes summary').click();
  await q2.getByTestId('notes').fill('Encryption is handled by the platform team.');
  await expect(app.risk('sec_data_encryption')).toHaveText('Not applicable');
  await expect(page.getByTestId('pillar-progress')).toHaveText('2 of 7 answered');

  await page.reload();
  await expect(app.heading).toHaveText('Security');
  await expect(app.choice('sec_dc_scheme')).toBeChecked();
  await expect(app.choice('sec_dc_inventory')).toBeChecked();
  await expect(app.choice('sec_dc_labels')).not.toBeChecked();
  await expect(app.risk('sec_data_classification')).toHaveText('Medium risk');
  await expect(q2.getByTestId('na')).toBeChecked();
  await expect(q2.getByTestId('na-reason')).toHaveValue('BUSINESS_PRIORITIES');
  await expect(q2.getByTestId('notes')).toHaveValue('Encryption is handled by the platform team.');

  await page.goto(`./#/w/${id}/profile`);
  await expect(page.locator('#profile-organisation')).toHaveValue('Acme Retail');
  await expect(page.locator('#profile-workload')).toHaveValue('Web shop');
});

test('the questionnaire in Chinese, remembered across a reload', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await app.switchLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.heading).toHaveText('为卓越架构（Well-Architected）评审做好准备');
  const id = await app.newWorkload({ workload: '网上商城' });
  await expect(app.heading).toHaveText('工作负载概况');
  await app.goToPillar(id, 'security');
  await expect(app.heading).toHaveText('安全');
  await expect(page.locator('label[for=c-sec_data_classification-sec_dc_scheme]')).toHaveText('我们有成文的数据分类分级标准（例如公开、内部、机密）');

  await app.choice('sec_dc_no').check();
  await expect(app.risk('sec_data_classification')).toHaveText('高风险');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.heading).toHaveText('安全');
  await expect(app.choice('sec_dc_no')).toBeChecked();
  await expect(app.risk('sec_data_classification')).toHaveText('高风险');
  await expect(page).toHaveTitle('安全 · Preflight');

  // Back to English: the same answers, in the other language, and focus stays on the switch.
  await app.switchLanguage();
  await expect(page.getByTestId('lang-switch')).toBeFocused();
  await expect(app.risk('sec_data_classification')).toHaveText('High risk');
  await expect(page.locator('label[for=c-sec_data_classification-sec_dc_no]')).toHaveText('None of these');
});

test('a browser that prefers Chinese opens in Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const app = new Preflight(page);
  await app.open();
  await expect(app.heading).toHaveText('为卓越架构（Well-Architected）评审做好准备');
  await context.close();
});

test('"None of these" excludes the other choices', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload();
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_scheme').check();
  await app.choice('sec_dc_labels').check();
  await app.choice('sec_dc_no').check();
  await expect(app.choice('sec_dc_scheme')).not.toBeChecked();
  await expect(app.choice('sec_dc_labels')).not.toBeChecked();
  await expect(app.risk('sec_data_classification')).toHaveText('High risk');
  await app.choice('sec_dc_scheme').check();
  await expect(app.choice('sec_dc_no')).not.toBeChecked();
  await app.choice('sec_dc_scheme').uncheck();
  await expect(app.risk('sec_data_classification')).toHaveText('Unanswered');
});

test('results count risks per pillar and overall, with a chart', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload();
  await app.goToPillar(id, 'security');
  // Medium: a scheme and an inventory, no labels or controls.
  await app.choice('sec_dc_scheme').check();
  await app.choice('sec_dc_inventory').check();
  // No risk: every essential practice.
  for (const c of ['sec_de_at_rest', 'sec_de_enforce', 'sec_de_tls_public', 'sec_de_tls_internal']) {
    await app.choice(c).check();
  }
  await app.goToPillar(id, 'reliability');
  await app.choice('rel_as_no').check(); // high
  await app.question('rel_failover').getByTestId('na').check(); // not applicable

  await page.goto(`./#/w/${id}/results`);
  await expect(app.heading).toHaveText('Results');
  await expect(page.getByTestId('top-risks-well_architected').locator('li')).toHaveCount(2);
  const cells = async (row: string) => page.getByTestId(row).locator('td').allTextContents();
  // High, Medium, None, N/A, Unanswered, Score
  await expect.poll(() => cells('row-security')).toEqual(['0', '1', '1', '0', '5', '75']);
  await expect.poll(() => cells('row-reliability')).toEqual(['1', '0', '0', '1', '5', '0']);
  await expect.poll(() => cells('row-cost_optimization')).toEqual(['0', '0', '0', '0', '7', '—']);
  await expect.poll(() => cells('row-overall-well_architected')).toEqual(['1', '1', '1', '1', '31', '50']);
  await expect(page.getByTestId('score-well_architected')).toHaveText('50');
  await expect(page.getByTestId('answered-well_architected')).toHaveText('4 of 35 questions answered or marked not applicable.');
  const chart = page.getByTestId('risk-chart-well_architected');
  await expect(chart.locator('rect')).toHaveCount(3 + 3 + 3 * 1); // security 3 kinds, reliability 3, three empty pillars 1 each
  await expect(chart.locator('desc')).toContainText('Security: 0 high, 1 medium, 1 no risk, 0 not applicable, 5 unanswered.');
});

test('workloads can be created, renamed, duplicated and deleted', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Billing' });
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_scheme').check();

  await page.goto('./#/workloads');
  const rows = page.getByTestId('workload-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Billing');
  await expect(rows.first()).toContainText('1 of 35 questions answered');

  await rows.first().getByRole('button', { name: /Rename/ }).click();
  const input = page.getByLabel('Workload name');
  await expect(input).toBeFocused();
  await input.fill('Billing API');
  await input.press('Enter');
  await expect(rows.first()).toContainText('Billing API');

  await rows.first().getByRole('button', { name: /Duplicate/ }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Billing API (copy)');
  await expect(rows.nth(1)).toContainText('1 of 35 questions answered');

  await rows.first().getByRole('button', { name: /Delete/ }).click();
  await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText('“Billing API” was deleted.')).toBeVisible();

  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Billing API (copy)');
  expect(Object.keys(await app.stored()).filter((k) => k.startsWith('preflight.workload.'))).toHaveLength(1);
});
