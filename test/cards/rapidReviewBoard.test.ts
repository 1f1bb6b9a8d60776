import { describe, expect, test } from 'vitest';
import { CARD_BYTES_MAX, caseCard, cardBytes } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { CaseCommand } from '../../workflow/commands.js';
import type { Agency } from '../../workflow/partnership.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { assertValidCard, CARD_BYTES_LIMIT, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, MANY_AGENCY_IDS, PEOPLE, RETURN_URL, SCENES, T, play, playWith, sampleConfig, stateOf } from '../support/sampleConfig.js';

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const MONITORING = { kind: 'conversation', target: 'monitoring' } as const;

const render = (events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard({ kind: 'rapidReviewBoard' }, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
type Json = Record<string, unknown>;
/** The OpenUrl buttons inside the body: one per returned agency, on its row. */
const returnLinks = (card: unknown): { title: string; url: string }[] => {
  const out: { title: string; url: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Json;
    if (n.type === 'ActionSet') for (const a of n.actions as Json[]) out.push({ title: String(a.title), url: String(a.url) });
    Object.values(n).forEach(visit);
  };
  visit((card as { body: unknown }).body);
  return out;
};

describe('rapid review board (monitoring channel, updated in place)', () => {
  test('the review deadline, return date, papers date and meeting, with working days left when a calendar is given', () => {
    const { text } = render(SCENES.reviewSetUp(), '2026-06-18T12:00:00Z', { calendar });
    expect(text).toMatch(/Returns due\n17:00 on Monday 22 June \(2 working days left\)/);
    expect(text).toMatch(/Papers to members\n10:00 on Tuesday 23 June \(2 working days left\)/);
    expect(text).toMatch(/Meeting\n10:00 on Tuesday 30 June \(7 working days left\)/);
    expect(text).toMatch(/Rapid review due\n10:45 on Wednesday 1 July \(8 working days left\)/);
    const words = render(SCENES.reviewSetUp(), '2026-06-18T12:00:00Z').text;
    expect(words).toMatch(/Returns due\n17:00 on Monday 22 June\n/);
    expect(words).not.toContain('working days left');
  });

  test('one row per agency, in the order chosen, with its status in words', () => {
    const { card, text } = render(SCENES.extensionAsked(), '2026-06-18T12:00:00Z');
    const rows = text.split('\n').filter((line) => line.startsWith('**'));
    expect(rows).toEqual([
      '**Education**: Returned 11:00 on Thursday 18 June by Eve Education',
      '**Probation Service**: No involvement (recorded 14:00 on Monday 15 June by Parker Probation)',
      '**GP practice**: Extension asked to 17:00 on Wednesday 24 June; due by 17:00 on Monday 22 June until agreed',
    ]);
    expect(text).toContain('2 of 3 agencies have responded (1 return, 1 no involvement).');
    expect(returnLinks(card)).toEqual([{ title: 'Open return', url: RETURN_URL('education') }]);
    expect(render(SCENES.extensionAgreed(), '2026-06-18T12:00:00Z').text).toContain('**GP practice**: Extension agreed to 17:00 on Wednesday 24 June');
    expect(render(SCENES.reviewSetUp(), '2026-06-18T12:00:00Z').text).toContain('**GP practice**: Requested (due by 17:00 on Monday 22 June)');
    expect(render(SCENES.extensionDeclined(), '2026-06-18T12:00:00Z').text).toContain('**GP practice**: Requested (due by 17:00 on Monday 22 June); more time declined');
  });

  test('a late return: overdue by N working days with a calendar, since when without one', () => {
    expect(render(SCENES.scopingOverdue(), '2026-06-23T12:00:00Z', { calendar }).text).toContain('**GP practice**: Overdue by 1 working day (due by 17:00 on Monday 22 June)');
    const twoDays = render(SCENES.scopingOverdue(), '2026-06-24T12:00:00Z', { calendar }).text;
    expect(twoDays).toContain('**GP practice**: Overdue by 2 working days (due by 17:00 on Monday 22 June)');
    expect(twoDays).toContain('2 of 3 agencies have responded (1 return, 1 no involvement); 1 overdue.');
    expect(render(SCENES.scopingOverdue(), '2026-06-24T12:00:00Z').text).toContain('**GP practice**: Overdue since 17:00 on Monday 22 June (due by 17:00 on Monday 22 June)');
    // An extension asked for does not stop the clock until it is agreed.
    expect(render(SCENES.extensionAsked(), '2026-06-23T12:00:00Z', { calendar }).text).toContain(
      '**GP practice**: Overdue by 1 working day (due by 17:00 on Monday 22 June); extension asked to 17:00 on Wednesday 24 June',
    );
  });

  test('the quorum: each partner attending, not attending or not yet confirmed, and whether the meeting is quorate', () => {
    const none = render(SCENES.reviewSetUp(), '2026-06-18T12:00:00Z').text;
    expect(none).toContain("The meeting is quorate only with children's services, police and health.");
    expect(none).toMatch(/Police\nnot yet confirmed/);
    expect(none).toContain("The meeting is not yet quorate: waiting for Local authority children's services, Police and Health (ICB) to confirm.");
    const all = render(SCENES.attendanceConfirmed(), '2026-06-18T12:00:00Z').text;
    expect(all).toMatch(/Police\nattending \(Pat Police\)/);
    expect(all).toContain('The meeting is quorate.');
    const healthAway = render(play(SCENES.attendanceConfirmed(), DO.attend('health', false, '2026-06-15T09:00:00.000Z')), '2026-06-18T12:00:00Z').text;
    expect(healthAway).toMatch(/Health \(ICB\)\nnot attending \(Harper Health\)/);
    expect(healthAway).toContain('The meeting is not yet quorate: Health (ICB) is not attending: ask for a deputy.');
  });

  test('what happens if nobody acts, and no inputs: the board is for reading', () => {
    const { card, text } = render(SCENES.reviewSetUp(), '2026-06-18T12:00:00Z');
    expect(text).toContain('A late return is chased each working day, with the agency\'s escalation contact, and this channel is told.');
    expect(text).toContain('This channel is asked to circulate the papers at 10:00 on Tuesday 23 June.');
    expect(text).toContain('nobody records it in their place');
    expect(inputsById(card).size).toBe(0);
    // The one other button opens the exceptional decision not to hold it (002 Section B).
    expect(executeActions(card)).toEqual([
      { title: 'Not holding a rapid review?', verb: 'case.show', data: { caseRef: CASE_REF, card: 'noRapidReview' } },
      { title: 'History', verb: 'case.history', data: { caseRef: CASE_REF, returnTo: 'rapidReviewBoard' } },
    ]);
  });

  test('before set-up it points to the set-up card', () => {
    const { card, text } = render(SCENES.reviewOpened(), '2026-06-10T12:00:00Z');
    expect(text).toContain('Not set up yet');
    expect(executeActions(card)[0]).toEqual({ title: 'Set up the rapid review', verb: 'case.show', data: { caseRef: CASE_REF, card: 'rapidReviewSetup' } });
  });

  test('after completion: the outcome, and on time or late', () => {
    const onTime = render(SCENES.reviewCompletedOnTime(), '2026-06-30T15:00:00Z').text;
    expect(onTime).toContain('Complete: an LCSPR is needed. Sent to the Panel and Ofsted **on time**, within 15 working days from the notification (due by 10:45 on Wednesday 1 July).');
    expect(onTime).toContain('3 of 3 agencies have responded (2 returns, 1 no involvement).');
    expect(onTime).not.toContain('nobody records it');
    const late = render(SCENES.reviewCompletedLate(), '2026-07-02T12:00:00Z').text;
    expect(late).toContain('Complete: no LCSPR is needed. Sent to the Panel and Ofsted **late**');
  });

  test('an agency no longer configured is shown by its id rather than break the board', () => {
    const config: PartnershipFile = { ...sampleConfig, agencies: sampleConfig.agencies.filter((a) => a.id !== 'probation') };
    expect(render(SCENES.extensionAsked(), '2026-06-18T12:00:00Z', { config }).text).toContain('**probation**: No involvement');
  });
});

describe('the board with 30 agencies stays under 28 KB', () => {
  const longName = (i: number) => `Agency ${i + 1}: ${'Safeguarding Children and Families Directorate, Integrated Services '.repeat(2)}`.slice(0, 140);
  const person = (id: string) => ({ aadObjectId: `aad-${id}`, email: `${id}@agency.example.org`, displayName: `Contact ${id}` });
  const agencies: Agency[] = MANY_AGENCY_IDS.map((id, i) => ({
    id,
    name: longName(i),
    contact: person(id),
    deputies: [person(`${id}-deputy`)],
    escalation: person(`${id}-lead`),
    reviewGroup: i < 10,
    domesticAbuseService: false,
  }));
  const config: PartnershipFile = { ...sampleConfig, agencies };
  const now = '2026-06-24T12:00:00Z'; // after the return date: the open ones are all overdue, the longest rows there are

  /** Set up with all thirty, each returned (by its contact) with the link given. */
  const allReturned = (link: (id: string) => string): CaseEvent[] =>
    playWith(config)(
      SCENES.reviewOpened(),
      [{ type: 'SetUpRapidReview', actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName }, meetingAt: T.reviewMeeting, agencies: MANY_AGENCY_IDS }, T.reviewSetUp],
      ...MANY_AGENCY_IDS.map((id): [CaseCommand, string] => [{ type: 'RecordScopingReturn', actor: { aadObjectId: `aad-${id}`, displayName: `Contact ${id}` }, agency: id, documentUrl: link(id) }, T.educationReturned]),
    );

  const board = (events: CaseEvent[]) => {
    const card = caseCard({ kind: 'rapidReviewBoard' }, { state: stateOf(events), config, now: new Date(now), recipient: MONITORING, calendar });
    assertValidCard(card);
    return card;
  };

  test('every status, long names, the quorum: under the limit, every agency and every link shown', () => {
    const card = board(SCENES.thirtyAgencies());
    expect(cardBytes(card)).toBeLessThan(CARD_BYTES_LIMIT);
    // With room to spare: a few more agencies or longer names must not tip it over.
    expect(cardBytes(card)).toBeLessThan(CARD_BYTES_MAX * 0.75);
    const text = visibleText(card).join('\n');
    for (const i of [0, 1, 2, 3, 4, 29]) expect(text).toContain(`**${longName(i)}**`);
    expect(text).toContain('Overdue by 2 working days');
    expect(text).toContain('Police\nnot attending');
    expect(returnLinks(card)).toHaveLength(6);
  });

  test('all 30 returned with realistic links still fit, links and all', () => {
    const events = allReturned((id) => `https://documents.example.org/sites/safeguarding/cases/RR-2026-014/scoping-returns/${id}-referral-response-form-v2.docx`);
    const card = board(events);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTES_MAX);
    expect(returnLinks(card)).toHaveLength(30);
  });

  test('links so long they cannot all fit are left out, and the card says so, rather than Teams refusing it', () => {
    const events = allReturned((id) => `https://documents.example.org/${'deep/'.repeat(200)}${id}.docx`);
    const card = board(events);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTES_MAX);
    expect(returnLinks(card)).toEqual([]);
    expect(visibleText(card).join('\n')).toContain('Links to the returns are left out to fit this card; the history export has each one.');
  });

  test('the set-up card lists the 10 review-group members as always asked, offers the other 20, and still fits', () => {
    const card = caseCard({ kind: 'rapidReviewSetup' }, { state: stateOf(SCENES.reviewOpened()), config, now: new Date('2026-06-10T12:00:00Z'), recipient: MONITORING });
    assertValidCard(card);
    expect(inputsById(card).get('agencies')?.choices).toHaveLength(20);
    expect(visibleText(card).join('\n')).toContain(`Always asked, as review group members: ${longName(0)}`);
    expect(JSON.stringify(card)).not.toContain('@agency.example.org');
  });
});
