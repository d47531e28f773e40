import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ComponentChildren;
}

/**
 * The ARIA wiring an input needs to go with its Field: hint and error are read out with it, and
 * an error marks it invalid.
 */
export function described(id: string, { hint, error }: Pick<FieldProps, 'hint' | 'error'>) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return { id, 'aria-describedby': ids.length ? ids.join(' ') : undefined, 'aria-invalid': error ? true : undefined };
}

/** A labelled form field: label above, then the input, its hint and its error. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export interface CheckFieldProps {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox with its hint below, read out with it. */
export function CheckField({ id, label, hint, checked, onChange }: CheckFieldProps) {
  return (
    <div class="field">
      <label class="check">
        <input type="checkbox" aria-describedby={`${id}-hint`} checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
        {label}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
