import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer-core';

/** Every axe violation on the page, as "rule (impact): element" lines for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxePuppeteer(page).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`));
}
