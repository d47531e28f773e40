import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/send-to-background';
import { clearAll, getSettings, listAccounts, saveSettings, type Settings, type StoreDb } from '@/utils/store';
import { ReminderSettingsForm, type ReminderFormValues } from './ReminderSettingsForm';
import { ResetEverything } from './ResetEverything';

/** The options page. Like the popup it reads the store directly and tells the background after writes. */
export function Options({ db }: { db: StoreDb }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [accountCount, setAccountCount] = useState(0);
  // A reset gives the settings form fresh state: it must show the defaults, not what was typed.
  const [generation, setGeneration] = useState(0);

  async function load() {
    const [stored, accounts] = await Promise.all([getSettings(db), listAccounts(db)]);
    setSettings(stored);
    setAccountCount(accounts.length);
  }

  useEffect(() => void load(), [db]);

  async function save(partial: ReminderFormValues): Promise<ReminderFormValues> {
    const saved = await saveSettings(db, partial);
    await sendToBackground({ type: 'settings-changed' });
    return saved;
  }

  async function reset() {
    await clearAll(db);
    await sendToBackground({ type: 'accounts-changed' });
    await load();
    setGeneration((n) => n + 1);
  }

  return (
    <main class="page options">
      <h1>{t('optionsHeading')}</h1>
      <p class="muted">{t('optionsIntro')}</p>
      {settings && (
        <>
          <ReminderSettingsForm key={generation} settings={settings} onSave={save} />
          <ResetEverything accountCount={accountCount} onReset={reset} />
        </>
      )}
    </main>
  );
}
