import { describe, expect, it } from 'vitest';
import { copyDueAt, publicationDueDate, REMINDER_WORKING_DAYS } from '../../workflow/localReview/rules.js';
import { localReviewSummary, localReviewRefOf } from '../../workflow/localReview/summary.js';
import { justificationsNeeded } from '../../workflow/localReview/publication.js';
import { localReviewTimers } from '../../workflow/localReview/timers.js';
import type { CaseCommand } from '../../workflow/commands.js';
import type { Effect } from '../../workflow/effects.js';
import { fold, type CaseState } from '../../workflow/state.js';
import { createDecider } from '../../workflow/decide.js';
import { timeline } from '../../workflow/timeline.js';
import { PEOPLE, play, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';
import { dayWords as dayName } from '../../workflow/localReview/common.js';
import { as, DECIDED_AT, LR, LR_SCENES, lrCalendar, lrDecide, lrRun, PUBLISHED_URL, TOR_URL } from '../support/localReviewScenes.js';

/**
 * The local review (LCSPR) of issue 17, rule by rule, each with the seed line it enforces and
 * fixed instants (British Summer Time and GMT, bank holidays, weekends, after hours).
 */

const BU = as(PEOPLE.business);
const sends = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : []));

describe('002 5.16 "published within six months from the date of the decision to initiate a review": the last day, on the London calendar', () => {
  it.each([
    ['decided 11:50 BST Tuesday 30 June 2026', '2026-06-30T10:50:00.000Z', '2026-12-30'],
    ['31 August (BST) -> 28 February: the month end is clamped', '2026-08-31T10:00:00.000Z', '2027-02-28'],
    ['31 August 2027 -> 29 February 2028: a leap year', '2027-08-31T10:00:00.000Z', '2028-02-29'],
    ['23:30 UTC on 31 August is 00:30 BST on 1 September: the London date counts', '2026-08-31T23:30:00.000Z', '2027-03-01'],
    ['30 April 2026 -> 30 October, across the October clock change', '2026-04-30T16:30:00.000Z', '2026-10-30'],
    ['31 March 2026 (the Tuesday after the clock change) -> 30 September', '2026-03-31T08:00:00.000Z', '2026-09-30'],
    ['Saturday 29 August 2026 -> Sunday 28 February 2027: calendar months, clamped, not moved to a working day', '2026-08-29T11:00:00.000Z', '2027-02-28'],
  ])('%s', (_label, decidedAt, due) => {
    expect(publicationDueDate(new Date(decidedAt))).toBe(due);
  });
});

describe('002 5.18 "a copy of the full report ... no later than seven working days before publication": the close of the 7th working day before the planned day', () => {
  it.each([
    // npm run due -- --working-days-before 7 --date 2026-05-20 prints 17:00 on Monday 11 May 2026.
    ['Wednesday 20 May 2026 (the issue\'s example)', '2026-05-20', '2026-05-11T16:00:00.000Z'],
    ['Tuesday 2 June 2026: the Spring bank holiday (25 May) is not counted', '2026-06-02', '2026-05-21T16:00:00.000Z'],
    ['Friday 2 April 2027: Easter Monday 29 March and Good Friday 26 March skipped, across the 28 March clock change (17:00 GMT)', '2027-04-02', '2027-03-22T17:00:00.000Z'],
    ['Tuesday 12 May 2026: the Early May bank holiday (4 May) skipped', '2026-05-12', '2026-04-30T16:00:00.000Z'],
    ['Sunday 1 November 2026: a weekend publication day; the 25 October clock change between (17:00 BST)', '2026-11-01', '2026-10-22T16:00:00.000Z'],
    ['Wednesday 2 December 2026', '2026-12-02', '2026-11-23T17:00:00.000Z'],
  ])('%s', (_label, planned, due) => {
    expect(copyDueAt(lrCalendar, planned).toISOString()).toBe(due);
  });
});

