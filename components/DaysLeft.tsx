import { BADGE_COLORS, type BadgeColor } from '@/utils/reminders/badge-state';
import { t } from '@/utils/i18n/translate';
import './days-left.css';

/** The big number of an account's row, on the badge's colour (white text keeps 4.5:1 on each). */
export function DaysLeft({ daysLeft, color }: { daysLeft: number | null; color: BadgeColor }) {
  return (
    <div class="days-left" style={{ backgroundColor: BADGE_COLORS[color] }}>
      {daysLeft === null ? (
        <span class="days-left-word">{t('accountExpiryUnknownMark')}</span>
      ) : daysLeft < 0 ? (
        <span class="days-left-word">{t('accountExpiredMark')}</span>
      ) : daysLeft === 0 ? (
        <span class="days-left-word">{t('accountTodayMark')}</span>
      ) : (
        <>
          <span class="days-left-number">{daysLeft}</span>
          <span class="days-left-unit">{t(daysLeft === 1 ? 'accountDayOne' : 'accountDayMany')}</span>
        </>
      )}
    </div>
  );
}
