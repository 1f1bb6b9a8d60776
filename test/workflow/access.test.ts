import { describe, expect, it } from 'vitest';
import { actingRole, mayDo, mayEverSee, maySee, type Act, type View } from '../../workflow/access.js';
import type { Person } from '../../workflow/partnership.js';
import type { CaseState } from '../../workflow/state.js';
import { EV, PEOPLE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';
import { SHOWABLE_CARD_KINDS } from '../../cards/verbs.js';
import { fold } from '../../workflow/state.js';

/** The access policy as a table: each role against each kind of view and command, from roles and the case. */

const STRANGER: Person = { aadObjectId: 'aad-nobody', displayName: 'Nobody', email: 'n@example.org' };
const id = (p: Person) => p.aadObjectId;

describe('who may see what (workflow/access.ts)', () => {
  // A case whose rapid review asked education and gp, not probation.
  const reviewed: CaseState = { ...stateOf([EV.logged()]), rapidReview: { openedAt: '2026-06-02T09:30:00.000Z', notifiedAt: '2026-06-02T09:00:00.000Z', dueAt: '2026-06-23T17:00:00.000Z', agencyOrder: ['education', 'gp'], agencies: { education: { status: 'requested', dueAt: '2026-06-08T17:00:00.000Z', chased: [] }, gp: { status: 'requested', dueAt: '2026-06-08T17:00:00.000Z', chased: [] } }, attendance: {} } } as CaseState;
  const early = stateOf([EV.logged()]);

  const views: [string, View][] = [
    ['partner decision card', { kind: 'partnerDecision' }],
    ['history', { kind: 'history' }],
    ['export', { kind: 'export' }],
    ['tab', { kind: 'tab' }],
    ["gp's scoping request", { kind: 'scopingRequest', agency: 'gp' }],
    ["gp's chaser", { kind: 'scopingChaser', agency: 'gp', chase: 'overdue' }],
    ["gp's extension answer", { kind: 'extensionAnswer', agency: 'gp' }],
    ["probation's scoping request", { kind: 'scopingRequest', agency: 'probation' }],
    ["the business unit's extension decision on gp", { kind: 'extensionDecisionRequest', agency: 'gp' }],
  ];
  // Each row: who, then whether they may see each view above on the reviewed case.
  const table: [string, Person, boolean[]][] = [
    ['business unit', PEOPLE.business, [true, true, true, true, true, true, true, true, true]],
    ['review group chair', PEOPLE.chair, [true, true, false, true, true, true, true, true, true]],
    ['partnership chair', PEOPLE.partnershipChair, [true, true, false, true, true, true, true, true, true]],
    ['director', PEOPLE.director, [true, true, false, false, true, true, true, true, true]],
    ['partner representative', PEOPLE.police, [true, true, false, false, true, true, true, true, true]],
    ['partner deputy', PEOPLE.policeDeputy, [true, true, false, false, true, true, true, true, true]],
    ['scrutineer', PEOPLE.scrutineer, [true, true, false, false, true, true, true, true, true]],
    ['strategic partnership manager', PEOPLE.manager, [true, true, false, false, true, true, true, true, true]],
    ['gp contact', PEOPLE.gpContact, [false, false, false, false, true, true, true, false, false]],
    ['gp deputy', PEOPLE.gpDeputy, [false, false, false, false, true, true, true, false, false]],
    ['gp escalation contact', PEOPLE.gpEscalation, [false, false, false, false, false, true, false, false, false]],
    ['probation contact (not asked)', PEOPLE.probationContact, [false, false, false, false, false, false, false, false, false]],
    ['off the roster', STRANGER, [false, false, false, false, false, false, false, false, false]],
  ];

  it.each(table)('%s', (_name, person, expected) => {
    const seen = views.map(([, view]) => maySee(sampleConfig, id(person), view, view.kind === 'tab' ? undefined : reviewed));
    expect(Object.fromEntries(views.map(([label], i) => [label, seen[i]]))).toEqual(Object.fromEntries(views.map(([label], i) => [label, expected[i]])));
  });

  // Issue 17: the tab's reviews and actions views are the tab's (business unit and chairs); the actions' CSV is the business unit's alone.
  const tabViews: View[] = [{ kind: 'reviews' }, { kind: 'actions' }, { kind: 'actionsExport' }];
  it.each([
    ['business unit', PEOPLE.business, [true, true, true]],
    ['review group chair', PEOPLE.chair, [true, true, false]],
    ['partnership chair', PEOPLE.partnershipChair, [true, true, false]],
    ['director', PEOPLE.director, [false, false, false]],
    ['partner representative', PEOPLE.police, [false, false, false]],
    ['partner deputy', PEOPLE.policeDeputy, [false, false, false]],
    ['scrutineer', PEOPLE.scrutineer, [false, false, false]],
    ['strategic partnership manager', PEOPLE.manager, [false, false, false]],
    ['gp contact (owns an action)', PEOPLE.gpContact, [false, false, false]],
    ['gp deputy', PEOPLE.gpDeputy, [false, false, false]],
    ['gp escalation contact', PEOPLE.gpEscalation, [false, false, false]],
    ['probation contact', PEOPLE.probationContact, [false, false, false]],
    ['off the roster', STRANGER, [false, false, false]],
  ] as const)("the tab's reviews, actions and actions CSV: %s", (_name, person, expected) => {
    // About every case at once: asked with no case, and a case given changes nothing.
    expect(tabViews.map((view) => maySee(sampleConfig, id(person), view, undefined))).toEqual(expected);
    expect(tabViews.map((view) => maySee(sampleConfig, id(person), view, reviewed))).toEqual(expected);
    expect(tabViews.map((view) => mayEverSee(sampleConfig, id(person), view))).toEqual(expected);
  });

  // Issue 14: the partners' LCSPR card is the partnership's; an agency's copy of the approved review and the domestic abuse service's invitation are that agency's.
  const lcsprViews: [string, View][] = [
    ["the partners' LCSPR card", { kind: 'lcsprDecision' }],
    ['the dispute decider card', { kind: 'lcsprDispute' }],
    ["gp's copy of the approved rapid review", { kind: 'rapidReviewForInformation', agency: 'gp' }],
    ["probation's copy (not asked)", { kind: 'rapidReviewForInformation', agency: 'probation' }],
    ["gp's invitation to the meeting", { kind: 'rapidReviewInvitation', agency: 'gp' }],
  ];
  it.each([
    ['business unit', PEOPLE.business, [true, true, true, true, true]],
    ['partner representative', PEOPLE.police, [true, true, true, true, true]],
    ['scrutineer', PEOPLE.scrutineer, [true, true, true, true, true]],
    ['gp contact', PEOPLE.gpContact, [false, false, true, false, true]],
    ['gp escalation contact', PEOPLE.gpEscalation, [false, false, false, false, false]],
    ['probation contact (not asked)', PEOPLE.probationContact, [false, false, false, false, false]],
    ['off the roster', STRANGER, [false, false, false, false, false]],
  ] as [string, Person, boolean[]][])('LCSPR and completion cards: %s', (_name, person, expected) => {
    expect(lcsprViews.map(([, view]) => maySee(sampleConfig, id(person), view, reviewed))).toEqual(expected);
  });

  it('an agency sees its scoping request only once a review asked it; nobody sees a case that does not exist', () => {
    expect(maySee(sampleConfig, id(PEOPLE.gpContact), { kind: 'scopingRequest', agency: 'gp' }, early)).toBe(false);
    expect(mayEverSee(sampleConfig, id(PEOPLE.gpContact), { kind: 'scopingRequest', agency: 'gp' })).toBe(true);
    for (const [, person] of table) expect(maySee(sampleConfig, id(person), { kind: 'partnerDecision' }, undefined)).toBe(false);
  });
});

describe('who may do what (workflow/access.ts)', () => {
  const reviewed = { ...stateOf([EV.logged()]), rapidReview: { agencies: { gp: { status: 'requested' } } } } as unknown as CaseState;
  const cases: [string, Person, Act, boolean][] = [
    ['the business unit logs a referral', PEOPLE.business, { type: 'LogReferral' }, true],
    ['a chair cannot log a referral', PEOPLE.chair, { type: 'LogReferral' }, false],
    ['the director gives the initial view', PEOPLE.director, { type: 'GiveInitialView' }, true],
    ['a police deputy replies as a partner', PEOPLE.policeDeputy, { type: 'ReplyAsPartner' }, true],
    ['the police cannot confirm the Panel notification', PEOPLE.police, { type: 'ConfirmPanelNotification' }, false],
    ["the local authority's deputy confirms it", PEOPLE.laDeputy, { type: 'ConfirmPanelNotification' }, true],
    ['the final decision maker (partnership chair) decides', PEOPLE.partnershipChair, { type: 'RecordFinalDecision' }, true],
    ['the scrutineer is not the configured decision maker', PEOPLE.scrutineer, { type: 'RecordFinalDecision' }, false],
    ['gp records its return on a review that asked it', PEOPLE.gpDeputy, { type: 'RecordScopingReturn', agency: 'gp' }, true],
    ["gp cannot record education's return", PEOPLE.gpContact, { type: 'RecordScopingReturn', agency: 'education' }, false],
    ["gp's escalation contact cannot record it", PEOPLE.gpEscalation, { type: 'RecordNoInvolvement', agency: 'gp' }, false],
    ['an agency contact cannot reply as a partner', PEOPLE.gpContact, { type: 'ReplyAsPartner' }, false],
    ['a stranger can do nothing', STRANGER, { type: 'SetUpRapidReview' }, false],
    ["the local authority's deputy records the Secretary of State and Ofsted notification", PEOPLE.laDeputy, { type: 'RecordStatutoryNotification' }, true],
    ['the police cannot record it', PEOPLE.police, { type: 'RecordStatutoryNotification' }, false],
    ["the business unit records the partners' decision not to hold a rapid review", PEOPLE.business, { type: 'RecordNoRapidReview' }, true],
    ['the scrutineer oversees it but does not record it', PEOPLE.scrutineer, { type: 'RecordNoRapidReview' }, false],
    ['the business unit records when the Panel was told', PEOPLE.business, { type: 'RecordNoRapidReviewPanelTold' }, true],
    ['the review group chair does not', PEOPLE.chair, { type: 'RecordNoRapidReviewPanelTold' }, false],
    // Issue 14: the chair records the meeting and approves; the partners decide on an LCSPR; the configured decider settles a disagreement; the business unit records the sending.
    ['the chair records the rapid review meeting', PEOPLE.chair, { type: 'RecordRapidReviewMeeting' }, true],
    ['the business unit cannot record the meeting', PEOPLE.business, { type: 'RecordRapidReviewMeeting' }, false],
    ['a health deputy answers on the LCSPR recommendation', PEOPLE.healthDeputy, { type: 'ReplyOnLcspr' }, true],
    ['the chair cannot answer for the partners on an LCSPR', PEOPLE.chair, { type: 'ReplyOnLcspr' }, false],
    ['the partnership chair (the default decider) settles an LCSPR disagreement', PEOPLE.partnershipChair, { type: 'DecideLcsprDispute' }, true],
    ['the scrutineer is not the default decider', PEOPLE.scrutineer, { type: 'DecideLcsprDispute' }, false],
    ['the chair approves the rapid review', PEOPLE.chair, { type: 'ApproveRapidReview' }, true],
    ['the business unit cannot approve it', PEOPLE.business, { type: 'ApproveRapidReview' }, false],
    ['the business unit records the sending', PEOPLE.business, { type: 'RecordRapidReviewSent' }, true],
    ['the chair does not record the sending', PEOPLE.chair, { type: 'RecordRapidReviewSent' }, false],
    // 002 Section B step 3: the view is the chair's and the director's together; either concurs with the other's.
    ['the review group chair concurs with the initial view', PEOPLE.chair, { type: 'ConcurInitialView' }, true],
    ['the director concurs with the initial view', PEOPLE.director, { type: 'ConcurInitialView' }, true],
    ['a partner who is neither cannot concur', PEOPLE.police, { type: 'ConcurInitialView' }, false],
    ['the business unit cannot concur', PEOPLE.business, { type: 'ConcurInitialView' }, false],
    // 002 Section E 8.1: new information is "raised via the IOWSCP Team"; "The IOWSCP Partnership Chair is the decision maker."
    ['the business unit re-opens a decision on new information', PEOPLE.business, { type: 'ReopenDecision' }, true],
    ['the partnership chair re-opens a decision', PEOPLE.partnershipChair, { type: 'ReopenDecision' }, true],
    ['the scrutineer does not re-open it (they are told)', PEOPLE.scrutineer, { type: 'ReopenDecision' }, false],
    ['the review group chair does not re-open it (they are told)', PEOPLE.chair, { type: 'ReopenDecision' }, false],
    ['the business unit cannot record the final decision', PEOPLE.business, { type: 'RecordFinalDecision' }, false],
  ];
  it.each(cases)('%s', (_name, person, act, expected) => {
    expect(mayDo(sampleConfig, id(person), act, reviewed)).toBe(expected);
  });

  it('the scrutineer never decides the notification, even where they settle whether-to-review disputes (002 8.1)', () => {
    const brighton = { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' as const };
    expect(mayDo(brighton, id(PEOPLE.scrutineer), { type: 'RecordFinalDecision' }, reviewed)).toBe(false);
    expect(mayDo(brighton, id(PEOPLE.partnershipChair), { type: 'RecordFinalDecision' }, reviewed)).toBe(true);
  });

  it('the acting role is the one the procedure records: the director gives the view as director, not as the local authority', () => {
    expect(actingRole(sampleConfig, id(PEOPLE.director), 'GiveInitialView')).toEqual({ kind: 'childrensServicesDirector' });
    expect(actingRole(sampleConfig, id(PEOPLE.director), 'ReplyAsPartner')).toEqual({ kind: 'partnerRepresentative', partner: 'localAuthority' });
  });
});

describe('recommendations and actions, costs (issue 17): who may do and see what', () => {
  // The GP practice owns A1; the police (a partner, with no agency answering for it here) own A2.
  const withActions = fold(SCENES.actionsAgreed())!;
  const acts: [string, Person, Act, boolean][] = [
    ['the review group chair records a recommendation', PEOPLE.chair, { type: 'RecordRecommendation' }, true],
    ['the business unit records a recommendation', PEOPLE.business, { type: 'RecordRecommendation' }, true],
    ['a partner representative does not', PEOPLE.police, { type: 'RecordRecommendation' }, false],
    ['the business unit agrees an action', PEOPLE.business, { type: 'AgreeAction' }, true],
    ['an agency contact does not', PEOPLE.gpContact, { type: 'AgreeAction' }, false],
    ['the business unit moves a due date', PEOPLE.business, { type: 'MoveActionDueDate' }, true],
    ['the chair does not', PEOPLE.chair, { type: 'MoveActionDueDate' }, false],
    ['the business unit records that the executive was told', PEOPLE.business, { type: 'RecordExecutiveTold' }, true],
    ['the partnership chair does not', PEOPLE.partnershipChair, { type: 'RecordExecutiveTold' }, false],
    ['the business unit records costs', PEOPLE.business, { type: 'RecordReviewCosts' }, true],
    ['the scrutineer challenges but does not record them', PEOPLE.scrutineer, { type: 'RecordReviewCosts' }, false],
    ["the GP practice's deputy gives evidence for its action", PEOPLE.gpDeputy, { type: 'RecordActionCompletion', action: 'A1' }, true],
    ["the GP practice's contact gives evidence of impact", PEOPLE.gpContact, { type: 'RecordActionImpact', action: 'A1' }, true],
    ["its escalation contact does not", PEOPLE.gpEscalation, { type: 'RecordActionCompletion', action: 'A1' }, false],
    ["education does not answer for the GP practice's action", PEOPLE.educationContact, { type: 'RecordActionCompletion', action: 'A1' }, false],
    ["the business unit does not give the owner's evidence", PEOPLE.business, { type: 'RecordActionCompletion', action: 'A1' }, false],
    ["the police deputy answers for the police's action", PEOPLE.policeDeputy, { type: 'RecordActionCompletion', action: 'A2' }, true],
    ["the GP practice cannot answer for the police's action", PEOPLE.gpContact, { type: 'RecordActionCompletion', action: 'A2' }, false],
    ['nobody answers for an action that does not exist', PEOPLE.gpContact, { type: 'RecordActionCompletion', action: 'A9' }, false],
  ];
  it.each(acts)('%s', (_name, person, act, expected) => {
    expect(mayDo(sampleConfig, id(person), act, withActions)).toBe(expected);
  });

  const views: [string, View][] = [
    ["A1's card", { kind: 'actionRequest', action: 'A1' }],
    ["A1's reminder", { kind: 'actionChaser', action: 'A1', chase: 'reminder' }],
    ["A1's overdue chaser", { kind: 'actionChaser', action: 'A1', chase: 'overdue' }],
    ["A2's card (the police's)", { kind: 'actionRequest', action: 'A2' }],
    ['the board', { kind: 'actionsBoard' }],
    ['the report', { kind: 'actionsReport' }],
    ['costs', { kind: 'reviewCosts' }],
  ];
  it.each([
    ['business unit', PEOPLE.business, [true, true, true, true, true, true, true]],
    ['police representative', PEOPLE.police, [true, true, true, true, true, true, true]],
    ['gp contact', PEOPLE.gpContact, [true, true, true, false, false, false, false]],
    ['gp deputy', PEOPLE.gpDeputy, [true, true, true, false, false, false, false]],
    ['gp escalation contact', PEOPLE.gpEscalation, [false, false, true, false, false, false, false]],
    ['education contact', PEOPLE.educationContact, [false, false, false, false, false, false, false]],
    ['off the roster', STRANGER, [false, false, false, false, false, false, false]],
  ] as [string, Person, boolean[]][])('%s', (_name, person, expected) => {
    expect(views.map(([, view]) => maySee(sampleConfig, id(person), view, withActions))).toEqual(expected);
  });

  it("an agency sees no action card on a case where it owns no action", () => {
    expect(maySee(sampleConfig, id(PEOPLE.gpContact), { kind: 'actionRequest', action: 'A1' }, fold(SCENES.reviewCompletedOnTime()))).toBe(false);
  });
});

// Issue 17, the local review (LCSPR): 5.6 and 5.18 make the partnership team do the work, so the business unit
// records every step; the review group chair may also record a decision the review group reached without a
// notification. Every role on the roster sees the review's cards (they are the partnership's), agencies none.
describe('the local review (LCSPR): who may do what and see what', () => {
  const people: [string, Person][] = [
    ['business unit', PEOPLE.business],
    ['review group chair', PEOPLE.chair],
    ['partnership chair', PEOPLE.partnershipChair],
    ['director', PEOPLE.director],
    ['partner representative', PEOPLE.police],
    ['partner deputy', PEOPLE.healthDeputy],
    ['scrutineer', PEOPLE.scrutineer],
    ['strategic partnership manager', PEOPLE.manager],
    ['gp contact', PEOPLE.gpContact],
    ['gp deputy', PEOPLE.gpDeputy],
    ['gp escalation contact', PEOPLE.gpEscalation],
    ['probation contact', PEOPLE.probationContact],
    ['off the roster', STRANGER],
  ];
  const commands = [
    'OpenLocalReview',
    'RecordLocalReviewLead',
    'RecordLocalReviewBodiesTold',
    'CommissionLocalReviewer',
    'PlanLocalReviewMilestone',
    'RecordLocalReviewMilestone',
    'PlanLocalReviewPublication',
    'RecordLocalReviewCopySent',
    'RecordLocalReviewJustification',
    'RecordLocalReviewPublished',
  ] as const;
  const cards = ['localReviewBoard', 'localReviewLetter', 'localReviewReminder', 'localReviewOverdue', 'localReviewJustification'] as const;
  const state = stateOf([EV.logged()]);
  const partnership = new Set(['business unit', 'review group chair', 'partnership chair', 'director', 'partner representative', 'partner deputy', 'scrutineer', 'strategic partnership manager']);

  it.each(people.flatMap(([name, person]) => commands.map((type) => [name, type, person] as const)))('%s: %s', (name, type, person) => {
    const allowed = name === 'business unit' || (type === 'OpenLocalReview' && name === 'review group chair');
    expect(mayDo(sampleConfig, id(person), { type }, state)).toBe(allowed);
  });

  it.each(people.flatMap(([name, person]) => cards.map((kind) => [name, kind, person] as const)))('%s sees %s: only the partnership', (name, kind, person) => {
    expect(maySee(sampleConfig, id(person), { kind }, state)).toBe(partnership.has(name));
  });
});

// Issue 17, the local learning event (002 6.6 "a lead ... or co-leads"): a lead agency's contact and deputies see
// that case's learning event card and its reminders, and nothing else of the case; another agency sees none of it.
describe('the local learning event: a lead agency sees its card and chasers, nothing else of the case', () => {
  // Co-led by the police and the GP practice (SCENES.learningEventSetUp); the rapid review asked education and gp.
  const led = fold(SCENES.learningEventSetUp())!;
  const decidedOnly = fold(SCENES.learningEventDecided())!;
  const views: [string, View][] = [
    ['the learning event card', { kind: 'learningEvent' }],
    ['its reminder / overdue chaser', { kind: 'learningEventChaser' }],
    ['the review-group dispute card', { kind: 'reviewGroupDispute' }],
    ['the actions board', { kind: 'actionsBoard' }],
    ['the next-step card', { kind: 'nextStepChosen' }],
    ['the local review card', { kind: 'localReviewBoard' }],
    ['history', { kind: 'history' }],
  ];
  it.each([
    ['business unit', PEOPLE.business, [true, true, true, true, true, true, true]],
    ['review group chair', PEOPLE.chair, [true, true, true, true, true, true, true]],
    ['partnership chair', PEOPLE.partnershipChair, [true, true, true, true, true, true, true]],
    ['director', PEOPLE.director, [true, true, true, true, true, true, true]],
    ['police representative (co-lead)', PEOPLE.police, [true, true, true, true, true, true, true]],
    ['health deputy', PEOPLE.healthDeputy, [true, true, true, true, true, true, true]],
    ['scrutineer', PEOPLE.scrutineer, [true, true, true, true, true, true, true]],
    ['strategic partnership manager', PEOPLE.manager, [true, true, true, true, true, true, true]],
    ['gp contact (co-lead agency)', PEOPLE.gpContact, [true, true, false, false, false, false, false]],
    ['gp deputy (co-lead agency)', PEOPLE.gpDeputy, [true, true, false, false, false, false, false]],
    ['gp escalation contact', PEOPLE.gpEscalation, [false, false, false, false, false, false, false]],
    ['education contact (asked by the rapid review, not a lead)', PEOPLE.educationContact, [false, false, false, false, false, false, false]],
    ['probation contact', PEOPLE.probationContact, [false, false, false, false, false, false, false]],
    ['off the roster', STRANGER, [false, false, false, false, false, false, false]],
  ] as [string, Person, boolean[]][])('%s', (_name, person, expected) => {
    expect(views.map(([, view]) => maySee(sampleConfig, id(person), view, led))).toEqual(expected);
  });

  it('before the leads are recorded, and on another case, the GP practice sees no learning event card', () => {
    expect(maySee(sampleConfig, id(PEOPLE.gpContact), { kind: 'learningEvent' }, decidedOnly)).toBe(false);
    expect(maySee(sampleConfig, id(PEOPLE.gpContact), { kind: 'learningEventChaser' }, fold(SCENES.reviewCompletedOnTime()))).toBe(false);
    expect(maySee(sampleConfig, id(PEOPLE.gpContact), { kind: 'learningEvent' }, undefined)).toBe(false);
  });
});

// The partnership's executive (`executive`) is told of approved rapid reviews (003), gets the letter of notification
// of a local review (002 5.6 "send a letter of notification to the ... Executive") and the regular report on actions
// (7.1 "reported to the ... Executive on a regular basis"). A member holding no other role sees exactly those cards:
// before this rule the effect runner dropped their letters as "not theirs to see".
describe('a member of the executive who holds no other role', () => {
  const EXEC: Person = { aadObjectId: 'aad-exec-only', displayName: 'Erin Executive', email: 'erin@example.org' };
  const config = { ...sampleConfig, executive: [EXEC] };
  const state = fold(SCENES.reviewCompletedOnTime())!;
  const theirs = new Set(['rapidReviewApproved', 'localReviewLetter', 'actionsReport']);

  it.each(SHOWABLE_CARD_KINDS.map((kind) => [kind] as const))('%s', (kind) => {
    expect(maySee(config, id(EXEC), { kind } as View, state)).toBe(theirs.has(kind));
  });

  it('sees no history, no export and no tab, acts on nothing, and sees nothing on a case that does not exist', () => {
    expect(maySee(config, id(EXEC), { kind: 'history' }, state)).toBe(false);
    expect(maySee(config, id(EXEC), { kind: 'export' }, state)).toBe(false);
    expect(maySee(config, id(EXEC), { kind: 'tab' }, undefined)).toBe(false);
    expect(maySee(config, id(EXEC), { kind: 'localReviewLetter' }, undefined)).toBe(false);
    for (const type of ['RecordExecutiveTold', 'ApproveRapidReview', 'RecordLocalReviewMilestone', 'GiveInitialView'] as const) expect(mayDo(config, id(EXEC), { type }, state)).toBe(false);
  });

  it('without an executive configured, the same person sees none of them', () => {
    for (const kind of theirs) expect(maySee(sampleConfig, id(EXEC), { kind } as View, state)).toBe(false);
  });
});

// 002 5.6: "a letter of notification will be sent to the ... executive (including delegated safeguarding partners) and
// board members". A board member (`boardMembers`) holding no other role sees the letter and nothing else.
describe('a board member who holds no other role', () => {
  const BOARD: Person = { aadObjectId: 'aad-board-only', displayName: 'Bola Board', email: 'bola@example.org' };
  const config = { ...sampleConfig, boardMembers: [BOARD] };
  const state = fold(SCENES.lcsprDecided())!;

  it.each(SHOWABLE_CARD_KINDS.map((kind) => [kind] as const))('%s', (kind) => {
    expect(maySee(config, id(BOARD), { kind } as View, state)).toBe(kind === 'localReviewLetter');
  });

  it('sees no history, export or tab, acts on nothing, sees nothing of a case that does not exist; off the list, not even the letter', () => {
    for (const view of [{ kind: 'history' }, { kind: 'export' }, { kind: 'rapidReviewApproved' }, { kind: 'actionsReport' }] as View[]) expect(maySee(config, id(BOARD), view, state)).toBe(false);
    expect(maySee(config, id(BOARD), { kind: 'tab' }, undefined)).toBe(false);
    expect(maySee(config, id(BOARD), { kind: 'localReviewLetter' }, undefined)).toBe(false);
    for (const type of ['OpenLocalReview', 'RecordLocalReviewMilestone', 'RecordExecutiveTold'] as const) expect(mayDo(config, id(BOARD), { type }, state)).toBe(false);
    expect(maySee(sampleConfig, id(BOARD), { kind: 'localReviewLetter' }, state)).toBe(false);
  });
});

// "Who may do what, in one place" (issue 13): who may speak for a partner is asked of access.ts by the procedure and
// the cards alike; the roster lookup behind it is called nowhere else.
describe('who may answer for a partner is decided in access.ts alone', () => {
  it('no module but access.ts calls the roster lookup partnersRepresentedBy', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { join, relative } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..');
    const callers: string[] = [];
    for (const dir of ['workflow', 'cards', 'app', 'bot', 'functions']) {
      for (const entry of await readdir(join(root, dir), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const file = join(entry.parentPath, entry.name);
        if ((await readFile(file, 'utf8')).includes('partnersRepresentedBy(')) callers.push(relative(root, file));
      }
    }
    expect(callers.sort()).toEqual(['workflow/access.ts', 'workflow/partnership.ts']);
  });
});
