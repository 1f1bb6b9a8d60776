import { describe, expect, it } from 'vitest';
import { caseCard } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import { pendingDeadlines } from '../../workflow/deadlines.js';
import type { CaseEvent, ReferralDetails } from '../../workflow/events.js';
import { caseSummary } from '../../workflow/monitoring/caseSummary.js';
import { reportingYear, yearFigures } from '../../workflow/monitoring/yearFigures.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { fold, type CaseState } from '../../workflow/state.js';
import { timeline } from '../../workflow/timeline.js';
import { CASE_REF, DOCUMENT_URL, EV, NO_RAPID_REVIEW_RATIONALE, PEOPLE, SCENES, T, sampleConfig, stateOf } from '../support/sampleConfig.js';
import { cardText } from '../support/recordingMessenger.js';

/**
 * Issue 14, items 6, 7, 13 and 14: where the product departed from the Isle of Wight procedure
 * (seed 002). Each block quotes the seed line it enforces and runs the procedure at fixed instants
 * in June 2026 (British Summer Time, UTC+1; working hours 09:00 to 17:00).
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
const decide = createDecider(sampleConfig, calendar);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const types = (d: Decision) => (d.ok ? d.events.map((e) => e.type) : [`refused: ${d.refusal}`]);
const sends = (d: Decision) => (d.ok ? d.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : [])) : []);

function play(start: CaseEvent[], steps: [CaseCommand, string][]): CaseEvent[] {
  let events = start;
  for (const [command, at] of steps) {
    const d = decide(fold(events), command, new Date(at));
    if (!d.ok) throw new Error(`${command.type} refused: ${d.refusal}`);
    events = [...events, ...d.events];
  }
  return events;
}

const logReferral = (criteria: Partial<ReferralDetails>): CaseCommand => ({
  type: 'LogReferral',
  actor: as(PEOPLE.business),
  referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: T.aware, harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL, abuseOrNeglect: 'suspected', ...criteria },
});

describe('item 6: the referral records the criteria; a looked-after child\'s or care leaver\'s death prompts the Secretary of State and Ofsted notification', () => {
  const SEED_CRITERIA = 'Where a local authority in England knows or suspects that a child has been abused or neglected, the local authority must notify the Child Safeguarding Practice Review Panel if:';
  const SEED_LAC = 'The local authority must also notify the Secretary of State and Ofsted where a Looked After Child has died, whether or not abuse or neglect is known or suspected.';
  const SEED_CARE_LEAVER = 'The death of a care leaver does not require a rapid review or local child safeguarding practice review';
  const SEED_UNDER_18 = 'In the event that the deceased care leaver was under the age of 18, safeguarding partners must consider whether the criteria for a serious incident has been met and respond accordingly.';

  const LA = [PEOPLE.director, PEOPLE.laDeputy].map((p) => `statutoryNotificationRequest -> ${p.aadObjectId}`);
  const VIEW = [PEOPLE.chair, PEOPLE.director].map((p) => `initialViewRequest -> ${p.aadObjectId}`);
  const rows: [string, string, Partial<ReferralDetails>, string[], string[], string | undefined][] = [
    // [name, seed line, criteria, events, cards sent, stage]
    ['a looked-after child has died, abuse or neglect neither known nor suspected: the LA is still prompted', SEED_LAC, { harm: 'death', lookedAfter: true, abuseOrNeglect: 'neither' }, ['ReferralLogged'], [...LA, ...VIEW], 'awaitingInitialView'],
    ['a looked-after child seriously harmed (not died): no prompt', SEED_LAC, { harm: 'seriousHarm', lookedAfter: true, abuseOrNeglect: 'known' }, ['ReferralLogged'], VIEW, 'awaitingInitialView'],
    ['a death, not looked after, abuse suspected: the decision only', SEED_CRITERIA, { harm: 'death', abuseOrNeglect: 'suspected' }, ['ReferralLogged'], VIEW, 'awaitingInitialView'],
    ['a care leaver aged 18 to 24 has died: the prompt, no initial view, closed at once', SEED_CARE_LEAVER, { harm: 'death', careLeaver: 'aged18to24', abuseOrNeglect: 'neither' }, ['ReferralLogged', 'CareLeaverDeathLogged'], LA, 'closed'],
    ['a care leaver under 18 has died: the prompt, and the decision runs as usual', SEED_UNDER_18, { harm: 'death', careLeaver: 'under18', abuseOrNeglect: 'known' }, ['ReferralLogged'], [...LA, ...VIEW], 'awaitingInitialView'],
    ['a care leaver aged 18 to 24 seriously harmed is not logged', SEED_CARE_LEAVER, { harm: 'seriousHarm', careLeaver: 'aged18to24' }, ['refused: A care leaver aged 18 to 24 is logged only on their death (Section D); serious harm to an adult is not a serious incident notification.'], [], undefined],
    ['looked after and a care leaver at once is refused', SEED_CARE_LEAVER, { harm: 'death', lookedAfter: true, careLeaver: 'under18' }, ['refused: A care leaver is no longer looked after: answer one or the other.'], [], undefined],
  ];
  it.each(rows)('%s ("%s")', (_name, seed, criteria, events, cards, stage) => {
    expect(seed.length).toBeGreaterThan(0);
    const d = decide(undefined, logReferral(criteria), new Date(T.logged));
    expect(types(d)).toEqual(events);
    expect(sends(d).sort()).toEqual([...cards].sort());
    if (d.ok) {
      const state = fold(d.events)!;
      expect(state.stage).toBe(stage);
      // Recorded as asked, and shown on the cards with the other facts (never anything identifying).
      expect(state.referral.abuseOrNeglect).toBe(criteria.abuseOrNeglect);
      // The procedure sets no deadline for the Secretary of State and Ofsted: nothing is scheduled for it.
      expect(pendingDeadlines(state, calendar, sampleConfig.workingHours).every((at) => at.getTime() !== Date.parse(T.logged))).toBe(true);
    }
  });

  it('the criteria are on the referral\'s cards and in its history; an older referral without them still folds', () => {
    const events = play([], [[logReferral({ abuseOrNeglect: 'known', careLeaver: 'under18', harm: 'death' }), T.logged]]);
    const text = cardText(caseCard({ kind: 'initialViewRequest' }, { state: stateOf(events), config: sampleConfig, now: new Date(T.logged), recipient: { kind: 'conversation', target: 'monitoring' } }));
    expect(text).toContain('Abuse or neglect is known');
    expect(text).toContain('A care leaver under 18');
    expect(timeline(events)[0]!.what).toContain('Abuse or neglect is known; a care leaver under 18.');
    // EV.logged() is a ReferralLogged as stored before the form asked: no criteria, no care leaver.
    const old = stateOf([EV.logged()]);
    expect(old.referral.abuseOrNeglect).toBeUndefined();
    expect(old.stage).toBe('awaitingInitialView');
    expect(caseSummary(old, CASE_REF, T.logged, sampleConfig, calendar, new Date(T.logged)).waitingFor).not.toContainEqual(expect.stringContaining('Secretary of State'));
  });

  const lacDeath = () => play([], [[logReferral({ harm: 'death', lookedAfter: true, abuseOrNeglect: 'neither' }), T.logged]]);
  const record = (who: Person, sentAt: string): CaseCommand => ({ type: 'RecordStatutoryNotification', actor: as(who), sentAt });
  const recordRows: [string, () => CaseEvent[], CaseCommand, string, string[]][] = [
    ["the local authority's deputy records it", lacDeath, record(PEOPLE.laDeputy, '2026-06-08T13:00:00.000Z'), '2026-06-08T13:30:00.000Z', ['StatutoryNotificationRecorded']],
    // "whatever the decision": after a decision not to notify and the case closed.
    ['after the case closed on no further action', () => play(lacDeath(), [[{ type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Natural causes; criteria not met.' }, T.viewGiven], [{ type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, T.viewGiven], [{ type: 'RecordPartnerCardPosted', postedAt: T.viewGiven }, T.viewGiven], [{ type: 'Tick' }, T.windowSwept], [{ type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'noFurtherAction', rationale: 'Nothing to learn.' }, T.nextStepChosen]]), record(PEOPLE.director, '2026-06-10T13:00:00.000Z'), '2026-06-10T13:30:00.000Z', ['StatutoryNotificationRecorded']],
    ['the police cannot record it', lacDeath, record(PEOPLE.police, '2026-06-08T13:00:00.000Z'), '2026-06-08T13:30:00.000Z', ["refused: Only the local authority's representative or a deputy can record the notification to the Secretary of State and Ofsted."]],
    ['not in the future', lacDeath, record(PEOPLE.director, '2026-06-08T14:00:00.000Z'), '2026-06-08T13:30:00.000Z', ['refused: The time the notification was sent cannot be in the future.']],
    ['not on a case that needs none', () => SCENES.awaitingInitialView(), record(PEOPLE.director, '2026-06-08T13:00:00.000Z'), '2026-06-08T13:30:00.000Z', [`refused: Case ${CASE_REF} needs no notification to the Secretary of State and Ofsted: that is for the death of a looked-after child or a care leaver.`]],
    ['not twice', () => SCENES.lookedAfterDeathNotified(), record(PEOPLE.director, '2026-06-08T13:00:00.000Z'), '2026-06-08T14:30:00.000Z', ['refused: The notification to the Secretary of State and Ofsted was already recorded by Lee Deputy.']],
  ];
  it.each(recordRows)(`recording it (seed: "${SEED_LAC}"): %s`, (_name, events, command, at, expected) => {
    expect(types(decide(fold(events()), command, new Date(at)))).toEqual(expected);
  });

  it('the tab waits for the notification, with no deadline, until it is recorded; the year counts care leavers\' deaths', () => {
    const adult = stateOf(SCENES.careLeaverDeath());
    const s = caseSummary(adult, CASE_REF, T.logged, sampleConfig, calendar, new Date('2026-07-01T12:00:00Z'));
    expect(s).toMatchObject({ stage: 'closed', stageLabel: 'Closed: the death of a care leaver aged 18 to 24 (no rapid review)', status: 'green' });
    expect(s.waitingFor).toEqual(['Dana Director (local authority representative, to notify the Secretary of State and Ofsted)']);
    expect(s.nextDeadline).toBeUndefined();
    const card = cardText(caseCard({ kind: 'statutoryNotificationRequest' }, { state: adult, config: sampleConfig, now: new Date(T.logged), recipient: { kind: 'person', aadObjectId: PEOPLE.director.aadObjectId } }));
    expect(card).toContain('The procedure sets no deadline for this notification.');
    expect(card).not.toMatch(/\bby \*\*/);
    const notified = stateOf(SCENES.lookedAfterDeathNotified());
    expect(caseSummary(notified, CASE_REF, T.logged, sampleConfig, calendar, new Date(T.logged)).waitingFor).not.toContainEqual(expect.stringContaining('Secretary of State'));
    const year = yearFigures([SCENES.careLeaverDeath(), SCENES.lookedAfterDeath(), play([], [[logReferral({ harm: 'death', careLeaver: 'under18' }), T.logged]])], reportingYear(new Date(T.logged), 4), calendar);
    // Both care leavers' deaths are counted; only the under-18's and the looked-after child's are serious incident referrals.
    expect(year).toMatchObject({ careLeaverDeaths: 2, referrals: 2 });
  });
});

