import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, buildBackup, MAX_BACKUP_BYTES, parseBackup, type BackupFile } from '@/utils/transfer/backup-format';
import { DEFAULT_SETTINGS, NO_OFFICE_FIELDS, type Account } from '@/utils/store/types';

function account(overrides: Partial<Account> = {}): Account {
  return {
    address: 'studio.rossi@pec.it',
    label: 'Studio Rossi — archivio',
    expiry: '2027-02-15',
    capturedAt: 1_700_000_000_000,
    source: 'webmail-dialog',
    pageUrl: 'https://webmail.pec.it/settings',
    programs: ['Outlook', 'Fatture in Cloud'],
    programsToUpdate: ['Outlook'],
    ...NO_OFFICE_FIELDS,
    ...overrides,
  };
}

const NOW = new Date('2026-11-23T10:00:00Z');

function file(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const built = buildBackup(
    {
      accounts: [account(), account({ address: 'fatture@pec.studio.it', label: '', expiry: null, programs: [], programsToUpdate: [] })],
      renewals: [{ id: 4, address: 'studio.rossi@pec.it', expiry: '2027-02-15', capturedAt: 1_700_000_000_000, source: 'webmail-dialog' }],
      settings: { ...DEFAULT_SETTINGS, hour: 18, language: 'en' },
    },
    NOW,
  );
  return { ...built, ...overrides };
}

const text = (value: unknown) => JSON.stringify(value);
const rejection = (value: unknown) => {
  const parsed = parseBackup(typeof value === 'string' ? value : text(value));
  return parsed.ok ? 'accepted' : { error: parsed.error, detail: parsed.detail };
};

describe('office fields (version 2)', () => {
  const office = {
    owner: 'Bar Sport di Rossi',
    contact: 'mario.rossi@example.com',
    leadDays: 12,
    request: { state: 'asked', at: 1_700_000_000_000 },
  } as const;

  it('round-trips owner, contact, lead days and the request status', () => {
    const built = buildBackup(
      { accounts: [account(office)], renewals: [], settings: { ...DEFAULT_SETTINGS, officeLeadDays: 7, requestTemplate: 'Ciao {cliente}' } },
      NOW,
    );
    const parsed = parseBackup(JSON.stringify(built));
    expect(parsed).toMatchObject({ ok: true, data: { accounts: [office], settings: { officeLeadDays: 7, requestTemplate: 'Ciao {cliente}' } } });
  });

  it('still reads a version 1 file, giving the new fields their defaults', () => {
    const v1Account = Object.fromEntries(Object.entries(account()).filter(([key]) => !(key in NO_OFFICE_FIELDS)));
    const v1 = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: NOW.toISOString(),
      accounts: [v1Account],
      renewals: [],
      settings: { offsets: [7], hour: 9, quietChip: true, language: 'it' },
    };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed).toEqual({
      ok: true,
      data: { accounts: [account()], renewals: [], settings: { ...DEFAULT_SETTINGS, offsets: [7], language: 'it' } },
    });
  });

  it.each([
    ['a contact that is no address', { contact: 'not an address' }, 'accounts[0].contact'],
    ['lead days out of range', { leadDays: 61 }, 'accounts[0].leadDays'],
    ['an unknown request state', { request: { state: 'maybe' } }, 'accounts[0].request'],
    ['an asked request without a time', { request: { state: 'asked' } }, 'accounts[0].request.at'],
  ])('refuses %s', (_name, overrides, detail) => {
    const built = buildBackup({ accounts: [account()], renewals: [], settings: DEFAULT_SETTINGS }, NOW);
    const broken = { ...built, accounts: [{ ...built.accounts[0], ...overrides }] };
    expect(parseBackup(JSON.stringify(broken))).toEqual({ ok: false, error: 'invalid-field', detail });
  });
});

describe('mailboxes still to be named (version 3)', () => {
  const unnamed = account({ address: 'unnamed:1763888400000', label: '', programs: [], programsToUpdate: [] });
  const renewal = { address: 'unnamed:1763888400000', expiry: '2027-02-15', capturedAt: 1_763_888_400_000, source: 'account-console' } as const;

  it('round-trip under their key, renewals included, never as an address', () => {
    const built = buildBackup({ accounts: [unnamed], renewals: [renewal], settings: DEFAULT_SETTINGS }, NOW);
    expect(built.version).toBeGreaterThanOrEqual(3);
    expect(parseBackup(JSON.stringify(built))).toEqual({ ok: true, data: { accounts: [unnamed], renewals: [renewal], settings: DEFAULT_SETTINGS } });
  });

  it('are refused in an older version, which never held one, and in any shape but the key', () => {
    const built = buildBackup({ accounts: [unnamed], renewals: [], settings: DEFAULT_SETTINGS }, NOW);
    expect(rejection({ ...built, version: 2 })).toEqual({ error: 'invalid-address', detail: 'unnamed:1763888400000' });
    for (const address of ['unnamed:', 'Unnamed:1', 'unnamed:1|x', 'unnamed:1.5']) {
      expect(rejection({ ...built, accounts: [{ ...built.accounts[0], address }] })).toMatchObject({ error: 'invalid-address' });
    }
  });
});

