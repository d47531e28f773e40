import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { addDays, formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { addUnnamedMailbox, getAccount, listAccounts, recordCapture, saveAccount } from '@/utils/store/accounts';
import type { Account } from '@/utils/store/types';
import { openStore, type StoreDb } from '@/utils/store/schema';
import { button, byLabel, click, mount, type } from './render';
import { serveBackground, type SentMessage } from './test-store';
import { manualAccount } from './accounts';

const today = () => localToday(new Date());

function account(address: string, daysLeft: number, overrides: Partial<Account> = {}): Account {
  const expiry = addDays(today(), daysLeft);
  return manualAccount(address, { expiry, ...overrides });
}

let db: StoreDb;
let sent: SentMessage[];

beforeEach(async () => {
  db = await openStore(crypto.randomUUID());
  // The popup's messages answered by the real background, on the popup's own store.
  sent = serveBackground(db);
});

async function popup(accounts: Account[] = []): Promise<HTMLElement> {
  for (const record of accounts) await saveAccount(db, record);
  const root = await mount(<Popup db={db} />);
  await vi.waitFor(() => expect(root.querySelector('h2, .empty')).not.toBeNull());
  return root;
}

const rowNames = (root: HTMLElement) => [...root.querySelectorAll('.account-name')].map((name) => name.textContent);

describe('Popup', () => {
  it('renders a hostile name captured from a page as text, never as markup', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    const root = await popup([account('ostile@pec.it', 10, { label: hostile, programs: ['<b>Outlook</b>'], programsToUpdate: ['<b>Outlook</b>'] })]);
    expect(rowNames(root)).toEqual([hostile]);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.textContent).toContain('<b>Outlook</b>');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('lists expired accounts first, marked, in the badge colours', async () => {
    const root = await popup([account('later@pec.it', 40), account('old@pec.it', -2, { label: 'Studio Bianchi' }), account('soon@pec.it', 10)]);
    expect(rowNames(root)).toEqual(['Studio Bianchi', 'soon@pec.it', 'later@pec.it']);
    const [expired, soon] = root.querySelectorAll<HTMLElement>('.account');
    expect(expired?.classList).toContain('account-expired');
    expect(expired?.textContent).toContain('Scaduta');
    expect(expired?.textContent).toContain('scaduta da 2 giorni');
    expect(soon?.querySelector<HTMLElement>('.days-left')?.style.backgroundColor).toMatch(/#b25e00|rgb\(178, 94, 0\)/);
  });

  it('shows a search box only above eight accounts, and filters by address and label', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => account(`cliente${i}@pec.it`, 20 + i));
    const root = await popup(eight);
    expect(root.querySelector('input[type=search]')).toBeNull();

    const nine = await popup([account('rossi@pec.it', 50, { label: 'Studio Rossi' })]);
    const search = byLabel(nine, 'Cerca una casella');
    await type(search, 'studio');
    expect(rowNames(nine)).toEqual(['Studio Rossi']);
    await type(search, 'nessuno');
    expect(nine.textContent).toContain('Nessuna casella corrisponde alla ricerca.');
  });

  it('checks a manual entry before saving, then saves it and tells the background', async () => {
    const root = await popup();
    await click(button(root, 'Ho già una password: inserisci la scadenza'));
    expect(document.activeElement).toBe(byLabel(root, 'Indirizzo PEC'));

    await type(byLabel(root, 'Indirizzo PEC'), 'mario');
    await type(byLabel(root, 'Scadenza della password per programmi di posta'), addDays(today(), -400));
    await click(button(root, 'Salva'));
    const expiry = byLabel(root, 'Scadenza della password per programmi di posta');
    expect(expiry.getAttribute('aria-invalid')).toBe('true');
    expect(expiry.getAttribute('aria-describedby')).toBe('account-expiry-hint account-expiry-error');
    expect(root.querySelector('#account-expiry-error')?.textContent).toContain('passata da più di un anno');
    await vi.waitFor(() => expect(document.activeElement).toBe(expiry));
    // "mario" is a multi-user account id: a valid address.
    expect(byLabel(root, 'Indirizzo PEC').hasAttribute('aria-invalid')).toBe(false);

    await type(byLabel(root, 'Scadenza della password per programmi di posta'), addDays(today(), 30));
    await type(byLabel<HTMLTextAreaElement>(root, 'Programmi che usano questa password'), 'Outlook\n\nThunderbird');
    await click(button(root, 'Salva'));
    await vi.waitFor(() => expect(rowNames(root)).toEqual(['mario']));
    expect(await getAccount(db, 'mario')).toMatchObject({ expiry: addDays(today(), 30), programs: ['Outlook', 'Thunderbird'] });
    // Written by the background, the store's only writer.
    expect(sent.map((message) => message.type)).toEqual(['save-manual-entry']);
  });

  it('saving a form opened before a capture keeps the newer date and says so (issue 16)', async () => {
    const root = await popup([account('mario@pec.it', 5)]);
    await click(button(root, 'Modifica mario@pec.it'));
    // While the form is open, the new password's window is read in an Aruba tab.
    const captured = addDays(today(), 90);
    await recordCapture(db, { address: 'mario@pec.it', expiry: captured, capturedAt: Date.now(), source: 'webmail-dialog', pageUrl: null });
    await type(byLabel(root, 'Scadenza della password per programmi di posta'), addDays(today(), 10));
    await type(byLabel(root, 'Nome (facoltativo), per esempio «Studio Rossi — archivio»'), 'Studio');
    await click(button(root, 'Salva'));
    await vi.waitFor(() =>
      expect(root.querySelector('[role=status].notice')?.textContent).toBe(
        `Mentre modificavi, per mario@pec.it è stata letta su una pagina di Aruba la scadenza ${formatItalianDate(captured)}: è quella che resta. Le altre modifiche sono salvate.`,
      ),
    );
    expect(await getAccount(db, 'mario@pec.it')).toMatchObject({ expiry: captured, label: 'Studio' });
  });

  it('refuses to add an address already in the list', async () => {
    const root = await popup([account('mario@pec.it', 30)]);
    await click(button(root, 'Aggiungi casella'));
    await type(byLabel(root, 'Indirizzo PEC'), 'MARIO@pec.it');
    await type(byLabel(root, 'Scadenza della password per programmi di posta'), addDays(today(), 60));
    await click(button(root, 'Salva'));
    expect(root.querySelector('#account-address-error')?.textContent).toContain('già nell');
  });

  it('deletes with undo', async () => {
    const root = await popup([account('mario@pec.it', 30, { programs: ['Outlook'] })]);
    await click(button(root, 'Elimina mario@pec.it'));
    await vi.waitFor(() => expect(rowNames(root)).toEqual([]));
    expect(root.querySelector('[role=status]')?.textContent).toContain('Casella mario@pec.it eliminata.');
    expect(document.activeElement).toBe(button(root, 'Annulla'));

    await click(button(root, 'Annulla'));
    await vi.waitFor(() => expect(rowNames(root)).toEqual(['mario@pec.it']));
    expect(await getAccount(db, 'mario@pec.it')).toMatchObject({ programs: ['Outlook'] });
    expect(sent.map((message) => message.type)).toEqual(['delete-account', 'restore-account']);
  });

  it('ticks off the programs still waiting for the new password', async () => {
    const root = await popup([account('mario@pec.it', 90, { programs: ['Outlook', 'Fatture'], programsToUpdate: ['Outlook', 'Fatture'] })]);
    expect(root.querySelector('.tag')?.textContent).toBe('da aggiornare');
    await click(byLabel(root, 'Outlook'));
    await vi.waitFor(async () => expect((await getAccount(db, 'mario@pec.it'))?.programsToUpdate).toEqual(['Fatture']));
    await click(byLabel(root, 'Fatture'));
    await vi.waitFor(() => expect(root.querySelector('.tag')).toBeNull());
    expect(root.querySelector('.checklist')).toBeNull();
  });

  it('asks the name of a mailbox still to be named, tracked meanwhile, and naming it merges it into the account already there', async () => {
    const { address: unnamed, expiry } = await addUnnamedMailbox(db, {
      expiry: addDays(today(), 5),
      capturedAt: Date.now(),
      source: 'account-console',
      pageUrl: null,
    });
    const root = await popup([account('studio@pec.it', 60, { programs: ['Outlook'] })]);
    const question = `Di quale casella è la scadenza ${formatItalianDate(expiry!)}?`;
    await vi.waitFor(() => byLabel(root, question));
    expect(rowNames(root)).toEqual(['Casella da indicare', 'studio@pec.it']);
    expect(root.querySelector('.account')?.textContent).toContain('5giorni');
    expect(root.textContent).not.toContain('unnamed:');
    expect([...root.querySelectorAll('datalist option')].map((option) => option.getAttribute('value'))).toEqual(['studio@pec.it']);
    // It cannot be edited as if it were an address: it is named first.
    expect(() => button(root, 'Modifica Casella da indicare')).toThrow();

    await type(byLabel(root, question), 'non è un indirizzo');
    await click(button(root, 'Salva'));
    await vi.waitFor(() => expect(root.querySelector('.field-error')?.textContent).toContain('Non è un indirizzo PEC valido'));

    await type(byLabel(root, question), 'Studio@PEC.it');
    await click(button(root, 'Salva'));
    await vi.waitFor(() => expect(rowNames(root)).toEqual(['studio@pec.it']));
    expect(sent).toContainEqual({ type: 'move-capture', from: unnamed, to: 'Studio@PEC.it' });
    expect(await listAccounts(db)).toEqual([
      expect.objectContaining({ address: 'studio@pec.it', expiry, programs: ['Outlook'], programsToUpdate: ['Outlook'] }),
    ]);
    expect(root.textContent).not.toContain('Di quale casella');
  });

  it('says which expiry came from a page that did not show the mailbox, and moves it to the right one', async () => {
    await saveAccount(db, account('sbagliata@pec.it', 40));
    const read = addDays(today(), 90);
    await recordCapture(db, {
      address: 'sbagliata@pec.it',
      expiry: read,
      capturedAt: Date.now(),
      source: 'webmail-dialog',
      pageUrl: null,
      attributedBy: 'opener',
    });
    const root = await popup([account('altra@pec.it', 20)]);
    const row = () => [...root.querySelectorAll<HTMLElement>('.account')].find((item) => item.textContent?.includes('sbagliata@pec.it'))!;
    await vi.waitFor(() => expect(row().textContent).toContain('Scadenza letta su una pagina che non mostrava la casella.'));
    expect(root.querySelectorAll('.account-attributed')).toHaveLength(1);

    await click(button(root, 'Non è la casella sbagliata@pec.it?'));
    const question = `A quale casella va la scadenza ${formatItalianDate(read)}?`;
    expect(row().textContent).toContain('sbagliata@pec.it tornerà alla scadenza che aveva prima.');
    await type(byLabel(root, question), 'giusta@pec.it');
    await click(button(root, 'Sposta'));
    await vi.waitFor(() => expect(rowNames(root)).toEqual(['altra@pec.it', 'sbagliata@pec.it', 'giusta@pec.it']));
    expect((await getAccount(db, 'sbagliata@pec.it'))?.expiry).toBe(addDays(today(), 40));
    expect((await getAccount(db, 'giusta@pec.it'))?.expiry).toBe(read);
    expect(root.querySelectorAll('.account-attributed')).toHaveLength(0);
  });

  it('opens the guided renewal from "Rinnova ora" and closes', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const root = await popup([account('mario@pec.it', 2)]);
    await click(button(root, 'Rinnova ora mario@pec.it'));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(sent).toContainEqual({ type: 'start-renewal', address: 'mario@pec.it' });
  });
});
