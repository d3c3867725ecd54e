import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { Preflight } from './preflight';

for (const lang of ['en', 'zh-CN']) {
  test(`every view passes axe-core (WCAG 2.1 AA) in ${lang}`, async ({ page }) => {
    const app = new Preflight(page);
    await app.open();
    if (lang === 'zh-CN') await app.switchLanguage();
    await app.expectAccessible();

    const id = await app.newWorkload({ workload: 'Accessible' });
    await app.expectAccessible();

    await app.goToPillar(id, 'security');
    await app.choice('sec_dc_scheme').check();
    await app.question('sec_data_encryption').getByTestId('na').check();
    await app.question('sec_data_encryption').locator('.notes summary').click();
    await app.expectAccessible();

    await page.goto(`./#/w/${id}/results`);
    await expect(page.getByTestId('risk-chart-well_architected')).toBeVisible();
    await app.expectAccessible();

    await page.goto(`./#/w/${id}/plan`);
    await expect(page.getByTestId('plan-items-well_architected')).toBeVisible();
    await app.expectAccessible();

    await page.goto(`./#/w/${id}/milestones`);
    await page.locator('#milestone-name').fill('Baseline');
    await page.getByTestId('save-milestone').click();
    await page.getByRole('button', { name: /Compare with now|与当前对比/ }).click();
    await expect(page.getByTestId('compare-well_architected')).toBeVisible();
    await app.expectAccessible();

    await page.goto(`./#/w/${id}/report`);
    await expect(page.getByTestId('report')).toBeVisible();
    await app.expectAccessible();

    await page.goto(`./#/w/${id}/services`);
    await page.getByTestId('choose-consulting').check();
    await page.locator('#module-it_governance').check();
    for (const d of await page.locator('.offering-details details').all()) await d.locator('summary').click();
    await app.expectAccessible();

    await page.goto(`./#/w/${id}/schedule`);
    await expect(page.getByTestId('schedule-table')).toBeVisible();
    await app.expectAccessible();

    await page.goto('./#/workloads');
    await expect(page.getByTestId('workload-row')).toHaveCount(1);
    await app.expectAccessible();
    await page.getByRole('button', { name: /Rename|重命名/ }).click();
    await app.expectAccessible();
  });
}

test('notices pass axe-core too', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await page.evaluate(() => localStorage.setItem('preflight.workload.w-bad', 'nope'));
  await page.reload();
  await expect(page.getByTestId('quarantine-notice')).toBeVisible();
  await app.expectAccessible();
});

test('usable on a 360 px wide screen: nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Phone' });
  await page.goto(`./#/w/${id}/assess/security`);
  await page.locator('#c-sec_data_classification-sec_dc_no').check();
  for (const view of ['', `#/w/${id}/profile`, `#/w/${id}/assess/operational_excellence`, `#/w/${id}/results`,
    `#/w/${id}/plan`, `#/w/${id}/milestones`, `#/w/${id}/report`, `#/w/${id}/services`, `#/w/${id}/schedule`, '#/workloads', '#/workspace']) {
    await page.goto(`./${view}`);
    await expect(app.heading).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on "${view}"`).toBeLessThanOrEqual(0);
  }
  // The workspace with imported bundles and a comparison: wide tables scroll in their own box.
  await page.getByTestId('import-files').setInputFiles([
    join(__dirname, '../../fixtures/bundles/acme-web-shop.json'),
    join(__dirname, '../../fixtures/bundles/backup-schema1.json'),
  ]);
  await expect(page.getByTestId('import-row')).toHaveCount(3);
  await page.getByLabel('Compare Acme Retail · Web shop').first().check();
  await page.getByLabel('Compare Acme Retail · Data platform').check();
  await expect(page.getByTestId('bundle-compare')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await context.close();
});
