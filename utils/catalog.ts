import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';
import italian from '../public/_locales/it/messages.json';
import { setTranslations, type Language, type MessageKey, type Messages } from './i18n';
import type { Settings } from './store';

/*
 * Both locale files, bundled into the extension pages and the background so that they can speak
 * the language chosen in the options instead of the browser's. Never import this module into the
 * content script: it runs on every WebMail page, and the background sends it the few texts it
 * needs (content-strings.ts).
 */

type LocaleFile = Record<string, { message: string }>;

const LOCALE_FILES: Record<Language, LocaleFile> = { it: italian, en: english };

/** The language Chrome took from the locale files for this browser: Italian, the default, unless English. */
export function browserLanguage(): Language {
  return browser.i18n.getMessage('langCode') === 'en' ? 'en' : 'it';
}

export function resolveLanguage(setting: Settings['language'], browserLang: Language): Language {
  return setting === 'auto' ? browserLang : setting;
}

/** The texts of `keys` in `language` (every text when no keys are given), as t() takes them. */
export function messagesOf(language: Language, keys?: readonly MessageKey[]): Messages {
  const file = LOCALE_FILES[language];
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
export function applyLanguage(setting: Settings['language']): Language {
  const browserLang = browserLanguage();
  const language = resolveLanguage(setting, browserLang);
  setTranslations(language === browserLang ? {} : messagesOf(language));
  return language;
}
