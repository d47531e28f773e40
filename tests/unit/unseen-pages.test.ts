import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANARY_PASSWORD, fixtureFor } from '../harness/site';
import { UNSEEN_CASES, type UnseenCase } from '../harness/unseen-pages';
import { openReplica } from './replica-window';
import {
  canaryProblems,
  clickMarked,
  expiryProblems,
  lureProblems,
  mailboxProblems,
  readPage,
  stepProblems,
  takeMarks,
  type Expected,
} from './replica-invariants';

/**
 * Issue 14 on pages the detector was never tuned on (tests/harness/unseen-pages.ts): each page
 * is loaded with its scripts running, clicked as the case says, stripped of its expectations,
 * and read through the detector's exported API. A failing test here is a class of failure the
 * product still has, named by the case and the invariant.
 */

const ROOT = join(import.meta.dirname, '../..');
const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');

interface Observation {
  drawn: Record<'step' | 'lure' | 'mailbox' | 'expiry' | 'canary', string[]>;
  /** What the detector said before the page had drawn itself. */
  early: string[];
}

function expectedOf(unseen: UnseenCase, marks: ReturnType<typeof takeMarks>): Expected {
  const step = unseen.shows.replace(/^covered:/, '');
  return { ...unseen, targets: marks.targets.get(step) ?? [], lures: marks.lures, layers: marks.layers };
}

async function observe(unseen: UnseenCase): Promise<Observation> {
  // Before it has drawn itself, a page may show nothing, or already the right thing; never a wrong one.
  const early: string[] = [];
  if (!unseen.before) {
    const loading = await openReplica(unseen.url, { settle: false });
    const marks = takeMarks(loading.document);
    const reading = readPage(loading);
    const expected = expectedOf(unseen, marks);
    const eventual = unseen.shows.replace(/^covered:/, '');
    if (reading.shows !== 'none') early.push(...stepProblems(reading, { ...expected, shows: eventual as UnseenCase['shows'] }));
    early.push(...lureProblems(reading, expected), ...canaryProblems(reading));
  }

  const replica = await openReplica(unseen.url);
  for (const name of unseen.before ?? []) await clickMarked(replica, name);
  const marks = takeMarks(replica.document);
  const reading = readPage(replica);
  const expected = expectedOf(unseen, marks);
  if (!unseen.shows.startsWith('state:') && unseen.shows !== 'none' && expected.targets.length === 0) {
    throw new Error(`${unseen.file} marks no target for ${unseen.shows}`);
  }
  return {
    drawn: {
      step: stepProblems(reading, expected),
      lure: lureProblems(reading, expected),
      mailbox: mailboxProblems(reading, expected),
      expiry: expiryProblems(reading, expected),
      canary: canaryProblems(reading),
    },
    early,
  };
}

const title = (unseen: UnseenCase) => `[${unseen.classes.join(', ')}] ${unseen.name}`;

describe.each(UNSEEN_CASES.map((unseen) => [title(unseen), unseen] as const))('%s', (_, unseen) => {
  let observed: Observation;
  beforeAll(async () => {
    observed = await observe(unseen);
  });

  it(`shows ${unseen.shows === 'none' ? 'no step' : unseen.shows}`, () => {
    expect(observed.drawn.step, observed.drawn.step.join('; ')).toEqual([]);
  });

  it('never takes a lure or a link off Aruba, for any step', () => {
    expect(observed.drawn.lure, observed.drawn.lure.join('; ')).toEqual([]);
  });

  it(`reads the mailbox ${unseen.mailbox ?? 'as none'}`, () => {
    expect(observed.drawn.mailbox, observed.drawn.mailbox.join('; ')).toEqual([]);
  });

  it(unseen.expiry ? `reads the date ${unseen.expiry} and nothing else` : 'reads no expiry', () => {
    const problems = [...observed.drawn.expiry, ...observed.drawn.canary];
    expect(problems, problems.join('; ')).toEqual([]);
  });

  // A case that starts with clicks is looked at only once they are done.
  if (!unseen.before) {
    it('says nothing wrong before the page has drawn itself', () => {
      expect(observed.early, observed.early.join('; ')).toEqual([]);
    });
  }
});

describe('the unseen pages themselves', () => {
  const files = readdirSync(join(PAGES_DIR, 'unseen')).map((file) => `unseen/${file}`);

  it('serves every case from the one routing table', () => {
    for (const unseen of UNSEEN_CASES) expect(fixtureFor(unseen.url)?.file, unseen.url).toBe(unseen.file);
  });

  it('uses every unseen page file, and shows the password on every page that writes a date', () => {
    expect(new Set(UNSEEN_CASES.map((unseen) => unseen.file))).toEqual(new Set(files));
    for (const file of files) {
      const html = readFileSync(join(PAGES_DIR, file), 'utf8');
      if (/\d{2}\/\d{2}\/\d{4}/.test(html)) expect(html, file).toContain(CANARY_PASSWORD);
    }
  });

  it('has one name per case, and each class on both paths', () => {
    expect(new Set(UNSEEN_CASES.map((unseen) => unseen.name)).size).toBe(UNSEEN_CASES.length);
    for (const kind of ['new-webmail', 'mailbox', 'which-step', 'not-aruba', 'date-only', 'layers'] as const) {
      const paths = new Set(UNSEEN_CASES.filter((unseen) => unseen.classes.includes(kind)).map((unseen) => unseen.path));
      expect([...paths].sort(), kind).toEqual(['account', 'webmail']);
    }
  });

  it('are expectations the product never reads: no data-replica attribute in its code', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx|js|css|html)$/.test(name) ? [path] : [];
      });
    for (const path of ['utils', 'entrypoints', 'components'].flatMap((dir) => sources(join(ROOT, dir)))) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/data-replica|replica-(expect|lure|layer|click)/);
    }
  });
});
