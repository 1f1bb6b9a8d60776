import type { AbuseOrNeglect, CareLeaver, DisputeStage, NextStep, ReferralDetails, View } from './events.js';
import type { Role } from './partnership.js';
import { PARTNER_NAMES } from './partnership.js';
import type { CaseState, Stage } from './state.js';
import type { MonitoringStage } from './monitoring/schemas.js';

/**
 * The procedure's values in plain words, written once: the procedure's messages, the timeline,
 * the cards and the tab all say the same thing for the same value.
 */

export const VIEW_WORDS: Record<View, string> = { notify: 'notify the Panel', doNotNotify: 'do not notify the Panel' };

/** A role as it is recorded with an actor ("Police representative", "review group chair"). */
export const ROLE_WORDS: Record<Role['kind'], string> = {
  businessUnit: 'business unit',
  reviewGroupChair: 'review group chair',
  childrensServicesDirector: "children's services director",
  partnershipChair: 'partnership chair',
  independentScrutineer: 'independent scrutineer',
  strategicPartnershipManager: 'strategic partnership manager',
  partnerRepresentative: 'representative',
  partnerDeputy: 'deputy',
  agencyContact: 'scoping contact',
  agencyEscalation: 'escalation contact',
  executiveMember: 'member of the executive',
  boardMember: 'board member',
};

/** An agency's deputy recording its scoping return, as recorded with the actor. */
export const SCOPING_DEPUTY_WORDS = 'scoping deputy';

/** "Casey Chair (review group chair)": a person on the roster named with the role they act in. */
export function withRole(person: { displayName: string }, kind: Role['kind']): string {
  return `${person.displayName} (${ROLE_WORDS[kind]})`;
}

/** "Police representative", "Health deputy", "business unit". */
export function roleWords(role: Role): string {
  return role.kind === 'partnerRepresentative' || role.kind === 'partnerDeputy' ? `${PARTNER_NAMES[role.partner]} ${ROLE_WORDS[role.kind]}` : ROLE_WORDS[role.kind];
}

/** As a sentence starts: "The child has died". `lowerFirst` gives the mid-sentence form. */
export const HARM_WORDS: Record<ReferralDetails['harm'], string> = {
  death: 'The child has died',
  seriousHarm: 'The child has been seriously harmed',
};

export const LOCATION_WORDS: Record<ReferralDetails['location'], string> = {
  inArea: "In the partnership's area",
  residentHarmedOutsideEngland: 'Normally resident in the area, harmed outside England',
};

/** The dispute's meeting at each stage, by its name: "partners' meeting", "decision meeting". */
export const MEETING_NAMES: Record<DisputeStage, string> = { 1: "partners' meeting", 2: 'decision meeting' };

/** As named mid-sentence: "the partners' meeting". */
export const MEETING_WORDS: Record<DisputeStage, string> = { 1: `the ${MEETING_NAMES[1]}`, 2: `the ${MEETING_NAMES[2]}` };

/** As a title starts (a card's subtitle): "Partners' meeting". */
export const MEETING_TITLES: Record<DisputeStage, string> = { 1: upperFirst(MEETING_NAMES[1]), 2: upperFirst(MEETING_NAMES[2]) };

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

/**
 * The stage as the monitoring tab's table labels it: short, because it is a column. The tab's
 * filter, the case list and the case detail all use these, so a stage has one label.
 */
export const STAGE_LABELS: Record<MonitoringStage, string> = {
  awaitingInitialView: 'Awaiting initial view',
  awaitingPartnerReplies: 'Awaiting partner replies',
  disputeStage1: 'Dispute: stage 1 meeting',
  disputeStage2: 'Dispute: stage 2 decision',
  awaitingPanelNotification: 'Awaiting Panel notification',
  awaitingNextStep: 'Awaiting next step',
  panelNotified: 'Panel notified',
  rapidReview: 'Rapid review',
  closed: 'Closed',
};

/** Where the case stands, in words: a case closes either on its next step or on its rapid review. */
export function stageWords(state: Pick<CaseState, 'stage' | 'rapidReview' | 'closedByReversal'> & Partial<Pick<CaseState, 'careLeaverDeath'>>): string {
  if (state.stage === 'closed' && state.closedByReversal) return 'Closed: the decision to notify was reversed on new information';
  if (state.stage === 'closed' && state.rapidReview?.notHeld) return CLOSED_WITHOUT_RAPID_REVIEW;
  if (state.stage === 'closed' && state.careLeaverDeath) return CLOSED_CARE_LEAVER_DEATH;
  return state.stage === 'closed' && state.rapidReview?.completed ? 'Closed: the rapid review is complete' : STAGE_WORDS[state.stage];
}

/** "partners' meeting" -> "Partners' meeting", for the start of a sentence or a title. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "The child has died" -> "the child has died", for the middle of a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** As a sentence starts, like HARM_WORDS: the notification criteria's first limb (002 Section B). */
export const ABUSE_OR_NEGLECT_WORDS: Record<AbuseOrNeglect, string> = {
  known: 'Abuse or neglect is known',
  suspected: 'Abuse or neglect is suspected',
  neither: 'Abuse or neglect is neither known nor suspected',
};

export const CARE_LEAVER_WORDS: Record<CareLeaver, string> = {
  no: 'Not a care leaver',
  under18: 'A care leaver under 18',
  aged18to24: 'A care leaver aged 18 to 24',
};

export const CLOSED_WITHOUT_RAPID_REVIEW = 'Closed: the partners agreed not to hold a rapid review';
export const CLOSED_CARE_LEAVER_DEATH = 'Closed: the death of a care leaver aged 18 to 24 (no rapid review)';
