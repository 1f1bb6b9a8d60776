import type { CardSpec } from '../../workflow/effects.js';
import type { Actor, CaseEvent, MeetingAttendee } from '../../workflow/events.js';
import { OverdueAboutSchema, ReminderAboutSchema } from '../../workflow/events.js';
import type { Person, PartnershipConfig } from '../../workflow/partnership.js';
import { PartnershipConfigSchema } from '../../workflow/partnership.js';
import type { CaseState } from '../../workflow/state.js';
import { fold } from '../../workflow/state.js';

/**
 * A sample partnership, parsed through the real schema so defaults apply as in production. As in
 * the Isle of Wight table, the children's services director is also the local authority's partner
 * representative: the initial view they give is recorded as the local authority's agreement.
 */

const person = (id: string, displayName: string): Person => ({
  aadObjectId: `aad-${id}`,
  email: `${id}@partnership.example.org`,
  displayName,
});

export const PEOPLE = {
  director: person('director', 'Dana Director'),
  laDeputy: person('la-deputy', 'Lee Deputy'),
  police: person('police', 'Pat Police'),
  policeDeputy: person('police-deputy', 'Quinn Police'),
  health: person('health', 'Harper Health'),
  healthDeputy: person('health-deputy', 'Drew Doctor'),
  chair: person('chair', 'Casey Chair'),
  partnershipChair: person('pchair', 'Morgan Partnership'),
  scrutineer: person('scrutineer', 'Sam Scrutineer'),
  manager: person('manager', 'Mel Manager'),
  business: person('business', 'Billie Business'),
} as const;

export const sampleConfig: PartnershipConfig = PartnershipConfigSchema.parse({
  partnership: { id: 'iow-scp', name: 'Isle of Wight Safeguarding Children Partnership', shortName: 'IOWSCP' },
  tenantId: 'tenant-1',
  nation: 'england-and-wales',
  documentStoreHosts: ['documents.example.org'],
  referringAgencies: ['Police', 'Child Death Overview Panel', 'Education'],
  partners: {
    localAuthority: { organisation: 'Isle of Wight Council', representative: PEOPLE.director, deputies: [PEOPLE.laDeputy] },
    police: { organisation: 'Hampshire and Isle of Wight Constabulary', representative: PEOPLE.police, deputies: [PEOPLE.policeDeputy] },
    health: { organisation: 'HIOW ICB', representative: PEOPLE.health, deputies: [PEOPLE.healthDeputy] },
  },
  reviewGroupChair: PEOPLE.chair,
  childrensServicesDirector: PEOPLE.director,
  partnershipChair: PEOPLE.partnershipChair,
  independentScrutineer: PEOPLE.scrutineer,
  strategicPartnershipManager: PEOPLE.manager,
  businessUnit: [PEOPLE.business],
  finalDecisionMaker: 'partnershipChair',
  channels: {
    monitoring: { conversationId: 'conv-monitoring', kind: 'channel', label: 'SIN monitoring' },
    decision: { conversationId: 'conv-decision', kind: 'channel', label: 'SIN partner decisions' },
  },
});

export const actor = (p: Person, role: string): Actor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName, role });

export const CASE_REF = 'RR-2026-014';
export const DOCUMENT_URL = 'https://documents.example.org/sites/cases/RR-2026-014/referral.docx';

/**
 * A case on a timeline in June 2026 (British Summer Time, UTC+1): logged Monday 8 June 10:00,
 * initial view due Tuesday 9 June 10:00, Panel notification due Friday 12 June 17:00.
 */
