import type { CardSpec } from '../../workflow/effects.js';
import { maySee } from '../../workflow/access.js';
import type { Actor, CaseEvent, MeetingAttendee } from '../../workflow/events.js';
import { OverdueAboutSchema, ReminderAboutSchema, ScopingChaseSchema } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import type { CaseState } from '../../workflow/state.js';
import { fold } from '../../workflow/state.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import { createDecider } from '../../workflow/decide.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import type { ReferralDetails } from '../../workflow/events.js';

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
  // Scoping contacts, deputies and escalation contacts of the agencies (DOMAIN "Agencies").
  educationContact: person('education', 'Eve Education'),
  educationDeputy: person('education-deputy', 'Ezra Schools'),
  educationEscalation: person('education-lead', 'Elliot Lead'),
  probationContact: person('probation', 'Parker Probation'),
  probationEscalation: person('probation-lead', 'Penny Lead'),
  gpContact: person('gp', 'Glen Surgery'),
  gpDeputy: person('gp-deputy', 'Gail Surgery'),
  gpEscalation: person('gp-lead', 'Grant Lead'),
  hospitalContact: person('hospital', 'Hollis Ward'),
  hospitalEscalation: person('hospital-lead', 'Hana Lead'),
  daContact: person('da-service', 'Dale Advocate'),
  daEscalation: person('da-lead', 'Dee Lead'),
} as const;

/** The agencies asked for scoping returns: review-group ones are pre-ticked when a review is set up. */
const AGENCIES = [
  { id: 'education', name: 'Education', contact: PEOPLE.educationContact, deputies: [PEOPLE.educationDeputy], escalation: PEOPLE.educationEscalation, reviewGroup: true },
  { id: 'probation', name: 'Probation Service', contact: PEOPLE.probationContact, escalation: PEOPLE.probationEscalation },
  { id: 'gp', name: 'GP practice', contact: PEOPLE.gpContact, deputies: [PEOPLE.gpDeputy], escalation: PEOPLE.gpEscalation, reviewGroup: true },
  { id: 'hospital-trust', name: 'Isle of Wight NHS Trust', contact: PEOPLE.hospitalContact, escalation: PEOPLE.hospitalEscalation },
  { id: 'da-service', name: 'Island Domestic Abuse Service', contact: PEOPLE.daContact, escalation: PEOPLE.daEscalation, domesticAbuseService: true },
];

