import { render } from 'preact';
import '@/components/base.css';
import './style.css';
import { Options } from '@/components/Options';
import { StoreUnavailable } from '@/components/StoreUnavailable';
import { localizeDocument } from '@/utils/localize-document';
import { openStore } from '@/utils/store';

localizeDocument(document, 'optionsTitle');
const app = document.getElementById('app')!;
openStore().then(
  (db) => render(<Options db={db} />, app),
  () => render(<StoreUnavailable titleKey="optionsHeading" />, app),
);
