// A sales team's deployment (README, 'Hosting Preflight'): the runtime config.json, any
// sub-path, the strict Content-Security-Policy, and offline use after the first visit.
import { test, expect, type Page, type Route } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Preflight } from './preflight';

const fixtures = join(__dirname, '../../fixtures/bundles');

/** Serves `config` as the site's config.json (any value: a broken file is a string). */
async function withConfig(page: Page, config: unknown) {
  await page.route('**/config.json', (route: Route) =>
    route.fulfill({
      contentType: 'application/json',
      body: typeof config === 'string' ? config : JSON.stringify(config),
    }),
  );
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#7a1f5c"/></svg>';

test('a config rebrands the app, sets its language and prices the plan', async ({ page }) => {
  await withConfig(page, {
    $schema: 'schema/config-v1.schema.json',
    version: 1,
    brand: { name: { en: 'Acme Cloud Check', 'zh-CN': 'Acme 云评估' }, logo: 'brand/logo.svg', colour: '#7a1f5c' },
    contact: { name: 'Li Wei', email: 'presales@acme.example', phone: '+86 10 8888 6666', url: 'https://acme.example/contact' },
    pricing: { currency: 'CNY', day_rate: 4800, pillar_day_rates: { security: 5600 } },
    default_language: 'zh-CN',
  });
  await page.route('**/brand/logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO }));
  const app = new Preflight(page);
  await app.open();

  // A first visit opens in the configured language, under the sales team's name and colour.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('brand')).toContainText('Acme 云评估');
  await expect(page).toHaveTitle(/Acme 云评估$/);
  await app.switchLanguage();
  await expect(page.getByTestId('brand')).toContainText('Acme Cloud Check');
  await expect(page).toHaveTitle(/· Acme Cloud Check$/);
  const logo = page.getByTestId('brand').locator('img.brand-logo');
  await expect(logo).toHaveAttribute('src', 'brand/logo.svg');
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe('#7a1f5c');
  await expect(page.getByTestId('start-new')).toHaveCSS('background-color', 'rgb(122, 31, 92)');
  const contact = page.getByTestId('contact');
  await expect(contact).toContainText('Li Wei');
  await expect(contact.getByRole('link', { name: 'presales@acme.example' })).toHaveAttribute('href', 'mailto:presales@acme.example');
  await expect(contact.getByRole('link', { name: '+86 10 8888 6666' })).toHaveAttribute('href', 'tel:+861088886666');
  await expect(contact.getByRole('link', { name: 'Website' })).toHaveAttribute('href', 'https://acme.example/contact');
  await app.expectAccessible();

  // The plan is costed at the configured rates: security at its own, the rest at the default.
  const id = await app.riskyWorkload();
  await page.goto(`./#/w/${id}/plan`);
  await expect(page.getByTestId('rate')).toHaveText('Costs at CNY 4,800 per man-day, as set by your provider (Security: CNY 5,600).');
  await expect(page.getByTestId('no-rate')).toHaveCount(0);
  // 15 man-days × 5,600 + 11 man-days × 4,800.
  await expect(page.getByTestId('plan-total-well_architected').locator('td')).toHaveText(['8', '26', 'CNY 136,800', '2']);
  const first = page.getByTestId('plan-item').first(); // sec_dc_scheme: 2 man-days in security
  await expect(first).toContainText('CNY 11,200');
  const showback = page.locator('[data-testid=plan-item][data-choice=cost_ca_showback]'); // 3 man-days
  await expect(showback).toContainText('CNY 14,400');
  await app.expectAccessible();
});

test('a broken config is listed by path in a notice, and the app works on its defaults', async ({ page }) => {
  await withConfig(page, {
    version: 1,
    brand: { name: 'Acme', colour: '#ffff00', logo: 'https://cdn.example/logo.png' },
    contact: { email: 'not-an-email' },
    pricing: { currency: 'CNY', day_rate: -5 },
    default_langauge: 'zh-CN',
    schedule: { managed_offsets: [5, 20, 10] },
  });
  const app = new Preflight(page);
  await app.open();
  const problems = page.getByTestId('config-problems').locator('li');
  await expect(page.getByText('This site\'s configuration (config.json) has problems')).toBeVisible();
  // Each problem's path shows at once; its words come with the pages' texts, a moment later.
  await expect(problems.first()).toContainText(': ');
  const texts = await problems.allTextContents();
  for (const path of ['$.brand.colour', '$.brand.logo', '$.contact.email', '$.pricing.day_rate', '$.default_langauge', '$.schedule.managed_offsets']) {
    expect(texts.some((t) => t.startsWith(`${path}:`)), `${path} in ${JSON.stringify(texts)}`).toBe(true);
  }
  // What was valid is used; what was not falls back to the default.
  await expect(page.getByTestId('brand')).toContainText('Acme');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).not.toBe('#ffff00');
  await expect(page.getByTestId('brand').locator('img')).toHaveCount(0);
  await app.expectAccessible();

  // The app still works: a workload is assessed and planned, in man-days (no valid rate).
  const id = await app.riskyWorkload();
  await page.goto(`./#/w/${id}/plan`);
  await expect(page.getByTestId('no-rate')).toBeVisible();
  await expect(page.getByTestId('plan-total-well_architected').locator('td')).toHaveText(['8', '26', '—', '2']);

  // Not JSON at all: one problem, at the root, and the notice can be dismissed.
  await page.unroute('**/config.json');
  await withConfig(page, '{"version": 1, "brand": ');
  await page.reload();
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText('$');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('config-problems')).toHaveCount(0);
});