export const sampleConfig: PartnershipFile = PartnershipFileSchema.parse({
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
  reviewDisputeDecider: 'partnershipChair',
  agencies: AGENCIES,
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
  // One working day from the window's close (not from the sweep that noticed it), as decide.ts counts it.
  meetingDue: '2026-06-10T14:00:00.000Z', // 15:00 Wednesday 10 June
  panelSent: '2026-06-10T09:45:00.000Z', // 10:45 Wednesday 10 June
  panelConfirmed: '2026-06-10T10:00:00.000Z', // 11:00 Wednesday 10 June
  nextStepChosen: '2026-06-10T12:00:00.000Z', // 13:00 Wednesday 10 June
  // The dispute (DOMAIN steps 5-6), opened at T.windowSwept with its meeting due by T.meetingDue.
  booked1: '2026-06-09T14:00:10.000Z', // 15:00 Tuesday 9 June, just after the dispute opened
  meeting1Start: '2026-06-10T09:00:00.000Z', // 10:00 Wednesday 10 June
  meeting1End: '2026-06-10T09:30:00.000Z', // 10:30 Wednesday 10 June
  arrangeBy1: '2026-06-10T14:00:00.000Z', // the stage 1 deadline: decide.ts asks for it by then
  arranged1: '2026-06-09T15:30:00.000Z', // 16:30 Tuesday 9 June
  outcome: '2026-06-10T10:00:00.000Z', // 11:00 Wednesday 10 June
  decisionDue: '2026-06-11T10:00:00.000Z', // 11:00 Thursday 11 June: one working day after the outcome
  decisionDueAfterOverdue: '2026-06-11T14:00:00.000Z', // 15:00 Thursday 11 June
  booked2: '2026-06-10T10:00:10.000Z',
  meeting2Start: '2026-06-11T08:30:00.000Z', // 09:30 Thursday 11 June
  meeting2End: '2026-06-11T09:00:00.000Z', // 10:00 Thursday 11 June
  finalDecision: '2026-06-11T09:15:00.000Z', // 10:15 Thursday 11 June
  reopened: '2026-06-15T09:00:00.000Z', // 10:00 Monday 15 June
  reopenedDue: '2026-06-16T09:00:00.000Z', // 10:00 Tuesday 16 June
  policeChangedMind: '2026-06-09T16:00:00.000Z', // 17:00 Tuesday 9 June
  chairDiffers: '2026-06-08T15:00:00.000Z', // 16:00 Monday 8 June
  redecided: '2026-06-15T14:00:00.000Z', // 15:00 Monday 15 June: the partnership chair decides again after T.reopened
  // The rapid review, opened when the Panel notification was confirmed: 15 working days from the notification (T.panelSent).
  reviewDue: '2026-07-01T09:45:00.000Z', // 10:45 Wednesday 1 July
  reviewSetUp: '2026-06-11T10:00:00.000Z', // 11:00 Thursday 11 June
  reviewMeeting: '2026-06-30T09:00:00.000Z', // 10:00 Tuesday 30 June
  papersDue: '2026-06-23T09:00:00.000Z', // 10:00 Tuesday 23 June: one week before the meeting
  returnsDue: '2026-06-22T16:00:00.000Z', // 17:00 Monday 22 June: the close of the working day before
  attended: '2026-06-12T09:00:00.000Z', // 10:00 Friday 12 June
  noInvolvement: '2026-06-15T13:00:00.000Z', // 14:00 Monday 15 June
  extensionAsked: '2026-06-17T09:00:00.000Z', // 10:00 Wednesday 17 June
  extensionTo: '2026-06-24T16:00:00.000Z', // 17:00 Wednesday 24 June: after the papers go out
  extensionDecided: '2026-06-17T12:00:00.000Z', // 13:00 Wednesday 17 June
  twoDaysBefore: '2026-06-18T08:00:00.000Z', // 09:00 Thursday 18 June: two working days before the returns
  educationReturned: '2026-06-18T10:00:00.000Z', // 11:00 Thursday 18 June
  dueMorning: '2026-06-22T08:00:00.000Z', // 09:00 Monday 22 June
  firstOverdue: '2026-06-23T08:00:00.000Z', // 09:00 Tuesday 23 June
  papersPrompted: '2026-06-23T09:00:05.000Z', // 10:00 Tuesday 23 June
  gpReturned: '2026-06-24T10:00:00.000Z', // 11:00 Wednesday 24 June
  reviewSent: '2026-06-30T13:00:00.000Z', // 14:00 Tuesday 30 June
  reviewCompleted: '2026-06-30T14:00:00.000Z', // 15:00 Tuesday 30 June
  reviewSentLate: '2026-07-02T10:00:00.000Z', // 11:00 Thursday 2 July
  reviewCompletedLate: '2026-07-02T11:00:00.000Z', // 12:00 Thursday 2 July
  meetingRecorded: '2026-06-30T10:00:00.000Z', // 11:00 Tuesday 30 June, after the meeting
  lcsprLaReplied: '2026-06-30T10:30:00.000Z', // 11:30 Tuesday 30 June
  lcsprPoliceReplied: '2026-06-30T10:40:00.000Z', // 11:40 Tuesday 30 June
  lcsprHealthReplied: '2026-06-30T10:50:00.000Z', // 11:50 Tuesday 30 June
  reviewApproved: '2026-06-30T11:00:00.000Z', // 12:00 Tuesday 30 June
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

/** Each agency's contact records its return, in the role decide.ts writes for them. */
const AGENCY_ACTORS: Record<string, Actor> = {
  education: actor(PEOPLE.educationContact, 'Education scoping contact'),
  probation: actor(PEOPLE.probationContact, 'Probation Service scoping contact'),
  gp: actor(PEOPLE.gpDeputy, 'GP practice scoping deputy'),
  'hospital-trust': actor(PEOPLE.hospitalContact, 'Isle of Wight NHS Trust scoping contact'),
};
const agencyActor = (agency: string): Actor => AGENCY_ACTORS[agency] ?? { aadObjectId: `aad-${agency}`, displayName: `Contact ${agency}`, role: `${agency} scoping contact` };
export const RETURN_URL = (agency: string) => `https://documents.example.org/sites/cases/RR-2026-014/scoping-${agency}.docx`;
export const EXTENSION_REASON = 'Our records sit in two systems and the safeguarding lead is on leave until the 22nd.';
export const REVIEW_RATIONALE = 'Practice learning across agencies on information sharing; the criteria for an LCSPR are met.';
export const NO_LCSPR_RATIONALE = 'The learning is single-agency and already in hand; an LCSPR would add nothing.';
export const SCENE_AGENCIES = ['education', 'probation', 'gp'];
export const LINES_OF_ENQUIRY = 'How information about neglect was shared between school, GP and children\'s services.';
export const LCSPR_DISAGREEMENT = 'The learning is already captured by the single-agency reviews under way.';

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
    { type: 'InitialViewProposed', at: T.viewGiven, by: actor(PEOPLE.director, ROLES.director), giver: 'childrensServicesDirector', view, rationale },
    { type: 'InitialViewGiven', at: T.viewGiven, by: actor(PEOPLE.director, ROLES.director), view, rationale, concurredBy: actor(PEOPLE.chair, ROLES.chair) },
    // decide.ts records the author's agreement for the partner they represent, with the view's rationale.
    { type: 'PartnerReplied', at: T.viewGiven, by: actor(PEOPLE.director, ROLES.laRep), partner: 'localAuthority', reply: 'agree', rationale, asAuthorOfView: true },
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
  reviewOpened: (): CaseEvent => ({ type: 'RapidReviewOpened', at: T.panelConfirmed, notifiedAt: T.panelSent, dueAt: T.reviewDue }),
  reviewSetUp: (agencies: string[] = SCENE_AGENCIES): CaseEvent => ({
    type: 'RapidReviewSetUp',
    at: T.reviewSetUp,
    by: actor(PEOPLE.business, ROLES.business),
    meetingAt: T.reviewMeeting,
    papersDueAt: T.papersDue,
    returnsDueAt: T.returnsDue,
    agencies,
  }),
  returned: (agency: string, at: string, documentUrl: string = RETURN_URL(agency)): CaseEvent => ({ type: 'ScopingReturned', at, by: agencyActor(agency), agency, documentUrl }),
  noInvolvement: (agency: string, at: string = T.noInvolvement): CaseEvent => ({ type: 'NoInvolvementRecorded', at, by: agencyActor(agency), agency }),
  extensionAsked: (agency: string, at: string = T.extensionAsked): CaseEvent => ({
    type: 'ExtensionRequested',
    at,
    by: agencyActor(agency),
    agency,
    reason: EXTENSION_REASON,
    proposedDueAt: T.extensionTo,
  }),
  extensionDecided: (agency: string, agreed: boolean, at: string = T.extensionDecided): CaseEvent => ({
    type: 'ExtensionDecided',
    at,
    by: actor(PEOPLE.business, ROLES.business),
    agency,
    agreed,
    dueAt: agreed ? T.extensionTo : T.returnsDue,
  }),
  chased: (agency: string, chase: 'twoDaysBefore' | 'dueMorning' | 'overdue', at: string): CaseEvent => ({
    type: 'ScopingChased',
    at,
    agency,
    chase,
    ...(chase === 'overdue' ? { day: at.slice(0, 10) } : {}),
  }),
  attended: (partner: 'localAuthority' | 'police' | 'health', attending: boolean, at: string = T.attended): CaseEvent => {
    const by = { localAuthority: actor(PEOPLE.director, ROLES.laRep), police: actor(PEOPLE.police, ROLES.police), health: actor(PEOPLE.health, ROLES.health) }[partner];
    return { type: 'AttendanceConfirmed', at, by, partner, attending };
  },
  papersPrompted: (missing: string[]): CaseEvent => ({ type: 'PapersPrompted', at: T.papersPrompted, missing }),
  reviewCompleted: (onTime: boolean): CaseEvent => ({
    type: 'RapidReviewCompleted',
    at: onTime ? T.reviewCompleted : T.reviewCompletedLate,
    by: actor(PEOPLE.chair, ROLES.chair),
    // On time with an LCSPR, late without one: the two outcomes and the two timings are each seen once.
    lcsprNeeded: onTime,
    rationale: onTime ? REVIEW_RATIONALE : NO_LCSPR_RATIONALE,
    sentAt: onTime ? T.reviewSent : T.reviewSentLate,
    onTime,
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

/**
 * The standard scenes of a case, each the events up to that point. They are produced by running
 * commands through decide(), as the service does (the sweep as Tick commands at its instants), so
 * a card is never tested on a state the procedure cannot reach; a refused command fails the scene.
 */
export const RATIONALE = 'Serious harm in the area while looked after; known neglect concerns. Criteria met.';
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

/**
 * Plays commands on from `start` through the procedure for `config`: a refused command, or one
 * that changes nothing, fails the fixture, so a card is only ever drawn on a reachable state.
 */
export function playWith(config: PartnershipFile) {
  const decide = createDecider(config, createWorkingCalendar({ nation: 'england-and-wales', workingHours: config.workingHours }));
  return (start: CaseEvent[], ...steps: [CaseCommand, string][]): CaseEvent[] => {
    let events = start;
    for (const [command, at] of steps) {
      const decision = decide(fold(events), command, new Date(at));
      if (!decision.ok) throw new Error(`scene fixture: ${command.type} at ${at} was refused: ${decision.refusal}`);
      if (decision.events.length === 0) throw new Error(`scene fixture: ${command.type} at ${at} changed nothing`);
      events = [...events, ...decision.events];
      // Every card the procedure addresses to a person is one the access policy lets them see: the
      // effect runner refuses to send any other (app/effectRunner.ts).
      const after = fold(events);
      for (const effect of decision.effects) {
        if (effect.type === 'send' && effect.to.kind === 'person' && !maySee(config, effect.to.aadObjectId, effect.card, after)) {
          throw new Error(`scene fixture: ${command.type} at ${at} addressed a ${effect.card.kind} card to ${effect.to.aadObjectId}, who may not see it`);
        }
      }
    }
    return events;
  };
}

/** Plays commands through the sample partnership's procedure: `play(SCENES.dispute(), DO.booked(1))`. */
export const play = playWith(sampleConfig);

/** The commands behind the scenes, named as the events they produce (EV) are; tests build on a scene with `play(SCENES.x(), DO.y())`. */
const AGENCY_PEOPLE: Record<string, Person> = { education: PEOPLE.educationContact, probation: PEOPLE.probationContact, gp: PEOPLE.gpDeputy, 'hospital-trust': PEOPLE.hospitalContact };
const PARTNER_PEOPLE = { localAuthority: PEOPLE.director, police: PEOPLE.police, health: PEOPLE.health } as const;
export const DO = {
  log: (): [CaseCommand, string] => [
    { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: T.aware, harm: 'seriousHarm', location: 'inArea', lookedAfter: true, documentUrl: DOCUMENT_URL } },
    T.logged,
  ],
  giveView: (view: 'notify' | 'doNotNotify', rationale: string = RATIONALE): [CaseCommand, string][] => [
    // The view is the chair's and the director's together (002 Section B step 3): the director drafts, the chair concurs.
    [{ type: 'GiveInitialView', actor: as(PEOPLE.director), view, rationale }, T.viewGiven],
    [{ type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, T.viewGiven],
    // The partners' card was posted at once; their window runs from here.
    [{ type: 'RecordPartnerCardPosted', postedAt: T.viewGiven }, T.viewGiven],
  ],
  reply: (who: Person, reply: 'agree' | 'disagree', rationale?: string, at: string = T.policeReplied): [CaseCommand, string] => [{ type: 'ReplyAsPartner', actor: as(who), reply, ...(rationale ? { rationale } : {}) }, at],
  sweep: (at: string): [CaseCommand, string] => [{ type: 'Tick' }, at],
  confirmPanel: (): [CaseCommand, string] => [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: T.panelSent, panelReference: 'CSPRP-2026-0456' }, T.panelConfirmed],
  nextStep: (rationale: string): [CaseCommand, string] => [{ type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'safeguardingLeadsMeeting', rationale }, T.nextStepChosen],
  booked: (stage: 1 | 2): [CaseCommand, string] => [
    stage === 1
      ? { type: 'RecordMeetingBooked', stage, start: T.meeting1Start, end: T.meeting1End, eventId: 'graph-event-1', joinUrl: JOIN_URL, attendees: STAGE_1_ATTENDEES() }
      : { type: 'RecordMeetingBooked', stage, start: T.meeting2Start, end: T.meeting2End, eventId: 'graph-event-2', joinUrl: `${JOIN_URL}-2`, attendees: STAGE_2_ATTENDEES() },
    stage === 1 ? T.booked1 : T.booked2,
  ],
  bookingFailed: (stage: 1 | 2): [CaseCommand, string] => [{ type: 'RecordMeetingBookingFailed', stage, reason: 'Microsoft Graph is not configured' }, stage === 1 ? T.booked1 : T.booked2],
  arranged: (): [CaseCommand, string] => [{ type: 'ArrangeMeeting', actor: as(PEOPLE.business), stage: 1, start: '2026-06-10T10:00:00.000Z' }, T.arranged1],
  outcome: (outcome: 'agreed' | 'notResolved', rationale: string): [CaseCommand, string] => [
    { type: 'RecordMeetingOutcome', actor: as(PEOPLE.chair), outcome, ...(outcome === 'agreed' ? { decision: 'doNotNotify' as const } : {}), rationale },
    T.outcome,
  ],
  finalDecision: (scrutineerAttended: boolean, at: string = T.finalDecision): [CaseCommand, string] => [{ type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: 'notify', rationale: FINAL_RATIONALE, scrutineerAttended }, at],
  reopen: (): [CaseCommand, string] => [{ type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: REOPEN_REASON }, T.reopened],
  setUp: (): [CaseCommand, string] => [{ type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: T.reviewMeeting, agencies: SCENE_AGENCIES }, T.reviewSetUp],
  returned: (agency: string, at: string): [CaseCommand, string] => [{ type: 'RecordScopingReturn', actor: as(AGENCY_PEOPLE[agency]!), agency, documentUrl: RETURN_URL(agency) }, at],
  noInvolvement: (agency: string, at: string = T.noInvolvement): [CaseCommand, string] => [{ type: 'RecordNoInvolvement', actor: as(AGENCY_PEOPLE[agency]!), agency }, at],
  askMoreTime: (agency: string, at: string = T.extensionAsked): [CaseCommand, string] => [{ type: 'RequestExtension', actor: as(AGENCY_PEOPLE[agency]!), agency, reason: EXTENSION_REASON, proposedDueAt: T.extensionTo }, at],
  decideMoreTime: (agency: string, agree: boolean): [CaseCommand, string] => [{ type: 'DecideExtension', actor: as(PEOPLE.business), agency, agree }, T.extensionDecided],
  attend: (partner: 'localAuthority' | 'police' | 'health', attending: boolean, at: string = T.attended): [CaseCommand, string] => [{ type: 'ConfirmAttendance', actor: as(PARTNER_PEOPLE[partner]), attending }, at],
  complete: (onTime: boolean): [CaseCommand, string][] => [
    // On time with an LCSPR, late without one: the two outcomes and the two timings are each seen once.
    ...DO.meetingRecorded(onTime),
    DO.lcsprReply(PEOPLE.director, 'agree', T.lcsprLaReplied),
    DO.lcsprReply(PEOPLE.police, 'agree', T.lcsprPoliceReplied),
    DO.lcsprReply(PEOPLE.health, 'agree', T.lcsprHealthReplied),
    [{ type: 'ApproveRapidReview', actor: as(PEOPLE.chair) }, T.reviewApproved],
    [{ type: 'RecordRapidReviewSent', actor: as(PEOPLE.business), sentAt: onTime ? T.reviewSent : T.reviewSentLate, dfeSentAt: onTime ? T.reviewSent : T.reviewSentLate }, onTime ? T.reviewCompleted : T.reviewCompletedLate],
  ],
  /** The review group chair records a quorate meeting and the group's recommendation. */
  meetingRecorded: (lcspr: boolean): [CaseCommand, string][] => [
    [
      {
        type: 'RecordRapidReviewMeeting',
        actor: as(PEOPLE.chair),
        attended: ['localAuthority', 'police', 'health'],
        invitedAttended: [],
        lcsprRecommended: lcspr,
        rationale: lcspr ? REVIEW_RATIONALE : NO_LCSPR_RATIONALE,
        ...(lcspr ? { linesOfEnquiry: LINES_OF_ENQUIRY } : {}),
      },
      T.meetingRecorded,
    ],
  ],
  lcsprReply: (who: Person, reply: 'agree' | 'disagree', at: string, rationale?: string): [CaseCommand, string] => [{ type: 'ReplyOnLcspr', actor: as(who), reply, ...(rationale ? { rationale } : {}) }, at],
};

export const NO_RAPID_REVIEW_RATIONALE = 'The learning is already identified in the recent thematic review; the partners agree a rapid review would add nothing.';
export const T_SEEDS = {
  noRapidReview: '2026-06-12T10:00:00.000Z', // 11:00 Friday 12 June
  panelTold: '2026-06-12T13:00:00.000Z', // 14:00 Friday 12 June
  panelToldRecorded: '2026-06-12T13:30:00.000Z',
  statutorySent: '2026-06-08T13:00:00.000Z', // 14:00 Monday 8 June
  statutoryRecorded: '2026-06-08T13:30:00.000Z',
} as const;
const DO_SEEDS = {
  log: (criteria: Partial<ReferralDetails>): [CaseCommand, string] => [
    { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: T.aware, harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL, ...criteria } },
    T.logged,
  ],
  noRapidReview: (): [CaseCommand, string] => [{ type: 'RecordNoRapidReview', actor: as(PEOPLE.business), partnersAgreed: true, scrutineerOversight: true, rationale: NO_RAPID_REVIEW_RATIONALE }, T_SEEDS.noRapidReview],
  panelTold: (): [CaseCommand, string] => [{ type: 'RecordNoRapidReviewPanelTold', actor: as(PEOPLE.business), sentAt: T_SEEDS.panelTold }, T_SEEDS.panelToldRecorded],
  statutory: (): [CaseCommand, string] => [{ type: 'RecordStatutoryNotification', actor: as(PEOPLE.laDeputy), sentAt: T_SEEDS.statutorySent }, T_SEEDS.statutoryRecorded],
};

export const SCENES = {
  awaitingInitialView: (): CaseEvent[] => play([], DO.log()),
  awaitingReplies: (): CaseEvent[] => play(SCENES.awaitingInitialView(), ...DO.giveView('notify')),
  policeAgreed: (): CaseEvent[] => play(SCENES.awaitingReplies(), DO.reply(PEOPLE.police, 'agree', 'Agree; the threshold is met.')),
  /** The police disagree; health is silent and deemed to agree when the window closes. */
  dispute: (): CaseEvent[] => play(SCENES.awaitingReplies(), DO.reply(PEOPLE.police, 'disagree', 'We do not think abuse or neglect is suspected on what we know.'), DO.sweep(T.windowSwept)),
  decidedNotify: (): CaseEvent[] => play(SCENES.policeAgreed(), DO.sweep(T.windowSwept)),
  /** Confirming the notification opens the rapid review: the case is never left at "Panel notified" alone. */
  panelNotified: (): CaseEvent[] => play(SCENES.decidedNotify(), DO.confirmPanel()),
  decidedDoNotNotify: (): CaseEvent[] => play(SCENES.awaitingInitialView(), ...DO.giveView('doNotNotify'), DO.reply(PEOPLE.police, 'agree', 'Agree: no abuse or neglect is suspected.'), DO.sweep(T.windowSwept)),
  closed: (): CaseEvent[] => play(SCENES.decidedDoNotNotify(), DO.nextStep('Single-agency learning is enough; the leads meeting can agree it.')),
  // The dispute's stages (DOMAIN steps 5-6).
  meetingBooked: (): CaseEvent[] => play(SCENES.dispute(), DO.booked(1)),
  bookingFailed: (): CaseEvent[] => play(SCENES.dispute(), DO.bookingFailed(1)),
  meetingArranged: (): CaseEvent[] => play(SCENES.bookingFailed(), DO.arranged()),
  meetingCancelled: (): CaseEvent[] => play(SCENES.meetingBooked(), DO.reply(PEOPLE.police, 'agree', 'Having read the chronology, we agree.', T.policeChangedMind)),
  meetingAgreed: (): CaseEvent[] => play(SCENES.meetingBooked(), DO.outcome('agreed', 'The police account settled it: abuse or neglect is not suspected.')),
  escalatedNotResolved: (): CaseEvent[] => play(SCENES.meetingBooked(), DO.outcome('notResolved', OUTCOME_RATIONALE)),
  /**
   * A log stored before issue 14, when a missed outcome sent the case to stage 2 by itself: it
   * must still fold and show. Today the sweep chases instead (SCENES.outcomeChased).
   */
  escalatedOutcomeOverdue: (): CaseEvent[] => [
    ...SCENES.meetingBooked(),
    { type: 'OverdueRaised', at: T.meetingDue, about: 'meetingOutcome' },
    { type: 'DisputeEscalated', at: T.meetingDue, reason: 'outcomeOverdue', decisionDueAt: T.decisionDueAfterOverdue },
  ],
  decisionMeetingBooked: (): CaseEvent[] => play(SCENES.escalatedNotResolved(), DO.booked(2)),
  decisionMeetingBookingFailed: (): CaseEvent[] => play(SCENES.escalatedNotResolved(), DO.bookingFailed(2)),
  finalDecisionOverdue: (): CaseEvent[] => play(SCENES.decisionMeetingBooked(), DO.sweep(T.decisionDue)),
  finalDecisionAttended: (): CaseEvent[] => play(SCENES.decisionMeetingBooked(), DO.finalDecision(true)),
  finalDecisionNotAttended: (): CaseEvent[] => play(SCENES.decisionMeetingBooked(), DO.finalDecision(false)),
  /**
   * A re-opening stored before issue 14, which set the decision aside: it must still fold and show.
   * Today's re-opening keeps the decision standing (SCENES.reopenedDuringReview).
   */
  reopened: (): CaseEvent[] => [
    ...SCENES.finalDecisionAttended(),
    { type: 'DecisionReopened', at: T.reopened, by: actor(PEOPLE.partnershipChair, ROLES.partnershipChair), reason: REOPEN_REASON, decisionDueAt: T.reopenedDue },
  ],
  decidedAgainAfterReopening: (): CaseEvent[] => play(SCENES.reopened(), DO.finalDecision(false, '2026-06-15T14:00:00.000Z')),
  // The rapid review (DOMAIN "The rapid review and scoping returns"), opened by the Panel notification.
  reviewOpened: (): CaseEvent[] => SCENES.panelNotified(),
  reviewSetUp: (): CaseEvent[] => play(SCENES.reviewOpened(), DO.setUp()),
  /** Probation: no involvement; GP practice: more time asked (still chased meanwhile); Education: returned. */
  extensionAsked: (): CaseEvent[] => play(SCENES.reviewSetUp(), DO.noInvolvement('probation'), DO.askMoreTime('gp'), DO.sweep(T.twoDaysBefore), DO.returned('education', T.educationReturned)),
  extensionAgreed: (): CaseEvent[] => play(SCENES.reviewSetUp(), DO.noInvolvement('probation'), DO.askMoreTime('gp'), DO.decideMoreTime('gp', true), DO.sweep(T.twoDaysBefore), DO.returned('education', T.educationReturned)),
  extensionDeclined: (): CaseEvent[] => play(SCENES.reviewSetUp(), DO.noInvolvement('probation'), DO.askMoreTime('gp'), DO.decideMoreTime('gp', false), DO.sweep(T.twoDaysBefore), DO.returned('education', T.educationReturned)),
  /** The GP practice's return is late: due 17:00 Monday 22 June, chased from Tuesday 23 June. */
  scopingOverdue: (): CaseEvent[] =>
    play(SCENES.reviewSetUp(), DO.noInvolvement('probation'), DO.sweep(T.twoDaysBefore), DO.returned('education', T.educationReturned), DO.sweep(T.dueMorning), DO.sweep(T.firstOverdue)),
  attendanceConfirmed: (): CaseEvent[] => play(SCENES.reviewSetUp(), DO.attend('localAuthority', true), DO.attend('police', true), DO.attend('health', true, '2026-06-12T10:00:00.000Z')),
  papersPrompted: (): CaseEvent[] => play(SCENES.scopingOverdue(), DO.sweep(T.papersPrompted)),
  /** Everything in, the meeting quorate, and the outcome sent within the 15 working days. */
  reviewCompletedOnTime: (): CaseEvent[] => play(reviewToTheMeeting(), ...DO.complete(true)),
  reviewCompletedLate: (): CaseEvent[] => play(reviewToTheMeeting(), ...DO.complete(false)),
  /** For the size test: 30 agencies in every status (MANY_AGENCIES_CONFIG); the test names them at length. */
  thirtyAgencies: (): CaseEvent[] => {
    const contact = (id: string): CommandActor => ({ aadObjectId: `aad-${id}`, displayName: `Contact ${id}` });
    const commands = MANY_AGENCY_IDS.flatMap((agency, i): [CaseCommand, string][] => {
      const at = `2026-06-1${5 + (i % 4)}T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:00:00.000Z`;
      const ask: [CaseCommand, string] = [{ type: 'RequestExtension', actor: contact(agency), agency, reason: EXTENSION_REASON, proposedDueAt: T.extensionTo }, at];
      switch (i % 5) {
        case 0:
          return [[{ type: 'RecordScopingReturn', actor: contact(agency), agency, documentUrl: RETURN_URL(agency) }, at]];
        case 1:
          return [[{ type: 'RecordNoInvolvement', actor: contact(agency), agency }, at]];
        case 2:
          return [ask];
        case 3:
          return [ask, [{ type: 'DecideExtension', actor: as(PEOPLE.business), agency, agree: true }, at]];
        default:
          return [];
      }
    });
    return playWith(MANY_AGENCIES_CONFIG)(
      SCENES.reviewOpened(),
      [{ type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: T.reviewMeeting, agencies: MANY_AGENCY_IDS }, T.reviewSetUp],
      ...commands.sort((a, b) => Date.parse(a[1]) - Date.parse(b[1])),
      DO.attend('police', false, '2026-06-19T09:00:00.000Z'),
    );
  },
  // The exceptional decision not to hold the rapid review (002 Section B), then the Panel told.
  noRapidReviewAgreed: (): CaseEvent[] => play(SCENES.reviewSetUp(), DO_SEEDS.noRapidReview()),
  noRapidReviewPanelTold: (): CaseEvent[] => play(SCENES.noRapidReviewAgreed(), DO_SEEDS.panelTold()),
  // A looked-after child's death: the local authority notifies the Secretary of State and Ofsted.
  lookedAfterDeath: (): CaseEvent[] => play([], DO_SEEDS.log({ harm: 'death', lookedAfter: true, abuseOrNeglect: 'neither' })),
  lookedAfterDeathNotified: (): CaseEvent[] => play(SCENES.lookedAfterDeath(), DO_SEEDS.statutory()),
  // A care leaver aged 18 to 24 (002 Section D): logged, no decision, no rapid review.
  careLeaverDeath: (): CaseEvent[] => play([], DO_SEEDS.log({ harm: 'death', lookedAfter: false, abuseOrNeglect: 'neither', careLeaver: 'aged18to24' })),
  /** The meeting recorded: the partners are asked to decide on an LCSPR. */
  lcsprAsked: (): CaseEvent[] => play(reviewToTheMeeting(), ...DO.meetingRecorded(true)),
  /** Health disagrees: the partnership chair decides within 3 working days. */
  lcsprDisputed: (): CaseEvent[] => play(SCENES.lcsprAsked(), DO.lcsprReply(PEOPLE.director, 'agree', T.lcsprLaReplied), DO.lcsprReply(PEOPLE.police, 'agree', T.lcsprPoliceReplied), DO.lcsprReply(PEOPLE.health, 'disagree', T.lcsprHealthReplied, LCSPR_DISAGREEMENT)),
  lcsprDecided: (): CaseEvent[] => play(SCENES.lcsprAsked(), DO.lcsprReply(PEOPLE.director, 'agree', T.lcsprLaReplied), DO.lcsprReply(PEOPLE.police, 'agree', T.lcsprPoliceReplied), DO.lcsprReply(PEOPLE.health, 'agree', T.lcsprHealthReplied)),
  /** Approved by the chair: the business unit is asked to send it. */
  reviewApproved: (): CaseEvent[] => play(SCENES.lcsprDecided(), [{ type: 'ApproveRapidReview', actor: as(PEOPLE.chair) }, T.reviewApproved]),
  /** The outcome of the partners' meeting not recorded by its deadline: chased, never escalated by itself (002 step 6). */
  outcomeChased: (): CaseEvent[] => play(SCENES.meetingBooked(), DO.sweep(T.meetingDue)),
  /** 002 8.1: new information raised through the business unit while the rapid review runs; the decision stands meanwhile. */
  reopenedDuringReview: (): CaseEvent[] => play(reviewAfterFinalDecision(), [{ type: 'ReopenDecision', actor: as(PEOPLE.business), reason: REOPEN_REASON }, T.reopened]),
  /** The partnership chair decides the same again: the review goes on with its set-up, returns and attendance. */
  reconfirmedDuringReview: (): CaseEvent[] => play(SCENES.reopenedDuringReview(), [{ type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: 'notify', rationale: RECONFIRM_RATIONALE, scrutineerAttended: true }, T.redecided]),
  /** The partnership chair reverses it after the Panel was notified: the case closes with the reason recorded. */
  reversedDuringReview: (): CaseEvent[] => play(SCENES.reopenedDuringReview(), [{ type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: 'doNotNotify', rationale: REVERSAL_RATIONALE, scrutineerAttended: true }, T.redecided]),
  /** The joint initial view (002 Section B step 3): the director has drafted; the chair has not yet concurred. */
  initialViewDrafted: (): CaseEvent[] => play(SCENES.awaitingInitialView(), [{ type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: RATIONALE }, T.viewGiven]),
  /** The chair gives a different view: the business unit is told and each sees the other's. */
  initialViewsDiffer: (): CaseEvent[] =>
    play(SCENES.initialViewDrafted(), [{ type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'doNotNotify', rationale: CHAIR_DIFFERENT_RATIONALE }, T.chairDiffers]),
  /** Issue 17: the LCSPR decided on the rapid review, publication planned past six months, the executive's approval to publish recorded. */
  localReviewApproved: (): CaseEvent[] =>
    play(
      SCENES.lcsprDecided(),
      [{ type: 'PlanLocalReviewPublication', actor: as(PEOPLE.business), plannedDate: '2027-01-20' }, '2026-07-15T09:00:00.000Z'],
      [{ type: 'RecordLocalReviewMilestone', actor: as(PEOPLE.business), milestone: 'executiveApproval', doneDate: '2026-07-15', publish: true }, '2026-07-15T10:00:00.000Z'],
      // 002 Appendix B: to the Main Board "prior to publication" (step 25).
      [{ type: 'RecordLocalReviewMilestone', actor: as(PEOPLE.business), milestone: 'boardRatification', doneDate: '2026-07-15' }, '2026-07-15T11:00:00.000Z'],
    ),
  // Issue 17: the local learning event (002 Section C) after the case went to the review group, and review-group disputes (8.2).
  /** The partners decided on Wednesday 10 June: the report is due ready for approval by 17:00 on Saturday 10 October. */
  learningEventDecided: (): CaseEvent[] => play(SCENES.closed(), [{ type: 'RecordLearningEventDecision', actor: as(PEOPLE.business), decidedOn: '2026-06-10', rationale: LEARNING_RATIONALE }, '2026-06-11T10:00:00.000Z']),
  learningEventSetUp: (): CaseEvent[] =>
    play(SCENES.learningEventDecided(), [{ type: 'SetUpLearningEvent', actor: as(PEOPLE.chair), methods: ['desktop', 'practitionerWorkshop'], leads: ['partner:police', 'agency:gp'] }, '2026-06-12T10:00:00.000Z']),
  /** Reminded 10 and 3 working days before (Monday 28 September, Wednesday 7 October), overdue after Saturday 10 October. */
  learningEventOverdue: (): CaseEvent[] => play(SCENES.learningEventSetUp(), DO.sweep('2026-09-28T12:00:00.000Z'), DO.sweep('2026-10-07T12:00:00.000Z'), DO.sweep('2026-10-12T09:00:00.000Z')),
  /** The report ready for approval on Tuesday 1 September, within the four months. */
  learningEventReportReady: (): CaseEvent[] =>
    play(SCENES.learningEventSetUp(), [{ type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: 'https://documents.example.org/sites/cases/RR-2026-014/learning-event-report.docx' }, '2026-09-01T10:00:00.000Z']),
  learningEventApproved: (): CaseEvent[] => play(SCENES.learningEventReportReady(), [{ type: 'RecordLearningEventApproval', actor: as(PEOPLE.business), approvedOn: '2026-09-14' }, '2026-09-15T10:00:00.000Z']),
  learningEventDisseminated: (): CaseEvent[] =>
    play(SCENES.learningEventApproved(), [{ type: 'RecordLearningEventDissemination', actor: as(PEOPLE.chair), disseminatedOn: '2026-10-19', how: 'Practitioner briefings and the partnership newsletter.' }, '2026-10-20T10:00:00.000Z']),
  /** The police disagree that no learning event is needed (Thursday 11 June 11:00): an outcome is due by 11:00 Tuesday 16 June. */
  reviewGroupDisputeOpen: (): CaseEvent[] => play(SCENES.closed(), [{ type: 'OpenReviewGroupDispute', actor: as(PEOPLE.police), about: 'learningEvent', reason: REVIEW_GROUP_DISPUTE_REASON }, '2026-06-11T10:00:00.000Z']),
  reviewGroupDisputeEscalated: (): CaseEvent[] => play(SCENES.reviewGroupDisputeOpen(), [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.chair), outcome: 'notResolved', rationale: 'The partners are split on whether the learning is new.' }, '2026-06-12T10:00:00.000Z']),
  /** The partnership chair decides a learning event is held: it opens, dated Monday 15 June. */
  reviewGroupDisputeDecided: (): CaseEvent[] => play(SCENES.reviewGroupDisputeEscalated(), [{ type: 'DecideReviewGroupDispute', actor: as(PEOPLE.partnershipChair), criteriaMet: true, rationale: 'New learning on neglect of adolescents: hold a learning event.' }, '2026-06-15T10:00:00.000Z']),
  /** No outcome by the 3 working days: the dispute goes to the partnership chair, whose decision is then overdue too. */
  reviewGroupDisputeOverdue: (): CaseEvent[] => play(SCENES.reviewGroupDisputeOpen(), DO.sweep('2026-06-15T09:00:00.000Z'), DO.sweep('2026-06-16T10:30:00.000Z'), DO.sweep('2026-06-18T09:00:00.000Z'), DO.sweep('2026-06-19T12:00:00.000Z')),
  // Recommendations and actions (issue 17), on the completed rapid review: two recommendations, an action for the GP
  // practice (due Friday 28 August 2026, before the August bank holiday) and one for the police (due Tuesday 15 September).
  actionsAgreed: (): CaseEvent[] => play(SCENES.reviewCompletedOnTime(), ...ACT.recommendAndAgree()),
  /** Reported on the first working day of August, reminded on Friday 21 August, overdue on Tuesday 1 September (Monday 31 August is a bank holiday). */
  actionOverdue: (): CaseEvent[] => play(SCENES.actionsAgreed(), DO.sweep('2026-08-03T08:00:00.000Z'), DO.sweep('2026-08-21T08:00:00.000Z'), DO.sweep('2026-09-01T08:00:00.000Z')),
  /** The GP practice gives evidence of completion: A1 awaits evidence of its impact. */
  actionCompleted: (): CaseEvent[] => play(SCENES.actionOverdue(), ...ACT.closeBoth().slice(0, 1)),
  /** Evidence of completion, then of impact, for both actions. */
  actionsClosed: (): CaseEvent[] => play(SCENES.actionCompleted(), ...ACT.closeBoth().slice(1)),
  /** The business unit records that the executive was told: the rapid review is concluded. */
  reviewConcluded: (): CaseEvent[] => play(SCENES.actionsClosed(), [{ type: 'RecordExecutiveTold', actor: as(PEOPLE.business), review: { kind: 'rapidReview' }, toldAt: '2026-09-08T10:00:00.000Z' }, '2026-09-08T11:00:00.000Z']),
  /** The LCSPR's estimated cost, option 2 shared by the three partners. */
  costsRecorded: (): CaseEvent[] =>
    play(SCENES.actionsAgreed(), [{ type: 'RecordReviewCosts', actor: as(PEOPLE.business), review: { kind: 'lcspr' }, estimate: 18_000, model: 'option2', shares: [{ payer: 'localAuthority', percent: 40 }, { payer: 'police', percent: 30 }, { payer: 'health', percent: 30 }] }, '2026-07-02T09:00:00.000Z']),
} satisfies Record<string, () => CaseEvent[]>;

