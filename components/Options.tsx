import { useEffect, useState } from 'preact/hooks';
import { applyLanguage } from '@/utils/i18n/catalog';
import { t, type LanguageChoice } from '@/utils/i18n/translate';
import { localizeDocument } from '@/utils/i18n/localize-document';
import { writeStore } from '@/utils/messaging/send-to-background';
import { getSettings } from '@/utils/store/settings';
import { listAccounts } from '@/utils/store/accounts';
import type { Settings } from '@/utils/store/types';
import type { StoreDb } from '@/utils/store/schema';
import { ExportData } from './ExportData';
import { ImportBackup } from './ImportBackup';
import { ImportCsv } from './ImportCsv';
import { LanguageSettings } from './LanguageSettings';
import { OpenDueList } from './OpenDueList';
import { ReminderSettingsForm, type ReminderFormValues } from './ReminderSettingsForm';
import { RequestTemplateForm, type RequestFormValues } from './RequestTemplateForm';
import { ResetEverything } from './ResetEverything';

/** The options page. Like the popup it reads the store directly and tells the background after writes. */
export function Options({ db }: { db: StoreDb }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [accountCount, setAccountCount] = useState(0);
  // A reset or an import gives the settings forms fresh state: they must show what is stored now.
  const [generation, setGeneration] = useState(0);

  /** Re-reads the store; the page follows a language that a reset or an import changed. */
  async function load() {
    const [stored, accounts] = await Promise.all([getSettings(db), listAccounts(db)]);
    await applyLanguage(stored.language);
    localizeDocument(document, 'optionsTitle');
    setSettings(stored);
    setAccountCount(accounts.length);
  }

  useEffect(() => void load(), [db]);

  // Settings are written by the background, which re-plans badge and reminders after each write.
  function save(partial: ReminderFormValues): Promise<ReminderFormValues> {
    return writeStore('save-settings', { settings: partial });
  }

  async function saveRequest(values: RequestFormValues) {
    await writeStore('save-settings', { settings: values });
  }

  async function saveLanguage(language: LanguageChoice) {
    await writeStore('save-settings', { settings: { language } });
    await load();
  }

  /** After a reset or an import: fresh forms. */
  async function reload() {
    await load();
    setGeneration((n) => n + 1);
  }

  async function reset() {
    await writeStore('clear-all', {});
    await reload();
  }

  return (
    <main class="page options">
      <h1>{t('optionsHeading')}</h1>
      <p class="muted">{t('optionsIntro')}</p>
      <div class="actions">
        <OpenDueList />
      </div>
      {settings && (
        <>
          <ReminderSettingsForm key={`reminders-${generation}`} settings={settings} onSave={save} />
          <RequestTemplateForm key={`request-${generation}-${settings.language}`} settings={settings} onSave={saveRequest} />
          <LanguageSettings key={`language-${generation}`} language={settings.language} onSave={saveLanguage} />
          <ExportData db={db} />
          <ImportBackup db={db} onImported={reload} />
          <ImportCsv db={db} onImported={reload} />
          <ResetEverything accountCount={accountCount} onReset={reset} />
        </>
      )}
    </main>
  );
}
