import { describe, expect, test } from 'vitest';
import { caseCard, cardBytes } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, CARD_BYTES_LIMIT, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, EV, RATIONALE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

const card = (events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const c = caseCard(
    { kind: 'partnerDecision' },
    { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: { kind: 'conversation', target: 'decision' }, ...extra },
  );
  assertValidCard(c);
  return c;
};
const text = (c: unknown) => visibleText(c).join('\n');
const verbs = (c: unknown) => executeActions(c).map((a) => a.verb);
const OPEN = '2026-06-09T10:00:00Z'; // 11:00 Tuesday, before the 15:00 reply deadline

describe('partner decision card', () => {
  test('shows the initial view, who gave it, the deadline in words and that silence counts as agreement', () => {
    const t = text(card(SCENES.awaitingReplies(), OPEN));
    expect(t).toContain('Initial view: notify the Panel');
    expect(t).toContain("Given by Dana Director (children's services director) at 15:00 on Monday 8 June.");
    expect(t).toContain(RATIONALE);
    expect(t).toContain('Reply by **15:00 on Tuesday 9 June**.');
    expect(t).toContain('No reply by then counts as agreement.');
    expect(t).toContain('You can change your reply until the window closes.');
  });

  test("a row per partner: the author's agreement marked as such, the others awaiting", () => {
    const t = text(card(SCENES.awaitingReplies(), OPEN));
    expect(t).toContain(
      "**Local authority children's services**: Agreed, by Dana Director (Local authority children's services representative) as author of the initial view",
    );
    expect(t).toContain('**Police**: Awaiting reply');
    expect(t).toContain('**Health (ICB)**: Awaiting reply');
  });

  test('Agree takes an optional comment; Disagree opens a form whose rationale is required', () => {
    const c = card(SCENES.awaitingReplies(), OPEN);
    const comment = inputsById(c).get('comment');
    expect(comment).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000 });
    expect(comment?.isRequired).toBeUndefined();
    expect(c.actions[0]).toMatchObject({ type: 'Action.Execute', title: 'Agree', verb: 'partner.agree', data: { caseRef: CASE_REF } });
    const disagree = c.actions[1];
    expect(disagree).toMatchObject({ type: 'Action.ShowCard', title: 'Disagree' });
    expect(inputsById(disagree).get('rationale')).toMatchObject({ isRequired: true, maxLength: 2000 });
    expect(executeActions(disagree)).toEqual([{ title: 'Disagree', verb: 'partner.disagree', data: { caseRef: CASE_REF, asOf: expect.stringMatching(/^\d+$/) } }]);
    expect(verbs(c)).toEqual(['partner.agree', 'partner.disagree', 'case.history']);
  });

  test('a reply shows who gave it and their comment verbatim, never read as Markdown', () => {
    const comment = 'Agree. **Note**: see [the minutes](https://evil.example) and _check_ #1';
    const c = card([...SCENES.awaitingReplies(), EV.policeAgrees(comment)], OPEN);
    expect(text(c)).toContain('**Police**: Agreed, by Pat Police (Police representative), at 09:30 on Tuesday 9 June');
    expect(JSON.stringify(c.body)).toContain(JSON.stringify({ type: 'TextRun', text: comment }));
  });

  test('dispute: says so with the meeting deadline, marks the deemed agreement, and keeps the replies open', () => {
    const c = card(SCENES.dispute(), '2026-06-09T16:00:00Z');
    const t = text(c);
    expect(t).toContain('Dispute: partners disagree; a meeting must be held by **15:00 on Wednesday 10 June**.');
    expect(t).toContain('**Police**: Disagreed, by Pat Police (Police representative)');
    expect(t).toContain('We do not think abuse or neglect is suspected on what we know.');
    expect(t).toContain('**Health (ICB)**: Agreement deemed: no response by 15:00 on Tuesday 9 June');
    expect(verbs(c)).toEqual(['partner.agree', 'partner.disagree', 'case.history']);
  });

  test('once the window has closed (before the sweep records it) no reply can be started', () => {
    const c = card(SCENES.awaitingReplies(), '2026-06-09T14:30:00Z');
    expect(text(c)).toContain('The reply window closed at 15:00 on Tuesday 9 June.');
    expect(verbs(c)).toEqual(['case.history']);
    expect(inputsById(c).size).toBe(0);
  });

  test('once decided: the decision and when, no inputs, only History', () => {
    const c = card(SCENES.decidedNotify(), '2026-06-09T16:00:00Z');
    expect(text(c)).toContain('Decision: **notify the Panel**, recorded at 15:00 on Tuesday 9 June.');
    expect(text(c)).toContain('**Health (ICB)**: Agreement deemed: no response by 15:00 on Tuesday 9 June');
    expect(inputsById(c).size).toBe(0);
    expect(c.actions).toEqual([expect.objectContaining({ verb: 'case.history', data: { caseRef: CASE_REF, returnTo: 'partnerDecision' } })]);
    expect(text(card(SCENES.decidedDoNotNotify(), '2026-06-09T16:00:00Z'))).toContain('Decision: **do not notify the Panel**');
    // What happens next, and by when.
    expect(text(c)).toContain('The local authority notifies the Child Safeguarding Practice Review Panel by **17:00 on Friday 12 June**');
    expect(text(card(SCENES.decidedDoNotNotify(), '2026-06-09T16:00:00Z'))).toContain('Casey Chair) chooses the next step');
  });

  test('after a refused reply: the notice shows and the typed rationale is back in the Disagree form', () => {
    const typed = 'Mr Jones said …';
    const c = card(SCENES.awaitingReplies(), OPEN, {
      notice: 'The rationale seems to contain a name. Nothing was recorded.',
      draft: { rationale: typed, comment: 'my comment' },
    });
    expect(text(c)).toContain('The rationale seems to contain a name. Nothing was recorded.');
    expect(inputsById(c).get('rationale')?.value).toBe(typed);
    expect(inputsById(c).get('comment')?.value).toBe('my comment');
  });

  test('the largest card (four 2,000-character texts and two 2,000-character drafts) fits, with every text in full', () => {
    const long = (seed: string) => `${seed} `.repeat(2000).slice(0, 2000);
    expect(long('la')).toHaveLength(2000);
    const events = [
      EV.logged(),
      ...EV.viewGiven('notify', long('view')),
      EV.laAgrees(long('la')),
      EV.policeDisagrees(long('police')),
      EV.healthDisagrees(long('health')),
      EV.dispute(['police', 'health']),
    ];
    const c = card(events, '2026-06-09T16:00:00Z', { notice: 'Recorded: Health (ICB) disagrees.', draft: { comment: long('c'), rationale: long('r') } });
    expect(cardBytes(c)).toBeLessThan(CARD_BYTES_LIMIT);
    for (const seed of ['view', 'la', 'police', 'health']) expect(visibleText(c)).toContain(long(seed));
    expect(text(c)).not.toContain('shortened');
  });

  test('when typed text is not plain ASCII (more bytes per character) quotes are shortened to fit, saying so', () => {
    const heavy = (c: string) => c.repeat(2000);
    const events = [
      EV.logged(),
      ...EV.viewGiven('notify', heavy('€')),
      EV.laAgrees(heavy('ü')),
      EV.policeDisagrees(heavy('你')),
      EV.healthDisagrees(heavy('—')),
      EV.dispute(['police', 'health']),
    ];
    const c = card(events, '2026-06-09T16:00:00Z', { draft: { comment: heavy('é'), rationale: heavy('ß') } });
    expect(cardBytes(c)).toBeLessThan(CARD_BYTES_LIMIT);
    expect(text(c)).toContain('shortened to fit this card; the case history has the full text');
    expect(inputsById(c).get('rationale')?.value).toBe(heavy('ß'));
  });
});
