import { browser } from 'wxt/browser';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { accountRows } from '@/utils/accounts/account-rows';
import { formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { t, type MessageKey } from '@/utils/i18n/translate';
import type { ManualEntry } from '@/utils/accounts/manual-account';
import type { MoveCaptureResult } from '@/utils/messaging/protocol';
import { sendToBackground, writeStore } from '@/utils/messaging/send-to-background';
import { DEFAULT_SETTINGS, type Account, type Attribution, type Settings } from '@/utils/store/types';
import { listAccounts, listAttributions } from '@/utils/store/accounts';
import { getSettings } from '@/utils/store/settings';
import type { StoreDb } from '@/utils/store/schema';
import { isUnnamedMailbox } from '@/utils/store/unnamed-mailbox';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { AuthFailedHelp } from './AuthFailedHelp';
import { EmptyState } from './EmptyState';
import { MoveCaptureForm } from './MoveCaptureForm';
import { OpenDueList } from './OpenDueList';
import { ReportPage } from './ReportPage';
import { SettingsIcon } from './SettingsIcon';
import { UndoDelete } from './UndoDelete';

type Editing = { account?: Account } | null;

/** What the popup lists, read before its first render: the rows are drawn in one go. */
export interface PopupData {
  settings: Settings;
  accounts: Account[];
  /** The expiries a page's context attributed, which the user may correct. */
  attributions: Attribution[];
}

export async function loadPopupData(db: StoreDb): Promise<PopupData> {
  const [settings, accounts, attributions] = await Promise.all([getSettings(db), listAccounts(db), listAttributions(db)]);
  return { settings, accounts, attributions };
}

/**
 * The toolbar popup. It reads the store directly (an extension page shares the background's
 * IndexedDB) and writes through the store's functions; after each write the background is told,
 * so the badge and the reminder alarms follow.
 */
export function Popup({ db, initial }: { db: StoreDb; initial?: PopupData }) {
  const [accounts, setAccounts] = useState<Account[] | null>(initial?.accounts ?? null);
  const [attributions, setAttributions] = useState<Attribution[]>(initial?.attributions ?? []);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleted, setDeleted] = useState<Account | null>(null);
  const [failed, setFailed] = useState(false);
  /** A form saved after a date was read for its mailbox: that date stayed, and the user is told. */
  const [kept, setKept] = useState<Account | null>(null);
  const [settings, setSettings] = useState<Settings>(initial?.settings ?? DEFAULT_SETTINGS);

  const reload = useCallback(async () => {
    const data = await loadPopupData(db);
    setSettings(data.settings);
    setAccounts(data.accounts);
    setAttributions(data.attributions);
  }, [db]);

  useEffect(() => {
    if (!initial) void reload();
  }, [reload]);

  /** Runs a write through the background (the store's only writer), then re-reads the list. */
  async function write(change: () => Promise<unknown>): Promise<void> {
    try {
      await change();
      await reload();
    } catch {
      setFailed(true);
    }
  }

  const save = (entry: ManualEntry) =>
    write(async () => {
      const saved = await writeStore('save-manual-entry', { previous: editing?.account ?? null, entry });
      setKept(saved.status === 'newer-capture' ? saved.account : null);
      setEditing(null);
    });

  const remove = (account: Account) => write(async () => setDeleted(await writeStore('delete-account', { address: account.address })));

  const undo = (account: Account) =>
    write(async () => {
      await writeStore('restore-account', { account });
      setDeleted(null);
    });

  const asked = (account: Account) => write(() => writeStore('mark-renewal-asked', { address: account.address }));

  const tick = (account: Account, program: string, updated: boolean) =>
    write(() => writeStore('set-program-updated', { address: account.address, program, updated }));

  async function renew(account: Account) {
    await sendToBackground('start-renewal', { address: account.address });
    window.close();
  }

  /** Names a mailbox still to be named, or corrects the mailbox of an attributed expiry, through the background. */
  async function move(account: Account, to: string): Promise<MessageKey | null> {
    let result: MoveCaptureResult;
    try {
      result = await sendToBackground('move-capture', { from: account.address, to });
    } catch {
      return 'storeUnavailable';
    }
    if (result.status === 'invalid-address') return 'accountErrorAddressInvalid';
    if (result.status === 'store-unavailable') return 'storeUnavailable';
    // Moved, or already moved from another window: either way the list is re-read.
    await reload();
    return null;
  }

  const today = localToday(new Date());
  const tracked = accounts ?? [];
  const unnamed = tracked.filter((account) => isUnnamedMailbox(account.address));
  const known = tracked.flatMap((account) => (isUnnamedMailbox(account.address) ? [] : [account.address]));

  return (
    <main class="page popup">
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        <button
          type="button"
          class="button-quiet button-icon"
          aria-label={t('popupOpenOptions')}
          title={t('popupOpenOptions')}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          <SettingsIcon />
        </button>
      </header>
      {failed && (
        <p class="alert" role="alert">
          {t('storeUnavailable')}
        </p>
      )}
      {kept && !editing && (
        <p class="notice" role="status">
          {t('popupNewerCaptureKept', [kept.address, kept.expiry ? formatItalianDate(kept.expiry) : ''])}
        </p>
      )}
      {!editing &&
        unnamed.map((account) => (
          <MoveCaptureForm
            key={account.address}
            id={`name-${account.address.replace(/\W/g, '-')}`}
            class="card pending"
            question={t('popupNameQuestion', account.expiry ? formatItalianDate(account.expiry) : '')}
            hint={t('popupNameHint')}
            submitLabel={t('popupNameSave')}
            known={known}
            onSubmit={(to) => move(account, to)}
          />
        ))}
      {accounts === null ? null : editing ? (
        <AccountForm
          account={editing.account}
          today={today}
          officeLeadDays={settings.officeLeadDays}
          taken={new Set(known)}
          onSave={(entry) => void save(entry)}
          onCancel={() => setEditing(null)}
        />
      ) : tracked.length === 0 ? (
        <EmptyState onManualEntry={() => setEditing({})} />
      ) : (
        <AccountList
          rows={accountRows(tracked, today)}
          onAdd={() => setEditing({})}
          onRenew={(account) => void renew(account)}
          onEdit={(account) => setEditing({ account })}
          onDelete={(account) => void remove(account)}
          onTick={(account, program, done) => void tick(account, program, done)}
          onAsked={(account) => void asked(account)}
          onMove={move}
          attributed={new Map(attributions.map((attribution) => [attribution.address, attribution]))}
          known={known}
          requestTemplate={settings.requestTemplate}
          officeLeadDays={settings.officeLeadDays}
          today={today}
        />
      )}
      {!editing && tracked.some((account) => account.owner || account.contact) && (
        <div class="actions">
          <OpenDueList onOpened={() => window.close()} />
        </div>
      )}
      {deleted && <UndoDelete account={deleted} onUndo={() => void undo(deleted)} />}
      <AuthFailedHelp />
      <ReportPage />
    </main>
  );
}
