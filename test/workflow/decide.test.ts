import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import { pendingDeadlines } from '../../workflow/deadlines.js';
import { fold } from '../../workflow/state.js';
import type { Person } from '../../workflow/partnership.js';
import { commandRunner } from '../support/runCommands.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';

/**
 * The procedure of DOMAIN.md steps 1-5, as sentences over fixed instants. Each scenario runs
 * commands through decide() and folds the events, exactly as the service does.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
const decide = createDecider(sampleConfig, calendar);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

/** Runs commands in order; returns every decision and the final state. */
const run = commandRunner(decide);

const referral = (overrides: Partial<Extract<CaseCommand, { type: 'LogReferral' }>['referral']> = {}, by: Person = PEOPLE.business): CaseCommand => ({
  type: 'LogReferral',
  actor: as(by),
  referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-04-30T08:00:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL, ...overrides },
});
const view = (by: Person, v: 'notify' | 'doNotNotify' = 'notify', rationale = 'Serious harm with neglect suspected; criteria met.'): CaseCommand => ({ type: 'GiveInitialView', actor: as(by), view: v, rationale });
/** The view is the chair's and the director's together (002 Section B step 3): one gives it, the other concurs. */
const jointly = (command: CaseCommand, at: string): [CaseCommand, string][] => {
  const other = command.type === 'GiveInitialView' && command.actor.aadObjectId === PEOPLE.chair.aadObjectId ? PEOPLE.director : PEOPLE.chair;
  return [[command, at], [{ type: 'ConcurInitialView', actor: as(other) }, at]];
};
/** Every reply carries a rationale (002 Section B step 4: "their response and rationale"). */
const AGREED = 'Agreed on what is known.';
const agree = (by: Person, comment: string = AGREED): CaseCommand => ({ type: 'ReplyAsPartner', actor: as(by), reply: 'agree', rationale: comment });
const disagree = (by: Person, rationale = 'We do not suspect abuse or neglect on what we know.'): CaseCommand => ({ type: 'ReplyAsPartner', actor: as(by), reply: 'disagree', rationale });
const tick: CaseCommand = { type: 'Tick' };
const posted = (iso: string): CaseCommand => ({ type: 'RecordPartnerCardPosted', postedAt: iso });
const types = (d: Decision) => (d.ok ? d.events.map((e) => e.type) : [`refused: ${d.refusal}`]);

// Friday 1 May 2026 16:30 BST; Monday 4 May is the Early May bank holiday.
const FRI_1630 = '2026-05-01T15:30:00.000Z';
const TUE_1630 = '2026-05-05T15:30:00.000Z';

