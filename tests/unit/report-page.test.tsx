import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReportPage } from '@/components/ReportPage';
import { formatOutline, type PageOutline } from '@/utils/page/outline';
import { button, byLabel, click, mount } from './render';

const OUTLINE: PageOutline = {
  format: 'pec-page-outline',
  version: 1,
  host: 'webmail.pec.it',
  path: '/settings',
  headings: ['Account'],
  clickables: [{ role: 'link', label: 'Sicurezza e password' }],
};

let executeScript: ReturnType<typeof vi.fn>;
let writeText: ReturnType<typeof vi.fn>;

/** The popup opened over a tab showing `url`. */
function overTab(url: string) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: 7, url, active: true }]);
}

beforeEach(() => {
  executeScript = vi.fn(async () => [{ frameId: 0, result: OUTLINE }]);
  fakeBrowser.scripting.executeScript = executeScript as unknown as typeof fakeBrowser.scripting.executeScript;
  writeText = vi.fn(async () => undefined);
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
});

async function report(): Promise<HTMLElement> {
  const root = await mount(<ReportPage />);
  await vi.waitFor(() => expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true }));
  return root;
}

describe('ReportPage', () => {
  it.each(['https://example.com/', 'http://webmail.pec.it/', 'chrome://extensions/', 'https://www.startpec.it/it/prodotti'])(
    'offers nothing over %s',
    async (url) => {
      overTab(url);
      const root = await report();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(root.textContent).toBe('');
    },
  );

  it('over an Aruba page, shows exactly what it copies, then copies it', async () => {
    overTab('https://webmail.pec.it/settings?lang=it');
    const root = await report();
    await vi.waitFor(() => button(root, 'Segnala questa pagina'));
    expect(executeScript).not.toHaveBeenCalled();

    await click(button(root, 'Segnala questa pagina'));
    await vi.waitFor(() => byLabel<HTMLTextAreaElement>(root, 'Testo che verrà copiato'));
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/page-outline.js'] });
    const preview = byLabel<HTMLTextAreaElement>(root, 'Testo che verrà copiato');
    expect(preview.value).toBe(formatOutline(OUTLINE));
    expect(preview.readOnly).toBe(true);
    // The preview takes the focus in an effect, after the render that waitFor saw.
    await vi.waitFor(() => expect(document.activeElement).toBe(preview));
    expect(root.textContent).toContain("invialo a chi mantiene l'estensione");

    await click(button(root, 'Copia'));
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toBe('Copiato negli appunti.'));
    expect(writeText).toHaveBeenCalledWith(formatOutline(OUTLINE));
  });

  it('while the new password is on screen, says to close its window first and shows nothing', async () => {
    overTab('https://gestionemail.pec.it/verifica-in-2-passaggi');
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: { refused: 'password-shown' } }]);
    const root = await report();
    await vi.waitFor(() => button(root, 'Segnala questa pagina'));
    await click(button(root, 'Segnala questa pagina'));
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toContain('Chiudi prima la finestra con la nuova password'));
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('says so when the page cannot be read or the clipboard refuses', async () => {
    overTab('https://account.aruba.it/pec');
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const root = await report();
    await vi.waitFor(() => button(root, 'Segnala questa pagina'));
    await click(button(root, 'Segnala questa pagina'));
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toBe('Impossibile leggere questa pagina: ricaricala e riprova.'));

    await click(button(root, 'Segnala questa pagina'));
    await vi.waitFor(() => button(root, 'Copia'));
    writeText.mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    await click(button(root, 'Copia'));
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toBe('Copia non riuscita: seleziona il testo e copialo a mano.'));
  });
});
