import type { Translate } from '../i18n/translate';

/** "tra 7 giorni", "domani", "oggi", "scaduta da 3 giorni" in the locale in use. */
export function daysLeftPhrase(t: Translate, daysLeft: number): string {
  if (daysLeft === 0) return t('daysLeftToday');
  if (daysLeft === 1) return t('daysLeftTomorrow');
  if (daysLeft > 1) return t('daysLeftMany', String(daysLeft));
  if (daysLeft === -1) return t('expiredOneDay');
  return t('expiredManyDays', String(-daysLeft));
}
