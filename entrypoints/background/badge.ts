import { badgeState, BADGE_COLORS } from '@/utils/reminders/badge-state';
import { formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { t } from '@/utils/i18n/translate';
import { daysLeftPhrase } from '@/utils/dates/days-left-phrase';
import type { Account } from '@/utils/store/types';
import { mailboxName } from '@/utils/store/unnamed-mailbox';
import { keptSession } from './kept-storage';
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
 * What the toolbar button shows, noted in session storage, which lasts as long as the button's
 * state does (both go when the browser restarts and when the extension is reloaded or updated):
 * a worker woken from sleep, as most captures and alarms find it, draws only what changed. Each
 * call costs a round trip to the browser, and a woken worker's first call of an API several
 * milliseconds more (issue 17). Only the background sets them.
 */
const SHOWN_KEY = 'toolbarShown';

function isShown(value: unknown): value is Shown {
  const shown = value as Partial<Shown> | undefined;
  return typeof shown?.text === 'string' && typeof shown.color === 'string' && typeof shown.title === 'string';
}

/** What was last asked to be shown, in the order asked: each call compares with the one before it. */
let last: Promise<Shown | null> | undefined;

async function show(next: Shown): Promise<void> {
  const previous = (last ??= keptSession.get(SHOWN_KEY).then((stored) => (isShown(stored) ? stored : null)));
  last = previous.then(
    () => next,
    () => next,
  );
  const before = await previous.catch(() => null);
  const text = next.text !== before?.text;
  const color = next.color !== before?.color;
  const title = next.title !== before?.title;
  if (!text && !color && !title) return;
  const action = toolbarAction();
  await Promise.all([
    text ? action.setBadgeText({ text: next.text }) : null,
    color ? action.setBadgeBackgroundColor({ color: next.color }) : null,
    title ? action.setTitle({ title: next.title }) : null,
  ]);
  // Drawn: a note that cannot be written only makes the next worker draw it again.
  await keptSession.set(SHOWN_KEY, next).catch(() => undefined);
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
