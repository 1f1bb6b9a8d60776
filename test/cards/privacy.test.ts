import { describe, expect, test } from 'vitest';
import { caseCard, historyCard, referralLoggedCard } from '../../cards/index.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { expectedAttendees } from '../../workflow/meetings/attendees.js';
import type { CaseEvent } from '../../workflow/events.js';
import { executeActions, visibleText } from '../support/validateCard.js';
import { CARD_SPECS, CASE_REF, PEOPLE, SCENES, type SceneName, sampleConfig, stateOf } from '../support/sampleConfig.js';

const scrutineerDecides: PartnershipFile = { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' };

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

const AAD_IDS = [...Object.values(PEOPLE).map((p) => p.aadObjectId), 'aad-'];
/** Whole addresses: "chair@…" is inside "pchair@…", so a substring test would mislead. */
const emailsIn = (text: string): string[] => text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
// asOf is the case's version number, so a click on an out-of-date card can be recognised; stage is
// the dispute stage (1 or 2); scrutineerAttended is fixed at "true" where the scrutineer decides;
// agency is the configured id of the agency a scoping button is about (one person may act for
// several); decision is agree or decline on a request for more time; attending is yes or no.
// 'action': an action's id within the case (A1), never anything about the child (issue 17).
// 'about': which of the local review's notifications (the decision, the reviewer's name) a form records: a fixed choice, never typed.
const ALLOWED_DATA_KEYS = ['caseRef', 'card', 'returnTo', 'asOf', 'stage', 'scrutineerAttended', 'agency', 'decision', 'attending', 'action', 'about'];

/**
 * The arrange card is the one exception: the business unit must send the invitation itself, so it
 * lists the attendees' work addresses, and only theirs. Never an Entra id, anywhere.
 */
function emailsAllowedOn(spec: CardSpec, config: PartnershipFile): string[] {
  return spec.kind === 'arrangeMeetingRequest' ? expectedAttendees(config, spec.stage).map((a) => a.person.email) : [];
}

function expectClean(card: unknown, allowedEmails: readonly string[] = []): void {
  const serialised = JSON.stringify(card);
  const text = visibleText(card).join('\n');
  expect(text).not.toContain(SECRET_PATH);
  for (const id of AAD_IDS) expect(serialised).not.toContain(id);
  for (const email of emailsIn(serialised)) expect(allowedEmails).toContain(email);
  expect(serialised).not.toMatch(/"data":\{[^}]*@/);
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
      for (const config of [sampleConfig, scrutineerDecides]) {
        for (const spec of CARD_SPECS) {
          // An agency's contact sees its buttons, and its escalation contact its chasers.
          const recipients = [
            { kind: 'person' as const, aadObjectId: PEOPLE.police.aadObjectId },
            { kind: 'person' as const, aadObjectId: PEOPLE.gpDeputy.aadObjectId },
            { kind: 'person' as const, aadObjectId: PEOPLE.gpEscalation.aadObjectId },
            { kind: 'conversation' as const, target: 'monitoring' as const },
          ];
          for (const recipient of recipients) {
            expectClean(caseCard(spec, { state, config, now: new Date('2026-06-10T12:00:00Z'), recipient }), emailsAllowedOn(spec, config));
          }
        }
      }
      expectClean(historyCard(state, events, sampleConfig, new Date('2026-06-09T10:00:00Z'), { canExport: true }));
      expectClean(referralLoggedCard(state, sampleConfig, new Date('2026-06-09T10:00:00Z')));
    });
  }

  test('e-mail addresses appear only while the business unit must arrange a meeting, and only the attendees’', () => {
    const now = new Date('2026-06-10T08:00:00Z');
    const monitoring = { kind: 'conversation' as const, target: 'monitoring' as const };
    const arrange = (scene: SceneName, stage: 1 | 2) =>
      JSON.stringify(caseCard({ kind: 'arrangeMeetingRequest', stage }, { state: stateOf(SCENES[scene]()), config: sampleConfig, now, recipient: monitoring }));
    const shown = (scene: SceneName, stage: 1 | 2) => new Set(emailsIn(arrange(scene, stage)));
    expect(shown('bookingFailed', 1)).toEqual(new Set([PEOPLE.director, PEOPLE.police, PEOPLE.health, PEOPLE.chair].map((p) => p.email)));
    expect(shown('decisionMeetingBookingFailed', 2)).toEqual(new Set([PEOPLE.director, PEOPLE.police, PEOPLE.health, PEOPLE.partnershipChair, PEOPLE.scrutineer].map((p) => p.email)));
    // Once arranged, or while the bot books it itself, there is nothing to send and no address is shown.
    for (const scene of ['meetingArranged', 'meetingBooked', 'dispute'] as const) expect(emailsIn(arrange(scene, 1))).toEqual([]);
  });

  test("a scoping return's link is a button on the board and on the agency's card, never text", () => {
    const secretReturn = `https://documents.example.org/${SECRET_PATH}/return.docx`;
    const events = SCENES.extensionAgreed().map((e) => (e.type === 'ScopingReturned' ? { ...e, documentUrl: secretReturn } : e));
    const state = stateOf(events);
    const now = new Date('2026-06-18T12:00:00Z');
    const board = caseCard({ kind: 'rapidReviewBoard' }, { state, config: sampleConfig, now, recipient: { kind: 'conversation', target: 'monitoring' } });
    const request = caseCard({ kind: 'scopingRequest', agency: 'education' }, { state, config: sampleConfig, now, recipient: { kind: 'person', aadObjectId: PEOPLE.educationContact.aadObjectId } });
    for (const card of [board, request]) {
      expect(visibleText(card).join('\n')).not.toContain(SECRET_PATH);
      expect(JSON.stringify(card)).toContain(JSON.stringify({ type: 'Action.OpenUrl', title: 'Open return', url: secretReturn }));
    }
  });

  test("no agency person's address is on any rapid review card", () => {
    const agencyEmails = sampleConfig.agencies.flatMap((a) => [a.contact, ...a.deputies, a.escalation]).map((p) => p.email);
    for (const scene of ['scopingOverdue', 'extensionAsked', 'reviewCompletedLate'] as const) {
      const state = stateOf(SCENES[scene]());
      for (const spec of CARD_SPECS) {
        const serialised = JSON.stringify(caseCard(spec, { state, config: sampleConfig, now: new Date('2026-06-23T12:00:00Z'), recipient: { kind: 'person', aadObjectId: PEOPLE.gpContact.aadObjectId } }));
        for (const email of agencyEmails) expect(serialised).not.toContain(email);
      }
    }
  });

  test('the document link is still there, as a link', () => {
    const state = stateOf(withSecretDocument(SCENES.awaitingInitialView()));
    const card = caseCard({ kind: 'initialViewRequest' }, { state, config: sampleConfig, now: new Date('2026-06-08T12:00:00Z'), recipient: { kind: 'conversation', target: 'monitoring' } });
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open referral document', url: `https://documents.example.org/${SECRET_PATH}/file.docx` });
  });
});
