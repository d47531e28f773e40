import Papa from 'papaparse';
import { accountRows } from '../accounts/account-rows';
import { formatItalianDate, localToday, type IsoDate } from '../dates/calendar-date';
import { dueList } from '../office/due-list';
import type { Translate } from '../i18n/translate';
import type { Account } from '../store/types';
import { mailboxName } from '../store/unnamed-mailbox';

export const CSV_COLUMNS = ['address', 'label', 'expiry', 'days_left', 'programs', 'programs_to_update'] as const;

/**
 * The accounts as a spreadsheet, in the popup's order. Written for Excel set to Italian, the
 * likeliest reader: a double-clicked .csv is split on the list separator of the system's locale,
 * which is ";" wherever "," is the decimal comma, and read as UTF-8 only after a byte-order mark
 * (without it «Società» becomes «SocietÃ ») — LibreOffice and Google Sheets read it too. Dates are
 * dd/mm/yyyy; a cell starting with = + - @, a tab or a carriage return gets a leading ' (see
 * FORMULA_START), so a label such as "=HYPERLINK(…)" stays text instead of becoming a formula. A
 * mailbox still to be named is written as such, in the language of `t`.
 */
export function accountsCsv(accounts: readonly Account[], today: IsoDate, t: Translate): string {
  const data = accountRows(accounts, today).map(({ account, daysLeft }) => [
    mailboxName(t, account.address),
    account.label,
    account.expiry ? formatItalianDate(account.expiry) : '',
    daysLeft ?? '',
    account.programs.join(', '),
    account.programsToUpdate.join(', '),
  ]);
  return excelCsv(CSV_COLUMNS, data);
}

/**
 * A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage return.
 * Tested on the first character alone: papaparse's own `escapeFormulae: true` tests
 * /^[=+\-@\t\r].*$/, which a line break anywhere in the cell defeats.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Italian Excel's dialect, as described above: BOM, ";", CRLF, formulas escaped. */
function excelCsv(fields: readonly string[], data: (string | number)[][]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data }, { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
}

export const DUE_LIST_CSV_COLUMNS = ['group', 'address', 'owner', 'contact', 'label', 'expiry', 'days_left', 'request', 'request_date'] as const;

/** The due-list as the page shows it: its groups in order, the request status of each client. */
export function dueListCsv(accounts: readonly Account[], today: IsoDate, t: Translate): string {
  const data = dueList(accounts, today).flatMap(({ group, rows }) =>
    rows.map(({ account, daysLeft }) => [
      group,
      mailboxName(t, account.address),
      account.owner,
      account.contact,
      account.label,
      account.expiry ? formatItalianDate(account.expiry) : '',
      daysLeft ?? '',
      account.request.state,
      account.request.state === 'not-asked' ? '' : formatItalianDate(localToday(new Date(account.request.at))),
    ]),
  );
  return excelCsv(DUE_LIST_CSV_COLUMNS, data);
}
