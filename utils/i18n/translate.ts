import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/it/messages.json';

/** A key of the Italian (default) locale file: a typo in a key is a type error. */
export type MessageKey = keyof typeof messages;

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** The languages of the locale files, Italian the default. */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the options may choose: a language, or 'auto', the browser's. */
export const LANGUAGE_CHOICES = ['auto', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Message texts, placeholders unsubstituted, of a language other than the browser's. */
export type Messages = Partial<Record<MessageKey, string>>;

let chosen: Messages = {};

/**
 * Makes t() speak a language chosen in the options rather than the browser's: its texts are
 * looked up here first. The extension pages and the background pass a whole catalog (see
 * catalog.ts); the content script, the few texts the background sends it. `{}` goes back to the
 * browser's own language.
 */
export function setTranslations(messages: Messages): void {
  chosen = messages;
}

/**
 * Chrome's getMessage substitution: $1…$9 are the substitutions (empty when not given), a run of
 * n dollar signs gives n − 1 of them, and any other "$x" is dropped.
 */
export function substitute(template: string, substitutions: string | string[] = []): string {
  const values = ([] as string[]).concat(substitutions);
  return template.replace(/\$(\$+|.?)/gs, (_, next: string) => (next[0] === '$' ? next : (values[Number(next) - 1] ?? '')));
}

/** A t() over the given texts alone (the background's, for a language other than its own). */
export function translator(messages: Messages): Translate {
  return (key, substitutions) => substitute(messages[key] ?? key, substitutions);
}

/** Looks up a user-facing string; falls back to the key so a missing string is visible, not blank. */
export const t: Translate = (key, substitutions) => {
  const text = chosen[key];
  if (text !== undefined) return substitute(text, substitutions);
  return (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions) || key;
};

/** Substitutions that leave $1…$9 in place: what t() then returns is the text to substitute later. */
const NUMBERED = Array.from({ length: 9 }, (_, index) => `$${index + 1}`);

/**
 * A t() that looks each text up once and substitutes it here, as getMessage would: for a loop
 * that says the same few texts many times. The badge's title says a line per mailbox, and for an
 * office's 200 every getMessage call into the browser came to 2–4 ms of the service worker.
 * Exact as long as no text holds a "$$" (a unit test checks every text of both languages).
 */
export function cachedTranslate(): Translate {
  const texts = new Map<MessageKey, string>();
  return (key, substitutions) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = t(key, NUMBERED);
      texts.set(key, text);
    }
    return substitute(text, substitutions);
  };
}
