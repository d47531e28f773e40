import { formatItalianDate } from '../dates/calendar-date';
import type { ExpiryRejection } from '../dates/expiry-date';
import type { Translate } from '../i18n/translate';
import type { CaptureResult } from '../messaging/protocol';

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

/** The confirmation promises only the reminders still ahead: for a date 3 days away, not 14 and 7. */
function recordedText(t: Translate, mailbox: string, date: string, offsetsAhead: readonly number[]): string {
  const offsets = offsetsPhrase(t, offsetsAhead);
  if (offsets) return t('captureRecorded', [mailbox, date, offsets]);
  return t(offsetsAhead.includes(0) ? 'captureRecordedOnTheDay' : 'captureRecordedNoReminders', [mailbox, date]);
}

/**
 * What the page chip says after the background handled the expiry the page showed: for which
 * mailbox it was recorded, so that a wrong attribution is seen at once. It repeats no page text
 * but the date as we parsed it.
 */
export function captureMessage(t: Translate, result: CaptureResult): { text: string; bad: boolean } {
  switch (result.status) {
    case 'recorded': {
      const text = recordedText(t, result.mailbox ?? t('captureForUnnamed'), formatItalianDate(result.expiry), result.offsets);
      return { text: result.mailbox === null ? `${text}. ${t('captureNameInPopup')}` : text, bad: false };
    }
    case 'newer-kept':
      return {
        text: t('captureNewerKept', [formatItalianDate(result.read), result.mailbox ?? t('captureForUnnamed'), formatItalianDate(result.expiry)]),
        bad: true,
      };
    case 'rejected':
      return { text: t('captureRejected', t(REJECTION_KEYS[result.reason])), bad: true };
    case 'store-unavailable':
      return { text: t('storeUnavailable'), bad: true };
  }
}
