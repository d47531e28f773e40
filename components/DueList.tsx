import { useEffect, useState } from 'preact/hooks';
import { localToday } from '@/utils/dates/calendar-date';
import { applyLanguage } from '@/utils/i18n/catalog';
import { dueListCsv } from '@/utils/transfer/csv-export';
import { dueList, toAskThisWeek, type DueGroup } from '@/utils/office/due-list';
import { t, type MessageKey } from '@/utils/i18n/translate';
import { localizeDocument } from '@/utils/i18n/localize-document';
import { writeStore } from '@/utils/messaging/send-to-background';
import { getSettings } from '@/utils/store/settings';
import { listAccounts } from '@/utils/store/accounts';
import type { Account, Settings } from '@/utils/store/types';
import type { StoreDb } from '@/utils/store/schema';
import { AskAllThisWeek } from './AskAllThisWeek';
import { downloadText } from './download';
import { DueRow } from './DueRow';

const GROUP_HEADINGS: Record<DueGroup, MessageKey> = {
  expired: 'dueListGroupExpired',
  week: 'dueListGroupWeek',
  month: 'dueListGroupMonth',
  later: 'dueListGroupLater',
};

/** The office's due-list page: every mailbox by days left, in groups, with the requests to clients. */
export function DueList({ db }: { db: StoreDb }) {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);

  async function load() {
    const [stored, tracked] = await Promise.all([getSettings(db), listAccounts(db)]);
    await applyLanguage(stored.language);
    localizeDocument(document, 'dueListTitle');
    setSettings(stored);
    setAccounts(tracked);
  }

  useEffect(() => void load(), [db]);

  /** The request went out by mail either way; only its mark may fail, and then the page says so. */
  async function asked(account: Account) {
    try {
      await writeStore('mark-renewal-asked', { address: account.address });
      setFailed(false);
    } catch {
      setFailed(true);
      return;
    }
    await load();
  }

  const today = localToday(new Date());

  function exportCsv() {
    const name = `pec-scadenze-${today}.csv`;
    downloadText(dueListCsv(accounts ?? [], today, t), name, 'text/csv;charset=utf-8');
    setStatus(t('dueListExportDone', name));
  }

  if (accounts === null || settings === null) return <main class="page due-list" />;
  const groups = dueList(accounts, today, query);
  const template = settings.requestTemplate;

  return (
    <main class="page due-list">
      <h1>{t('dueListHeading')}</h1>
      <p class="muted">{t('dueListIntro')}</p>
      {failed && (
        <p class="alert" role="alert">
          {t('storeUnavailable')}
        </p>
      )}
      {accounts.length === 0 ? (
        <p>{t('dueListEmpty')}</p>
      ) : (
        <>
          <AskAllThisWeek accounts={toAskThisWeek(accounts, today)} template={template} today={today} onAsked={(account) => void asked(account)} />
          <div class="search">
            <label for="due-filter">{t('dueListFilterLabel')}</label>
            <input id="due-filter" type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
          </div>
          {groups.map(({ group, rows }) => (
            <section key={group} class="card" aria-labelledby={`due-${group}`}>
              <h2 id={`due-${group}`}>{t(GROUP_HEADINGS[group], String(rows.length))}</h2>
              <ul class="account-list">
                {rows.map((row) => (
                  <DueRow
                    key={row.account.address}
                    row={row}
                    template={template}
                    officeLeadDays={settings.officeLeadDays}
                    today={today}
                    onAsked={(account) => void asked(account)}
                  />
                ))}
              </ul>
            </section>
          ))}
          {groups.length === 0 && <p class="muted">{t('dueListNoMatch')}</p>}
          <div class="actions">
            <button type="button" onClick={exportCsv}>
              {t('dueListExportCsv')}
            </button>
            <p class="saved" role="status">
              {status}
            </p>
          </div>
        </>
      )}
    </main>
  );
}
