import { describe, expect, test } from 'vitest';
import { cardBytes, historyCard } from '../../cards/index.js';
import type { CaseEvent } from '../../workflow/events.js';
import { periodInWords, timeline } from '../../workflow/timeline.js';
import { assertValidCard, CARD_BYTES_LIMIT, executeActions, visibleText } from '../support/validateCard.js';
import {
  CASE_REF,
  DO,
  EXTENSION_REASON,
  FINAL_RATIONALE,
  OUTCOME_RATIONALE,
  PEOPLE,
  RATIONALE,
  REOPEN_REASON,
  RETURN_URL,
  REVIEW_RATIONALE,
  SCENES,
  T,
  play,
  sampleConfig,
  stateOf,
} from '../support/sampleConfig.js';

const NOW = new Date('2026-06-10T14:00:00Z');

describe('timeline', () => {
  test('one row per event, in order, in plain words, with typed text verbatim and deemed agreement marked', () => {
    const rows = timeline(SCENES.panelNotified());
    // The confirmation opens the rapid review at once: its row follows.
    // The director drafts the view and the chair concurs (002 Section B step 3): two rows, then the author's agreement.
    expect(rows.map((r) => r.at)).toEqual([T.logged, T.viewGiven, T.viewGiven, T.viewGiven, T.viewGiven, T.policeReplied, T.windowSwept, T.windowSwept, T.panelConfirmed, T.panelConfirmed]);
    expect(rows[0]).toMatchObject({ who: 'Billie Business', role: 'business unit', deemed: false });
    expect(rows[0]?.what).toContain('Logged the referral from Police');
    expect(rows[1]).toMatchObject({ who: 'Dana Director', role: "children's services director", detail: RATIONALE, what: 'Gave their view towards the joint initial view: notify the Panel.' });
    expect(rows[2]).toMatchObject({ who: 'Dana Director', role: "children's services director", detail: RATIONALE });
    expect(rows[2]?.what).toBe('Gave the initial view: notify the Panel. Casey Chair (review group chair) concurred.');
    expect(rows[3]).toMatchObject({ what: "Agreed for Local authority children's services, as author of the initial view.", detail: RATIONALE });
    expect(rows[4]?.what).toBe('Posted the initial view to the partners. Replies due by 15:00 on Tuesday 9 June 2026; no reply by then counts as agreement.');
    expect(rows[5]).toMatchObject({ who: 'Pat Police', role: 'Police representative', what: 'Agreed for Police.', detail: 'Agree; the threshold is met.' });
    expect(rows[6]).toEqual({
      at: T.windowSwept,
      who: 'Health (ICB)',
      role: 'statutory partner',
      what: 'Agreement deemed: no response by 15:00 on Tuesday 9 June 2026.',
      deemed: true,
    });
    expect(rows.filter((r) => r.deemed)).toHaveLength(1);
    expect(rows[8]).toMatchObject({ detail: 'CSPRP-2026-0456' });
  });

  test('reminders and alerts never expose whom they went to, only how many', () => {
    // The sweep at half time reminds the chair and the director; at the deadline it tells the monitoring channel.
    const rows = timeline(play(SCENES.awaitingInitialView(), DO.sweep('2026-06-08T15:00:00.000Z'), DO.sweep(T.initialViewDue)));
    expect(rows[1]?.what).toBe('Reminder about the initial view sent to 2 people.');
    expect(JSON.stringify(rows)).not.toContain('aad-');
    expect(rows[2]?.what).toBe('Monitoring channel told: the initial view is overdue.');
  });

  test('with now, instants in the same year drop the year', () => {
    expect(timeline(SCENES.dispute(), NOW)[6]?.what).toBe('Agreement deemed: no response by 15:00 on Tuesday 9 June.');
  });
});

