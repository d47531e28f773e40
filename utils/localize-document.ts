import { t, type MessageKey } from './i18n';

/** Sets the page's language and title from the locale in use (the HTML holds only a fallback). */
export function localizeDocument(doc: Document, titleKey: MessageKey): void {
  doc.documentElement.lang = t('langCode');
  doc.title = t(titleKey);
}
