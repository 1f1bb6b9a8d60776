import type { CaseCommand } from './commands.js';
import type { CardSpec } from './effects.js';
import { partnersRepresentedBy, rolesOf, type PartnershipConfig, type Role, type Partner } from './partnership.js';
import type { CaseState } from './state.js';
import type { ActionOwner } from './actions/schemas.js';

/**
 * Who may do what and see what, in one place: the procedure, the card actions, the history and
 * its export, and the monitoring tab all ask here. Pure, so it can be tested as a table.
 *
 * Seeing follows where the cards go. The partnership's own people (business unit, chairs,
 * director, scrutineer, strategic partnership manager, partners' representatives and deputies)
 * see every case card, as the decision and monitoring channels and their own 1:1 cards show them.
 * An agency's people are on the roster only for their own agency's part of a rapid review: they
 * see their agency's scoping request (and its chasers and the answer to a request for more time)
 * on a case whose rapid review asked that agency, and nothing else of any case. Someone off the
 * roster sees nothing.
 */

/**
 * What a person may ask to see: a case card, the case's history, its export, or the monitoring tab;
 * and in the tab (issue 17) the reviews and their deadlines, every action by review and by agency,
 * and the actions' CSV download. The last three are about every case at once: asked with no state.
 */
export type View = CardSpec | { kind: 'history' } | { kind: 'export' } | { kind: 'tab' } | { kind: 'reviews' } | { kind: 'actions' } | { kind: 'actionsExport' };
/** The views that are about every case at once, not one. */
const ALL_CASE_VIEWS: readonly View['kind'][] = ['tab', 'reviews', 'actions', 'actionsExport'];

/** The commands a person gives; the rest come from the clock or from what the bot did (Graph, Teams). */
export type PersonCommandType = Exclude<CaseCommand['type'], 'Tick' | 'RecordPartnerCardPosted' | 'RecordMeetingBooked' | 'RecordMeetingBookingFailed' | 'RecordRosterChange'>;
/** The commands an agency's contact or deputy gives for its own agency. */
const AGENCY_COMMANDS = ['RecordScopingReturn', 'RecordNoInvolvement', 'RequestExtension'] as const;
type AgencyCommandType = (typeof AGENCY_COMMANDS)[number];
/** Recommendations and actions (issue 17): the commands an action's owner gives for that action. */
const OWNER_COMMANDS = ['RecordActionCompletion', 'RecordActionImpact'] as const;
type OwnerCommandType = (typeof OWNER_COMMANDS)[number];
type RoleCommandType = Exclude<PersonCommandType, AgencyCommandType | OwnerCommandType>;
export type Act = { type: RoleCommandType } | { type: AgencyCommandType; agency: string } | { type: OwnerCommandType; action: string };

const PARTNERSHIP_ROLES: readonly Role['kind'][] = [
  'businessUnit',
  'reviewGroupChair',
  'childrensServicesDirector',
  'partnershipChair',
  'independentScrutineer',
  'strategicPartnershipManager',
  'partnerRepresentative',
  'partnerDeputy',
];

/** The cards an executive member (or, the letter only, a board member) who holds no other role is sent; `roleSees` decides which is whose. */
const EXECUTIVE_VIEWS: readonly View['kind'][] = ['rapidReviewApproved', 'localReviewLetter', 'actionsReport'];

/** The monitoring tab shows every case: for the business unit and the chairs who run the process. */
export const TAB_ROLES: readonly Role['kind'][] = ['businessUnit', 'reviewGroupChair', 'partnershipChair'];

