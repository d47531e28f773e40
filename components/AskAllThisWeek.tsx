import { useState } from 'preact/hooks';
import type { IsoDate } from '@/utils/dates/calendar-date';
import { t } from '@/utils/i18n/translate';
import { requestLink } from '@/utils/office/renewal-request';
import type { Account } from '@/utils/store/types';
import { mailboxName } from '@/utils/store/unnamed-mailbox';

export interface AskAllThisWeekProps {
  /** The clients due this week and not asked yet (toAskThisWeek). */
  accounts: readonly Account[];
  template: string;
  today: IsoDate;
  onAsked: (account: Account) => void;
}

/**
 * "Ask everyone due this week": one message per client rather than one with every client in
 * BCC, because each message names the client's own mailbox and expiry, and no client may learn
 * another's. Browsers let a click open one mail window only, so the messages are listed to open
 * one by one; each is marked asked when opened.
 */
export function AskAllThisWeek({ accounts, template, today, onAsked }: AskAllThisWeekProps) {
  const [open, setOpen] = useState(false);
  return (
    <section class="card" aria-labelledby="ask-all-heading">
      <h2 id="ask-all-heading">{t('dueListAskAll')}</h2>
      {!open ? (
        <div class="actions">
          <button type="button" class="button-primary" onClick={() => setOpen(true)}>
            {t('dueListAskAll')}
          </button>
        </div>
      ) : accounts.length === 0 ? (
        <p role="status">{t('dueListAskAllNone')}</p>
      ) : (
        <>
          <p role="status">{t('dueListAskAllIntro')}</p>
          <ul class="ask-all-list">
            {accounts.map((account) => (
              <li key={account.address}>
                <a href={requestLink(t, account, template, today)} target="_blank" rel="noreferrer" onClick={() => onAsked(account)}>
                  {t('requestAskFor', account.owner || mailboxName(t, account.address))}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
