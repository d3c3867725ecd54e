import { test, expect, type Page } from '@playwright/test';
import { Preflight } from './preflight';

/** Presses Tab until `selector` has focus (at most `max` times); fails otherwise. */
async function tabTo(page: Page, selector: string, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a whole pillar can be answered with the keyboard alone', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  // Start from the keyboard too.
  await tabTo(page, '[data-testid=start-new]');
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Workload profile');
  await expect(app.heading).toBeFocused();
  await tabTo(page, '[data-testid=to-questionnaire]');
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Security');
  await expect(app.heading).toBeFocused();

  const questions = await page.getByTestId('question').evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-question')!, first: el.querySelector('input[type=checkbox]')!.id })),
  );
  expect(questions).toHaveLength(7);
  for (const q of questions) {
    await tabTo(page, `#${q.first}`);
    await page.keyboard.press('Space');
    await expect(page.locator(`#${q.first}`)).toBeChecked();
  }
  // Not applicable, its reason and a note, by keyboard.
  const last = app.question(questions[6].id);
  await tabTo(page, `#na-${questions[6].id}`);
  await page.keyboard.press('Space');
  await tabTo(page, `#reason-${questions[6].id}`);
  await page.keyboard.press('ArrowDown');
  await expect(last.getByTestId('na-reason')).toHaveValue('BUSINESS_PRIORITIES');
  await tabTo(page, `#q-${questions[6].id} .notes summary`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Typed without a mouse');
  await expect(last.getByTestId('notes')).toHaveValue('Typed without a mouse');

  await expect(page.getByTestId('pillar-progress')).toHaveText('7 of 7 answered');
  await tabTo(page, '[data-testid=next-pillar]');
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Reliability');
  await expect(app.heading).toBeFocused();
});

test('focus is visible on every control', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  const id = await app.newWorkload();
  await app.goToPillar(id, 'security');
  await tabTo(page, '#c-sec_data_classification-sec_dc_inventory');
  const outline = await page.locator('#c-sec_data_classification-sec_dc_inventory').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

test('the skip link moves focus to the page heading', async ({ page }) => {
  const app = new Preflight(page);
  await app.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading).toBeFocused();
});
