import type { IsoDate } from '@/utils/dates/calendar-date';
import { askDueNow } from '@/utils/office/due-list';
import { t } from '@/utils/i18n/translate';
import { requestLink } from '@/utils/office/renewal-request';
import { requestStatusText } from '@/utils/office/request-status';
import type { Account } from '@/utils/store/types';
import './renewal-request.css';

export interface RenewalRequestProps {
  account: Account;
  /** The name the row shows, for the link's accessible name. */
  name: string;
  /** Settings.requestTemplate: empty for the built-in text. */
  template: string;
  today: IsoDate;
  /** Settings.officeLeadDays: the lead time of an account without its own. */
  officeLeadDays: number;
  onAsked: (account: Account) => void;
}

/** An office's client: whether the new password was asked for, and the link that asks (a mailto:, no network). */
export function RenewalRequest({ account, name, template, today, officeLeadDays, onAsked }: RenewalRequestProps) {
  const dueNow = askDueNow(account, today, officeLeadDays);
  return (
    <div class="request">
      <p class="request-status">
        {requestStatusText(t, account.request)}
        {dueNow && <span class="tag">{t('requestDueNow')}</span>}
      </p>
      <a
        class={dueNow ? 'button button-primary' : 'button'}
        href={requestLink(t, account, template, today)}
        target="_blank"
        rel="noreferrer"
        aria-label={t('requestAskFor', name)}
        onClick={() => onAsked(account)}
      >
        {t('requestAsk')}
      </a>
    </div>
  );
}
