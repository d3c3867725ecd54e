import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { Preflight } from './preflight';

test('an unreadable record is set aside, the user is told, and nothing else is lost', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Kept' });
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_scheme').check();

  const junk = '{"schema":1,"id":"w-broken","answers":';
  await page.evaluate((junk) => localStorage.setItem('preflight.workload.w-broken', junk), junk);
  await page.reload();

  const notice = page.getByTestId('quarantine-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('could not be read');
  await expect(notice).toContainText('$: not valid JSON at line 1');
  await app.switchLanguage();
  await expect(notice).toContainText('无法读取');
  await expect(notice).toContainText('$: 第 1 行第 38 列不是有效的 JSON');
  await app.switchLanguage();
  const stored = await app.stored();
  expect(stored['preflight.quarantine.workload.w-broken.1']).toBe(junk);
  expect(stored['preflight.workload.w-broken']).toBeUndefined();
  // The good workload is untouched.
  await expect(app.choice('sec_dc_scheme')).toBeChecked();

  // The user can take the damaged record with them...
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download it' }).click();
  expect((await download).suggestedFilename()).toBe('preflight.quarantine.workload.w-broken.1.json');
  // ...and discard it.
  await notice.getByRole('button', { name: 'Discard' }).click();
  await expect(notice).toHaveCount(0);
  expect((await app.stored())['preflight.quarantine.workload.w-broken.1']).toBeUndefined();
});

test('records from a newer release are left untouched', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const future = '{"schema":99,"id":"w-future","whatever":true}';
  await page.evaluate((v) => localStorage.setItem('preflight.workload.w-future', v), future);
  await page.reload();
  await expect(page.getByText('written by a newer version of Preflight')).toBeVisible();
  expect((await app.stored())['preflight.workload.w-future']).toBe(future);
});

test('a full storage is reported and the work stays in memory', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Tight quota' });
  await app.goToPillar(id, 'security');
  // From now on every write fails as a full quota does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.choice('sec_dc_scheme').check();
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('storage is full');
  await expect(app.choice('sec_dc_scheme')).toBeChecked();
  await expect(app.risk('sec_data_classification')).toHaveText('High risk');
  // What was saved before is still there; nothing was overwritten with partial data.
  const saved = JSON.parse((await app.stored())[`preflight.workload.${id}`]);
  expect(saved.profile.workload).toBe('Tight quota');
  expect(saved.answers).toEqual({});
  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Download a copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^preflight-workloads-\d{4}-\d{2}-\d{2}\.json$/);
  const copy = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(copy.workloads[0].answers.well_architected.sec_data_classification.selected).toEqual(['sec_dc_scheme']);
});

test('without storage (private mode) the app still works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const app = new Preflight(page);
  await app.open();
  await expect(page.getByTestId('storage-warning')).toContainText('does not let Preflight save');
  const id = await app.newWorkload({ workload: 'In memory' });
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_no').check();
  await expect(app.risk('sec_data_classification')).toHaveText('High risk');
});

test('two open tabs stay consistent', async ({ context }) => {
  const a = new Preflight(await context.newPage());
  await a.open();
  const id = await a.newWorkload({ workload: 'Shared' });
  await a.goToPillar(id, 'security');

  const b = new Preflight(await context.newPage());
  await b.goToPillar(id, 'security');
  await expect(b.heading).toHaveText('Security');

  await a.choice('sec_dc_scheme').check();
  await expect(b.choice('sec_dc_scheme')).toBeChecked();
  await expect(b.risk('sec_data_classification')).toHaveText('High risk');

  await b.choice('sec_dc_inventory').check();
  await expect(a.choice('sec_dc_inventory')).toBeChecked();
  await expect(a.risk('sec_data_classification')).toHaveText('Medium risk');

  // Both edits are in storage, whichever tab wrote last.
  const saved = JSON.parse((await a.stored())[`preflight.workload.${id}`]);
  expect(saved.answers.well_architected.sec_data_classification.selected).toEqual(['sec_dc_inventory', 'sec_dc_scheme']);

  // Deleting in one tab takes the other off the deleted workload.
  await a.page.goto('./#/workloads');
  await a.page.getByRole('button', { name: /Delete/ }).click();
  await a.page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(b.page.getByText('deleted in another tab')).toBeVisible();
  await expect(b.page).toHaveURL(/#\/workloads$/);
});
