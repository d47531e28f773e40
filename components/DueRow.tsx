import type { ListedAccount } from '@/utils/accounts/account-rows';
import { formatItalianDate, type IsoDate } from '@/utils/dates/calendar-date';
import { t } from '@/utils/i18n/translate';
import type { Account } from '@/utils/store/types';
import { mailboxName } from '@/utils/store/unnamed-mailbox';
import { DaysLeft } from './DaysLeft';
import { RenewalRequest } from './RenewalRequest';
import './account-text.css';

export interface DueRowProps {
  row: ListedAccount;
  template: string;
  officeLeadDays: number;
  today: IsoDate;
  onAsked: (account: Account) => void;
}

/** One mailbox of the due-list: days left, client, address, expiry, and the request to the client. */
export function DueRow({ row, template, officeLeadDays, today, onAsked }: DueRowProps) {
  const { account, daysLeft, color } = row;
  const mailbox = mailboxName(t, account.address);
  const name = account.owner || account.label || mailbox;
  return (
    <li class="due-row">
      <DaysLeft daysLeft={daysLeft} color={color} />
      <div class="due-row-body">
        <h3 class="account-name">{account.owner || t('dueListNoClient')}</h3>
        <p class="account-address">{account.label ? `${account.label} — ${mailbox}` : mailbox}</p>
        <p class="account-expiry">{account.expiry ? t('accountExpiresOn', formatItalianDate(account.expiry)) : t('accountExpiryUnknown')}</p>
        <RenewalRequest account={account} name={name} template={template} today={today} officeLeadDays={officeLeadDays} onAsked={onAsked} />
      </div>
    </li>
  );
}