describe('logging a referral', () => {
  it.each([
    ['Friday 16:30 before a bank holiday Monday: the initial view is due Tuesday 16:30', FRI_1630, TUE_1630],
    ['Saturday: received at the start of Monday, due at its close', '2026-05-09T10:00:00.000Z', '2026-05-11T16:00:00.000Z'],
    ['09:00 on a working day: due at 17:00 the same day', '2026-05-06T08:00:00.000Z', '2026-05-06T16:00:00.000Z'],
    ['Friday 16:00 GMT before the spring clock change: due Monday 16:00 BST', '2026-03-27T16:00:00.000Z', '2026-03-30T15:00:00.000Z'],
  ])('%s', (_sentence, loggedAt, due) => {
    const { last, state } = run([[referral({ awareAt: '2026-03-01T09:00:00.000Z' }), loggedAt]]);
    expect(types(last)).toEqual(['ReferralLogged']);
    expect(state.initialViewDueAt).toBe(due);
  });

  it('asks the review group chair and the children\'s services director for the initial view at once, 1:1', () => {
    const { last } = run([[referral(), FRI_1630]]);
    expect(last.ok && last.effects).toEqual([
      { type: 'send', key: `initialViewRequest:${PEOPLE.chair.aadObjectId}`, to: { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId }, card: { kind: 'initialViewRequest' }, tracked: true },
      { type: 'send', key: `initialViewRequest:${PEOPLE.director.aadObjectId}`, to: { kind: 'person', aadObjectId: PEOPLE.director.aadObjectId }, card: { kind: 'initialViewRequest' }, tracked: true },
    ]);
  });

  it('sets the Panel notification due 5 working days from when the partnership became aware (bank holiday skipped)', () => {
    // Aware Thursday 30 April 09:00 BST, so that day counts whole; Monday 4 May is a bank holiday:
    // Thu, Fri, Tue, Wed, Thu -> due at the close of Thursday 7 May (17:00 BST).
    const { state } = run([[referral(), FRI_1630]]);
    expect(state.panelNotificationDueAt).toBe('2026-05-07T16:00:00.000Z');
  });

  it.each([
    ['someone outside the business unit', referral({}, PEOPLE.police), "Only members of the partnership's business unit can log a referral."],
    ['a name instead of a case reference', referral({ caseRef: 'Jayden Smith' }), 'That is not a case reference'],
    ['an agency that is not configured', referral({ referringAgency: 'Someone' }), 'is not one of the partnership\'s referring agencies'],
    ['awareness in the future', referral({ awareAt: '2026-05-02T08:00:00.000Z' }), 'cannot be in the future'],
    ['a document outside the document store', referral({ documentUrl: 'https://evil.example.com/x' }), "into the partnership's document store"],
    ['a plain http link', referral({ documentUrl: 'http://documents.example.org/x' }), 'starting https://'],
    ['a document link whose file name carries a date of birth', referral({ documentUrl: 'https://documents.example.org/cases/Referral%20DOB%2004-03-2019.docx' }), 'The document link seems to contain a date of birth'],
    ['a name around a valid reference', referral({ caseRef: 'Jayden Smith RR-2026-014' }), 'That is not a case reference'],
    ['awareness more than six months before', referral({ awareAt: '2025-10-01T08:00:00.000Z' }), 'more than six months ago'],
  ])('refuses %s, with a reason and no events', (_s, command, message) => {
    const { last } = run([[command, FRI_1630]]);
    expect(last.ok).toBe(false);
    expect(!last.ok && last.refusal).toContain(message);
  });

  it('refuses a second referral with the same reference', () => {
    const { last } = run([[referral(), FRI_1630], [referral(), TUE_1630]]);
    expect(!last.ok && last.refusal).toContain(`Case ${CASE_REF} already exists`);
  });
});

