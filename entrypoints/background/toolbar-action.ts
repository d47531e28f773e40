import type { Browser } from 'wxt/browser';

/** Chrome MV3 has `action`; Firefox MV2 only `browserAction`, with the same badge methods. */
export function toolbarAction(): Browser.action.Static {
  return browser.action ?? (browser as unknown as { browserAction: Browser.action.Static }).browserAction;
}
