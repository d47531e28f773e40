/*
 * `npm run bench:csv`: 1,000 rows of an office's spreadsheet, as Excel in Italian saves it, read,
 * checked and planned for the preview (parseAccountsCsv → csvBackup → planImport) against a store
 * already holding 500 of them. Budget: under 1 s. Prints the figures; writes nothing (the lead
 * copies them into bench/results.json, which scripts/bench.ts owns).
 */
import { performance } from 'node:perf_hooks';
import { addDays, formatItalianDate } from '../utils/dates/calendar-date';
import { csvBackup, parseAccountsCsv } from '../utils/transfer/csv-import';
import { planImport } from '../utils/transfer/import-plan';
import { DEFAULT_SETTINGS, NO_OFFICE_FIELDS, type Account } from '../utils/store/types';

const ROWS = 1000;
const RUNS = 20;
const BUDGET_MS = 1000;
const TODAY = '2027-02-01';

const address = (i: number) => `cliente${i}@pec.studio-esempio.it`;
const lines = ['Casella;Cliente;E-mail;Scadenza;Etichetta'];
for (let i = 0; i < ROWS; i += 1) {
  lines.push(
    `${address(i)};"Società ${i}; ""Rossi"" & C.";titolare${i}@example.com;${formatItalianDate(addDays(TODAY, (i % 120) - 10))};Sede n. ${i}`,
  );
}
const text = `\uFEFF${lines.join('\r\n')}\r\n`;
const stored: Account[] = Array.from({ length: ROWS / 2 }, (_, i) => ({
  address: address(i * 2),
  label: '',
  expiry: addDays(TODAY, 30),
  capturedAt: 1,
  source: 'manual',
  pageUrl: null,
  programs: ['Outlook'],
  programsToUpdate: [],
  ...NO_OFFICE_FIELDS,
}));

const samples: number[] = [];
let summary = { rows: 0, errors: 0, added: 0, updated: 0 };
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  const parsed = parseAccountsCsv(text, TODAY);
  if (!parsed.ok) throw new Error(`The benchmark file was refused: ${parsed.error}`);
  const plan = planImport(
    { accounts: stored, renewals: [], settings: DEFAULT_SETTINGS },
    csvBackup(parsed.rows, stored, DEFAULT_SETTINGS, Date.now()),
  );
  samples.push(performance.now() - started);
  summary = { rows: parsed.rows.length, errors: parsed.errors.length, added: plan.added.length, updated: plan.updated.length };
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(RUNS / 2)]!;
const max = samples[RUNS - 1]!;
const result = {
  runs: RUNS,
  medianMs: Number(median.toFixed(1)),
  maxMs: Number(max.toFixed(1)),
  budgetMs: BUDGET_MS,
  pass: max < BUDGET_MS,
  ...summary,
};
console.log(
  `CSV import, ${ROWS} rows parsed + checked + planned: median ${result.medianMs} ms, slowest ${result.maxMs} ms of ${RUNS} runs (budget ${BUDGET_MS} ms) — ${result.pass ? 'ok' : 'MISSED'}`,
);
console.log(JSON.stringify({ csvImport: result }));