describe("opening: the partners' decision (5.3) opens it at once; the clock starts at the decision", () => {
  it('the third agreement decides, and the same step opens the review, tells the business unit and sends the executive the letter (5.6)', () => {
    const start = SCENES.lcsprAsked();
    const replies = SCENES.lcsprDecided().slice(start.length);
    const last = lrDecide(fold([...start, ...replies.slice(0, -2)]), { type: 'ReplyOnLcspr', actor: as(PEOPLE.health), reply: 'agree' }, new Date(DECIDED_AT));
    expect(last.ok).toBe(true);
    if (!last.ok) return;
    expect(last.events.map((e) => e.type)).toEqual(['LcsprReplied', 'LcsprDecided', 'LocalReviewOpened']);
    expect(last.events[2]).toMatchObject({ source: 'rapidReview', decidedAt: DECIDED_AT, publicationDueDate: '2026-12-30' });
    const out = sends(last.effects);
    // 5.6 "a letter of notification will be sent to the ... executive (including delegated safeguarding partners)": by default the partnership chair and the partners' representatives.
    for (const p of [PEOPLE.partnershipChair, PEOPLE.director, PEOPLE.police, PEOPLE.health]) expect(out).toContain(`localReviewLetter -> ${p.aadObjectId}`);
    expect(out).toContain(`localReviewBoard -> ${PEOPLE.business.aadObjectId}`);
    expect(out).toContain('localReviewBoard -> monitoring');
  });

  it('board members configured get the letter on this path too (5.6 "and board members")', () => {
    const BOARD = { aadObjectId: 'aad-board-only', displayName: 'Bola Board', email: 'bola@example.org' };
    const decide = createDecider({ ...sampleConfig, boardMembers: [BOARD] }, lrCalendar);
    const d = decide(stateOf(SCENES.lcsprDisputed()), { type: 'DecideLcsprDispute', actor: as(PEOPLE.partnershipChair), lcspr: true, rationale: 'The learning crosses agencies.' }, new Date('2026-07-01T09:00:00.000Z'));
    expect(d.ok && sends(d.effects).filter((x) => x.startsWith('localReviewLetter'))).toEqual([PEOPLE.partnershipChair, PEOPLE.director, PEOPLE.police, PEOPLE.health, BOARD].map((p) => `localReviewLetter -> ${p.aadObjectId}`));
  });

  it('a decision not to hold one opens nothing', () => {
    const events = SCENES.lcsprDisputed();
    const d = lrDecide(fold(events), { type: 'DecideLcsprDispute', actor: as(PEOPLE.partnershipChair), lcspr: false, rationale: 'Single-agency learning is enough here.' }, new Date('2026-07-01T09:00:00.000Z'));
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['LcsprDecided']);
  });

  it('the executive as configured gets the letter instead (the partnership chair decided the disagreement)', () => {
    const decide = createDecider({ ...sampleConfig, executive: [PEOPLE.manager] }, lrCalendar);
    const d = decide(stateOf(SCENES.lcsprDisputed()), { type: 'DecideLcsprDispute', actor: as(PEOPLE.partnershipChair), lcspr: true, rationale: 'The learning crosses agencies.' }, new Date('2026-07-01T09:00:00.000Z'));
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['LcsprDecided', 'LocalReviewOpened']);
    expect(d.ok && sends(d.effects).filter((x) => x.startsWith('localReviewLetter'))).toEqual([`localReviewLetter -> ${PEOPLE.manager.aadObjectId}`]);
  });
});

describe('opening from a case the review group discussed without a notification (a command)', () => {
  const closed = SCENES.closed; // decision not to notify, the chair's next step chosen
  const open = (actor = BU, decidedAt = '2026-06-15T10:00:00.000Z', at = '2026-06-15T11:00:00.000Z', rationale = 'The review group found system learning across agencies.'): [CaseCommand, string] => [
    { type: 'OpenLocalReview', actor, decidedAt, rationale },
    at,
  ];
  it.each([
    ['the business unit, with the decision instant', BU, undefined],
    ['the review group chair', as(PEOPLE.chair), undefined],
    ['not a partner representative', as(PEOPLE.police), 'Only the business unit or the review group chair records a decision to hold a local review.'],
    ['not the scrutineer', as(PEOPLE.scrutineer), 'Only the business unit or the review group chair records a decision to hold a local review.'],
  ])('%s', (_label, actor, refusal) => {
    const { last } = lrRun([open(actor)], closed());
    if (refusal) expect(last).toEqual({ ok: false, refusal });
    else expect(last.ok && last.events[0]).toMatchObject({ type: 'LocalReviewOpened', source: 'reviewGroup', decidedAt: '2026-06-15T10:00:00.000Z', publicationDueDate: '2026-12-15' });
  });

  // 5.3: "The Independent Scrutineer will also be informed, to allow scrutiny of the decision-making process"; 5.6: "a
  // letter of notification will be sent to the ... executive (including delegated safeguarding partners) and board members".
  it('the letter goes to the executive, the board members and, on this path, the independent scrutineer', () => {
    const BOARD = { aadObjectId: 'aad-board-only', displayName: 'Bola Board', email: 'bola@example.org' };
    const decide = createDecider({ ...sampleConfig, boardMembers: [BOARD, PEOPLE.police] }, lrCalendar);
    const d = decide(fold(closed()), open()[0], new Date(open()[1]));
    if (!d.ok) throw new Error(d.refusal);
    expect(sends(d.effects).filter((x) => x.startsWith('localReviewLetter'))).toEqual(
      [PEOPLE.partnershipChair, PEOPLE.director, PEOPLE.police, PEOPLE.health, BOARD, PEOPLE.scrutineer].map((p) => `localReviewLetter -> ${p.aadObjectId}`),
    );
    expect(d.message).toContain('The executive and the board members get the letter of notification and the independent scrutineer is informed (5.3, 5.6)');
  });

  it('without board members configured, the executive and the scrutineer', () => {
    const { last } = lrRun([open()], closed());
    expect(last.ok && sends(last.effects).filter((x) => x.startsWith('localReviewLetter'))).toEqual(
      [PEOPLE.partnershipChair, PEOPLE.director, PEOPLE.police, PEOPLE.health, PEOPLE.scrutineer].map((p) => `localReviewLetter -> ${p.aadObjectId}`),
    );
  });

  it.each([
    ['a decision in the future', open(BU, '2026-06-16T10:00:00.000Z'), closed, 'The decision cannot be in the future.'],
    ['a case with a rapid review: the partners decide there', open(BU, '2026-06-30T10:00:00.000Z', '2026-06-30T11:00:00.000Z'), SCENES.lcsprAsked, 'RR-2026-014 has a rapid review: the partners decide on a local review there, and it opens when they decide to hold one.'],
    ['a case still being decided', open(BU, '2026-06-08T10:00:00.000Z', '2026-06-08T11:00:00.000Z'), SCENES.awaitingInitialView, 'RR-2026-014 is still being decided; a local review can be opened here once the decision not to notify and the next step are recorded.'],
    ['twice', open(BU, '2026-07-01T10:00:00.000Z', '2026-07-01T11:00:00.000Z'), LR_SCENES.opened, 'A local review on RR-2026-014 is already open (decided at 11:50 on Tuesday 30 June).'],
  ])('refused: %s', (_label, step, scene, refusal) => {
    expect(lrRun([step], scene()).last).toEqual({ ok: false, refusal });
  });
});

