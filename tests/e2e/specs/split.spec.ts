// The release build's wasm is split by page (issue 11; src/ui/pages.rs, scripts/postbuild.mjs):
// the start page comes with the main module, every other page's code is fetched the first time
// it opens. These tests are about what that must not break.
import { test, expect, type Page, type Request } from '@playwright/test';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Preflight } from './preflight';

const PAGE_CODE = /\/(split|chunk)_[\w-]+\.wasm$/;

/** Every page of a workload, with what shows that it opened. */
const PAGES: [string, string][] = [
  ['profile', '#profile-workload'],
  ['assess/security', '[data-testid=question]'],
  ['results', '[data-testid=risk-chart-well_architected]'],
  ['plan', '[data-testid=plan-total-well_architected]'],
  ['milestones', '[data-testid=save-milestone]'],
  ['report', '[data-testid=report]'],
  ['services', '[data-testid=choose-consulting]'],
  ['schedule', '[data-testid=provider-today]'],
];

test('the start page needs no page code; each page fetches its own on first opening, once', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r: Request) => {
    if (PAGE_CODE.test(r.url())) fetched.push(r.url());
  });
  // Page code is held back until the start page is up and usable: it does not wait for any.
  // (The app prefetches the first page's code once the browser is idle.)
  let release: () => void = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(PAGE_CODE, async (route) => {
    await held;
    await route.continue();
  });
  const app = new Preflight(page);
  await app.open();
  await expect(page.getByTestId('start-new')).toBeEnabled();
  await expect(page.locator('#boot')).toHaveCount(0);
  release();

  const id = await app.newWorkload({ workload: 'Split' });
  expect(fetched.length, 'the profile page fetched no code').toBeGreaterThan(0);
  for (const [path, shown] of PAGES) {
    await page.goto(`./#/w/${id}/${path}`);
    await expect(page.locator(shown).first()).toBeVisible();
    await expect(page.getByTestId('page-failed')).toHaveCount(0);
    // Opened again: its code is in hand, nothing more is fetched.
    const after = fetched.length;
    await page.goto('./#/');
    await page.goto(`./#/w/${id}/${path}`);
    await expect(page.locator(shown).first()).toBeVisible();
    expect(fetched.length, `${path} fetched its code again`).toBe(after);
  }
  const once = new Set(fetched);
  expect(fetched.length, 'a module was fetched twice').toBe(once.size);
  await page.goto('./#/workloads');
  await expect(page.getByTestId('workload-row')).toHaveCount(1);
  await page.goto('./#/workspace');
  await expect(page.getByTestId('import-files')).toBeAttached();
});

test('a returning visitor gets the start page before their stored work is read, then can continue it', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await app.newWorkload({ workload: 'Returning' });
  // On the next visit, the code that reads storage (a split module, like the pages') is slow.
  let release: () => void = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(PAGE_CODE, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./#/');
  await page.reload();
  await expect(page.getByTestId('start-new')).toBeEnabled();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByTestId('continue')).toHaveCount(0);
  release();
  await expect(page.getByTestId('continue')).toContainText('Returning');
  await page.getByTestId('continue').click();
  await expect(page.locator('#profile-workload')).toHaveValue('Returning');
});

test('"Start" clicked before stored work is read keeps both the new workload and the stored one', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await app.newWorkload({ workload: 'Stored' });
  await expect(page.locator('#profile-workload')).toHaveValue('Stored');
  // The next visit starts a new assessment while the code that reads storage is still coming.
  let release: () => void = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(PAGE_CODE, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./#/');
  await page.reload();
  await page.getByTestId('start-new').click();
  await expect(page).toHaveURL(/#\/w\/[a-z0-9-]+\/profile$/);
  await expect(page.locator('.page-loading')).toBeVisible();
  release();
  await page.locator('#profile-workload').fill('Started early');
  await page.goto('./#/workloads');
  await expect(page.getByTestId('workload-row')).toHaveCount(2);
  // Both were saved: a reload reads them back.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Stored', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Started early', exact: true })).toBeVisible();
});

for (const [locale, lang, title] of [
  ['en-GB', 'en', 'Get ready for your Well-Architected review'],
  ['zh-CN', 'zh-CN', '为卓越架构（Well-Architected）评审做好准备'],
] as const) {
  test.describe(`a ${locale} browser`, () => {
    test.use({ locale });

    test('sees the start page before the wasm arrives, in its language, as the app then shows it', async ({ page }) => {
      // The app's wasm is held back until the first paint has been looked at.
      let release: () => void = () => {};
      const held = new Promise<void>((ok) => (release = ok));
      await page.route('**/preflight-web-*_bg.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('./');
      const first = page.locator(`#boot > [lang="${lang}"]`);
      await expect(first.locator('h1')).toHaveText(title);
      await expect(page.locator('#boot > div:visible')).toHaveCount(1);
      const before = {
        header: await first.locator('header').innerText(),
        main: await first.locator('main').innerText(),
        footer: await first.locator('footer').innerText(),
      };
      await expect(first.getByRole('button').first()).toBeDisabled();

      release();
      await expect(page.getByTestId('start-new')).toBeEnabled();
      await expect(page.locator('#boot')).toHaveCount(0);
      expect({
        header: await page.locator('header').innerText(),
        main: await page.locator('main').innerText(),
        footer: await page.locator('footer').innerText(),
      }).toEqual(before);
    });
  });
}

test('the first paint follows the language the visitor chose before', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await app.switchLanguage();
  await page.route('**/preflight-web-*_bg.wasm', () => {});
  await page.reload();
  await expect(page.locator('#boot > [lang="zh-CN"] h1')).toBeVisible();
  await expect(page.locator('#boot > [lang="en"]')).toBeHidden();
});

test('page code that cannot be fetched shows a message with a retry, in the user language', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Offline train' });
  // The network drops before the results page's code has been fetched.
  await page.route(PAGE_CODE, (route) => route.abort('internetdisconnected'));
  await page.goto(`./#/w/${id}/results`);
  const failed = page.getByTestId('page-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed).toContainText('This page could not be opened');
  await expect(failed).toContainText('your work is kept');
  await expect(page.locator('header')).toBeVisible();
  await app.switchLanguage();
  await expect(failed).toContainText('无法打开此页面');
  await expect(failed.getByRole('button')).toHaveText('重试');
  await app.switchLanguage();
  await app.expectAccessible();

  // Back online, the retry fetches it again and the page opens; the work was never touched.
  await page.unroute(PAGE_CODE);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('risk-chart-well_architected')).toBeVisible();
  await expect(failed).toHaveCount(0);
  await page.goto('./#/workloads');
  await expect(page.getByRole('link', { name: 'Offline train', exact: true })).toBeVisible();
});

