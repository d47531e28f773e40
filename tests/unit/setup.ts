import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import italian from '../../public/_locales/it/messages.json';

type Catalog = Record<string, { message: string }>;

/** The fake browser has no i18n: answer from the Italian (default) locale file, as Chrome would. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (italian as Catalog)[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'it';
});
