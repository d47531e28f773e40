import Papa from 'papaparse';
import type { Backup } from './backup-format';
import type { IsoDate } from '../dates/calendar-date';
import { parseExpiryDate } from '../dates/expiry-date';
import { NO_OFFICE_FIELDS, type Account, type Settings } from '../store/types';
import { normalizeAddress, requireContact } from '../store/validation';

/*
 * Bulk import of an office's mailboxes from a spreadsheet: address, owner, contact, expiry,
 * label. Written for what Excel in Italian saves (";" and a byte-order mark, CRLF) and for plain
 * comma files alike. Nothing here touches the store: the rows become a Backup that the options
 * page previews with planImport and, once confirmed, stores with applyImport in one transaction.
 */

export type CsvColumn = 'address' | 'owner' | 'contact' | 'expiry' | 'label';

/** Header names understood, in English and Italian, lowercased. */
const HEADER_NAMES: Record<string, CsvColumn> = {
  address: 'address',
  indirizzo: 'address',
  casella: 'address',
  pec: 'address',
  owner: 'owner',
  cliente: 'owner',
  contact: 'contact',
  email: 'contact',
  'e-mail': 'contact',
  contatto: 'contact',
  expiry: 'expiry',
  scadenza: 'expiry',
  label: 'label',
  etichetta: 'label',
  nome: 'label',
};

export type CsvRowError = 'invalid-address' | 'invalid-expiry' | 'invalid-contact' | 'duplicate-address';

export interface CsvImportRow {
  /** Line of the file the row starts on, 1 being the header. */
  line: number;
  address: string;
  owner: string;
  contact: string;
  expiry: IsoDate | null;
  label: string;
}

export interface CsvRowProblem {
  line: number;
  error: CsvRowError;
  value: string;
}

export type CsvImport = { ok: true; rows: CsvImportRow[]; errors: CsvRowProblem[] } | { ok: false; error: 'no-address-column' | 'empty' };

/** How many bad rows are named one by one; a file of thousands says how many more there are. */
export const SHOWN_ROW_PROBLEMS = 20;
/** A bad cell is quoted this long at most: a whole paragraph pasted into a cell is not repeated. */
const QUOTED_CELL = 40;

/** The first bad rows, each cell quoted short, and how many more were left out. */
export function rowProblemsToShow(errors: readonly CsvRowProblem[]): { shown: CsvRowProblem[]; more: number } {
  const shown = errors.slice(0, SHOWN_ROW_PROBLEMS).map((problem) => {
    const cell = [...problem.value];
    return { ...problem, value: cell.length > QUOTED_CELL ? `${cell.slice(0, QUOTED_CELL - 1).join('')}…` : problem.value };
  });
  return { shown, more: errors.length - shown.length };
}

const newlinesIn = (cell: string) => cell.split('\n').length - 1;

/**
 * The header line tells the separator: Excel in Italian writes ";", most other programs ",".
 * (Guessing from the whole file can be misled by a stray quote in a cell.)
 */
function delimiterOf(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.split(';').length >= header.split(',').length ? ';' : ',';
}

/** Reads the file's text: quotes, separators and line breaks inside cells honoured. */
export function parseAccountsCsv(raw: string, today: IsoDate): CsvImport {
  const text = raw.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const [header, ...records] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === '')) return { ok: false, error: 'empty' };
  const columns = header.map((cell) => HEADER_NAMES[cell.trim().toLowerCase()]);
  if (!columns.includes('address')) return { ok: false, error: 'no-address-column' };

  // Line numbers: a quoted cell may span lines, so each record moves on by its own line breaks.
  const rows: CsvImportRow[] = [];
  const errors: CsvRowProblem[] = [];
  const seen = new Set<string>();
  let line = 2;
  for (const record of records) {
    const cells: Partial<Record<CsvColumn, string>> = {};
    record.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells[column] = cell.trim();
    });
    const rowLine = line;
    line += 1 + record.reduce((sum, cell) => sum + newlinesIn(cell), 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    const address = normalizeAddress(cells.address ?? '');
    if (address === null) {
      errors.push({ line: rowLine, error: 'invalid-address', value: cells.address ?? '' });
      continue;
    }
    if (seen.has(address)) {
      errors.push({ line: rowLine, error: 'duplicate-address', value: address });
      continue;
    }
    seen.add(address);
    let expiry: IsoDate | null = null;
    if (cells.expiry) {
      const date = parseExpiryDate(cells.expiry, today);
      if (!date.ok) {
        errors.push({ line: rowLine, error: 'invalid-expiry', value: cells.expiry });
        continue;
      }
      expiry = date.date;
    }
    let contact: string;
    try {
      contact = requireContact(cells.contact ?? '');
    } catch {
      errors.push({ line: rowLine, error: 'invalid-contact', value: cells.contact ?? '' });
      continue;
    }
    rows.push({ line: rowLine, address, owner: cells.owner ?? '', contact, expiry, label: cells.label ?? '' });
  }
  return { ok: true, rows, errors };
}

/**
 * The rows as a backup to preview and apply: a mailbox already tracked keeps its programs, history
 * and request status, and takes from the file what the file fills in; the settings stay as they are.
 */
export function csvBackup(rows: readonly CsvImportRow[], current: readonly Account[], settings: Settings, now: number): Backup {
  const here = new Map(current.map((account) => [account.address, account]));
  const accounts = rows.map((row): Account => {
    const existing = here.get(row.address);
    const expiry = row.expiry ?? existing?.expiry ?? null;
    return {
      ...NO_OFFICE_FIELDS,
      programs: [],
      programsToUpdate: [],
      pageUrl: null,
      source: 'manual',
      ...existing,
      address: row.address,
      label: row.label || existing?.label || '',
      owner: row.owner || existing?.owner || '',
      contact: row.contact || existing?.contact || '',
      expiry,
      // A changed expiry is a new reading: it must win over the one stored here.
      capturedAt: existing && existing.expiry === expiry ? existing.capturedAt : now,
    };
  });
  return { accounts, renewals: [], settings };
}
