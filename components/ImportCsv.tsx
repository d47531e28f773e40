import { useRef, useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES, type Backup } from '@/utils/backup-format';
import { localToday } from '@/utils/calendar-date';
import { csvBackup, parseAccountsCsv, type CsvRowError } from '@/utils/csv-import';
import { t, type MessageKey } from '@/utils/i18n';
import { planImport, type ImportPlan } from '@/utils/import-plan';
import { applyImport, exportAll, type StoreDb } from '@/utils/store';
import { ImportPreview } from './ImportPreview';

const ROW_ERROR_KEYS: Record<CsvRowError, MessageKey> = {
  'invalid-address': 'officeCsvRowInvalidAddress',
  'invalid-expiry': 'officeCsvRowInvalidExpiry',
  'invalid-contact': 'officeCsvRowInvalidContact',
  'duplicate-address': 'officeCsvRowDuplicate',
};

type State =
  | { kind: 'idle' }
  | { kind: 'refused'; message: MessageKey }
  | { kind: 'preview'; fileName: string; backup: Backup; plan: ImportPlan; rowErrors: string[] }
  | { kind: 'applied'; plan: ImportPlan }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

/** An office's mailboxes from a CSV: checked row by row, previewed, stored in one go only when confirmed. */
export function ImportCsv({ db, onImported }: { db: StoreDb; onImported: () => Promise<void> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) return setState({ kind: 'refused', message: 'importErrorTooLarge' });
    try {
      const now = new Date();
      const parsed = parseAccountsCsv(await file.text(), localToday(now));
      if (!parsed.ok) return setState({ kind: 'refused', message: parsed.error === 'empty' ? 'officeCsvEmpty' : 'officeCsvNoAddressColumn' });
      const rowErrors = parsed.errors.map(({ line, error, value }) => t(ROW_ERROR_KEYS[error], [String(line), value]));
      if (parsed.rows.length === 0) return setState({ kind: 'refused', message: 'officeCsvNoRows' });
      const current = await exportAll(db);
      const backup = csvBackup(parsed.rows, current.accounts, current.settings, now.getTime());
      setState({ kind: 'preview', fileName: file.name, backup, plan: planImport(current, backup), rowErrors });
    } catch {
      setState({ kind: 'failed' });
    }
  }

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
    <section class="card" aria-labelledby="csv-import-heading">
      <h2 id="csv-import-heading">{t('officeCsvHeading')}</h2>
      <div class="field">
        <label for="csv-import-file">{t('officeCsvFile')}</label>
        <input
          ref={input}
          id="csv-import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="csv-import-hint"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        <p class="hint" id="csv-import-hint">
          {t('officeCsvHint')}
        </p>
      </div>
      {state.kind === 'refused' && (
        <p class="alert" role="alert">
          {t(state.message)}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="alert" role="alert">
          {t('storeUnavailable')}
        </p>
      )}
      {state.kind === 'preview' && state.rowErrors.length > 0 && (
        <div class="alert" role="alert">
          <p>{t('officeCsvErrorsHeading', String(state.rowErrors.length))}</p>
          <ul>
            {state.rowErrors.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'preview' && (
        <ImportPreview fileName={state.fileName} plan={state.plan} onApply={() => void apply(state.backup)} onCancel={() => finish({ kind: 'cancelled' })} />
      )}
      <p class="saved" role="status">
        {state.kind === 'applied'
          ? t('importDone', [String(state.plan.added.length), String(state.plan.updated.length)])
          : state.kind === 'cancelled'
            ? t('importCancelled')
            : ''}
      </p>
    </section>
  );
}
