import { t } from '@/utils/i18n/translate';
import type { Account } from '@/utils/store/types';

/**
 * After a renewal: the account's programs, ticked off one by one as the new password goes into
 * each. `onTick` gets the program and whether it is now done.
 */
export function ProgramsChecklist({ account, onTick }: { account: Account; onTick: (program: string, done: boolean) => void }) {
  return (
    <fieldset class="checklist">
      <legend>{t('accountChecklistLegend')}</legend>
      {account.programs.map((program) => (
        <label class="check" key={program}>
          <input
            type="checkbox"
            checked={!account.programsToUpdate.includes(program)}
            onChange={(event) => onTick(program, event.currentTarget.checked)}
          />
          {program}
        </label>
      ))}
    </fieldset>
  );
}
