import { describe, expect, test } from 'vitest';
import { caseCard, historyCard, referralLoggedCard } from '../../cards/index.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { executeActions, visibleText } from '../support/validateCard.js';
import { CASE_REF, PEOPLE, SCENES, type SceneName, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * Cards carry the case reference and what users typed, never anything else about the case: the
 * referral document's address (its path could hold a name) appears only as a link target, and no
 * identifier or e-mail address of any person appears anywhere, nor in what a button sends back.
 */

const SECRET_PATH = 'SECRET-DOCUMENT-PATH';
const withSecretDocument = (events: CaseEvent[]): CaseEvent[] =>
  events.map((e) =>
    e.type === 'ReferralLogged' ? { ...e, referral: { ...e.referral, documentUrl: `https://documents.example.org/${SECRET_PATH}/file.docx` } } : e,
  );

const SPECS: CardSpec[] = [
  { kind: 'initialViewRequest' },
  { kind: 'partnerDecision' },
  { kind: 'reminder', about: 'initialView' },
  { kind: 'reminder', about: 'partnerReply' },
  { kind: 'reminder', about: 'panelNotification' },
  { kind: 'overdue', about: 'initialView' },
  { kind: 'overdue', about: 'panelNotification' },
  { kind: 'decisionRecorded' },
  { kind: 'disputeOpened' },
  { kind: 'panelNotificationRequest' },
  { kind: 'panelNotificationConfirmed' },
  { kind: 'nextStepRequest' },
  { kind: 'nextStepChosen' },
];

const IDENTIFIERS = [...Object.values(PEOPLE).flatMap((p) => [p.aadObjectId, p.email]), 'aad-'];
// asOf is the case's version number, so a click on an out-of-date card can be recognised.
const ALLOWED_DATA_KEYS = ['caseRef', 'card', 'returnTo', 'asOf'];

function expectClean(card: unknown): void {
  const serialised = JSON.stringify(card);
  const text = visibleText(card).join('\n');
  expect(text).not.toContain(SECRET_PATH);
  for (const id of IDENTIFIERS) expect(serialised).not.toContain(id);
  for (const action of executeActions(card)) {
    for (const key of Object.keys(action.data)) expect(ALLOWED_DATA_KEYS).toContain(key);
    expect(action.data.caseRef).toBe(CASE_REF);
  }
  expect(text).toContain(CASE_REF);
}

describe('no case card carries more than the case reference and what users typed', () => {
  for (const scene of Object.keys(SCENES) as SceneName[]) {
    test(`every card when ${scene}`, () => {
      const events = withSecretDocument(SCENES[scene]());
      const state = stateOf(events);
      for (const spec of SPECS) {
        const recipients = [{ kind: 'person' as const, aadObjectId: PEOPLE.police.aadObjectId }, { kind: 'conversation' as const, target: 'monitoring' as const }];
        for (const recipient of recipients) expectClean(caseCard(spec, { state, config: sampleConfig, now: new Date('2026-06-09T10:00:00Z'), recipient }));
      }
      expectClean(historyCard(state, events, sampleConfig, new Date('2026-06-09T10:00:00Z'), { canExport: true }));
      expectClean(referralLoggedCard(state, sampleConfig, new Date('2026-06-09T10:00:00Z')));
    });
  }

  test('the document link is still there, as a link', () => {
    const state = stateOf(withSecretDocument(SCENES.awaitingInitialView()));
    const card = caseCard({ kind: 'initialViewRequest' }, { state, config: sampleConfig, now: new Date('2026-06-08T12:00:00Z'), recipient: { kind: 'conversation', target: 'monitoring' } });
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open referral document', url: `https://documents.example.org/${SECRET_PATH}/file.docx` });
  });
});
