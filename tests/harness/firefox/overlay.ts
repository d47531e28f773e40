import type { Page } from 'puppeteer-core';
import { textInShadowRoot } from './bidi';

/**
 * The text of the guide's card and chip, or null when not shown. Read through WebDriver BiDi,
 * which reaches the overlay's shadow root whether it is open or closed: every Firefox test
 * reaches the overlay through these two helpers, as the Chromium tests do through guideCard
 * and guideChip.
 */
export const guideCardText = (page: Page) => textInShadowRoot(page, 'pec-password-assistant', '[role="dialog"]');
export const guideChipText = (page: Page) => textInShadowRoot(page, 'pec-password-assistant', '[role="status"]');