describe('the initial view', () => {
  const logged = () => run([[referral(), '2026-05-05T09:00:00.000Z']]).events; // Tuesday 10:00 BST

  it('posts one card in the decision channel once the chair and director agree; the partners\' 1 working-day window starts when it is posted', () => {
    const { decisions, state } = run([...jointly(view(PEOPLE.chair), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:02.000Z'), '2026-05-05T14:00:03.000Z'], [posted('2026-05-05T15:00:00.000Z'), '2026-05-05T15:00:00.000Z']], logged());
    expect(decisions.map(types)).toEqual([['InitialViewProposed'], ['InitialViewGiven', 'PartnerReplied'], ['PartnerCardPosted'], []]);
    expect(state.initialView?.repliesDueAt).toBe('2026-05-06T14:00:02.000Z');
    expect(state.stage).toBe('awaitingPartnerReplies');
    expect(decisions[0]!.ok && decisions[0]!.effects.filter((e) => e.type === 'send')).toEqual([]);
    expect(decisions[1]!.ok && decisions[1]!.effects).toContainEqual({ type: 'send', key: 'partnerDecision', to: { kind: 'conversation', target: 'decision' }, card: { kind: 'partnerDecision' }, tracked: true });
  });

  it('deems nobody\'s agreement while the partners\' card has not been posted', () => {
    const { decisions } = run([...jointly(view(PEOPLE.chair), '2026-05-05T14:00:00.000Z'), [tick, '2026-05-08T14:00:00.000Z']], logged());
    expect(decisions.map(types)).toEqual([['InitialViewProposed'], ['InitialViewGiven', 'PartnerReplied'], []]);
  });

  it('records the agreement of the partner whose representative wrote it, as author, with the view\'s rationale', () => {
    const { last, state } = run(jointly(view(PEOPLE.director), '2026-05-05T14:00:00.000Z'), logged());
    expect(types(last)).toEqual(['InitialViewGiven', 'PartnerReplied']);
    expect(state.positions.localAuthority).toMatchObject({ status: 'agreed', asAuthorOfView: true, comment: 'Serious harm with neglect suspected; criteria met.' });
  });

  it.each([
    ['a partner representative who is neither chair nor director', view(PEOPLE.police), "Only the review group chair or the children's services director"],
    ['an empty rationale', view(PEOPLE.chair, 'notify', '   '), 'Please give a rationale'],
    ['a rationale over 2,000 characters', view(PEOPLE.chair, 'notify', 'x'.repeat(2001)), 'please keep it to 2000'],
    ['a rationale with a date of birth', view(PEOPLE.chair, 'notify', 'Child DOB 03/04/2019 was harmed'), 'a date of birth'],
    ['a rationale with a titled name', view(PEOPLE.chair, 'notify', 'Concerns raised by Mrs Hughes about neglect'), 'a name'],
    ['a rationale with a postcode', view(PEOPLE.chair, 'notify', 'Incident at PO30 1UD'), 'a postcode'],
  ])('refuses %s', (_s, command, message) => {
    const { last } = run([[command, '2026-05-05T14:00:00.000Z']], logged());
    expect(!last.ok && last.refusal).toContain(message);
  });

  it('refuses a second initial view and names who gave the first', () => {
    const { last } = run([...jointly(view(PEOPLE.chair), '2026-05-05T14:00:00.000Z'), [view(PEOPLE.director, 'doNotNotify'), '2026-05-05T14:05:00.000Z']], logged());
    expect(!last.ok && last.refusal).toContain('already given by Casey Chair');
  });
});

describe('partners\' replies and deemed agreement', () => {
  // View given Tuesday 5 May 15:00 BST by the chair; replies due Wednesday 6 May 15:00 BST.
  const viewGiven = () => run([[referral(), '2026-05-05T09:00:00.000Z'], ...jointly(view(PEOPLE.chair), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:00.000Z'), '2026-05-05T14:00:00.000Z']]).events;
  const DUE = '2026-05-06T14:00:00.000Z';

  // The director co-authored the view, so the local authority agreed as its author (the view's rationale is its own).
  it('the issue\'s scenario: one agrees (as co-author of the view), one disagrees then agrees, the third is silent; at the deadline the third is deemed and the decision recorded', () => {
    const { decisions, state } = run(
      [
        [disagree(PEOPLE.health), '2026-05-05T15:10:00.000Z'],
        [agree(PEOPLE.healthDeputy), '2026-05-06T08:00:00.000Z'],
        [tick, '2026-05-06T13:59:59.000Z'],
        [tick, DUE],
        [tick, '2026-05-06T14:01:00.000Z'],
      ],
      viewGiven(),
    );
    expect(decisions.map(types)).toEqual([['PartnerReplied'], ['PartnerReplied'], ['ReminderSent'], ['AgreementDeemed', 'DecisionReached'], []]);
    expect(state.positions.localAuthority).toMatchObject({ status: 'agreed', asAuthorOfView: true });
    expect(state.positions.police).toMatchObject({ status: 'deemed', at: DUE, windowClosedAt: DUE });
    expect(state.decision?.decision).toBe('notify');
    expect(state.stage).toBe('awaitingPanelNotification');
  });

  it('reminds only the partners who have not replied (representative and deputies), once, at half time', () => {
    const { last } = run([[agree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [tick, '2026-05-06T09:00:00.000Z']], viewGiven());
    // Half of 8 working hours from Tuesday 15:00: 2 h Tuesday + 2 h Wednesday = Wednesday 11:00 BST; 10:00 is too early.
    expect(types(last)).toEqual([]);
    const { last: later, decisions } = run([[agree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [tick, '2026-05-06T10:00:00.000Z'], [tick, '2026-05-06T10:30:00.000Z']], viewGiven());
    expect(types(decisions[1]!)).toEqual(['ReminderSent']);
    const reminder = decisions[1]!.ok ? decisions[1]!.events[0] : undefined;
    expect(reminder).toMatchObject({ about: 'partnerReply', to: [PEOPLE.health.aadObjectId, PEOPLE.healthDeputy.aadObjectId] });
    expect(types(later)).toEqual([]);
  });

  it('opens a dispute at once when all three have replied and one disagrees, with a 1 working-day meeting deadline', () => {
    const { last, state } = run([[agree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [agree(PEOPLE.director), '2026-05-05T15:05:00.000Z'], [disagree(PEOPLE.health), '2026-05-05T15:30:00.000Z']], viewGiven());
    expect(types(last)).toEqual(['PartnerReplied', 'DisputeOpened']);
    expect(state.stage).toBe('dispute');
    expect(state.dispute).toMatchObject({ disagreeing: ['health'], meetingDueAt: '2026-05-06T15:30:00.000Z' });
    expect(last.ok && last.effects).toContainEqual(expect.objectContaining({ to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'disputeOpened' } }));
  });

  it('opens a dispute when the window closes with a disagreement standing, deeming the silent partners; the meeting is due 1 WD from the close, even if the sweep was late', () => {
    const { last, state } = run([[disagree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [tick, '2026-05-07T09:00:00.000Z']], viewGiven());
    expect(types(last)).toEqual(['AgreementDeemed', 'DisputeOpened']);
    expect(state.dispute).toMatchObject({ disagreeing: ['police'], meetingDueAt: '2026-05-07T14:00:00.000Z' });
  });

  it('records the decision at once when all three agree before the deadline', () => {
    const { last } = run([[agree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [agree(PEOPLE.health), '2026-05-05T15:01:00.000Z']], viewGiven());
    expect(types(last)).toEqual(['PartnerReplied', 'DecisionReached']);
  });

  it('closes a dispute with a decision if the partners come to agree', () => {
    const { last, state } = run([[disagree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [tick, DUE], [agree(PEOPLE.police), '2026-05-06T15:00:00.000Z']], viewGiven());
    expect(types(last)).toEqual(['PartnerReplied', 'DecisionReached']);
    expect(state.stage).toBe('awaitingPanelNotification');
  });

  it('sends the decision to the monitoring channel, the scrutineer and the strategic partnership manager, and asks the local authority to notify the Panel', () => {
    const { last } = run([[tick, DUE]], viewGiven());
    const effects = last.ok ? last.effects : [];
    const sends = effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : []));
    expect(sends).toEqual([
      'decisionRecorded -> monitoring',
      `decisionRecorded -> ${PEOPLE.scrutineer.aadObjectId}`,
      `decisionRecorded -> ${PEOPLE.manager.aadObjectId}`,
      `panelNotificationRequest -> ${PEOPLE.director.aadObjectId}`,
      `panelNotificationRequest -> ${PEOPLE.laDeputy.aadObjectId}`,
    ]);
  });

  it('asks the review group chair for the next step after a "do not notify" decision', () => {
    const events = run([[referral(), '2026-05-05T09:00:00.000Z'], ...jointly(view(PEOPLE.chair, 'doNotNotify'), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:00.000Z'), '2026-05-05T14:00:00.000Z'], [tick, DUE]]);
    expect(events.state.stage).toBe('awaitingNextStep');
    expect(events.last.ok && events.last.effects).toContainEqual(expect.objectContaining({ card: { kind: 'nextStepRequest' }, to: { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId } }));
  });

  it.each([
    ['someone on no partner\'s roster', agree(PEOPLE.business), '2026-05-05T15:00:00.000Z', 'you are not on the partnership\'s roster for any partner'],
    ['an unknown person', agree({ aadObjectId: 'stranger', displayName: 'Stranger', email: 's@x.org' }), '2026-05-05T15:00:00.000Z', 'not on the partnership\'s roster'],
    ['a disagreement with no rationale', disagree(PEOPLE.police, ''), '2026-05-05T15:00:00.000Z', 'Please give a rationale'],
    ['a reply after the window closed', agree(PEOPLE.police), DUE, 'closed at 15:00 on Wednesday 6 May'],
  ])('refuses %s, with a reason and no events', (_s, command, when, message) => {
    const { last } = run([[command, when]], viewGiven());
    expect(last.ok).toBe(false);
    expect(!last.ok && last.refusal).toContain(message);
  });

  it('refuses a reply once the decision is recorded', () => {
    const { last } = run([[tick, DUE], [disagree(PEOPLE.police), '2026-05-06T15:00:00.000Z']], viewGiven());
    expect(!last.ok && last.refusal).toContain('replies are closed');
  });

  it('lets a partner change a reply until the window closes, and ignores a duplicate of the same reply', () => {
    const { decisions, state } = run([[disagree(PEOPLE.police), '2026-05-05T15:00:00.000Z'], [disagree(PEOPLE.police), '2026-05-05T15:00:01.000Z'], [agree(PEOPLE.policeDeputy, 'Changed after discussion.'), '2026-05-05T16:00:00.000Z']], viewGiven());
    expect(decisions.map(types)).toEqual([['PartnerReplied'], [], ['PartnerReplied']]);
    expect(state.positions.police).toMatchObject({ status: 'agreed', comment: 'Changed after discussion.', by: { displayName: 'Quinn Police', role: 'Police deputy' } });
  });

  it('refuses a click on an out-of-date card that would overwrite another person\'s reply for the same partner', () => {
    const start = viewGiven();
    const seen = fold(start)!.version; // the card as posted
    const { decisions, state } = run(
      [
        [disagree(PEOPLE.police, 'Not met on what we know.'), '2026-05-05T15:00:00.000Z'],
        [{ ...agree(PEOPLE.policeDeputy), seenVersion: seen } as CaseCommand, '2026-05-05T15:05:00.000Z'],
        // The card as it was updated after Pat's reply.
        [{ ...agree(PEOPLE.police, 'Changed my mind.'), seenVersion: seen + 1 } as CaseCommand, '2026-05-05T15:10:00.000Z'],
      ],
      start,
    );
    expect(types(decisions[1]!)).toEqual([
      "refused: Police's reply changed after this card was shown: Pat Police disagreed at 16:00 on Tuesday 5 May. Nothing was recorded; the card now shows the latest replies, so reply again if you still want to change it.",
    ]);
    // The person who gave the reply changes it from the card as it is now.
    expect(types(decisions[2]!)).toEqual(['PartnerReplied']);
    expect(state.positions.police).toMatchObject({ status: 'agreed', comment: 'Changed my mind.' });
  });

  // A click carries the case version its card showed (asOf): 0 below is the card as posted, 1 the
  // card after one reply, and so on. A late or redelivered click from a card older than the
  // clicker's own latest reply must not undo that reply.
  type Click = { reply: 'agree' | 'disagree'; text?: string; asOf?: number; at: string };
  const click = (c: Click, seen: number): CaseCommand => ({
    ...(c.reply === 'agree' ? agree(PEOPLE.police, c.text) : disagree(PEOPLE.police, c.text)),
    ...(c.asOf === undefined ? {} : { seenVersion: seen + c.asOf }),
  });
  const OUT_OF_DATE = (was: string) =>
    `refused: This card is out of date: you ${was} for Police at 16:05 on Tuesday 5 May, after it was shown. Nothing was recorded; the card now shows your current reply, so reply again if you still want to change it.`;
  it.each<[string, Click[], string[][], { status: string; rationale?: string; comment?: string }, string | undefined]>([
    [
      'the first "agree" redelivered after the partner disagreed from the updated card is refused as out of date',
      [{ reply: 'agree', asOf: 0, at: '2026-05-05T15:00:00.000Z' }, { reply: 'disagree', text: 'Not met.', asOf: 1, at: '2026-05-05T15:05:00.000Z' }, { reply: 'agree', asOf: 0, at: '2026-05-05T15:06:00.000Z' }],
      [['PartnerReplied'], ['PartnerReplied'], [OUT_OF_DATE('disagreed')]],
      { status: 'disagreed', rationale: 'Not met.' },
      undefined,
    ],
    [
      'a "disagree" redelivered after the partner agreed from the updated card is refused as out of date',
      [{ reply: 'disagree', text: 'Not met.', asOf: 0, at: '2026-05-05T15:00:00.000Z' }, { reply: 'agree', asOf: 1, at: '2026-05-05T15:05:00.000Z' }, { reply: 'disagree', text: 'Not met.', asOf: 0, at: '2026-05-05T15:07:00.000Z' }],
      [['PartnerReplied'], ['PartnerReplied'], [OUT_OF_DATE('agreed')]],
      { status: 'agreed' },
      undefined,
    ],
    [
      'an old disagreement with another rationale, redelivered, does not replace the latest rationale',
      [{ reply: 'disagree', text: 'First reason.', asOf: 0, at: '2026-05-05T15:00:00.000Z' }, { reply: 'disagree', text: 'Second reason.', asOf: 1, at: '2026-05-05T15:05:00.000Z' }, { reply: 'disagree', text: 'First reason.', asOf: 0, at: '2026-05-05T15:09:00.000Z' }],
      [['PartnerReplied'], ['PartnerReplied'], [OUT_OF_DATE('disagreed')]],
      { status: 'disagreed', rationale: 'Second reason.' },
      undefined,
    ],
    [
      'the same click delivered twice, back to back, is answered "already recorded" with no new event',
      [{ reply: 'agree', text: 'Agreed.', asOf: 0, at: '2026-05-05T15:00:00.000Z' }, { reply: 'agree', text: 'Agreed.', asOf: 0, at: '2026-05-05T15:00:01.000Z' }],
      [['PartnerReplied'], []],
      { status: 'agreed', comment: 'Agreed.' },
      'Your reply for Police was already recorded.',
    ],
    [
      'a stale click that matches the current reply (changed, then changed back) is "already recorded", not refused',
      [{ reply: 'agree', asOf: 0, at: '2026-05-05T15:00:00.000Z' }, { reply: 'disagree', text: 'Not met.', asOf: 1, at: '2026-05-05T15:02:00.000Z' }, { reply: 'agree', asOf: 2, at: '2026-05-05T15:05:00.000Z' }, { reply: 'agree', asOf: 0, at: '2026-05-05T15:08:00.000Z' }],
      [['PartnerReplied'], ['PartnerReplied'], ['PartnerReplied'], []],
      { status: 'agreed' },
      'Your reply for Police was already recorded.',
    ],
    [
      'a change from the card as it is now is recorded',
      [{ reply: 'agree', asOf: 0, at: '2026-05-05T15:00:00.000Z' }, { reply: 'disagree', text: 'Not met.', asOf: 1, at: '2026-05-05T15:05:00.000Z' }],
      [['PartnerReplied'], ['PartnerReplied']],
      { status: 'disagreed', rationale: 'Not met.' },
      'Recorded: Police disagrees.',
    ],
    [
      'a reply that names no card version (a typed command, an older card) still changes the reply',
      [{ reply: 'agree', at: '2026-05-05T15:00:00.000Z' }, { reply: 'disagree', text: 'Not met.', at: '2026-05-05T15:05:00.000Z' }],
      [['PartnerReplied'], ['PartnerReplied']],
      { status: 'disagreed', rationale: 'Not met.' },
      'Recorded: Police disagrees.',
    ],
  ])('%s', (_sentence, clicks, expected, position, lastMessage) => {
    const start = viewGiven();
    const seen = fold(start)!.version;
    const { decisions, state, last } = run(clicks.map((c) => [click(c, seen), c.at]), start);
    expect(decisions.map(types)).toEqual(expected);
    expect(state.positions.police).toMatchObject(position);
    if (lastMessage !== undefined) expect(last.ok && last.message).toBe(lastMessage);
  });

  it('a second sweep of the same deadline changes nothing', () => {
    const { decisions } = run([[tick, DUE], [tick, DUE]], viewGiven());
    expect(decisions.map(types)).toEqual([['AgreementDeemed', 'AgreementDeemed', 'DecisionReached'], []]);
  });
});

describe('deadlines that prompt people', () => {
  it('reminds the chair and director at half time, raises an overdue alert at the deadline, once each; the view is never deemed', () => {
    // Logged Tuesday 5 May 10:00 BST; due Wednesday 10:00; half time Tuesday 14:00.
    const { decisions, state } = run([
      [referral(), '2026-05-05T09:00:00.000Z'],
      [tick, '2026-05-05T12:59:00.000Z'],
      [tick, '2026-05-05T13:00:00.000Z'],
      [tick, '2026-05-06T09:00:00.000Z'],
      [tick, '2026-05-07T09:00:00.000Z'],
    ]);
    expect(decisions.map(types)).toEqual([['ReferralLogged'], [], ['ReminderSent'], ['OverdueRaised'], []]);
    expect(state.stage).toBe('awaitingInitialView');
  });

  it('tracks the Panel notification: reminder, overdue alert, confirmation by the local authority deputy only', () => {
    const start = run([[referral(), '2026-05-05T09:00:00.000Z'], ...jointly(view(PEOPLE.chair), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:00.000Z'), '2026-05-05T14:00:00.000Z'], [tick, '2026-05-06T14:00:00.000Z']]).events;
    // Decided Wednesday 6 May 15:00 BST; notification due Thursday 7 May 17:00 BST: 10 working hours,
    // so the reminder is due at half time, Thursday 12:00 BST.
    const { decisions, state } = run(
      [
        [tick, '2026-05-07T10:59:00.000Z'],
        [tick, '2026-05-07T11:00:00.000Z'],
        [tick, '2026-05-07T16:00:00.000Z'],
        [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.police), sentAt: '2026-05-07T16:10:00.000Z', panelReference: 'P-1' }, '2026-05-07T16:30:00.000Z'],
        [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-05-07T16:10:00.000Z', panelReference: 'P-1' }, '2026-05-07T16:30:00.000Z'],
      ],
      start,
    );
    expect(decisions.map(types)).toEqual([
      [],
      ['ReminderSent'],
      ['OverdueRaised'],
      ["refused: Only the local authority's representative or a deputy can confirm the Panel notification."],
      ['PanelNotificationConfirmed', 'RapidReviewOpened'],
    ]);
    // The rapid review's 15 working days run from the notification, sent at 17:10 BST Thursday 7 May
    // (after hours, so from Friday 09:00); Monday 25 May is a bank holiday: due 17:00 Friday 29 May.
    expect(state.stage).toBe('rapidReview');
    expect(state.rapidReview?.dueAt).toBe('2026-05-29T16:00:00.000Z');
  });

  it('lets only the review group chair choose the next step, with a rationale', () => {
    const start = run([[referral(), '2026-05-05T09:00:00.000Z'], ...jointly(view(PEOPLE.chair, 'doNotNotify'), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:00.000Z'), '2026-05-05T14:00:00.000Z'], [tick, '2026-05-06T14:00:00.000Z']]).events;
    const { decisions, state } = run(
      [
        [{ type: 'ChooseNextStep', actor: as(PEOPLE.director), step: 'noFurtherAction', rationale: 'No learning.' }, '2026-05-07T09:00:00.000Z'],
        [{ type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'noFurtherAction', rationale: '' }, '2026-05-07T09:00:00.000Z'],
        [{ type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'reviewGroupWithScoping', rationale: 'Learning for agencies.' }, '2026-05-07T09:00:00.000Z'],
      ],
      start,
    );
    expect(decisions.map(types)).toEqual([['refused: Only the review group chair can choose the next step.'], ['refused: Please give a rationale.'], ['NextStepChosen']]);
    expect(state.stage).toBe('closed');
  });
});

describe('the schedule the sweep relies on', () => {
  it('lists the half-time reminder and the deadline while replies are awaited, nothing once decided', () => {
    const { state } = run([[referral(), '2026-05-05T09:00:00.000Z'], ...jointly(view(PEOPLE.chair), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:00.000Z'), '2026-05-05T14:00:00.000Z']]);
    expect(pendingDeadlines(state, calendar, sampleConfig.workingHours).map((d) => d.toISOString())).toEqual(['2026-05-06T10:00:00.000Z', '2026-05-06T14:00:00.000Z']);
    const closed = run([[tick, '2026-05-06T14:00:00.000Z']], run([[referral(), '2026-05-05T09:00:00.000Z'], ...jointly(view(PEOPLE.chair, 'doNotNotify'), '2026-05-05T14:00:00.000Z'), [posted('2026-05-05T14:00:00.000Z'), '2026-05-05T14:00:00.000Z']]).events);
    expect(pendingDeadlines(closed.state, calendar, sampleConfig.workingHours)).toEqual([]);
  });
});
