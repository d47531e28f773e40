import { render } from 'preact';
import '@/components/base.css';
import './style.css';
import { Popup } from '@/components/Popup';
import { StoreUnavailable } from '@/components/StoreUnavailable';
import { localizeDocument } from '@/utils/localize-document';
import { openStore } from '@/utils/store';

localizeDocument(document, 'popupTitle');
const app = document.getElementById('app')!;
openStore().then(
  (db) => render(<Popup db={db} />, app),
  () => render(<StoreUnavailable titleKey="popupTitle" />, app),
);