describe('commissioning (5.5-5.8, Appendix A step 13-14)', () => {
  it('records lead, bodies told, reviewer with independence, conflicts, methodology, terms of reference and engagement', () => {
    const s = fold(LR_SCENES.commissioned())!.localReview!;
    expect(s.lead).toMatchObject({ leadPartnership: 'Isle of Wight Safeguarding Children Partnership', weLead: true, involved: ['Hampshire Safeguarding Children Partnership'] });
    expect(s.told.decision?.sentAt).toBe('2026-07-01T10:00:00.000Z');
    expect(s.reviewer).toMatchObject({ name: 'Robin Reviewer', kind: 'external', methodology: ['systemsMethodology', 'practitionerMeetings'], termsOfReferenceUrl: TOR_URL, family: { planned: true }, practitioners: { planned: true } });
  });

  it.each([
    ['terms of reference outside the document store', { termsOfReferenceUrl: 'https://evil.example.com/tor.docx' }, "The terms of reference must be a link into the partnership's document store (documents.example.org), starting https://."],
    ['no methodology', { methodology: [] }, 'Please choose the methodology from the menu (002 Appendix B).'],
    ['no conflicts statement (5.7 f "Any real or perceived conflict of interest")', { conflicts: ' ' }, 'Please give a conflicts of interest statement.'],
    ['a child named in the family note', { familyNote: 'Speak to mother Jane first.' }, 'The family engagement note seems to contain a name. Cards and records carry only the case reference: please remove any name, date of birth or address of the child or family.'],
  ])('refused: %s', (_label, change, refusal) => {
    const [command, at] = LR.commission();
    expect(lrRun([[{ ...command, ...change } as CaseCommand, at]], LR_SCENES.opened()).last).toEqual({ ok: false, refusal });
  });

  it("5.6 \"including the name of any reviewer commissioned\": the reviewer's name is told after commissioning, not before", () => {
    const told: [CaseCommand, string] = [{ type: 'RecordLocalReviewBodiesTold', actor: BU, about: 'reviewer', sentAt: '2026-07-11T09:00:00.000Z' }, '2026-07-11T09:05:00.000Z'];
    expect(lrRun([told], LR_SCENES.opened()).last).toEqual({ ok: false, refusal: "Record the reviewer's commissioning first; then record when the Panel, Ofsted and DfE were told the reviewer's name." });
    expect(lrRun([told], LR_SCENES.commissioned()).state.localReview!.told.reviewer?.sentAt).toBe('2026-07-11T09:00:00.000Z');
  });
});

describe('002 Appendix A stage 2: the milestones the business unit plans, in the seed\'s order (18 "Early draft report shared with LIG chair and senior managers from partner agencies as appropriate", 19 "Final report produced with findings and recommendations", 21 "Communication and media strategy agreed", 22-26)', () => {
  it('lists steps 18, 19 and 21 to 26; step 20, the action plans, is the actions board', () => {
    const s = localReviewSummary(fold(LR_SCENES.opened())!, new Date('2026-07-01T10:00:00.000Z'))!;
    expect(s.milestones.map((m) => m.words.match(/\(step (\d+)\)$/)![1])).toEqual(['18', '19', '21', '22', '23', '24', '25', '26']);
    expect(s.milestones[1]!.words).toBe('Final report produced with findings and recommendations (step 19)');
    expect(s.milestones[2]!.words).toBe('Communication and media strategy agreed (step 21)');
    // Each can be planned and recorded done like the others.
    const done = lrRun(
      [
        [{ type: 'PlanLocalReviewMilestone', actor: BU, milestone: 'communicationStrategy', plannedDate: '2026-10-01' }, '2026-07-02T10:00:00.000Z'],
        [{ type: 'RecordLocalReviewMilestone', actor: BU, milestone: 'finalReportProduced', doneDate: '2026-07-02' }, '2026-07-02T11:00:00.000Z'],
      ],
      LR_SCENES.opened(),
    );
    expect(done.state.localReview!.milestones).toMatchObject({ communicationStrategy: { plannedDate: '2026-10-01' }, finalReportProduced: { done: { doneDate: '2026-07-02' } } });
  });
});

