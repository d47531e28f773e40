import { isContentMessage } from '@/utils/messages';
import { toolbarAction } from './toolbar-action';

export default defineBackground(() => {
  // Listeners are registered synchronously: an await before addListener loses wake-up events.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isContentMessage(message) || sender.tab?.id === undefined) return;
    void toolbarAction().setBadgeText({ tabId: sender.tab.id, text: 'PEC' });
  });
});
