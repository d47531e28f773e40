import { render, type ComponentChild } from 'preact';
import '@/components/base.css';
import './style.css';
import { Popup, loadPopupData } from '@/components/Popup';
import { StoreUnavailable } from '@/components/StoreUnavailable';
import { localizeDocument } from '@/utils/i18n/localize-document';
import { openStoreReading } from '@/utils/extension/page-store';

const app = document.getElementById('app')!;
const show = (page: ComponentChild) => {
  localizeDocument(document, 'popupTitle');
  render(page, app);
};
openStoreReading(loadPopupData).then(
  // Read before the first render, with the settings: 200 accounts drawn at once, not an empty popup and a second pass.
  ({ db, data }) => show(<Popup db={db} initial={data} />),
  () => show(<StoreUnavailable titleKey="popupTitle" />),
);
