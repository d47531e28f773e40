import { useEffect, useRef, useState } from 'preact/hooks';
import { checkAccountInput, type AccountInputErrors } from '@/utils/accounts/account-input';
import type { IsoDate } from '@/utils/dates/calendar-date';
import { t } from '@/utils/i18n/translate';
import type { ManualEntry } from '@/utils/accounts/manual-account';
import { checkOfficeInput, type OfficeInputCheck } from '@/utils/office/office-input';
import { MAX_OFFSET_DAYS } from '@/utils/store/validation';
import type { Account } from '@/utils/store/types';
import { described, Field } from './Field';
import { LeadDaysField } from './LeadDaysField';

export interface AccountFormProps {
  /** The account to edit; none to add a new one. */
  account?: Account;
  today: IsoDate;
  /** Settings.officeLeadDays, the lead time of an account without its own. */
  officeLeadDays: number;
  /** Addresses already tracked, which a new entry may not reuse. */
  taken: ReadonlySet<string>;
  onSave: (entry: ManualEntry) => void;
  onCancel: () => void;
}

const programsFromText = (text: string) => text.split('\n');

/** Add or edit one account by hand: address, expiry, an optional label and the mail programs. */
export function AccountForm({ account, today, officeLeadDays, taken, onSave, onCancel }: AccountFormProps) {
  const [address, setAddress] = useState(account?.address ?? '');
  const [expiry, setExpiry] = useState(account?.expiry ?? '');
  const [label, setLabel] = useState(account?.label ?? '');
  const [programs, setPrograms] = useState((account?.programs ?? []).join('\n'));
  const [owner, setOwner] = useState(account?.owner ?? '');
  const [contact, setContact] = useState(account?.contact ?? '');
  const [leadDays, setLeadDays] = useState(account?.leadDays?.toString() ?? '');
  const [errors, setErrors] = useState<AccountInputErrors>({});
  const [officeErrors, setOfficeErrors] = useState<Extract<OfficeInputCheck, { ok: false }>['errors']>({});
  const form = useRef<HTMLFormElement>(null);

  // The form replaces the list: focus moves into it so keyboard users start typing at once.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);

  function submit(event: Event) {
    event.preventDefault();
    const check = checkAccountInput({ address, expiry, label }, today, account ? new Set() : taken);
    const office = checkOfficeInput({ owner, contact, leadDays });
    setErrors(check.ok ? {} : check.errors);
    setOfficeErrors(office.ok ? {} : office.errors);
    if (!check.ok || !office.ok) {
      // After the re-render, so the error is already in the input's description when it is read.
      setTimeout(() => form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSave({ address: check.address, expiry: check.expiry, label: check.label, programs: programsFromText(programs), office: office.fields });
  }

  const addressError = errors.address ? t(errors.address) : null;
  const expiryError = errors.expiry ? t(errors.expiry) : null;
  const addressHint = t('accountFormAddressHint');
  const expiryHint = t('accountFormExpiryHint');
  const programsHint = t('accountFormProgramsHint');
  const contactHint = t('officeContactHint');
  const contactError = officeErrors.contact ? t(officeErrors.contact) : null;
  const leadDaysHint = t('officeLeadDaysHint', t('officeLeadDaysDays', String(officeLeadDays)));
  const leadDaysError = officeErrors.leadDays ? t(officeErrors.leadDays, String(MAX_OFFSET_DAYS)) : null;

  return (
    <form ref={form} class="card" onSubmit={submit} noValidate aria-labelledby="account-form-title">
      <h2 id="account-form-title">{t(account ? 'accountFormEditTitle' : 'accountFormAddTitle')}</h2>
      {account ? (
        <p class="account-form-address">{account.address}</p>
      ) : (
        <Field id="account-address" label={t('accountFormAddress')} hint={addressHint} error={addressError}>
          <input
            {...described('account-address', { hint: addressHint, error: addressError })}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellcheck={false}
            value={address}
            onInput={(event) => setAddress(event.currentTarget.value)}
          />
        </Field>
      )}
      <Field id="account-expiry" label={t('accountFormExpiry')} hint={expiryHint} error={expiryError}>
        <input
          {...described('account-expiry', { hint: expiryHint, error: expiryError })}
          type="date"
          value={expiry}
          onInput={(event) => setExpiry(event.currentTarget.value)}
        />
      </Field>
      <Field id="account-label" label={t('accountFormLabel')}>
        <input id="account-label" type="text" value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
      </Field>
      <Field id="account-programs" label={t('accountFormPrograms')} hint={programsHint}>
        <textarea
          {...described('account-programs', { hint: programsHint })}
          rows={3}
          value={programs}
          onInput={(event) => setPrograms(event.currentTarget.value)}
        />
      </Field>
      <fieldset class="office-fields">
        <legend>{t('officeFieldsLegend')}</legend>
        <Field id="account-owner" label={t('officeOwner')}>
          <input id="account-owner" type="text" autoComplete="off" value={owner} onInput={(event) => setOwner(event.currentTarget.value)} />
        </Field>
        <Field id="account-contact" label={t('officeContact')} hint={contactHint} error={contactError}>
          <input
            {...described('account-contact', { hint: contactHint, error: contactError })}
            type="email"
            autoComplete="off"
            spellcheck={false}
            value={contact}
            onInput={(event) => setContact(event.currentTarget.value)}
          />
        </Field>
        <LeadDaysField
          id="account-lead-days"
          label={t('officeLeadDays')}
          hint={leadDaysHint}
          error={leadDaysError}
          value={leadDays}
          onInput={setLeadDays}
        />
      </fieldset>
      <div class="actions">
        <button type="submit" class="button-primary">
          {t('accountFormSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('accountFormCancel')}
        </button>
      </div>
    </form>
  );
}
