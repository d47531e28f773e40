import { t, type MessageKey } from '@/utils/i18n/translate';

/** Shown instead of a page when IndexedDB cannot be opened: the same words as the badge's "?". */
export function StoreUnavailable({ titleKey }: { titleKey: MessageKey }) {
  return (
    <main class="page">
      <h1>{t(titleKey)}</h1>
      <p class="alert" role="alert">
        {t('storeUnavailable')}
      </p>
    </main>
  );
}
