// The engagement's Word documents in the app (issue 14): written in the Office worker from the
// same inputs and with the same code as `preflight report`, so a consultant gets byte for byte
// the file the command line writes; a customer gets the proposal, and their own reports only
// where the sales team's config.json allows it.
import { test, expect, type Page, type Route } from '@playwright/test';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Preflight } from './preflight';

const repo = join(__dirname, '../../..');
const acme = join(repo, 'tests/fixtures/bundles/acme-web-shop.json');
/** The command-line tool, as `cargo test` (scripts/test) builds it. */
const cli = join(repo, 'target/debug/preflight');

/** The body text of a .docx: every paragraph of word/document.xml, one per line. */
async function bodyText(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((t) => t.length > 0)
    .map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

async function withConfig(page: Page, config: unknown) {
  await page.route('**/config.json', (route: Route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
}

/** Clicks a document's button and returns the download, once the page says it is done. */
async function download(page: Page, report: string) {
  const started = page.waitForEvent('download');
  await page.getByTestId(`docx-${report}`).click();
  const file = await started;
  await expect(page.getByTestId('word-status')).toHaveText(`Downloaded ${file.suggestedFilename()}.`);
  return file;
}

test('a consultant gets every document of an imported bundle, byte for byte what preflight report writes', async ({ page }) => {
  expect(existsSync(cli), `${cli} is built by cargo test (scripts/test)`).toBe(true);
  // Weeks after the export: the documents are as of the export day all the same.
  await page.clock.setFixedTime(new Date('2026-12-28T02:00:00Z'));
  const app = new Preflight(page);
  await app.open('#/workspace');
  await page.getByTestId('import-files').setInputFiles(acme);
  await page.getByTestId('import-row').getByTestId('documents-link').click();
  await expect(page).toHaveURL(/#\/w\/i-[a-z0-9-]+\/report$/);
  const panel = page.getByTestId('word-documents');
  await expect(panel).toContainText('Drafts from this bundle, as of its export, in its deliverable language.');
  await expect(panel.getByRole('button')).toHaveText([
    'Download Proposal (.docx)',
    'Download Investigation Report (.docx)',
    'Download Well-Architected Consulting Report (.docx)',
    'Download Well-Architected Implementation Plan (.docx)',
  ]);
  await app.expectAccessible();

  const out = mkdtempSync(join(tmpdir(), 'preflight-docs-'));
  for (const report of ['proposal', 'investigation', 'consulting', 'implementation']) {
    const file = await download(page, report);
    expect(file.suggestedFilename()).toBe(`preflight-acme-retail-web-shop-${report}-2026-11-21.docx`);
    // The site's own config.json and catalogue.json, as the consultant would pass them.
    const target = join(out, `${report}.docx`);
    execFileSync(cli, ['report', report, acme, '-o', target,
      '--config', join(repo, 'public/config.json'), '--catalogue', join(repo, 'public/catalogue.json')]);
    const browser = readFileSync(await file.path());
    expect(browser.equals(readFileSync(target)), `${report}: the browser's file equals the CLI's`).toBe(true);
  }
  // And it is the document it says: the Consulting Report's heading and scores.
  const text = await bodyText(join(out, 'consulting.docx'));
  expect(text).toContain('Well-Architected Consulting Report');
  expect(text).toContain('Executive summary');
});

test('a customer gets the proposal as Word, and their own reports only where config.json allows', async ({ page }) => {
  // Wednesday 2 December 2026, 10:00 in UTC+8.
  await page.clock.setFixedTime(new Date('2026-12-02T02:00:00Z'));
  const app = new Preflight(page);
  await app.open();
  const id = await app.riskyWorkload();

  // No services yet: nothing to propose, and the report says how to get a proposal.
  await page.goto(`./#/w/${id}/report`);
  await expect(page.getByTestId('word-none')).toHaveText('Choose services to get a proposal.');
  await page.goto(`./#/w/${id}/proposal`);
  await expect(page.getByTestId('proposal-nothing')).toBeVisible();
  await expect(page.getByTestId('word-documents')).toHaveCount(0);

  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.goto(`./#/w/${id}/proposal`);
  const panel = page.getByTestId('word-documents');
  await expect(panel).toContainText('Your work as Word documents, in the deliverable language you chose.');
  await expect(panel.getByRole('button')).toHaveText(['Download Proposal (.docx)']);
  const proposal = await download(page, 'proposal');
  expect(proposal.suggestedFilename()).toBe('preflight-acme-retail-web-shop-proposal-2026-12-02.docx');
  const text = await bodyText(await proposal.path());
  // The customer's own work is as of today, not of an export.
  expect(text.slice(0, 5)).toEqual(['Preflight', 'Proposal', 'Web shop', 'Organisation: Acme Retail', 'Prepared on: 2026-12-02']);
  expect(text).toContain('Well-Architected Consulting Service');
  // The report page offers the proposal only: the reports are the consultant's by default.
  await page.goto(`./#/w/${id}/report`);
  await expect(page.getByTestId('word-documents').getByRole('button')).toHaveText(['Download Proposal (.docx)']);

  // A sales team that lets customers have their reports: the investigation and consulting
  // reports too (no pillar package chosen, so no Implementation Plan).
  await withConfig(page, { version: 1, customer_reports: true });
  await page.reload();
  await expect(page.getByTestId('word-documents').getByRole('button')).toHaveText([
    'Download Proposal (.docx)',
    'Download Investigation Report (.docx)',
    'Download Well-Architected Consulting Report (.docx)',
  ]);
  const investigation = await download(page, 'investigation');
  expect(investigation.suggestedFilename()).toBe('preflight-acme-retail-web-shop-investigation-2026-12-02.docx');
  const report = await bodyText(await investigation.path());
  expect(report).toContain('Investigation Report');
  expect(report).toContain('How do you classify the data your workloads store and process?');
});

test('an Office worker that cannot be fetched says so, in the user\'s language, and a retry works', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-02T02:00:00Z'));
  const app = new Preflight(page);
  await app.open('#/workspace');
  await page.getByTestId('import-files').setInputFiles(acme);
  await page.getByTestId('import-row').getByTestId('documents-link').click();
  await page.route('**/office-worker_bg.wasm', (route) => route.abort());
  await app.switchLanguage();
  await page.getByTestId('docx-proposal').click();
  await expect(page.getByTestId('word-status')).toContainText('无法生成服务建议书：');
  await expect(page.getByTestId('docx-proposal')).toBeEnabled();
  await page.unroute('**/office-worker_bg.wasm');
  const file = page.waitForEvent('download');
  await page.getByTestId('docx-proposal').click();
  expect((await file).suggestedFilename()).toMatch(/-proposal-2026-11-21\.docx$/);
  await expect(page.getByTestId('word-status')).toContainText('已下载');
});
