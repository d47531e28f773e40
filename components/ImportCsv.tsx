import { MAX_BACKUP_BYTES } from '@/utils/transfer/backup-format';
import { localToday } from '@/utils/dates/calendar-date';
import { csvBackup, parseAccountsCsv, rowProblemsToShow, type CsvRowError, type CsvRowProblem } from '@/utils/transfer/csv-import';
import { t, type MessageKey } from '@/utils/i18n/translate';
import { planImport } from '@/utils/transfer/import-plan';
import { exportAll } from '@/utils/store/transfer';
import type { StoreDb } from '@/utils/store/schema';
import { ImportFile, type FileReading, type ImportNotes } from './ImportFile';

const ROW_ERROR_KEYS: Record<CsvRowError, MessageKey> = {
  'invalid-address': 'officeCsvRowInvalidAddress',
  'invalid-expiry': 'officeCsvRowInvalidExpiry',
  'invalid-contact': 'officeCsvRowInvalidContact',
  'duplicate-address': 'officeCsvRowDuplicate',
};

/** The rows left out: the first ones by line and cell, then how many more. */
function rowNotes(errors: readonly CsvRowProblem[]): ImportNotes | null {
  if (errors.length === 0) return null;
  const { shown, more } = rowProblemsToShow(errors);
  const items = shown.map(({ line, error, value }) => t(ROW_ERROR_KEYS[error], [String(line), value]));
  if (more > 0) items.push(t('officeCsvMoreErrors', String(more)));
  return { heading: t('officeCsvErrorsHeading', String(errors.length)), items };
}

/** An office's mailboxes from a CSV: checked row by row, previewed, stored in one go only when confirmed. */
export function ImportCsv({ db, onImported }: { db: StoreDb; onImported: () => Promise<void> }) {
  async function read(file: File): Promise<FileReading> {
    if (file.size > MAX_BACKUP_BYTES) return { ok: false, message: t('importErrorTooLarge') };
    const now = new Date();
    const parsed = parseAccountsCsv(await file.text(), localToday(now));
    if (!parsed.ok) return { ok: false, message: t(parsed.error === 'empty' ? 'officeCsvEmpty' : 'officeCsvNoAddressColumn') };
    if (parsed.rows.length === 0) return { ok: false, message: t('officeCsvNoRows') };
    const notes = rowNotes(parsed.errors);
    const current = await exportAll(db);
    const backup = csvBackup(parsed.rows, current.accounts, current.settings, now.getTime());
    return { ok: true, backup, plan: planImport(current, backup), notes };
  }

  return (
    <ImportFile
      id="csv-import"
      heading={t('officeCsvHeading')}
      fileLabel={t('officeCsvFile')}
      hint={t('officeCsvHint')}
      accept=".csv,text/csv"
      read={read}
      onImported={onImported}
    />
  );
}