describe('item 7: the exceptional decision not to hold a rapid review', () => {
  const SEED =
    'Please note, any decision not to undertake a rapid review following a serious incident notification must be notified to the Child Safeguarding Practice Review Panel with the rationale for the decision, as agreed by the safeguarding partners with oversight of the Isle of Wight Safeguarding Children Partnership Independent Scrutineer.';
  const notHold = (who: Person, partnersAgreed = true, scrutineerOversight = true, rationale = NO_RAPID_REVIEW_RATIONALE): CaseCommand => ({ type: 'RecordNoRapidReview', actor: as(who), partnersAgreed, scrutineerOversight, rationale });
  const at = '2026-06-12T10:00:00.000Z';
  const rows: [string, () => CaseEvent[], CaseCommand, string[], string[]][] = [
    ['the business unit records it: the case closes; the monitoring channel and the scrutineer are sent it', () => SCENES.reviewSetUp(), notHold(PEOPLE.business), ['NoRapidReviewAgreed'], ['noRapidReview -> monitoring', `noRapidReview -> ${PEOPLE.scrutineer.aadObjectId}`]],
    ['before the review is set up too', () => SCENES.reviewOpened(), notHold(PEOPLE.business), ['NoRapidReviewAgreed'], ['noRapidReview -> monitoring', `noRapidReview -> ${PEOPLE.scrutineer.aadObjectId}`]],
    ["without the partners' agreement: refused", () => SCENES.reviewSetUp(), notHold(PEOPLE.business, false), ["refused: A decision not to hold a rapid review needs the safeguarding partners' agreement, under the independent scrutineer's oversight: confirm both."], []],
    ["without the scrutineer's oversight: refused", () => SCENES.reviewSetUp(), notHold(PEOPLE.business, true, false), ["refused: A decision not to hold a rapid review needs the safeguarding partners' agreement, under the independent scrutineer's oversight: confirm both."], []],
    ['without a rationale: refused', () => SCENES.reviewSetUp(), notHold(PEOPLE.business, true, true, '  '), ['refused: Please give a rationale.'], []],
    ['by the review group chair: refused', () => SCENES.reviewSetUp(), notHold(PEOPLE.chair), ["refused: Only the partnership's business unit can record a decision not to hold a rapid review."], []],
    ['once the review was completed: refused', () => SCENES.reviewCompletedOnTime(), notHold(PEOPLE.business), [`refused: The rapid review on ${CASE_REF} was completed on 15:00 on Tuesday 30 June.`], []],
  ];
  it.each(rows)(`${'%s'} (seed: "${SEED}")`, (_name, events, command, expected, cards) => {
    const d = decide(fold(events()), command, new Date(at));
    expect(types(d)).toEqual(expected);
    expect(sends(d).sort()).toEqual([...cards].sort());
  });

  it('once recorded: no chasers, papers or returns; the tab shows it closed, waiting for the Panel to be told; then closed', () => {
    const events = SCENES.noRapidReviewAgreed();
    const state = stateOf(events);
    expect(state.stage).toBe('closed');
    // The scoping chasers, the papers prompt and the 15-day clock all stop.
    expect(pendingDeadlines(state, calendar, sampleConfig.workingHours)).toEqual([]);
    for (const when of [T.twoDaysBefore, T.firstOverdue, T.papersPrompted, '2026-07-02T12:00:00.000Z']) expect(types(decide(state, { type: 'Tick' }, new Date(when)))).toEqual([]);
    expect(types(decide(state, { type: 'RecordNoInvolvement', actor: as(PEOPLE.probationContact), agency: 'probation' }, new Date(T.noInvolvement)))[0]).toContain('The partners agreed not to hold a rapid review');
    // Long after the review would have been due, it is not red: the seed gives no deadline for telling the Panel.
    const waiting = caseSummary(state, CASE_REF, at, sampleConfig, calendar, new Date('2026-07-15T12:00:00Z'));
    expect(waiting).toMatchObject({ stage: 'closed', stageLabel: 'Closed: the partners agreed not to hold a rapid review', status: 'green', waitingFor: ['Business unit, to tell the Panel of the decision not to hold a rapid review'] });
    const card = cardText(caseCard({ kind: 'noRapidReview' }, { state, config: sampleConfig, now: new Date(at), recipient: { kind: 'conversation', target: 'monitoring' } }));
    expect(card).toContain('The procedure sets no deadline for it');
    expect(card).toContain(NO_RAPID_REVIEW_RATIONALE);

    const told = (sentAt: string, who: Person = PEOPLE.business): CaseCommand => ({ type: 'RecordNoRapidReviewPanelTold', actor: as(who), sentAt });
    expect(types(decide(state, told('2026-06-09T12:00:00.000Z'), new Date('2026-06-12T13:30:00.000Z')))).toEqual(['refused: The time the Panel was told is before the serious incident notification; please check it.']);
    expect(types(decide(state, told('2026-06-12T13:00:00.000Z', PEOPLE.police), new Date('2026-06-12T13:30:00.000Z')))).toEqual(["refused: Only the partnership's business unit can record that the Panel was told."]);
    const done = stateOf(SCENES.noRapidReviewPanelTold());
    expect(caseSummary(done, CASE_REF, at, sampleConfig, calendar, new Date('2026-07-15T12:00:00Z'))).toMatchObject({ status: 'closed', waitingFor: [] });
    expect(types(decide(done, told('2026-06-12T13:00:00.000Z'), new Date('2026-06-12T14:00:00.000Z')))).toEqual(['refused: That the Panel was told was already recorded by Billie Business.']);
    expect(timeline(SCENES.noRapidReviewPanelTold()).slice(-2).map((r) => r.what)).toEqual([
      "Recorded the safeguarding partners' agreement, under the independent scrutineer's oversight, not to hold a rapid review; the case is closed.",
      'Recorded that the Panel was told of the decision not to hold a rapid review, with its rationale, at 14:00 on Friday 12 June 2026.',
    ]);
    expect(yearFigures([SCENES.noRapidReviewPanelTold()], reportingYear(new Date(at), 4), calendar).rapidReviews).toEqual({ completed: 0, onTime: 0, notHeld: 1 });
  });
});

