import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, visibleText } from '../support/validateCard.js';
import { CASE_REF, PEOPLE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';
import { CONFLICTS, DELAY, INDEPENDENCE, LR, LR_SCENES, lrCalendar, lrRun } from '../support/localReviewScenes.js';

/**
 * The local review's cards (issue 17): parsed by the adaptivecards library, each saying what happens
 * next and by when, and carrying the case reference only.
 */

const BUSINESS: Recipient = { kind: 'person', aadObjectId: PEOPLE.business.aadObjectId };
const render = (spec: CardSpec, events: CaseEvent[], now: string) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: BUSINESS, calendar: lrCalendar });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
const KINDS = ['localReviewBoard', 'localReviewLetter', 'localReviewReminder', 'localReviewOverdue', 'localReviewJustification'] as const;

describe('every local review card parses, on every stage, and says what happens next', () => {
  const stages = { ...LR_SCENES, beforeAnyReview: SCENES.lcsprAsked };
  test.each(KINDS.flatMap((kind) => Object.keys(stages).map((stage) => [kind, stage] as const)))('%s on %s', (kind, stage) => {
    const { card, text } = render({ kind }, stages[stage as keyof typeof stages](), '2026-11-24T10:00:00.000Z');
    expect(text).toContain(CASE_REF);
    if (stage !== 'beforeAnyReview') expect(text).toMatch(/What happens next|Next milestone|Nothing/);
    const verbs = executeActions(card).map((a) => a.verb);
    // The business unit records on the board; every other card leads there. Only what is still open is offered.
    if (stage === 'beforeAnyReview') expect(verbs).toEqual(['case.history']);
    else if (kind === 'localReviewBoard') expect(verbs.every((v) => v.startsWith('localReview.') || v === 'case.history' || v === 'case.show')).toBe(true);
    else expect(verbs).toEqual(['case.show', 'case.history']);
  });
});

describe('the forms on the board follow the review', () => {
  const verbs = (events: CaseEvent[], now: string) => executeActions(render({ kind: 'localReviewBoard' }, events, now).card).map((a) => a.verb);
  test.each([
    ['a case the review group discussed without a notification: the decision to record', SCENES.closed, '2026-06-15T10:00:00.000Z', ['localReview.open', 'case.history']],
    ['just opened', LR_SCENES.opened, '2026-06-30T12:00:00.000Z', ['localReview.lead', 'localReview.told', 'localReview.commission', 'localReview.plan', 'localReview.done', 'localReview.publication', 'case.show', 'case.history']],
    ['commissioned: the name to tell, the reviewer can change', LR_SCENES.commissioned, '2026-07-10T12:00:00.000Z', ['localReview.told', 'localReview.commission', 'localReview.plan', 'localReview.done', 'localReview.publication', 'case.show', 'case.history']],
    ['planned: the copy to record', LR_SCENES.planned, '2026-11-24T10:00:00.000Z', ['localReview.told', 'localReview.commission', 'localReview.plan', 'localReview.done', 'localReview.publication', 'localReview.copySent', 'case.show', 'case.history']],
    ['approved: the publication to record', LR_SCENES.approved, '2026-11-24T10:00:00.000Z', ['localReview.told', 'localReview.commission', 'localReview.plan', 'localReview.done', 'localReview.publication', 'localReview.copySent', 'localReview.published', 'case.show', 'case.history']],
    ['delayed: the justification owed', LR_SCENES.delayed, '2026-12-01T10:00:00.000Z', ['localReview.told', 'localReview.commission', 'localReview.plan', 'localReview.done', 'localReview.publication', 'localReview.copySent', 'localReview.justify', 'case.show', 'case.history']],
    ["published: the reviewer's name still to tell, and the milestones still open", LR_SCENES.published, '2026-12-03T10:00:00.000Z', ['localReview.told', 'localReview.plan', 'localReview.done', 'case.show', 'case.show', 'case.history']],
  ])('%s', (_label, scene, now, expected) => {
    expect(verbs(scene(), now)).toEqual(expected);
  });
});

