import { t } from '@/utils/i18n/translate';

/** The question behind most visits: the mail program stopped working. */
export function AuthFailedHelp() {
  return (
    <details class="help">
      <summary>{t('helpAuthFailedQuestion')}</summary>
      <p>{t('helpAuthFailedExpired')}</p>
      <p>{t('helpAuthFailedProtocols')}</p>
      <p>{t('helpAuthFailedFix')}</p>
    </details>
  );
}
