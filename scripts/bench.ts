// `npm run bench`: what the extension costs Aruba's pages, measured side by side with the same
// Chromium without it and with the same build whose content script is empty (issues 7 and 17).
// A benchmark, not a test: a figure over its budget is printed as MISSED and the exit code stays 0
// (it is 1 only when the run itself fails). Writes bench/results.json; scratch goes to bench/out/.
// Methods: bench/README.md. It forges no message (issue 15): the accounts arrive through the
// options page's import, captures come from a replica page read by the real content script, and
// alarms are the extension's own, fired by the browser.
import { cp, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { addDays, localToday } from '../utils/dates/calendar-date';
import { DEFAULT_SETTINGS, NO_OFFICE_FIELDS, type Account } from '../utils/store/types';
import { buildBackup, parseBackup } from '../utils/transfer/backup-format';
import { guideRuns } from '../tests/harness/chromium/content-world';
import { chipText, readOverlay } from '../tests/harness/chromium/overlay-probe';
import { EXTENSION_DIR, launchWithExtension, launchWithoutExtension, startRenewal, type LoadedExtension } from '../tests/harness/chromium/launch';
import { CHROMIUM_PATH, missingChromiumMessage } from '../tests/harness/chromium/chromium';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const POPUP_OPENS = 3;
const ACCOUNTS = 200;
/** Every fourth account is an office's client (a client's name and contact): six reminders instead of five. */
const OFFICE_EVERY = 4;
const BENCH_DIR = resolve(import.meta.dirname, '../bench');
const OUT_DIR = join(BENCH_DIR, 'out');
/** The build the whole run measures, copied once: a rebuild by someone else mid-run cannot reach it. */
const BUILD_COPY = join(OUT_DIR, 'chrome-mv3');
/** The always-loaded content script (the loader) and the guide the background injects when it has work. */
const LOADER_FILE = 'aruba-loader.js';
const GUIDE_FILE = 'aruba-guide.js';
const EMPTY_COPY = join(OUT_DIR, 'empty-content-script');
const ASK_COPY = join(OUT_DIR, 'ask-only-content-script');
/** The ask-only content script: the loader's question and nothing else (no page read, no chip). */
const ASK_ONLY_SCRIPT = "chrome.runtime.sendMessage({ type: 'guide-mode', address: 'mario.rossi@pec.it', stage: 'loader' }).catch(() => null);\n";
/** The mailbox the bench pages and the security replica show in their header. */
const PAGE_MAILBOX = 'mario.rossi@pec.it';
/** Only what attributes script time to a URL and cuts tasks (FunctionCall, EvaluateScript, RunTask), and performance.mark. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];
const LONG_TASK_MS = 50;
/** Marks the bench sets (in the service worker on every message and alarm, in the page at the first highlight). */
const MARK = 'pec-bench:';
/** The inbox page's own marks (tests/fixtures/pages/bench-inbox.html): the target inserted, then highlighted. */
const INSERTED_MARK = `${MARK}inserted`;
const ATTRIBUTE_MARK = `${MARK}attribute`;
const PAGE_MARKS = new Set([`${MARK}highlight`, INSERTED_MARK, ATTRIBUTE_MARK]);
/** The replica that shows the expiry of the password for mail programs (tests/harness/site.ts): the content script captures it. */
const CAPTURE_URL = 'https://gestionemail.pec.it/sicurezza-e-password';
/** The new WebMail: «Impostazioni» is one of the path's labels, a click on it loads the guide in the same page. */
const CLICK_URL = 'https://webmail.pec.it/new/messages/INBOX';
/** The 5,000-message inbox with «Impostazioni» already there: the guide's first highlight on a heavy page. */
const NEED_URL = 'https://webmail.pec.it/bench/inbox#need';
const SMALL_URL = 'https://webmail.pec.it/';
const CAPTURES_PER_LAUNCH = 3;
/**
 * Visits of each need per launch: 20 in a run of five rounds, so that the nearest-rank p95 is a
 * p95 (of ten samples it was their maximum, a p100; the slowest is printed beside it).
 */
const NEEDS_PER_LAUNCH = 4;
/** The midnight alarm (entrypoints/background/reminders.ts MIDNIGHT_ALARM) and the reminders' prefix (utils/reminders/reminder-plan.ts). */
const MIDNIGHT_ALARM = 'badge-midnight';
const REMINDER_PREFIX = 'reminder|';
/** How long after an alarm is due the trace runs: the worker's work is over well before (checked: `settledMs`). */
const ALARM_WAIT_MS = 3000;
const SETTLE_MS = 1500;

/**
 * empty: an extension whose content script is an empty file, the floor any content script pays.
 * ask: the same with a content script that only asks the background one question (the loader's,
 * `guide-mode`, for the page's mailbox), the floor of any content script that talks to the
 * background: the quiet visit only.
 */
type Setup = 'with' | 'without' | 'empty' | 'ask';
/**
 * quiet: the inbox with nothing to guide and the guide off (expiry far: the chip only), the first
 * visit of every launch. inbox: 10 s of changes, the target appears 20 times, guide on. idle: the
 * quiet page with the guide on.
 */
type Scenario = 'quiet' | 'inbox' | 'idle';

const SCENARIO_URLS: Record<Scenario, string> = {
  quiet: 'https://webmail.pec.it/bench/idle#run-3s',
  inbox: 'https://webmail.pec.it/bench/inbox#run',
  idle: 'https://webmail.pec.it/bench/idle#run-3s',
};

interface PageBench {
  ticks: number;
  targetVisibleMs: number;
  streamStart: number;
  streamEnd: number;
  mutations: number;
  tickLateness: number[];
  appearances: { insertedAt: number; latency: number | null }[];
  longTasks: { start: number; duration: number }[];
}

interface PageRun {
  round: number;
  setup: Setup;
  scenario: Scenario;
  /** CDP Performance.getMetrics at the end of the visit: durations in seconds since the page's renderer started. */
  metrics: Record<string, number>;
  heap: { usedSize: number; embedderHeapUsedSize: number };
  /** Long tasks the page's own PerformanceObserver saw over the whole visit. */
  longTasks: number[];
  latencies: (number | null)[];
  tickLatenessP95: number;
  targetVisibleMs: number;
  /** The extension's overlay at the end of the visit: guide cards and chips. */
  shown: { card: number; chip: number };
  trace: TraceFigures;
}

/**
 * CPU ms of one extension script on the page's main thread: loading it (compile, first run) and
 * its later calls; `gc`, of those, the page's garbage collections that happened to run inside
 * them (an allocation of ours tipped a collection the page's heap had made due).
 */
interface ScriptCpu {
  load: number;
  run: number;
  gc: number;
}

interface TraceFigures {
  /** Outermost FunctionCall/EvaluateScript/v8.compile events of chrome-extension:// scripts on the page's main thread, ms. */
  extensionScriptMs: number;
  pageScriptMs: number;
  /** The same as thread (CPU) time: what a busy machine does not inflate. */
  extensionCpuMs: number;
  pageCpuMs: number;
  /** Of extensionCpuMs, loading scripts: their compile and first evaluation (EvaluateScript, v8.compile). */
  extensionLoadCpuMs: number;
  /** Of extensionCpuMs, per script file (the loader, the guide). */
  scripts: Record<string, ScriptCpu>;
  /** Main-thread tasks over 50 ms: duration and the extension's script time inside. */
  longTasks: { duration: number; extension: number }[];
  /** The extension's longest single task share, ms. */
  extensionLongestMs: number;
  /**
   * Style recalculation (UpdateLayoutTree) on the page's main thread, CPU ms: all of it, and the
   * part the extension's script forced (inside its calls). A recalculation forced early leaves
   * less to the page's next frame: what is moved shows as equal totals with and without.
   */
  style: { allCpuMs: number; extensionCpuMs: number };
  /**
   * Each appearance of the target (the page's marks): from its insertion to the first frame the
   * page painted after it (the first Paint on the main thread), and whether the highlight was set
   * before that paint, that is, whether the target was ever painted without it.
   */
  firstFrames: { toPaintMs: number | null; highlightedBefore: boolean }[];
}

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
/** Nearest-rank p95 where a miss (never seen) counts as infinitely late. */
function p95WithMisses(values: (number | null)[]): number {
  const sorted = values.map((value) => value ?? Infinity).sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1] ?? NaN;
}
const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it holds; false after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(100);
  }
  return false;
}

// ---------------------------------------------------------------- trace