test('a year of official holidays added in the config makes its dates final', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T02:00:00Z'));
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Shop' });
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.locator('#package-security').check();
  await page.locator('#package-days-security').fill('10');
  await page.locator('#package-days-security').press('Tab');
  await page.goto(`./#/w/${id}/schedule`);
  await expect(page.getByTestId('provisional-warning')).toBeVisible();

  // The sales team adds 2027 as published (the dates here are illustrative) and a closure.
  await withConfig(page, {
    version: 1,
    calendar: {
      official: [{
        year: 2027,
        source: { title: 'State Council notice on the 2027 holidays', number: 'illustrative' },
        holidays: [{ holiday: 'new_year', from: '2027-01-01', to: '2027-01-03' }],
        workdays: [],
      }],
      closures: ['2026-12-31'],
    },
  });
  await page.reload();
  await expect(page.getByTestId('schedule-table')).toBeVisible();
  await expect(page.getByTestId('config-problems')).toHaveCount(0);
  await expect(page.getByTestId('provisional-warning')).toHaveCount(0);
  await expect(page.getByTestId('schedule-table')).not.toContainText('Provisional');
});

test.describe('under another sub-path', () => {
  const SUB = 'http://127.0.0.1:8765/a/b/';
  test.use({ baseURL: SUB });

  test('served under /a/b/, every view survives a reload and every asset comes from there', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('./');
    const app = new Preflight(page);
    await expect(app.heading).toBeVisible();
    const id = await app.riskyWorkload();
    await page.goto(`./#/w/${id}/services`);
    await page.getByTestId('choose-consulting').check();
    for (const view of ['profile', 'assess/security', 'results', 'plan', 'report', 'milestones', 'services', 'schedule']) {
      await page.goto(`./#/w/${id}/${view}`);
      await page.reload();
      await expect(app.heading).toBeVisible();
      await expect(page).toHaveURL(`${SUB}#/w/${id}/${view}`);
      await expect(page.getByTestId('storage-warning')).toHaveCount(0);
    }
    await expect(page.getByTestId('schedule-table')).toBeVisible(); // the catalogue loaded
    await page.goto('./#/workspace');
    await page.reload();
    await expect(app.heading).toHaveText('Consultant workspace');
    // index.html itself is a valid address of the app too.
    await page.goto(`./index.html#/w/${id}/results`);
    await expect(page.getByTestId('row-security')).toBeVisible();
    const outside = requests.filter((u) => !u.startsWith(SUB));
    expect(outside).toEqual([]);
  });
});

