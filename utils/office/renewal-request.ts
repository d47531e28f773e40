import { daysBetween, formatItalianDate, type IsoDate } from '../dates/calendar-date';
import type { Translate } from '../i18n/translate';
import type { Account } from '../store/types';
import { mailboxName } from '../store/unnamed-mailbox';

/*
 * "Chiedi il rinnovo al cliente": the message an office sends a client so that the client
 * generates a new password for mail programs and sends it back through PEC. It is built from the
 * account's address, owner and expiry only: the store has no password field, so no message can
 * ever carry one. The result is a mailto: link, opened by the user's own mail program.
 */

/** The placeholders a template may use, filled in by renderRequest. */
export const REQUEST_PLACEHOLDERS = ['cliente', 'casella', 'scadenza', 'giorni'] as const;
export type RequestPlaceholder = (typeof REQUEST_PLACEHOLDERS)[number];

/**
 * Mail programs and browsers cut or refuse longer mailto: links (Outlook on Windows stops near
 * 2,000 characters): the encoded body is kept within this budget.
 */
export const MAX_ENCODED_BODY = 1800;

const PLACEHOLDER = new RegExp(`\\{(${REQUEST_PLACEHOLDERS.join('|')})\\}`, 'g');

/** The values of the placeholders for one account on `today`; a mailbox still to be named says so. */
export function requestValues(
  t: Translate,
  account: Pick<Account, 'address' | 'owner' | 'expiry'>,
  today: IsoDate,
): Record<RequestPlaceholder, string> {
  return {
    cliente: account.owner,
    casella: mailboxName(t, account.address),
    scadenza: account.expiry ? formatItalianDate(account.expiry) : '',
    giorni: account.expiry ? String(daysBetween(today, account.expiry)) : '',
  };
}

/**
 * The template with its placeholders replaced, in one pass: a value that itself looks like a
 * placeholder (an owner named "{casella}", say) stays text. Unknown braces are left as written.
 */
export function renderRequest(template: string, values: Record<RequestPlaceholder, string>): string {
  return template.replace(PLACEHOLDER, (_, name: RequestPlaceholder) => values[name]);
}

/**
 * The body, whole if it fits MAX_ENCODED_BODY once encoded, otherwise cut at the last line or
 * word break that leaves room for `note`. Whole characters are encoded one by one, so a cut
 * never falls inside a %-escape or between the two halves of a surrogate pair.
 */
export function fitBody(body: string, note: string): string {
  if (encodeURIComponent(body).length <= MAX_ENCODED_BODY) return body;
  const tail = `\n\n${note}`;
  const budget = MAX_ENCODED_BODY - encodeURIComponent(tail).length;
  let used = 0;
  let kept = '';
  for (const char of body) {
    used += encodeURIComponent(char).length;
    if (used > budget) break;
    kept += char;
  }
  const lastBreak = Math.max(kept.lastIndexOf('\n'), kept.lastIndexOf(' '));
  return `${(lastBreak > 0 ? kept.slice(0, lastBreak) : kept).trimEnd()}${tail}`;
}

/** The mailto: link; every part is percent-encoded, so no text can add a header or a recipient. */
export function mailtoLink({ to, subject, body }: { to: readonly string[]; subject: string; body: string }): string {
  const recipients = to.map(encodeURIComponent).join(',');
  return `mailto:${recipients}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The link asking one client: to the account's contact (none: the user picks the recipient in
 * the mail program), in the pages' language, from `template` or, when it is empty, the built-in one.
 */
export function requestLink(
  t: Translate,
  account: Pick<Account, 'address' | 'owner' | 'contact' | 'expiry'>,
  template: string,
  today: IsoDate,
): string {
  const body = renderRequest(template || t('requestTemplateDefault'), requestValues(t, account, today));
  return mailtoLink({
    to: account.contact ? [account.contact] : [],
    subject: t('requestSubject', mailboxName(t, account.address)),
    body: fitBody(body, t('requestTruncated')),
  });
}
