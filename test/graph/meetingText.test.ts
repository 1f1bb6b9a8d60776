import { describe, expect, it } from 'vitest';
import { meetingTextRefusal, type MeetingTextField } from '../../graph/meetingText.js';
import { invitationText } from '../../app/meetingBooker.js';

const rules = { caseReferencePattern: /^[A-Z]{2,6}-\d{4}-\d{1,4}$/, extraWords: ['IOWSCP'] };

type Row = { sentence: string; field: MeetingTextField; text: string; refused: boolean };

const rows: Row[] = [
  { sentence: 'a subject of procedure words and a case reference', field: 'subject', text: 'SIN decision meeting RR-2026-014', refused: false },
  { sentence: 'the partnership short name when configured', field: 'subject', text: 'IOWSCP: SIN decision (exceptional) – RR-2026-014', refused: false },
  { sentence: 'a name in the subject', field: 'subject', text: 'SIN decision meeting RR-2026-014 Jayden', refused: true },
  { sentence: 'a family name in the subject', field: 'subject', text: 'Smith family RR-2026-014', refused: true },
  { sentence: 'an apostrophe in the subject', field: 'subject', text: 'RR-2026-014 children’s services', refused: true },
  { sentence: 'an empty subject', field: 'subject', text: '  ', refused: true },
  { sentence: 'a subject over 255 characters', field: 'subject', text: 'meeting '.repeat(40), refused: true },
  { sentence: 'a case-reference-shaped token that does not match the pattern', field: 'subject', text: 'meeting RR-26-X', refused: true },
  {
    sentence: 'a body of procedure prose with possessives, times and dates',
    field: 'body',
    text: "The children's services director and the partner representatives could not agree in writing.\nThis short meeting is to reach a decision by 16:50 on Tuesday 5 May. Please prioritise attendance.",
    refused: false,
  },
  { sentence: 'a date of birth with slashes', field: 'body', text: 'Child born 12/03/2015', refused: true },
  { sentence: 'an e-mail address', field: 'body', text: 'Contact mum@example.com', refused: true },
  { sentence: 'a link', field: 'body', text: 'See https://example.org/case', refused: true },
  { sentence: 'a school name', field: 'body', text: 'The referral came from Oakfield Primary.', refused: true },
  { sentence: 'an empty cancellation comment', field: 'comment', text: '', refused: false },
  { sentence: 'a cancellation comment', field: 'comment', text: 'Cancelled: the partners reached a decision in writing.', refused: false },
];

describe('meetingTextRefusal', () => {
  it.each(rows)('$sentence → refused: $refused', ({ field, text, refused }) => {
    expect(meetingTextRefusal(field, text, rules) !== undefined).toBe(refused);
  });

  it('does not repeat the offending words in its reason', () => {
    const reason = meetingTextRefusal('subject', 'SIN decision RR-2026-014 Jayden Smith', rules);
    expect(reason).toMatch(/2 word\(s\) outside/);
    expect(reason).not.toMatch(/Jayden|Smith/);
  });
});

describe("the bot's own invitations pass the check it applies before asking Graph", () => {
  // A word outside the vocabulary here once sent every stage-2 meeting to the business unit to
  // arrange by hand ("Microsoft Graph refused the request"), although Graph was never asked.
  it.each([1, 2] as const)('stage %i: subject and text', (stage) => {
    const { subject, body } = invitationText('RR-2026-014', stage);
    expect(meetingTextRefusal('subject', subject, { caseReferencePattern: /^[A-Z]{2,6}-\d{4}-\d{1,4}$/, extraWords: [] })).toBeUndefined();
    expect(meetingTextRefusal('body', body, { caseReferencePattern: /^[A-Z]{2,6}-\d{4}-\d{1,4}$/, extraWords: [] })).toBeUndefined();
    expect(body).toContain('RR-2026-014');
  });
});
