import { formatItalianDate, localToday } from '../dates/calendar-date';
import type { Translate } from '../i18n/translate';
import type { RequestStatus } from '../store/types';

/** «Rinnovo non ancora chiesto», «Rinnovo chiesto il 12/02/2027», «Rinnovata il 14/02/2027». */
export function requestStatusText(t: Translate, request: RequestStatus): string {
  if (request.state === 'not-asked') return t('requestNotAsked');
  const date = formatItalianDate(localToday(new Date(request.at)));
  return t(request.state === 'asked' ? 'requestAskedOn' : 'requestRenewedOn', date);
}
