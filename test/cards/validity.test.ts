import { describe, expect, test } from 'vitest';
import type { Recipient } from '../../workflow/effects.js';
import {
  caseCard,
  exportLinksCard,
  helpCard,
  historyCard,
  noticeCard,
  referralFormCard,
  referralLoggedCard,
} from '../../cards/index.js';
import { adaptiveCard, execute, textBlock } from '../../cards/adaptiveCard.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import { mayEverSee } from '../../workflow/access.js';
import { assertValidCard, cardProblems, executeActions } from '../support/validateCard.js';
import { CARD_KINDS, CARD_SPECS, CASE_REF, PEOPLE, SCENES, type SceneName, sampleConfig, specName, stateOf } from '../support/sampleConfig.js';

const RECIPIENTS: Recipient[] = [
  { kind: 'person', aadObjectId: PEOPLE.police.aadObjectId },
  { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId },
  { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId },
  // An agency's deputy gets the scoping buttons; its escalation contact the chasers without them.
  { kind: 'person', aadObjectId: PEOPLE.gpDeputy.aadObjectId },
  { kind: 'person', aadObjectId: PEOPLE.gpEscalation.aadObjectId },
  { kind: 'conversation', target: 'monitoring' },
];

// Before and after each deadline in the sample timeline, the dispute's and the rapid review's included.
const NOWS = [
  new Date('2026-06-08T12:00:00Z'),
  new Date('2026-06-09T10:00:00Z'),
  new Date('2026-06-09T16:00:00Z'),
  new Date('2026-06-10T16:00:00Z'),
  new Date('2026-06-11T12:00:00Z'),
  new Date('2026-06-15T09:00:00Z'),
  new Date('2026-06-16T12:00:00Z'),
  new Date('2026-06-22T12:00:00Z'),
  new Date('2026-06-24T12:00:00Z'),
  new Date('2026-07-02T12:00:00Z'),
];

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });

const scenes = Object.keys(SCENES) as SceneName[];

const AGENCY_CARDS = new Set(['scopingRequest', 'scopingChaser', 'extensionAnswer', 'rapidReviewInvitation', 'rapidReviewForInformation', 'actionRequest', 'actionChaser']);

const LEAD_AGENCY_CARDS = new Set(['learningEvent', 'learningEventChaser']);

describe('every case card in every state is a valid 1.5 card that Teams accepts', () => {
  test('the specs cover every kind of card', () => {
    expect(new Set(CARD_SPECS.map((s) => s.kind))).toEqual(new Set(CARD_KINDS));
  });
  for (const scene of scenes) {
    for (const spec of CARD_SPECS) {
      test(`${specName(spec)} when ${scene}`, () => {
        const state = stateOf(SCENES[scene]());
        for (const now of NOWS) {
          for (const [i, recipient] of RECIPIENTS.entries()) {
            // With and without a working calendar in turn: cards must be drawable either way.
            const card = caseCard(spec, { state, config: sampleConfig, now, recipient, ...(i % 2 === 0 ? { calendar } : {}) });
            assertValidCard(card);
            expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: CASE_REF });
            const actions = executeActions(card);
            // Agencies' people act on their own return but may not read the whole history: no button offers it.
            // A lead agency's people are sent the learning event card and its reminders (002 6.6), without the history.
            const agencyViewer = recipient.kind === 'person' && !mayEverSee(sampleConfig, recipient.aadObjectId, { kind: 'history' });
            if (AGENCY_CARDS.has(spec.kind) || (LEAD_AGENCY_CARDS.has(spec.kind) && agencyViewer)) expect(actions.some((a) => a.verb === 'case.history')).toBe(false);
            else expect(actions.at(-1)).toMatchObject({ title: 'History', verb: 'case.history', data: { caseRef: CASE_REF } });
          }
        }
      });
    }
  }
});