describe('notifications without the mailboxes (version 4)', () => {
  it('round-trips the choice, and reads a version 3 file with the names shown, as before', () => {
    const built = buildBackup({ accounts: [account()], renewals: [], settings: { ...DEFAULT_SETTINGS, namesInNotifications: false } }, NOW);
    expect(built.version).toBe(4);
    expect(parseBackup(JSON.stringify(built))).toMatchObject({ ok: true, data: { settings: { namesInNotifications: false } } });
    const { namesInNotifications: _, ...v3Settings } = built.settings;
    expect(parseBackup(JSON.stringify({ ...built, version: 3, settings: v3Settings }))).toMatchObject({
      ok: true,
      data: { settings: { namesInNotifications: true } },
    });
    expect(rejection({ ...built, settings: { ...built.settings, namesInNotifications: 'no' } })).toEqual({
      error: 'invalid-field',
      detail: 'settings.namesInNotifications',
    });
  });
});

describe('buildBackup', () => {
  it('writes the versioned format with accounts, renewals without their local ids, and settings', () => {
    const built = file() as unknown as BackupFile;
    expect(built).toMatchObject({ format: 'pec-password-assistant', version: 4, exportedAt: '2026-11-23T10:00:00.000Z' });
    expect(Object.keys(built)).toEqual(['format', 'version', 'exportedAt', 'accounts', 'renewals', 'settings']);
    expect(built.renewals).toEqual([
      { address: 'studio.rossi@pec.it', expiry: '2027-02-15', capturedAt: 1_700_000_000_000, source: 'webmail-dialog' },
    ]);
    expect(built.settings).toEqual({
      offsets: [14, 7, 3, 1, 0],
      hour: 18,
      quietChip: true,
      language: 'en',
      officeLeadDays: 10,
      requestTemplate: '',
      namesInNotifications: true,
    });
  });

  it('carries nothing but the known fields, and no password', () => {
    const stray = { ...account(), password: 'Canary-Pa55!' } as Account;
    const built = buildBackup({ accounts: [stray], renewals: [], settings: DEFAULT_SETTINGS }, NOW);
    expect(JSON.stringify(built)).not.toContain('Canary');
    expect(JSON.stringify(built).toLowerCase()).not.toContain('password"');
  });

  it('reads back what it wrote', () => {
    const built = file();
    const parsed = parseBackup(JSON.stringify(built, null, 2));
    expect(parsed).toEqual({ ok: true, data: { accounts: built.accounts, renewals: built.renewals, settings: built.settings } });
  });
});

