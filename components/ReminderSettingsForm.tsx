import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/translate';
import { formatOffsets, parseOffsetsText } from '@/utils/reminders/offsets-text';
import { MAX_OFFSET_DAYS, StoreValidationError } from '@/utils/store/validation';
import type { Settings } from '@/utils/store/types';
import { CheckField, described, Field } from './Field';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export type ReminderFormValues = Pick<Settings, 'offsets' | 'hour' | 'quietChip' | 'namesInNotifications'>;

export interface ReminderSettingsFormProps {
  settings: ReminderFormValues;
  /** Stores the settings and returns them as stored; throws StoreValidationError for a refused value. */
  onSave: (settings: ReminderFormValues) => Promise<ReminderFormValues>;
}

type Outcome = { kind: 'saved' } | { kind: 'invalid'; field: 'offsets' | 'hour'; error: string } | { kind: 'failed' } | null;

/** The store's refusals this form can cause, as the field and message to show. */
function invalidOutcome(error: unknown): Outcome {
  if (!(error instanceof StoreValidationError)) return { kind: 'failed' };
  if (error.code === 'invalid-offsets') return { kind: 'invalid', field: 'offsets', error: t('optionsErrorOffsetsRange', String(MAX_OFFSET_DAYS)) };
  if (error.code === 'invalid-hour') return { kind: 'invalid', field: 'hour', error: t('optionsErrorHour') };
  return { kind: 'failed' };
}

function statusText(outcome: Outcome): string {
  if (outcome === null) return '';
  if (outcome.kind === 'saved') return t('optionsSaved');
  return t(outcome.kind === 'invalid' ? 'optionsErrorNotSaved' : 'storeUnavailable');
}

/** When reminders come: days before the expiry, hour of day, whether they name the mailboxes, and the quiet chip on Aruba's pages. */
export function ReminderSettingsForm({ settings, onSave }: ReminderSettingsFormProps) {
  const [offsets, setOffsets] = useState(formatOffsets(settings.offsets));
  const [hour, setHour] = useState(settings.hour);
  const [quietChip, setQuietChip] = useState(settings.quietChip);
  const [namesInNotifications, setNamesInNotifications] = useState(settings.namesInNotifications);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = parseOffsetsText(offsets);
    if (parsed === null) return setOutcome({ kind: 'invalid', field: 'offsets', error: t('optionsErrorOffsetsFormat') });
    try {
      const saved = await onSave({ offsets: parsed, hour, quietChip, namesInNotifications });
      // Shown as stored: deduplicated, largest first.
      setOffsets(formatOffsets(saved.offsets));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome(invalidOutcome(error));
    }
  }

  const errorFor = (field: 'offsets' | 'hour') => (outcome?.kind === 'invalid' && outcome.field === field ? outcome.error : null);
  const offsetsHint = t('optionsOffsetsHint');
  const offsetsError = errorFor('offsets');
  const hourError = errorFor('hour');

  return (
    <form class="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('optionsRemindersHeading')}</h2>
      <Field id="offsets" label={t('optionsOffsets')} hint={offsetsHint} error={offsetsError}>
        <input
          {...described('offsets', { hint: offsetsHint, error: offsetsError })}
          type="text"
          inputMode="numeric"
          value={offsets}
          onInput={(event) => setOffsets(event.currentTarget.value)}
        />
      </Field>
      <Field id="hour" label={t('optionsHour')} error={hourError}>
        <select {...described('hour', { error: hourError })} value={hour} onChange={(event) => setHour(Number(event.currentTarget.value))}>
          {HOURS.map((value) => (
            <option key={value} value={value}>
              {`${String(value).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>
      </Field>
      <CheckField
        id="names-in-notifications"
        label={t('optionsNamesInNotifications')}
        hint={t('optionsNamesInNotificationsHint')}
        checked={namesInNotifications}
        onChange={setNamesInNotifications}
      />
      <CheckField id="quiet-chip" label={t('optionsQuietChip')} hint={t('optionsQuietChipHint')} checked={quietChip} onChange={setQuietChip} />
      <div class="actions">
        <button type="submit" class="button-primary">
          {t('optionsSave')}
        </button>
        <p class={outcome?.kind === 'saved' ? 'saved' : 'field-error'} role="status">
          {statusText(outcome)}
        </p>
      </div>
    </form>
  );
}
