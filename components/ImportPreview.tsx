import { useEffect, useRef } from 'preact/hooks';
import { formatItalianDate, type IsoDate } from '@/utils/dates/calendar-date';
import { t, type LanguageChoice, type MessageKey } from '@/utils/i18n/translate';
import type { ImportPlan } from '@/utils/transfer/import-plan';
import { formatOffsets } from '@/utils/reminders/offsets-text';
import type { Account, Settings } from '@/utils/store/types';
import { mailboxName } from '@/utils/store/unnamed-mailbox';

const LANGUAGE_KEYS: Record<LanguageChoice, MessageKey> = {
  auto: 'optionsLanguageAuto',
  it: 'languageItalian',
  en: 'languageEnglish',
};

const expiryText = (expiry: IsoDate | null) => (expiry ? formatItalianDate(expiry) : t('importExpiryUnknown'));
/** The label the user gave, with the address; labels are shown as text, whatever they contain. */
function nameOf(account: Account): string {
  const mailbox = mailboxName(t, account.address);
  return account.label ? `${account.label} (${mailbox})` : mailbox;
}

function settingsText(settings: Settings): string {
  return t('importSettingsSummary', [
    formatOffsets(settings.offsets),
    `${String(settings.hour).padStart(2, '0')}:00`,
    t(settings.quietChip ? 'importYes' : 'importNo'),
    t(LANGUAGE_KEYS[settings.language]),
    t(settings.namesInNotifications ? 'importYes' : 'importNo'),
  ]);
}

function Group({ title, lines }: { title: string; lines: string[] }) {
  return (
    <li>
      {title}
      {lines.length > 0 && (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export interface ImportPreviewProps {
  fileName: string;
  plan: ImportPlan;
  onApply: () => void;
  onCancel: () => void;
}

/** What importing the chosen backup would change, before anything is stored. */
export function ImportPreview({ fileName, plan, onApply, onCancel }: ImportPreviewProps) {
  const group = useRef<HTMLDivElement>(null);
  // The preview takes the focus so that a screen reader reads it before the buttons.
  useEffect(() => group.current?.focus(), []);
  const { added, updated, unchanged, newerHere, settings } = plan;
  const changes = added.length + updated.length + (settings ? 1 : 0) + plan.renewals.length;

  return (
    <div ref={group} class="import-preview" role="group" aria-labelledby="import-preview-heading" tabIndex={-1}>
      <h3 id="import-preview-heading">{t('importPreviewHeading', fileName)}</h3>
      <ul>
        <Group title={t('importAdded', String(added.length))} lines={added.map((a) => t('importAccountLine', [nameOf(a), expiryText(a.expiry)]))} />
        <Group
          title={t('importUpdated', String(updated.length))}
          lines={updated.map(({ before, after }) =>
            before.expiry === after.expiry
              ? t('importAccountDetailsChanged', nameOf(after))
              : t('importAccountExpiryChanged', [nameOf(after), expiryText(before.expiry), expiryText(after.expiry)]),
          )}
        />
        <Group title={t('importUnchanged', String(unchanged.length))} lines={[]} />
        {newerHere.length > 0 && (
          <Group
            title={t('importNewerHere', String(newerHere.length))}
            lines={newerHere.map(({ here, inBackup }) =>
              t('importNewerHereLine', [nameOf(here), expiryText(here.expiry), expiryText(inBackup.expiry)]),
            )}
          />
        )}
        {plan.renewals.length > 0 && <Group title={t('importRenewals', String(plan.renewals.length))} lines={[]} />}
        <Group
          title={settings ? t('importSettingsChanged') : t('importSettingsSame')}
          lines={settings ? [t('importSettingsBefore', settingsText(settings.before)), t('importSettingsAfter', settingsText(settings.after))] : []}
        />
      </ul>
      {changes === 0 && <p>{t('importNothing')}</p>}
      <div class="actions">
        <button type="button" class="button-primary" onClick={onApply} disabled={changes === 0}>
          {t('importApply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
