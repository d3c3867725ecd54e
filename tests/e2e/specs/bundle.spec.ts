// The bundle and the consultant's workspace (README, 'The bundle', and 'Consultant workspace'
// under 'Using the app'): export in the browser, import in the workspace, hostile files,
// read-only views, comparison and the summary exports.
import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Preflight } from './preflight';

const here = __dirname;
const fixtures = join(here, '../../fixtures/bundles');
const hostileDir = join(fixtures, 'hostile');
/** What the CLI says about each hostile file (shared with tests/cli_bundle.rs). */
const expected: Record<string, string[]> = JSON.parse(readFileSync(join(fixtures, 'hostile-expected.json'), 'utf8'));
const acme = join(fixtures, 'acme-web-shop.json');

async function openWorkspace(page: Page) {
  const app = new Preflight(page);
  await app.open('#/workspace');
  await expect(app.heading).toHaveText('Consultant workspace');
  return app;
}

const rows = (page: Page) => page.getByTestId('import-row');

test('round trip: a customer exports, a consultant imports, the figures are the same', async ({ browser }) => {
  // The customer, in their own browser.
  const customer = await browser.newContext();
  const page = await customer.newPage();
  await page.clock.setFixedTime(new Date('2026-11-21T02:00:00Z'));
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ organisation: 'Acme Retail', workload: 'Web shop' });
  await app.goToPillar(id, 'security');
  await app.choice('sec_dc_no').check();
  await app.question('sec_data_encryption').getByTestId('na').check();
  await app.goToPillar(id, 'cost_optimization');
  await app.choice('cost_ca_allocation_model').check();
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.goto(`./#/w/${id}/results`);
  // The results page's code may still be on its way (it loads on first use): wait for the page.
  await expect(page.getByTestId('row-overall-well_architected')).toBeVisible();
  const overall = await page.getByTestId('row-overall-well_architected').locator('td').allTextContents();
  const security = await page.getByTestId('row-security').locator('td').allTextContents();
  const totals = await page.getByTestId('plan-totals-well_architected').textContent();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('preflight-acme-retail-web-shop-2026-11-21.json');
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  // The export is what the published schema describes, and the site ships that schema.
  const { validateBundle } = await import('../schema-check.mjs');
  expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
  const shipped = await (await page.request.get('./schema/bundle-v1.schema.json')).json();
  expect(shipped).toEqual(JSON.parse(readFileSync(join(here, '../../../public/schema/bundle-v1.schema.json'), 'utf8')));
  expect(bundle.format).toBe('preflight-bundle');
  expect(bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(bundle.schedule.events.map((e: { event: string }) => e.event)).toContain('consulting_report');
  await customer.close();

  // The consultant, in another browser with nothing stored.
  const consultant = await browser.newContext();
  const cpage = await consultant.newPage();
  const capp = await openWorkspace(cpage);
  await cpage.getByTestId('import-files').setInputFiles(path);
  await expect(rows(cpage)).toHaveCount(1);
  const row = rows(cpage).first();
  await expect(row.getByRole('rowheader').getByRole('link')).toHaveText('Acme Retail · Web shop');
  await expect(row.getByTestId('integrity')).toHaveText('Intact');
  await expect(row.getByTestId('high')).toHaveText(overall[0]);
  await expect(row.getByTestId('score')).toHaveText(overall[5]);
  await row.getByRole('rowheader').getByRole('link').click();
  await expect(cpage.getByTestId('read-only')).toContainText('Read-only');
  await expect(cpage.getByTestId('changed-warning')).toHaveCount(0);
  await expect(cpage.getByTestId('row-overall-well_architected').locator('td')).toHaveText(overall);
  await expect(cpage.getByTestId('row-security').locator('td')).toHaveText(security);
  await expect(cpage.getByTestId('plan-totals-well_architected')).toHaveText(totals!);
  // Nothing of the customer's becomes the consultant's own work.
  const stored = Object.keys(await capp.stored());
  expect(stored.filter((k) => k.startsWith('preflight.workload.'))).toEqual([]);
  expect(stored.filter((k) => k.startsWith('preflight.import.'))).toHaveLength(1);
  await consultant.close();
});

