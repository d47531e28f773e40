import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/translate';

/** Where a first-time user starts: the WebMail, where the guide takes over. */
const WEBMAIL_URL = 'https://webmail.pec.it/';

async function openWebmail() {
  await browser.tabs.create({ url: WEBMAIL_URL });
  window.close();
}

/** Nothing tracked yet: what the extension does, and the two ways to start. */
export function EmptyState({ onManualEntry }: { onManualEntry: () => void }) {
  return (
    <section class="empty">
      <p>{t('popupEmptyWhat')}</p>
      <p>{t('popupEmptyHow')}</p>
      <div class="stack">
        <button type="button" class="button-primary" onClick={() => void openWebmail()}>
          {t('popupOpenWebmail')}
        </button>
        <button type="button" onClick={onManualEntry}>
          {t('popupManualEntry')}
        </button>
      </div>
    </section>
  );
}
