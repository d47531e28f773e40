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

/*
 * The browser's texts, one getMessage call per key: each call costs about 10 µs (the extension
 * API checks its arguments), and the popup's 200 rows asked for the same dozen texts 2,400 times
 * (issue 17). The browser's language does not change under a page. getMessage is asked once with
 * stand-ins for $1…$9 (private-use characters, in no text: a unit test checks), which it places
 * as it places substitutions ("$$" and any other "$x" already resolved); t() then puts the
 * values in their place, in one pass, as getMessage would.
 */
const SLOT_BASE = 0xe001;
const SLOTS = Array.from({ length: 9 }, (_, index) => String.fromCharCode(SLOT_BASE + index));
const SLOT = /[\ue001-\ue009]/g;
const browserTexts = new Map<MessageKey, string>();

function browserText(key: MessageKey): string {
  let text = browserTexts.get(key);
  if (text === undefined) {
    text = (browser.i18n.getMessage as (k: string, s: string[]) => string)(key, SLOTS);
    browserTexts.set(key, text);
  }
  return text;
}

/**
 * Makes t() speak a language chosen in the options rather than the browser's: its texts are
 * looked up here first. The extension pages and the background pass a whole catalog (see
 * catalog.ts); the content script, the few texts the background sends it. `{}` goes back to the
 * browser's own language.
 */
export function setTranslations(messages: Messages): void {
  chosen = messages;
  // A fresh start for the browser's texts too (the unit tests switch the fake browser's language).
  browserTexts.clear();
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
  const values = ([] as string[]).concat(substitutions ?? []);
  return browserText(key).replace(SLOT, (slot) => values[slot.charCodeAt(0) - SLOT_BASE] ?? '') || key;
};
