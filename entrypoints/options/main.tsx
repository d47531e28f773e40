import { render } from 'preact';
import { Options } from '@/components/Options';
import { localizeDocument } from '@/utils/localize-document';

localizeDocument(document, 'optionsTitle');
render(<Options />, document.getElementById('app')!);