describe('history card', () => {
  test('the whole timeline: who, role, what, when in words, rationale verbatim, deemed marked', () => {
    const events = SCENES.dispute();
    const c = historyCard(stateOf(events), events, sampleConfig, NOW, { canExport: true });
    assertValidCard(c);
    const t = visibleText(c).join('\n');
    expect(c.body[0]).toMatchObject({ text: CASE_REF });
    expect(t).toContain("**15:00 on Monday 8 June** · Dana Director (children's services director)");
    expect(t).toContain(RATIONALE);
    expect(t).toContain('We do not think abuse or neglect is suspected on what we know.');
    expect(t).toContain('**Agreement deemed: no response by 15:00 on Tuesday 9 June.**');
    expect(t).toContain('Dispute opened: Police disagreed.');
  });

  test('Export only for those who may export; Back returns to the card it came from, or the stage’s card', () => {
    const events = SCENES.decidedNotify();
    const state = stateOf(events);
    const withExport = historyCard(state, events, sampleConfig, NOW, { canExport: true, returnTo: 'decisionRecorded' });
    expect(executeActions(withExport)).toEqual([
      { title: 'Export history', verb: 'case.export', data: { caseRef: CASE_REF } },
      { title: 'Back', verb: 'case.show', data: { caseRef: CASE_REF, card: 'decisionRecorded' } },
    ]);
    const without = historyCard(state, events, sampleConfig, NOW, { canExport: false });
    expect(executeActions(without)).toEqual([{ title: 'Back', verb: 'case.show', data: { caseRef: CASE_REF, card: 'panelNotificationRequest' } }]);
  });

  test('a very long history still fits in a Teams message and says what it left out', () => {
    const long = (i: number) => `Reply ${i}: ${'because '.repeat(250)}`.slice(0, 2000);
    // The police change their reply 40 times within their window, a minute apart.
    const flips = Array.from({ length: 40 }, (_, i) => DO.reply(PEOPLE.police, i % 2 === 0 ? 'disagree' : 'agree', long(i), new Date(Date.parse(T.viewGiven) + (i + 1) * 60_000).toISOString()));
    const events = play(SCENES.awaitingReplies(), ...flips);
    const c = historyCard(stateOf(events), events, sampleConfig, NOW, { canExport: true });
    assertValidCard(c);
    expect(cardBytes(c)).toBeLessThan(CARD_BYTES_LIMIT);
    const t = visibleText(c).join('\n');
    expect(t).toContain('the history export has the full text');
    expect(t).toContain('Reply 39:');
  });
});

