import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the page as it stands, frames included (the framed
 * checkout is checked together with the merchant page around it, which is
 * how `landmark-unique` across the two is caught), and fails with each
 * violation's rule, impact and elements.
 */
export async function expectNoAxeViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${state}`).toEqual([]);
}
