import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/translate';
import { described } from './Field';

export interface MoveCaptureFormProps {
  /** Unique in the page: the field and its texts have ids made from it. */
  id: string;
  /** The field's label: whose is the expiry? */
  question: string;
  hint: string;
  submitLabel: string;
  /** Tracked addresses, offered as suggestions. */
  known: readonly string[];
  /** Resolves to an error to show, or null once the expiry is where the user said. */
  onSubmit: (address: string) => Promise<MessageKey | null>;
  /** A correction the user opened can be closed again; a mailbox to be named keeps asking. */
  onCancel?: () => void;
  class: string;
}

/**
 * The user says which mailbox an expiry belongs to: one read on a page that did not show its
 * mailbox (a mailbox still to be named), or one the page's context attributed to the wrong one.
 */
export function MoveCaptureForm({ id, question, hint, submitLabel, known, onSubmit, onCancel, class: className }: MoveCaptureFormProps) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const errorText = error ? t(error) : null;
  const fieldId = `${id}-address`;

  // Opened by the user's own click: the field takes the focus, as the account form does.
  useEffect(() => {
    if (onCancel) field.current?.focus();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setError(await onSubmit(address));
  }

  return (
    <form class={className} onSubmit={(event) => void submit(event)} noValidate>
      <label for={fieldId} class="move-question">
        {question}
      </label>
      <p class="hint" id={`${fieldId}-hint`}>
        {hint}
      </p>
      <div class="inline-field">
        <input
          {...described(fieldId, { hint, error: errorText })}
          ref={field}
          type="text"
          inputMode="email"
          autoComplete="off"
          spellcheck={false}
          list={`${id}-known`}
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="button-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button-quiet" onClick={onCancel}>
            {t('accountFormCancel')}
          </button>
        )}
      </div>
      <datalist id={`${id}-known`}>
        {known.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      {errorText && (
        <p class="field-error" id={`${fieldId}-error`}>
          {errorText}
        </p>
      )}
    </form>
  );
}