test('an imported bundle opens read-only in every view the customer had, as of its export day', async ({ page }) => {
  // The consultant opens a bundle exported on Saturday 21 November 2026 five weeks later.
  await page.clock.setFixedTime(new Date('2026-12-28T02:00:00Z'));
  await openWorkspace(page);
  await page.getByTestId('import-files').setInputFiles(acme);
  await rows(page).first().getByRole('rowheader').getByRole('link').click();
  const id = new Preflight(page).workloadId();
  expect(id).toMatch(/^i-/);
  const banner = page.getByTestId('read-only');
  await expect(banner).toContainText('Read-only: a customer\'s bundle imported from acme-web-shop.json.');

  await page.goto(`./#/w/${id}/profile`);
  await expect(banner).toBeVisible();
  await expect(page.locator('#profile-organisation')).toHaveValue('Acme Retail');
  await expect(page.locator('#profile-organisation')).toHaveAttribute('readonly', '');

  await page.goto(`./#/w/${id}/assess/security`);
  await expect(page.locator('#c-sec_data_classification-sec_dc_inventory')).toBeChecked();
  await expect(page.locator('#c-sec_data_classification-sec_dc_inventory')).toBeDisabled();
  await expect(page.locator('input[type=checkbox]:enabled, input[type=radio]:enabled, textarea:not([readonly])')).toHaveCount(0);

  await page.goto(`./#/w/${id}/services`);
  await expect(page.getByTestId('choose-consulting')).toBeChecked();
  await expect(page.getByTestId('choose-consulting')).toBeDisabled();

  await page.goto(`./#/w/${id}/schedule`);
  await expect(page.getByTestId('schedule-table')).toBeVisible();
  // Recomputed from the selection as of the export date, not taken from the file, and not
  // from the consultant's today (which would start on 2027-01-19).
  await expect(page.getByTestId('provider-today')).toHaveText(
    'Dates as of Sat 2026-11-21, the day this bundle was exported (provider\'s date, UTC+8), as the customer saw them.');
  await expect(page.getByTestId('event-start').getByTestId('date')).toHaveText('Fri 2026-12-11');
  await expect(page.getByTestId('event-implementation_acceptance').getByTestId('date')).toHaveText('Thu 2026-12-31');
  await expect(page.getByTestId('provisional-warning')).toHaveCount(0);
  // The .ics file has the same dates.
  const ics = page.waitForEvent('download');
  await page.getByTestId('download-ics').click();
  const icsText = readFileSync(await (await ics).path(), 'utf8');
  expect(icsText).toMatch(/DTSTART;VALUE=DATE:20261211\r\nDTEND;VALUE=DATE:20261212\r\nSUMMARY:Engagement starts/);
  // So has the Microsoft Project file, read back as XML: every event a milestone on its date
  // (as the bundle recorded them), and National Day's days off one calendar exception.
  const mspdi = page.waitForEvent('download');
  await page.getByTestId('download-mspdi').click();
  const mspdiDownload = await mspdi;
  expect(mspdiDownload.suggestedFilename()).toBe('preflight-web-shop-schedule.xml');
  const project = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return null;
    const text = (el: Element, name: string) => el.getElementsByTagName(name)[0]?.textContent ?? '';
    return {
      milestones: [...doc.getElementsByTagName('Task')]
        .filter((t) => text(t, 'Milestone') === '1')
        .map((t) => `${text(t, 'Name')} ${text(t, 'Start')}`),
      exceptions: [...doc.getElementsByTagName('Exception')].map(
        (e) => `${text(e, 'Name')} ${text(e, 'FromDate')} ${text(e, 'ToDate')} ${text(e, 'DayWorking')}`),
    };
  }, readFileSync(await mspdiDownload.path(), 'utf8'));
  expect(project).not.toBeNull();
  expect(project!.milestones).toContain('Engagement starts 2026-12-11T09:00:00');
  expect(project!.milestones).toContain('Confirm the Implementation Plan (acceptance due) 2026-12-31T09:00:00');
  expect(project!.milestones).toHaveLength(8);
  expect(project!.exceptions).toContain('National Day 2026-10-01T00:00:00 2026-10-07T23:59:00 0');

  // One customer's milestones, pillar by pillar.
  await page.goto(`./#/w/${id}/milestones`);
  await expect(page.getByTestId('milestone')).toHaveCount(1);
  await expect(page.getByTestId('save-milestone')).toBeHidden();
  await expect(page.getByRole('button', { name: /^Delete/ })).toBeHidden();
  await page.getByRole('button', { name: 'Compare with now' }).click();
  await expect(page.getByTestId('compare-well_architected')).toBeVisible();
  await expect(page.getByTestId('change-reliability')).toBeVisible();

  await page.goto(`./#/w/${id}/report`);
  await expect(page.getByTestId('report')).toContainText('Acme Retail');
  await expect(page.getByTestId('report')).toContainText('Exported by the customer on');
  await expect(page.getByTestId('report-date')).toHaveText('2026-11-21');

  // The consultant's own list of workloads does not show it.
  await page.goto('./#/workloads');
  await expect(page.getByTestId('workload-row')).toHaveCount(0);
});

