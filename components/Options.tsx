import { t } from '@/utils/i18n';

export function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
    </main>
  );
}
