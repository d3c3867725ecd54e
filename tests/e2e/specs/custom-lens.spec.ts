// A sales team's own lenses (README, 'Lenses'): listed in config.json, served beside the app,
// read by the same parser as `preflight lens check`, answered like the built-in ones, and
// carried inside the exported bundle to a consultant whose site does not have them.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Preflight } from './preflight';

const lenses = join(__dirname, '../../fixtures/lenses');
/** Two lenses in the shapes AWS publishes: choice ids reused in every question; links of every kind. */
const REUSED = readFileSync(join(lenses, 'aws-reused-choice-ids.json'), 'utf8');
const LINKS = readFileSync(join(lenses, 'warnings/aws-empty-and-relative-urls.json'), 'utf8');
const CONFIG = {
  version: 1,
  lenses: [
    { id: 'reused_ids', path: 'lenses/reused-ids.json' },
    { id: 'link_shapes', path: 'lenses/link-shapes.json' },
  ],
};

/** A sales team's site: its config.json and the two lens files beside the app. */
async function salesSite(context: BrowserContext) {
  await context.route('**/config.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(CONFIG) }));
  await context.route('**/lenses/reused-ids.json', (r) => r.fulfill({ contentType: 'application/json', body: REUSED }));
  await context.route('**/lenses/link-shapes.json', (r) => r.fulfill({ contentType: 'application/json', body: LINKS }));
}

/** Every id on the page that more than one element has. */
async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

test('a lens listed in config.json is offered, answered with unique ids, and travels in the bundle to a consultant without it', async ({ browser }) => {
  const customer = await browser.newContext();
  await salesSite(customer);
  const page = await customer.newPage();
  await page.clock.setFixedTime(new Date('2026-11-21T02:00:00Z'));
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ organisation: 'Acme Retail', workload: 'Network' });

  // The profile names each listed lens from its file, with what the parser said of it.
  const reused = page.getByTestId('lens-reused_ids');
  await expect(page.getByLabel('Also assess Reused Ids Lens (2 questions)')).toBeVisible();
  await expect(page.getByTestId('lens-warnings-reused_ids')).toHaveCount(0);
  const warnings = page.getByTestId('lens-warnings-link_shapes');
  await expect(warnings.locator('summary')).toHaveText('This lens file has 5 problems that do not stop it from working');
  await warnings.locator('summary').click();
  await expect(warnings.locator('li').first()).toHaveText('$.pillars[0].questions[0].helpfulResource.displayText: empty; left out');
  await app.expectAccessible();
  await reused.check();

  // Its pillar shares its id with none of the framework's, but is reached by lens all the same.
  await page.goto(`./#/w/${id}/assess/reused_ids/networking`);
  await expect(app.heading).toHaveText('Networking');
  await expect(app.question('net_1')).toBeVisible();
  // Both questions have choices `choice1`, `risk_mitigated` and `choice_no`.
  expect(await duplicateIds(page)).toEqual([]);
  await app.choice('choice1', 'net_1').check();
  await app.choice('choice_no', 'net_2').check();
  await expect(app.risk('net_1')).toHaveText('No risk');
  await expect(app.choice('choice1', 'net_2')).not.toBeChecked();
  await expect(app.risk('net_2')).toHaveText('High risk');
  await expect(app.choice('risk_mitigated', 'net_2')).not.toBeChecked();
  // Each label names its own question's checkbox (with ids from the choice alone, the second
  // question's label would tick the first question's box).
  await page.getByText('Risk mitigated otherwise').nth(1).click();
  await expect(app.choice('risk_mitigated', 'net_2')).toBeChecked();
  await expect(app.choice('choice_no', 'net_2')).not.toBeChecked();
  await expect(app.risk('net_2')).toHaveText('No risk');
  await expect(app.choice('choice1', 'net_1')).toBeChecked();
  await app.expectAccessible();

  await page.goto(`./#/w/${id}/results`);
  await expect(page.getByTestId('row-overall-reused_ids')).toBeVisible();
  const overall = await page.getByTestId('row-overall-reused_ids').locator('td').allTextContents();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const path = test.info().outputPath('custom-lens-bundle.json');
  await (await download).saveAs(path);
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  const { validateBundle } = await import('../schema-check.mjs');
  expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
  // The lens travels with the bundle, byte for byte; the built-in one does not.
  expect(bundle.lenses.map((l: { id: string }) => l.id)).toEqual(['well_architected', 'reused_ids']);
  expect(bundle.lenses[0].file).toBeUndefined();
  expect(bundle.lenses[1].file).toBe(REUSED);
  await customer.close();

  // The consultant opens it on a site that does not list the lens, with nothing stored.
  const consultant = await browser.newContext();
  const cpage = await consultant.newPage();
  const capp = new Preflight(cpage);
  await capp.open('#/workspace');
  await cpage.getByTestId('import-files').setInputFiles(path);
  await expect(cpage.getByTestId('import-row')).toHaveCount(1);
  await cpage.getByTestId('import-row').getByRole('rowheader').getByRole('link').click();
  await expect(cpage.getByTestId('row-overall-reused_ids').locator('td')).toHaveText(overall);
  await expect(cpage.getByTestId('changed-warning')).toHaveCount(0);
  const wid = new URL(cpage.url()).hash.match(/#\/w\/([^/]+)\//)![1];
  await cpage.goto(`./#/w/${wid}/assess/reused_ids/networking`);
  await expect(capp.risk('net_2')).toHaveText('No risk');
  await expect(capp.choice('risk_mitigated', 'net_2')).toBeChecked();
  await expect(capp.choice('risk_mitigated', 'net_2')).toBeDisabled();
  await consultant.close();
});