export const T = {
  aware: '2026-06-08T07:30:00.000Z', // 08:30 Monday 8 June
  logged: '2026-06-08T09:00:00.000Z', // 10:00 Monday 8 June
  initialViewDue: '2026-06-09T09:00:00.000Z', // 10:00 Tuesday 9 June
  panelDue: '2026-06-12T16:00:00.000Z', // 17:00 Friday 12 June
  viewGiven: '2026-06-08T14:00:00.000Z', // 15:00 Monday 8 June
  repliesDue: '2026-06-09T14:00:00.000Z', // 15:00 Tuesday 9 June
  policeReplied: '2026-06-09T08:30:00.000Z', // 09:30 Tuesday 9 June
  windowSwept: '2026-06-09T14:00:05.000Z',
  meetingDue: '2026-06-10T14:00:05.000Z', // 15:00 Wednesday 10 June
  panelSent: '2026-06-10T09:45:00.000Z', // 10:45 Wednesday 10 June
  panelConfirmed: '2026-06-10T10:00:00.000Z', // 11:00 Wednesday 10 June
  nextStepChosen: '2026-06-10T12:00:00.000Z', // 13:00 Wednesday 10 June
  // The dispute (DOMAIN steps 5-6), opened at T.windowSwept with its meeting due by T.meetingDue.
  booked1: '2026-06-09T14:00:10.000Z', // 15:00 Tuesday 9 June, just after the dispute opened
  meeting1Start: '2026-06-10T09:00:00.000Z', // 10:00 Wednesday 10 June
  meeting1End: '2026-06-10T09:30:00.000Z', // 10:30 Wednesday 10 June
  arrangeBy1: '2026-06-10T14:00:05.000Z', // the stage 1 deadline: decide.ts asks for it by then
  arranged1: '2026-06-09T15:30:00.000Z', // 16:30 Tuesday 9 June
  outcome: '2026-06-10T10:00:00.000Z', // 11:00 Wednesday 10 June
  decisionDue: '2026-06-11T10:00:00.000Z', // 11:00 Thursday 11 June: one working day after the outcome
  decisionDueAfterOverdue: '2026-06-11T14:00:05.000Z', // 15:00 Thursday 11 June
  booked2: '2026-06-10T10:00:10.000Z',
  meeting2Start: '2026-06-11T08:30:00.000Z', // 09:30 Thursday 11 June
  meeting2End: '2026-06-11T09:00:00.000Z', // 10:00 Thursday 11 June
  finalDecision: '2026-06-11T09:15:00.000Z', // 10:15 Thursday 11 June
  reopened: '2026-06-15T09:00:00.000Z', // 10:00 Monday 15 June
  reopenedDue: '2026-06-16T09:00:00.000Z', // 10:00 Tuesday 16 June
  policeChangedMind: '2026-06-09T16:00:00.000Z', // 17:00 Tuesday 9 June
} as const;

export const ROLES = {
  business: 'business unit',
  chair: 'review group chair',
  director: "children's services director",
  laRep: "Local authority children's services representative",
  police: 'Police representative',
  health: 'Health (ICB) representative',
  healthDeputy: 'Health (ICB) deputy',
  partnershipChair: 'partnership chair',
} as const;

export const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_sample';
export const OUTCOME_RATIONALE = 'Police and health still read the threshold differently after discussion.';
export const FINAL_RATIONALE = 'On balance the criteria are met: serious harm while looked after, with known neglect concerns.';
export const REOPEN_REASON = 'New medical evidence on the cause of the injury has arrived.';

const attendee = (p: Person, required: boolean, free = true): MeetingAttendee => ({ name: p.displayName, email: p.email, required, free });
/** The stage 1 list decide.ts books with; Harper Health and Casey Chair have conflicts. */
const STAGE_1_ATTENDEES = (): MeetingAttendee[] => [
  attendee(PEOPLE.director, true),
  attendee(PEOPLE.police, true),
  attendee(PEOPLE.health, true, false),
  attendee(PEOPLE.chair, false, false),
];
const STAGE_2_ATTENDEES = (): MeetingAttendee[] => [
  attendee(PEOPLE.director, true),
  attendee(PEOPLE.police, true),
  attendee(PEOPLE.health, true),
  attendee(PEOPLE.partnershipChair, true),
  attendee(PEOPLE.scrutineer, true, false),
];

