import { formatItalianDate } from './calendar-date';
import type { ExpiryRejection } from './expiry-date';
import type { Translate } from './i18n';
import type { CaptureResult } from './messages';

const REJECTION_KEYS = {
  'no-date': 'rejectNoDate',
  'impossible-date': 'rejectImpossibleDate',
  'ambiguous-year': 'rejectAmbiguousYear',
  'too-far-past': 'rejectTooFarPast',
  'too-far-ahead': 'rejectTooFarAhead',
  'several-dates': 'rejectSeveralDates',
} as const satisfies Record<ExpiryRejection, string>;

/** "14, 7, 3 e 1 giorno" in the locale's own list style; the day of expiry itself is implied. */
export function offsetsPhrase(t: Translate, offsets: readonly number[]): string | null {
  const before = offsets.filter((offset) => offset > 0);
  const last = before.at(-1);
  if (last === undefined) return null;
  const list = new Intl.ListFormat(t('langCode'), { type: 'conjunction' }).format(before.map(String));
  return t(last === 1 ? 'offsetsDaysOne' : 'offsetsDaysMany', list);
}

/** What the page chip says after the background handled the expiry the page showed. */
export function captureMessage(t: Translate, result: CaptureResult, expiryText: string): { text: string; bad: boolean } {
  switch (result.status) {
    case 'recorded': {
      const date = formatItalianDate(result.expiry);
      const offsets = offsetsPhrase(t, result.offsets);
      return { text: offsets ? t('captureRecorded', [date, offsets]) : t('captureRecordedNoReminders', date), bad: false };
    }
    case 'rejected':
      return { text: t('captureRejected', [expiryText.slice(0, 40), t(REJECTION_KEYS[result.reason])]), bad: true };
    case 'needs-account':
      return { text: t('captureNeedsAccount', formatItalianDate(result.expiry)), bad: false };
    case 'store-unavailable':
    case 'invalid-address':
    case 'nothing-pending':
      return { text: t('storeUnavailable'), bad: true };
  }
}
