import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/translate';
import { MAX_OFFSET_DAYS } from '@/utils/store/validation';
import type { Settings } from '@/utils/store/types';
import { described, Field } from './Field';
import { LeadDaysField } from './LeadDaysField';

export type RequestFormValues = Pick<Settings, 'officeLeadDays' | 'requestTemplate'>;

export interface RequestTemplateFormProps {
  settings: RequestFormValues;
  /** Stores the values; throws for a refused one. */
  onSave: (values: RequestFormValues) => Promise<unknown>;
}

type Outcome = 'saved' | 'invalid' | 'failed' | null;

/**
 * For offices: the default lead time to ask clients, and the text of the renewal request. The
 * built-in text is stored as '' so that it follows the pages' language; an edited one is kept as written.
 */
export function RequestTemplateForm({ settings, onSave }: RequestTemplateFormProps) {
  const builtIn = t('requestTemplateDefault');
  const [template, setTemplate] = useState(settings.requestTemplate || builtIn);
  const [leadDays, setLeadDays] = useState(String(settings.officeLeadDays));
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const days = Number(leadDays);
    if (!/^\d+$/.test(leadDays.trim()) || days > MAX_OFFSET_DAYS) return setOutcome('invalid');
    try {
      await onSave({ officeLeadDays: days, requestTemplate: template.trim() === builtIn.trim() ? '' : template });
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    }
  }

  const leadDaysError = outcome === 'invalid' ? t('officeErrorLeadDays', String(MAX_OFFSET_DAYS)) : null;
  const intro = t('requestTemplateIntro');
  const status =
    outcome === 'saved' ? t('optionsSaved') : outcome === 'invalid' ? t('optionsErrorNotSaved') : outcome === 'failed' ? t('storeUnavailable') : '';

  return (
    <form class="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="request-heading">
      <h2 id="request-heading">{t('requestTemplateHeading')}</h2>
      <LeadDaysField id="office-lead-days" label={t('officeLeadDaysSetting')} error={leadDaysError} value={leadDays} onInput={setLeadDays} />
      <Field id="request-template" label={t('requestTemplateLabel')} hint={intro}>
        <textarea
          {...described('request-template', { hint: intro })}
          rows={12}
          value={template}
          onInput={(event) => setTemplate(event.currentTarget.value)}
        />
      </Field>
      <div class="actions">
        <button type="submit" class="button-primary">
          {t('requestTemplateSave')}
        </button>
        <button type="button" onClick={() => setTemplate(builtIn)}>
          {t('requestTemplateReset')}
        </button>
        <p class={outcome === 'saved' ? 'saved' : 'field-error'} role="status">
          {status}
        </p>
      </div>
    </form>
  );
}
