// Page object for Preflight: what a user sees and does, by role, label and data-testid.
import { expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export class Preflight {
  constructor(readonly page: Page) {}

  /** Opens the app (optionally at a view) and waits until it has rendered. */
  async open(hash = '') {
    await this.page.goto(`./${hash}`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.locator('#page-title');
  }

  /** Starts a new assessment from the start page and fills in the profile. */
  async newWorkload(profile: { organisation?: string; workload?: string } = {}) {
    await this.page.getByTestId('start-new').click();
    await expect(this.page).toHaveURL(/#\/w\/[a-z0-9-]+\/profile$/);
    if (profile.organisation) await this.page.locator('#profile-organisation').fill(profile.organisation);
    if (profile.workload) await this.page.locator('#profile-workload').fill(profile.workload);
    return this.workloadId();
  }

  /** A new workload with a high risk in security (five practices missing: 15 man-days) and a
   * medium risk in cost optimization (three missing: 11 man-days). Returns its id. */
  async riskyWorkload(): Promise<string> {
    const id = await this.newWorkload({ organisation: 'Acme Retail', workload: 'Web shop' });
    await this.goToPillar(id, 'security');
    await this.choice('sec_dc_no').check();
    await this.goToPillar(id, 'cost_optimization');
    await this.choice('cost_ca_allocation_model').check();
    await expect(this.risk('cost_allocation')).toHaveText('Medium risk');
    return id;
  }

  workloadId(): string {
    const m = this.page.url().match(/#\/w\/([a-z0-9-]+)\//);
    if (!m) throw new Error(`no workload in ${this.page.url()}`);
    return m[1];
  }

  async goToPillar(id: string, pillar: string) {
    await this.page.goto(`./#/w/${id}/assess/${pillar}`);
    await expect(this.question('sec_data_classification').or(this.page.locator('[data-testid=question]').first())).toBeVisible();
  }

  question(id: string): Locator {
    return this.page.locator(`[data-question="${id}"]`);
  }

  /** A choice's checkbox; `question` is needed when the lens reuses choice ids across questions. */
  choice(id: string, question?: string): Locator {
    const input = `input[type=checkbox][value="${id}"]`;
    return question ? this.question(question).locator(input) : this.page.locator(input);
  }

  risk(question: string): Locator {
    return this.question(question).getByTestId('risk');
  }

  async switchLanguage() {
    const before = await this.page.locator('html').getAttribute('lang');
    await this.page.getByTestId('lang-switch').click();
    await expect(this.page.locator('html')).not.toHaveAttribute('lang', before ?? '');
  }

  /** The app's records in localStorage. */
  async stored(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        if (k.startsWith('preflight.')) out[k] = localStorage.getItem(k)!;
      }
      return out;
    });
  }

  /** Axe-core over the page: WCAG 2.0/2.1 A and AA. */
  async expectAccessible() {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary).toEqual([]);
  }
}
