import { describe, expect, it } from 'vitest';
import { describeMutation, mutantsOf, runMutant, unseenStations } from './replica-mutations';

/**
 * The unseen replica pages (tests/harness/unseen-pages.ts), rewritten as Aruba's next release
 * might: each page's expectations, changed only as the rewrite must change them
 * (tests/unit/replica-mutations.ts), hold on every mutant. Fixed seed.
 */
const SEED = 1414;
const PER_STATION = 2;

const mutants = mutantsOf(unseenStations(), PER_STATION, SEED);

describe('mutants of the unseen replica pages', () => {
  it.each(mutants.map((mutant) => [`${mutant.station.name} | ${mutant.changes.map(describeMutation).join(' + ')}`, mutant] as const))(
    '%s',
    async (_, mutant) => {
      const result = await runMutant(mutant.station, mutant.changes);
      expect(result.problems, [...result.applied, ...result.problems].join('; ')).toEqual([]);
    },
  );
});
