import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/translate';

/** Opens the due-list page in a tab (an extension page: the same store, no network). */
export function openDueList(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/due-list.html') });
}

export function OpenDueList({ onOpened }: { onOpened?: () => void }) {
  return (
    <button type="button" onClick={() => void openDueList().then(onOpened)}>
      {t('dueListOpen')}
    </button>
  );
}