describe("the business unit's board", () => {
  test('published: what remains is the actions, one click away; not before', () => {
    const shown = (events: CaseEvent[], now: string) => executeActions(render({ kind: 'localReviewBoard' }, events, now).card).filter((a) => a.verb === 'case.show');
    const costs = { title: 'Costs', verb: 'case.show', data: { caseRef: CASE_REF, card: 'reviewCosts' } };
    expect(shown(LR_SCENES.published(), '2026-12-03T10:00:00.000Z')).toEqual([{ title: 'Recommendations and actions', verb: 'case.show', data: { caseRef: CASE_REF, card: 'actionsBoard' } }, costs]);
    expect(shown(LR_SCENES.approved(), '2026-11-24T10:00:00.000Z')).toEqual([costs]);
  });

  test('just opened: lead, telling the Panel, Ofsted and DfE, commissioning, the six-month day', () => {
    const { text } = render({ kind: 'localReviewBoard' }, LR_SCENES.opened(), '2026-06-30T12:00:00.000Z');
    expect(text).toContain('Commissioning the reviewer');
    expect(text).toContain('Wednesday 30 December 2026 (six months)');
    expect(text).toContain('Tell the Child Safeguarding Practice Review Panel, Ofsted and DfE of the decision, and record when (5.6).');
    expect(text).toContain('Record the lead partnership (where the child normally lives; for a looked-after child, the responsible authority)');
  });

  test('5.5 the lead: the form asks whether the child is looked after (the referral\'s answer first) and the responsible authority; the board shows them and quotes a reason for another lead', () => {
    const { card } = render({ kind: 'localReviewBoard' }, LR_SCENES.opened(), '2026-06-30T12:00:00.000Z');
    const json = JSON.stringify(card);
    // The sample referral is a looked-after child: the toggle starts on.
    expect(json).toContain('"id":"lookedAfter","label":"Looked after","title":"The child is looked after","valueOn":"true","valueOff":"false","value":"true"');
    expect(json).toContain('"id":"responsibleAuthority"');
    const reason = 'Hampshire asked this partnership to lead: most of the agencies involved are on the Island.';
    const led = lrRun(
      [[{ type: 'RecordLocalReviewLead', actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName }, leadPartnership: 'Isle of Wight Safeguarding Children Partnership', weLead: true, involved: [], responsibleAuthority: 'Hampshire County Council', leadReason: reason }, '2026-07-01T09:00:00.000Z']],
      LR_SCENES.opened(),
    ).events;
    const { text } = render({ kind: 'localReviewBoard' }, led, '2026-07-01T10:00:00.000Z');
    expect(text).toContain('Lead: this partnership (looked-after child; responsible authority: Hampshire County Council).');
    expect(text).toContain("Why the responsible authority's partnership does not lead (5.5):");
    expect(text).toContain(reason);
  });

  test('5.6 told once: after the rapid review\'s completion the board says it was already recorded, on which day and by whom, and offers no form for it', () => {
    const { card, text } = render({ kind: 'localReviewBoard' }, SCENES.reviewCompletedOnTime(), '2026-07-01T10:00:00.000Z');
    expect(text).toContain("Panel, Ofsted and DfE told of the decision: Already recorded on Tuesday 30 June 2026 by Billie Business, with the rapid review's completion");
    expect(text).not.toContain('Tell the Child Safeguarding Practice Review Panel, Ofsted and DfE of the decision');
    expect(JSON.stringify(card)).not.toContain('Record: Panel, Ofsted and DfE told of the decision');
  });

  test('5.6 told once: recorded first on the local review card, the rapid review\'s send card says so and asks only for the Panel and Ofsted', () => {
    const told = lrRun([[{ type: 'RecordLocalReviewBodiesTold', actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName }, about: 'decision', sentAt: '2026-07-01T10:00:00.000Z' }, '2026-07-01T10:05:00.000Z']], SCENES.reviewApproved()).events;
    const { card, text } = render({ kind: 'rapidReviewSendPrompt' }, told, '2026-07-01T10:10:00.000Z');
    expect(text).toContain('Already recorded on Wednesday 1 July 2026 by Billie Business, on the local review card: the Panel, Ofsted and DfE were told of the decision to hold an LCSPR at 11:00 on Wednesday 1 July (5.6).');
    expect(text).toContain('Please send it to the Child Safeguarding Practice Review Panel and Ofsted **by');
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"sentDate"');
    expect(json).not.toContain('"id":"dfeDate"');
    // Not yet told anywhere: the send card asks for DfE.
    expect(JSON.stringify(render({ kind: 'rapidReviewSendPrompt' }, SCENES.reviewApproved(), '2026-07-01T10:10:00.000Z').card)).toContain('"id":"dfeDate"');
  });

  test("commissioned: the reviewer, independence and conflicts quoted, the reviewer's name still to tell", () => {
    const { text } = render({ kind: 'localReviewBoard' }, LR_SCENES.commissioned(), '2026-07-10T12:00:00.000Z');
    expect(text).toContain('Robin Reviewer, external independent reviewer');
    expect(text).toContain(INDEPENDENCE);
    expect(text).toContain(CONFLICTS);
    expect(text).toContain("Tell the Panel, Ofsted and DfE the reviewer's name (Robin Reviewer), and record when (5.6).");
  });

  test('the copy overdue and a milestone past its date are shown, and what to do', () => {
    const { text } = render({ kind: 'localReviewBoard' }, LR_SCENES.planned(), '2026-11-24T10:00:00.000Z');
    expect(text).toContain('a deadline is missed or at risk');
    expect(text).toContain('OVERDUE: was due by 17:00 on Monday 23 November');
    expect(text).toContain('(past its planned date: record it or move it)');
  });
});

