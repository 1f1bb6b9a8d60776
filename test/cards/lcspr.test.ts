import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, LCSPR_DISAGREEMENT, LINES_OF_ENQUIRY, PEOPLE, REVIEW_RATIONALE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * The cards of the partners' LCSPR decision and of the rapid review's completion (issue 14, items
 * 11-12): each says what happens next and by when, and offers only what the reader may do.
 */

const MONITORING: Recipient = { kind: 'conversation', target: 'decision' };
const NOW = '2026-06-30T11:55:00Z'; // 12:55 Tuesday 30 June
const render = (spec: CardSpec, events: CaseEvent[], extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(NOW), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};

describe("the partners' card on holding a local review", () => {
  test('the recommendation with its rationale and lines of enquiry, the deadline, silence not agreement, Agree and Disagree', () => {
    const { card, text } = render({ kind: 'lcsprDecision' }, SCENES.lcsprAsked());
    expect(text).toContain('recommends **an LCSPR**');
    expect(text).toContain(REVIEW_RATIONALE);
    expect(text).toContain(LINES_OF_ENQUIRY);
    expect(text).toContain('Safeguarding partners: please agree or disagree **by 11:00 on Wednesday 1 July**.');
    expect(text).toContain('Silence is not agreement');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['lcspr.agree', 'lcspr.disagree', 'case.history']);
  });

  test('decided: no buttons, what happens next', () => {
    const { card, text } = render({ kind: 'lcsprDecision' }, SCENES.lcsprDecided());
    expect(text).toContain('**an LCSPR will be held** (the three partners agreed)');
    expect(text).toContain('the review group chair approves the rapid review');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['case.history']);
  });
});

describe("the dispute decider's card", () => {
  test('the disagreement quoted, the 3 working days in words, a decision and a rationale', () => {
    const { card, text } = render({ kind: 'lcsprDispute' }, SCENES.lcsprDisputed(), { recipient: { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId } });
    expect(text).toContain('Health (ICB) disagrees');
    expect(text).toContain(LCSPR_DISAGREEMENT);
    expect(text).toContain('As partnership chair, please decide **by 11:50 on Friday 3 July** (within 3 working days).');
    expect(inputsById(card).get('lcspr')).toMatchObject({ isRequired: true, choices: [{ value: 'yes' }, { value: 'no' }] });
    expect(executeActions(card)[0]).toEqual({ title: 'Record the decision', verb: 'lcspr.decide', data: { caseRef: CASE_REF } });
  });
});

describe("the chair's approval and the business unit's prompt", () => {
  test("the chair's card asks for approval once the partners have decided", () => {
    const { card, text } = render({ kind: 'rapidReviewOutcomeRequest' }, SCENES.lcsprDecided());
    expect(text).toContain('The partners decided: **an LCSPR will be held**. Please approve the rapid review.');
    expect(executeActions(card)[0]).toEqual({ title: 'Approve the rapid review', verb: 'review.approve', data: { caseRef: CASE_REF } });
  });

  test('the business unit sends it to the Panel and Ofsted and the decision to DfE, by the 15 working days', () => {
    const { card, text } = render({ kind: 'rapidReviewSendPrompt' }, SCENES.reviewApproved());
    expect(text).toContain('send it to the Child Safeguarding Practice Review Panel and Ofsted, and the LCSPR decision to DfE, **by 10:45 on Wednesday 1 July**');
    expect([...inputsById(card).keys()]).toEqual(['sentDate', 'sentTime', 'dfeDate', 'dfeTime']);
    expect(executeActions(card)[0]?.verb).toBe('review.sent');
  });

  test("a review-group member's copy is for information, with no history", () => {
    const { card, text } = render({ kind: 'rapidReviewForInformation', agency: 'education' }, SCENES.reviewApproved());
    expect(text).toContain('Education, as a review-group member, receives it for information.');
    expect(executeActions(card)).toEqual([]);
  });
});