test('the built page carries a strict policy, and a full run breaks none of it', async ({ page }) => {
  // Every violation is recorded, from before the first script runs.
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const origins = new Set<string>();
  const urls: string[] = [];
  page.on('request', (r) => {
    origins.add(new URL(r.url()).origin);
    urls.push(r.url());
  });
  const app = new Preflight(page);
  await app.open();
  // The first screen fetches neither the Excel writer nor the data of later views.
  expect(urls.filter((u) => /office-worker|catalogue\.json|lenses\//.test(u))).toEqual([]);

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // No inline script or style in the page, and integrity on every script and stylesheet.
  const html = await (await page.request.get('./')).text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\sstyle=/);
  for (const tag of html.match(/<(script|link rel="(stylesheet|modulepreload)")[^>]*>/g) ?? []) {
    expect(tag).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+"/);
  }

  // A full run: assessment, results, plan with the workbook, report, milestone, services,
  // schedule with .ics, language switch, bundle export and import.
  const id = await app.riskyWorkload();
  await page.goto(`./#/w/${id}/results`);
  await expect(page.getByTestId('row-security')).toBeVisible();
  await page.goto(`./#/w/${id}/plan`);
  const excel = page.waitForEvent('download');
  await page.getByTestId('download-excel').click();
  await excel;
  await page.goto(`./#/w/${id}/report`);
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`./#/w/${id}/milestones`);
  await page.getByTestId('save-milestone').click();
  await page.goto(`./#/w/${id}/services`);
  await page.getByTestId('choose-consulting').check();
  await page.goto(`./#/w/${id}/schedule`);
  const ics = page.waitForEvent('download');
  await page.getByTestId('download-ics').click();
  await ics;
  await app.switchLanguage();
  await page.goto(`./#/w/${id}/results`);
  const bundle = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  await bundle;
  await page.goto('./#/workspace');
  await page.getByTestId('import-files').setInputFiles(join(fixtures, 'acme-web-shop.json'));
  await expect(page.getByTestId('import-row')).toHaveCount(1);
  await page.getByTestId('import-row').getByRole('rowheader').getByRole('link').click();
  await expect(page.getByTestId('read-only')).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect([...origins].filter((o) => o !== 'http://127.0.0.1:8765' && o !== 'null')).toEqual([]);
});

test.describe('a first visit', () => {
  test.use({ serviceWorkers: 'allow' });

  test('to a default site logs nothing in the console and gets no error response', async ({ page }) => {
    const logged: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') logged.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) logged.push(`${r.status()} ${r.url()}`);
    });
    const app = new Preflight(page);
    await app.open();
    await expect(page.getByTestId('start-new')).toBeVisible();
    // The shipped config.json holds only defaults: nothing is reported about it.
    await expect(page.locator('div.notices')).toBeEmpty();
    await app.newWorkload({ workload: 'Quiet' });
    await page.waitForLoadState('networkidle');
    expect(logged).toEqual([]);
  });
});