describe('item 13: the strategic partnership manager is told of every notify decision', () => {
  const SEED =
    'Where safeguarding partners agree a serious incident notification should be made, they will ensure that the serious incident notification is reported locally to the Isle of Wight Safeguarding Children Partnership Independent Scrutineer and Strategic Partnership Manager **within five working days**.';
  it.each([
    ['with the manager, the configuration is valid', true, true],
    ['without the manager, the configuration is refused at start-up', false, false],
  ])(`%s (seed: "${SEED}")`, (_name, withManager, valid) => {
    const { strategicPartnershipManager, ...rest } = sampleConfig;
    const parsed = PartnershipFileSchema.safeParse(withManager ? { ...rest, strategicPartnershipManager } : rest);
    expect(parsed.success).toBe(valid);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain('strategicPartnershipManager');
  });

  it.each([
    ['a decision to notify (deemed agreement)', () => SCENES.policeAgreed(), T.windowSwept, true],
    ['a decision to notify at the decision maker', () => SCENES.decisionMeetingBooked(), T.finalDecision, true],
  ])(`%s is sent to the manager at once, well within 5 working days (seed: "${SEED}")`, (_name, events, at, _notify) => {
    const command: CaseCommand = at === T.finalDecision ? { type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: 'notify', rationale: 'Criteria met.', scrutineerAttended: true } : { type: 'Tick' };
    const d = decide(fold(events()), command, new Date(at));
    expect(sends(d)).toContain(`decisionRecorded -> ${PEOPLE.manager.aadObjectId}`);
    expect(sends(d)).toContain(`decisionRecorded -> ${PEOPLE.scrutineer.aadObjectId}`);
  });
});

