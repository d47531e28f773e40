import { badgeState, BADGE_COLORS } from '@/utils/reminders/badge-state';
import { formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { t } from '@/utils/i18n/translate';
import { daysLeftPhrase } from '@/utils/dates/days-left-phrase';
import type { Account } from '@/utils/store/types';
import { mailboxName } from '@/utils/store/unnamed-mailbox';
import { toolbarAction } from './toolbar-action';

/**
 * The title names this many of the soonest expiries and counts the rest: an office's 200 lines
 * are more than a tooltip shows, and writing them out came to a good part of the background's
 * work at every capture and every midnight (issue 17). The popup lists them all.
 */
const TITLE_LINES = 10;

/** Badge contract: days to the soonest expiry, "!" once expired, empty when nothing is tracked. */
export async function showBadge(accounts: readonly Account[], now: Date): Promise<void> {
  const state = badgeState(accounts, localToday(now));
  const action = toolbarAction();
  const lines = state.lines
    .slice(0, TITLE_LINES)
    .map((line) => t('badgeTitleLine', [mailboxName(t, line.address), formatItalianDate(line.expiry), daysLeftPhrase(t, line.daysLeft)]));
  if (state.lines.length > TITLE_LINES) lines.push(t('badgeTitleMore', String(state.lines.length - TITLE_LINES)));
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
