import { useRef, useState } from 'preact/hooks';
import type { Backup } from '@/utils/transfer/backup-format';
import { t } from '@/utils/i18n/translate';
import type { ImportPlan } from '@/utils/transfer/import-plan';
import { writeStore } from '@/utils/messaging/send-to-background';
import { ImportPreview } from './ImportPreview';

/** What a chosen file turned into: a refusal to show, or what it would change (with notes on parts left out). */
export type FileReading = { ok: false; message: string } | { ok: true; backup: Backup; plan: ImportPlan; notes: ImportNotes | null };

/** What was left out of a file, under a heading that counts it. */
export interface ImportNotes {
  heading: string;
  items: string[];
}

type State =
  | { kind: 'idle' }
  | { kind: 'refused'; message: string }
  | { kind: 'preview'; fileName: string; backup: Backup; plan: ImportPlan; notes: ImportNotes | null }
  | { kind: 'applied'; plan: ImportPlan }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

export interface ImportFileProps {
  /** Prefix of the section's element ids. */
  id: string;
  heading: string;
  fileLabel: string;
  hint: string;
  accept: string;
  /** Reads and checks the file; may throw when the store cannot be read. */
  read: (file: File) => Promise<FileReading>;
  /** After an import was stored: the page re-reads settings and accounts, the background follows. */
  onImported: () => Promise<void>;
}

function statusText(state: State): string {
  if (state.kind === 'applied') return t('importDone', [String(state.plan.added.length), String(state.plan.updated.length)]);
  if (state.kind === 'cancelled') return t('importCancelled');
  return '';
}

/** An import from a file, whatever its format: checked, shown as what it would change, stored in one go only when confirmed. */
export function ImportFile({ id, heading, fileLabel, hint, accept, read, onImported }: ImportFileProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    try {
      const reading = await read(file);
      setState(reading.ok ? { kind: 'preview', fileName: file.name, ...reading } : { kind: 'refused', message: reading.message });
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
      const plan = await writeStore('apply-import', { backup });
      await onImported();
      finish({ kind: 'applied', plan });
    } catch {
      finish({ kind: 'failed' });
    }
  }

  return (
    <section class="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div class="field">
        <label for={`${id}-file`}>{fileLabel}</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept={accept}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
      {(state.kind === 'refused' || state.kind === 'failed') && (
        <p class="alert" role="alert">
          {state.kind === 'refused' ? state.message : t('storeUnavailable')}
        </p>
      )}
      {state.kind === 'preview' && state.notes && (
        <div class="alert" role="alert">
          <p>{state.notes.heading}</p>
          <ul>
            {state.notes.items.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
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