describe('timeline of a dispute (DOMAIN steps 5-6)', () => {
  const rowsOf = (events: CaseEvent[]) => timeline(events, NOW).slice(SCENES.dispute().length);

  test('a booked meeting: its time in words and how many have a conflict, never who they are or their addresses', () => {
    const [booked] = rowsOf(SCENES.meetingBooked());
    expect(booked).toEqual({ at: T.booked1, who: 'Recorded automatically', role: 'the bot', what: "Booked the partners' meeting for 10:00 to 10:30 on Wednesday 10 June (2 conflicts).", deemed: false });
    expect(JSON.stringify(timeline(SCENES.meetingBooked()))).not.toContain('@');
  });

  test('a failed booking, and the meeting the business unit arranged instead', () => {
    const [failed, arranged] = rowsOf(SCENES.meetingArranged());
    expect(failed?.what).toBe("Could not book the partners' meeting: Microsoft Graph is not configured; the business unit arranges it by 15:00 on Wednesday 10 June.");
    expect(arranged).toMatchObject({ who: 'Billie Business', role: 'business unit', what: "Recorded the partners' meeting, arranged by hand, for 11:00 to 11:30 on Wednesday 10 June." });
    expect(rowsOf(SCENES.decisionMeetingBookingFailed()).at(-1)?.what).toBe(
      'Could not book the decision meeting: Microsoft Graph is not configured; the business unit arranges it by 11:00 on Thursday 11 June.',
    );
  });

  test('the outcome, with the chair’s rationale verbatim, and the escalation with both deadlines', () => {
    const [, outcome, escalated] = rowsOf(SCENES.escalatedNotResolved());
    expect(outcome).toMatchObject({ who: 'Casey Chair', role: 'review group chair', what: "Recorded the meeting's outcome: not resolved.", detail: OUTCOME_RATIONALE });
    expect(escalated?.what).toBe("Escalated to the decision maker: the partners' meeting did not resolve the disagreement. Decision due by 11:00 on Thursday 11 June.");
    const [, overdue, late] = rowsOf(SCENES.escalatedOutcomeOverdue());
    expect(overdue?.what).toBe("Monitoring channel told: the outcome of the partners' meeting is overdue.");
    expect(late?.what).toBe('Escalated to the decision maker: the outcome was not recorded by 15:00 on Wednesday 10 June. Decision due by 15:00 on Thursday 11 June.');
  });

  test('the final decision, by whom, whether the scrutineer attended, and the re-opening with its reason verbatim', () => {
    const rows = rowsOf(SCENES.decidedAgainAfterReopening());
    expect(rows.at(-3)).toMatchObject({ who: 'Morgan Partnership', role: 'partnership chair', what: 'Final decision: notify the Panel. The independent scrutineer attended the meeting.', detail: FINAL_RATIONALE });
    expect(rows.at(-2)).toMatchObject({ who: 'Morgan Partnership', what: 'Re-opened the decision on new information. New decision due by 10:00 on Tuesday 16 June.', detail: REOPEN_REASON });
    expect(rows.at(-1)?.what).toBe('Final decision: notify the Panel. The independent scrutineer did not attend; the full record goes to them.');
  });

  test('agreement at the meeting, and a cancelled meeting', () => {
    expect(rowsOf(SCENES.meetingAgreed()).at(-1)).toMatchObject({ who: 'Casey Chair', what: "Decision: do not notify the Panel. Agreed at the partners' meeting." });
    expect(rowsOf(SCENES.meetingCancelled()).at(-1)?.what).toBe("Cancelled the partners' meeting. The partners now all agree on the initial view, so the meeting is cancelled.");
  });

  test('the history card of a whole dispute is valid, shows the reasons verbatim, and Back returns where it came from', () => {
    const events = SCENES.decidedAgainAfterReopening();
    const c = historyCard(stateOf(events), events, sampleConfig, NOW, { canExport: false, returnTo: 'finalDecisionRequest' });
    assertValidCard(c);
    expect(JSON.stringify(c.body)).toContain(JSON.stringify({ type: 'TextRun', text: REOPEN_REASON }));
    expect(executeActions(c)).toEqual([{ title: 'Back', verb: 'case.show', data: { caseRef: CASE_REF, card: 'finalDecisionRequest' } }]);
  });
});

describe('periodInWords', () => {
  test('one day: the start time, then the end in full; across days: both in full', () => {
    expect(periodInWords(T.meeting1Start, T.meeting1End, NOW)).toBe('10:00 to 10:30 on Wednesday 10 June');
    expect(periodInWords(T.meeting1Start, T.meeting2End, NOW)).toBe('10:00 on Wednesday 10 June to 10:00 on Thursday 11 June');
    expect(periodInWords(T.meeting1Start, T.meeting1End)).toBe('10:00 to 10:30 on Wednesday 10 June 2026');
  });
});