describe('the lead (5.5 "In the case of looked after children, the local authority with statutory responsibility for the looked after child should take lead responsibility for conducting the review"): the responsible authority recorded, and its partnership leads unless a reason is given', () => {
  // The sample referral is a looked-after child; this partnership's local authority is the Isle of Wight Council.
  const US = 'Isle of Wight Safeguarding Children Partnership';
  const lead = (change: Partial<Extract<CaseCommand, { type: 'RecordLocalReviewLead' }>>): [CaseCommand, string] => [
    { type: 'RecordLocalReviewLead', actor: BU, leadPartnership: US, weLead: true, involved: [], ...change },
    '2026-07-01T09:00:00.000Z',
  ];
  const REASON = 'Hampshire asked this partnership to lead: most of the agencies involved are on the Island.';
  it.each([
    ['looked after by our own authority: this partnership leads', lead({ responsibleAuthority: 'Isle of Wight Council' }), undefined, { lookedAfter: true, responsibleAuthority: 'Isle of Wight Council', weLead: true }],
    ['our authority named loosely ("the isle of wight  council")', lead({ responsibleAuthority: 'the isle of wight  council' }), undefined, { lookedAfter: true, weLead: true }],
    [
      'looked after by our own authority, another partnership named to lead without a reason',
      lead({ responsibleAuthority: 'Isle of Wight Council', leadPartnership: 'Hampshire Safeguarding Children Partnership', weLead: false }),
      "For a looked-after child the responsible authority's partnership leads (5.5): that is this partnership (Isle of Wight Safeguarding Children Partnership), as Isle of Wight Council is the responsible authority for the looked-after child. Record the lead as that, or give the reason it does not lead.",
      undefined,
    ],
    ['looked after by another authority, whose partnership leads', lead({ responsibleAuthority: 'Hampshire County Council', leadPartnership: 'Hampshire Safeguarding Children Partnership', weLead: false }), undefined, { lookedAfter: true, responsibleAuthority: 'Hampshire County Council', weLead: false, leadPartnership: 'Hampshire Safeguarding Children Partnership' }],
    [
      'looked after by another authority, this partnership leading without a reason',
      lead({ responsibleAuthority: 'Hampshire County Council' }),
      "For a looked-after child the responsible authority's partnership leads (5.5): that is Hampshire County Council's partnership, as it is the responsible authority for the looked-after child. Record the lead as that, or give the reason it does not lead.",
      undefined,
    ],
    ['looked after by another authority, this partnership leading with the reason stated', lead({ responsibleAuthority: 'Hampshire County Council', leadReason: REASON }), undefined, { lookedAfter: true, responsibleAuthority: 'Hampshire County Council', weLead: true, leadReason: REASON }],
    [
      'a reason naming the child',
      lead({ responsibleAuthority: 'Hampshire County Council', leadReason: 'The mother Jane moved to the Island last year.' }),
      "The reason the responsible authority's partnership does not lead seems to contain a name. Cards and records carry only the case reference: please remove any name, date of birth or address of the child or family.",
      undefined,
    ],
    ['looked after (as the referral says) with no responsible authority', lead({}), 'For a looked-after child, please give the responsible authority: the local authority with statutory responsibility for the child, whose partnership leads the review (5.5).', undefined],
    ['said not looked after, with a responsible authority', lead({ lookedAfter: false, responsibleAuthority: 'Isle of Wight Council' }), 'A responsible authority is recorded only for a looked-after child. Either say the child is looked after, or leave the responsible authority empty.', undefined],
    ['not looked after (no longer, unlike the referral): where the child normally lives; nothing more to check', lead({ lookedAfter: false }), undefined, { lookedAfter: false, weLead: true }],
    ['this partnership named by its short name, "we lead"', lead({ lookedAfter: false, leadPartnership: 'iowscp' }), undefined, { weLead: true, leadPartnership: 'iowscp' }],
    [
      '"we lead", but another partnership named as the lead: the two contradict each other',
      lead({ lookedAfter: false, leadPartnership: 'Hampshire Safeguarding Children Partnership', weLead: true }),
      'The lead partnership is given as Hampshire Safeguarding Children Partnership, but the review is recorded as led by this partnership (Isle of Wight Safeguarding Children Partnership). Name this partnership as the lead, or say this partnership does not lead.',
      undefined,
    ],
    [
      'this partnership named as the lead, but "we do not lead"',
      lead({ lookedAfter: false, leadPartnership: 'the Isle of Wight Safeguarding Children Partnership', weLead: false }),
      'The lead partnership is given as this partnership (Isle of Wight Safeguarding Children Partnership), but the review is recorded as not led by it. Say this partnership leads, or name the partnership that does.',
      undefined,
    ],
  ] as const)('%s', (_label, step, refusal, recorded) => {
    const result = lrRun([step as [CaseCommand, string]], LR_SCENES.opened());
    if (refusal) {
      expect(result.last).toEqual({ ok: false, refusal });
      expect(result.state.localReview!.lead).toBeUndefined();
      return;
    }
    expect(result.last.ok).toBe(true);
    expect(result.state.localReview!.lead).toMatchObject(recorded!);
    if (!('leadReason' in recorded!)) expect(result.state.localReview!.lead!.leadReason).toBeUndefined();
  });

  it('the history says who leads, for which authority, and quotes the reason', () => {
    const result = lrRun([lead({ responsibleAuthority: 'Hampshire County Council', leadReason: REASON })], LR_SCENES.opened());
    const row = timeline(result.events, new Date('2026-07-01T10:00:00.000Z')).find((r) => r.what.startsWith('Recorded the lead'))!;
    expect(row.what).toBe('Recorded the lead: this partnership leads (a looked-after child; the responsible authority is Hampshire County Council, whose partnership does not lead: the reason is below).');
    expect(row.detail).toBe(REASON);
  });
});

