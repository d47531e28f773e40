import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { DueList } from '@/components/DueList';
import { Popup } from '@/components/Popup';
import { addDays, formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { getAccount, listAccounts, saveAccount } from '@/utils/store/accounts';
import { getSettings } from '@/utils/store/settings';
import type { Account } from '@/utils/store/types';
import { openStore, type StoreDb } from '@/utils/store/schema';
import { manualAccount } from './accounts';
import { button, byLabel, click, mount, type } from './render';
import { serveBackground } from './test-store';

const today = () => localToday(new Date());

function account(address: string, daysLeft: number, overrides: Partial<Account> = {}): Account {
  return manualAccount(address, { expiry: addDays(today(), daysLeft), ...overrides });
}

let db: StoreDb;

beforeEach(async () => {
  db = await openStore(crypto.randomUUID());
  serveBackground(db);
});

describe('Popup, for an office', () => {
  it('shows the client and a mailto: request that marks the account asked', async () => {
    await saveAccount(db, account('bar@pec.it', 8, { owner: 'Bar <b>Sport</b>', contact: 'mario@example.com' }));
    await saveAccount(db, account('mia@pec.it', 30));
    const root = await mount(<Popup db={db} />);
    await vi.waitFor(() => expect(root.querySelector('.account-owner')?.textContent).toBe('Bar <b>Sport</b>'));
    expect(root.querySelector('b')).toBeNull();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')];
    // Only the office's account: a mailbox of one's own has no client to ask.
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('aria-label')).toBe('Chiedi il rinnovo al cliente per bar@pec.it');
    expect(decodeURIComponent(links[0]!.href)).toContain(`scade il ${formatItalianDate(addDays(today(), 8))} (tra 8 giorni)`);
    expect(root.querySelector('.request-status')?.textContent).toBe('Rinnovo non ancora chiestoDa chiedere ora');
    expect(links[0]!.className).toContain('button-primary');
    links[0]!.addEventListener('click', (event) => event.preventDefault());
    await click(links[0]!);
    await vi.waitFor(async () => expect((await getAccount(db, 'bar@pec.it'))?.request.state).toBe('asked'));
    await vi.waitFor(() => expect(root.textContent).toContain(`Rinnovo chiesto il ${formatItalianDate(today())}`));
  });

  it('the due list says so when the request cannot be marked asked (issue 16)', async () => {
    serveBackground(db, (message) => (message.type === 'mark-renewal-asked' ? { ok: false, error: 'store-unavailable' } : undefined));
    await saveAccount(db, account('bar@pec.it', 8, { owner: 'Bar Sport', contact: 'mario@example.com' }));
    const root = await mount(<DueList db={db} />);
    await vi.waitFor(() => expect(root.querySelector('a[href^="mailto:"]')).not.toBeNull());
    const link = root.querySelector<HTMLAnchorElement>('a[aria-label="Chiedi il rinnovo al cliente per Bar Sport"]')!;
    link.addEventListener('click', (event) => event.preventDefault());
    await click(link);
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('Impossibile leggere i dati salvati'));
    expect((await getAccount(db, 'bar@pec.it'))?.request.state).toBe('not-asked');
  });

  it('edits owner, contact and lead days in the account form, and refuses a bad contact', async () => {
    await saveAccount(db, account('bar@pec.it', 8));
    const root = await mount(<Popup db={db} />);
    await vi.waitFor(() => button(root, 'Modifica bar@pec.it'));
    await click(button(root, 'Modifica bar@pec.it'));
    expect(root.querySelector('#account-lead-days-hint')?.textContent).toBe('Vuoto: 10 giorni, come nelle opzioni.');
    await type(byLabel(root, 'Cliente'), ' Bar Sport ');
    await type(byLabel(root, 'E-mail del cliente'), 'mario');
    await type(byLabel(root, 'Giorni di anticipo per chiedere il rinnovo'), '12');
    await click(button(root, 'Salva'));
    expect(byLabel(root, 'E-mail del cliente').getAttribute('aria-invalid')).toBe('true');
    await type(byLabel(root, 'E-mail del cliente'), 'mario@example.com');
    await click(button(root, 'Salva'));
    await vi.waitFor(async () =>
      expect(await getAccount(db, 'bar@pec.it')).toMatchObject({ owner: 'Bar Sport', contact: 'mario@example.com', leadDays: 12 }),
    );
  });
});

describe('Options, for an office', () => {
  async function options(): Promise<HTMLElement> {
    const root = await mount(<Options db={db} />);
    await vi.waitFor(() => byLabel(root, 'Testo della richiesta'));
    return root;
  }

  it('saves the lead days and an edited template; the built-in text is stored as empty', async () => {
    const root = await options();
    const template = byLabel<HTMLTextAreaElement>(root, 'Testo della richiesta');
    expect(template.value).toContain('Gentile {cliente}');
    await type(byLabel(root, 'Giorni di anticipo predefiniti per chiedere il rinnovo'), '7');
    await click(button(root, 'Salva la richiesta'));
    await vi.waitFor(async () => expect(await getSettings(db)).toMatchObject({ officeLeadDays: 7, requestTemplate: '' }));
    await type(template, 'Ciao {cliente}');
    await click(button(root, 'Salva la richiesta'));
    await vi.waitFor(async () => expect((await getSettings(db)).requestTemplate).toBe('Ciao {cliente}'));
    await click(button(root, 'Ripristina il testo predefinito'));
    expect(template.value).toContain('Gentile {cliente}');
  });

  it('imports a CSV only once confirmed, reporting bad rows by line', async () => {
    const root = await options();
    const input = byLabel(root, 'File CSV');
    const csv = '\uFEFFcasella;cliente;e-mail;scadenza\r\nbar@pec.it;Bar Sport;mario@example.com;15/02/2027\r\nnon valida;X;;\r\n';
    Object.defineProperty(input, 'files', { value: [new File([csv], 'clienti.csv', { type: 'text/csv' })], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('#csv-import-heading')?.closest('section')?.textContent).toContain('Righe scartate: 1'));
    expect(root.textContent).toContain('Riga 3: «non valida» non è un indirizzo PEC.');
    expect(await listAccounts(db)).toEqual([]);
    await click(button(root, 'Importa'));
    await vi.waitFor(async () =>
      expect(await getAccount(db, 'bar@pec.it')).toMatchObject({ owner: 'Bar Sport', contact: 'mario@example.com', expiry: '2027-02-15' }),
    );
  });

  it('names the first 20 bad rows, each cell quoted short, then says how many more', async () => {
    const root = await options();
    const input = byLabel(root, 'File CSV');
    const long = `non valida ${'x'.repeat(500)}`;
    const bad = Array.from({ length: 25 }, (_, index) => `${long}${index};X;;`).join('\r\n');
    const csv = `casella;cliente;e-mail;scadenza\r\nbar@pec.it;Bar Sport;;\r\n${bad}\r\n`;
    Object.defineProperty(input, 'files', { value: [new File([csv], 'clienti.csv', { type: 'text/csv' })], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const section = () => root.querySelector('#csv-import-heading')?.closest('section');
    await vi.waitFor(() => expect(section()?.textContent).toContain('Righe scartate: 25'));
    const notes = [...section()!.querySelectorAll('[role=alert] li')].map((item) => item.textContent);
    expect(notes).toHaveLength(21);
    expect(notes[0]).toBe(`Riga 3: «${long.slice(0, 39)}…» non è un indirizzo PEC.`);
    expect(notes[20]).toBe('… e altre 5 righe scartate.');
    expect(section()!.textContent).not.toContain(long);
  });
});