test('a changed or missing file is refused by its integrity check, and the page says so', async ({ page }) => {
  // One byte of the app's wasm changed on the way (a broken CDN, a tampered copy).
  await page.route('**/preflight-web-*_bg.wasm', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto('./');
  const boot = page.locator('#boot');
  await expect(boot).toHaveAttribute('role', 'alert');
  await expect(boot).toContainText('Preflight could not start');
  await expect(boot).toContainText('Preflight 无法启动');
  await expect(page.locator('#page-title')).toHaveCount(0);

  // Intact, the app replaces the loading message.
  await page.unroute('**/preflight-web-*_bg.wasm');
  await page.reload();
  await expect(page.locator('#page-title')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
});

/** Resolves once a service worker controls the page. */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after the first visit the app and the saved work open with the network cut', async ({ page, context }) => {
    const app = new Preflight(page);
    await app.open();
    // The release is cached once the service worker controls the page.
    await controlled(page);
    const id = await app.riskyWorkload();
    await page.goto(`./#/w/${id}/services`);
    await page.getByTestId('choose-consulting').check();
    await context.setOffline(true);
    await page.reload();
    await expect(app.heading).toBeVisible();
    await page.goto(`./#/w/${id}/plan`);
    await expect(page.getByTestId('plan-total-well_architected').locator('td')).toHaveText(['8', '26', '—', '2']);
    // What loads on demand is there too: the catalogue, a lens, the workbook writer.
    await page.goto(`./#/w/${id}/schedule`);
    await expect(page.getByTestId('schedule-table')).toBeVisible();
    const excel = page.waitForEvent('download');
    await page.goto(`./#/w/${id}/plan`);
    await page.getByTestId('download-excel').click();
    expect((await excel).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.goto('./#/workloads');
    await expect(page.getByText('Acme Retail')).toBeVisible();
    await context.setOffline(false);
  });
});

test.describe('a new release', () => {
  test.use({ serviceWorkers: 'allow' });

  test('installs beside the running one, is offered, and takes over on reload with the work kept', async ({ page }) => {
    // A site of this test's own, so that it can publish a new release.
    const site = test.info().outputPath('site');
    cpSync(join(__dirname, '../../../dist'), site, { recursive: true });
    const { serve } = await import('../serve.mjs');
    const server = await serve({ root: site, prefixes: ['/up/'] });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/up/`;
      await page.goto(url);
      const app = new Preflight(page);
      await expect(app.heading).toBeVisible();
      await controlled(page);
      const first = await page.evaluate(() => caches.keys());
      await page.getByTestId('start-new').click();
      await page.locator('#profile-workload').fill('Train journey');
      await page.locator('#profile-workload').press('Tab');
      await expect(page.getByTestId('update-ready')).toHaveCount(0);

      // The sales team uploads a new release (here: a new service worker version).
      const sw = readFileSync(join(site, 'sw.js'), 'utf8');
      const next = sw.replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1next";');
      expect(next).not.toBe(sw);
      writeFileSync(join(site, 'sw.js'), next);
      await page.reload();
      await expect(app.heading).toBeVisible();
      const notice = page.getByTestId('update-ready');
      await expect(notice).toContainText('A new version of this app is ready');
      await notice.getByRole('button', { name: 'Reload now' }).click();
      await expect(notice).toHaveCount(0);
      await expect(app.heading).toBeVisible();
      await page.waitForFunction(async () => (await caches.keys()).some((k) => k.endsWith('next')));
      const after = await page.evaluate(() => caches.keys());
      expect(after.filter((k) => first.includes(k) && k !== 'preflight-runtime')).toEqual([]);
      await page.goto(`${url}#/workloads`);
      await expect(page.getByRole('link', { name: 'Train journey', exact: true })).toBeVisible();
    } finally {
      await page.close();
      server.close();
    }
  });
});

test('the example config in the release is valid against the shipped schema and the app', async ({ page }) => {
  const example = await (await page.request.get('./config.example.json')).json();
  const { validateConfig } = await import('../schema-check.mjs');
  expect(validateConfig(example)).toEqual({ valid: true, errors: [] });
  const shipped = await (await page.request.get('./schema/config-v1.schema.json')).json();
  expect(shipped).toEqual(JSON.parse(readFileSync(join(__dirname, '../../../public/schema/config-v1.schema.json'), 'utf8')));
  // The app reads it without a problem (its logo is the sales team's to add).
  await page.route('**/logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO }));
  await withConfig(page, example);
  const app = new Preflight(page);
  await app.open();
  await expect(page.getByTestId('brand')).toContainText('Acme 云 · 项目启动前评估');
  await expect(page.getByTestId('config-problems')).toHaveCount(0);
});
