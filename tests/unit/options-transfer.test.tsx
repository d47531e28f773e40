import ICAL from 'ical.js';
import Papa from 'papaparse';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { buildBackup, MAX_BACKUP_BYTES } from '@/utils/transfer/backup-format';
import { DEFAULT_SETTINGS, type Account } from '@/utils/store/types';
import { exportAll } from '@/utils/store/transfer';
import { getSettings } from '@/utils/store/settings';
import { listAccounts, recordCapture, saveAccount } from '@/utils/store/accounts';
import { openStore, type StoreDb } from '@/utils/store/schema';
import { button, byLabel, click, mount } from './render';
import { serveBackground, type SentMessage } from './test-store';
import { manualAccount } from './accounts';

let db: StoreDb;
let sent: SentMessage[];
let downloads: { name: string; text: Promise<string>; type: string }[];

function account(address: string, overrides: Partial<Account> = {}): Account {
  return manualAccount(address, { expiry: '2027-02-15', ...overrides });
}

beforeEach(async () => {
  db = await openStore(crypto.randomUUID());
  downloads = [];
  sent = serveBackground(db);
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    downloads.push({ name: this.download, text: blob.text(), type: blob.type });
  });
});

async function options(): Promise<HTMLElement> {
  const root = await mount(<Options db={db} />);
  await vi.waitFor(() => byLabel(root, 'File di backup (JSON)'));
  return root;
}