type TraceEvent = {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; type?: string } };
};

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value as unknown as TraceEvent[])
      if (event.ph === 'X' || event.ph === 'M' || event.name.startsWith(MARK) || event.name === 'EventDispatch') events.push(event);
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** A browser-wide trace (every process: the page's renderer, the service worker, the browser) while `work` runs. */
async function traceBrowser(extension: LoadedExtension, work: () => Promise<void>): Promise<TraceEvent[]> {
  const browser = extension.context.browser();
  if (!browser) throw new Error('no browser to trace');
  const session = await browser.newBrowserCDPSession();
  const stop = await startTrace(session);
  try {
    await work();
  } catch (error) {
    await stop();
    await session.detach();
    throw error;
  }
  const events = await stop();
  await session.detach();
  return events;
}

const isExtensionUrl = (url: string | undefined) => url?.startsWith('chrome-extension://') ?? false;
/** The script's path inside the extension: aruba-loader.js, aruba-guide.js. */
const extensionFile = (url: string | undefined) => url?.replace(/^chrome-extension:\/\/[^/]+\//, '') ?? '';
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile']);
const cpuOf = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;
const sumCpu = (list: TraceEvent[]) => list.reduce((total, event) => total + cpuOf(event), 0);
const endOf = (event: TraceEvent) => event.ts + (event.dur ?? 0);

/** Outermost script events of one kind (nested calls are inside their caller's duration). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const result: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ts < end) continue;
    result.push(event);
    end = endOf(event);
  }
  return result;
}

/** The main thread of the renderer that ran a script of `urlPrefix`: its pid and tid. */
function rendererMain(events: TraceEvent[], urlPrefix: string): { pid: number; tid: number } | null {
  const pageEvent = events.find((event) => event.name === 'EvaluateScript' && event.args?.data?.url?.startsWith(urlPrefix));
  const main = events.find(
    (event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pageEvent?.pid && event.args?.name === 'CrRendererMain',
  );
  return main ? { pid: main.pid, tid: main.tid } : null;
}

const GC_EVENTS = new Set(['MajorGC', 'MinorGC']);

/** CPU ms per extension script file, split into loading (EvaluateScript, v8.compile) and later calls; `onThread`: the thread's events, for the GCs inside. */
function scriptsCpu(extension: TraceEvent[], onThread: TraceEvent[]): Record<string, ScriptCpu> {
  const collections = onThread.filter((event) => GC_EVENTS.has(event.name));
  const scripts: Record<string, ScriptCpu> = {};
  for (const event of extension) {
    const entry = (scripts[event.name === 'RunMicrotasks' ? REPLIES : extensionFile(event.args?.data?.url)] ??= { load: 0, run: 0, gc: 0 });
    entry[event.name === 'FunctionCall' || event.name === 'RunMicrotasks' ? 'run' : 'load'] += cpuOf(event);
    entry.gc += sumCpu(collections.filter((gc) => gc.ts >= event.ts && endOf(gc) <= endOf(event)));
  }
  for (const entry of Object.values(scripts)) {
    entry.load = round2(entry.load);
    entry.run = round2(entry.run);
    entry.gc = round2(entry.gc);
  }
  return scripts;
}

/** What in a task shows it ran a script of its own (the page's or ours), a timer, an event or parsing. */
const SCRIPT_TASK_EVENTS = new Set([
  ...SCRIPT_EVENTS,
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'ParseHTML',
  'XHRReadyStateChange',
]);
/** Pseudo-file of the extension's figure: the continuations of its scripts once the background answers. */
const REPLIES = 'replies';

/**
 * Tasks that only run microtasks: a reply from the background resolving a content script's
 * sendMessage promise (the loader's code after `await`, drawing the chip) arrives as such a task,
 * with no script URL in the trace. Counted for the extension (the page without it has none: the
 * figure is printed for every setup, as a check).
 */
function replyMicrotasks(tasks: TraceEvent[], onMain: TraceEvent[]): TraceEvent[] {
  const replies: TraceEvent[] = [];
  let cursor = 0;
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts);
  for (const task of tasks) {
    while (cursor < sorted.length && sorted[cursor]!.ts < task.ts) cursor++;
    const inside: TraceEvent[] = [];
    for (let index = cursor; index < sorted.length && sorted[index]!.ts < endOf(task); index++) inside.push(sorted[index]!);
    if (inside.some((event) => SCRIPT_TASK_EVENTS.has(event.name) || event.args?.data?.url)) continue;
    replies.push(...outermost(inside.filter((event) => event.name === 'RunMicrotasks')));
  }
  return replies;
}

function traceFigures(events: TraceEvent[], pageUrlPrefix: string): TraceFigures {
  const main = rendererMain(events, pageUrlPrefix);
  if (!main)
    return {
      extensionScriptMs: NaN,
      pageScriptMs: NaN,
      extensionCpuMs: NaN,
      pageCpuMs: NaN,
      extensionLoadCpuMs: NaN,
      scripts: {},
      longTasks: [],
      extensionLongestMs: NaN,
      style: { allCpuMs: NaN, extensionCpuMs: NaN },
      firstFrames: [],
    };
  const onMain = events.filter((event) => event.ph === 'X' && event.pid === main.pid && event.tid === main.tid);
  const scripts = onMain.filter((event) => SCRIPT_EVENTS.has(event.name));
  // The loader and the guide the background injects: both are chrome-extension:// URLs.
  const extension = outermost(scripts.filter((event) => isExtensionUrl(event.args?.data?.url)));
  const page = outermost(scripts.filter((event) => event.args?.data?.url?.startsWith(pageUrlPrefix)));
  const sum = (list: TraceEvent[]) => list.reduce((total, event) => total + (event.dur ?? 0), 0) / 1000;
  const tasks = outermost(onMain.filter((event) => event.name === 'RunTask'));
  const replies = replyMicrotasks(tasks, onMain);
  // The replies' microtasks count as the extension's script, in the totals, the long tasks and per file.
  extension.push(...replies);
  extension.sort((a, b) => a.ts - b.ts);
  let extensionLongestMs = 0;
  const longTasks: TraceFigures['longTasks'] = [];
  let cursor = 0;
  for (const task of tasks) {
    const end = endOf(task);
    while (cursor < extension.length && extension[cursor]!.ts < task.ts) cursor++;
    let inside = 0;
    for (let index = cursor; index < extension.length && extension[index]!.ts < end; index++) inside += extension[index]!.dur ?? 0;
    extensionLongestMs = Math.max(extensionLongestMs, inside / 1000);
    if ((task.dur ?? 0) / 1000 > LONG_TASK_MS) longTasks.push({ duration: round1((task.dur ?? 0) / 1000), extension: round1(inside / 1000) });
  }
  return {
    extensionScriptMs: round1(sum(extension)),
    pageScriptMs: round1(sum(page)),
    extensionCpuMs: round2(sumCpu(extension)),
    pageCpuMs: round1(sumCpu(page)),
    extensionLoadCpuMs: round2(sumCpu(extension.filter((event) => event.name !== 'FunctionCall' && event.name !== 'RunMicrotasks'))),
    scripts: scriptsCpu(extension, onMain),
    longTasks,
    extensionLongestMs: round1(extensionLongestMs),
    style: styleCpu(onMain, extension),
    firstFrames: firstFrames(events, onMain),
  };
}

function styleCpu(onMain: TraceEvent[], extension: TraceEvent[]): TraceFigures['style'] {
  const recalculations = outermost(onMain.filter((event) => event.name === 'UpdateLayoutTree'));
  const inside = recalculations.filter((recalculation) =>
    extension.some((call) => recalculation.ts >= call.ts && endOf(recalculation) <= endOf(call)),
  );
  return { allCpuMs: round1(sumCpu(recalculations)), extensionCpuMs: round2(sumCpu(inside)) };
}

function firstFrames(events: TraceEvent[], onMain: TraceEvent[]): TraceFigures['firstFrames'] {
  const paints = onMain.filter((event) => event.name === 'Paint').sort((a, b) => a.ts - b.ts);
  const marks = events.filter((event) => event.name === INSERTED_MARK || event.name === ATTRIBUTE_MARK).sort((a, b) => a.ts - b.ts);
  return marks.flatMap((mark, index) => {
    if (mark.name !== INSERTED_MARK) return [];
    const paint = paints.find((event) => event.ts > mark.ts);
    const next = marks[index + 1];
    const highlighted = next?.name === ATTRIBUTE_MARK ? next : undefined;
    return [
      { toPaintMs: paint ? round1((paint.ts - mark.ts) / 1000) : null, highlightedBefore: !!highlighted && (!paint || highlighted.ts < paint.ts) },
    ];
  });
}

// ---------------------------------------------------------------- page runs

async function runPage(context: BrowserContext, round: number, setup: Setup, scenario: Scenario): Promise<PageRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const stopTrace = await startTrace(cdp);
  const url = SCENARIO_URLS[scenario];
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done, null, { timeout: 60_000, polling: 250 });
  const bench = await page.evaluate(() => (window as unknown as { __bench: PageBench }).__bench);
  const events = await stopTrace();
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
  const heap = await heapAfterCollection(cdp);
  // Only now (reading our closed shadow root loads nothing into the page's heap before the figure):
  // what the extension shows at the end, the guide's card or the chip (checks that "quiet" is quiet).
  const overlay = await readOverlay(page);
  const shown = { card: Number(overlay.card !== null), chip: Number(overlay.chip !== null) };
  await page.close();
  return {
    round,
    setup,
    scenario,
    metrics,
    heap,
    longTasks: bench.longTasks.map((task) => round1(task.duration)),
    latencies: bench.appearances.map((appearance) => (appearance.latency === null ? null : round1(appearance.latency))),
    tickLatenessP95: round1(quantile(bench.tickLateness, 0.95)),
    targetVisibleMs: bench.targetVisibleMs,
    shown,
    trace: traceFigures(events, url.split('#')[0]!),
  };
}