test('the letter of notification to the executive (5.6): the decision and the six-month day', () => {
  const { text } = render({ kind: 'localReviewLetter' }, LR_SCENES.opened(), '2026-06-30T12:00:00.000Z');
  expect(text).toContain('the safeguarding partners decided at 11:50 on Tuesday 30 June to hold a local child safeguarding practice review');
  expect(text).toContain('It must be published by Wednesday 30 December 2026');
});

test('the letter names the board members when there are any (5.6), and says to the scrutineer why it is sent (5.3)', () => {
  const letter = (config: typeof sampleConfig, to: string) => {
    const card = caseCard({ kind: 'localReviewLetter' }, { state: stateOf(LR_SCENES.opened()), config, now: new Date('2026-06-30T12:00:00.000Z'), recipient: { kind: 'person', aadObjectId: to }, calendar: lrCalendar });
    assertValidCard(card);
    return visibleText(card).join('\n');
  };
  const withBoard = { ...sampleConfig, boardMembers: [{ aadObjectId: 'aad-board-only', displayName: 'Bola Board', email: 'bola@example.org' }] };
  expect(letter(sampleConfig, PEOPLE.police.aadObjectId)).toContain('To the Isle of Wight Safeguarding Children Partnership executive: the safeguarding partners decided');
  expect(letter(withBoard, 'aad-board-only')).toContain('To the Isle of Wight Safeguarding Children Partnership executive and board members: the safeguarding partners decided');
  expect(letter(sampleConfig, PEOPLE.scrutineer.aadObjectId)).toContain('To the independent scrutineer, to allow scrutiny of the decision-making process (002 5.3): the safeguarding partners decided');
});

test('the reminder names the deadline; the alert names what passed', () => {
  expect(render({ kind: 'localReviewReminder' }, LR_SCENES.planned(), '2026-11-18T17:00:00.000Z').text).toContain('The copy of the full report to the Panel and the Secretary of State is due by 17:00 on Monday 23 November.');
  const overdue = render({ kind: 'localReviewOverdue' }, LR_SCENES.planned(), '2026-12-31T00:00:00.000Z').text;
  expect(overdue).toContain('Publication was due by Wednesday 30 December 2026 and is not recorded.');
  expect(overdue).toContain('justification for the delay (5.18)');
});

test('the justification prompt: owed, then quoted once recorded', () => {
  const owed = render({ kind: 'localReviewJustification' }, LR_SCENES.delayed(), '2026-12-01T10:00:00.000Z').text;
  expect(owed).toContain('the justification for delay to publication beyond six months, and record it (002 5.18)');
  const sent = render({ kind: 'localReviewJustification' }, lrRun([LR.justify('delay', '2026-12-01T12:00:00.000Z', '2026-12-01T12:05:00.000Z')], LR_SCENES.delayed()).events, '2026-12-01T13:00:00.000Z').text;
  expect(sent).toContain('No justification is owed now.');
  expect(sent).toContain(DELAY);
});