/** Chooses a file in the file input, as the browser's file picker does. */
async function chooseFile(root: HTMLElement, content: string | Blob, name = 'backup.json') {
  const input = byLabel(root, 'File di backup (JSON)');
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The element, once rendered: waitFor retries until it is there. */
function find<T extends Element = HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

const backupText = (accounts: Account[], settings = DEFAULT_SETTINGS) =>
  JSON.stringify(buildBackup({ accounts, renewals: [], settings }, new Date('2026-11-23T10:00:00Z')));

describe('Options → Export', () => {
  beforeEach(async () => {
    await recordCapture(db, { address: 'studio.rossi@pec.it', expiry: '2027-02-15', capturedAt: 5, source: 'webmail-dialog', pageUrl: null });
    await saveAccount(db, account('fatture@pec.studio.it', { label: 'Fatture; «Bianchi»', expiry: null }));
  });

  it('downloads a JSON backup that imports back as it was', async () => {
    const root = await options();
    await click(button(root, 'Backup (JSON)'));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const [file] = downloads;
    expect(file!.name).toMatch(/^pec-password-assistant-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file!.type).toBe('application/json');
    const backup = JSON.parse(await file!.text);
    expect(backup).toMatchObject({ format: 'pec-password-assistant', version: 4, settings: DEFAULT_SETTINGS });
    expect(backup.accounts.map((a: Account) => a.address).sort()).toEqual(['fatture@pec.studio.it', 'studio.rossi@pec.it']);
    expect(root.querySelector('#export-heading')?.closest('section')?.querySelector('[role=status]')?.textContent).toBe(
      `File scaricato: ${file!.name}`,
    );
  });

  it('downloads a CSV for spreadsheets and a calendar', async () => {
    const root = await options();
    await click(button(root, 'Foglio di calcolo (CSV)'));
    await click(button(root, 'Calendario (.ics)'));
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    const [csv, ics] = downloads;
    expect(csv!.type).toBe('text/csv;charset=utf-8');
    const rows = Papa.parse<string[]>((await csv!.text).replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.map((row) => row[0])).toEqual(['address', 'studio.rossi@pec.it', 'fatture@pec.studio.it']);
    expect(ics!.name).toMatch(/\.ics$/);
    const events = new ICAL.Component(ICAL.parse(await ics!.text)).getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual(['studio.rossi%40pec.it@pec-password-assistant']);
  });

  it('says so when no expiry is known for a calendar', async () => {
    const empty = await openStore(crypto.randomUUID());
    db = empty;
    const root = await options();
    await click(button(root, 'Calendario (.ics)'));
    await vi.waitFor(() => expect(root.textContent).toContain('Nessuna scadenza da mettere in calendario.'));
    expect(downloads).toEqual([]);
  });
});

describe('Options → Import', () => {
  beforeEach(async () => {
    await saveAccount(db, account('kept@pec.it', { label: 'Solo qui' }));
    await saveAccount(db, account('renewed@pec.it', { expiry: '2026-12-01' }));
  });

  it('shows what would change, and changes nothing when not confirmed', async () => {
    const root = await options();
    const before = await exportAll(db);
    const hostile = '<img src=x onerror="document.title=`pwned`">';
    await chooseFile(
      root,
      backupText(
        [
          account('new@pec.it', { label: hostile }),
          account('renewed@pec.it', { expiry: '2027-03-01', capturedAt: 9 }),
          account('kept@pec.it', { label: 'Solo qui' }),
        ],
        {
          ...DEFAULT_SETTINGS,
          hour: 18,
        },
      ),
      'studio.json',
    );
    const preview = await vi.waitFor(() => find(root, '[role=group][aria-labelledby=import-preview-heading]'));
    expect(preview.querySelector('h3')?.textContent).toBe('Cosa cambia importando «studio.json»');
    // The preview takes the focus in an effect, after the render that waitFor saw.
    await vi.waitFor(() => expect(document.activeElement).toBe(preview));
    const text = preview.textContent;
    expect(text).toContain('Caselle nuove: 1');
    expect(text).toContain(`${hostile} (new@pec.it) — scadenza 15/02/2027`);
    expect(text).toContain('Caselle aggiornate: 1');
    expect(text).toContain('renewed@pec.it — scadenza 01/12/2026 → 01/03/2027');
    expect(text).toContain('Caselle invariate: 1');
    expect(text).toContain('ora: promemoria 14, 7, 3, 1, 0 giorni prima alle 09:00');
    expect(text).toContain("dopo l'importazione: promemoria 14, 7, 3, 1, 0 giorni prima alle 18:00");
    // Labels are text: the hostile one made no element.
    expect(root.querySelector('img')).toBeNull();

    await click(button(root, 'Non importare'));
    expect(root.textContent).toContain('Importazione annullata: nessun dato è cambiato.');
    expect(document.activeElement).toBe(byLabel(root, 'File di backup (JSON)'));
    expect(await exportAll(db)).toEqual(before);
    expect(sent).toEqual([]);
  });

  it('applies what it showed when confirmed, and tells the background', async () => {
    const root = await options();
    await chooseFile(
      root,
      backupText([account('new@pec.it'), account('renewed@pec.it', { expiry: '2027-03-01', capturedAt: 9 })], {
        ...DEFAULT_SETTINGS,
        offsets: [30, 7],
      }),
    );
    await vi.waitFor(() => button(root, 'Importa'));
    await click(button(root, 'Importa'));
    await vi.waitFor(() => expect(root.textContent).toContain('Importazione completata: caselle nuove 1, aggiornate 1.'));
    expect((await listAccounts(db)).map((a) => [a.address, a.expiry]).sort()).toEqual([
      ['kept@pec.it', '2027-02-15'],
      ['new@pec.it', '2027-02-15'],
      ['renewed@pec.it', '2027-03-01'],
    ]);
    expect((await getSettings(db)).offsets).toEqual([30, 7]);
    // The settings form shows the imported offsets.
    expect(byLabel(root, 'Giorni prima della scadenza').value).toBe('30, 7');
    expect(sent.map((message) => message.type)).toEqual(['apply-import']);
  });

  it('an imported language takes effect at once', async () => {
    const root = await options();
    await chooseFile(root, backupText([], { ...DEFAULT_SETTINGS, language: 'en' }));
    await vi.waitFor(() => expect(root.textContent).toContain('lingua: English'));
    await click(button(root, 'Importa'));
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Settings'));
  });

  it.each([
    ['a truncated file', backupText([account('x@pec.it')]).slice(0, 120), 'Il file non è JSON valido: forse è incompleto o danneggiato.'],
    ['another program’s JSON', '{"name":"package","version":"1.0.0"}', 'Il file non è un backup di Promemoria password PEC.'],
    ['a newer format', backupText([]).replace('"version":4', '"version":5'), 'Il backup è nel formato versione 5'],
    ['a bad address', backupText([account('not an address')]), 'Il backup contiene un indirizzo PEC non valido: «not an address».'],
    ['a bad date', backupText([account('x@pec.it', { expiry: '2027-02-31' })]), 'Il backup contiene una data non valida: «2027-02-31»'],
    ['a prototype-pollution key', backupText([]).replace('{', '{"__proto__":{"x":1},'), 'Il file contiene un campo non ammesso («__proto__»)'],
    ['a huge file', new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]), 'Il file supera i 5 MB'],
  ])('rejects %s with its message, and changes nothing', async (_, content, message) => {
    const root = await options();
    const before = await exportAll(db);
    await chooseFile(root, content);
    const alert = await vi.waitFor(() => find(root, '[role=alert]'));
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('Nessun dato è stato cambiato.');
    expect(root.querySelector('[aria-labelledby=import-preview-heading]')).toBeNull();
    expect(await exportAll(db)).toEqual(before);
    expect(sent).toEqual([]);
  });
});