/** The page's JS heap after two full collections: what is still referenced, not garbage. */
async function heapAfterCollection(cdp: CDPSession): Promise<{ usedSize: number; embedderHeapUsedSize: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { usedSize: heap.usedSize, embedderHeapUsedSize: heap.embedderHeapUsedSize };
}

/** The heap a small, still replica page (the old WebMail inbox, 2 messages) holds, guide off: the extension's fixed cost. */
async function smallPageHeap(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(SMALL_URL);
  await page.waitForTimeout(1500);
  const { usedSize } = await heapAfterCollection(cdp);
  await page.close();
  return usedSize;
}
// ---------------------------------------------------------------- extension state

function isoDays(offset: number): string {
  return addDays(localToday(new Date()), offset);
}

/**
 * The 200 accounts, as the store holds them (utils/store/types.ts): the page's mailbox 60 days
 * from expiry (the guide quiet, the chip only), then expiries from a month past to a year ahead
 * (every badge colour and reminder state), one in ten without one, every fourth an office's client.
 */
function benchAccounts(): Account[] {
  const now = Date.now();
  return Array.from({ length: ACCOUNTS }, (_, index): Account => {
    const office = index % OFFICE_EVERY === 1;
    return {
      ...NO_OFFICE_FIELDS,
      address: index === 0 ? PAGE_MAILBOX : `casella${String(index + 1).padStart(3, '0')}@pec.it`,
      label: index % 3 === 0 ? `Studio ${index + 1}` : '',
      expiry: index === 0 ? isoDays(60) : index % 10 === 9 ? null : isoDays(-30 + ((index * 7) % 400)),
      capturedAt: now - (index + 1) * 3_600_000,
      source: index % 2 ? 'webmail-dialog' : 'manual',
      pageUrl: index % 2 ? 'https://webmail.pec.it/' : null,
      programs: index % 4 === 0 ? ['Outlook', 'Thunderbird'] : ['Outlook'],
      programsToUpdate: [],
      ...(office ? { owner: `Cliente ${index + 1}`, contact: `cliente${index + 1}@example.it` } : {}),
    };
  });
}

/** The backup file the options page exports, built by the project's own function and checked by its own reader. */
function benchBackupFile(): string {
  const text = JSON.stringify(buildBackup({ accounts: benchAccounts(), renewals: [], settings: { ...DEFAULT_SETTINGS } }, new Date()));
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`the bench's backup is not one the extension reads: ${parsed.error} ${parsed.detail ?? ''}`);
  return text;
}

/**
 * The 200 accounts arrive as a user's would: the options page's «Importa un backup», a file
 * chosen, its preview confirmed. The page sends apply-import; the background (the only writer)
 * stores them and plans their reminders. Returns the alarms the browser then holds.
 */
async function importAccounts(extension: LoadedExtension): Promise<number> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options
    .getByLabel('File di backup (JSON)')
    .setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(benchBackupFile()) });
  await options.getByRole('button', { name: 'Importa', exact: true }).click();
  await options.getByText('Importazione completata').waitFor({ timeout: 30_000 });
  await options.close();
  return extension.serviceWorker.evaluate(async () => (await chrome.alarms.getAll()).length);
}

/**
 * Marks in the service worker, for the trace: one at every message it receives (its type) and
 * at every alarm. A listener beside the extension's own that answers nothing (as the e2e tests'
 * message recorder does); its cost, a performance.mark, is inside the figures (microseconds).
 */
async function markWorkerEvents(extension: LoadedExtension): Promise<void> {
  await extension.serviceWorker.evaluate((prefix) => {
    chrome.runtime.onMessage.addListener((message) => {
      const { type, stage } = message as { type?: unknown; stage?: unknown };
      performance.mark(`${prefix}${String(type)}${typeof stage === 'string' ? `:${stage}` : ''}`);
      return undefined;
    });
    chrome.alarms.onAlarm.addListener(({ name }) => performance.mark(`${prefix}alarm:${name.split('|')[0]}`));
  }, MARK);
}

interface WorkerWindow {
  /** The mark's name without the prefix: a message type (guide-mode:loader, load-guide, expiry-seen…) or alarm:… */
  event: string;
  /** The service worker's CPU time from this mark to the next (the tasks that end after it), ms. */
  workerCpuMs: number;
  /** The browser process's main thread meanwhile (alarms, badge, IndexedDB, messaging; DevTools too), ms. */
  browserCpuMs: number;
  /** Wall time from the mark to the end of the worker's last task in the window, ms. */
  spanMs: number;
}

/** The service worker's marks in a browser-wide trace, in order. */
function workerMarks(events: TraceEvent[]): TraceEvent[] {
  return events.filter((event) => event.name.startsWith(MARK) && !PAGE_MARKS.has(event.name)).sort((a, b) => a.ts - b.ts);
}

/**
 * Splits the worker's CPU time by the event that caused it: each of its tasks goes to the last
 * mark before the task ends (the task that received a message holds its mark), until the next
 * mark. What ran before the first mark (the bench's own setup calls) is left out.
 */
function workerWindows(events: TraceEvent[]): { windows: WorkerWindow[]; settledMs: number } {
  const marks = workerMarks(events);
  if (marks.length === 0) return { windows: [], settledMs: NaN };
  const { pid, tid } = marks[0]!;
  const tasks = outermost(events.filter((event) => event.ph === 'X' && event.pid === pid && event.tid === tid && event.name === 'RunTask'));
  const browserMain = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrBrowserMain');
  const browserTasks = browserMain
    ? outermost(
        events.filter((event) => event.ph === 'X' && event.pid === browserMain.pid && event.tid === browserMain.tid && event.name === 'RunTask'),
      )
    : [];
  const traceEnd = Math.max(...events.map((event) => endOf(event)));
  const windows = marks.map((mark, index) => {
    const next = marks[index + 1]?.ts ?? Infinity;
    const own = tasks.filter((task) => endOf(task) >= mark.ts && endOf(task) < next);
    const browser = browserTasks.filter((task) => task.ts >= mark.ts && task.ts < Math.min(next, own.length ? endOf(own.at(-1)!) : mark.ts));
    return {
      event: mark.name.slice(MARK.length),
      workerCpuMs: round2(sumCpu(own)),
      browserCpuMs: round2(sumCpu(browser)),
      spanMs: round1(own.length ? (endOf(own.at(-1)!) - mark.ts) / 1000 : 0),
    };
  });
  const lastWork = tasks.filter((task) => task.ts >= marks[0]!.ts).at(-1);
  return { windows, settledMs: round1(lastWork ? (traceEnd - endOf(lastWork)) / 1000 : NaN) };
}

interface CaptureSample {
  /** The worker's CPU for the expiry-seen message, ms (null: no capture seen). */
  captureCpuMs: number | null;
  captureBrowserCpuMs: number | null;
  /** Every message of the visit (guide-mode, load-guide, expiry-seen) with its worker CPU. */
  windows: WorkerWindow[];
  /** Trace time after the worker's last task: > 0 means the work was over when the trace stopped. */
  settledMs: number;
  /** What the chip said: the date was recorded. */
  chip: string;
}

/**
 * A real capture: the security replica shows the expiry of the password for mail programs, the
 * loader sees a page of the path and has the guide injected, the guide reads the date and sends
 * expiry-seen, the background stores it, settles reminders, reconciles alarms and badge.
 */
async function captureVisit(extension: LoadedExtension): Promise<CaptureSample> {
  const page = await extension.context.newPage();
  let chip = '';
  const events = await traceBrowser(extension, async () => {
    await page.goto(CAPTURE_URL);
    await until(async () => (chip = await chipText(page)).includes('Scadenza registrata'), 15_000);
    await page.waitForTimeout(SETTLE_MS);
  });
  await page.close();
  const { windows, settledMs } = workerWindows(events);
  const capture = windows.find((window) => window.event === 'expiry-seen');
  return {
    captureCpuMs: capture?.workerCpuMs ?? null,
    captureBrowserCpuMs: capture?.browserCpuMs ?? null,
    windows,
    settledMs,
    chip,
  };
}

interface AlarmSample {
  kind: 'midnight' | 'reminder';
  name: string;
  /** The worker's CPU from the alarm to the end of its work, ms (null: the alarm was not seen firing). */
  workerCpuMs: number | null;
  browserCpuMs: number | null;
  spanMs: number | null;
  settledMs: number;
}

/**
 * A real alarm: one the extension created, re-created by the bench to come due now (the
 * browser fires it, the extension's onAlarm listener does the work). The midnight alarm runs the
 * whole reconcile (alarms, fired reminders, notifications, badge); a reminder alarm shows its
 * notification and marks it shown.
 */
async function fireAlarm(extension: LoadedExtension, kind: AlarmSample['kind'], name: string): Promise<AlarmSample> {
  const events = await traceBrowser(extension, async () => {
    await extension.serviceWorker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() + 300 }), name);
    await sleep(ALARM_WAIT_MS);
  });
  const { windows, settledMs } = workerWindows(events);
  const fired = windows.find((window) => window.event.startsWith('alarm:'));
  return {
    kind,
    name: kind === 'midnight' ? name : 'reminder|…',
    workerCpuMs: fired?.workerCpuMs ?? null,
    browserCpuMs: fired?.browserCpuMs ?? null,
    spanMs: fired?.spanMs ?? null,
    settledMs,
  };
}

