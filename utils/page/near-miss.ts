import { ARUBA_STEPS, SYNONYMS, labelsIn, type ArubaStep } from '../aruba/steps';
import { innermost, type SearchRoot } from './walk';
import { isRendered, normalizeLabel, withoutGlyphs } from './text';
import { isReachable } from './layers';
import { isAppChrome } from './regions';
import { clickablesIn, names } from './clickables';

/*
 * When Aruba renames a label: the one element whose label nearly matches a step's, offered to the
 * user as a guess («Forse è questo?»), never highlighted as sure.
 */

/** Canonical word for each synonym, so "crea" and "genera" compare equal. */
const CANONICAL = new Map(SYNONYMS.flatMap((group) => group.map((word) => [word, group[0]!] as const)));

function wordsOf(label: string): string[] {
  return withoutGlyphs(label)
    .split(' ')
    .filter(Boolean)
    .map((word) => CANONICAL.get(word) ?? word);
}

/** Same words but for synonyms, or but for one word of a label of three or more. */
function nearlyEqual(label: string, wanted: string): boolean {
  const have = wordsOf(label);
  const want = wordsOf(wanted);
  if (have.length !== want.length) return false;
  const differing = have.filter((word, index) => word !== want[index]).length;
  return differing === 0 || (differing === 1 && want.length >= 3);
}

/**
 * When a step's label is nowhere on the page, the one clickable of Aruba's own interface whose
 * label nearly matches the step's or an alternative's at the same point (a synonym such as «Crea»
 * for «Genera», or all words but one): offered to the user as a guess, never highlighted as the
 * step. Null when none, or more than one, is that close.
 */
export function findNearMiss(root: SearchRoot, step: ArubaStep): Element | null {
  const alternatives = ARUBA_STEPS.filter((other) => other.path === step.path && other.ordinal === step.ordinal);
  const close = innermost(
    clickablesIn(root)
      .filter((clickable) =>
        alternatives.some(
          (alternative) =>
            alternative.roles.includes(clickable.role) &&
            labelsIn(alternative.labels).some((label) => names(clickable).some((name) => nearlyEqual(name, normalizeLabel(label)))),
        ),
      )
      .map((clickable) => clickable.element)
      .filter((element) => isRendered(element) && isAppChrome(element) && isReachable(element)),
  );
  return close.length === 1 ? close[0]! : null;
}