/** Which role lets a person give each command, in the order the procedure has always looked for it. */
const COMMAND_ROLES: Record<RoleCommandType, (role: Role, config: PartnershipConfig) => boolean> = {
  LogReferral: (r) => r.kind === 'businessUnit',
  GiveInitialView: (r) => r.kind === 'reviewGroupChair' || r.kind === 'childrensServicesDirector',
  ReplyAsPartner: (r) => r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy',
  ConfirmPanelNotification: (r) => (r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy') && r.partner === 'localAuthority',
  ChooseNextStep: (r) => r.kind === 'reviewGroupChair',
  ArrangeMeeting: (r) => r.kind === 'businessUnit',
  RecordMeetingOutcome: (r) => r.kind === 'reviewGroupChair',
  // 8.1: the partnership chair decides the notification; new information is raised through the business unit.
  RecordFinalDecision: (r) => r.kind === 'partnershipChair',
  ReopenDecision: (r) => r.kind === 'businessUnit' || r.kind === 'partnershipChair',
  SetUpRapidReview: (r) => r.kind === 'businessUnit',
  DecideExtension: (r) => r.kind === 'businessUnit',
  ConfirmAttendance: (r) => r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy',
  RecordStatutoryNotification: (r) => (r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy') && r.partner === 'localAuthority',
  RecordNoRapidReview: (r) => r.kind === 'businessUnit',
  RecordNoRapidReviewPanelTold: (r) => r.kind === 'businessUnit',
  RecordRapidReviewMeeting: (r) => r.kind === 'reviewGroupChair',
  ReplyOnLcspr: (r) => r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy',
  DecideLcsprDispute: (r, config) => r.kind === config.reviewDisputeDecider,
  ApproveRapidReview: (r) => r.kind === 'reviewGroupChair',
  RecordRapidReviewSent: (r) => r.kind === 'businessUnit',
  ConcurInitialView: (r) => r.kind === 'reviewGroupChair' || r.kind === 'childrensServicesDirector',
  // Recommendations and actions (issue 17). 001: "The case review subgroup is responsible for converting the
  // recommendations into action plans"; 002 7.1: monitored by the review group, reported to the executive.
  RecordRecommendation: (r) => r.kind === 'businessUnit' || r.kind === 'reviewGroupChair',
  AgreeAction: (r) => r.kind === 'businessUnit' || r.kind === 'reviewGroupChair',
  MoveActionDueDate: (r) => r.kind === 'businessUnit',
  RecordExecutiveTold: (r) => r.kind === 'businessUnit',
  // Costs (000 1.2.3): agreed by the partners' consensus; the business unit records it.
  RecordReviewCosts: (r) => r.kind === 'businessUnit',
  // The local review (LCSPR), issue 17. The review group leads on commissioning and oversight (5.7) and the
  // partnership team does the work (5.6, 5.18): the business unit records every step; a review the review
  // group agreed without a notification may also be opened by its chair, who speaks for that decision.
  OpenLocalReview: (r) => r.kind === 'businessUnit' || r.kind === 'reviewGroupChair',
  RecordLocalReviewLead: (r) => r.kind === 'businessUnit',
  RecordLocalReviewBodiesTold: (r) => r.kind === 'businessUnit',
  CommissionLocalReviewer: (r) => r.kind === 'businessUnit',
  PlanLocalReviewMilestone: (r) => r.kind === 'businessUnit',
  RecordLocalReviewMilestone: (r) => r.kind === 'businessUnit',
  PlanLocalReviewPublication: (r) => r.kind === 'businessUnit',
  RecordLocalReviewCopySent: (r) => r.kind === 'businessUnit',
  RecordLocalReviewJustification: (r) => r.kind === 'businessUnit',
  RecordLocalReviewPublished: (r) => r.kind === 'businessUnit',
  // Issue 17, the local learning event (002 Section C): the partners decide (6.4), the business unit
  // records it; the review group (its chair) agrees method and leads (6.6, 6.8), quality assures the
  // report and monitors dissemination (6.14, 6.15); the executive approves, the business unit records it.
  RecordLearningEventDecision: (r) => r.kind === 'businessUnit',
  SetUpLearningEvent: (r) => r.kind === 'businessUnit' || r.kind === 'reviewGroupChair',
  RecordLearningEventReport: (r) => r.kind === 'businessUnit' || r.kind === 'reviewGroupChair',
  RecordLearningEventApproval: (r) => r.kind === 'businessUnit',
  RecordLearningEventDissemination: (r) => r.kind === 'businessUnit' || r.kind === 'reviewGroupChair',
  // Review-group disputes (8.2): raised by a partner's representative or deputy, the review group chair, or
  // the business unit recording it; the chair records the collective outcome; the partnership's decider decides.
  OpenReviewGroupDispute: (r) => r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy' || r.kind === 'reviewGroupChair' || r.kind === 'businessUnit',
  RecordReviewGroupDisputeOutcome: (r) => r.kind === 'reviewGroupChair',
  DecideReviewGroupDispute: (r, config) => r.kind === config.reviewDisputeDecider,
};

/**
 * Recommendations and actions (issue 17): the role in which a person acts for an action's owner,
 * or undefined. 001: agencies are "responsible for ... Providing evidence that actions have been
 * completed ... Measuring and providing evidence of the impact": an agency's contact or deputies;
 * for a partner, its representative or deputies. Nobody else gives the owner's evidence.
 */
export function ownerRole(config: PartnershipConfig, personId: string, owner: ActionOwner): Role | undefined {
  return rolesOf(config, personId).find((r) => (owner.kind === 'agency' ? r.kind === 'agencyContact' && r.agency === owner.agency : (r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy') && r.partner === owner.partner));
}

/** The owner of the case's action, if there is such an action. */
const ownerOfAction = (state: CaseState | undefined, action: string): ActionOwner | undefined => state?.actions?.actions[action]?.owner;

/** Whether the person is the agency's scoping contact or one of its deputies. */
export function actsForAgency(config: PartnershipConfig, personId: string, agencyId: string): boolean {
  return rolesOf(config, personId).some((r) => r.kind === 'agencyContact' && r.agency === agencyId);
}

/** Whether the case's rapid review asked this agency for a scoping return. */
function askedOf(state: CaseState | undefined, agencyId: string): boolean {
  return state?.rapidReview?.agencies[agencyId] !== undefined;
}

/**
 * The role in which the person may give a command that is not an agency's, or undefined. The
 * procedure records the acting role with the event, so it asks for the role, not a yes or no.
 */
export function actingRole(config: PartnershipConfig, personId: string, type: RoleCommandType): Role | undefined {
  const allowed = COMMAND_ROLES[type];
  return rolesOf(config, personId).find((role) => allowed(role, config));
}

/**
 * Whether the person may give the command on this case. Roles decide every command except an
 * agency's, which also needs the case's rapid review to have asked that agency. Whether the case
 * is at a stage that takes the command is the procedure's to say (with its reasons), not this.
 */
export function mayDo(config: PartnershipConfig, personId: string, act: Act, state: CaseState | undefined): boolean {
  if (act.type === 'RecordScopingReturn' || act.type === 'RecordNoInvolvement' || act.type === 'RequestExtension') {
    return actsForAgency(config, personId, act.agency) && askedOf(state, act.agency);
  }
  if (act.type === 'RecordActionCompletion' || act.type === 'RecordActionImpact') {
    const owner = ownerOfAction(state, act.action);
    return owner !== undefined && ownerRole(config, personId, owner) !== undefined;
  }
  return actingRole(config, personId, act.type) !== undefined;
}

/** Whether the person is on the partnership's roster at all: the least anyone needs to be shown anything, or to have anything kept about them. */
export function isOnRoster(config: PartnershipConfig, personId: string): boolean {
  return rolesOf(config, personId).length > 0;
}

/** The partnership's own people: they see every case, so telling them a reference does not exist tells them nothing new. */
export function seesEveryCase(config: PartnershipConfig, personId: string): boolean {
  return rolesOf(config, personId).some((r) => PARTNERSHIP_ROLES.includes(r.kind));
}

/** Whether holding this one role lets a person see this kind of view on some case. */
function roleSees(role: Role, view: View): boolean {
  const partnership = PARTNERSHIP_ROLES.includes(role.kind);
  switch (view.kind) {
    case 'tab':
    // The tab's review and action views are the tab's: for the people who run the process.
    case 'reviews':
    case 'actions':
      return TAB_ROLES.includes(role.kind);
    case 'export':
    // A download takes the actions of every case out of the partnership's systems: as for a case's history, the business unit's.
    case 'actionsExport':
      return role.kind === 'businessUnit';
    case 'history':
      return partnership;
    case 'scopingRequest':
    case 'extensionAnswer':
    case 'rapidReviewInvitation':
    case 'rapidReviewForInformation':
      return partnership || (role.kind === 'agencyContact' && role.agency === view.agency);
    case 'scopingChaser':
      return partnership || ((role.kind === 'agencyContact' || role.kind === 'agencyEscalation') && role.agency === view.agency);
    // Recommendations and actions (issue 17): an owner's people see their action's card; its escalation contact, the overdue chaser.
    // Which action is theirs depends on the case: see ownsAction.
    case 'actionRequest':
      return partnership || role.kind === 'agencyContact';
    case 'actionChaser':
      return partnership || role.kind === 'agencyContact' || (role.kind === 'agencyEscalation' && view.chase === 'overdue');
    // The local learning event (002 6.6, 6.8): a lead agency's contact and deputies get its card and its
    // reminders. Which learning event they lead depends on the case: see leadsLearningEvent.
    case 'learningEvent':
    case 'learningEventChaser':
      return partnership || role.kind === 'agencyContact';
    // What the executive is sent (002 5.6 the letter of notification, 7.1 "reported to the ... Executive"; 003 the
    // approved rapid review): an executive member who holds no other role sees these and nothing else.
    case 'rapidReviewApproved':
    case 'actionsReport':
      return partnership || role.kind === 'executiveMember';
    // 5.6: the letter of notification goes to "the executive ... and board members"; a board member sees it and nothing else.
    case 'localReviewLetter':
      return partnership || role.kind === 'executiveMember' || role.kind === 'boardMember';
    default:
      return partnership;
  }
}

/**
 * Whether the person could see this kind of view on some case: decided by roles alone, so a
 * refusal worded from it says nothing about any particular case.
 */
export function mayEverSee(config: PartnershipConfig, personId: string, view: View): boolean {
  return seeingRole(config, personId, view) !== undefined;
}

/** The role in which the person sees the view (recorded with a history view or download), or undefined. */
export function seeingRole(config: PartnershipConfig, personId: string, view: View): Role | undefined {
  return rolesOf(config, personId).find((role) => roleSees(role, view));
}

/**
 * Whether the person may see the view of this case. A case that does not exist is seen by nobody,
 * so a caller that refuses on `false` answers alike for "no such case" and "not yours to see".
 * The tab and its review and action views are not about one case: pass no state.
 */
export function maySee(config: PartnershipConfig, personId: string, view: View, state: CaseState | undefined): boolean {
  if (!mayEverSee(config, personId, view)) return false;
  if (ALL_CASE_VIEWS.includes(view.kind)) return true;
  if (!state) return false;
  if (seesEveryCase(config, personId)) return true;
  // The executive's own cards, on any case (they are sent on every case that reaches them).
  if (EXECUTIVE_VIEWS.includes(view.kind)) return true;
  // An agency's people: only their own action's cards (issue 17), the learning event their agency leads...
  if ('action' in view) return ownsAction(config, personId, view, state);
  if (view.kind === 'learningEvent' || view.kind === 'learningEventChaser') return leadsLearningEvent(config, personId, state);
  // ...and their agency's part of a rapid review that asked it.
  return 'agency' in view && askedOf(state, view.agency);
}

/**
 * Recommendations and actions (issue 17): whether an agency's person may see this action's card:
 * the owning agency's contact or deputies (an agency answering for a partner that owns it too),
 * and for an overdue chaser its escalation contact.
 */
function ownsAction(config: PartnershipConfig, personId: string, view: Extract<View, { action: string }>, state: CaseState): boolean {
  const owner = ownerOfAction(state, view.action);
  if (!owner) return false;
  const agencyId = owner.kind === 'agency' ? owner.agency : config.agencies.find((a) => a.partner === owner.partner)?.id;
  if (agencyId === undefined) return false;
  const escalationToo = view.kind === 'actionChaser' && view.chase === 'overdue';
  return rolesOf(config, personId).some((r) => (r.kind === 'agencyContact' || (escalationToo && r.kind === 'agencyEscalation')) && r.agency === agencyId);
}

/**
 * The local learning event (002 6.6: "a lead ... or co-leads"): whether an agency's person may see
 * this case's learning event card and its reminders: the contact or a deputy of an agency recorded
 * as its lead or a co-lead. Nothing else of the case.
 */
function leadsLearningEvent(config: PartnershipConfig, personId: string, state: CaseState): boolean {
  const leads = state.learningEvent?.setUp?.leads ?? [];
  const agencies = leads.flatMap((l) => (l.kind === 'agency' ? [l.agency] : []));
  return rolesOf(config, personId).some((r) => r.kind === 'agencyContact' && agencies.includes(r.agency));
}

/**
 * The partners a person may answer for: as a partner's representative or one of its deputies (002 Section B:
 * "the safeguarding partner representative, or their deputy"). The partners' replies, the LCSPR decision,
 * attendance at the rapid review meeting and the joint initial view's concurrence all ask here, and the cards
 * too, so who may speak for a partner is decided in this module alone.
 */
export function partnersActedFor(config: PartnershipConfig, personId: string): Partner[] {
  return partnersRepresentedBy(config, personId);
}

/**
 * The roster as live data (issue 16): only the business unit keeps it (changes, history and its
 * download). Read from the live roster, so someone just taken off it can no longer change it.
 */
export function mayKeepRoster(config: PartnershipConfig, personId: string): boolean {
  return rolesOf(config, personId).some((r) => r.kind === 'businessUnit');
}

/** An absence: anyone on the roster records their own; the business unit records anyone's. */
export function mayRecordAbsence(config: PartnershipConfig, personId: string, forId: string): boolean {
  if (!isOnRoster(config, forId)) return false;
  return mayKeepRoster(config, personId) || (personId === forId && isOnRoster(config, personId));
}
