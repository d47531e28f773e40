import { t, type MessageKey } from './translate';

/** Sets the page's language and title from the locale in use (the HTML holds only a fallback). */
export function localizeDocument(doc: Document, titleKey: MessageKey): void {
  // Setting the language, even to the same one, makes the browser restyle the whole page.
  const lang = t('langCode');
  if (doc.documentElement.lang !== lang) doc.documentElement.lang = lang;
  doc.title = t(titleKey);
}