export const EV = {
  logged: (): CaseEvent => ({
    type: 'ReferralLogged',
    at: T.logged,
    by: actor(PEOPLE.business, ROLES.business),
    referral: {
      caseRef: CASE_REF,
      referringAgency: 'Police',
      awareAt: T.aware,
      harm: 'seriousHarm',
      location: 'inArea',
      lookedAfter: true,
      documentUrl: DOCUMENT_URL,
    },
    initialViewDueAt: T.initialViewDue,
    panelNotificationDueAt: T.panelDue,
  }),
  viewGiven: (view: 'notify' | 'doNotNotify', rationale: string): CaseEvent[] => [
    { type: 'InitialViewGiven', at: T.viewGiven, by: actor(PEOPLE.director, ROLES.director), view, rationale },
    // decide.ts records the author's agreement for the partner they represent.
    { type: 'PartnerReplied', at: T.viewGiven, by: actor(PEOPLE.director, ROLES.laRep), partner: 'localAuthority', reply: 'agree', asAuthorOfView: true },
    // The partners' card was posted at once; their window runs from here.
    { type: 'PartnerCardPosted', at: T.viewGiven, repliesDueAt: T.repliesDue },
  ],
  policeAgrees: (comment?: string): CaseEvent => ({
    type: 'PartnerReplied',
    at: T.policeReplied,
    by: actor(PEOPLE.police, ROLES.police),
    partner: 'police',
    reply: 'agree',
    ...(comment ? { rationale: comment } : {}),
    asAuthorOfView: false,
  }),
  policeDisagrees: (rationale: string): CaseEvent => ({
    type: 'PartnerReplied',
    at: T.policeReplied,
    by: actor(PEOPLE.police, ROLES.police),
    partner: 'police',
    reply: 'disagree',
    rationale,
    asAuthorOfView: false,
  }),
  healthDisagrees: (rationale: string): CaseEvent => ({
    type: 'PartnerReplied',
    at: T.policeReplied,
    by: actor(PEOPLE.healthDeputy, ROLES.healthDeputy),
    partner: 'health',
    reply: 'disagree',
    rationale,
    asAuthorOfView: false,
  }),
  laAgrees: (comment: string): CaseEvent => ({
    type: 'PartnerReplied',
    at: T.policeReplied,
    by: actor(PEOPLE.laDeputy, "Local authority children's services deputy"),
    partner: 'localAuthority',
    reply: 'agree',
    rationale: comment,
    asAuthorOfView: false,
  }),
  healthDeemed: (): CaseEvent => ({ type: 'AgreementDeemed', at: T.windowSwept, partner: 'health', windowClosedAt: T.repliesDue }),
  decision: (decision: 'notify' | 'doNotNotify'): CaseEvent => ({ type: 'DecisionReached', at: T.windowSwept, decision, basis: 'partnersAgreed' }),
  dispute: (disagreeing: ('localAuthority' | 'police' | 'health')[]): CaseEvent => ({
    type: 'DisputeOpened',
    at: T.windowSwept,
    disagreeing,
    meetingDueAt: T.meetingDue,
  }),
  panelConfirmed: (): CaseEvent => ({
    type: 'PanelNotificationConfirmed',
    at: T.panelConfirmed,
    by: actor(PEOPLE.laDeputy, "Local authority children's services deputy"),
    sentAt: T.panelSent,
    panelReference: 'CSPRP-2026-0456',
  }),
  nextStep: (rationale: string): CaseEvent => ({
    type: 'NextStepChosen',
    at: T.nextStepChosen,
    by: actor(PEOPLE.chair, ROLES.chair),
    step: 'safeguardingLeadsMeeting',
    rationale,
  }),
  reminder: (about: 'initialView' | 'partnerReply' | 'panelNotification', to: string[]): CaseEvent => ({
    type: 'ReminderSent',
    at: T.logged,
    about,
    to,
  }),
  overdue: (about: 'initialView' | 'panelNotification'): CaseEvent => ({ type: 'OverdueRaised', at: T.initialViewDue, about }),
  meeting1Booked: (): CaseEvent => ({
    type: 'MeetingBooked',
    at: T.booked1,
    stage: 1,
    start: T.meeting1Start,
    end: T.meeting1End,
    eventId: 'graph-event-1',
    joinUrl: JOIN_URL,
    attendees: STAGE_1_ATTENDEES(),
  }),
  bookingFailed: (stage: 1 | 2): CaseEvent => ({
    type: 'MeetingBookingFailed',
    at: stage === 1 ? T.booked1 : T.booked2,
    stage,
    reason: 'Microsoft Graph is not configured',
    arrangeBy: stage === 1 ? T.arrangeBy1 : T.decisionDue,
  }),
  /** What decide.ts records for a meeting the business unit arranged: 30 minutes, everyone assumed free, no Graph event. */
  meeting1Arranged: (): CaseEvent => ({
    type: 'MeetingBooked',
    at: T.arranged1,
    stage: 1,
    start: '2026-06-10T10:00:00.000Z',
    end: '2026-06-10T10:30:00.000Z',
    attendees: STAGE_1_ATTENDEES().map((a) => ({ ...a, free: true })),
    arrangedBy: actor(PEOPLE.business, ROLES.business),
  }),
  outcomeNotResolved: (): CaseEvent => ({
    type: 'MeetingOutcomeRecorded',
    at: T.outcome,
    by: actor(PEOPLE.chair, ROLES.chair),
    outcome: 'notResolved',
    rationale: OUTCOME_RATIONALE,
  }),
  escalated: (reason: 'notResolved' | 'outcomeOverdue'): CaseEvent => ({
    type: 'DisputeEscalated',
    at: reason === 'notResolved' ? T.outcome : T.meetingDue,
    reason,
    decisionDueAt: reason === 'notResolved' ? T.decisionDue : T.decisionDueAfterOverdue,
  }),
  meetingOutcomeOverdue: (): CaseEvent => ({ type: 'OverdueRaised', at: T.meetingDue, about: 'meetingOutcome' }),
  meeting2Booked: (): CaseEvent => ({
    type: 'MeetingBooked',
    at: T.booked2,
    stage: 2,
    start: T.meeting2Start,
    end: T.meeting2End,
    eventId: 'graph-event-2',
    joinUrl: `${JOIN_URL}-2`,
    attendees: STAGE_2_ATTENDEES(),
  }),
  finalDecision: (scrutineerAttended: boolean, at: string = T.finalDecision): CaseEvent => ({
    type: 'DecisionReached',
    at,
    decision: 'notify',
    basis: 'finalDecision',
    by: actor(PEOPLE.partnershipChair, ROLES.partnershipChair),
    rationale: FINAL_RATIONALE,
    scrutineerAttended,
  }),
  finalDecisionOverdue: (): CaseEvent => ({ type: 'OverdueRaised', at: T.decisionDue, about: 'finalDecision' }),
  reopened: (): CaseEvent => ({
    type: 'DecisionReopened',
    at: T.reopened,
    by: actor(PEOPLE.partnershipChair, ROLES.partnershipChair),
    reason: REOPEN_REASON,
    decisionDueAt: T.reopenedDue,
  }),
  /** The police change their reply before the meeting: every partner agrees, so decide.ts decides and cancels. */
  policeChangesMind: (): CaseEvent[] => [
    { type: 'PartnerReplied', at: T.policeChangedMind, by: actor(PEOPLE.police, ROLES.police), partner: 'police', reply: 'agree', rationale: 'Having read the chronology, we agree.', asAuthorOfView: false },
    { type: 'DecisionReached', at: T.policeChangedMind, decision: 'notify', basis: 'partnersAgreed' },
    { type: 'MeetingCancelled', at: T.policeChangedMind, stage: 1, reason: 'The partners now all agree on the initial view, so the meeting is cancelled.' },
  ],
  meetingAgreed: (): CaseEvent[] => [
    { type: 'MeetingOutcomeRecorded', at: T.outcome, by: actor(PEOPLE.chair, ROLES.chair), outcome: 'agreed', decision: 'doNotNotify', rationale: 'The police account settled it: abuse or neglect is not suspected.' },
    {
      type: 'DecisionReached',
      at: T.outcome,
      decision: 'doNotNotify',
      basis: 'meetingAgreed',
      by: actor(PEOPLE.chair, ROLES.chair),
      rationale: 'The police account settled it: abuse or neglect is not suspected.',
    },
  ],
};