export const RECOMMENDATION = 'Agencies share chronologies at the first strategy discussion, using the partnership template.';
export const EXPECTED_IMPACT = 'Strategy discussions see every agency chronology; audited in six months.';
export const ACTION_DONE = 'The template is in the GP practice safeguarding policy and every practice lead is briefed.';
export const EVIDENCE_URL = (what: string) => `https://documents.example.org/sites/cases/RR-2026-014/actions/${what}.docx`;
export const IMPACT_STATEMENT = 'The audit of twelve strategy discussions found chronologies shared in eleven.';

/** The commands behind the actions scenes. */
export const ACT = {
  recommendAndAgree: (): [CaseCommand, string][] => [
    [{ type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind: 'rapidReview' }, text: RECOMMENDATION, expectedImpact: EXPECTED_IMPACT }, '2026-07-01T08:00:00.000Z'],
    [{ type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind: 'rapidReview' }, text: "Police refer to children's services on every domestic abuse call with a child present.", expectedImpact: 'Referral rates match call data in the quarterly audit.' }, '2026-07-01T08:05:00.000Z'],
    [{ type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'agency', agency: 'gp' }, dueDate: '2026-08-28', done: ACTION_DONE }, '2026-07-01T09:00:00.000Z'],
    [{ type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R2', owner: { kind: 'partner', partner: 'police' }, dueDate: '2026-09-15', done: 'The referral guidance is reissued and recorded in the force policy.' }, '2026-07-01T09:05:00.000Z'],
  ],
  closeBoth: (): [CaseCommand, string][] => [
    [{ type: 'RecordActionCompletion', actor: as(PEOPLE.gpDeputy), action: 'A1', documentUrl: EVIDENCE_URL('a1-completed') }, '2026-09-02T09:00:00.000Z'],
    [{ type: 'RecordActionImpact', actor: as(PEOPLE.gpDeputy), action: 'A1', documentUrl: EVIDENCE_URL('a1-impact'), impact: IMPACT_STATEMENT }, '2026-09-03T09:00:00.000Z'],
    [{ type: 'RecordActionCompletion', actor: as(PEOPLE.police), action: 'A2', documentUrl: EVIDENCE_URL('a2-completed') }, '2026-09-04T09:00:00.000Z'],
    [{ type: 'RecordActionImpact', actor: as(PEOPLE.policeDeputy), action: 'A2', documentUrl: EVIDENCE_URL('a2-impact'), impact: 'Referral rates now match call data in the quarterly audit.' }, '2026-09-07T09:00:00.000Z'],
  ],
};

