import { browser } from 'wxt/browser';
import type { ContentSender } from './messages';

/** The guide as built (entrypoints/aruba-guide/), an unlisted script: no web-accessible resource. */
const GUIDE_SCRIPT = '/aruba-guide.js';

/**
 * Injects the guide into the page whose loader asked for it (issue 17): the sender's tab, its top
 * frame, and where the browser names it (Chrome) that very document, so that a page that has
 * navigated away meanwhile does not get it. Nothing in the message says where: a page cannot aim
 * the guide at another tab. The guide refuses to run twice in one page (entrypoints/aruba-guide/).
 */
export async function loadGuide({ tabId, documentId }: ContentSender): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [documentId] },
      files: [GUIDE_SCRIPT],
    });
    return true;
  } catch {
    // The tab closed or left Aruba in the meantime: there is nothing to guide there.
    return false;
  }
}
