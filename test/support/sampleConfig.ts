import type { Actor, CaseEvent } from '../../workflow/events.js';
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
} as const;

export const ROLES = {
  business: 'business unit',
  chair: 'review group chair',
  director: "children's services director",
  laRep: "Local authority children's services representative",
  police: 'Police representative',
  health: 'Health (ICB) representative',
  healthDeputy: 'Health (ICB) deputy',
} as const;

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
} satisfies Record<string, () => CaseEvent[]>;
export type SceneName = keyof typeof SCENES;
