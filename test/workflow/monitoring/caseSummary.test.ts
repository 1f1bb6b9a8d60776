import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { createDecider } from '../../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../../workflow/commands.js';
import type { CaseEvent } from '../../../workflow/events.js';
import { caseSummary } from '../../../workflow/monitoring/caseSummary.js';
import { fold, type CaseState } from '../../../workflow/state.js';
import type { Person } from '../../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../../support/sampleConfig.js';

/**
 * The monitoring tab's line for a case: stage, whom it waits for, the next deadline and the
 * red/amber/green status, at fixed instants (weekends, bank holidays, after hours, clock changes).
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
const decide = createDecider(sampleConfig, calendar);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

function run(steps: [CaseCommand, string][]): { state: CaseState; events: CaseEvent[] } {
  let events: CaseEvent[] = [];
  for (const [command, when] of steps) {
    const decision = decide(fold(events), command, new Date(when));
    if (!decision.ok) throw new Error(`refused: ${decision.refusal}`);
    events = [...events, ...decision.events];
  }
  return { state: fold(events)!, events };
}
const summaryAt = (state: CaseState, iso: string) => caseSummary(state, CASE_REF, '2026-01-01T00:00:00.000Z', sampleConfig, calendar, new Date(iso));

const referral: CaseCommand = {
  type: 'LogReferral',
  actor: as(PEOPLE.business),
  referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-04-30T08:00:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL },
};
const view: CaseCommand = { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm with neglect suspected; criteria met.' };
const posted = (iso: string): CaseCommand => ({ type: 'RecordPartnerCardPosted', postedAt: iso });
/** The view is the chair's and the director's together (002 Section B step 3): the chair gives it, the director concurs. */
const jointly = (command: CaseCommand, at: string): [CaseCommand, string][] => [[command, at], [{ type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at]];
const agree = (p: Person): CaseCommand => ({ type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' });
const disagree = (p: Person): CaseCommand => ({ type: 'ReplyAsPartner', actor: as(p), reply: 'disagree', rationale: 'We do not suspect abuse or neglect.' });

// Friday 1 May 2026 16:30 BST; Monday 4 May is the Early May bank holiday; the initial view is due Tuesday 5 May 16:30.
const FRI_1630 = '2026-05-01T15:30:00.000Z';

describe('the status of a case awaiting its initial view (logged Friday 16:30 before a bank holiday)', () => {
  const { state } = run([[referral, FRI_1630]]);
  it.each([
    ['Friday 16:45: on track', '2026-05-01T15:45:00.000Z', 'green'],
    ['Monday (bank holiday) 12:00: no working time has passed, on track', '2026-05-04T11:00:00.000Z', 'green'],
    ['Friday 18:00 (after hours): no more working time used than at the close, on track', '2026-05-01T17:00:00.000Z', 'green'],
    ['Tuesday 12:00: 4.5 of the 8 working hours left, on track', '2026-05-05T11:00:00.000Z', 'green'],
    ['Tuesday 12:30: exactly half (4 h) left is not "less than half": still on track', '2026-05-05T11:30:00.000Z', 'green'],
    ['Tuesday 12:30 and 1 ms: just under half left, amber', '2026-05-05T11:30:00.001Z', 'amber'],
    ['Tuesday 16:29: a minute left, amber', '2026-05-05T15:29:00.000Z', 'amber'],
    ['Tuesday 16:30 exactly: due now, not yet overdue, amber', '2026-05-05T15:30:00.000Z', 'amber'],
    ['Tuesday 16:30 and 1 ms: overdue, red', '2026-05-05T15:30:00.001Z', 'red'],
    ['Wednesday 09:00: still overdue, red', '2026-05-06T08:00:00.000Z', 'red'],
  ])('%s', (_sentence, now, status) => {
    const s = summaryAt(state, now);
    expect(s.status).toBe(status);
    expect(s.stage).toBe('awaitingInitialView');
    expect(s.stageLabel).toBe('Awaiting initial view');
    expect(s.nextDeadline).toMatchObject({ about: 'Initial view', dueAt: '2026-05-05T15:30:00.000Z', inWords: '16:30 on Tuesday 5 May' });
    expect(s.waitingFor).toEqual(['Casey Chair (review group chair)', "Dana Director (children's services director)"]);
    expect(s.statusText).toBe({ green: 'On track', amber: 'Less than half the time left', red: 'Overdue' }[status]);
  });
});

describe('the partners are waited for by name, and the window runs from the card being posted', () => {
  it('before the card is posted there is no clock, only the card to deliver', () => {
    const { state } = run([[referral, '2026-05-06T08:00:00.000Z'], ...jointly(view, '2026-05-06T09:00:00.000Z')]);
    const s = summaryAt(state, '2026-05-06T09:05:00.000Z');
    expect(s).toMatchObject({ stage: 'awaitingPartnerReplies', status: 'green', waitingFor: ["The partners' card to reach the decision channel"] });
    expect(s.nextDeadline).toBeUndefined();
  });

  it('after hours on a Friday before the autumn clock change: the window closes Monday, amber from Monday morning', () => {
    // Friday 23 October 2026 18:00 BST (after hours): the window runs from Monday 26 Oct 09:00 GMT to 17:00.
    const { state } = run([[referral, '2026-10-23T08:00:00.000Z'], ...jointly(view, '2026-10-23T16:00:00.000Z'), [posted('2026-10-23T17:00:00.000Z'), '2026-10-23T17:00:00.000Z'], [agree(PEOPLE.director), '2026-10-23T17:10:00.000Z']]);
    const friday = summaryAt(state, '2026-10-23T17:30:00.000Z');
    // Each partner by organisation, with its named representative from the partnership's roster.
    expect(friday.waitingFor).toEqual(['Police (Pat Police)', 'Health (ICB, Harper Health)']);
    expect(friday.nextDeadline?.inWords).toBe('17:00 on Monday 26 October');
    expect(friday.status).toBe('green');
    // Half of Monday's 8 working hours are gone at 13:00 GMT: exactly half left is still on track.
    expect(summaryAt(state, '2026-10-26T13:00:00.000Z').status).toBe('green');
    expect(summaryAt(state, '2026-10-26T13:00:00.001Z').status).toBe('amber');
    expect(summaryAt(state, '2026-10-26T17:00:00.000Z').status).toBe('amber');
    expect(summaryAt(state, '2026-10-26T17:00:00.001Z').status).toBe('red');
  });
});

describe('later stages', () => {
  const start: [CaseCommand, string][] = [[referral, '2026-05-06T08:00:00.000Z'], ...jointly(view, '2026-05-06T09:00:00.000Z'), [posted('2026-05-06T09:00:00.000Z'), '2026-05-06T09:00:00.000Z']];

  it('a disagreement is dispute stage 1, waiting for the disagreeing partner and the review group chair', () => {
    const { state } = run([...start, [agree(PEOPLE.director), '2026-05-06T09:10:00.000Z'], [agree(PEOPLE.health), '2026-05-06T09:20:00.000Z'], [disagree(PEOPLE.police), '2026-05-06T09:30:00.000Z']]);
    const s = summaryAt(state, '2026-05-06T10:00:00.000Z');
    expect(s.stage).toBe('disputeStage1');
    expect(s.stageLabel).toBe('Dispute: stage 1 meeting');
    expect(s.waitingFor).toEqual(['Police (Pat Police)', 'Casey Chair (review group chair, to record the outcome)']);
    expect(s.nextDeadline?.about).toBe("Partners' meeting held and outcome recorded");
  });

  it('agreement to notify waits for the local authority representative to notify the Panel', () => {
    const { state } = run([...start, [agree(PEOPLE.director), '2026-05-06T09:10:00.000Z'], [agree(PEOPLE.health), '2026-05-06T09:20:00.000Z'], [agree(PEOPLE.police), '2026-05-06T09:30:00.000Z']]);
    const s = summaryAt(state, '2026-05-06T10:00:00.000Z');
    expect(s).toMatchObject({ stage: 'awaitingPanelNotification', waitingFor: ['Dana Director (local authority representative)'] });
    expect(s.nextDeadline?.about).toBe('Panel notification');
  });

  it('a case closed by "no further action" is closed, with no deadline and no colour', () => {
    const dnn: CaseCommand = { ...view, view: 'doNotNotify', rationale: 'Criteria not met: no abuse or neglect suspected.' } as CaseCommand;
    const { state } = run([
      [referral, '2026-05-06T08:00:00.000Z'],
      ...jointly(dnn, '2026-05-06T09:00:00.000Z'),
      [posted('2026-05-06T09:00:00.000Z'), '2026-05-06T09:00:00.000Z'],
      [agree(PEOPLE.director), '2026-05-06T09:10:00.000Z'],
      [agree(PEOPLE.health), '2026-05-06T09:20:00.000Z'],
      [agree(PEOPLE.police), '2026-05-06T09:30:00.000Z'],
      [{ type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'noFurtherAction', rationale: 'Single-agency learning only.' } as CaseCommand, '2026-05-06T10:00:00.000Z'],
    ]);
    const s = summaryAt(state, '2026-05-07T10:00:00.000Z');
    expect(s).toMatchObject({ stage: 'closed', status: 'closed', statusText: 'Closed', waitingFor: [] });
    expect(s.nextDeadline).toBeUndefined();
  });
});

describe('dispute stage 2: the final decision, escalated on a Friday before a bank holiday', () => {
  // Friday 1 May 2026: the view at 09:30 BST; police disagree at 11:00, so the dispute opens then;
  // the chair records "not resolved" at 16:30 BST. Monday 4 May is a bank holiday, so the final
  // decision's one working day runs 16:30-17:00 Friday and 09:00-16:30 Tuesday.
  const { state } = run([
    [referral, '2026-05-01T08:00:00.000Z'],
    ...jointly(view, '2026-05-01T08:30:00.000Z'),
    [posted('2026-05-01T08:30:00.000Z'), '2026-05-01T08:30:00.000Z'],
    [agree(PEOPLE.director), '2026-05-01T09:00:00.000Z'],
    [agree(PEOPLE.health), '2026-05-01T09:30:00.000Z'],
    [disagree(PEOPLE.police), '2026-05-01T10:00:00.000Z'],
    [{ type: 'RecordMeetingOutcome', actor: as(PEOPLE.chair), outcome: 'notResolved', rationale: 'Police still do not suspect neglect.' }, FRI_1630],
  ]);

  it.each([
    ['Friday 18:00 (after hours): the clock has not moved since the close, on track', '2026-05-01T17:00:00.000Z', 'green'],
    ['Monday 12:00 (bank holiday): on track', '2026-05-04T11:00:00.000Z', 'green'],
    ['Tuesday 12:30: exactly half left, on track', '2026-05-05T11:30:00.000Z', 'green'],
    ['Tuesday 12:30 and 1 ms: just under half left, amber', '2026-05-05T11:30:00.001Z', 'amber'],
    ['Tuesday 16:30: due now, amber', '2026-05-05T15:30:00.000Z', 'amber'],
    ['Tuesday 16:30 and 1 ms: overdue, red', '2026-05-05T15:30:00.001Z', 'red'],
  ])('%s', (_sentence, now, status) => {
    const s = summaryAt(state, now);
    expect(s).toMatchObject({ stage: 'disputeStage2', stageLabel: 'Dispute: stage 2 decision', status, waitingFor: ['Morgan Partnership (decision maker)'] });
    expect(s.nextDeadline).toEqual({ about: 'Final decision', dueAt: '2026-05-05T15:30:00.000Z', inWords: '16:30 on Tuesday 5 May' });
  });

  it('waits for the partnership chair even where the scrutineer settles whether-to-review disputes (002 8.1)', () => {
    const scrutineerDecides = { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' as const };
    const s = caseSummary(state, CASE_REF, '2026-05-01T15:30:00.000Z', scrutineerDecides, calendar, new Date('2026-05-04T11:00:00.000Z'));
    expect(s.waitingFor).toEqual(['Morgan Partnership (decision maker)']);
  });
});

describe('awaiting the next step: "do not notify", agreed by silence over a bank holiday weekend', () => {
  // The view is posted at 16:30 BST on Friday 1 May; health agrees after hours at 18:30; police say
  // nothing. The window closes at 16:30 on Tuesday 5 May (Monday is a bank holiday), when the
  // sweep's tick deems police's agreement and the decision is reached.
  const dnn: CaseCommand = { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'doNotNotify', rationale: 'Criteria not met: no abuse or neglect suspected.' };
  const steps: [CaseCommand, string][] = [
    [referral, '2026-05-01T08:00:00.000Z'],
    ...jointly(dnn, FRI_1630),
    [posted(FRI_1630), FRI_1630],
    [agree(PEOPLE.director), '2026-05-01T15:40:00.000Z'],
    [agree(PEOPLE.health), '2026-05-01T17:30:00.000Z'],
  ];

  it('over the weekend it waits for police by name, due Tuesday 16:30', () => {
    const { state } = run(steps);
    const s = summaryAt(state, '2026-05-04T11:00:00.000Z');
    expect(s).toMatchObject({ stage: 'awaitingPartnerReplies', status: 'green', waitingFor: ['Police (Pat Police)'] });
    expect(s.nextDeadline).toMatchObject({ dueAt: '2026-05-05T15:30:00.000Z', inWords: '16:30 on Tuesday 5 May' });
  });

  it('once agreement is deemed it waits for the review group chair, with no clock and no colour but green', () => {
    const { state, events } = run([...steps, [{ type: 'Tick' }, '2026-05-05T15:31:00.000Z']]);
    expect(events.filter((e) => e.type === 'AgreementDeemed').map((e) => e.type === 'AgreementDeemed' && e.partner)).toEqual(['police']);
    for (const now of ['2026-05-05T17:00:00.000Z', '2026-05-08T15:00:00.000Z', '2026-06-01T08:00:00.000Z']) {
      const s = summaryAt(state, now);
      expect(s).toMatchObject({ stage: 'awaitingNextStep', stageLabel: 'Awaiting next step', status: 'green', statusText: 'On track', waitingFor: ['Casey Chair (review group chair, to choose the next step)'] });
      expect(s.nextDeadline).toBeUndefined();
    }
  });
});

describe('after the Panel notification, confirmed after hours', () => {
  // Agreed on Wednesday 6 May; the local authority's deputy sent the notification at 18:00 BST on
  // Thursday 7 May (after hours) and confirms it at 18:05. The rapid review's 15 working days run
  // from Friday 8 May 09:00, skip the Spring bank holiday (Monday 25 May) and end at the close of
  // Friday 29 May.
  const steps: [CaseCommand, string][] = [
    [referral, '2026-05-06T08:00:00.000Z'],
    ...jointly(view, '2026-05-06T09:00:00.000Z'),
    [posted('2026-05-06T09:00:00.000Z'), '2026-05-06T09:00:00.000Z'],
    [agree(PEOPLE.director), '2026-05-06T09:10:00.000Z'],
    [agree(PEOPLE.health), '2026-05-06T09:20:00.000Z'],
    [agree(PEOPLE.police), '2026-05-06T09:30:00.000Z'],
    [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-05-07T17:00:00.000Z', panelReference: 'CSPRP-2026-77' }, '2026-05-07T17:05:00.000Z'],
  ];
  const { state, events } = run(steps);

  it('"Panel notified" (the history up to the confirmation) waits for the business unit, with no clock', () => {
    // The rapid review opens in the same commit, so this stage is seen only in a history that ends
    // with the confirmation; it still needs a truthful line.
    const confirmed = events.findIndex((e) => e.type === 'PanelNotificationConfirmed');
    expect(events[confirmed + 1]?.type).toBe('RapidReviewOpened');
    const s = caseSummary(fold(events.slice(0, confirmed + 1))!, CASE_REF, '2026-05-07T17:05:00.000Z', sampleConfig, calendar, new Date('2026-05-07T17:10:00.000Z'));
    expect(s).toMatchObject({ stage: 'panelNotified', stageLabel: 'Panel notified', status: 'green', waitingFor: ['Business unit, to open the rapid review'] });
    expect(s.nextDeadline).toBeUndefined();
  });

  it.each([
    ['Thursday 18:10 (after hours)', '2026-05-07T17:10:00.000Z', 'green'],
    ['Friday 15 May, 7 of 15 working days gone', '2026-05-15T16:00:00.000Z', 'green'],
    ['Monday 25 May (bank holiday): exactly 4 of 15 days left, amber', '2026-05-25T11:00:00.000Z', 'amber'],
    ['Friday 29 May 17:00: due now, amber', '2026-05-29T16:00:00.000Z', 'amber'],
    ['Friday 29 May 17:00 and 1 ms: overdue, red', '2026-05-29T16:00:00.001Z', 'red'],
  ])('then the rapid review, awaiting set-up: %s', (_sentence, now, status) => {
    const s = summaryAt(state, now);
    expect(s).toMatchObject({ stage: 'rapidReview', stageLabel: 'Rapid review', status, waitingFor: ['Business unit, to set up the rapid review'] });
    expect(s.nextDeadline).toEqual({ about: 'Rapid review completed', dueAt: '2026-05-29T16:00:00.000Z', inWords: '17:00 on Friday 29 May' });
  });

  it('once set up it waits for each agency by its scoping contact, then for the review group chair by name', () => {
    const setUp: [CaseCommand, string][] = [
      ...steps,
      [{ type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-05-27T09:00:00.000Z', agencies: ['education', 'gp'] }, '2026-05-08T09:00:00.000Z'],
    ];
    const waiting = summaryAt(run(setUp).state, '2026-05-11T09:00:00.000Z');
    expect(waiting.waitingFor).toEqual(['Education (Eve Education)', 'GP practice (Glen Surgery)']);
    expect(waiting.nextDeadline?.about).toBe('Scoping return: Education');
    const returned = run([
      ...setUp,
      [{ type: 'RecordScopingReturn', actor: as(PEOPLE.educationContact), agency: 'education', documentUrl: `${DOCUMENT_URL}?return=education` }, '2026-05-11T10:00:00.000Z'],
      [{ type: 'RecordNoInvolvement', actor: as(PEOPLE.gpContact), agency: 'gp' }, '2026-05-11T11:00:00.000Z'],
    ]);
    const s = summaryAt(returned.state, '2026-05-11T12:00:00.000Z');
    expect(s.waitingFor).toEqual(["Casey Chair (review group chair, to record the rapid review's outcome)"]);
    expect(s.nextDeadline).toMatchObject({ about: 'Rapid review completed', dueAt: '2026-05-29T16:00:00.000Z' });
  });

  it('is exactly green at half of the 15 working days and amber a millisecond later', () => {
    // Half of 15 days from the confirmation at 18:05 Thursday (counted from Friday 09:00) is 7.5 days: 13:00 on Tuesday 19 May.
    expect(summaryAt(state, '2026-05-19T12:00:00.000Z').status).toBe('green');
    expect(summaryAt(state, '2026-05-19T12:00:00.001Z').status).toBe('amber');
  });
});
