import type { CaseState } from '../state.js';
import type { PartnershipConfig } from '../partnership.js';
import { statutoryNotificationOutstanding } from '../steps/statutoryNotification.js';
import { CLOSED_CARE_LEAVER_DEATH, CLOSED_WITHOUT_RAPID_REVIEW } from '../words.js';

/**
 * What a case still waits for besides its stage's own step: the notification to the Secretary of
 * State and Ofsted (a looked-after child's or care leaver's death, whatever the decision), and
 * telling the Panel of a decision not to hold a rapid review. Neither has a deadline in the seed,
 * so neither makes a case amber or red; a closed case waiting for one is not shown as closed.
 */
export function outstandingDuties(state: CaseState, config: PartnershipConfig): string[] {
  const la = config.partners.localAuthority.representative.displayName;
  return [
    ...(statutoryNotificationOutstanding(state) ? [`${la} (local authority representative, to notify the Secretary of State and Ofsted)`] : []),
    ...(state.rapidReview?.notHeld && !state.rapidReview.notHeld.panelTold ? ['Business unit, to tell the Panel of the decision not to hold a rapid review'] : []),
  ];
}

/** The words for a closed case that did not close the ordinary way, or undefined. */
export function closedLabel(state: CaseState): string | undefined {
  if (state.stage !== 'closed') return undefined;
  if (state.rapidReview?.notHeld) return CLOSED_WITHOUT_RAPID_REVIEW;
  if (state.careLeaverDeath) return CLOSED_CARE_LEAVER_DEATH;
  return undefined;
}

export const NO_DEADLINE_TEXT = 'No deadline set by the procedure: waiting for a notification to be recorded';
