import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { PEOPLE, REOPEN_REASON, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * 002 Section E 8.1: "should further information become available that suggests the decision to
 * notify should be reconsidered, this should be raised via the IOWSCP Team with the Chair of LIG,
 * the IOWSCP Partnership Chair and the IOWSCP Independent Scrutineer. The IOWSCP Partnership Chair
 * is the decision maker." The cards each of them sees, while the decision stands and after.
 */

const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const CHAIR: Recipient = { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId };
const render = (spec: CardSpec, events: CaseEvent[], now: string, recipient: Recipient) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};

describe('re-opening on new information (002 8.1)', () => {
  test.each<[string, CardSpec, () => CaseEvent[], Recipient, string[], string[]]>([
    ['the decision in the monitoring channel offers the business unit the way to raise it', { kind: 'decisionRecorded' }, SCENES.finalDecisionAttended, MONITORING, ['Decision recorded'], ['case.show', 'case.history']],
    ['while re-opened, the partnership chair is asked to decide again, told the earlier decision and the review stand', { kind: 'finalDecisionRequest' }, SCENES.reopenedDuringReview, CHAIR, [REOPEN_REASON, 'The earlier decision (**notify the Panel**) stands until you decide, and the rapid review carries on.', 'deciding **do not notify the Panel** closes the case, with your rationale recorded as the reason'], ['decision.final', 'case.history']],
    ['the monitoring channel is told the case carries on meanwhile', { kind: 'decisionReopened' }, SCENES.reopenedDuringReview, MONITORING, ['Re-opened by Billie Business (business unit)', 'Until then the earlier decision (notify the Panel) stands and the case carries on: the rapid review keeps its set-up, returns and attendance.'], ['case.history']],
    ['confirmed: the decision card is the record again, and may be re-opened again', { kind: 'finalDecisionRequest' }, SCENES.reconfirmedDuringReview, CHAIR, ['Final decision: **notify the Panel**', 'Until then this decision stands.'], ['decision.reopen', 'case.history']],
    ['reversed after notification: the case is closed, with nothing left to re-open', { kind: 'finalDecisionRequest' }, SCENES.reversedDuringReview, CHAIR, ['Final decision: **do not notify the Panel**', 'The case was closed when this decision reversed the decision to notify.'], ['case.history']],
  ])('%s', (_s, spec, scene, recipient, shown, verbs) => {
    const { card, text } = render(spec, scene(), '2026-06-15T15:00:00Z', recipient);
    for (const words of shown) expect(text).toContain(words);
    expect(executeActions(card).map((a) => a.verb)).toEqual(verbs);
  });

  test('the decision card\'s re-open button opens the final decision card', () => {
    const { card } = render({ kind: 'decisionRecorded' }, SCENES.finalDecisionAttended(), '2026-06-12T10:00:00Z', MONITORING);
    expect(executeActions(card)[0]).toMatchObject({ title: 'New information: re-open', verb: 'case.show', data: { card: 'finalDecisionRequest' } });
    expect(inputsById(card).size).toBe(0);
  });
});
