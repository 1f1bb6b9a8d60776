import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, visibleText } from '../support/validateCard.js';
import { PEOPLE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * 004's severity matrix wherever a type of review is chosen (issue 17), labelled as guidance that
 * 002's criteria override (002 5.2: "it is for the safeguarding partners to determine whether a
 * review is appropriate"), and gone once the choice is made.
 */

const to = (aadObjectId: string): Recipient => ({ kind: 'person', aadObjectId });
const text = (spec: CardSpec, events: CaseEvent[], now: string, recipient: Recipient) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient });
  assertValidCard(card);
  return visibleText(card).join('\n');
};

describe('the severity guidance where a review type is chosen', () => {
  test.each([
    ["the chair's rapid review outcome: the LCSPR recommendation", { kind: 'rapidReviewOutcomeRequest' }, SCENES.papersPrompted, '2026-06-30T12:00:00Z', to(PEOPLE.chair.aadObjectId)],
    ["the partners' LCSPR decision", { kind: 'lcsprDecision' }, SCENES.lcsprAsked, '2026-06-30T11:55:00Z', to(PEOPLE.business.aadObjectId)],
    ["the dispute decider's LCSPR decision", { kind: 'lcsprDispute' }, SCENES.lcsprDisputed, '2026-06-30T11:55:00Z', to(PEOPLE.partnershipChair.aadObjectId)],
    ['the learning event decision form', { kind: 'learningEvent' }, SCENES.closed, '2026-06-11T10:00:00Z', to(PEOPLE.business.aadObjectId)],
    ['the local review open form', { kind: 'localReviewBoard' }, SCENES.closed, '2026-06-15T10:00:00Z', to(PEOPLE.business.aadObjectId)],
  ] as [string, CardSpec, () => CaseEvent[], string, Recipient][])('%s', (_label, spec, scene, now, recipient) => {
    const t = text(spec, scene(), now, recipient);
    expect(t).toContain('Guidance only: severity matrix (004, 2013)');
    expect(t).toContain('The criteria in 002 5.2 decide');
    expect(t).toContain('Practice manager audit or review');
    // The examples are 004's "Incident" column, not its "Statutory compliance" column ("Failure to meet internal
    // standards and policy, procedure", "Minor non compliance").
    expect(t).toContain('For example: parents charged with neglect, or a child missing education');
    expect(t).toContain('For example: abrasions or bruises; minor injuries to a child');
    expect(t).not.toContain('internal standards');
    expect(t).not.toContain('non compliance');
  });

  test.each([
    ["the partners' card once decided", { kind: 'lcsprDecision' }, SCENES.lcsprDecided, '2026-06-30T11:55:00Z'],
    ['the learning event once decided', { kind: 'learningEvent' }, SCENES.learningEventDecided, '2026-06-11T10:00:00Z'],
  ] as [string, CardSpec, () => CaseEvent[], string][])('not on %s', (_label, spec, scene, now) => {
    expect(text(spec, scene(), now, to(PEOPLE.business.aadObjectId))).not.toContain('severity matrix');
  });
});