test('a lens shows every text and link AWS shows, and only http(s) URLs as links', async ({ browser }) => {
  const context = await browser.newContext();
  await salesSite(context);
  const page = await context.newPage();
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload();
  await page.getByTestId('lens-link_shapes').check();
  await page.goto(`./#/w/${id}/assess/link_shapes/networking`);
  await expect(app.question('net_1')).toBeVisible();
  const q = app.question('net_1');

  // An http URL is a link, opened apart from the app.
  const http = q.locator('a[href="http://example.com/peering"]');
  await expect(http).toHaveText('Learn more (http://example.com/peering)');
  await expect(http).toHaveAttribute('rel', 'noopener noreferrer');
  // A relative URL is shown as text, never as a link.
  await q.getByText('How to improve').first().click();
  await expect(q.locator('.link-text').first()).toHaveText('/vpc/latest/tgw/what-is-transit-gateway.html');
  await expect(q.locator('a[href*="what-is-transit-gateway"]')).toHaveCount(0);
  // The placeholder "-" with an empty URL shows nothing.
  await expect(q.locator('.question-head')).not.toContainText('-');
  // The helpful resource describes its checkbox.
  const input = app.choice('choice1', 'net_1');
  await expect(input).toHaveAccessibleDescription('See the guide.');
  expect(await duplicateIds(page)).toEqual([]);
  await app.expectAccessible();

  // In Chinese, the interface changes and the lens text stays as written.
  await app.switchLanguage();
  await expect(q.getByText('如何改进').first()).toBeVisible();
  await expect(q.locator('legend')).toContainText('How do you connect your VPCs?');
  await context.close();
});

test('a lens file loaded from disk is kept, answered, refused when it would replace another, and travels in the bundle', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-11-21T02:00:00Z'));
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ organisation: 'Acme Retail', workload: 'Links' });

  // The file picker reads an AWS lens as it is, with its warnings listed by path.
  const status = page.getByTestId('lens-pick-status');
  await page.getByLabel('Load a lens file (an AWS custom lens, or a Preflight lens)')
    .setInputFiles(join(lenses, 'warnings/aws-empty-and-relative-urls.json'));
  await expect(status).toContainText('“Link Shapes Lens” is loaded and assessed for this workload.');
  await expect(status.locator('li')).toHaveCount(5);
  await expect(status.locator('li').nth(4)).toHaveText(
    '$.pillars[0].questions[0].choices[1].improvementPlan.url: not an absolute http(s) URL; shown as text, not as a link',
  );
  await expect(page.getByTestId('lens-link_shapes_lens')).toBeChecked();
  await app.expectAccessible();

  // A broken file is refused with every error; nothing else changes.
  const broken = test.info().outputPath('broken-lens.json');
  writeFileSync(broken, readFileSync(join(lenses, 'broken/condition-unknown-choice.json')));
  await page.getByTestId('lens-file').setInputFiles(broken);
  await expect(status).toContainText('This file cannot be used as a lens:');
  await expect(status.locator('li')).toHaveText([
    '$.pillars[0].questions[0].riskRules[1].condition: condition names “sec_q1_typo”, which is not a choice of this question',
  ]);
  // A different file under the same name would change the questions answered: refused.
  const other = test.info().outputPath('same-name.json');
  writeFileSync(other, LINKS.replace('How do you connect your VPCs?', 'How do you peer your VPCs?'));
  await page.getByTestId('lens-file').setInputFiles(other);
  await expect(status.locator('li')).toHaveText([
    '$: a different lens with the id “link_shapes_lens” is already here; rename this one (its name gives an AWS lens its id)',
  ]);

  await page.goto(`./#/w/${id}/assess/link_shapes_lens/networking`);
  await app.choice('choice1', 'net_1').check();
  await expect(app.risk('net_1')).toHaveText('Medium risk');
  expect(await duplicateIds(page)).toEqual([]);

  // Kept in this browser: after a reload the lens is there, answers and all.
  await page.reload();
  await expect(app.question('net_1')).toBeVisible();
  await expect(app.risk('net_1')).toHaveText('Medium risk');
  await expect(app.question('net_1').locator('legend')).toContainText('How do you connect your VPCs?');

  await page.goto(`./#/w/${id}/results`);
  await expect(page.getByTestId('row-overall-link_shapes_lens')).toBeVisible();
  const overall = await page.getByTestId('row-overall-link_shapes_lens').locator('td').allTextContents();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const path = test.info().outputPath('picked-lens-bundle.json');
  await (await download).saveAs(path);
  expect(JSON.parse(readFileSync(path, 'utf8')).lenses[1].file).toBe(LINKS);
  await context.close();

  const consultant = await browser.newContext();
  const cpage = await consultant.newPage();
  const capp = new Preflight(cpage);
  await capp.open('#/workspace');
  await cpage.getByTestId('import-files').setInputFiles(path);
  await cpage.getByTestId('import-row').getByRole('rowheader').getByRole('link').click();
  await expect(cpage.getByTestId('row-overall-link_shapes_lens').locator('td')).toHaveText(overall);
  // And again after a reload, from the stored import.
  await cpage.reload();
  await expect(cpage.getByTestId('row-overall-link_shapes_lens').locator('td')).toHaveText(overall);
  await consultant.close();
});