test('page code changed on the way is refused by its integrity check', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Tampered' });
  await page.route(PAGE_CODE, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto(`./#/w/${id}/report`);
  await expect(page.getByTestId('page-failed')).toBeVisible();
  await expect(page.getByTestId('report')).toHaveCount(0);
  // Other chunks of the page may still be on their way through the route: let them go.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('focus moves to the heading of a page that arrives after the navigation', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload({ workload: 'Focus' });
  await page.goto('./#/');
  // The page's code is slow to come.
  await page.route(PAGE_CODE, async (route) => {
    await new Promise((ok) => setTimeout(ok, 400));
    await route.continue();
  });
  await page.getByRole('link', { name: /Focus/ }).first().click();
  await page.goto(`./#/w/${id}/plan`);
  await expect(page.getByTestId('plan-total-well_architected')).toBeVisible();
  await expect(app.heading).toBeFocused();
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

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after the first visit every page opens offline, though none was opened online', async ({ page, context }) => {
    const app = new Preflight(page);
    await app.open();
    await controlled(page);
    const id = await app.newWorkload({ workload: 'Ferry' });
    // Wait for the whole release to be cached, then cut the network.
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state === 'activated';
    });
    await context.setOffline(true);
    await page.reload();
    await expect(app.heading).toBeVisible();
    for (const [path, shown] of PAGES) {
      await page.goto(`./#/w/${id}/${path}`);
      await expect(page.locator(shown).first(), path).toBeVisible();
    }
    await page.goto('./#/workspace');
    await expect(page.getByTestId('import-files')).toBeAttached();
    await context.setOffline(false);
  });

  test('a page left open during a release update keeps loading its own release', async ({ page }) => {
    const site = test.info().outputPath('site');
    cpSync(join(__dirname, '../../../dist'), site, { recursive: true });
    const { serve } = await import('../serve.mjs');
    const server = await serve({ root: site, prefixes: ['/up/'] });
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/up/`;
      await page.goto(url);
      const app = new Preflight(page);
      await expect(app.heading).toBeVisible();
      await controlled(page);
      const id = await app.newWorkload({ workload: 'Night bus' });

      // A new release goes up: every page module under a new name (the old names are gone),
      // the linker and the service worker changed to match.
      publishNextRelease(site);

      // The open page still loads pages it never opened, from its own release.
      for (const [path, shown] of PAGES.slice(2)) {
        await page.goto(`${url}#/w/${id}/${path}`);
        await expect(page.locator(shown).first(), path).toBeVisible();
      }
      expect(missing).toEqual([]);

      // The new release is offered; after the reload, its pages open.
      await page.reload();
      const notice = page.getByTestId('update-ready');
      await expect(notice).toBeVisible();
      await notice.getByRole('button', { name: 'Reload now' }).click();
      await expect(notice).toHaveCount(0);
      await page.waitForFunction(async () => (await caches.keys()).some((k) => k.endsWith('next')));
      for (const [path, shown] of PAGES) {
        await page.goto(`${url}#/w/${id}/${path}`);
        await expect(page.locator(shown).first(), path).toBeVisible();
      }
      await expect(page.getByTestId('page-failed')).toHaveCount(0);
      expect(missing).toEqual([]);
    } finally {
      await page.close();
      server.close();
    }
  });
});

/** Rewrites the site in `dir` as a release would differ: each page module renamed, the linker
 * (`split-*.js`) fetching the new names, its integrity in index.html, and the service worker's
 * list and version. */
function publishNextRelease(dir: string) {
  const sri = (body: Buffer | string) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
  const linker = readdirSync(dir).find((f) => /^split-[0-9a-f]+\.js$/.test(f));
  if (!linker) throw new Error('no split-*.js in the release');
  let js = readFileSync(join(dir, linker), 'utf8');
  let sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  for (const name of readdirSync(dir).filter((f) => PAGE_CODE.test(`/${f}`))) {
    const next = name.replace(/\.wasm$/, 'n.wasm');
    renameSync(join(dir, name), join(dir, next));
    js = js.replaceAll(`"./${name}"`, `"./${next}"`);
    sw = sw.replaceAll(`"${name}"`, `"${next}"`);
  }
  const before = readFileSync(join(dir, linker));
  writeFileSync(join(dir, linker), js);
  const index = readFileSync(join(dir, 'index.html'), 'utf8').replace(sri(before), sri(js));
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1next";'));
}
