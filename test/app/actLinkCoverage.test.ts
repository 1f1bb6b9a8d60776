import { describe, expect, test } from 'vitest';
import { ACT_VERBS, ActRequestSchema, ALL_ACT_VERBS, TEAMS_ONLY, actLink, actRequestFor, cardOf, type ActRequest } from '../../app/actLink.js';
import { caseCard } from '../../cards/index.js';
import { VERBS } from '../../cards/verbs.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import { executeActions } from '../support/validateCard.js';
import { CARD_SPECS, PEOPLE, SCENES, type SceneName, sampleConfig, specName, stateOf } from '../support/sampleConfig.js';

/**
 * Issue 16: "There they do exactly what the card offers them". Every card the procedure may
 * address to a person can reach them by email (an email-only person, or a card undeliverable
 * after the retries), so every verb on any card, as drawn for anyone on the sample roster in every
 * scene, must be one its email's link lets them send, or be listed in TEAMS_ONLY with the reason.
 * A new button on a person's card without either fails here, naming the verb and the card.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
// Before, at and after the sample timeline's deadlines: some buttons show only once something is due.
const NOWS = [new Date('2026-06-09T10:00:00Z'), new Date('2026-06-16T12:00:00Z'), new Date('2026-07-02T12:00:00Z')];
const CASE = 'RR-2026-014';

/** Every verb each card offers a person, in any scene, with the card's name. */
function verbsOnPersonCards(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const scene of Object.keys(SCENES) as SceneName[]) {
    const state = stateOf(SCENES[scene]());
    for (const spec of CARD_SPECS) {
      for (const now of NOWS) {
        for (const person of Object.values(PEOPLE)) {
          const card = caseCard(spec, { state, config: sampleConfig, calendar, now, recipient: { kind: 'person', aadObjectId: person.aadObjectId } });
          for (const action of executeActions(card)) {
            const verbs = found.get(specName(spec)) ?? new Set<string>();
            found.set(specName(spec), verbs.add(action.verb));
          }
        }
      }
    }
  }
  return found;
}

describe('acting from an email covers every request a person is asked', () => {
  test('each verb is either sent from the page for some request or Teams-only with a reason, never both', () => {
    const neither = VERBS.filter((v) => !ALL_ACT_VERBS.has(v) && TEAMS_ONLY[v] === undefined);
    const both = VERBS.filter((v) => ALL_ACT_VERBS.has(v) && TEAMS_ONLY[v] !== undefined);
    expect({ neither, both }).toEqual({ neither: [], both: [] });
    for (const reason of Object.values(TEAMS_ONLY)) expect(reason.length).toBeGreaterThan(40);
  });

  // Some 300,000 cards drawn: about 20 s alone, more beside the rest of the suite on two cores.
  test("every verb on a card drawn for a person is on its email's request, or Teams-only", { timeout: 120_000 }, () => {
    const found = verbsOnPersonCards();
    const specs = new Map(CARD_SPECS.map((spec) => [specName(spec), spec]));
    const uncovered: string[] = [];
    for (const [name, verbs] of found) {
      const request = actRequestFor(CASE, specs.get(name)!);
      for (const verb of verbs) {
        if (TEAMS_ONLY[verb as keyof typeof TEAMS_ONLY] !== undefined) continue;
        if (!request || !ACT_VERBS[request.do].includes(verb as never)) uncovered.push(`${verb} on ${name} (its email's request: ${request?.do ?? 'none'})`);
      }
    }
    expect(uncovered).toEqual([]);
    // The check saw the requests issue 16 and 17 name (or it would pass on nothing).
    for (const name of ['attendanceRequest', 'finalDecisionRequest', 'lcsprDispute', 'actionRequest:A1', 'reviewGroupDispute', 'learningEvent', 'localReviewBoard']) expect(found.get(name)?.size ?? 0, name).toBeGreaterThan(1);
  });

  test("each request's card leads back to the request, and its link names exactly the request", () => {
    const requests: ActRequest[] = (Object.keys(ACT_VERBS) as ActRequest['do'][]).map((kind) =>
      kind === 'scoping' ? { case: CASE, do: kind, agency: 'gp' } : kind === 'action' ? { case: CASE, do: kind, action: 'A1' } : ({ case: CASE, do: kind } as ActRequest),
    );
    for (const request of requests) {
      expect(actRequestFor(CASE, cardOf(request)), request.do).toEqual(request);
      const link = new URL(actLink('https://sin.example.org', request));
      expect(link.pathname).toBe('/act/');
      expect(ActRequestSchema.parse(Object.fromEntries(link.searchParams))).toEqual(request);
    }
    // Reminders and chasers link to what they chase; cards that only tell link to nothing.
    expect(actRequestFor(CASE, { kind: 'actionChaser', action: 'A2', chase: 'overdue' })).toEqual({ case: CASE, do: 'action', action: 'A2' });
    expect(actRequestFor(CASE, { kind: 'reminder', about: 'meetingOutcome' })).toEqual({ case: CASE, do: 'meetingOutcome' });
    expect(actRequestFor(CASE, { kind: 'lcsprChaser' })).toEqual({ case: CASE, do: 'lcsprReply' });
    expect(actRequestFor(CASE, { kind: 'decisionRecorded' })).toBeUndefined();
    expect(actRequestFor(CASE, { kind: 'rapidReviewInvitation', agency: 'da-service' })).toBeUndefined();
  });
});