/** The state after these events; a test always starts from a logged referral. */
export function stateOf(events: readonly CaseEvent[]): CaseState {
  const state = fold(events);
  if (!state) throw new Error('no events');
  return state;
}

/** The standard scenes of a case, each the events up to that point. */
export const RATIONALE = 'Serious harm in the area while looked after; known neglect concerns. Criteria met.';
export const SCENES = {
  awaitingInitialView: (): CaseEvent[] => [EV.logged()],
  awaitingReplies: (): CaseEvent[] => [EV.logged(), ...EV.viewGiven('notify', RATIONALE)],
  policeAgreed: (): CaseEvent[] => [EV.logged(), ...EV.viewGiven('notify', RATIONALE), EV.policeAgrees('Agree; the threshold is met.')],
  dispute: (): CaseEvent[] => [
    EV.logged(),
    ...EV.viewGiven('notify', RATIONALE),
    EV.policeDisagrees('We do not think abuse or neglect is suspected on what we know.'),
    EV.healthDeemed(),
    EV.dispute(['police']),
  ],
  decidedNotify: (): CaseEvent[] => [EV.logged(), ...EV.viewGiven('notify', RATIONALE), EV.policeAgrees('Agree; the threshold is met.'), EV.healthDeemed(), EV.decision('notify')],
  panelNotified: (): CaseEvent[] => [...SCENES.decidedNotify(), EV.panelConfirmed()],
  decidedDoNotNotify: (): CaseEvent[] => [EV.logged(), ...EV.viewGiven('doNotNotify', RATIONALE), EV.policeAgrees(), EV.healthDeemed(), EV.decision('doNotNotify')],
  closed: (): CaseEvent[] => [...SCENES.decidedDoNotNotify(), EV.nextStep('Single-agency learning is enough; the leads meeting can agree it.')],
  // The dispute's stages (DOMAIN steps 5-6), as decide.ts records them.
  meetingBooked: (): CaseEvent[] => [...SCENES.dispute(), EV.meeting1Booked()],
  bookingFailed: (): CaseEvent[] => [...SCENES.dispute(), EV.bookingFailed(1)],
  meetingArranged: (): CaseEvent[] => [...SCENES.dispute(), EV.bookingFailed(1), EV.meeting1Arranged()],
  meetingCancelled: (): CaseEvent[] => [...SCENES.meetingBooked(), ...EV.policeChangesMind()],
  meetingAgreed: (): CaseEvent[] => [...SCENES.meetingBooked(), ...EV.meetingAgreed()],
  escalatedNotResolved: (): CaseEvent[] => [...SCENES.meetingBooked(), EV.outcomeNotResolved(), EV.escalated('notResolved')],
  escalatedOutcomeOverdue: (): CaseEvent[] => [...SCENES.meetingBooked(), EV.meetingOutcomeOverdue(), EV.escalated('outcomeOverdue')],
  decisionMeetingBooked: (): CaseEvent[] => [...SCENES.escalatedNotResolved(), EV.meeting2Booked()],
  decisionMeetingBookingFailed: (): CaseEvent[] => [...SCENES.escalatedNotResolved(), EV.bookingFailed(2)],
  finalDecisionOverdue: (): CaseEvent[] => [...SCENES.decisionMeetingBooked(), EV.finalDecisionOverdue()],
  finalDecisionAttended: (): CaseEvent[] => [...SCENES.decisionMeetingBooked(), EV.finalDecision(true)],
  finalDecisionNotAttended: (): CaseEvent[] => [...SCENES.decisionMeetingBooked(), EV.finalDecision(false)],
  reopened: (): CaseEvent[] => [...SCENES.finalDecisionAttended(), EV.reopened()],
  decidedAgainAfterReopening: (): CaseEvent[] => [...SCENES.reopened(), EV.finalDecision(false, '2026-06-15T14:00:00.000Z')],
} satisfies Record<string, () => CaseEvent[]>;
export type SceneName = keyof typeof SCENES;

