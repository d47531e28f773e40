import { t } from '@/utils/i18n';

export function Popup() {
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <p>{t('popupEmpty')}</p>
    </main>
  );
}
