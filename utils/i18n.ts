import { browser } from 'wxt/browser';
import type messages from '../public/_locales/it/messages.json';

/** A key of the Italian (default) locale file: a typo in a key is a type error. */
export type MessageKey = keyof typeof messages;

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** Looks up a user-facing string; falls back to the key so a missing string is visible, not blank. */
export const t: Translate = (key, substitutions) =>
  (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions) || key;