/**
 * Every card the bot can send for a case, each parameter included. The record below fails to
 * compile when a new kind is added to CardSpec without being listed here, so no kind goes untested.
 */
const EVERY_KIND: Record<CardSpec['kind'], true> = {
  initialViewRequest: true,
  partnerDecision: true,
  reminder: true,
  overdue: true,
  decisionRecorded: true,
  disputeOpened: true,
  panelNotificationRequest: true,
  panelNotificationConfirmed: true,
  nextStepRequest: true,
  nextStepChosen: true,
  meetingBooked: true,
  arrangeMeetingRequest: true,
  meetingCancelled: true,
  meetingOutcomeRequest: true,
  disputeEscalated: true,
  finalDecisionRequest: true,
  decisionReopened: true,
  scrutineerReview: true,
};
export const CARD_KINDS = Object.keys(EVERY_KIND) as CardSpec['kind'][];

export const CARD_SPECS: CardSpec[] = [
  { kind: 'initialViewRequest' },
  { kind: 'partnerDecision' },
  ...ReminderAboutSchema.options.map((about): CardSpec => ({ kind: 'reminder', about })),
  ...OverdueAboutSchema.options.map((about): CardSpec => ({ kind: 'overdue', about })),
  { kind: 'decisionRecorded' },
  { kind: 'disputeOpened' },
  { kind: 'panelNotificationRequest' },
  { kind: 'panelNotificationConfirmed' },
  { kind: 'nextStepRequest' },
  { kind: 'nextStepChosen' },
  ...([1, 2] as const).flatMap((stage): CardSpec[] => [
    { kind: 'meetingBooked', stage },
    { kind: 'arrangeMeetingRequest', stage },
    { kind: 'meetingCancelled', stage },
  ]),
  { kind: 'meetingOutcomeRequest' },
  { kind: 'disputeEscalated' },
  { kind: 'finalDecisionRequest' },
  { kind: 'decisionReopened' },
  { kind: 'scrutineerReview' },
];

/** "overdue:finalDecision", "meetingBooked:2": a spec's name in a test title. */
export const specName = (spec: CardSpec): string => `${spec.kind}${'about' in spec ? `:${spec.about}` : ''}${'stage' in spec ? `:${spec.stage}` : ''}`;
