import type { Translate } from '../i18n/translate';

/*
 * A mailbox still to be named: an expiry was read on a page that did not show its address and
 * nothing around it said whose it was. It is tracked at once (badge, reminders) under a key of
 * its own until the user names it from the popup. The key is never an address: it has no "@",
 * and its ":" is refused by normalizeAddress, so it can neither be typed in, imported as an
 * address nor mailed to; it has no "|", so keys built from it (alarms, notifications) still split.
 */

const UNNAMED_KEY = /^unnamed:\d{1,16}$/;

/** The key of a mailbox still to be named whose first expiry was read at `at` (epoch ms). */
export function unnamedMailboxKey(at: number): string {
  return `unnamed:${Math.max(0, Math.trunc(at))}`;
}

export function isUnnamedMailbox(key: string): boolean {
  return UNNAMED_KEY.test(key);
}

/** How a mailbox is written for people: its address, or «casella da indicare» until it is named. */
export function mailboxName(t: Translate, key: string): string {
  return isUnnamedMailbox(key) ? t('mailboxUnnamed') : key;
}
