import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { DEFAULT_SETTINGS } from '@/utils/store/types';
import { getSettings } from '@/utils/store/settings';
import { listAccounts, saveAccount } from '@/utils/store/accounts';
import { openStore, type StoreDb } from '@/utils/store/schema';
import { manualAccount } from './accounts';
import { button, byLabel, click, mount, type } from './render';
import { serveBackground, type SentMessage } from './test-store';

let db: StoreDb;
let sent: SentMessage[];

beforeEach(async () => {
  db = await openStore(crypto.randomUUID());
  sent = serveBackground(db);
});

async function options(): Promise<HTMLElement> {
  const root = await mount(<Options db={db} />);
  await vi.waitFor(() => byLabel(root, 'Giorni prima della scadenza'));
  return root;
}

const status = (root: HTMLElement) => root.querySelector('form [role=status]')?.textContent;

describe('Options', () => {
  it('refuses offsets that are not numbers, or out of the store’s range, and changes nothing', async () => {
    const root = await options();
    const offsets = byLabel(root, 'Giorni prima della scadenza');
    await type(offsets, '14, sette');
    await click(button(root, 'Salva'));
    await vi.waitFor(() => expect(root.querySelector('#offsets-error')?.textContent).toContain('Scrivi solo numeri interi'));
    expect(offsets.getAttribute('aria-invalid')).toBe('true');
    expect(status(root)).toBe('Impostazioni non salvate: correggi il campo indicato.');

    await type(offsets, '90, 7');
    await click(button(root, 'Salva'));
    await vi.waitFor(() => expect(root.querySelector('#offsets-error')?.textContent).toContain('a 60 giorni prima'));
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    // Sent, and refused by the background: nothing changed.
    expect(sent.map((message) => message.type)).toEqual(['save-settings']);
  });

  it('saves offsets, hour and quiet chip, shows them as stored, and tells the background', async () => {
    const root = await options();
    await type(byLabel(root, 'Giorni prima della scadenza'), '1 7, 7 ,30');
    const hour = byLabel<HTMLSelectElement>(root, 'Ora dei promemoria');
    hour.value = '18';
    hour.dispatchEvent(new Event('change', { bubbles: true }));
    await click(byLabel(root, 'Mostra i giorni rimasti sulle pagine di Aruba'));
    await click(button(root, 'Salva'));
    await vi.waitFor(() => expect(status(root)).toBe('Impostazioni salvate.'));
    expect(byLabel(root, 'Giorni prima della scadenza').value).toBe('30, 7, 1');
    expect(await getSettings(db)).toMatchObject({ offsets: [30, 7, 1], hour: 18, quietChip: false });
    expect(sent.map((message) => message.type)).toEqual(['save-settings']);
  });

  it('says so when the reset fails, keeps the question open to try again, and changes nothing (issue 16)', async () => {
    serveBackground(db, (message) => (message.type === 'clear-all' ? { ok: false, error: 'store-unavailable' } : undefined));
    await saveAccount(db, manualAccount('mario@pec.it', { expiry: '2027-01-10' }));
    const root = await options();
    await click(button(root, 'Cancella tutti i dati…'));
    await click(button(root, 'Sì, cancella tutto'));
    const section = () => root.querySelector('#reset-heading')?.closest('section');
    await vi.waitFor(() =>
      expect(section()?.querySelector('[role=alert]')?.textContent).toBe('Non è stato possibile cancellare i dati: non è cambiato nulla. Riprova.'),
    );
    expect(section()?.textContent).not.toContain('Tutti i dati sono stati cancellati.');
    expect(button(root, 'Sì, cancella tutto')).toBeTruthy();
    expect(await listAccounts(db)).toHaveLength(1);
  });

  it('can leave the mailboxes out of notifications, which a locked screen shows (issue 16)', async () => {
    const root = await options();
    const names = byLabel(root, 'Scrivi nelle notifiche quali caselle scadono');
    expect(names.checked).toBe(true);
    expect(root.textContent).toContain('«1 casella»');
    await click(names);
    await click(button(root, 'Salva'));
    await vi.waitFor(async () => expect((await getSettings(db)).namesInNotifications).toBe(false));
  });

  it('resets everything only after confirmation', async () => {
    await saveAccount(db, manualAccount('mario@pec.it', { expiry: '2027-01-10' }));
    const root = await options();
    await type(byLabel(root, 'Giorni prima della scadenza'), '5');
    await click(button(root, 'Cancella tutti i dati…'));
    expect(root.textContent).toContain('Eliminare tutte le caselle seguite (1)');
    expect(document.activeElement).toBe(button(root, 'Sì, cancella tutto'));
    await click(button(root, 'Annulla'));
    expect(await listAccounts(db)).toHaveLength(1);
    expect(document.activeElement).toBe(button(root, 'Cancella tutti i dati…'));

    await click(button(root, 'Cancella tutti i dati…'));
    await click(button(root, 'Sì, cancella tutto'));
    await vi.waitFor(() => expect(root.textContent).toContain('Tutti i dati sono stati cancellati.'));
    expect(await listAccounts(db)).toEqual([]);
    expect(byLabel(root, 'Giorni prima della scadenza').value).toBe('14, 7, 3, 1, 0');
    expect(sent.map((message) => message.type)).toEqual(['clear-all']);
  });
});
