import { badgeState, BADGE_COLORS } from '@/utils/reminders/badge-state';
import { formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { t } from '@/utils/i18n/translate';
import { daysLeftPhrase } from '@/utils/dates/days-left-phrase';
import type { Account } from '@/utils/store/types';
import { mailboxName } from '@/utils/store/unnamed-mailbox';
import { toolbarAction } from './toolbar-action';

/** Badge contract: days to the soonest expiry, "!" once expired, empty when nothing is tracked. */
export async function showBadge(accounts: readonly Account[], now: Date): Promise<void> {
  const state = badgeState(accounts, localToday(now));
  const action = toolbarAction();
  // A line per mailbox, in a few texts: t() asks the browser for each once (utils/i18n/translate.ts).
  const lines = state.lines.map((line) =>
    t('badgeTitleLine', [mailboxName(t, line.address), formatItalianDate(line.expiry), daysLeftPhrase(t, line.daysLeft)]),
  );
  await Promise.all([
    action.setBadgeText({ text: state.text }),
    action.setBadgeBackgroundColor({ color: BADGE_COLORS[state.color] }),
    action.setTitle({ title: [t('extName'), ...(lines.length ? lines : [t('badgeTitleNothingTracked')])].join('\n') }),
  ]);
}

/** When the store cannot be read the badge says so instead of showing a stale number. */
export async function showStoreUnavailable(): Promise<void> {
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text: '?' }),
    action.setBadgeBackgroundColor({ color: BADGE_COLORS.none }),
    action.setTitle({ title: `${t('extName')}\n${t('storeUnavailable')}` }),
  ]);
}
