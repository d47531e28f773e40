import { useState } from 'preact/hooks';
import { formatItalianDate, type IsoDate } from '@/utils/calendar-date';
import { t, type MessageKey } from '@/utils/i18n';
import { described } from './Field';

export interface PendingCaptureProps {
  expiry: IsoDate;
  /** Tracked addresses, offered as suggestions. */
  known: readonly string[];
  /** Resolves to an error to show, or null once the date is recorded. */
  onAssign: (address: string) => Promise<MessageKey | null>;
}

/** An expiry read on a page that did not show its mailbox: the user says whose it is. */
export function PendingCapture({ expiry, known, onAssign }: PendingCaptureProps) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const hint = t('popupPendingHint');
  const errorText = error ? t(error) : null;

  async function submit(event: Event) {
    event.preventDefault();
    setError(await onAssign(address));
  }

  return (
    <form class="card pending" onSubmit={(event) => void submit(event)} noValidate>
      <label for="pending-address" class="pending-question">
        {t('popupPendingQuestion', formatItalianDate(expiry))}
      </label>
      <p class="hint" id="pending-address-hint">
        {hint}
      </p>
      <div class="inline-field">
        <input
          {...described('pending-address', { hint, error: errorText })}
          type="text"
          inputMode="email"
          autoComplete="off"
          spellcheck={false}
          list="pending-known"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="button-primary">
          {t('popupPendingAssign')}
        </button>
      </div>
      <datalist id="pending-known">
        {known.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      {errorText && (
        <p class="field-error" id="pending-address-error">
          {errorText}
        </p>
      )}
    </form>
  );
}