describe('told of the decision once (5.6 "As part of the rapid review, the ... Team will inform the Child Safeguarding Practice Review Panel, Ofsted and Department for Education (DfE) ... of the decision regarding whether a local child safeguarding practice review is required"): the rapid review\'s completion and the local review card share one record', () => {
  const toldDecision = (sentAt: string, at: string): [CaseCommand, string] => [{ type: 'RecordLocalReviewBodiesTold', actor: BU, about: 'decision', sentAt }, at];
  const sent = (dfeSentAt: string | undefined, at = '2026-07-01T11:00:00.000Z'): [CaseCommand, string] => [{ type: 'RecordRapidReviewSent', actor: BU, sentAt: '2026-07-01T10:30:00.000Z', ...(dfeSentAt ? { dfeSentAt } : {}) }, at];

  it("recorded with the rapid review's completion: the local review counts it told, and does not ask again", () => {
    // SCENES.reviewCompletedOnTime: the rapid review (with the decision) went to the Panel and Ofsted, and the decision to DfE, at 14:00 on Tuesday 30 June.
    const completed = fold(SCENES.reviewCompletedOnTime())!;
    expect(localReviewSummary(completed, new Date('2026-07-01T10:00:00.000Z'))!.toldOfDecision).toBe(true);
    expect(lrRun([toldDecision('2026-07-01T09:00:00.000Z', '2026-07-01T09:05:00.000Z')], SCENES.reviewCompletedOnTime()).last).toEqual({
      ok: false,
      refusal: "Already recorded on Tuesday 30 June 2026 by Billie Business, with the rapid review's completion: the rapid review, with the decision, went to the Panel and Ofsted at 14:00 on Tuesday 30 June, and the decision to DfE at 14:00 on Tuesday 30 June (5.6).",
    });
  });

  it('recorded first on the local review card: the rapid review is sent without asking for DfE again, and its record carries that time', () => {
    const start = play(SCENES.reviewApproved(), toldDecision('2026-07-01T10:00:00.000Z', '2026-07-01T10:05:00.000Z'));
    const result = lrRun([sent(undefined)], start);
    expect(result.last.ok).toBe(true);
    expect(result.state.rapidReview!.completed).toMatchObject({ sentAt: '2026-07-01T10:30:00.000Z', dfeSentAt: '2026-07-01T10:00:00.000Z' });
    // Given anyway, the date given is the one recorded.
    expect(lrRun([sent('2026-07-01T10:20:00.000Z')], start).state.rapidReview!.completed!.dfeSentAt).toBe('2026-07-01T10:20:00.000Z');
  });

  it('recorded nowhere: the rapid review still asks when the decision went to DfE', () => {
    expect(lrRun([sent(undefined)], SCENES.reviewApproved()).last).toEqual({ ok: false, refusal: 'Please give when the LCSPR decision went to DfE.' });
  });
});

