import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import type { Person } from '../../workflow/partnership.js';
import { STILL_OPEN } from '../../workflow/roster/stillOpen.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, SCENES, sampleConfig } from '../support/sampleConfig.js';
import { commandRunner } from '../support/runCommands.js';

/**
 * Issue 16: "A change that affects open cases is explicit: a removed person can no longer act,
 * their open requests move to whoever now holds the role, and the case's history says so." Open,
 * not every request a person was ever sent: a case is walked through real commands at fixed
 * instants in June 2026 (British Summer Time), and at each point someone replaced is recorded as
 * holding a request; the procedure sends it to the new holder only while it still awaits their
 * role's answer, and the event names only what moved.
 */

const NEW_CHAIR: Person = { aadObjectId: 'aad-chair-2', email: 'nia.chair@partnership.example.org', displayName: 'Nia Newchair' };
const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
/** The partnership file before the change, and the roster after it: a new review group chair. */
const before = PartnershipFileSchema.parse(sampleConfig);
const after = PartnershipFileSchema.parse({ ...sampleConfig, reviewGroupChair: NEW_CHAIR });
const run = commandRunner(createDecider(before, calendar));
const decideAfter = createDecider(after, calendar);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

const LOGGED = '2026-06-01T09:00:00.000Z';
const steps = {
  logged: [[{ type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, LOGGED]],
  viewGiven: [
    [{ type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm with neglect suspected.' }, '2026-06-01T10:00:00.000Z'],
    [{ type: 'ConcurInitialView', actor: as(PEOPLE.director) }, '2026-06-01T10:00:00.000Z'],
    [{ type: 'RecordPartnerCardPosted', postedAt: '2026-06-01T10:00:00.000Z' }, '2026-06-01T10:00:00.000Z'],
  ],
  // The local authority agreed as the view's co-author (its representative, the director, concurred).
  policeReplied: [[{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, '2026-06-01T11:00:00.000Z']],
  decided: [[{ type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed on what is known.' }, '2026-06-01T11:00:00.000Z']],
  panelNotified: [[{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-1' }, '2026-06-02T09:30:00.000Z']],
  // Meeting Tuesday 16 June 10:00 BST.
  setUp: [[{ type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: ['education', 'gp'] }, '2026-06-03T09:00:00.000Z']],
  answered: [
    [{ type: 'RecordScopingReturn', actor: as(PEOPLE.educationContact), agency: 'education', documentUrl: DOCUMENT_URL }, '2026-06-04T09:00:00.000Z'],
    [{ type: 'ConfirmAttendance', actor: as(PEOPLE.police), attending: true }, '2026-06-04T09:00:00.000Z'],
  ],
} satisfies Record<string, [CaseCommand, string][]>;
type Scene = keyof typeof steps;
const ORDER = Object.keys(steps) as Scene[];
/** The case's events up to and including a scene, each command accepted. */
function eventsAt(scene: Scene): CaseEvent[] {
  const { decisions, events } = run(ORDER.slice(0, ORDER.indexOf(scene) + 1).flatMap((s): [CaseCommand, string][] => steps[s]));
  for (const d of decisions) expect(d.ok ? 'ok' : d.refusal).toBe('ok');
  return events;
}

/** Someone replaced held `card`; the roster change is recorded at `at`: who is sent what. */
function moveAt(scene: Scene, at: string, card: CardSpec, to: Person) {
  const state = run([], eventsAt(scene)).state;
  const command: CaseCommand = { type: 'RecordRosterChange', actor: as(PEOPLE.business), rosterVersion: 1, replacements: [{ role: 'review group chair', from: as(PEOPLE.chair), to: [as(NEW_CHAIR)] }], moved: [{ key: 'held', card, to: to.aadObjectId }], removed: [] };
  const decision = decideAfter(state, command, new Date(at));
  if (!decision.ok) throw new Error(decision.refusal);
  const event = decision.events[0]!;
  const sent = decision.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : []));
  return { sent, moved: event.type === 'RosterChanged' ? event.moved : [] };
}

const AFTER_SCENE: Record<Scene, string> = {
  logged: '2026-06-01T09:30:00.000Z',
  viewGiven: '2026-06-01T10:30:00.000Z',
  policeReplied: '2026-06-01T11:30:00.000Z',
  decided: '2026-06-01T11:30:00.000Z',
  panelNotified: '2026-06-02T10:00:00.000Z',
  setUp: '2026-06-03T10:00:00.000Z',
  answered: '2026-06-04T10:00:00.000Z',
};

describe('a replaced person\'s request moves only while it awaits the new holder\'s answer', () => {
  const rows: [string, Scene, string, CardSpec, Person, boolean][] = [
    ['initial view not given: the new chair is asked', 'logged', AFTER_SCENE.logged, { kind: 'initialViewRequest' }, NEW_CHAIR, true],
    ['initial view given and concurred: nothing to ask', 'viewGiven', AFTER_SCENE.viewGiven, { kind: 'initialViewRequest' }, NEW_CHAIR, false],
    ["the police's reply awaited: its new deputy is asked", 'viewGiven', AFTER_SCENE.viewGiven, { kind: 'partnerDecision' }, PEOPLE.policeDeputy, true],
    ['the police replied, health not yet: not the police', 'policeReplied', AFTER_SCENE.policeReplied, { kind: 'partnerDecision' }, PEOPLE.policeDeputy, false],
    ['the police replied, health not yet: health', 'policeReplied', AFTER_SCENE.policeReplied, { kind: 'partnerDecision' }, PEOPLE.healthDeputy, true],
    ['the decision made: no partner is asked', 'decided', AFTER_SCENE.decided, { kind: 'partnerDecision' }, PEOPLE.healthDeputy, false],
    ['the Panel notification awaited', 'decided', AFTER_SCENE.decided, { kind: 'panelNotificationRequest' }, PEOPLE.laDeputy, true],
    ['the Panel notified', 'panelNotified', AFTER_SCENE.panelNotified, { kind: 'panelNotificationRequest' }, PEOPLE.laDeputy, false],
    ['the rapid review to set up', 'panelNotified', AFTER_SCENE.panelNotified, { kind: 'rapidReviewSetup' }, PEOPLE.business, true],
    ['the rapid review set up', 'setUp', AFTER_SCENE.setUp, { kind: 'rapidReviewSetup' }, PEOPLE.business, false],
    ["education's scoping return awaited", 'setUp', AFTER_SCENE.setUp, { kind: 'scopingRequest', agency: 'education' }, PEOPLE.educationDeputy, true],
    ["education's scoping return recorded", 'answered', AFTER_SCENE.answered, { kind: 'scopingRequest', agency: 'education' }, PEOPLE.educationDeputy, false],
    ["the GP practice's return still awaited", 'answered', AFTER_SCENE.answered, { kind: 'scopingRequest', agency: 'gp' }, PEOPLE.gpDeputy, true],
    ["the police's attendance before the meeting", 'setUp', AFTER_SCENE.setUp, { kind: 'attendanceRequest' }, PEOPLE.policeDeputy, true],
    ["the police's attendance confirmed", 'answered', AFTER_SCENE.answered, { kind: 'attendanceRequest' }, PEOPLE.policeDeputy, false],
    ["health's attendance unconfirmed, before the meeting", 'answered', AFTER_SCENE.answered, { kind: 'attendanceRequest' }, PEOPLE.healthDeputy, true],
    // Tuesday 16 June 10:30 BST: the meeting has begun.
    ["health's attendance unconfirmed, the meeting's time come", 'answered', '2026-06-16T09:30:00.000Z', { kind: 'attendanceRequest' }, PEOPLE.healthDeputy, false],
    ['the meeting to record, once held', 'answered', AFTER_SCENE.answered, { kind: 'rapidReviewOutcomeRequest' }, NEW_CHAIR, true],
    ['the meeting to record, no review yet', 'decided', AFTER_SCENE.decided, { kind: 'rapidReviewOutcomeRequest' }, NEW_CHAIR, false],
  ];
  it.each(rows)('%s', (_name, scene, at, card, to, open) => {
    const { sent, moved } = moveAt(scene, at, card, to);
    expect(sent).toEqual(open ? [`${card.kind} -> ${to.aadObjectId}`] : []);
    expect(moved).toEqual(open ? [`moved:held:${to.aadObjectId}`] : []);
  });
});

/** One of each kind, so the table below reaches every kind the procedure knows. */
const SAMPLES: { [K in CardSpec['kind']]: Extract<CardSpec, { kind: K }> } = {
  initialViewRequest: { kind: 'initialViewRequest' },
  partnerDecision: { kind: 'partnerDecision' },
  reminder: { kind: 'reminder', about: 'partnerReply' },
  overdue: { kind: 'overdue', about: 'initialView' },
  decisionRecorded: { kind: 'decisionRecorded' },
  disputeOpened: { kind: 'disputeOpened' },
  panelNotificationRequest: { kind: 'panelNotificationRequest' },
  panelNotificationConfirmed: { kind: 'panelNotificationConfirmed' },
  nextStepRequest: { kind: 'nextStepRequest' },
  nextStepChosen: { kind: 'nextStepChosen' },
  meetingBooked: { kind: 'meetingBooked', stage: 1 },
  arrangeMeetingRequest: { kind: 'arrangeMeetingRequest', stage: 1 },
  meetingCancelled: { kind: 'meetingCancelled', stage: 1 },
  meetingOutcomeRequest: { kind: 'meetingOutcomeRequest' },
  disputeEscalated: { kind: 'disputeEscalated' },
  finalDecisionRequest: { kind: 'finalDecisionRequest' },
  decisionReopened: { kind: 'decisionReopened' },
  scrutineerReview: { kind: 'scrutineerReview' },
  rapidReviewSetup: { kind: 'rapidReviewSetup' },
  rapidReviewBoard: { kind: 'rapidReviewBoard' },
  scopingRequest: { kind: 'scopingRequest', agency: 'education' },
  scopingChaser: { kind: 'scopingChaser', agency: 'education', chase: 'dueMorning' },
  scopingOverdue: { kind: 'scopingOverdue', agency: 'education' },
  extensionDecisionRequest: { kind: 'extensionDecisionRequest', agency: 'education' },
  extensionAnswer: { kind: 'extensionAnswer', agency: 'education' },
  attendanceRequest: { kind: 'attendanceRequest' },
  papersPrompt: { kind: 'papersPrompt' },
  rapidReviewOutcomeRequest: { kind: 'rapidReviewOutcomeRequest' },
  rapidReviewCompleted: { kind: 'rapidReviewCompleted' },
  statutoryNotificationRequest: { kind: 'statutoryNotificationRequest' },
  noRapidReview: { kind: 'noRapidReview' },
  rapidReviewInvitation: { kind: 'rapidReviewInvitation', agency: 'education' },
  lcsprDecision: { kind: 'lcsprDecision' },
  lcsprDispute: { kind: 'lcsprDispute' },
  lcsprDecided: { kind: 'lcsprDecided' },
  lcsprChaser: { kind: 'lcsprChaser' },
  rapidReviewApproved: { kind: 'rapidReviewApproved' },
  rapidReviewForInformation: { kind: 'rapidReviewForInformation', agency: 'education' },
  rapidReviewSendPrompt: { kind: 'rapidReviewSendPrompt' },
  actionRequest: { kind: 'actionRequest', action: 'action-1' },
  actionChaser: { kind: 'actionChaser', action: 'action-1', chase: 'overdue' },
  actionsBoard: { kind: 'actionsBoard' },
  actionsReport: { kind: 'actionsReport' },
  reviewCosts: { kind: 'reviewCosts' },
  localReviewBoard: { kind: 'localReviewBoard' },
  localReviewLetter: { kind: 'localReviewLetter' },
  localReviewReminder: { kind: 'localReviewReminder' },
  localReviewOverdue: { kind: 'localReviewOverdue' },
  localReviewJustification: { kind: 'localReviewJustification' },
  learningEvent: { kind: 'learningEvent' },
  learningEventChaser: { kind: 'learningEventChaser' },
  reviewGroupDispute: { kind: 'reviewGroupDispute' },
  reviewGroupDisputeChaser: { kind: 'reviewGroupDisputeChaser' },
};

describe('cards that only inform, or only chase a request, never move', () => {
  const informing = (Object.keys(STILL_OPEN) as CardSpec['kind'][]).filter((k) => STILL_OPEN[k] === false);
  const rows = informing.flatMap((kind) => ORDER.map((scene) => [kind, scene] as const));
  it.each(rows)('%s, at %s', (kind, scene) => {
    expect(moveAt(scene, AFTER_SCENE[scene], SAMPLES[kind], PEOPLE.business).sent).toEqual([]);
  });

  it('a chaser is informing; the request it chases moves in its own right', () => {
    expect(informing).toEqual(expect.arrayContaining(['reminder', 'scopingChaser', 'actionChaser', 'lcsprChaser', 'learningEventChaser', 'reviewGroupDisputeChaser', 'decisionRecorded', 'rapidReviewBoard']));
    expect(informing).not.toContain('initialViewRequest');
  });
});

describe('a completed rapid review is closed, but its actions run on (issue 17): their requests move too', () => {
  // SCENES.actionsAgreed: the rapid review completed (the case's stage is 'closed'), action A1 agreed for the GP practice.
  const NEW_GP: Person = { aadObjectId: 'aad-gp-2', email: 'new.gp@partnership.example.org', displayName: 'Nell Newpractice' };
  const gpReplaced = PartnershipFileSchema.parse({ ...sampleConfig, agencies: sampleConfig.agencies.map((a) => (a.id === 'gp' ? { ...a, contact: NEW_GP } : a)) });
  const change = (card: CardSpec): CaseCommand => ({ type: 'RecordRosterChange', actor: as(PEOPLE.business), rosterVersion: 2, replacements: [{ role: 'scoping contact for GP practice', from: as(PEOPLE.gpContact), to: [as(NEW_GP)] }], moved: [{ key: 'held', card, to: NEW_GP.aadObjectId }], removed: [] });
  const decide = createDecider(gpReplaced, calendar);

  it("the GP practice's open action goes to its new contact, and the case's history says so", () => {
    const state = run([], SCENES.actionsAgreed()).state!;
    expect(state.stage).toBe('closed');
    const decision = decide(state, change({ kind: 'actionRequest', action: 'A1' }), new Date('2026-07-06T09:00:00.000Z'));
    if (!decision.ok) throw new Error(decision.refusal);
    expect(decision.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : []))).toEqual([`actionRequest -> ${NEW_GP.aadObjectId}`]);
    expect(decision.events.map((e) => e.type)).toEqual(['RosterChanged']);
  });

  it('a closed case with nothing left open records nothing', () => {
    const state = run([], SCENES.actionsClosed()).state!;
    const decision = decide(state, change({ kind: 'actionRequest', action: 'A1' }), new Date('2026-09-10T09:00:00.000Z'));
    if (!decision.ok) throw new Error(decision.refusal);
    expect(decision.events).toEqual([]);
    expect(decision.effects).toEqual([]);
  });
});

describe('someone removed with nobody to take over is recorded only while a request they held is still open', () => {
  // Issue 16: "their open requests move to whoever now holds the role, and the case's history says so": with nobody
  // to move them to, the business unit follows up what is still open, and nothing else.
  const withoutEducation = PartnershipFileSchema.parse({ ...sampleConfig, agencies: sampleConfig.agencies.filter((a) => a.id !== 'education') });
  const decideWithout = createDecider(withoutEducation, calendar);
  const removal: CaseCommand = {
    type: 'RecordRosterChange',
    actor: as(PEOPLE.business),
    rosterVersion: 3,
    replacements: [],
    moved: [],
    removed: [{ role: 'scoping contact for Education', from: as(PEOPLE.educationContact) }],
    removedHeld: [{ aadObjectId: PEOPLE.educationContact.aadObjectId, card: { kind: 'scopingRequest', agency: 'education' } }],
  };
  const removedOn = (scene: Scene, at: string) => {
    const decision = decideWithout(run([], eventsAt(scene)).state, removal, new Date(at));
    if (!decision.ok) throw new Error(decision.refusal);
    return decision.events.flatMap((e) => (e.type === 'RosterChanged' ? e.removed.map((r) => r.from.displayName) : []));
  };

  it("education's return still awaited: the removal is recorded for the business unit to follow up", () => {
    expect(removedOn('setUp', AFTER_SCENE.setUp)).toEqual([PEOPLE.educationContact.displayName]);
  });

  it("education's return already recorded: nothing is recorded on the case", () => {
    expect(removedOn('answered', AFTER_SCENE.answered)).toEqual([]);
  });
});
