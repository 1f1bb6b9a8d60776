import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, CHAIR_DIFFERENT_RATIONALE, DO, DOCUMENT_URL, PEOPLE, RATIONALE, SCENES, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const card = (events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const c = caseCard(
    { kind: 'initialViewRequest' },
    { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId }, ...extra },
  );
  assertValidCard(c);
  return c;
};
const text = (c: unknown) => visibleText(c).join('\n');

describe('initial view request', () => {
  test('asks for the view by the deadline in words, says who may give it and what happens if nobody does', () => {
    const c = card(SCENES.awaitingInitialView(), '2026-06-08T12:00:00Z');
    const t = text(c);
    expect(t).toContain('by 10:00 on Tuesday 9 June');
    expect(t).toContain('Casey Chair (review group chair)');
    expect(t).toContain("Dana Director (children's services director)");
    expect(t).toContain('together: one of you drafts it, the other concurs or gives a different view. It goes to the partners only when you both agree. If it is late the business unit is told; it is never assumed.');
    expect(t).not.toContain('overdue');
  });

  test('shows the referral facts and links the document rather than showing it', () => {
    const c = card(SCENES.awaitingInitialView(), '2026-06-08T12:00:00Z');
    const t = text(c);
    expect(t).toContain('Referring agency');
    expect(t).toContain('08:30 on Monday 8 June');
    expect(t).toContain('The child has been seriously harmed');
    expect(t).toContain("In the partnership's area");
    expect(t).toMatch(/Looked-after child\nYes/);
    expect(c.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open referral document', url: DOCUMENT_URL });
  });

  test('takes a view (notify or not) and a required rationale of up to 2,000 characters, with the no-names hint', () => {
    const c = card(SCENES.awaitingInitialView(), '2026-06-08T12:00:00Z');
    const inputs = inputsById(c);
    expect(inputs.get('view')).toMatchObject({
      type: 'Input.ChoiceSet',
      isRequired: true,
      choices: [
        { title: 'Notify the Panel', value: 'notify' },
        { title: 'Do not notify the Panel', value: 'doNotNotify' },
      ],
    });
    expect(inputs.get('rationale')).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: 2000 });
    expect(text(c)).toContain("Never include the child's or family's names");
    expect(executeActions(c)[0]).toEqual({ title: 'Give my view', verb: 'initialView.submit', data: { caseRef: CASE_REF } });
  });

  test('after the deadline it says it is overdue and whether the business unit has been told', () => {
    expect(text(card(SCENES.awaitingInitialView(), '2026-06-09T10:00:00Z'))).toContain(
      'This is overdue since 10:00 on Tuesday 9 June; the business unit will be told.',
    );
    expect(text(card(play(SCENES.awaitingInitialView(), DO.sweep('2026-06-09T09:00:05.000Z')), '2026-06-09T10:00:00Z'))).toContain('the business unit has been told');
  });

  test('once given, both copies show who gave it, when, the view and the rationale, with no inputs', () => {
    const c = card(SCENES.awaitingReplies(), '2026-06-08T16:00:00Z');
    const t = text(c);
    expect(t).toContain("Initial view given by Dana Director (children's services director) at 15:00 on Monday 8 June: **notify the Panel**.");
    expect(t).toContain(RATIONALE);
    expect(inputsById(c).size).toBe(0);
    expect(executeActions(c).map((a) => a.verb)).toEqual(['case.history']);
  });

  test('after a refused submit: the notice at the top and what was typed is still there', () => {
    const typed = 'The child Mr Smith was seen …';
    const c = card(SCENES.awaitingInitialView(), '2026-06-08T12:00:00Z', {
      notice: 'The rationale seems to contain a name. Cards and records carry only the case reference.',
      draft: { view: 'doNotNotify', rationale: typed },
    });
    expect(c.body[2]).toMatchObject({ type: 'Container', items: [{ text: 'The rationale seems to contain a name. Cards and records carry only the case reference.' }] });
    expect(inputsById(c).get('view')?.value).toBe('doNotNotify');
    expect(inputsById(c).get('rationale')?.value).toBe(typed);
  });

  test('a draft choice the card does not offer is dropped rather than break the card', () => {
    const c = card(SCENES.awaitingInitialView(), '2026-06-08T12:00:00Z', { draft: { view: 'perhaps' } });
    expect(inputsById(c).get('view')?.value).toBeUndefined();
  });

  // 002 Section B step 3: "The referral is reviewed by the Chair of LIG and Service Director of Children's Social Care."
  const asPerson = (id: string) => ({ recipient: { kind: 'person' as const, aadObjectId: id } });
  const MONITORING = { recipient: { kind: 'conversation' as const, target: 'monitoring' as const } };
  test.each([
    ['the director drafted: the chair sees the draft, with Concur and a different-view form', SCENES.initialViewDrafted, asPerson(PEOPLE.chair.aadObjectId), ['initialView.concur', 'initialView.submit', 'case.history'], ["Dana Director (children's services director): notify the Panel", RATIONALE]],
    ['the director drafted: the director sees their draft, waiting for the chair, and may revise it', SCENES.initialViewDrafted, asPerson(PEOPLE.director.aadObjectId), ['initialView.submit', 'case.history'], ['Waiting for Casey Chair (review group chair) to concur or give their view.', RATIONALE]],
    ['they differ: the chair sees both views and may concur with the director', SCENES.initialViewsDiffer, asPerson(PEOPLE.chair.aadObjectId), ['initialView.concur', 'initialView.submit', 'case.history'], ['Your views differ. The business unit has been told.', RATIONALE, CHAIR_DIFFERENT_RATIONALE]],
    ['they differ: the director sees both views and may concur with the chair', SCENES.initialViewsDiffer, asPerson(PEOPLE.director.aadObjectId), ['initialView.concur', 'initialView.submit', 'case.history'], ['Your views differ.', 'Casey Chair (review group chair): do not notify the Panel', CHAIR_DIFFERENT_RATIONALE]],
    ['they differ: the business unit sees both views in the monitoring channel, with nothing to click but the history', SCENES.initialViewsDiffer, MONITORING, ['case.history'], ['Your views differ. The business unit has been told.', RATIONALE, CHAIR_DIFFERENT_RATIONALE]],
  ])('%s', (_sentence, scene, who, verbs, shown) => {
    const c = card(scene(), '2026-06-08T16:00:00Z', who);
    expect(executeActions(c).map((a) => a.verb)).toEqual(verbs);
    for (const words of shown) expect(text(c)).toContain(words);
  });

  test('the concur button names whose view it concurs with, and the different-view form is a ShowCard so Concur needs no input', () => {
    const c = card(SCENES.initialViewDrafted(), '2026-06-08T16:00:00Z', asPerson(PEOPLE.chair.aadObjectId));
    expect(c.actions[0]).toMatchObject({ type: 'Action.Execute', title: 'Concur with Dana Director', verb: 'initialView.concur', data: { caseRef: CASE_REF } });
    expect(c.actions[1]).toMatchObject({ type: 'Action.ShowCard', title: 'Give a different view' });
    expect(inputsById(c.body).size).toBe(0);
  });

  test('once agreed, the record says who concurred', () => {
    const t = text(card(SCENES.awaitingReplies(), '2026-06-08T16:00:00Z'));
    expect(t).toContain('Casey Chair (review group chair) concurred.');
  });
});