describe('the other cards are valid too', () => {
  const now = new Date('2026-06-09T10:00:00Z');
  test('referral form, empty and after a refusal', () => {
    assertValidCard(referralFormCard({ config: sampleConfig, now }));
    assertValidCard(
      referralFormCard({
        config: sampleConfig,
        now,
        notice: '"Baby J" is not a case reference.',
        draft: { caseRef: 'RR-2026-99', harm: 'death', lookedAfter: 'true', awareDate: '2026-06-08', awareTime: '08:30', documentUrl: 'https://x' },
      }),
    );
  });
  test('referral logged, help, notice, export links', () => {
    assertValidCard(referralLoggedCard(stateOf(SCENES.awaitingInitialView()), sampleConfig, now));
    assertValidCard(helpCard(sampleConfig, { localMode: false }));
    assertValidCard(helpCard(sampleConfig, { localMode: true }));
    assertValidCard(noticeCard('Not recorded', "Only the partner's representative or a deputy can reply. Nothing was recorded."));
    assertValidCard(
      exportLinksCard(CASE_REF, { csvUrl: 'https://x.example.org/a.csv', jsonUrl: 'https://x.example.org/a.json', expiresAt: new Date('2026-06-09T11:00:00Z') }, now),
    );
  });
  test('history in every state, with and without export', () => {
    for (const scene of scenes) {
      const events = SCENES[scene]();
      for (const canExport of [true, false]) assertValidCard(historyCard(stateOf(events), events, sampleConfig, now, { canExport }));
    }
  });
});

describe('the validator catches what Teams would reject or the bot would not understand', () => {
  const ok = adaptiveCard([textBlock('Hello')], [execute('History', 'case.history', { caseRef: CASE_REF })]);
  test('a good card has no problems', () => {
    expect(cardProblems(ok)).toEqual([]);
  });
  test('wrong version, unknown verb, missing verb, bad data, empty text', () => {
    expect(cardProblems({ ...ok, version: '1.6' })).toContainEqual(expect.stringContaining('version'));
    expect(cardProblems({ ...ok, actions: [{ type: 'Action.Execute', title: 'x', verb: 'case.delete', data: { caseRef: 'R' } }] })).toContainEqual(
      expect.stringContaining('unknown verb'),
    );
    expect(cardProblems({ ...ok, actions: [{ type: 'Action.Execute', title: 'x', data: {} }] })).toContainEqual(expect.stringContaining('no verb'));
    expect(cardProblems({ ...ok, actions: [{ type: 'Action.Execute', title: 'x', verb: 'case.show', data: { caseRef: 'R', card: 'nope' } }] })).toContainEqual(
      expect.stringContaining('fails'),
    );
    expect(cardProblems({ ...ok, actions: [{ type: 'Action.Execute', title: 'x', verb: 'case.export', data: { caseRef: 'R', aadObjectId: 'a' } }] })).toContainEqual(
      expect.stringContaining('does not know'),
    );
    expect(cardProblems({ ...ok, body: [{ type: 'TextBlock', text: ' ' }] })).toContainEqual(expect.stringContaining('empty text'));
  });
  test("the library's own parse and validation events count as failures", () => {
    expect(cardProblems({ ...ok, body: [{ type: 'Marquee', text: 'x' }] })).toContainEqual(expect.stringContaining('adaptivecards'));
    expect(cardProblems({ ...ok, body: [{ type: 'Input.Text', id: 'a', isRequired: true }] })).toContainEqual(
      expect.stringContaining('RequiredInputsShouldHaveLabel'),
    );
    expect(cardProblems({ ...ok, body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }] })).toContainEqual(expect.stringContaining('DuplicateId'));
  });
  test('inputs a verb needs must be on the card', () => {
    const card = adaptiveCard([textBlock('x')], [execute('Agree', 'initialView.submit', { caseRef: CASE_REF })]);
    expect(cardProblems(card)).toContainEqual(expect.stringContaining('view'));
  });
  test('a card over 28 KB', () => {
    expect(cardProblems(adaptiveCard([textBlock('x'.repeat(30_000))]))).toContainEqual(expect.stringContaining('bytes'));
  });
});
