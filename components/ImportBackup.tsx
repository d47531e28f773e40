import { MAX_BACKUP_BYTES, parseBackup, type BackupError, type ParsedBackup } from '@/utils/transfer/backup-format';
import { t, type MessageKey } from '@/utils/i18n/translate';
import { planImport } from '@/utils/transfer/import-plan';
import { exportAll } from '@/utils/store/transfer';
import type { StoreDb } from '@/utils/store/schema';
import { ImportFile, type FileReading } from './ImportFile';

/** The message of each reason a file is refused; "read-failed" is the browser failing to read it. */
const IMPORT_ERROR_KEYS = {
  'too-large': 'importErrorTooLarge',
  'not-json': 'importErrorNotJson',
  'foreign-file': 'importErrorForeignFile',
  'unsupported-version': 'importErrorUnsupportedVersion',
  'forbidden-key': 'importErrorForbiddenKey',
  'unknown-field': 'importErrorUnknownField',
  'invalid-field': 'importErrorInvalidField',
  'invalid-address': 'importErrorInvalidAddress',
  'invalid-date': 'importErrorInvalidDate',
  'duplicate-account': 'importErrorDuplicateAccount',
  'read-failed': 'importErrorReadFailed',
} as const satisfies Record<BackupError | 'read-failed', MessageKey>;

type Rejection = { ok: false; error: keyof typeof IMPORT_ERROR_KEYS; detail?: string };

async function readBackup(file: File): Promise<ParsedBackup | Rejection> {
  // Refused before it is read: a huge file is not a backup, and reading it could hang the page.
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, error: 'too-large' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'read-failed' };
  }
  return parseBackup(text);
}

export interface ImportBackupProps {
  db: StoreDb;
  /** After an import was stored: the page re-reads settings and accounts, the background follows. */
  onImported: () => Promise<void>;
}

/** Import of a JSON backup: checked, shown as what it would change, stored only when confirmed. */
export function ImportBackup({ db, onImported }: ImportBackupProps) {
  async function read(file: File): Promise<FileReading> {
    const parsed = await readBackup(file);
    if (!parsed.ok) return { ok: false, message: `${t(IMPORT_ERROR_KEYS[parsed.error], parsed.detail ?? '')} ${t('importNothingChanged')}` };
    return { ok: true, backup: parsed.data, plan: planImport(await exportAll(db), parsed.data), notes: null };
  }

  return (
    <ImportFile
      id="import"
      heading={t('optionsImportHeading')}
      fileLabel={t('optionsImportFile')}
      hint={t('optionsImportHint')}
      accept=".json,application/json"
      read={read}
      onImported={onImported}
    />
  );
}