describe('publication and the copy (5.18): moving the planned day moves the copy deadline', () => {
  it('the copy is due by the close of the 7th working day before the planned day, and follows it when moved', () => {
    const planned = fold(LR_SCENES.planned())!.localReview!;
    expect(planned.publication).toMatchObject({ plannedDate: '2026-12-02', copyDueAt: '2026-11-23T17:00:00.000Z' });
    const { state, last } = lrRun([LR.publication('2026-12-29', '2026-11-10T10:00:00.000Z')], LR_SCENES.planned());
    // 29 December 2026: Christmas Day and Boxing Day (substitute Monday 28 December) are skipped.
    expect(state.localReview!.publication).toMatchObject({ plannedDate: '2026-12-29', copyDueAt: '2026-12-16T17:00:00.000Z' });
    expect(last.ok && last.message).toBe('Moved: publication on Tuesday 29 December 2026. The copy of the full report to the Panel and the Secretary of State is due by 17:00 on Wednesday 16 December.');
  });

  it.each([
    ['on the deadline instant: on time', '2026-11-23T17:00:00.000Z', true],
    ['a minute after the close: late', '2026-11-23T17:01:00.000Z', false],
  ])('copy sent %s', (_label, sentAt, onTime) => {
    const { state } = lrRun([LR.copySent(sentAt, '2026-11-24T09:00:00.000Z')], LR_SCENES.planned());
    expect(state.localReview!.copySent).toMatchObject({ sentAt, onTime });
  });

  // 5.18: "send a copy of the full report to the Child Safeguarding Practice Review Panel and to the
  // Secretary of State no later than seven working days before publication". The copy's deadline
  // follows the planned day, so a copy already sent is judged again when the day moves.
  it.each([
    [
      'on time for 2 December, 4 working days late once publication moves to 25 November',
      LR.copySent('2026-11-20T10:00:00.000Z', '2026-11-20T10:05:00.000Z'),
      LR.publication('2026-11-25', '2026-11-20T11:00:00.000Z'),
      { copyDueAt: '2026-11-16T17:00:00.000Z', onTime: false },
      ' The copy sent on Friday 20 November 2026 is now 4 working days late against the new deadline, 17:00 on Monday 16 November; the Panel and the Secretary of State must have it 7 working days before publication: move publication to Tuesday 1 December 2026 or later.',
    ],
    [
      'late for 2 December (due 23 November), on time once publication moves to Friday 4 December',
      LR.copySent('2026-11-24T10:00:00.000Z', '2026-11-24T10:05:00.000Z'),
      LR.publication('2026-12-04', '2026-11-24T11:00:00.000Z'),
      { copyDueAt: '2026-11-25T17:00:00.000Z', onTime: true },
      ' The copy sent on Tuesday 24 November 2026 is now on time against the new deadline, 17:00 on Wednesday 25 November.',
    ],
    [
      'late for 2 December, still late (2 working days) for 1 December: the earliest day it meets is 3 December',
      LR.copySent('2026-11-24T10:00:00.000Z', '2026-11-24T10:05:00.000Z'),
      LR.publication('2026-12-01', '2026-11-24T11:00:00.000Z'),
      { copyDueAt: '2026-11-20T17:00:00.000Z', onTime: false },
      ' The copy sent on Tuesday 24 November 2026 is still 2 working days late against the new deadline, 17:00 on Friday 20 November; the Panel and the Secretary of State must have it 7 working days before publication: move publication to Thursday 3 December 2026 or later.',
    ],
    [
      'on time for 2 December and still on time for 4 December: nothing more to say',
      LR.copySent('2026-11-20T10:00:00.000Z', '2026-11-20T10:05:00.000Z'),
      LR.publication('2026-12-04', '2026-11-20T11:00:00.000Z'),
      { copyDueAt: '2026-11-25T17:00:00.000Z', onTime: true },
      '',
    ],
  ])('a copy already sent is judged again when publication moves: %s', (_label, sent, move, copy, said) => {
    const { state, last } = lrRun([sent, move], LR_SCENES.approved());
    expect(last.ok && last.message).toBe(`Moved: publication on ${move[0].type === 'PlanLocalReviewPublication' ? dayName(move[0].plannedDate) : ''}.${said}`);
    expect(state.localReview!.copySent).toMatchObject(copy);
    const summary = localReviewSummary(state, new Date(move[1]))!;
    expect(summary.deadlines.find((d) => d.what === 'copyToPanel')).toMatchObject({ dueAt: copy.copyDueAt, state: copy.onTime ? 'met' : 'missed' });
    expect(summary.onTime).toBe(copy.onTime);
  });

  it('a planned day after six months prompts the justification of the delay (5.18 "justification for any ... delay to publication")', () => {
    const { last } = lrRun([LR.publication('2027-01-20', '2026-12-01T10:00:00.000Z')], LR_SCENES.commissioned());
    expect(last.ok && sends(last.effects)).toContain('localReviewJustification -> monitoring');
    expect(last.ok && last.message).toContain('That is after the six-month deadline (Wednesday 30 December 2026)');
    const state = fold(LR_SCENES.delayed())!;
    expect(justificationsNeeded(state.localReview!, new Date('2026-12-01T10:00:00.000Z'))).toEqual(['delay']);
    const justified = lrRun([LR.justify('delay', '2026-12-01T12:00:00.000Z', '2026-12-01T12:05:00.000Z')], LR_SCENES.delayed());
    expect(justified.state.localReview!.justifications.delay?.sentAt).toBe('2026-12-01T12:00:00.000Z');
  });

  it('no justification of a delay is taken while publication is planned in time', () => {
    expect(lrRun([LR.justify('delay', '2026-11-01T12:00:00.000Z', '2026-11-01T12:05:00.000Z')], LR_SCENES.planned()).last).toEqual({
      ok: false,
      refusal: 'Publication is not planned or made after the six-month deadline, so no justification for a delay is needed.',
    });
  });

  it('5.15 "a decision not to publish": publication cannot be planned or recorded; the justification of non-publication is owed', () => {
    const events = LR_SCENES.notPublished();
    expect(lrRun([LR.publication('2026-12-10', '2026-11-05T10:00:00.000Z')], events).last).toEqual({ ok: false, refusal: 'The executive decided not to publish the report; there is no publication to plan.' });
    expect(lrRun([LR.published('2026-11-05', '2026-11-05T10:00:00.000Z')], events).last).toEqual({ ok: false, refusal: 'The executive decided not to publish the report.' });
    const state = fold(events)!;
    expect(localReviewSummary(state, new Date('2026-11-05T10:00:00.000Z'))).toMatchObject({ status: 'notPublished', justificationsOwed: ['notPublished'] });
    const justified = lrRun([LR.justify('notPublished', '2026-11-06T10:00:00.000Z', '2026-11-06T10:05:00.000Z')], events);
    expect(localReviewSummary(justified.state, new Date('2026-11-06T11:00:00.000Z'))).toMatchObject({ justificationsOwed: [] });
  });

  it('publication is recorded only after the executive decided to publish (step 24), with a link and on-time', () => {
    expect(lrRun([LR.published('2026-12-02', '2026-12-02T12:00:00.000Z')], LR_SCENES.planned()).last).toEqual({ ok: false, refusal: "Record the executive's approval and its decision to publish (step 24) first." });
    const state = fold(LR_SCENES.published())!;
    expect(state.localReview!.published).toMatchObject({ publishedDate: '2026-12-02', url: PUBLISHED_URL, onTime: true });
    expect(localReviewSummary(state, new Date('2026-12-03T09:00:00.000Z'))).toMatchObject({ status: 'published', onTime: true, deadlines: [{ what: 'publication', state: 'met' }, { what: 'copyToPanel', state: 'met' }] });
  });

  // 002 Appendix B: the report is "presented to the Learning Inquiry Group / Isle of Wight Safeguarding Children
  // Partnership Executive/ Isle of Wight Safeguarding Children Partnership Main Board prior to publication"; Appendix A
  // step 25: "Final report taken to IOWSCP Main Board for ratification".
  it.each([
    ['approved but not ratified by the board', LR_SCENES.approved, LR.published('2026-12-02', '2026-12-02T12:00:00.000Z'), 'Record the board ratification (step 25) first: the report goes to the Main Board prior to publication (002 Appendix B).'],
    [
      "published before the executive's approval (Wednesday 4 November)",
      LR_SCENES.ratified,
      LR.published('2026-11-03', '2026-12-02T12:00:00.000Z'),
      "The publication date (Tuesday 3 November 2026) is before the executive's approval (step 24) on Wednesday 4 November 2026: the report is approved and ratified prior to publication (002 Appendix B). Please check the date.",
    ],
    [
      'published before the board ratification (Wednesday 18 November)',
      LR_SCENES.ratified,
      LR.published('2026-11-17', '2026-12-02T12:00:00.000Z'),
      'The publication date (Tuesday 17 November 2026) is before the board ratification (step 25) on Wednesday 18 November 2026: the report is approved and ratified prior to publication (002 Appendix B). Please check the date.',
    ],
  ])('publication is refused: %s', (_label, scene, step, refusal) => {
    expect(lrRun([step], scene()).last).toEqual({ ok: false, refusal });
  });

  it('published on the last day is on time; the day after is late and prompts the justification', () => {
    const onLast = lrRun([LR.publication('2026-12-30', '2026-11-20T10:00:00.000Z'), LR.published('2026-12-30', '2026-12-30T23:00:00.000Z')], LR_SCENES.ratified());
    expect(onLast.state.localReview!.published?.onTime).toBe(true);
    const late = lrRun([LR.publication('2026-12-31', '2026-11-20T10:00:00.000Z'), LR.published('2026-12-31', '2026-12-31T10:00:00.000Z')], LR_SCENES.ratified());
    expect(late.state.localReview!.published?.onTime).toBe(false);
    expect(late.last.ok && sends(late.last.effects)).toContain('localReviewJustification -> monitoring');
  });
});

