import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { localizeDocument } from '@/utils/localize-document';

localizeDocument(document, 'popupTitle');
render(<Popup />, document.getElementById('app')!);
