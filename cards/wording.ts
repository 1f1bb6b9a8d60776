import type { Actor, NextStep, ReferralDetails } from '../workflow/events.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import { finalDecisionMaker } from '../workflow/partnership.js';
import type { CaseState, Stage } from '../workflow/state.js';
import { deadlineInWords } from '../workflow/calendar/words.js';

/** The plain words cards use for the procedure's values, kept in one place so cards agree. */

export { VIEW_WORDS } from '../workflow/words.js';
export { asSentence } from '../workflow/timeline.js';

/** "16:30 on Monday 8 June" for an ISO instant from the case state. */
export function when(iso: string, now: Date): string {
  return deadlineInWords(new Date(iso), now);
}

export const HARM_WORDS: Record<ReferralDetails['harm'], string> = {
  death: 'The child has died',
  seriousHarm: 'The child has been seriously harmed',
};

export const LOCATION_WORDS: Record<ReferralDetails['location'], string> = {
  inArea: "In the partnership's area",
  residentHarmedOutsideEngland: 'Normally resident in the area; harmed outside England',
};

export const NEXT_STEP_WORDS: Record<NextStep, string> = {
  reviewGroupWithScoping: 'Discussion at the review group, with scoping returns',
  safeguardingLeadsMeeting: 'A safeguarding leads meeting',
  noFurtherAction: 'No further action',
};

export const NEXT_STEP_THEN: Record<NextStep, string> = {
  reviewGroupWithScoping: 'The business unit sends scoping requests to the review group agencies and adds the case to the review group agenda.',
  safeguardingLeadsMeeting: 'The business unit arranges a safeguarding leads meeting.',
  noFurtherAction: 'No further action: the case is closed, with the decision and rationale on record.',
};

export const STAGE_WORDS: Record<Stage, string> = {
  awaitingInitialView: 'Waiting for the initial view',
  awaitingPartnerReplies: "Waiting for the partners' replies",
  dispute: 'Dispute: the partners disagree and a meeting is needed',
  awaitingPanelNotification: 'Decision to notify: waiting for the local authority to confirm the Panel notification',
  awaitingNextStep: "Decision not to notify: waiting for the review group chair's next step",
  panelNotified: 'The Panel has been notified',
  rapidReview: 'Rapid review: scoping returns and the review meeting',
  closed: 'Closed: the next step has been chosen',
};

/** Where the case stands, in words: a case closes either on its next step or on its rapid review. */
export function stageWords(state: Pick<CaseState, 'stage' | 'rapidReview'>): string {
  return state.stage === 'closed' && state.rapidReview?.completed ? 'Closed: the rapid review is complete' : STAGE_WORDS[state.stage];
}

/** "Jane Doe (Police representative)". */
export function actorWords(actor: Actor): string {
  return `${actor.displayName} (${actor.role})`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** "partnership chair" or "independent scrutineer": who has the final say is the partnership's setting. */
export function decisionMakerRole(config: PartnershipConfig): string {
  return config.finalDecisionMaker === 'partnershipChair' ? 'partnership chair' : 'independent scrutineer';
}

/** "Morgan Partnership (partnership chair)". */
export function decisionMakerWords(config: PartnershipConfig): string {
  return `${finalDecisionMaker(config).displayName} (${decisionMakerRole(config)})`;
}