describe('timeline of a rapid review (DOMAIN "The rapid review and scoping returns")', () => {
  // From the rapid review's opening, which follows the Panel notification's confirmation.
  const reviewRows = (events: CaseEvent[], names?: (id: string) => string) => timeline(events, NOW, names).slice(SCENES.decidedNotify().length + 1);
  const byName = (id: string) => sampleConfig.agencies.find((a) => a.id === id)?.name ?? id;

  test('opened and set up: the deadline, the meeting, the papers and return dates, the agencies by name', () => {
    const [opened, setUp] = reviewRows(SCENES.reviewSetUp(), byName);
    expect(opened).toMatchObject({
      who: 'Recorded automatically',
      what: 'Rapid review opened: the Panel was notified at 10:45 on Wednesday 10 June; the rapid review is due by 10:45 on Wednesday 1 July, 15 working days from the notification.',
    });
    expect(setUp).toMatchObject({
      who: 'Billie Business',
      role: 'business unit',
      what:
        'Set up the rapid review: meeting at 10:00 on Tuesday 30 June; papers to members by 10:00 on Tuesday 23 June; returns due by 17:00 on Monday 22 June. ' +
        'Scoping returns asked of Education, Probation Service and GP practice.',
    });
  });

  test('without names (the export), agencies are given by their id', () => {
    expect(reviewRows(SCENES.reviewSetUp())[1]?.what).toContain('Scoping returns asked of education, probation and gp.');
  });

  test('returns, no involvement, more time with its reason verbatim, and the decision on it', () => {
    const rows = reviewRows(SCENES.extensionAgreed(), byName).slice(2);
    expect(rows.map((r) => r.what)).toEqual([
      'Recorded that Probation Service had no involvement with this child or family.',
      "Asked for more time for GP practice's scoping return, to 17:00 on Wednesday 24 June.",
      'Agreed more time for GP practice: its return is now due by 17:00 on Wednesday 24 June.',
      'Reminded Education: scoping return due in two working days.',
      "Recorded Education's scoping return (a link into the document store).",
    ]);
    expect(rows[1]).toMatchObject({ who: 'Gail Surgery', role: 'GP practice scoping deputy', detail: EXTENSION_REASON });
    expect(JSON.stringify(rows)).not.toContain(RETURN_URL('education'));
    expect(reviewRows(SCENES.extensionDeclined(), byName)[4]?.what).toBe('Declined more time for GP practice: its return is still due by 17:00 on Monday 22 June.');
  });

  test('chasers, the papers prompt, attendance and the outcome', () => {
    const rows = reviewRows(SCENES.papersPrompted(), byName);
    expect(rows.at(-2)?.what).toBe('Chased GP practice and its escalation contact: scoping return overdue.');
    expect(rows.at(-1)?.what).toBe('Asked the business unit to circulate the papers: returns still missing from GP practice.');
    expect(reviewRows(SCENES.attendanceConfirmed()).at(-1)).toMatchObject({ who: 'Harper Health', what: 'Confirmed Health (ICB) will attend the rapid review meeting.' });
    // The business unit records the sending; the chair's part is the meeting and the approval (002 Section B).
    expect(reviewRows(SCENES.reviewCompletedOnTime()).at(-1)).toMatchObject({
      who: 'Billie Business',
      role: 'business unit',
      what: "Recorded the rapid review's outcome: an LCSPR is needed. Sent to the Panel and Ofsted at 14:00 on Tuesday 30 June, within the 15 working days. The LCSPR decision was sent to DfE at 14:00 on Tuesday 30 June.",
      detail: REVIEW_RATIONALE,
    });
    expect(reviewRows(SCENES.reviewCompletedOnTime()).at(-2)).toMatchObject({ who: 'Casey Chair', role: 'review group chair', what: expect.stringContaining('Approved the rapid review') });
    expect(reviewRows(SCENES.reviewCompletedLate()).at(-1)?.what).toContain('no LCSPR is needed. Sent to the Panel and Ofsted at 11:00 on Thursday 2 July, after the 15 working days.');
  });

  test('the history card names the agencies, and Back returns to the rapid review board', () => {
    const events = SCENES.reviewCompletedLate();
    const c = historyCard(stateOf(events), events, sampleConfig, NOW, { canExport: true });
    assertValidCard(c);
    const t = visibleText(c).join('\n');
    expect(t).toContain('Now: Closed: the rapid review is complete.');
    expect(t).toContain('Recorded that Probation Service had no involvement with this child or family.');
    expect(executeActions(c).at(-1)).toEqual({ title: 'Back', verb: 'case.show', data: { caseRef: CASE_REF, card: 'rapidReviewBoard' } });
    const open = SCENES.reviewSetUp();
    expect(executeActions(historyCard(stateOf(open), open, sampleConfig, NOW, { canExport: false })).at(-1)?.data).toEqual({ caseRef: CASE_REF, card: 'rapidReviewBoard' });
  });
});
