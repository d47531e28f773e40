import { useRef, useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES, parseBackup, type Backup, type BackupError, type ParsedBackup } from '@/utils/backup-format';
import { t, type MessageKey } from '@/utils/i18n';
import { planImport, type ImportPlan } from '@/utils/import-plan';
import { applyImport, exportAll, type StoreDb } from '@/utils/store';
import { ImportPreview } from './ImportPreview';

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

type State =
  | { kind: 'idle' }
  | ({ kind: 'rejected' } & Rejection)
  | { kind: 'preview'; fileName: string; backup: Backup; plan: ImportPlan }
  | { kind: 'applied'; plan: ImportPlan }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

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

function statusText(state: State): string {
  if (state.kind === 'applied') return t('importDone', [String(state.plan.added.length), String(state.plan.updated.length)]);
  if (state.kind === 'cancelled') return t('importCancelled');
  return '';
}

export interface ImportBackupProps {
  db: StoreDb;
  /** After an import was stored: the page re-reads settings and accounts, the background follows. */
  onImported: () => Promise<void>;
}

/** Import of a JSON backup: checked, shown as what it would change, stored only when confirmed. */
export function ImportBackup({ db, onImported }: ImportBackupProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    const parsed = await readBackup(file);
    if (!parsed.ok) return setState({ kind: 'rejected', ...parsed });
    try {
      const current = await exportAll(db);
      setState({ kind: 'preview', fileName: file.name, backup: parsed.data, plan: planImport(current, parsed.data) });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  /** The chooser is emptied, so that the same file can be chosen again, and takes the focus back. */
  function finish(next: State) {
    setState(next);
    if (input.current) input.current.value = '';
    input.current?.focus();
  }

  async function apply(backup: Backup) {
    try {
      const plan = await applyImport(db, backup, Date.now());
      await onImported();
      finish({ kind: 'applied', plan });
    } catch {
      finish({ kind: 'failed' });
    }
  }

  return (
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('optionsImportHeading')}</h2>
      <div class="field">
        <label for="import-file">{t('optionsImportFile')}</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="import-file-hint"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        <p class="hint" id="import-file-hint">
          {t('optionsImportHint')}
        </p>
      </div>
      {state.kind === 'rejected' && (
        <p class="alert" role="alert">
          {t(IMPORT_ERROR_KEYS[state.error], state.detail ?? '')} {t('importNothingChanged')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="alert" role="alert">
          {t('storeUnavailable')}
        </p>
      )}
      {state.kind === 'preview' && (
        <ImportPreview
          fileName={state.fileName}
          plan={state.plan}
          onApply={() => void apply(state.backup)}
          onCancel={() => finish({ kind: 'cancelled' })}
        />
      )}
      <p class="saved" role="status">
        {statusText(state)}
      </p>
    </section>
  );
}