describe('milestones (Appendix A stage 2, steps 18-19 and 21-26): planned, moved and recorded done (who, when)', () => {
  it('moving a milestone keeps one planned date; recording it done keeps who and when', () => {
    const { state } = lrRun([LR.plan('earlyDraft', '2026-10-07', '2026-09-01T09:00:00.000Z'), LR.done('earlyDraft', '2026-10-06', '2026-10-06T16:00:00.000Z')], LR_SCENES.planned());
    expect(state.localReview!.milestones.earlyDraft).toMatchObject({ plannedDate: '2026-10-07', done: { doneDate: '2026-10-06', by: { displayName: PEOPLE.business.displayName } } });
  });

  it.each([
    ['a date done in the future', LR.done('earlyDraft', '2026-10-01', '2026-09-30T09:00:00.000Z'), 'The date it was done cannot be in the future.'],
    ['a planned date already passed', LR.plan('boardRatification', '2026-07-14', '2026-07-15T09:00:00.000Z'), 'The planned date (Tuesday 14 July 2026) has already passed; please give today or a later date.'],
    ['executive approval without the decision to publish', LR.done('executiveApproval', '2026-11-04', '2026-11-04T15:00:00.000Z'), 'Say whether the executive decided to publish the report.'],
    ['a decision to publish on another milestone', LR.done('earlyDraft', '2026-09-30', '2026-09-30T15:00:00.000Z', true), 'Only the executive approval (step 24) carries the decision to publish.'],
  ])('refused: %s', (_label, step, refusal) => {
    expect(lrRun([step], LR_SCENES.planned()).last).toEqual({ ok: false, refusal });
  });
});

describe('only the business unit records the review (access.ts), every command', () => {
  const commands: [CaseCommand, string][] = [
    LR.lead(),
    LR.toldDecision(),
    LR.commission(),
    LR.plan('earlyDraft', '2026-09-30', '2026-07-15T09:00:00.000Z'),
    LR.done('earlyDraft', '2026-09-30', '2026-09-30T15:00:00.000Z'),
    LR.publication('2026-12-02', '2026-07-15T09:03:00.000Z'),
    LR.copySent('2026-11-20T10:00:00.000Z', '2026-11-20T10:05:00.000Z'),
    LR.justify('delay', '2026-12-01T12:00:00.000Z', '2026-12-01T12:05:00.000Z'),
    LR.published('2026-12-02', '2026-12-02T12:00:00.000Z'),
  ];
  it.each(commands.flatMap(([c, at]) => [PEOPLE.chair, PEOPLE.partnershipChair, PEOPLE.director, PEOPLE.scrutineer, PEOPLE.manager, PEOPLE.gpContact].map((p) => [c.type, p.displayName, { ...c, actor: as(p) } as CaseCommand, at] as const)))(
    '%s by %s is refused and records nothing',
    (_type, _who, command, at) => {
      const d = lrDecide(fold(LR_SCENES.planned()), command, new Date(at));
      expect(d.ok ? 'recorded' : d.refusal).toMatch(/^Only the business unit /);
    },
  );
});

