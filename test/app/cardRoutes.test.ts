import { describe, expect, test } from 'vitest';
import { ALL_CARD_ROUTES, CARD_ROUTES, routeTable } from '../../app/cardRoutes/index.js';
import { isCommandRoute } from '../../app/cardRoutes/route.js';
import { VERB_DATA_SCHEMAS } from '../../cards/verbs.js';
import { awaySuggestionCard, caseCard, helpCard, historyCard, referralFormCard, referralLoggedCard } from '../../cards/index.js';
import { VERBS } from '../../cards/verbs.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import type { Recipient } from '../../workflow/effects.js';
import { executeActions } from '../support/validateCard.js';
import { CARD_SPECS, PEOPLE, SCENES, type SceneName, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * The route table and the cards agree: a card cannot offer a button nothing answers, and no route
 * waits for a verb no card sends (unless it says it is typed, not clicked). The cards are the ones
 * the scene fixtures render, for everyone on the sample roster and both channels.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const RECIPIENTS: Recipient[] = [
  ...Object.values(PEOPLE).map((p): Recipient => ({ kind: 'person', aadObjectId: p.aadObjectId })),
  { kind: 'conversation', target: 'monitoring' },
  { kind: 'conversation', target: 'decision' },
];
// Before, at and after the sample timeline's deadlines: some buttons show only once something is due.
const NOWS = [new Date('2026-06-09T10:00:00Z'), new Date('2026-06-16T12:00:00Z'), new Date('2026-07-02T12:00:00Z')];

/** Every verb on every card the scenes render, with one card that sends it, to name in a failure. */
function emittedVerbs(): Map<string, string> {
  const emitted = new Map<string, string>();
  const collect = (card: unknown, where: string) => {
    for (const action of executeActions(card)) if (!emitted.has(action.verb)) emitted.set(action.verb, where);
  };
  const now = NOWS[0]!;
  collect(referralFormCard({ config: sampleConfig, now }), 'referral form');
  collect(helpCard(sampleConfig, { localMode: true }), 'help');
  collect(awaySuggestionCard({ now, until: new Date(now.getTime() + 3 * 86_400_000) }), "Outlook's absence suggestion");
  for (const scene of Object.keys(SCENES) as SceneName[]) {
    const events = SCENES[scene]();
    const state = stateOf(events);
    collect(referralLoggedCard(state, sampleConfig, now), `referral logged, ${scene}`);
    collect(historyCard(state, events, sampleConfig, now, { canExport: true, returnTo: 'partnerDecision' }), `history, ${scene}`);
    for (const spec of CARD_SPECS) {
      for (const at of NOWS) {
        for (const recipient of RECIPIENTS) collect(caseCard(spec, { state, config: sampleConfig, calendar, now: at, recipient }), `${spec.kind}, ${scene}`);
      }
    }
  }
  return emitted;
}

describe('card routes', () => {
  test('every verb has exactly one route; the table refuses a verb routed twice or not at all', () => {
    expect([...CARD_ROUTES.keys()].sort()).toEqual([...VERBS].sort());
    expect(ALL_CARD_ROUTES).toHaveLength(VERBS.length);
    const history = ALL_CARD_ROUTES.find((r) => r.verb === 'case.history')!;
    expect(() => routeTable([...ALL_CARD_ROUTES, history])).toThrow('Card verbs routed more than once: case.history');
    expect(() => routeTable(ALL_CARD_ROUTES.filter((r) => r !== history))).toThrow('Card verbs with no route: case.history');
  });

  test('every verb a rendered card sends has a route, and every route answers a verb some card sends or is typed only', () => {
    const emitted = emittedVerbs();
    const unrouted = [...emitted].filter(([verb]) => !CARD_ROUTES.has(verb as never)).map(([verb, where]) => `${verb} (on ${where})`);
    expect(unrouted).toEqual([]);
    const neverEmitted = ALL_CARD_ROUTES.filter((r) => !emitted.has(r.verb) && !r.botCommandOnly).map((r) => r.verb);
    expect(neverEmitted).toEqual([]);
    // A route that says it is typed only must not be on a card after all.
    const typedButOnACard = ALL_CARD_ROUTES.filter((r) => r.botCommandOnly && emitted.has(r.verb)).map((r) => r.verb);
    expect(typedButOnACard).toEqual([]);
  });

  test('review.sent: the DfE fields may be left out (the send card leaves them out once the local review card records the decision told, 5.6); half given is refused', () => {
    const sent = CARD_ROUTES.get('review.sent')!;
    if (!isCommandRoute(sent)) throw new Error('review.sent is a command route');
    const actor = { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName };
    const command = (data: Record<string, string>) => sent.toCommand(VERB_DATA_SCHEMAS['review.sent'].parse({ caseRef: 'RR-2026-014', sentDate: '2026-07-01', sentTime: '11:30', ...data }) as never, actor);
    expect(command({})).toEqual({ type: 'RecordRapidReviewSent', actor, sentAt: '2026-07-01T10:30:00.000Z' });
    expect(command({ dfeDate: '2026-07-01', dfeTime: '11:20' })).toEqual({ type: 'RecordRapidReviewSent', actor, sentAt: '2026-07-01T10:30:00.000Z', dfeSentAt: '2026-07-01T10:20:00.000Z' });
    expect(command({ dfeDate: '2026-07-01' })).toEqual({ refused: 'Please give the dates and times it was sent to the Panel and Ofsted, and the decision to DfE.' });
  });
});
