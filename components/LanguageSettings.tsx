import { useState } from 'preact/hooks';
import { t, type LanguageChoice, type MessageKey } from '@/utils/i18n/translate';

type LanguageSetting = LanguageChoice;

/** Each language named in itself, as language menus do; "automatic" in the language in use. */
const CHOICES: readonly { value: LanguageSetting; key: MessageKey; lang?: string }[] = [
  { value: 'auto', key: 'optionsLanguageAuto' },
  { value: 'it', key: 'languageItalian', lang: 'it' },
  { value: 'en', key: 'languageEnglish', lang: 'en' },
];

export interface LanguageSettingsProps {
  language: LanguageSetting;
  /** Stores the choice; the page then speaks it. */
  onSave: (language: LanguageSetting) => Promise<void>;
}

/** The language of the extension's pages, notifications and in-page guide: the browser's, or chosen. */
export function LanguageSettings({ language, onSave }: LanguageSettingsProps) {
  const [choice, setChoice] = useState(language);
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    try {
      await onSave(choice);
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguageHeading')}</h2>
      <div class="field">
        <label for="language">{t('optionsLanguage')}</label>
        <select
          id="language"
          aria-describedby="language-hint"
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value as LanguageSetting)}
        >
          {CHOICES.map(({ value, key, lang }) => (
            <option key={value} value={value} lang={lang}>
              {t(key)}
            </option>
          ))}
        </select>
        <p class="hint" id="language-hint">
          {t('optionsLanguageHint')}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="button-primary">
          {t('optionsLanguageSave')}
        </button>
        <p class={outcome === 'failed' ? 'field-error' : 'saved'} role="status">
          {outcome === 'saved' ? t('optionsLanguageSaved') : outcome === 'failed' ? t('storeUnavailable') : ''}
        </p>
      </div>
    </form>
  );
}