describe('timers: reminders before, alerts after, chasers for milestones; nothing decided by silence', () => {
  const state = (events = LR_SCENES.planned()) => fold(events) as CaseState;
  const due = (s: CaseState) => localReviewTimers(s, { calendar: lrCalendar, hours: sampleConfig.workingHours }).map((t) => `${t.key} @ ${t.at.toISOString()}`).sort();

  it(`reminders ${REMINDER_WORKING_DAYS.join(' and ')} working days before each deadline, alerts when each passes, a chaser the working day after each planned milestone`, () => {
    expect(due(state())).toEqual(
      [
        // Copy due 17:00 Monday 23 November (GMT): reminders at the close of Mon 9 and Wed 18 November.
        'localReview:copyReminder10 @ 2026-11-09T17:00:00.000Z',
        'localReview:copyReminder3 @ 2026-11-18T17:00:00.000Z',
        // Each overdue alert at the start of the next working day: the copy's (Monday 23 November, 17:00) at 09:00 Tuesday.
        'localReview:copyOverdue @ 2026-11-24T09:00:00.000Z',
        // Publication by Wednesday 30 December: counted back over Christmas and the substitute Boxing Day.
        'localReview:publicationReminder10 @ 2026-12-14T17:00:00.000Z',
        'localReview:publicationReminder3 @ 2026-12-23T17:00:00.000Z',
        // The six-month day ends at 00:00 on Thursday 31 December: alerted at its opening, 09:00, not at midnight.
        'localReview:publicationOverdue @ 2026-12-31T09:00:00.000Z',
        // Planned Wed 30 Sep (BST), Wed 21 Oct (BST), Wed 4 Nov (GMT): chased at 09:00 the next working day.
        'localReview:milestone:earlyDraft @ 2026-10-01T08:00:00.000Z',
        'localReview:milestone:finalReportPresented @ 2026-10-22T08:00:00.000Z',
        'localReview:milestone:executiveApproval @ 2026-11-05T09:00:00.000Z',
      ].sort(),
    );
  });

  it('the copy alert goes to the business unit and the monitoring channel at the next working day\'s opening, once; moving the publication day earns it again', () => {
    // At the deadline itself (17:00 Monday 23 November) nothing about the copy goes yet.
    const atClose = lrDecide(state(), { type: 'Tick' }, new Date('2026-11-23T17:00:00.000Z'));
    expect(atClose.ok && atClose.events.map((e) => (e.type === 'LocalReviewChased' ? e.chase : e.type)).filter((c) => c.startsWith('copy'))).toEqual([]);
    const t = lrDecide(state(), { type: 'Tick' }, new Date('2026-11-24T09:00:00.000Z'));
    const copy = t.ok ? t.effects.filter((e) => e.type === 'send' && e.key.includes('copyOverdue')) : [];
    expect(sends(copy)).toEqual([`localReviewOverdue -> ${PEOPLE.business.aadObjectId}`, 'localReviewOverdue -> monitoring']);
    // The milestones planned for 30 September, 21 October and 4 November are chased to the business unit only.
    expect(t.ok && t.events.map((e) => (e.type === 'LocalReviewChased' ? e.chase : e.type))).toEqual(['copyOverdue:2026-11-23T17:00:00.000Z', 'milestone:earlyDraft:2026-09-30', 'milestone:finalReportPresented:2026-10-21', 'milestone:executiveApproval:2026-11-04']);
    const after = t.ok ? [...LR_SCENES.planned(), ...t.events] : [];
    expect(lrDecide(fold(after), { type: 'Tick' }, new Date('2026-11-24T09:00:00.000Z'))).toEqual({ ok: true, events: [], effects: [] });
    const moved = lrRun([LR.publication('2026-12-16', '2026-11-24T10:00:00.000Z')], after).state;
    expect(due(moved)).toContain('localReview:copyOverdue @ 2026-12-08T09:00:00.000Z');
  });

  it('published: no more publication or copy timers; the tick records only reminders, never a step', () => {
    expect(due(state(LR_SCENES.published()))).toEqual([]);
    const t = lrDecide(state(), { type: 'Tick' }, new Date('2027-01-10T12:00:00.000Z'));
    expect(t.ok && [...new Set(t.events.map((e) => e.type))]).toEqual(['LocalReviewChased']);
  });
});

describe('the summary for the tab and the history', () => {
  it('status, next milestone, deadlines and whether on time; the id actions attach to', () => {
    const s = localReviewSummary(fold(LR_SCENES.planned())!, new Date('2026-11-24T10:00:00.000Z'))!;
    expect(s).toMatchObject({
      ref: { kind: 'lcspr', caseRef: 'RR-2026-014', id: 'RR-2026-014/lcspr' },
      status: 'underway',
      publicationDueDate: '2026-12-30',
      plannedPublicationDate: '2026-12-02',
      nextMilestone: { milestone: 'earlyDraft', plannedDate: '2026-09-30', overdue: true },
      deadlines: [
        { what: 'publication', state: 'open', dueAt: '2026-12-31T00:00:00.000Z' },
        { what: 'copyToPanel', state: 'overdue', dueAt: '2026-11-23T17:00:00.000Z' },
      ],
      onTime: false,
    });
    expect(localReviewRefOf(fold(SCENES.lcsprAsked())!)).toBeUndefined();
  });

  it('every local review event has a history row in words', () => {
    const rows = timeline(LR_SCENES.published()).slice(SCENES.lcsprDecided().length - 1);
    expect(rows.map((r) => r.what)).toEqual(expect.arrayContaining([expect.stringContaining('Opened the local review (LCSPR)'), expect.stringContaining('Commissioned Robin Reviewer'), expect.stringContaining('Recorded the publication on Wednesday 2 December 2026 (within six months)')]));
  });
});