export const LEARNING_RATIONALE = 'Issues of local importance for the multi-agency system: information sharing between schools and health.';
export const REVIEW_GROUP_DISPUTE_REASON = 'The police think the case meets the criteria for a learning event: new learning on neglect.';

/**
 * A dispute whose every typed text is given: the view, the local authority deputy's comment, and
 * the police's and health's (deputy's) disagreements, as the procedure records them. For the
 * size tests, which need the longest texts the procedure accepts.
 */
export function disputeWith(texts: { view: string; la: string; police: string; health: string }): CaseEvent[] {
  return play(
    SCENES.awaitingInitialView(),
    ...DO.giveView('notify', texts.view),
    DO.reply(PEOPLE.laDeputy, 'agree', texts.la),
    DO.reply(PEOPLE.police, 'disagree', texts.police),
    DO.reply(PEOPLE.healthDeputy, 'disagree', texts.health),
  );
}

/** The same dispute taken to a final decision and re-opened, with every typed text given. */
export function reopenedWith(texts: { view: string; la: string; police: string; health: string; outcome: string; final: string; reason: string }): CaseEvent[] {
  return play(
    disputeWith(texts),
    DO.booked(1),
    DO.outcome('notResolved', texts.outcome),
    DO.booked(2),
    [{ type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: 'notify', rationale: texts.final, scrutineerAttended: true }, T.finalDecision],
    [{ type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: texts.reason }, T.reopened],
  );
}

