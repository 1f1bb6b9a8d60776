import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import { pendingDeadlines } from '../../workflow/deadlines.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { commandRunner } from '../support/runCommands.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';

/**
 * Disputes (DOMAIN steps 5-6, Isle of Wight Section E 8.1): the partners' meeting within 1 WD,
 * then in exceptional cases the decision maker's meeting within 1 WD and a final decision.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const tick: CaseCommand = { type: 'Tick' };
const types = (d: Decision) => (d.ok ? d.events.map((e) => e.type) : [`refused: ${d.refusal}`]);
const sends = (d: Decision) => (d.ok ? d.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : e.type === 'refreshCards' ? [] : [`${e.type} ${e.stage}`])) : []);

const runner = (config: PartnershipFile = sampleConfig) => commandRunner(createDecider(config, calendar));
const run = runner();

// Tuesday 5 May 2026: logged 10:00 BST, view 15:00 BST and posted; police disagree; window closes Wednesday 15:00 BST.
const WINDOW_CLOSES = '2026-05-06T14:00:00.000Z';
const MEETING_DUE = '2026-05-07T14:00:00.000Z'; // 1 WD after the window closed
const inDispute = () =>
  run([
    [{ type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, '2026-05-05T09:00:00.000Z'],
    [{ type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, '2026-05-05T14:00:00.000Z'],
    [{ type: 'ConcurInitialView', actor: as(PEOPLE.director) }, '2026-05-05T14:00:00.000Z'],
    [{ type: 'RecordPartnerCardPosted', postedAt: '2026-05-05T14:00:00.000Z' }, '2026-05-05T14:00:00.000Z'],
    [{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met on what we know.' }, '2026-05-05T15:00:00.000Z'],
    [tick, WINDOW_CLOSES],
  ]);

const booked = (stage: 1 | 2, start: string): CaseCommand => ({
  type: 'RecordMeetingBooked',
  stage,
  start,
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  eventId: `event-${stage}`,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  attendees: [{ name: 'Pat Police', email: 'police@partnership.example.org', required: true, free: false }],
});
const outcome = (by: Person, o: 'agreed' | 'notResolved', decision?: 'notify' | 'doNotNotify', rationale = 'Discussed at the meeting.'): CaseCommand => ({
  type: 'RecordMeetingOutcome',
  actor: as(by),
  outcome: o,
  rationale,
  ...(decision ? { decision } : {}),
});
const final = (by: Person, decision: 'notify' | 'doNotNotify', scrutineerAttended: boolean, rationale = 'On the information known now, the criteria are met.'): CaseCommand => ({
  type: 'RecordFinalDecision',
  actor: as(by),
  decision,
  rationale,
  scrutineerAttended,
});

describe('stage 1: the partners\' meeting', () => {
  it('opens with a meeting to book and the chair asked (1:1) to record its outcome by 1 WD after the window closed', () => {
    const { last, state } = inDispute();
    expect(types(last)).toContain('DisputeOpened');
    expect(state.dispute).toMatchObject({ stage: 1, meetingDueAt: MEETING_DUE });
    expect(sends(last)).toEqual([`disputeOpened -> monitoring`, 'bookMeeting 1', `meetingOutcomeRequest -> ${PEOPLE.chair.aadObjectId}`]);
    expect(pendingDeadlines(state, calendar, sampleConfig.workingHours).map((d) => d.toISOString())).toEqual([MEETING_DUE]);
  });

  it('records a booked meeting once and posts it in the decision and monitoring channels', () => {
    const { decisions } = run([[booked(1, '2026-05-07T08:00:00.000Z'), WINDOW_CLOSES], [booked(1, '2026-05-07T08:00:00.000Z'), WINDOW_CLOSES]], inDispute().events);
    expect(decisions.map(types)).toEqual([['MeetingBooked'], []]);
    expect(sends(decisions[0]!)).toEqual(['meetingBooked -> decision', 'meetingBooked -> monitoring']);
  });

  it('when Graph cannot book it, asks the business unit to arrange it by the deadline, and records what they arranged', () => {
    const { decisions, state } = run(
      [
        [{ type: 'RecordMeetingBookingFailed', stage: 1, reason: 'Microsoft Graph is not configured for this partnership, so the bot cannot book meetings' }, WINDOW_CLOSES],
        [{ type: 'ArrangeMeeting', actor: as(PEOPLE.police), stage: 1, start: '2026-05-07T09:00:00.000Z' }, '2026-05-06T14:10:00.000Z'],
        [{ type: 'ArrangeMeeting', actor: as(PEOPLE.business), stage: 1, start: '2026-05-07T09:00:00.000Z', joinUrl: 'javascript:alert(1)' }, '2026-05-06T14:10:00.000Z'],
        [{ type: 'ArrangeMeeting', actor: as(PEOPLE.business), stage: 1, start: '2026-05-07T09:00:00.000Z', joinUrl: 'https://teams.microsoft.com/l/meetup-join/xyz' }, '2026-05-06T14:10:00.000Z'],
        [{ type: 'ArrangeMeeting', actor: as(PEOPLE.business), stage: 1, start: '2026-05-07T10:00:00.000Z' }, '2026-05-06T14:20:00.000Z'],
      ],
      inDispute().events,
    );
    expect(decisions.map(types)).toEqual([
      ['MeetingBookingFailed'],
      ["refused: Only the partnership's business unit can record a meeting it arranged."],
      ['refused: The join link must be a meeting link starting https://.'],
      ['MeetingBooked'],
      ['refused: This meeting is already arranged by Billie Business, for 10:00 on Thursday 7 May.'],
    ]);
    expect(sends(decisions[0]!)).toEqual(['arrangeMeetingRequest -> monitoring']);
    expect(state.dispute?.bookingFailed[1]?.arrangeBy).toBe(MEETING_DUE);
    expect(state.dispute?.meetings[1]).toMatchObject({ start: '2026-05-07T09:00:00.000Z', end: '2026-05-07T09:30:00.000Z', arrangedBy: { displayName: 'Billie Business' } });
  });

  it('cancels the booked meeting (through Graph) when the partners come to agree before it', () => {
    const { last, state } = run(
      [
        [booked(1, '2026-05-07T08:00:00.000Z'), WINDOW_CLOSES],
        [{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Persuaded by the health view.' }, '2026-05-06T15:00:00.000Z'],
      ],
      inDispute().events,
    );
    expect(types(last)).toEqual(['PartnerReplied', 'DecisionReached', 'MeetingCancelled']);
    expect(sends(last)).toContain('cancelMeeting 1');
    expect(sends(last)).toContain('meetingCancelled -> decision');
    expect(sends(last)).toContain('meetingCancelled -> monitoring');
    expect(state.dispute?.meetings[1]?.cancelled?.reason).toContain('all agree');
  });

  it.each([
    ['someone other than the review group chair', outcome(PEOPLE.director, 'notResolved'), "Only the review group chair can record the partners' meeting's outcome."],
    ['an outcome with no rationale', outcome(PEOPLE.chair, 'notResolved', undefined, ' '), 'Please give a rationale.'],
    ['"agreed" without saying what', outcome(PEOPLE.chair, 'agreed'), 'Say what the partners agreed: notify or do not notify.'],
  ])('refuses %s', (_s, command, message) => {
    const { last } = run([[command, '2026-05-07T10:00:00.000Z']], inDispute().events);
    expect(types(last)).toEqual([`refused: ${message}`]);
  });

  it('an agreement at the meeting is the decision, with the usual outcomes', () => {
    const { last, state } = run([[outcome(PEOPLE.chair, 'agreed', 'doNotNotify', 'Agreed after discussion: criteria not met.'), '2026-05-07T10:00:00.000Z']], inDispute().events);
    expect(types(last)).toEqual(['MeetingOutcomeRecorded', 'DecisionReached']);
    expect(state.decision).toMatchObject({ decision: 'doNotNotify', basis: 'meetingAgreed', by: { displayName: 'Casey Chair' } });
    expect(sends(last)).toContain(`nextStepRequest -> ${PEOPLE.chair.aadObjectId}`);
  });
});

describe('stage 2: the decision maker', () => {
  const escalated = () => run([[outcome(PEOPLE.chair, 'notResolved'), '2026-05-07T10:00:00.000Z']], inDispute().events);

  it('"not resolved" escalates: a decision meeting to book, and the decision maker asked for a final decision within 1 WD', () => {
    const { last, state } = escalated();
    expect(types(last)).toEqual(['MeetingOutcomeRecorded', 'DisputeEscalated']);
    expect(state.dispute?.escalated).toEqual({ at: '2026-05-07T10:00:00.000Z', reason: 'notResolved', decisionDueAt: '2026-05-08T10:00:00.000Z' });
    expect(sends(last)).toEqual(['disputeEscalated -> monitoring', 'bookMeeting 2', `finalDecisionRequest -> ${PEOPLE.partnershipChair.aadObjectId}`]);
  });

  it('never escalates on its own when the outcome is not recorded by the deadline: it chases the chair and the business unit and tells the monitoring channel, once', () => {
    const { decisions, state } = run([[tick, '2026-05-07T13:59:00.000Z'], [tick, MEETING_DUE], [tick, '2026-05-07T14:05:00.000Z']], inDispute().events);
    expect(decisions.map(types)).toEqual([[], ['OverdueRaised', 'ReminderSent'], []]);
    expect(state.dispute).toMatchObject({ stage: 1 });
    expect(state.dispute?.escalated).toBeUndefined();
    expect(sends(decisions[1]!)).toContain('overdue -> monitoring');
  });

  it('takes the final decision only from the configured decision maker; a scrutineer who did not attend is sent the record', () => {
    const { decisions, state } = run(
      [
        [final(PEOPLE.chair, 'notify', false), '2026-05-08T09:00:00.000Z'],
        [final(PEOPLE.partnershipChair, 'notify', false), '2026-05-08T09:00:00.000Z'],
      ],
      escalated().events,
    );
    expect(types(decisions[0]!)).toEqual(["refused: Only the partnership's final decision maker (Morgan Partnership) can record the final decision."]);
    expect(types(decisions[1]!)).toEqual(['DecisionReached']);
    expect(state.decision).toMatchObject({ basis: 'finalDecision', scrutineerAttended: false, by: { displayName: 'Morgan Partnership', role: 'partnership chair' } });
    expect(sends(decisions[1]!)).toContain(`scrutineerReview -> ${PEOPLE.scrutineer.aadObjectId}`);
    expect(sends(decisions[1]!)).toContain(`panelNotificationRequest -> ${PEOPLE.director.aadObjectId}`);
  });

  it('sends no review when the scrutineer attended', () => {
    const { last } = run([[final(PEOPLE.partnershipChair, 'doNotNotify', true), '2026-05-08T09:00:00.000Z']], escalated().events);
    expect(sends(last).some((s) => s.startsWith('scrutineerReview'))).toBe(false);
  });

  it('raises an overdue final decision in the monitoring channel once; it is never made for anyone', () => {
    const { decisions, state } = run([[tick, '2026-05-08T10:00:00.000Z'], [tick, '2026-05-08T11:00:00.000Z']], escalated().events);
    expect(decisions.map(types)).toEqual([['OverdueRaised'], []]);
    expect(state.decision).toBeUndefined();
    expect(pendingDeadlines(state, calendar, sampleConfig.workingHours)).toEqual([]);
  });

  it('"The IOWSCP Partnership Chair will make the final decision regarding notification" (002 8.1): the scrutineer mediates, even where they settle review disputes (Brighton & Hove)', () => {
    const brighton = PartnershipFileSchema.parse({ ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' });
    const runB = runner(brighton);
    const start = inDispute().events;
    const { decisions } = runB([[outcome(PEOPLE.chair, 'notResolved'), '2026-05-07T10:00:00.000Z'], [final(PEOPLE.scrutineer, 'notify', true), '2026-05-08T09:00:00.000Z'], [final(PEOPLE.partnershipChair, 'notify', true), '2026-05-08T09:00:00.000Z']], start);
    expect(sends(decisions[0]!)).toContain(`finalDecisionRequest -> ${PEOPLE.partnershipChair.aadObjectId}`);
    expect(sends(decisions[0]!)).not.toContain(`finalDecisionRequest -> ${PEOPLE.scrutineer.aadObjectId}`);
    expect(types(decisions[1]!)[0]).toContain('Only the partnership\'s final decision maker (Morgan Partnership)');
    expect(types(decisions[2]!)).toEqual(['DecisionReached']);
  });

  it('lets the partnership chair re-open a final decision with a reason (002 8.1); a reversal before the Panel was notified takes the new path; both decisions are in the history', () => {
    const decided = run([[final(PEOPLE.partnershipChair, 'notify', true), '2026-05-08T09:00:00.000Z']], escalated().events).events;
    const { decisions, state, events } = run(
      [
        [{ type: 'ReopenDecision', actor: as(PEOPLE.chair), reason: 'New information.' }, '2026-05-11T09:00:00.000Z'],
        [{ type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: '' }, '2026-05-11T09:00:00.000Z'],
        [{ type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: 'Post-mortem findings received.' }, '2026-05-11T09:00:00.000Z'],
        [final(PEOPLE.partnershipChair, 'doNotNotify', true, 'On the new findings the criteria are not met.'), '2026-05-11T12:00:00.000Z'],
      ],
      decided,
    );
    expect(decisions.map(types)).toEqual([
      ['refused: Only the business unit or the partnership chair (Morgan Partnership) can re-open a final decision on new information.'],
      ['refused: Please give a reason.'],
      ['DecisionReopened'],
      ['DecisionReached'],
    ]);
    expect(state).toMatchObject({ stage: 'awaitingNextStep', decision: { decision: 'doNotNotify', basis: 'finalDecision' } });
    expect(events.filter((e) => e.type === 'DecisionReached').map((e) => (e.type === 'DecisionReached' ? e.decision : ''))).toEqual(['notify', 'doNotNotify']);
  });

  it('does not re-open a decision the partners reached themselves', () => {
    const agreedAtMeeting = run([[outcome(PEOPLE.chair, 'agreed', 'notify'), '2026-05-07T10:00:00.000Z']], inDispute().events).events;
    const { last } = run([[{ type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: 'New information.' }, '2026-05-08T09:00:00.000Z']], agreedAtMeeting);
    expect(types(last)).toEqual([`refused: There is no final decision on ${CASE_REF} to re-open.`]);
  });
});