test('hostile files are refused or flagged with the CLI\'s messages, and nothing else is touched', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  // The consultant's own work, which no import may touch.
  const own = await app.newWorkload({ organisation: 'Mine', workload: 'Own work' });
  await app.goToPillar(own, 'security');
  await app.choice('sec_dc_scheme').check();
  await expect(async () => expect(Object.keys(await app.stored()).some((k) => k.includes(own))).toBe(true)).toPass();
  const before = await app.stored();

  await openWorkspace(page);
  const files = readdirSync(hostileDir).map((f) => join(hostileDir, f));
  expect(files.length).toBeGreaterThanOrEqual(19);
  const huge = { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(3_000_000, 0x20) };
  await page.getByTestId('import-files').setInputFiles([...files.map((f) => ({
    name: f.split('/').pop()!, mimeType: 'application/json', buffer: readFileSync(f),
  })), huge]);
  await expect(page.getByTestId('import-progress')).toHaveText('');

  // Refused: every file the CLI refuses except the edited one, which opens with a warning.
  const refused = page.getByTestId('refused');
  const refusedFiles = Object.keys(expected).filter((f) => f !== 'edited-content.json');
  await expect(refused).toHaveCount(refusedFiles.length + 1);
  for (const f of refusedFiles) {
    const item = page.locator(`[data-testid=refused][data-file="${f}"]`);
    const shown = await item.locator('li').allTextContents();
    expect(shown, f).toEqual(expected[f].slice(0, 5));
  }
  await expect(page.locator('[data-testid=refused][data-file="huge.json"] li'))
    .toHaveText(['$: file is 3000000 bytes; the limit is 2000000 bytes']);

  // Imported: the script-laden one (as text) and the edited one (flagged).
  await expect(rows(page)).toHaveCount(2);
  const edited = page.locator('[data-testid=import-row][data-file="edited-content.json"]');
  await expect(edited.getByTestId('integrity')).toHaveText('Changed after export');
  const html = page.locator('[data-testid=import-row][data-file="html-and-script.json"]');
  await expect(html.getByRole('rowheader').getByRole('link')).toContainText('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">&lt;b&gt;organisation');
  await html.getByRole('rowheader').getByRole('link').click();
  await expect(page.locator('#profile-organisation, [data-testid=row-overall-well_architected]').first()).toBeVisible();
  const id = app.workloadId();
  for (const view of ['profile', 'results', 'report', 'assess/security', 'milestones']) {
    await page.goto(`./#/w/${id}/${view}`);
    await expect(app.heading).toBeVisible();
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // No element came from the file's markup: no image with a handler, no script with its code.
  expect(await page.evaluate(() => ({
    handlers: document.querySelectorAll('[onerror], img[src=x]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
  }))).toEqual({ handlers: 0, scripts: 0 });

  await page.goto('./#/workspace');
  await edited.getByRole('rowheader').getByRole('link').click();
  await expect(page.getByTestId('changed-warning')).toContainText('does not match its checksum');

  // The consultant's own records are exactly as they were.
  const after = await app.stored();
  for (const [k, v] of Object.entries(before)) expect(after[k], k).toBe(v);
  const added = Object.keys(after).filter((k) => !(k in before));
  expect(added.every((k) => k.startsWith('preflight.import.')), added.join()).toBe(true);
});

test('bundles can be dropped onto the workspace, and survive a reload', async ({ page }) => {
  await openWorkspace(page);
  const texts = [readFileSync(acme, 'utf8'), readFileSync(join(fixtures, 'backup-schema1.json'), 'utf8')];
  const dataTransfer = await page.evaluateHandle((texts) => {
    const dt = new DataTransfer();
    dt.items.add(new File([texts[0]], 'acme-web-shop.json', { type: 'application/json' }));
    dt.items.add(new File([texts[1]], 'backup-schema1.json', { type: 'application/json' }));
    return dt;
  }, texts);
  const zone = page.getByTestId('dropzone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/dragging/);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(rows(page)).toHaveCount(3);
  await expect(zone).not.toHaveClass(/dragging/);
  // The old backup holds two workloads, migrated; it had no checksum.
  await expect(page.locator('[data-testid=import-row][data-file="backup-schema1.json"] [data-testid=integrity]'))
    .toHaveText(['No checksum (old backup)', 'No checksum (old backup)']);
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Imported bundles (3)' })).toBeVisible();
  // Removing one removes it from storage too.
  await rows(page).first().getByRole('button', { name: /Remove/ }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
});

test('customers compared pillar by pillar; the summary exported as CSV and Excel', async ({ page }) => {
  await openWorkspace(page);
  await page.getByTestId('import-files').setInputFiles([acme, join(fixtures, 'backup-schema1.json')]);
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel('Compare Acme Retail · Web shop').first().check();
  await page.getByLabel('Compare Acme Retail · Data platform').check();
  const compare = page.getByTestId('bundle-compare');
  await expect(compare.locator('thead th')).toHaveText(['Pillar', 'Acme Retail · Web shop', 'Acme Retail · Data platform']);
  await expect(page.getByTestId('compare-row-security').locator('td')).toHaveText(['75 (0 high)', '— (0 high)']);
  await expect(page.getByTestId('compare-row-reliability').locator('td')).toHaveText(['0 (1 high)', '— (0 high)']);

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^preflight-summary-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0].split(',').slice(0, 6)).toEqual(['File', 'Organisation', 'Workload name', 'Contact name', 'Exported', 'Integrity']);
  expect(lines[1]).toContain('acme-web-shop.json,Acme Retail,Web shop,Li Wei,2026-11-21T02:00:00.000Z,intact,5,1,2,1,1,30,50,');

  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^preflight-summary-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByTestId('export-status')).toContainText('Downloaded');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await xlsx.path()));
  const sheet = book.getWorksheet('Summary')!;
  expect(sheet.rowCount).toBe(4);
  expect(sheet.getRow(1).getCell(2).value).toBe('Organisation');
  const first = sheet.getRow(2);
  expect(first.getCell(2).value).toBe('Acme Retail');
  expect(first.getCell(5).value).toBeInstanceOf(Date);
  expect((first.getCell(5).value as Date).toISOString().slice(0, 10)).toBe('2026-11-21');
  expect(first.getCell(8).value).toBe(1); // high risks, a number
  expect(first.getCell(13).value).toBe(50); // overall score
});