export const CHAIR_DIFFERENT_RATIONALE = 'No abuse or neglect is suspected on the agency chronology.';
export const RECONFIRM_RATIONALE = 'The new evidence does not change the reading: the criteria are still met.';
export const REVERSAL_RATIONALE = 'The new medical evidence shows an accidental injury: the criteria are not met.';

/**
 * A final decision to notify (Thursday 11 June 10:15), the Panel notified and the rapid review set
 * up the same day, police attending and education's return in: what a re-opening must not wipe.
 */
function reviewAfterFinalDecision(): CaseEvent[] {
  return play(
    SCENES.finalDecisionAttended(),
    [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-11T09:45:00.000Z', panelReference: 'CSPRP-2026-0456' }, '2026-06-11T10:00:00.000Z'],
    [{ type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: T.reviewMeeting, agencies: SCENE_AGENCIES }, '2026-06-11T13:00:00.000Z'],
    DO.attend('police', true),
    DO.returned('education', '2026-06-12T10:00:00.000Z'),
  );
}
export type SceneName = keyof typeof SCENES;

/** The ids of the 30 agencies in SCENES.thirtyAgencies: MANY_AGENCIES_CONFIG has them, the sample configuration none. */
export const MANY_AGENCY_IDS = Array.from({ length: 30 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);

/** The sample partnership with only the thirty agencies (the first ten in the review group), each with a deputy. */
const manyAgencyPerson = (id: string): Person => ({ aadObjectId: `aad-${id}`, email: `${id}@agency.example.org`, displayName: `Contact ${id}` });
export const MANY_AGENCIES_CONFIG: PartnershipFile = PartnershipFileSchema.parse({
  ...sampleConfig,
  agencies: MANY_AGENCY_IDS.map((id, i) => ({ id, name: `Agency ${i + 1}`, contact: manyAgencyPerson(id), deputies: [manyAgencyPerson(`${id}-deputy`)], escalation: manyAgencyPerson(`${id}-lead`), reviewGroup: i < 10 })),
});

export function reviewToTheMeeting(): CaseEvent[] {
  return play(
    SCENES.reviewSetUp(),
    DO.attend('localAuthority', true),
    DO.attend('police', true),
    DO.attend('health', true, '2026-06-12T10:00:00.000Z'),
    DO.noInvolvement('probation'),
    DO.askMoreTime('gp'),
    DO.decideMoreTime('gp', true),
    DO.sweep(T.twoDaysBefore),
    DO.returned('education', T.educationReturned),
    DO.sweep('2026-06-22T08:00:00.000Z'),
    DO.sweep(T.papersPrompted),
    DO.sweep('2026-06-24T08:00:00.000Z'),
    DO.returned('gp', T.gpReturned),
  );
}

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
  rapidReviewSetup: true,
  rapidReviewBoard: true,
  scopingRequest: true,
  scopingChaser: true,
  scopingOverdue: true,
  extensionDecisionRequest: true,
  extensionAnswer: true,
  attendanceRequest: true,
  papersPrompt: true,
  rapidReviewOutcomeRequest: true,
  rapidReviewCompleted: true,
  statutoryNotificationRequest: true,
  noRapidReview: true,
  rapidReviewInvitation: true,
  lcsprDecision: true,
  lcsprDispute: true,
  lcsprDecided: true,
  lcsprChaser: true,
  rapidReviewApproved: true,
  rapidReviewForInformation: true,
  rapidReviewSendPrompt: true,
  actionRequest: true,
  actionChaser: true,
  actionsBoard: true,
  actionsReport: true,
  reviewCosts: true,
  localReviewBoard: true,
  localReviewLetter: true,
  localReviewReminder: true,
  localReviewOverdue: true,
  localReviewJustification: true,
  learningEvent: true,
  learningEventChaser: true,
  reviewGroupDispute: true,
  reviewGroupDisputeChaser: true,
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
  { kind: 'rapidReviewSetup' },
  { kind: 'rapidReviewBoard' },
  // Returned, no involvement, asked for more time (or late), and never asked.
  ...['education', 'probation', 'gp', 'hospital-trust'].map((agency): CardSpec => ({ kind: 'scopingRequest', agency })),
  ...ScopingChaseSchema.options.map((chase): CardSpec => ({ kind: 'scopingChaser', agency: 'gp', chase })),
  { kind: 'scopingChaser', agency: 'education', chase: 'overdue' },
  { kind: 'scopingOverdue', agency: 'gp' },
  { kind: 'scopingOverdue', agency: 'education' },
  { kind: 'extensionDecisionRequest', agency: 'gp' },
  { kind: 'extensionAnswer', agency: 'gp' },
  { kind: 'attendanceRequest' },
  { kind: 'papersPrompt' },
  { kind: 'rapidReviewOutcomeRequest' },
  { kind: 'rapidReviewCompleted' },
  { kind: 'statutoryNotificationRequest' },
  { kind: 'noRapidReview' },
  { kind: 'rapidReviewInvitation', agency: 'da-service' },
  { kind: 'lcsprDecision' },
  { kind: 'lcsprDispute' },
  { kind: 'lcsprDecided' },
  { kind: 'lcsprChaser' },
  { kind: 'rapidReviewApproved' },
  { kind: 'rapidReviewForInformation', agency: 'education' },
  { kind: 'rapidReviewSendPrompt' },
  // Recommendations and actions, costs (issue 17): the GP practice's action and the police's.
  { kind: 'actionRequest', action: 'A1' },
  { kind: 'actionRequest', action: 'A2' },
  { kind: 'actionChaser', action: 'A1', chase: 'reminder' },
  { kind: 'actionChaser', action: 'A1', chase: 'overdue' },
  { kind: 'actionsBoard' },
  { kind: 'actionsReport' },
  { kind: 'reviewCosts' },
  { kind: 'localReviewBoard' },
  { kind: 'localReviewLetter' },
  { kind: 'localReviewReminder' },
  { kind: 'localReviewOverdue' },
  { kind: 'localReviewJustification' },
  { kind: 'learningEvent' },
  { kind: 'learningEventChaser' },
  { kind: 'reviewGroupDispute' },
  { kind: 'reviewGroupDisputeChaser' },
];

/** "overdue:finalDecision", "meetingBooked:2", "scopingChaser:gp:overdue": a spec's name in a test title. */
export const specName = (spec: CardSpec): string =>
  [spec.kind, ...('about' in spec ? [spec.about] : []), ...('stage' in spec ? [spec.stage] : []), ...('agency' in spec ? [spec.agency] : []), ...('action' in spec ? [spec.action] : []), ...('chase' in spec ? [spec.chase] : [])].join(':');