/** The soonest reminder alarms the extension holds (their names carry addresses: they stay in this process). */
async function reminderAlarms(extension: LoadedExtension, count: number): Promise<string[]> {
  const alarms = await extension.serviceWorker.evaluate(async () =>
    (await chrome.alarms.getAll()).map(({ name, scheduledTime }) => ({ name, scheduledTime })),
  );
  return alarms
    .filter((alarm) => alarm.name.startsWith(REMINDER_PREFIX))
    .sort((a, b) => a.scheduledTime - b.scheduledTime)
    .slice(0, count)
    .map((alarm) => alarm.name);
}

/** The renderer that runs our guide, found by its script whatever the page (loaded before the trace, the page runs none in it). */
const GUIDE_URL_PREFIX = 'chrome-extension://';

/** The main world's probe for the first data-pec-highlight: a mark in the trace, and its time. */
const HIGHLIGHT_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-pec-highlight]')) return;
    performance.mark('${MARK}highlight');
    window.__benchHighlight = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-pec-highlight'] });
})();`;

interface NeedSample {
  kind: 'guide-on' | 'click';
  /** The judged figure: from the need to the first highlight (guide on) or to the guide's first look done (click), ms; null: never. */
  ms: number | null;
  /** Milestones, ms after the need (the trace's clock): where the time goes. */
  steps: Record<string, number | null>;
  /** Main-thread CPU of the page's extension scripts meanwhile, ms, per file (loading, calls). */
  scripts: Record<string, ScriptCpu>;
}

/** Milestones of the guide's arrival in a page's renderer, relative to `from` (µs trace time), ms. */
function guideMilestones(
  events: TraceEvent[],
  pageUrlPrefix: string,
  from: number,
): { steps: Record<string, number | null>; scripts: Record<string, ScriptCpu> } {
  const main = rendererMain(events, pageUrlPrefix);
  const onMain = main ? events.filter((event) => event.ph === 'X' && event.pid === main.pid && event.tid === main.tid) : [];
  const extension = outermost(onMain.filter((event) => SCRIPT_EVENTS.has(event.name) && isExtensionUrl(event.args?.data?.url)));
  const guide = extension.filter((event) => extensionFile(event.args?.data?.url) === GUIDE_FILE);
  const injected = guide.find((event) => event.name === 'EvaluateScript');
  const marks = workerMarks(events).filter((mark) => mark.ts >= from);
  const markAt = (name: string) => marks.find((mark) => mark.name === `${MARK}${name}`)?.ts;
  const askedAgain = markAt('guide-mode:guide');
  // The loader's question (the need of the guide-on figure): when the worker was done with it, and when its answer ran in the page.
  const question = workerWindows(events).windows[workerMarks(events).findIndex((mark) => mark.ts === from)];
  const answered = replyMicrotasks(outermost(onMain.filter((event) => event.name === 'RunTask')), onMain).find((event) => event.ts >= from);
  const lookFrom = Math.max(injected ? endOf(injected) : Infinity, askedAgain ?? -Infinity);
  const firstLook = guide.find((event) => event.name === 'FunctionCall' && event.ts >= lookFrom);
  const at = (ts: number | undefined) => (ts === undefined || !Number.isFinite(ts) ? null : round1((ts - from) / 1000));
  return {
    steps: {
      'the background done with the question': question ? round1(question.spanMs) : null,
      'the loader runs its answer': at(answered?.ts),
      'load-guide reaches the background': at(markAt('load-guide')),
      'guide injected (its compile starts)': at(injected?.ts),
      'guide evaluated': at(injected ? endOf(injected) : undefined),
      'guide asks guide-mode itself': at(askedAgain),
      'guide first look done': at(firstLook ? endOf(firstLook) : undefined),
    },
    scripts: scriptsCpu(
      extension.filter((event) => event.ts >= from),
      onMain,
    ),
  };
}

/**
 * Guide on (a renewal started): the heavy inbox with «Impostazioni» there from the start. The
 * need is the loader's guide-mode question reaching the background (its answer says "guide",
 * so the loader asks for the guide at once); the figure ends at the first data-pec-highlight.
 */
async function needGuideOn(extension: LoadedExtension): Promise<NeedSample> {
  const page = await extension.context.newPage();
  await page.addInitScript(HIGHLIGHT_PROBE);
  const events = await traceBrowser(extension, async () => {
    await page.goto(NEED_URL);
    await until(() => page.evaluate(() => (window as unknown as { __benchHighlight?: number }).__benchHighlight !== undefined), 15_000);
    await page.waitForTimeout(300);
  });
  await page.close();
  const need = workerMarks(events).find((mark) => mark.name === `${MARK}guide-mode:loader`);
  const highlight = events.find((event) => event.name === `${MARK}highlight`);
  if (!need) return { kind: 'guide-on', ms: null, steps: {}, scripts: {} };
  const { steps, scripts } = guideMilestones(events, NEED_URL.split('#')[0]!, need.ts);
  const ms = highlight ? round1((highlight.ts - need.ts) / 1000) : null;
  return { kind: 'guide-on', ms, steps: { ...steps, 'first data-pec-highlight': ms }, scripts };
}

/**
 * Guide off (the chip only), the new WebMail: a real (trusted) Playwright click on «Impostazioni»,
 * one of the path's labels. The need is the click's dispatch in the page; the figure ends when
 * the guide has taken its first look at the page (the end of its first call after it knows its
 * mode): with the guide off there is nothing to highlight, the guide is then ready to capture.
 * The new WebMail draws its banner after load, so its loader names no mailbox and the background
 * answers for the tab's: the tab first shows the old WebMail, whose banner names the page's
 * mailbox, as a user who switches WebMail in one tab would (a fresh tab: freshTabLoadsGuide).
 */
async function needClick(extension: LoadedExtension): Promise<NeedSample> {
  const page = await extension.context.newPage();
  await page.goto(SMALL_URL);
  await until(async () => (await chipText(page)).includes('scade tra'), 15_000);
  await page.goto(CLICK_URL);
  const settings = page.getByRole('button', { name: 'Impostazioni' });
  await settings.waitFor({ timeout: 15_000 });
  await until(async () => (await chipText(page)).includes('scade tra'), 15_000);
  const before = await guideRuns(page, extension.extensionId);
  const events = await traceBrowser(extension, async () => {
    await settings.click();
    await page.waitForTimeout(SETTLE_MS);
  });
  await page.close();
  const main = rendererMain(events, GUIDE_URL_PREFIX);
  const click = events.find(
    (event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click' && (!main || (event.pid === main.pid && event.tid === main.tid)),
  );
  // Already loaded before the click: this sample says nothing about the click.
  if (!click || before === true)
    return { kind: 'click', ms: null, steps: { 'guide already loaded before the click': before === true ? 1 : 0 }, scripts: {} };
  const { steps, scripts } = guideMilestones(events, GUIDE_URL_PREFIX, click.ts);
  return { kind: 'click', ms: steps['guide first look done'] ?? null, steps, scripts };
}

/** Whether the new WebMail opened in a fresh tab (its loader names no mailbox) loads the guide without any click. */
async function freshTabLoadsGuide(extension: LoadedExtension): Promise<boolean> {
  const page = await extension.context.newPage();
  await page.goto(CLICK_URL);
  await page.getByRole('button', { name: 'Impostazioni' }).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(SETTLE_MS);
  const runs = (await guideRuns(page, extension.extensionId)) === true;
  await page.close();
  return runs;
}

/** Counts rows as they appear, from before the popup's first script: time to 200 rows, then to the next frame. */
const POPUP_PROBE = `(() => {
  const SELECTORS = ['[data-address]', '[role=listitem]', 'li'];
  const result = (window.__popupBench = { rowsAt: null, paintedAt: null, selector: null });
  const check = () => {
    if (result.rowsAt !== null) return;
    const selector = SELECTORS.find((s) => document.querySelectorAll(s).length >= ${ACCOUNTS});
    if (!selector) return;
    result.rowsAt = performance.now();
    result.selector = selector;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (result.paintedAt = performance.now()), 0));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface PopupSample {
  rowsMs: number | null;
  paintedMs: number | null;
  selector: string | null;
}

async function popupFirstRender(extension: LoadedExtension): Promise<PopupSample> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.addInitScript(POPUP_PROBE);
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  const probe = () =>
    page.evaluate(
      () => (window as unknown as { __popupBench: { rowsAt: number | null; paintedAt: number | null; selector: string | null } }).__popupBench,
    );
  const deadline = Date.now() + 5_000;
  let result = await probe();
  while (result.paintedAt === null && Date.now() < deadline) {
    await page.waitForTimeout(100);
    result = await probe();
  }
  await page.close();
  return {
    rowsMs: result.rowsAt === null ? null : round1(result.rowsAt),
    paintedMs: result.paintedAt === null ? null : round1(result.paintedAt),
    selector: result.selector,
  };
}

/** First contentful paint of the popup with no account (after one warm-up open): the floor any popup pays here. */
async function emptyPopupPaint(extension: LoadedExtension): Promise<number | null> {
  let fcp: number | null = null;
  for (let open = 0; open < 2; open++) {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await page.waitForTimeout(300);
    fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    await page.close();
  }
  return fcp === null ? null : round1(fcp);
}