describe('parseBackup refuses', () => {
  it.each([
    ['an empty file', '', 'not-json'],
    ['truncated JSON', text(file()).slice(0, 300), 'not-json'],
    ['a CSV', 'address;label\r\na@pec.it;x', 'not-json'],
    ['JSON that is not an object', '[1, 2]', 'foreign-file'],
    ['null', 'null', 'foreign-file'],
    ['another program’s JSON', text({ name: 'x', version: 1 }), 'foreign-file'],
    ['another format name', text(file({ format: 'pec-password-assistant-v2' })), 'foreign-file'],
  ])('%s', (_, input, error) => {
    expect(rejection(input)).toMatchObject({ error });
  });

  it('a newer or unknown version, saying which', () => {
    expect(rejection(file({ version: 5 }))).toEqual({ error: 'unsupported-version', detail: '5' });
    expect(rejection(file({ version: 0 }))).toEqual({ error: 'unsupported-version', detail: '0' });
    expect(rejection(file({ version: '1' }))).toEqual({ error: 'invalid-field', detail: 'version' });
  });

  it('a file over 5 MB before parsing it', () => {
    const huge = `{"format":"${BACKUP_FORMAT}","pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`;
    expect(rejection(huge)).toEqual({ error: 'too-large', detail: undefined });
  });

  it('prototype-pollution keys, anywhere', () => {
    const top = `{"__proto__": {"polluted": true}, ${text(file()).slice(1)}`;
    expect(rejection(top)).toEqual({ error: 'forbidden-key', detail: '__proto__' });
    const inAccount = text(file()).replace('"address":"studio.rossi@pec.it"', '"__proto__":{"isAdmin":true},"address":"studio.rossi@pec.it"');
    expect(rejection(inAccount)).toEqual({ error: 'forbidden-key', detail: '__proto__' });
    const inSettings = text(file()).replace('"offsets"', '"constructor":{"prototype":{}},"offsets"');
    expect(rejection(inSettings)).toEqual({ error: 'forbidden-key', detail: 'constructor' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('unknown and missing fields', () => {
    const extra = file();
    (extra.accounts as Record<string, unknown>[])[1]!.password = 'x';
    expect(rejection(extra)).toEqual({ error: 'unknown-field', detail: 'accounts[1].password' });
    const missing = file();
    delete (missing.accounts as Record<string, unknown>[])[0]!.programs;
    expect(rejection(missing)).toEqual({ error: 'invalid-field', detail: 'accounts[0].programs' });
    expect(rejection(file({ renewals: undefined }))).toEqual({ error: 'invalid-field', detail: 'backup.renewals' });
    expect(rejection(file({ accounts: {} }))).toEqual({ error: 'invalid-field', detail: 'accounts' });
    expect(rejection(file({ exportedAt: 'yesterday' }))).toEqual({ error: 'invalid-field', detail: 'exportedAt' });
  });

  it('bad addresses, showing the address', () => {
    const bad = file({ accounts: [account({ address: 'not an address' })] });
    expect(rejection(bad)).toEqual({ error: 'invalid-address', detail: 'not an address' });
    expect(rejection(file({ accounts: [{ ...account(), address: 42 }] }))).toEqual({ error: 'invalid-address', detail: '42' });
    expect(rejection(file({ accounts: [account({ address: 'a|b@pec.it' })] }))).toMatchObject({ error: 'invalid-address' });
  });

  it('bad dates', () => {
    expect(rejection(file({ accounts: [account({ expiry: '2027-02-30' })], renewals: [] }))).toEqual({ error: 'invalid-date', detail: '2027-02-30' });
    expect(rejection(file({ accounts: [account({ expiry: '15/02/2027' })], renewals: [] }))).toEqual({ error: 'invalid-date', detail: '15/02/2027' });
    const renewals = [{ address: 'studio.rossi@pec.it', expiry: '2027-13-01', capturedAt: 1, source: 'manual' }];
    expect(rejection(file({ renewals }))).toEqual({ error: 'invalid-date', detail: '2027-13-01' });
  });

  it('bad values of the other fields', () => {
    expect(rejection(file({ accounts: [{ ...account(), label: null }] }))).toEqual({ error: 'invalid-field', detail: 'accounts[0].label' });
    expect(rejection(file({ accounts: [{ ...account(), capturedAt: -1 }] }))).toEqual({ error: 'invalid-field', detail: 'accounts[0].capturedAt' });
    expect(rejection(file({ accounts: [{ ...account(), source: 'evil' }] }))).toEqual({ error: 'invalid-field', detail: 'accounts[0].source' });
    expect(rejection(file({ accounts: [{ ...account(), programs: ['Outlook', 3] }] }))).toEqual({
      error: 'invalid-field',
      detail: 'accounts[0].programs[1]',
    });
    expect(rejection(file({ settings: { ...DEFAULT_SETTINGS, hour: 25 } }))).toEqual({ error: 'invalid-field', detail: 'settings.hour' });
    expect(rejection(file({ settings: { ...DEFAULT_SETTINGS, offsets: [500] } }))).toEqual({ error: 'invalid-field', detail: 'settings.offsets' });
    expect(rejection(file({ settings: { ...DEFAULT_SETTINGS, language: 'fr' } }))).toEqual({ error: 'invalid-field', detail: 'settings.language' });
  });

  it('the same mailbox twice, and a renewal of a mailbox the backup does not track', () => {
    const twice = file({ accounts: [account(), account({ address: ' Studio.Rossi@PEC.it ' })] });
    expect(rejection(twice)).toEqual({ error: 'duplicate-account', detail: 'studio.rossi@pec.it' });
    const lone = file({ renewals: [{ address: 'other@pec.it', expiry: '2027-01-01', capturedAt: 1, source: 'manual' }] });
    expect(rejection(lone)).toEqual({ error: 'invalid-field', detail: 'renewals[0].address' });
  });

  it('cuts a long detail short', () => {
    const long = file({ accounts: [account({ address: `${'x'.repeat(500)} @` })] });
    expect((parseBackup(text(long)) as { detail: string }).detail).toHaveLength(80);
  });
});

describe('parseBackup accepts', () => {
  it('HTML and script in labels and programs, kept as the text they are', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const parsed = parseBackup(text(file({ accounts: [account({ label: hostile, programs: [hostile], programsToUpdate: [] })], renewals: [] })));
    expect(parsed.ok && parsed.data.accounts[0]!.label).toBe(hostile);
    expect(parsed.ok && parsed.data.accounts[0]!.programs).toEqual([hostile]);
  });

  it('addresses in any case and spacing, normalized', () => {
    const parsed = parseBackup(text(file({ accounts: [account({ address: ' Studio.Rossi@PEC.it ' })] })));
    expect(parsed.ok && parsed.data.accounts[0]!.address).toBe('studio.rossi@pec.it');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => text({ ...file(), accounts: [v] })),
        ),
        (input) => {
          const parsed = parseBackup(input);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
