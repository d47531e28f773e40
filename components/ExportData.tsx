import { useState } from 'preact/hooks';
import { buildBackup } from '@/utils/transfer/backup-format';
import { localToday } from '@/utils/dates/calendar-date';
import { accountsCsv } from '@/utils/transfer/csv-export';
import { t, type MessageKey } from '@/utils/i18n/translate';
import { expiryCalendar } from '@/utils/transfer/ics';
import { exportAll } from '@/utils/store/transfer';
import type { StoreDb } from '@/utils/store/schema';
import { downloadText } from './download';

type Format = 'json' | 'csv' | 'ics';

const FORMATS: readonly { format: Format; label: MessageKey; hint: MessageKey }[] = [
  { format: 'json', label: 'optionsExportJson', hint: 'optionsExportJsonHint' },
  { format: 'csv', label: 'optionsExportCsv', hint: 'optionsExportCsvHint' },
  { format: 'ics', label: 'optionsExportIcs', hint: 'optionsExportIcsHint' },
];

/** The file of a format, written from the store as it is now; null when there is nothing to put in it. */
async function exportFile(db: StoreDb, format: Format, now: Date): Promise<{ text: string; name: string; type: string } | null> {
  const snapshot = await exportAll(db);
  const today = localToday(now);
  const name = `pec-password-assistant-${today}.${format}`;
  switch (format) {
    case 'json':
      return { text: `${JSON.stringify(buildBackup(snapshot, now), null, 2)}\n`, name, type: 'application/json' };
    case 'csv':
      return { text: accountsCsv(snapshot.accounts, today, t), name, type: 'text/csv;charset=utf-8' };
    case 'ics':
      // A calendar must hold at least one event (RFC 5545).
      if (!snapshot.accounts.some((account) => account.expiry)) return null;
      return { text: expiryCalendar(snapshot.accounts, snapshot.settings, now, t), name, type: 'text/calendar;charset=utf-8' };
  }
}

/** Backup, spreadsheet and calendar files of everything tracked, downloaded from the page itself. */
export function ExportData({ db }: { db: StoreDb }) {
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  async function download(format: Format) {
    try {
      const file = await exportFile(db, format, new Date());
      if (!file) return setStatus({ text: t('optionsExportNothing'), failed: true });
      downloadText(file.text, file.name, file.type);
      setStatus({ text: t('optionsExportDone', file.name), failed: false });
    } catch {
      setStatus({ text: t('storeUnavailable'), failed: true });
    }
  }

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('optionsExportHeading')}</h2>
      <p>{t('optionsExportIntro')}</p>
      <ul class="export-list">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <button type="button" aria-describedby={`export-${format}-hint`} onClick={() => void download(format)}>
              {t(label)}
            </button>
            <p class="hint" id={`export-${format}-hint`}>
              {t(hint)}
            </p>
          </li>
        ))}
      </ul>
      <p class={status?.failed ? 'field-error' : 'saved'} role="status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
