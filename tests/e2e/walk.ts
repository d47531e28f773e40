import type { BrowserContext, Page } from '@playwright/test';
import type { StepId } from '../../utils/aruba/steps';
import { followGuide, highlighted } from '../harness/chromium/guide-walker';
import { cardText } from '../harness/chromium/overlay-probe';
import { expect } from './extension';

export { highlighted } from '../harness/chromium/guide-walker';
export { cardText, chipText, focusInOverlay, pressInOverlay, readOverlay } from '../harness/chromium/overlay-probe';

/** followGuide with the checks of every step: one highlight, on the step's element, and its «Passo N di M». */
export function walkGuide(
  context: BrowserContext,
  start: Page,
  steps: readonly StepId[],
  stepLine: (id: StepId) => string,
  screenshot: (name: string, page: Page) => Promise<unknown>,
): Promise<Page> {
  return followGuide(context, start, steps, async (step, page) => {
    await expect(highlighted(page)).toHaveCount(1);
    await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', step.id);
    await expect.poll(() => cardText(page)).toContain(stepLine(step.id));
    await screenshot(`${step.path}-${step.ordinal}-${step.id}`, page);
  });
}
