import { noticeCard } from '../../cards/index.js';
import { absenceFromDays, absenceRecordedWords } from '../absences.js';
import { route, type CardRoute } from './route.js';

/**
 * A person records their own absence from the card Outlook's automatic replies prompted
 * (cards/awaySuggestion.ts). The same rule as the "away" command: only for themselves (the actor
 * is the validated clicker), through the live roster's one absence path (app/absences.ts).
 */
export const ABSENCE_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'absence.record',
    invalid: () => ({ card: noticeCard('When are you away?', 'Choose the first and the last day you are away. Nothing was recorded.') }),
    reply: async (d, { actor, deps }) => {
      const period = absenceFromDays(d.first, d.last);
      if (!period) return { card: noticeCard('When are you away?', 'The last day away must be on or after the first. Nothing was recorded.') };
      if (!deps.recordOwnAbsence) return { card: noticeCard('Not available', 'Absences cannot be recorded here. Nothing was recorded.') };
      const outcome = await deps.recordOwnAbsence(actor, period);
      if (!outcome.ok) return { card: noticeCard('Absence not recorded', outcome.reason) };
      return { card: noticeCard('Absence recorded', absenceRecordedWords(d.first, d.last)) };
    },
  }),
];