test('the workspace in Chinese, and accessible in both languages', async ({ page }) => {
  const app = await openWorkspace(page);
  await app.expectAccessible();
  await page.getByTestId('import-files').setInputFiles([acme, join(hostileDir, 'not-json.json')]);
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Compare Acme Retail · Web shop').check();
  await app.expectAccessible();
  await app.switchLanguage();
  await expect(app.heading).toHaveText('顾问工作台');
  await expect(page.getByTestId('refused').locator('li')).toHaveText(['$: 第 1 行第 1 列不是有效的 JSON（缺少值或值拼写有误）']);
  await expect(rows(page).getByTestId('integrity')).toHaveText('完整');
  await app.expectAccessible();
});

test('when browser storage is full, imports are kept for the session and say so', async ({ page }) => {
  await openWorkspace(page);
  // Another app on this origin has filled local storage.
  await page.evaluate(() => {
    let i = 0;
    for (const size of [1_000_000, 100_000, 10_000, 1_000]) {
      try {
        for (;;) localStorage.setItem(`other-app.${i++}`, 'x'.repeat(size));
      } catch {
        /* full at this granularity */
      }
    }
  });
  await page.getByTestId('import-files').setInputFiles(acme);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('session-only')).toHaveText(/^Kept for this session only \(1\): /);
  // It still opens; the app's warning about the user's own work is not raised by an import.
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  await rows(page).first().getByRole('rowheader').getByRole('link').click();
  await expect(page.getByTestId('read-only')).toBeVisible();
  await page.reload();
  await page.goto('./#/workspace');
  await expect(page.getByTestId('no-imports')).toBeVisible();
});

test('a stored bundle opens straight from its link after a reload, and a customer never fetches the import reader', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new Preflight(page);
  await app.open();
  const own = await app.newWorkload({ organisation: 'Own Co' });
  await page.goto(`./#/w/${own}/results`);
  await expect(app.heading).toHaveText('Results');
  // No imports stored: the code that reads them again (a page of its own) is never fetched.
  expect(requests.filter((u) => /split_imports/.test(u))).toEqual([]);

  await openWorkspace(page);
  await page.getByTestId('import-files').setInputFiles(acme);
  const href = await rows(page).first().getByRole('rowheader').getByRole('link').getAttribute('href');
  expect(href).toMatch(/^#\/w\/i-[a-z0-9]+\/results$/);
  await page.goto(`./${href}`);
  await page.reload();
  // The page waits for the stored imports to be read again: no "not found", the bundle shown.
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByTestId('read-only')).toContainText('acme-web-shop.json');
  // The page is built with the bundle in hand: its figures, in both languages.
  await expect(page.getByTestId('row-overall-well_architected').locator('td')).toHaveText(['1', '2', '1', '1', '30', '50']);
  await expect(page.getByTestId('answered-well_architected')).not.toBeEmpty();
  await app.switchLanguage();
  await expect(app.heading).toHaveText('评估结果');
  await expect(page.getByText('That workload is not in this browser.')).toHaveCount(0);
  expect(requests.filter((u) => /split_imports/.test(u)).length).toBeGreaterThan(0);
});