// ---------------------------------------------------------------- one launch

interface LaunchResult {
  setup: Setup;
  pages: PageRun[];
  /** The small still page's heap, guide off (the loader and its chip alone). */
  smallPageHeap: number | null;
  popup: PopupSample[];
  emptyPopupPaint: number | null;
  captures: CaptureSample[];
  alarms: AlarmSample[];
  needs: NeedSample[];
  /** Alarms the browser holds after the import (Chrome keeps at most 500 per extension). */
  alarmsHeld: number | null;
  /** The new WebMail in a fresh tab loaded the guide without a click (null: not checked). */
  freshTabLoadsGuide: boolean | null;
  blocked: string[];
}

/** Figures that barely vary (context only) are taken in the first rounds: the run stays short. */
const CONTEXT_ROUNDS = 2;

const emptyLaunch = (setup: Setup, blocked: string[]): LaunchResult => ({
  setup,
  pages: [],
  smallPageHeap: null,
  popup: [],
  emptyPopupPaint: null,
  captures: [],
  alarms: [],
  needs: [],
  alarmsHeld: null,
  freshTabLoadsGuide: null,
  blocked,
});

/** `work` on a build loaded in a fresh profile of Chromium; the browser closed and the profile removed after, whatever happens. */
async function withBuild(dir: string, work: (extension: LoadedExtension) => Promise<LaunchResult>): Promise<LaunchResult> {
  const profile = await mkdtemp(join(tmpdir(), 'pec-bench-'));
  const extension = await launchWithExtension(profile, 'it-IT', true, dir);
  try {
    return await work(extension);
  } finally {
    await extension.context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * With the extension. In order: the 200 accounts through the options page; the quiet visit
 * (guide off, as every launch's first visit) and the small page's heap; clicks on a label of
 * the path on the quiet WebMail; captures on the security replica; the midnight and reminder
 * alarms; the popup; then a renewal started from the extension (guide on): the inbox, the idle
 * inbox, and the heavy inbox with the target there from the start.
 */
function withExtension(round: number): Promise<LaunchResult> {
  return withBuild(BUILD_COPY, async (extension) => {
    const result = emptyLaunch('with', extension.blocked);
    result.emptyPopupPaint = round < CONTEXT_ROUNDS ? await emptyPopupPaint(extension) : null;
    await markWorkerEvents(extension);
    result.alarmsHeld = await importAccounts(extension);
    result.pages.push(await runPage(extension.context, round, 'with', 'quiet'));
    result.smallPageHeap = await smallPageHeap(extension.context);
    for (let need = 0; need < NEEDS_PER_LAUNCH; need++) result.needs.push(await needClick(extension));
    result.freshTabLoadsGuide = round < CONTEXT_ROUNDS ? await freshTabLoadsGuide(extension) : null;
    for (let capture = 0; capture < CAPTURES_PER_LAUNCH; capture++) result.captures.push(await captureVisit(extension));
    result.alarms.push(await fireAlarm(extension, 'midnight', MIDNIGHT_ALARM), await fireAlarm(extension, 'midnight', MIDNIGHT_ALARM));
    for (const name of await reminderAlarms(extension, 2)) result.alarms.push(await fireAlarm(extension, 'reminder', name));
    for (let open = 0; open < POPUP_OPENS; open++) result.popup.push(await popupFirstRender(extension));
    await startRenewal(extension);
    result.pages.push(await runPage(extension.context, round, 'with', 'inbox'), await runPage(extension.context, round, 'with', 'idle'));
    for (let need = 0; need < NEEDS_PER_LAUNCH; need++) result.needs.push(await needGuideOn(extension));
    return result;
  });
}

/** The same build with an empty content script (what Chromium charges any extension that has one), the same visits in the same order. */
function withEmptyContentScript(round: number): Promise<LaunchResult> {
  return withBuild(EMPTY_COPY, async (extension) => {
    const result = emptyLaunch('empty', extension.blocked);
    result.pages.push(await runPage(extension.context, round, 'empty', 'quiet'));
    result.smallPageHeap = await smallPageHeap(extension.context);
    result.pages.push(await runPage(extension.context, round, 'empty', 'inbox'), await runPage(extension.context, round, 'empty', 'idle'));
    return result;
  });
}

/** The same build whose content script only asks the background (ASK_ONLY_SCRIPT): the quiet visit after the same import. */
function withAskOnlyContentScript(round: number): Promise<LaunchResult> {
  return withBuild(ASK_COPY, async (extension) => {
    const result = emptyLaunch('ask', extension.blocked);
    await importAccounts(extension);
    result.pages.push(await runPage(extension.context, round, 'ask', 'quiet'));
    return result;
  });
}

async function withoutExtension(round: number): Promise<LaunchResult> {
  const profile = await mkdtemp(join(tmpdir(), 'pec-bench-'));
  const { context, blocked } = await launchWithoutExtension(profile);
  try {
    const result = emptyLaunch('without', blocked);
    result.pages.push(await runPage(context, round, 'without', 'quiet'));
    result.smallPageHeap = await smallPageHeap(context);
    result.pages.push(await runPage(context, round, 'without', 'inbox'), await runPage(context, round, 'without', 'idle'));
    return result;
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- figures

interface Figure {
  id: string;
  figure: string;
  measured: number | null;
  unit: string;
  display: string;
  budget: number | null;
  budgetDisplay: string;
  ok: boolean | null;
  how: string;
}

/** A figure against its budget; a null budget is context, not judged. */
function figure(
  id: string,
  label: string,
  measured: number | null,
  unit: string,
  budget: number | null,
  how: string,
  display?: string,
  budgetDisplay?: string,
): Figure {
  const known = measured !== null && Number.isFinite(measured);
  const shown = display ?? (known ? `${round1(measured)} ${unit}`.trim() : 'n/a');
  // Never seen (Infinity) is over any budget; not measured at all (NaN, null) is n/a.
  const ok = budget === null ? null : measured === Infinity ? false : !known ? null : measured <= budget;
  const budgetText = budgetDisplay ?? (budget === null ? '—' : `≤ ${round2(budget)} ${unit}`.trim());
  return { id, figure: label, measured: known ? round2(measured) : null, unit, display: shown, budget, budgetDisplay: budgetText, ok, how };
}

function runsOf(pages: PageRun[], setup: Setup, scenario: Scenario): PageRun[] {
  return pages.filter((run) => run.setup === setup && run.scenario === scenario);
}

/** Median CPU ms per extension script file over runs (files absent from a run count as 0 there). */
function scriptsMedian(all: Record<string, ScriptCpu>[]): Record<string, ScriptCpu> {
  const files = [...new Set(all.flatMap((scripts) => Object.keys(scripts)))];
  return Object.fromEntries(
    files.map((file) => [
      file,
      {
        load: round2(median(all.map((scripts) => scripts[file]?.load ?? 0))),
        run: round2(median(all.map((scripts) => scripts[file]?.run ?? 0))),
        gc: round2(median(all.map((scripts) => scripts[file]?.gc ?? 0))),
      },
    ]),
  );
}

/** "loader 1.2 + 0.1 ms, guide 8 + 20 ms": load (compile, first run) + later calls, per file. */
function scriptsText(scripts: Record<string, ScriptCpu>): string {
  const name = (file: string) => (file === LOADER_FILE ? 'loader' : file === GUIDE_FILE ? 'guide' : file === REPLIES ? 'after replies' : file);
  const parts = Object.entries(scripts).map(
    ([file, cpu]) => `${name(file)} ${round2(cpu.load)} load + ${round2(cpu.run)} calls${cpu.gc ? ` (page GC inside ${round2(cpu.gc)})` : ''}`,
  );
  return parts.length ? parts.join(', ') : 'no script';
}

/** Script time the extension adds to a scenario: medians with it (or its empty copy) and without it. */
function scriptCost(pages: PageRun[], scenario: Scenario, setup: Setup = 'with') {
  const withRuns = runsOf(pages, setup, scenario);
  const withoutRuns = runsOf(pages, 'without', scenario);
  const at = (runs: PageRun[], metric: string) => median(runs.map((run) => run.metrics[metric]! * 1000));
  const script = { with: at(withRuns, 'ScriptDuration'), without: at(withoutRuns, 'ScriptDuration') };
  const extensionCpu = median(withRuns.map((run) => run.trace.extensionCpuMs));
  const pageCpu = median(withoutRuns.map((run) => run.trace.pageCpuMs));
  return {
    scriptMs: { with: round1(script.with), without: round1(script.without), added: round1(script.with - script.without) },
    /** The judged figures: the extension's script CPU time, and the page's own, both from the trace. */
    cpuMs: {
      extension: round2(extensionCpu),
      page: round1(pageCpu),
      extensionLoad: round2(median(withRuns.map((run) => run.trace.extensionLoadCpuMs))),
    },
    cpuShare: extensionCpu / pageCpu,
    scripts: scriptsMedian(withRuns.map((run) => run.trace.scripts)),
    /** The baseline's spread: below it, a difference of medians is noise. */
    withoutScriptRangeMs: [
      round1(Math.min(...withoutRuns.map((run) => run.metrics.ScriptDuration! * 1000))),
      round1(Math.max(...withoutRuns.map((run) => run.metrics.ScriptDuration! * 1000))),
    ],
    longTasks: {
      withMedian: median(withRuns.map((run) => run.longTasks.length)),
      withoutMedian: median(withoutRuns.map((run) => run.longTasks.length)),
      // Tasks over 50 ms that would not be long without the extension's own script inside them.
      attributableMedian: median(
        withRuns.map((run) => run.trace.longTasks.filter((task) => task.extension > 0 && task.duration - task.extension <= LONG_TASK_MS).length),
      ),
      longestExtensionMs: Math.max(...withRuns.map((run) => run.trace.extensionLongestMs)),
    },
    heapBytes: {
      with: median(withRuns.map((run) => run.heap.usedSize)),
      without: median(withoutRuns.map((run) => run.heap.usedSize)),
    },
    tickLatenessP95: { with: median(withRuns.map((run) => run.tickLatenessP95)), without: median(withoutRuns.map((run) => run.tickLatenessP95)) },
    shown: { chips: withRuns.reduce((total, run) => total + run.shown.chip, 0), cards: withRuns.reduce((total, run) => total + run.shown.card, 0) },
  };
}

const percent = (share: number) => `${round1(share * 100)} %`;
const kb = (bytes: number) => round1(bytes / 1024);
const msText = (value: number) => (Number.isFinite(value) ? `${round1(value)} ms` : value === Infinity ? 'never' : 'n/a');

/** Median of each milestone over samples, for the breakdown of a need figure. */
function stepsMedian(samples: NeedSample[]): string {
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample.steps)))];
  return names
    .map((name) => {
      const values = samples.flatMap((sample) => (sample.steps[name] === null || sample.steps[name] === undefined ? [] : [sample.steps[name]]));
      return `${name} +${values.length ? round1(median(values)) : 'n/a'}`;
    })
    .join(', ');
}

/** Median worker CPU per message type over the capture visits. */
function messagesMedian(samples: CaptureSample[]): Record<string, number> {
  const events = [...new Set(samples.flatMap((sample) => sample.windows.map((window) => window.event)))];
  return Object.fromEntries(
    events.map((event) => [
      event,
      round2(median(samples.flatMap((sample) => sample.windows.filter((w) => w.event === event).map((w) => w.workerCpuMs)))),
    ]),
  );
}
// ---------------------------------------------------------------- main

const LAUNCHERS: Record<Setup, (round: number) => Promise<LaunchResult>> = {
  with: withExtension,
  empty: withEmptyContentScript,
  ask: withAskOnlyContentScript,
  without: withoutExtension,
};

async function main(): Promise<void> {
  const missing = missingChromiumMessage();
  if (missing) {
    console.error(missing);
    return;
  }
  await mkdir(OUT_DIR, { recursive: true });
  await rm(BUILD_COPY, { recursive: true, force: true });
  await cp(EXTENSION_DIR, BUILD_COPY, { recursive: true });
  await rm(EMPTY_COPY, { recursive: true, force: true });
  await cp(BUILD_COPY, EMPTY_COPY, { recursive: true });
  await writeFile(join(EMPTY_COPY, LOADER_FILE), '');
  await rm(ASK_COPY, { recursive: true, force: true });
  await cp(BUILD_COPY, ASK_COPY, { recursive: true });
  await writeFile(join(ASK_COPY, LOADER_FILE), ASK_ONLY_SCRIPT);
  const loaderSource = await readFile(join(BUILD_COPY, LOADER_FILE));
  const guideSource = await readFile(join(BUILD_COPY, GUIDE_FILE));
  const provenance = await buildProvenance(loaderSource, guideSource);
  const started = Date.now();
  const loadBefore = loadavg();
  const pressureBefore = await cpuPressure();
  const loadSamples: number[] = [];
  const launches: LaunchResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating which setup goes first, so a machine that slows down over the run hurts all three.
    const order: Setup[] = round % 2 === 0 ? ['with', 'without', 'empty', 'ask'] : ['ask', 'empty', 'without', 'with'];
    for (const setup of order) {
      const launchStart = Date.now();
      // One retry: a browser that crashed or a page that hung should not cost the whole run.
      const launch = () => LAUNCHERS[setup](round);
      launches.push(
        await launch().catch((error: unknown) => {
          console.log(`round ${round + 1} ${setup}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; retrying`);
          return launch();
        }),
      );
      loadSamples.push(loadavg()[0]!);
      console.log(
        `round ${round + 1}/${ROUNDS} ${setup.padEnd(7)} ${((Date.now() - launchStart) / 1000).toFixed(1)} s, load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
  }
  const pages = launches.flatMap((launch) => launch.pages);
  const popups = launches.flatMap((launch) => launch.popup);
  const captures = launches.flatMap((launch) => launch.captures);
  const alarms = launches.flatMap((launch) => launch.alarms);
  const needs = launches.flatMap((launch) => launch.needs);
  const blocked = launches.flatMap((launch) => launch.blocked);

  const loaderGzip = gzipSync(loaderSource, { level: 9 }).length;
  const guideGzip = gzipSync(guideSource, { level: 9 }).length;

  const cost = { quiet: scriptCost(pages, 'quiet'), inbox: scriptCost(pages, 'inbox'), idle: scriptCost(pages, 'idle') };
  const empty = { quiet: scriptCost(pages, 'quiet', 'empty'), inbox: scriptCost(pages, 'inbox', 'empty'), idle: scriptCost(pages, 'idle', 'empty') };
  const latencies = runsOf(pages, 'with', 'inbox').flatMap((run) => run.latencies);
  const misses = latencies.filter((latency) => latency === null).length;
  const latencyP95 = p95WithMisses(latencies);
  const inboxRuns = runsOf(pages, 'with', 'inbox');
  const frames = inboxRuns.flatMap((run) => run.trace.firstFrames);
  const toPaint = frames.flatMap((frame) => (frame.toPaintMs === null ? [] : [frame.toPaintMs]));
  const styleOf = (setup: Setup, part: keyof TraceFigures['style']) =>
    round1(median(runsOf(pages, setup, 'inbox').map((run) => run.trace.style[part])));
  const targetVisibleMs = inboxRuns[0]?.targetVisibleMs ?? NaN;
  const appearances = inboxRuns[0]?.latencies.length ?? 0;
  const highlighted = latencies.filter((latency): latency is number => latency !== null);
  const popupPainted = popups.map((sample) => sample.paintedMs);
  const popupFound = popupPainted.every((value) => value !== null) && popupPainted.length > 0;
  const popupMedian = popupFound ? median(popupPainted) : null;
  const emptyPaints = launches.flatMap((launch) => (launch.emptyPopupPaint === null ? [] : [launch.emptyPopupPaint]));
  const heapOf = (setup: Setup) => median(runsOf(pages, setup, 'quiet').map((run) => run.heap.usedSize));
  const smallHeapOf = (setup: Setup) =>
    median(launches.flatMap((launch) => (launch.setup === setup && launch.smallPageHeap !== null ? [launch.smallPageHeap] : [])));
  const quietHeap = { with: heapOf('with'), empty: heapOf('empty'), without: heapOf('without'), ask: heapOf('ask') };
  const askOnly = scriptCost(pages, 'quiet', 'ask');
  const smallHeap = { with: smallHeapOf('with'), empty: smallHeapOf('empty'), without: smallHeapOf('without') };
  const quietBudget = empty.quiet.cpuMs.extension + 1;
  const needsOf = (kind: NeedSample['kind']) => needs.filter((sample) => sample.kind === kind);
  const needP95 = (kind: NeedSample['kind']) => p95WithMisses(needsOf(kind).map((sample) => sample.ms));
  const needSlowest = (kind: NeedSample['kind']) => Math.max(...needsOf(kind).map((sample) => sample.ms ?? Infinity));
  const needMedian = (kind: NeedSample['kind']) => median(needsOf(kind).flatMap((sample) => (sample.ms === null ? [] : [sample.ms])));
  const needScripts = (kind: NeedSample['kind']) => scriptsText(scriptsMedian(needsOf(kind).map((sample) => sample.scripts)));
  // A launch's first capture reads a date other than the one imported (a renewal: the mailbox's
  // alarms move); the next ones read it again, as every later visit to the page does.
  const medianOrNaN = (values: (number | null)[]) => (values.every((value) => value !== null) && values.length ? median(values) : NaN);
  const renewalMedian = medianOrNaN(launches.flatMap((launch) => launch.captures.slice(0, 1).map((sample) => sample.captureCpuMs)));
  const againMedian = medianOrNaN(launches.flatMap((launch) => launch.captures.slice(1).map((sample) => sample.captureCpuMs)));
  const alarmsOf = (kind: AlarmSample['kind']) => alarms.filter((sample) => sample.kind === kind);
  const alarmMedian = (kind: AlarmSample['kind']) => {
    const values = alarmsOf(kind).map((sample) => sample.workerCpuMs);
    return values.every((value) => value !== null) && values.length ? median(values) : NaN;
  };
  const alarmBrowser = (kind: AlarmSample['kind']) =>
    round1(median(alarmsOf(kind).flatMap((sample) => (sample.browserCpuMs === null ? [] : [sample.browserCpuMs]))));
  const alarmSpan = (kind: AlarmSample['kind']) =>
    round1(median(alarmsOf(kind).flatMap((sample) => (sample.spanMs === null ? [] : [sample.spanMs]))));
  const alarmsHeld = Math.max(...launches.flatMap((launch) => (launch.alarmsHeld === null ? [] : [launch.alarmsHeld])));
  const perMessage = messagesMedian(captures);
  const freshChecks = launches.flatMap((launch) => (launch.freshTabLoadsGuide === null ? [] : [launch.freshTabLoadsGuide]));

  const shareText = (entry: ReturnType<typeof scriptCost>) => {
    const [low, high] = entry.withoutScriptRangeMs;
    return `${percent(entry.cpuShare)}: ${entry.cpuMs.extension} ms on the page's ${entry.cpuMs.page} ms (${scriptsText(entry.scripts)}; CDP ScriptDuration with − without: ${entry.scriptMs.added} ms, baseline ${low}–${high} ms)`;
  };

  const figures: Figure[] = [
    figure(
      'quiet-script',
      'added script on the guide-off visit (quiet inbox), vs an empty content script + 1 ms',
      cost.quiet.cpuMs.extension,
      'ms',
      quietBudget,
      "CPU (thread) time of the extension's scripts on the page's main thread during the quiet visit (the 5,000-message inbox changing for 3 s, guide off, the chip only), from a Chromium trace: outermost EvaluateScript / v8.compile / FunctionCall events of chrome-extension:// URLs (the loader, and the guide had it been injected), and the tasks that run only microtasks (what the loader does once the background answers). Median per visit. The budget is the same figure for the same build with an empty content script, same visit (first of its launch), same run, plus 1 ms. Beside it, the floor of any content script that talks to the background: the same build whose content script only asks the loader's question and does nothing else.",
      `${cost.quiet.cpuMs.extension} ms (${scriptsText(cost.quiet.scripts)}); empty content script ${empty.quiet.cpuMs.extension} ms; a content script that only asks the background ${askOnly.cpuMs.extension} ms; page's own ${cost.quiet.cpuMs.page} ms; chip shown ${cost.quiet.shown.chips}/${runsOf(pages, 'with', 'quiet').length}, cards ${cost.quiet.shown.cards}`,
      `≤ ${round2(quietBudget)} ms (empty + 1)`,
    ),
    figure(
      'loader-gzip',
      'always-loaded content script (aruba-loader.js), gzipped',
      loaderGzip / 1024,
      'KB',
      3,
      `${LOADER_FILE} as copied at the start, through zlib gzip level 9 (its CSS is inside it).`,
      `${kb(loaderGzip)} KB (${loaderGzip} B; raw ${kb(loaderSource.length)} KB)`,
    ),
    figure(
      'guide-gzip',
      'context: the guide the background injects when it has work (aruba-guide.js), gzipped',
      guideGzip / 1024,
      'KB',
      null,
      `${GUIDE_FILE} through zlib gzip level 9.`,
      `${kb(guideGzip)} KB (raw ${kb(guideSource.length)} KB)`,
    ),
    figure(
      'heap-quiet',
      'JS heap added on the quiet inbox, above an empty content script of the same run',
      (quietHeap.with - quietHeap.empty) / 1024,
      'KB',
      100,
      "CDP Runtime.getHeapUsage (usedSize) after two forced GCs (HeapProfiler.collectGarbage) at the end of the quiet visit, median with minus median with the empty content script. The content script's isolated world lives in the page's V8 isolate, so this covers it and what it keeps of the page.",
      `${round1((quietHeap.with - quietHeap.empty) / 1024)} KB (${kb(quietHeap.with)} KB vs ${kb(quietHeap.empty)} KB empty, ${kb(quietHeap.without)} KB without; a content script that only asks the background: ${round1((quietHeap.ask - quietHeap.empty) / 1024)} KB above empty); small still page: ${round1((smallHeap.with - smallHeap.empty) / 1024)} KB above empty, ${round1((smallHeap.with - smallHeap.without) / 1024)} KB above without`,
    ),
    figure(
      'need-guide-on',
      'from the need to the first data-pec-highlight, guide on, p95 (heavy inbox, target there from the start)',
      needP95('guide-on'),
      'ms',
      100,
      `Guide on (a renewal started). The 5,000-message inbox with «Impostazioni» already in its top bar (${NEED_URL}). Browser-wide trace: from the loader's guide-mode question reaching the service worker (a mark there; the answer says "guide", so the loader asks for the guide at once) to the first data-pec-highlight (a mark from the page's own MutationObserver). Nearest-rank p95 over ${NEEDS_PER_LAUNCH} visits per round; never highlighted counts as infinitely late.`,
      `${msText(needP95('guide-on'))} (median ${msText(needMedian('guide-on'))}, slowest of ${needsOf('guide-on').length} ${msText(needSlowest('guide-on'))}; medians after the need: ${stepsMedian(needsOf('guide-on'))}; page CPU: ${needScripts('guide-on')})`,
    ),
    figure(
      'need-click',
      'from a click on a path label (guide off) to the guide loaded and its first look done, p95',
      needP95('click'),
      'ms',
      100,
      `Guide off, the new WebMail (${CLICK_URL}) with its chip: a real Playwright click (trusted) on «Impostazioni». From the click's dispatch in the page (trace EventDispatch) to the end of the guide's first call after it knows its mode (its first look at the page; with the guide off there is nothing to highlight, the guide is then ready to capture). Nearest-rank p95 over ${NEEDS_PER_LAUNCH} clicks per round.`,
      `${msText(needP95('click'))} (median ${msText(needMedian('click'))}, slowest of ${needsOf('click').length} ${msText(needSlowest('click'))}; medians after the click: ${stepsMedian(needsOf('click'))}; page CPU: ${needScripts('click')})`,
    ),
    figure(
      'fresh-tab-guide',
      'context: the new WebMail in a fresh tab loads the guide with no click',
      freshChecks.filter(Boolean).length,
      '',
      null,
      `${CLICK_URL} opened in a new tab with the ${ACCOUNTS} accounts, guide off for its mailbox: its banner is drawn after load, so the loader names no mailbox and the background answers for the tab (no page of it named one yet) from every known expiry; whether the guide runs ${SETTLE_MS} ms after «Impostazioni» is drawn, no click.`,
      `${freshChecks.filter(Boolean).length}/${freshChecks.length} launches`,
    ),
    figure(
      'inbox-share',
      "added script on the inbox while guiding, share of the page's own",
      cost.inbox.cpuShare * 100,
      '%',
      5,
      "CPU time of the extension's scripts (the loader and the injected guide, by their chrome-extension:// URLs) on the page's main thread during the inbox visit (10 s of changes, «Impostazioni» appearing 20 times, guide on), median per visit, over the CPU time of the page's own script (its URL) without the extension, median per visit. Beside it, the style recalculation (UpdateLayoutTree) that ran inside the extension's calls, forced by a check of what is shown, and all of the main thread's, with the extension and without: a recalculation forced early is the page's own pending work, which its next frame would have done.",
      `${shareText(cost.inbox)}; style recalculation forced inside the extension's calls ${styleOf('with', 'extensionCpuMs')} ms, on the page's main thread in all ${styleOf('with', 'allCpuMs')} ms with the extension, ${styleOf('without', 'allCpuMs')} ms without`,
    ),
    figure(
      'idle-share',
      'context: the same on the inbox with nothing to guide (guide on)',
      cost.idle.cpuShare * 100,
      '%',
      null,
      'As above on /bench/idle (3 s, no target), guide on.',
      shareText(cost.idle),
    ),
    figure(
      'empty-floor',
      'context: an empty content script on the same visits',
      empty.quiet.cpuMs.extension,
      'ms',
      null,
      "The same build with aruba-loader.js emptied, the same trace figure: creating the isolated world and running an empty file. Beside it, the same figure without any extension: tasks that run only microtasks, which the extension's figure counts as its replies, must be none there.",
      `quiet ${empty.quiet.cpuMs.extension} ms, inbox ${empty.inbox.cpuMs.extension} ms, idle ${empty.idle.cpuMs.extension} ms; without the extension ${scriptCost(pages, 'quiet', 'without').cpuMs.extension} ms on the quiet visit, ${scriptCost(pages, 'inbox', 'without').cpuMs.extension} ms on the inbox`,
    ),
    figure(
      'highlight-p95',
      'target → data-pec-highlight, p95 (inbox, guide on)',
      latencyP95,
      'ms',
      16,
      `The page inserts «Impostazioni» ${appearances} times per visit for ${targetVisibleMs} ms each and times insertion → attribute (its own MutationObserver, performance.now()). Nearest-rank p95 over every appearance of every run; an appearance never highlighted counts as infinitely late. Beside it, what a person sees: the page marks both moments in the trace, and each appearance is checked against the first Paint of the page's main thread after its insertion (the first frame that can show the target): was the highlight set before it.`,
      `${msText(latencyP95)} (median ${round1(median(highlighted))} ms; ${misses}/${latencies.length} never highlighted; the target's first painted frame had the highlight ${frames.filter((frame) => frame.highlightedBefore).length}/${frames.length} times, painted a median ${round1(median(toPaint))} ms after the insertion)`,
    ),
    figure(
      'long-tasks',
      'context: long tasks (> 50 ms) attributable to the extension, per visit (inbox)',
      cost.inbox.longTasks.attributableMedian,
      '',
      null,
      "Trace of the page's main thread: tasks over 50 ms that would not be long without the extension's script inside them. Median per visit.",
      `${cost.inbox.longTasks.attributableMedian} (PerformanceObserver: ${cost.inbox.longTasks.withMedian} with, ${cost.inbox.longTasks.withoutMedian} without; longest extension part ${cost.inbox.longTasks.longestExtensionMs} ms)`,
    ),
    figure(
      'timer-delay',
      "context: the page's own 100 ms timer firing late, p95 (inbox)",
      cost.inbox.tickLatenessP95.with,
      'ms',
      null,
      "How late the page's own change ticks ran against their schedule. Median over runs of each run's p95.",
      `${round1(cost.inbox.tickLatenessP95.with)} ms with, ${round1(cost.inbox.tickLatenessP95.without)} ms without`,
    ),
    figure(
      'popup',
      `popup first render with ${ACCOUNTS} accounts`,
      popupMedian,
      'ms',
      100,
      `popup.html opened ${POPUP_OPENS} times per launch with the ${ACCOUNTS} imported accounts; performance.now() (0 = navigation start) at the frame after ${ACCOUNTS} rows exist ([data-address], [role=listitem] or li, whichever first reaches ${ACCOUNTS}). Median.`,
      (popupFound
        ? `${round1(popupMedian!)} ms (${ACCOUNTS} rows in DOM at ${round1(median(popups.map((s) => s.rowsMs!)))} ms; selector ${popups[0]?.selector})`
        : `n/a (no ${ACCOUNTS} rows found)`) + (emptyPaints.length ? `; with no account, first paint at ${round1(median(emptyPaints))} ms` : ''),
    ),
    figure(
      'background-capture',
      'background work per capture: a new date (a renewal)',
      renewalMedian,
      'ms',
      10,
      `The security replica (${CAPTURE_URL}) opened ${CAPTURES_PER_LAUNCH} times per launch, guide off: the loader has the guide injected, the guide reads the expiry and sends expiry-seen. Browser-wide trace; the service worker's CPU (thread time of its tasks) from the expiry-seen message (a mark at its arrival) to the next message or the end of its work. Here the launch's first capture, whose date is not the one imported: the store keeps it as a renewal, the mailbox's past reminders are settled, its alarms move (reconcileMailbox) and the badge follows, with ${ACCOUNTS} accounts. Median of one per launch.`,
      `${msText(renewalMedian)} CPU in the worker (median browser main thread ${round1(median(launches.flatMap((l) => (l.captures[0]?.captureBrowserCpuMs == null ? [] : [l.captures[0].captureBrowserCpuMs]))))} ms); the visit's other messages: ${Object.entries(
        perMessage,
      )
        .filter(([event]) => event !== 'expiry-seen')
        .map(([event, ms]) => `${event} ${ms} ms`)
        .join(', ')}`,
    ),
    figure(
      'background-capture-again',
      'background work per capture: the date already stored, shown again',
      againMedian,
      'ms',
      10,
      `As above, the launch's later captures: the page shows the date already stored, as at every visit after a renewal. The store keeps when and where it was read; reminders and badge are left as they are. Median of ${CAPTURES_PER_LAUNCH - 1} per launch.`,
      `${msText(againMedian)} CPU in the worker`,
    ),
    figure(
      'background-alarm-midnight',
      'background work per alarm: midnight (the whole reconcile)',
      alarmMedian('midnight'),
      'ms',
      10,
      `The extension's own midnight alarm re-created to come due now (chrome.alarms.create in the worker, the name it uses), fired by the browser; its listener runs onMidnight(): ${ACCOUNTS} accounts' reminders planned (the first after the captures, whose renewal moved one mailbox; the second finds the plan it made still holding), the alarms under the cap topped up, ${alarmsHeld} alarms held, missed reminders shown, badge. The worker's CPU from the alarm (a mark at onAlarm) to the end of its work, browser-wide trace; the worker is awake (the bench drives it): what it keeps in memory is used (the alarms are read afresh at every midnight), and no start of the worker is counted. Median of 2 per launch.`,
      `${msText(alarmMedian('midnight'))} CPU in the worker (browser main thread ${alarmBrowser('midnight')} ms; done ${alarmSpan('midnight')} ms after the alarm; ${alarmsHeld} alarms held)`,
    ),
    figure(
      'background-alarm-reminder',
      'background work per alarm: a reminder',
      alarmMedian('reminder'),
      'ms',
      10,
      'The two soonest reminder alarms the extension created, re-created to come due now: its listener checks the account, marks the reminder shown and shows the notification. As above.',
      `${msText(alarmMedian('reminder'))} CPU in the worker (browser main thread ${alarmBrowser('reminder')} ms; done ${alarmSpan('reminder')} ms after the alarm)`,
    ),
  ];

  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: await chromiumVersion(),
    node: process.version,
    loadAverageBefore: loadBefore.map(round1),
    loadAverageAfter: loadavg().map(round1),
    /** The 1-minute load average after each launch. */
    loadAverageDuring: loadSamples.map(round2),
    /** Linux PSI: share of time some task waited for a CPU (avg over 60 s). High means a shared, busy machine: wall times inflate, the trace's CPU times much less. */
    cpuPressureBefore: pressureBefore,
    cpuPressureAfter: await cpuPressure(),
  };
  const results = {
    date: new Date().toISOString(),
    machine,
    build: provenance,
    rounds: ROUNDS,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    page: { messages: 5000, mutationsPerTick: 50, tickMs: 100, streamSeconds: 10, targetAppearances: appearances, targetVisibleMs },
    workload: {
      accounts: ACCOUNTS,
      officeClients: Math.floor((ACCOUNTS + OFFICE_EVERY - 2) / OFFICE_EVERY),
      alarmsHeld,
      path: 'options page import of a backup built by buildBackup',
    },
    figures,
    details: {
      cost,
      emptyContentScript: empty,
      askOnlyContentScript: askOnly,
      latency: { p95: latencyP95, misses, samples: latencies.length },
      heap: { quiet: quietHeap, smallPage: smallHeap },
      emptyPopupPaint: emptyPaints,
      loader: { bytes: loaderSource.length, gzipBytes: loaderGzip },
      guide: { bytes: guideSource.length, gzipBytes: guideGzip },
      captureMessages: perMessage,
    },
    samples: { pages, popup: popups, captures, alarms, needs },
    blockedRequests: blocked,
  };
  await writeFile(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(figures, results.durationSeconds, machine);
}

/** Which code was measured: the commit, whether the tree had changes, the scripts' hashes. */
async function buildProvenance(
  loader: Buffer,
  guide: Buffer,
): Promise<{ commit: string; uncommittedChanges: string[]; loaderSha256: string; guideSha256: string }> {
  const { execFileSync } = await import('node:child_process');
  const { createHash } = await import('node:crypto');
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: resolve(import.meta.dirname, '..'), encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--', 'entrypoints', 'utils', 'components', 'wxt.config.ts');
  const sha = (source: Buffer) => createHash('sha256').update(source).digest('hex');
  return {
    commit: git('rev-parse', 'HEAD') || 'unknown',
    uncommittedChanges: dirty ? dirty.split('\n').map((line) => line.trim()) : [],
    loaderSha256: sha(loader),
    guideSha256: sha(guide),
  };
}

/** Percent of the last minute some task waited for a CPU (/proc/pressure/cpu), null where unknown. */
async function cpuPressure(): Promise<number | null> {
  try {
    const match = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(await readFile('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function chromiumVersion(): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((done) => execFile(CHROMIUM_PATH, ['--version'], (error, stdout) => done(error ? 'unknown' : stdout.trim())));
}

function printTable(
  figures: Figure[],
  seconds: number,
  machine: { cores: number; chromium: string; cpuPressureAfter: number | null; loadAverageDuring: number[] },
): void {
  const pressure = machine.cpuPressureAfter === null ? '' : `, CPU pressure ${machine.cpuPressureAfter} %`;
  const load = machine.loadAverageDuring.length ? `, load ${Math.min(...machine.loadAverageDuring)}–${Math.max(...machine.loadAverageDuring)}` : '';
  const lines = [
    '',
    `Promemoria password PEC — performance, ${ROUNDS} rounds with / without / empty content script (${seconds} s, ${machine.cores} cores${load}${pressure}, ${machine.chromium})`,
    '',
    '| figure | measured | budget | ok |',
    '| --- | --- | --- | --- |',
  ];
  for (const entry of figures) {
    const ok = entry.budget === null ? '' : entry.ok === null ? 'n/a' : entry.ok ? 'met' : '**MISSED**';
    lines.push(`| ${entry.figure} | ${entry.display} | ${entry.budgetDisplay} | ${ok} |`);
  }
  const missed = figures.filter((entry) => entry.ok === false);
  lines.push(
    '',
    missed.length ? `MISSED: ${missed.map((entry) => entry.id).join(', ')}` : 'Every figure within budget.',
    'Raw samples: bench/results.json',
  );
  console.log(lines.join('\n'));
}

await main().catch((error: unknown) => {
  // A missed budget exits 0 (a benchmark, not a test); a benchmark that could not run does not.
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
