import type { AdaptiveCard } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { agencyEscalationWords, agencyName, agencyOf, agencyPeopleWords } from './agencies.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { isLate } from './returnStatus.js';
import { noReviewCard } from './noReview.js';
import { workingDaysLate, workingDaysWords } from './workingDays.js';
import { actorWords, when } from './wording.js';

/**
 * Tells the monitoring channel, once, that an agency's scoping return is late. Rendered when
 * sent, so it first checks whether the return came in meanwhile; the board keeps the running count.
 */
export function scopingOverdueCard(parts: CaseCardParts, agencyId: string): AdaptiveCard {
  const { state, config, now, notice, calendar } = parts;
  const rr = state.rapidReview;
  const name = agencyName(config, agencyId);
  if (!rr) return noReviewCard(parts, `Overdue: scoping return from ${name}`);
  const a = rr.agencies[agencyId];
  const board = [showCaseCard(state, 'Open the rapid review board', 'rapidReviewBoard')];
  if (!a) {
    return caseFrame({ state, notice, subtitle: `Scoping return: ${name}`, body: [textBlock(`${name} has not been asked for a scoping return in this rapid review.`)] });
  }
  if (a.returned) {
    const what = a.status === 'returned' ? 'its return was recorded' : 'no involvement was recorded';
    return caseFrame({
      state,
      notice,
      subtitle: `Scoping return from ${name}: was overdue`,
      body: [textBlock(`Update: ${what} by ${actorWords(a.returned.by)} at ${when(a.returned.at, now)}.`)],
      actions: board,
    });
  }
  if (!isLate(a, now)) {
    return caseFrame({ state, notice, subtitle: `Scoping return from ${name}`, body: [textBlock(`Not overdue: ${name}'s return is due by ${when(a.dueAt, now)}.`)], actions: board });
  }
  const agency = agencyOf(config, agencyId);
  const late = workingDaysLate(a.dueAt, now, calendar);
  const papers = rr.setup ? when(rr.setup.papersDueAt, now) : undefined;
  return caseFrame({
    state,
    notice,
    subtitle: `Overdue: scoping return from ${name}`,
    body: [
      textBlock(`${name}'s scoping return has been overdue since **${when(a.dueAt, now)}**.`, { size: 'Medium', color: 'Attention' }),
      ...(late ? [textBlock(`Overdue by ${workingDaysWords(late)}.`, { spacing: 'None' })] : []),
      ...(agency
        ? [
            textBlock(`Expected from ${agencyPeopleWords(agency)}.`),
            textBlock(`They and ${agencyEscalationWords(agency)} are chased each working day until it arrives; the board shows it as overdue.`),
          ]
        : []),
      ...(papers ? [textBlock(`The papers go to members at ${papers}: a return after that misses them.`, { isSubtle: true })] : []),
    ],
    actions: board,
  });
}