describe('item 14: timeliness is measured from awareness to notification', () => {
  const SEED =
    "The duty to notify serious incidents to the Child Safeguarding Practice Review Panel rests with the local authority and they should do so **within five working days** of becoming aware that the incident has occurred.";
  const bot = { aadObjectId: 'aad-x', displayName: 'X', role: 'business unit' };
  const notifiedCase = (ref: string, awareAt: string, loggedAt: string, decidedAt: string, sentAt: string): CaseEvent[] => [
    {
      type: 'ReferralLogged',
      at: loggedAt,
      by: bot,
      referral: { caseRef: ref, referringAgency: 'Police', awareAt, harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL, abuseOrNeglect: 'suspected' },
      initialViewDueAt: loggedAt,
      panelNotificationDueAt: calendar.addWorkingDays(new Date(awareAt), 5).toISOString(),
    },
    { type: 'DecisionReached', at: decidedAt, decision: 'notify', basis: 'partnersAgreed' },
    { type: 'PanelNotificationConfirmed', at: sentAt, by: bot, sentAt, panelReference: 'P-1' },
  ];
  // [name, aware, logged, decided, sent, working days aware to notified, on time]
  const rows: [string, string, string, string, string, number, boolean][] = [
    // Referred two days after awareness and notified two working days after the decision: 4 from awareness.
    ['aware Mon 09:00, referred Wed, notified Fri 09:00: 4 working days, on time', '2026-06-01T08:00:00.000Z', '2026-06-03T08:00:00.000Z', '2026-06-04T08:00:00.000Z', '2026-06-05T08:00:00.000Z', 4, true],
    // Referral to decision was 1 working day; the statutory clock had run 6.
    // Due 17:00 Friday 5 June.
    ['aware Mon 09:00, referred the next Friday, notified Tue 09:00: 6 working days, late', '2026-06-01T08:00:00.000Z', '2026-06-05T08:00:00.000Z', '2026-06-08T08:00:00.000Z', '2026-06-09T08:00:00.000Z', 6, false],
    ['aware Wed 13:00, notified exactly 5 working days later: on time', '2026-06-03T12:00:00.000Z', '2026-06-03T13:00:00.000Z', '2026-06-04T13:00:00.000Z', '2026-06-10T12:00:00.000Z', 5, true],
  ];
  it.each(rows)(`%s (seed: "${SEED}")`, (name, aware, logged, decided, sent, days, onTime) => {
    const f = yearFigures([notifiedCase(name, aware, logged, decided, sent)], reportingYear(new Date(sent), 4), calendar);
    expect(f.medianWorkingDaysAwarenessToNotification).toBe(days);
    expect(f.notificationsOnTime).toBe(onTime ? 1 : 0);
  });
  it('the year: the median of 4, 6 and 5 is 5; 2 of 3 on time', () => {
    const f = yearFigures(rows.map(([name, aware, logged, decided, sent]) => notifiedCase(name, aware, logged, decided, sent)), reportingYear(new Date('2026-06-10T12:00:00Z'), 4), calendar);
    expect(f).toMatchObject({ notifications: 3, notificationsOnTime: 2, medianWorkingDaysAwarenessToNotification: 5 });
    expect(f).not.toHaveProperty('medianWorkingDaysToDecision');
  });

  it("the tab's clock for the Panel notification runs from awareness: amber with less than half of the 5 working days left, though the decision was just made", () => {
    // Aware 09:00 Monday 1 June, due 17:00 Friday 5 June (5 working days); the decision is reached at 09:00 Thursday 4 June.
    const agree = (p: Person): [CaseCommand, string] => [{ type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Criteria met.' }, '2026-06-04T08:00:00.000Z'];
    const events = play([], [
      [{ ...logReferral({}), referral: { ...(logReferral({}) as Extract<CaseCommand, { type: 'LogReferral' }>).referral, awareAt: '2026-06-01T08:00:00.000Z' } } as CaseCommand, '2026-06-03T08:00:00.000Z'],
      [{ type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Criteria met.' }, '2026-06-03T09:00:00.000Z'],
      // The joint view (002 step 3): the director concurs and, as the local authority's representative, agrees as co-author.
      [{ type: 'ConcurInitialView', actor: as(PEOPLE.director) }, '2026-06-03T09:00:00.000Z'],
      [{ type: 'RecordPartnerCardPosted', postedAt: '2026-06-03T09:00:00.000Z' }, '2026-06-03T09:00:00.000Z'],
      agree(PEOPLE.police),
      agree(PEOPLE.health),
    ]);
    const state: CaseState = stateOf(events);
    expect(state.stage).toBe('awaitingPanelNotification');
    const s = caseSummary(state, CASE_REF, '2026-06-04T08:00:00.000Z', sampleConfig, calendar, new Date('2026-06-04T09:00:00.000Z'));
    expect(s.nextDeadline).toMatchObject({ about: 'Panel notification', dueAt: '2026-06-05T16:00:00.000Z' });
    // At 10:00 Thursday: from the decision 15 of 16 working hours are left (green); from awareness, 15 of 40 (amber).
    expect(s.status).toBe('amber');
  });
});
