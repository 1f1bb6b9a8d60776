import { describe, expect, test } from 'vitest';
import { caseCard, cardBytes } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, CARD_BYTES_LIMIT, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, FINAL_RATIONALE, JOIN_URL, PEOPLE, RATIONALE, REOPEN_REASON, SCENES, disputeWith, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

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

  test('"provide their response and rationale (reply to all)" (002 Section B step 4): Agree and Disagree each open a form whose rationale is required', () => {
    const c = card(SCENES.awaitingReplies(), OPEN);
    const agree = c.actions[0];
    expect(agree).toMatchObject({ type: 'Action.ShowCard', title: 'Agree' });
    expect(inputsById(agree).get('comment')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000, isRequired: true, label: 'Rationale' });
    expect(executeActions(agree)).toEqual([{ title: 'Agree', verb: 'partner.agree', data: { caseRef: CASE_REF, asOf: expect.stringMatching(/^\d+$/) } }]);
    const disagree = c.actions[1];
    expect(disagree).toMatchObject({ type: 'Action.ShowCard', title: 'Disagree' });
    expect(inputsById(disagree).get('rationale')).toMatchObject({ isRequired: true, maxLength: 2000 });
    expect(executeActions(disagree)).toEqual([{ title: 'Disagree', verb: 'partner.disagree', data: { caseRef: CASE_REF, asOf: expect.stringMatching(/^\d+$/) } }]);
    expect(verbs(c)).toEqual(['partner.agree', 'partner.disagree', 'case.history']);
  });

  test('a reply shows who gave it and their comment verbatim, never read as Markdown', () => {
    const comment = 'Agree. **Note**: see [the minutes](https://evil.example) and _check_ #1';
    const c = card(play(SCENES.awaitingReplies(), DO.reply(PEOPLE.police, 'agree', comment)), OPEN);
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
    // Ending in a full stop: the procedure stores typed text trimmed, so a trailing space never reaches a card.
    const long = (seed: string) => `${`${seed} `.repeat(2000).slice(0, 1999)}.`;
    expect(long('la')).toHaveLength(2000);
    const events = disputeWith({ view: long('view'), la: long('la'), police: long('police'), health: long('health') });
    const c = card(events, '2026-06-09T16:00:00Z', { notice: 'Recorded: Health (ICB) disagrees.', draft: { comment: long('c'), rationale: long('r') } });
    expect(cardBytes(c)).toBeLessThan(CARD_BYTES_LIMIT);
    for (const seed of ['view', 'la', 'police', 'health']) expect(visibleText(c)).toContain(long(seed));
    expect(text(c)).not.toContain('shortened');
  });

  test('when typed text is not plain ASCII (more bytes per character) quotes are shortened to fit, saying so', () => {
    const heavy = (c: string) => c.repeat(2000);
    const events = disputeWith({ view: heavy('€'), la: heavy('ü'), police: heavy('你'), health: heavy('—') });
    const c = card(events, '2026-06-09T16:00:00Z', { draft: { comment: heavy('é'), rationale: heavy('ß') } });
    expect(cardBytes(c)).toBeLessThan(CARD_BYTES_LIMIT);
    expect(text(c)).toContain('shortened to fit this card; the case history has the full text');
    expect(inputsById(c).get('rationale')?.value).toBe(heavy('ß'));
  });
});

describe('partner decision card during the dispute (DOMAIN steps 5-6)', () => {
  const BEFORE_MEETING = '2026-06-10T07:00:00Z';

  test('stage 1: the meeting time and join link, who records the outcome by when, and replies still open', () => {
    const c = card(SCENES.meetingBooked(), BEFORE_MEETING);
    const t = text(c);
    expect(t).toContain('Dispute: partners disagree; a meeting must be held by **15:00 on Wednesday 10 June**.');
    expect(t).toContain("Partners' meeting: **10:00 to 10:30 on Wednesday 10 June**.");
    expect(t).toContain('Harper Health and Casey Chair have a conflict at that time.');
    expect(t).toContain('Casey Chair (review group chair) records its outcome by then; if it is not recorded by then, the chair and the business unit are chased and the monitoring channel is told. It goes to Morgan Partnership (partnership chair) for a final decision only if the chair records that the meeting did not resolve it.');
    expect(t).toContain('if every partner agrees, the decision is recorded at once and the meeting is cancelled.');
    expect(c.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Join the meeting', url: JOIN_URL });
    expect(verbs(c)).toEqual(['partner.agree', 'partner.disagree', 'case.history']);
  });

  test('stage 1, booking failed: the business unit is arranging it', () => {
    expect(text(card(SCENES.bookingFailed(), BEFORE_MEETING))).toContain('the business unit is arranging it, by 15:00 on Wednesday 10 June');
  });

  test('stage 2: the decision maker and when the decision is due, the decision meeting, and replies still open', () => {
    const c = card(SCENES.decisionMeetingBooked(), '2026-06-10T12:00:00Z');
    const t = text(c);
    expect(t).toContain('Dispute: gone to Morgan Partnership (partnership chair) for a final decision, due by **11:00 on Thursday 11 June**.');
    expect(t).toContain('Decision meeting with the partnership chair, Morgan Partnership (decision maker), and Sam Scrutineer (mediator): **09:30 to 10:00 on Thursday 11 June**.');
    expect(c.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Join the meeting', url: `${JOIN_URL}-2` });
    expect(verbs(c)).toEqual(['partner.agree', 'partner.disagree', 'case.history']);
  });

  test('re-opened: why, verbatim, and the new deadline', () => {
    const c = card(SCENES.reopened(), '2026-06-15T10:00:00Z');
    expect(text(c)).toContain('due by **10:00 on Tuesday 16 June**');
    expect(JSON.stringify(c.body)).toContain(JSON.stringify({ type: 'TextRun', text: REOPEN_REASON }));
  });

  test('after the final decision: who made it and why; no inputs, no join link', () => {
    const c = card(SCENES.finalDecisionAttended(), '2026-06-11T12:00:00Z');
    const t = text(c);
    expect(t).toContain('Decision: **notify the Panel**, recorded at 10:15 on Thursday 11 June.');
    expect(t).toContain('Final decision by Morgan Partnership (partnership chair), because the partners could not agree.');
    expect(t).toContain(FINAL_RATIONALE);
    expect(inputsById(c).size).toBe(0);
    expect(c.actions.map((a) => a.type)).toEqual(['Action.Execute']);
  });

  test('after agreement at the meeting, or in writing before it', () => {
    expect(text(card(SCENES.meetingAgreed(), '2026-06-10T12:00:00Z'))).toContain("Agreed at the partners' meeting, recorded by Casey Chair (review group chair).");
    expect(text(card(SCENES.meetingCancelled(), '2026-06-09T16:30:00Z'))).toContain('All three partners agreed or were deemed to agree.');
  });
});
