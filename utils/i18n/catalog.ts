import { browser } from 'wxt/browser';
import { setTranslations, type Language, type LanguageChoice, type MessageKey, type Messages } from './translate';

/*
 * Both locale files, for the extension pages and the background to speak the language chosen in
 * the options instead of the browser's. Each is loaded the first time it is asked for: a page in
 * the browser's language (getMessage speaks it) never parses 50 KB of texts, and the popup opens
 * sooner. Never import this module into the content script: it runs on every WebMail page, and
 * the background sends it the few texts it needs (content-strings.ts).
 */

type LocaleFile = Record<string, { message: string }>;

const LOCALE_FILES: Record<Language, () => Promise<LocaleFile>> = {
  it: () => import('../../public/_locales/it/messages.json').then((file) => file.default),
  en: () => import('../../public/_locales/en/messages.json').then((file) => file.default),
};

/** The language Chrome took from the locale files for this browser: Italian, the default, unless English. */
export function browserLanguage(): Language {
  return browser.i18n.getMessage('langCode') === 'en' ? 'en' : 'it';
}

export function resolveLanguage(setting: LanguageChoice, browserLang: Language): Language {
  return setting === 'auto' ? browserLang : setting;
}

/** The texts of `keys` in `language` (every text when no keys are given), as t() takes them. */
export async function messagesOf(language: Language, keys?: readonly MessageKey[]): Promise<Messages> {
  const file = await LOCALE_FILES[language]();
  const messages: Messages = {};
  for (const key of keys ?? (Object.keys(file) as MessageKey[])) {
    if (Object.hasOwn(file, key)) messages[key] = file[key]!.message;
  }
  return messages;
}

/**
 * Makes t() speak the language of the setting, and returns it. The browser's own language needs
 * no catalog: getMessage already speaks it.
 */
export async function applyLanguage(setting: LanguageChoice): Promise<Language> {
  const browserLang = browserLanguage();
  const language = resolveLanguage(setting, browserLang);
  setTranslations(language === browserLang ? {} : await messagesOf(language));
  return language;
}
