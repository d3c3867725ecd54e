import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { Preflight } from './preflight';

const acme = join(__dirname, '../../fixtures/bundles/acme-web-shop.json');

// A language switch renders the page's texts again; what the user is in the middle of stays.

test('a half-typed milestone survives a language switch', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Drafts' });
  await page.goto(`./#/w/${id}/milestones`);
  await page.getByLabel('Milestone name').fill('Before the rev');
  await page.locator('#milestone-date').fill('2027-03-01');
  await app.switchLanguage();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('里程碑');
  await expect(page.getByLabel('里程碑名称')).toHaveValue('Before the rev');
  await expect(page.locator('#milestone-date')).toHaveValue('2027-03-01');
  await app.switchLanguage();
  await expect(page.getByLabel('Milestone name')).toHaveValue('Before the rev');
});

test('an open rename keeps its draft across a language switch', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await app.newWorkload({ workload: 'Web shop' });
  await page.goto('./#/workloads');
  await page.getByRole('button', { name: /^Rename/ }).click();
  await page.getByLabel('Workload name').fill('Web shop (EU');
  await app.switchLanguage();
  await expect(page.getByLabel('工作负载名称')).toHaveValue('Web shop (EU');
  await expect(page.getByRole('button', { name: '保存' })).toBeVisible();
});

test('the workspace keeps its selection across a language switch', async ({ page }) => {
  const app = new Preflight(page);
  await app.open('#/workspace');
  await page.getByTestId('import-files').setInputFiles(acme);
  await page.getByTestId('import-row').first().getByRole('checkbox').check();
  await expect(page.getByTestId('bundle-compare')).toBeVisible();
  await app.switchLanguage();
  await expect(page.getByTestId('import-row').first().getByRole('checkbox')).toBeChecked();
  await expect(page.getByTestId('bundle-compare')).toContainText('安全');
});
