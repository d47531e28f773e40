import { browser } from 'wxt/browser';
type ToolbarAction = typeof browser.action;

/** Chrome MV3 has `action`; Firefox MV2 only `browserAction`, with the same badge methods. */
export function toolbarAction(): ToolbarAction {
  return browser.action ?? (browser as unknown as { browserAction: ToolbarAction }).browserAction;
}
