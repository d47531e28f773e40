import { render, type ComponentChild } from 'preact';
import '@/components/base.css';
import './style.css';
import { Popup } from '@/components/Popup';
import { StoreUnavailable } from '@/components/StoreUnavailable';
import { localizeDocument } from '@/utils/localize-document';
import { openStoreForPage } from '@/utils/page-store';

const app = document.getElementById('app')!;
const show = (page: ComponentChild) => {
  localizeDocument(document, 'popupTitle');
  render(page, app);
};
openStoreForPage().then(
  (db) => show(<Popup db={db} />),
  () => show(<StoreUnavailable titleKey="popupTitle" />),
);
