import { MAX_OFFSET_DAYS } from '@/utils/store/validation';
import { described, Field } from './Field';

export interface LeadDaysFieldProps {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  value: string;
  onInput: (value: string) => void;
}

/** Days before the expiry to ask an office's client: a whole number within the reminder range. */
export function LeadDaysField({ id, label, hint, error, value, onInput }: LeadDaysFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        {...described(id, { hint, error })}
        type="number"
        min={0}
        max={MAX_OFFSET_DAYS}
        step={1}
        inputMode="numeric"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </Field>
  );
}
