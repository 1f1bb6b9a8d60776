import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPartnershipConfig } from '../../config/loadPartnershipConfig.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import { pendingDeadlines } from '../../workflow/deadlines.js';
import { expectedAttendees } from '../../workflow/meetings/attendees.js';
import { withLegacySettings, type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { fold, type CaseState } from '../../workflow/state.js';
import { commandRunner } from '../support/runCommands.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, REOPEN_REASON, REVERSAL_RATIONALE, RECONFIRM_RATIONALE, SCENES, sampleConfig } from '../support/sampleConfig.js';

/**
 * Issue 14, items 1-5: the notification decision as the Isle of Wight procedure says it is
 * (shared/seeds/002_*, Section B's flowchart and Section E 8.1). Each table quotes the seed line it
 * enforces and runs fixed instants through decide(): Fridays, the Early May bank holiday (Monday
 * 4 May 2026), after-hours clicks.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const types = (d: Decision) => (d.ok ? d.events.map((e) => e.type) : [`refused: ${d.refusal}`]);
const sends = (d: Decision) => (d.ok ? d.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : [])) : []);

const runner = (config: PartnershipFile) => commandRunner(createDecider(config, calendar));
const run = runner(sampleConfig);

// Friday 1 May 2026 16:30 BST; Monday 4 May is the Early May bank holiday; the initial view is due Tuesday 5 May 16:30 BST.
const FRI_1630 = '2026-05-01T15:30:00.000Z';
const FRI_1830 = '2026-05-01T17:30:00.000Z'; // after hours
const BANK_HOLIDAY_NOON = '2026-05-04T11:00:00.000Z';
const TUE_0915 = '2026-05-05T08:15:00.000Z';
const TUE_HALF_TIME = '2026-05-05T11:30:00.000Z'; // 4 of the 8 working hours gone: 30 min Friday, 3.5 h Tuesday
const TUE_1630 = '2026-05-05T15:30:00.000Z';

const referral: CaseCommand = {
  type: 'LogReferral',
  actor: as(PEOPLE.business),
  referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-04-30T08:00:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL },
};
const DIRECTOR_VIEW = 'Serious harm with neglect suspected; criteria met.';
const CHAIR_VIEW = 'No abuse or neglect is suspected on the chronology.';
const give = (by: Person, view: 'notify' | 'doNotNotify', rationale: string): CaseCommand => ({ type: 'GiveInitialView', actor: as(by), view, rationale });
const concur = (by: Person): CaseCommand => ({ type: 'ConcurInitialView', actor: as(by) });
const tick: CaseCommand = { type: 'Tick' };
const logged = () => run([[referral, FRI_1630]]).events;

describe('1. the initial view is the chair\'s and the director\'s together', () => {
  // 002 Section B step 3: "The referral is reviewed by the Chair of LIG and Service Director of Children's Social Care. An initial view and rationale is shared with the IOWSCP Team,"
  it.each<[string, [CaseCommand, string][], string[][], { given?: { by: string; concurredBy?: string; view: string }; partnerCardAt?: number }]>([
    [
      'the director drafts on Friday after hours; the chair concurs on Tuesday morning after the bank holiday: the partners\' card goes then, once',
      [[give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1830], [tick, BANK_HOLIDAY_NOON], [concur(PEOPLE.chair), TUE_0915]],
      [['InitialViewProposed'], [], ['InitialViewGiven', 'PartnerReplied']],
      { given: { by: 'Dana Director', concurredBy: 'Casey Chair', view: 'notify' }, partnerCardAt: 2 },
    ],
    [
      'they differ (Friday), the chair concurs with the director\'s view (Tuesday): given as the director\'s, the chair concurring',
      [[give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1630], [give(PEOPLE.chair, 'doNotNotify', CHAIR_VIEW), FRI_1830], [concur(PEOPLE.chair), TUE_0915]],
      [['InitialViewProposed'], ['InitialViewProposed', 'InitialViewsDiffered'], ['InitialViewGiven', 'PartnerReplied']],
      { given: { by: 'Dana Director', concurredBy: 'Casey Chair', view: 'notify' }, partnerCardAt: 2 },
    ],
    [
      'they differ, then the director revises to the chair\'s view: agreed the moment the views match',
      [[give(PEOPLE.chair, 'doNotNotify', CHAIR_VIEW), FRI_1630], [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1830], [give(PEOPLE.director, 'doNotNotify', 'On reflection the threshold is not met.'), TUE_0915]],
      [['InitialViewProposed'], ['InitialViewProposed', 'InitialViewsDiffered'], ['InitialViewProposed', 'InitialViewGiven', 'PartnerReplied']],
      { given: { by: 'Casey Chair', concurredBy: 'Dana Director', view: 'doNotNotify' }, partnerCardAt: 2 },
    ],
    [
      'both give the same view independently: the second agrees with the first',
      [[give(PEOPLE.chair, 'notify', CHAIR_VIEW), FRI_1630], [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), TUE_0915]],
      [['InitialViewProposed'], ['InitialViewProposed', 'InitialViewGiven', 'PartnerReplied']],
      { given: { by: 'Casey Chair', concurredBy: 'Dana Director', view: 'notify' }, partnerCardAt: 1 },
    ],
    [
      'a concurrence with nothing to concur with, or by someone else, is refused; the same draft twice records nothing',
      [[concur(PEOPLE.chair), FRI_1830], [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1830], [concur(PEOPLE.police), TUE_0915], [concur(PEOPLE.director), TUE_0915], [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), TUE_0915]],
      [
        ["refused: Dana Director (children's services director) has not given a view yet, so there is nothing to concur with. Give your own view, with its rationale."],
        ['InitialViewProposed'],
        ["refused: Only the review group chair or the children's services director can concur with the initial view."],
        ["refused: Casey Chair (review group chair) has not given a view yet, so there is nothing to concur with. Give your own view, with its rationale."],
        [],
      ],
      {},
    ],
  ])('%s', (_sentence, steps, expected, outcome) => {
    const { decisions, state } = run(steps, logged());
    expect(decisions.map(types)).toEqual(expected);
    if (outcome.given) {
      expect(state.initialView).toMatchObject({ by: { displayName: outcome.given.by }, concurredBy: { displayName: outcome.given.concurredBy }, view: outcome.given.view });
      expect(state.stage).toBe('awaitingPartnerReplies');
    } else {
      expect(state.initialView).toBeUndefined();
      expect(state.stage).toBe('awaitingInitialView');
    }
    // The partners' card is posted once, only when both agree.
    decisions.forEach((d, i) => expect(sends(d).includes('partnerDecision -> decision')).toBe(i === outcome.partnerCardAt));
  });

  it('when they differ the business unit is told (both views, in the monitoring channel) and each copy is refreshed to show the other\'s view', () => {
    const { decisions, state } = run([[give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1630], [give(PEOPLE.chair, 'doNotNotify', CHAIR_VIEW), FRI_1830]], logged());
    expect(sends(decisions[1]!)).toEqual(['initialViewRequest -> monitoring']);
    expect(decisions[1]!.ok && decisions[1]!.effects).toContainEqual({ type: 'refreshCards' });
    expect(state.jointView).toMatchObject({ differedAt: FRI_1830, proposals: { childrensServicesDirector: { view: 'notify' }, reviewGroupChair: { view: 'doNotNotify' } } });
  });

  it.each([
    ['Tuesday 12:30 BST (half time, the bank holiday not counted): the reminder goes to both', TUE_HALF_TIME, ['ReminderSent'], [PEOPLE.chair.aadObjectId, PEOPLE.director.aadObjectId]],
    // A sweep at the deadline sends no reminder whose moment has passed: only the alert.
    ['Tuesday 16:30 BST (due): the monitoring channel is told, while they still differ', TUE_1630, ['OverdueRaised'], undefined],
  ])('the 1 WD clock runs for both while they differ: %s', (_s, when, expected, to) => {
    const start = run([[give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1630], [give(PEOPLE.chair, 'doNotNotify', CHAIR_VIEW), FRI_1830]], logged()).events;
    const { decisions } = run([[tick, when]], start);
    expect(types(decisions[0]!)).toEqual(expected);
    if (to) expect(decisions[0]!.ok && decisions[0]!.events[0]).toMatchObject({ about: 'initialView', to });
  });

  it('where one person holds both roles, one action gives the view (and the partners\' card goes at once)', () => {
    const oneForBoth = PartnershipFileSchema.parse({ ...sampleConfig, reviewGroupChair: PEOPLE.director });
    const { decisions, state } = runner(oneForBoth)([[referral, FRI_1630], [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1830]]);
    expect(types(decisions[1]!)).toEqual(['InitialViewGiven', 'PartnerReplied']);
    expect(state.initialView?.concurredBy).toBeUndefined();
    expect(sends(decisions[1]!)).toContain('partnerDecision -> decision');
  });
});

describe('2. every partner reply carries a rationale', () => {
  // 002 Section B step 4: "Safeguarding partners to review the referral and initial view and provide their response and rationale (reply to all)."
  const posted = () =>
    run([[give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1630], [concur(PEOPLE.chair), FRI_1630], [{ type: 'RecordPartnerCardPosted', postedAt: FRI_1630 }, FRI_1630]], logged()).events;
  const reply = (by: Person, r: 'agree' | 'disagree', rationale?: string): CaseCommand => ({ type: 'ReplyAsPartner', actor: as(by), reply: r, ...(rationale !== undefined ? { rationale } : {}) });
  it.each<[string, CaseCommand, string, string[]]>([
    ['an agreement with no rationale, Friday after hours', reply(PEOPLE.police, 'agree'), FRI_1830, ['refused: Please give a rationale.']],
    ['an agreement with only spaces, Tuesday morning', reply(PEOPLE.police, 'agree', '   '), TUE_0915, ['refused: Please give a rationale.']],
    ['a disagreement with no rationale, on the bank holiday', reply(PEOPLE.health, 'disagree'), BANK_HOLIDAY_NOON, ['refused: Please give a rationale.']],
    ['an agreement with a short rationale, Friday after hours', reply(PEOPLE.police, 'agree', 'Threshold met.'), FRI_1830, ['PartnerReplied']],
  ])('%s', (_s, command, when, expected) => {
    const { decisions, state } = run([[command, when]], posted());
    expect(types(decisions[0]!)).toEqual(expected);
    if (expected[0] === 'PartnerReplied') expect(state.positions.police).toMatchObject({ status: 'agreed', comment: 'Threshold met.' });
  });

  it('the author-of-view agreement (the director is the local authority\'s representative) carries the view\'s rationale', () => {
    expect(fold(posted())!.positions.localAuthority).toMatchObject({ status: 'agreed', asAuthorOfView: true, comment: DIRECTOR_VIEW });
  });

  // 002 Section B step 4: "Nil response within the time frame will be accepted as agreement with the views provided."
  it('deemed agreement stays as it is: silence at the window\'s close (Tuesday 16:30 BST, over the bank holiday) is agreement, with no rationale', () => {
    const { decisions, state } = run([[reply(PEOPLE.police, 'agree', 'Threshold met.'), FRI_1830], [tick, TUE_1630]], posted());
    expect(types(decisions[1]!)).toEqual(['AgreementDeemed', 'DecisionReached']);
    expect(state.positions.health).toEqual({ status: 'deemed', at: TUE_1630, windowClosedAt: TUE_1630, version: expect.any(Number) });
  });
});

describe('3. the partnership chair decides the notification; the scrutineer mediates', () => {
  // 002 Section B step 6: "IOWSCP will arrange a short meeting within 1 working day with the IOWSCP Partnership Chair (as decision maker) and Independent Scrutineer (as mediator)."
  // 002 Section E 8.1: "The IOWSCP Partnership Chair will make the final decision regarding notification, with the information known at the time."
  const disputed = (config: PartnershipFile) =>
    runner(config)([
      [referral, FRI_1630],
      [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), FRI_1630],
      [concur(PEOPLE.chair), FRI_1630],
      [{ type: 'RecordPartnerCardPosted', postedAt: FRI_1630 }, FRI_1630],
      [{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met on what we know.' }, FRI_1830],
      [{ type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Met.' }, TUE_0915],
      [{ type: 'RecordMeetingOutcome', actor: as(PEOPLE.chair), outcome: 'notResolved', rationale: 'Still differ after discussion.' }, TUE_1630],
    ]);
  const final = (by: Person): CaseCommand => ({ type: 'RecordFinalDecision', actor: as(by), decision: 'notify', rationale: 'Criteria met.', scrutineerAttended: true });
  it.each<[string, PartnershipFile, Person, string]>([
    ['Isle of Wight: the partnership chair decides', sampleConfig, PEOPLE.partnershipChair, 'DecisionReached'],
    ['Isle of Wight: the scrutineer cannot', sampleConfig, PEOPLE.scrutineer, "refused: Only the partnership's final decision maker (Morgan Partnership) can record the final decision."],
    ['Brighton & Hove\'s review-dispute setting: the partnership chair still decides the notification', { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' }, PEOPLE.partnershipChair, 'DecisionReached'],
    ['Brighton & Hove\'s review-dispute setting: the scrutineer still cannot decide the notification', { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' }, PEOPLE.scrutineer, "refused: Only the partnership's final decision maker (Morgan Partnership) can record the final decision."],
  ])('%s', (_s, config, who, expected) => {
    const { decisions, events } = disputed(config);
    expect(sends(decisions.at(-1)!)).toContain(`finalDecisionRequest -> ${PEOPLE.partnershipChair.aadObjectId}`);
    const { decisions: after } = runner(config)([[final(who), '2026-05-06T10:00:00.000Z']], events);
    expect(types(after[0]!)[0]).toBe(expected);
  });

  it.each([sampleConfig, { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' as const }])('the stage 2 meeting always has the partnership chair and the scrutineer (required), whatever the review-dispute setting', (config) => {
    const invited = expectedAttendees(config, 2).map((a) => `${a.person.displayName}${a.required ? '' : ' (optional)'}`);
    expect(invited).toEqual(['Dana Director', 'Pat Police', 'Harper Health', 'Morgan Partnership', 'Sam Scrutineer']);
  });

  it.each<[string, Record<string, unknown>, 'partnershipChair' | 'independentScrutineer']>([
    ['a file with neither setting: the partnership chair', {}, 'partnershipChair'],
    ['an old file that named the scrutineer as final decision maker: carried over to review disputes', { finalDecisionMaker: 'independentScrutineer' }, 'independentScrutineer'],
    ['an old file that named the partnership chair', { finalDecisionMaker: 'partnershipChair' }, 'partnershipChair'],
    ['a file that sets both: the new setting wins, the old key is ignored', { finalDecisionMaker: 'independentScrutineer', reviewDisputeDecider: 'partnershipChair' }, 'partnershipChair'],
  ])('old configuration files still load: %s', async (_s, settings, decider) => {
    const { reviewDisputeDecider: _dropped, ...base } = JSON.parse(await readFile(new URL('../../config/sample-partnership.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const path = join(await mkdtemp(join(tmpdir(), 'seedsA-')), 'partnership.json');
    await writeFile(path, JSON.stringify({ ...base, ...settings }));
    const config = await loadPartnershipConfig(path);
    expect(config.reviewDisputeDecider).toBe(decider);
    expect('finalDecisionMaker' in config).toBe(false);
    expect(PartnershipFileSchema.parse(withLegacySettings({ ...base, ...settings })).reviewDisputeDecider).toBe(decider);
  });
});

describe('4. no escalation on a missed click: the stage 1 outcome is chased', () => {
  // 002 Section B step 6: "In exceptional circumstances where differences of view cannot be resolved, IOWSCP will arrange a short meeting within 1 working day"
  // The dispute arises Friday 16:30 BST, when health's reply completes the three (police disagreeing):
  // the meeting and its outcome are due 1 WD later, Tuesday 16:30 BST (Monday is a bank holiday).
  const inDispute = () =>
    run(
      [
        [give(PEOPLE.director, 'notify', DIRECTOR_VIEW), '2026-05-01T09:30:00.000Z'],
        [concur(PEOPLE.chair), '2026-05-01T09:30:00.000Z'],
        [{ type: 'RecordPartnerCardPosted', postedAt: '2026-05-01T09:30:00.000Z' }, '2026-05-01T09:30:00.000Z'],
        [{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met on what we know.' }, '2026-05-01T11:00:00.000Z'],
        [{ type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Met.' }, FRI_1630],
      ],
      run([[referral, '2026-04-30T08:00:00.000Z']]).events,
    ).events;
  it.each<[string, string, string[]]>([
    ['the bank holiday: nothing is due', BANK_HOLIDAY_NOON, []],
    ['Tuesday 16:29 BST: not yet', '2026-05-05T15:29:00.000Z', []],
    ['Tuesday 16:30 BST, the deadline: chased, the monitoring channel told, no escalation', TUE_1630, ['OverdueRaised', 'ReminderSent']],
    ['Wednesday 09:00 BST, a late sweep: the same, once', '2026-05-06T08:00:00.000Z', ['OverdueRaised', 'ReminderSent']],
  ])('%s', (_s, when, expected) => {
    const start = inDispute();
    expect(fold(start)!.dispute?.meetingDueAt).toBe(TUE_1630);
    const { decisions, state } = run([[tick, when], [tick, '2026-05-08T08:00:00.000Z']], start);
    expect(types(decisions[0]!)).toEqual(expected);
    expect(state.dispute).toMatchObject({ stage: 1 });
    expect(state.dispute?.escalated).toBeUndefined();
    if (expected.length > 0) {
      expect(sends(decisions[0]!)).toEqual([
        'overdue -> monitoring',
        `reminder -> ${PEOPLE.chair.aadObjectId}`,
        `reminder -> ${PEOPLE.business.aadObjectId}`,
      ]);
      expect(types(decisions[1]!)).toEqual([]);
    }
  });

  it.each<[string, CaseCommand, string[], string]>([
    ['the chair records "not resolved" late (Wednesday): only then stage 2, due 1 WD later', { type: 'RecordMeetingOutcome', actor: as(PEOPLE.chair), outcome: 'notResolved', rationale: 'Still differ.' }, ['MeetingOutcomeRecorded', 'DisputeEscalated'], 'dispute'],
    ['the chair records "agreed" late (Wednesday): the decision, no stage 2', { type: 'RecordMeetingOutcome', actor: as(PEOPLE.chair), outcome: 'agreed', decision: 'notify', rationale: 'Settled.' }, ['MeetingOutcomeRecorded', 'DecisionReached'], 'awaitingPanelNotification'],
  ])('after the chase: %s', (_s, command, expected, stage) => {
    const { decisions, state } = run([[tick, TUE_1630], [command, '2026-05-06T09:00:00.000Z']], inDispute());
    expect(types(decisions[1]!)).toEqual(expected);
    expect(state.stage).toBe(stage);
    if (expected.includes('DisputeEscalated')) expect(state.dispute?.escalated).toMatchObject({ reason: 'notResolved', decisionDueAt: '2026-05-07T09:00:00.000Z' });
  });
});

describe('5. re-opening a decision on new information', () => {
  // 002 Section E 8.1: "should further information become available that suggests the decision to notify should be reconsidered, this should be raised via the IOWSCP Team with the Chair of LIG, the IOWSCP Partnership Chair and the IOWSCP Independent Scrutineer. The IOWSCP Partnership Chair is the decision maker."
  const beforeReopening = () => SCENES.reopenedDuringReview().slice(0, -1);
  const reopen = (by: Person): CaseCommand => ({ type: 'ReopenDecision', actor: as(by), reason: REOPEN_REASON });
  // Friday 12 June 17:30 BST (after hours): the new decision is due 1 WD on, at the close of Monday 15 June.
  const FRI_AFTER_HOURS = '2026-06-12T16:30:00.000Z';
  it.each<[string, Person, string]>([
    ['the business unit raises it', PEOPLE.business, 'DecisionReopened'],
    ['the partnership chair raises it', PEOPLE.partnershipChair, 'DecisionReopened'],
    ['the review group chair cannot', PEOPLE.chair, 'refused: Only the business unit or the partnership chair (Morgan Partnership) can re-open a final decision on new information.'],
    ['the scrutineer cannot', PEOPLE.scrutineer, 'refused: Only the business unit or the partnership chair (Morgan Partnership) can re-open a final decision on new information.'],
  ])('%s, Friday after hours', (_s, who, expected) => {
    const { decisions, state } = run([[reopen(who), FRI_AFTER_HOURS]], beforeReopening());
    expect(types(decisions[0]!)).toEqual([expected]);
    if (expected !== 'DecisionReopened') return;
    expect(sends(decisions[0]!)).toEqual([
      'decisionReopened -> monitoring',
      `decisionReopened -> ${PEOPLE.chair.aadObjectId}`,
      `decisionReopened -> ${PEOPLE.scrutineer.aadObjectId}`,
      `finalDecisionRequest -> ${PEOPLE.partnershipChair.aadObjectId}`,
    ]);
    expect(state.reconsideration).toMatchObject({ reason: REOPEN_REASON, decisionDueAt: '2026-06-15T16:00:00.000Z' });
  });

  it('re-opening wipes nothing: the decision, the Panel notification, and the rapid review\'s set-up, returns and attendance stay, and its chasers keep running', () => {
    const before = fold(beforeReopening())!;
    const after = fold(SCENES.reopenedDuringReview())!;
    expect(after).toMatchObject({ stage: 'rapidReview', decision: before.decision, panelNotification: before.panelNotification, rapidReview: before.rapidReview });
    expect(after.rapidReview?.agencies.education?.status).toBe('returned');
    expect(after.rapidReview?.attendance.police?.attending).toBe(true);
    const due = (s: CaseState) => pendingDeadlines(s, calendar, sampleConfig.workingHours).map((d) => d.toISOString());
    expect(due(after)).toEqual(expect.arrayContaining(due(before)));
    expect(due(after)).toContain(after.reconsideration!.decisionDueAt);
  });

  it.each<[string, () => CaseEvent[], object, string]>([
    ['the same decision again: the review goes on, with its set-up, returns and attendance', SCENES.reconfirmedDuringReview, { stage: 'rapidReview', decision: { decision: 'notify', rationale: RECONFIRM_RATIONALE } }, 'confirmed'],
    ['a reversal after the Panel was notified: the case closes with the reason recorded, the review\'s record kept', SCENES.reversedDuringReview, { stage: 'closed', decision: { decision: 'doNotNotify' }, closedByReversal: { rationale: REVERSAL_RATIONALE } }, 'reversed'],
  ])('%s', (_s, scene, expected, reconsidered) => {
    const events = scene();
    const state = fold(events)!;
    expect(state).toMatchObject(expected);
    expect(state.reconsideration).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ type: 'DecisionReached', reconsidered });
    expect(state.rapidReview?.setup).toBeDefined();
    expect(state.rapidReview?.agencies.education?.status).toBe('returned');
    expect(state.rapidReview?.attendance.police?.attending).toBe(true);
    const stillDue = pendingDeadlines(state, calendar, sampleConfig.workingHours);
    if (reconsidered === 'reversed') expect(stillDue).toEqual([]);
    else expect(stillDue.length).toBeGreaterThan(0);
  });

  it('a second re-opening while one is open is refused; a reversed and closed case cannot be re-opened', () => {
    const { decisions } = run([[reopen(PEOPLE.partnershipChair), '2026-06-15T10:00:00.000Z']], SCENES.reopenedDuringReview());
    expect(types(decisions[0]!)[0]).toContain('was already re-opened by Billie Business');
    const { decisions: closed } = run([[reopen(PEOPLE.business), '2026-06-16T10:00:00.000Z']], SCENES.reversedDuringReview());
    expect(types(closed[0]!)).toEqual([`refused: Case ${CASE_REF} was closed when its decision was reversed.`]);
  });

  it('an older stored re-opening (which set the decision aside) still folds as it did', () => {
    const state = fold(SCENES.reopened())!;
    expect(state).toMatchObject({ stage: 'dispute', decision: undefined, dispute: { stage: 2, reopened: { reason: REOPEN_REASON } } });
    expect(state.reconsideration).toBeUndefined();
  });
});
