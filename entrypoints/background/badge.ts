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

/** What the toolbar button shows. */
interface Shown {
  text: string;
  color: string;
  title: string;
}

/**
 * What this worker last showed (null: nothing yet, and the button may still show what an earlier
 * worker left): a capture or a midnight usually changes one of the three, and each call costs the
 * worker a round trip to the browser (issue 17). Only the background sets them.
 */
let shown: Shown | null = null;

async function show(next: Shown): Promise<void> {
  const action = toolbarAction();
  const before = shown;
  shown = next;
  await Promise.all([
    next.text === before?.text ? null : action.setBadgeText({ text: next.text }),
    next.color === before?.color ? null : action.setBadgeBackgroundColor({ color: next.color }),
    next.title === before?.title ? null : action.setTitle({ title: next.title }),
  ]);
}

/** Badge contract: days to the soonest expiry, "!" once expired, empty when nothing is tracked. */
export async function showBadge(accounts: readonly Account[], now: Date): Promise<void> {
  const state = badgeState(accounts, localToday(now));
  const lines = state.lines
    .slice(0, TITLE_LINES)
    .map((line) => t('badgeTitleLine', [mailboxName(t, line.address), formatItalianDate(line.expiry), daysLeftPhrase(t, line.daysLeft)]));
  if (state.lines.length > TITLE_LINES) lines.push(t('badgeTitleMore', String(state.lines.length - TITLE_LINES)));
  await show({
    text: state.text,
    color: BADGE_COLORS[state.color],
    title: [t('extName'), ...(lines.length ? lines : [t('badgeTitleNothingTracked')])].join('\n'),
  });
}

/** When the store cannot be read the badge says so instead of showing a stale number. */
export async function showStoreUnavailable(): Promise<void> {
  await show({ text: '?', color: BADGE_COLORS.none, title: `${t('extName')}\n${t('storeUnavailable')}` });
}
