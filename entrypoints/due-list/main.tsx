import { render, type ComponentChild } from 'preact';
import '@/components/base.css';
import './style.css';
import { DueList } from '@/components/DueList';
import { StoreUnavailable } from '@/components/StoreUnavailable';
import { localizeDocument } from '@/utils/i18n/localize-document';
import { openStoreForPage } from '@/utils/extension/page-store';

const app = document.getElementById('app')!;
const show = (page: ComponentChild) => {
  localizeDocument(document, 'dueListTitle');
  render(page, app);
};
openStoreForPage().then(
  (db) => show(<DueList db={db} />),
  () => show(<StoreUnavailable titleKey="dueListHeading" />),
);
