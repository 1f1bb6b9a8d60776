import type { AdaptiveCard } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { agencyName } from './agencies.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { noReviewCard } from './noReview.js';
import { timeLeftSentence } from './workingDays.js';
import { actorWords, when } from './wording.js';

/**
 * Sent 1:1 to an agency's contact and deputies with the business unit's answer to their request
 * for more time: the new due date, or that the original one stands. Their scoping request card
 * (updated in place) still takes the return.
 */
export function extensionAnswerCard(parts: CaseCardParts, agencyId: string): AdaptiveCard {
  const { state, config, now, notice, calendar } = parts;
  const rr = state.rapidReview;
  const name = agencyName(config, agencyId);
  if (!rr) return noReviewCard(parts, `More time: ${name}`, undefined, { showHistory: false });
  const a = rr.agencies[agencyId];
  const decided = a?.extension?.decided;
  if (!a || !a.extension) return caseFrame({ state, notice, showHistory: false, subtitle: `More time: ${name}`, body: [textBlock(`${name} has not asked for more time.`)] });
  if (!decided) {
    return caseFrame({
      state,
      notice,
      showHistory: false,
      subtitle: `More time: ${name}`,
      body: [textBlock(`The business unit has not answered yet. Until it agrees, ${name}'s return is due by **${when(a.dueAt, now)}**.`)],
    });
  }
  const left = timeLeftSentence(a.dueAt, now, calendar);
  const outstanding = !a.returned;
  return caseFrame({
    state,
    notice,
    showHistory: false,
    subtitle: `More time for ${name}: ${decided.agreed ? 'agreed' : 'declined'}`,
    body: [
      textBlock(
        decided.agreed
          ? `Agreed: ${name}'s scoping return is now due by **${when(a.dueAt, now)}**.`
          : `Declined: the original date stands. ${name}'s scoping return is due by **${when(a.dueAt, now)}**.`,
        { size: 'Medium', color: decided.agreed ? 'Good' : 'Attention' },
      ),
      textBlock(`Decided by ${actorWords(decided.by)} at ${when(decided.at, now)}; you asked for ${when(a.extension.proposedDueAt, now)}.`),
      ...(outstanding && left ? [textBlock(left)] : []),
      textBlock(
        outstanding
          ? 'Record the return on your scoping request card. Reminders and chasers run to this date; once it is late, you and your escalation contact are chased each working day.'
          : 'Your return has since been recorded: nothing more is needed.',
        { isSubtle: true },
      ),
    ],
  });
}
