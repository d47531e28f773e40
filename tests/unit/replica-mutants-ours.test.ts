import { describe, expect, it } from 'vitest';
import { describeMutation, mutantsOf, ourStations, runMutant } from './replica-mutations';

/**
 * Our replica pages (tests/harness/site.ts), rewritten as Aruba's next release might: what the
 * detector says on each page as it is must survive every rewrite that keeps the target visible
 * and labelled (tests/unit/replica-mutations.ts says what each rewrite changes). Fixed seed.
 */
const SEED = 14;
const PER_STATION = 3;

const mutants = mutantsOf(await ourStations(), PER_STATION, SEED);

describe('mutants of our replica pages', () => {
  it.each(mutants.map((mutant) => [`${mutant.station.name} | ${mutant.changes.map(describeMutation).join(' + ')}`, mutant] as const))(
    '%s',
    async (_, mutant) => {
      const result = await runMutant(mutant.station, mutant.changes);
      expect(result.problems, [...result.applied, ...result.problems].join('; ')).toEqual([]);
    },
  );
});
