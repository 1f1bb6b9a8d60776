import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGraphStandIn, type GraphStandIn } from '../../local/graphStandIn.js';
import { instantOf } from '../../graph/mailTips.js';
import { awayAt } from '../../workflow/absence.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { assertValidCard } from '../support/validateCard.js';

/**
 * Issue 16: "Absence: a representative (or the business unit for them) records an absence for a
 * period ... Optionally read Outlook's automatic-replies state through Graph to suggest it."
 * Through the real Graph client and the loopback stand-in's getMailTips, against Azurite: the
 * sweep offers a person whose automatic replies are on to record the absence, once per period;
 * nothing is redirected until they do; the reply's own text never reaches a card.
 */
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const SENTINEL = 'SENTINEL-OOF-TEXT-Q3';
const EMAIL_ONLY_DEPUTY: Person = { ...PEOPLE.healthDeputy, teams: false };
// Monday 11 May 2026, 10:30 London; replies set from Monday 00:00 to Saturday 00:00 London (BST).
const MONDAY = new Date('2026-05-11T09:30:00.000Z');
const REPLIES = { message: `I am on leave. ${SENTINEL}`, from: new Date('2026-05-10T23:00:00.000Z'), until: new Date('2026-05-15T23:00:00.000Z') };
const hours = (n: number) => new Date(MONDAY.getTime() + n * 3_600_000);

function partnership(fromMailbox: string): PartnershipFile {
  return PartnershipFileSchema.parse({ ...sampleConfig, mail: { fromMailbox }, partners: { ...sampleConfig.partners, health: { ...sampleConfig.partners.health, deputies: [EMAIL_ONLY_DEPUTY] } } });
}

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterEach(() => {
  // The stand-in is shared by the tests: each starts with everyone's replies off.
  for (const person of [PEOPLE.police, PEOPLE.policeDeputy, PEOPLE.health, EMAIL_ONLY_DEPUTY, PEOPLE.educationContact]) graph.setAutomaticReplies(person.email, undefined);
});
afterAll(async () => {
  await graph?.close();
});

async function servicesFor(config: PartnershipFile) {
  const messenger = new RecordingMessenger();
  const s = await testServices({ prefix: uniquePrefix(), clock: new TestClock(MONDAY), messenger, configPath: await writeConfig(config), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
  return s;
}

/** The dates the card proposes, as Teams would show them in its two date inputs. */
function inputValues(card: unknown): { first: string | undefined; last: string | undefined } {
  const inputs = (card as { body: { type: string; id?: string; value?: string }[] }).body.filter((e) => e.type === 'Input.Date');
  return { first: inputs.find((i) => i.id === 'first')?.value, last: inputs.find((i) => i.id === 'last')?.value };
}

const suggestionsTo = (messenger: RecordingMessenger, person: Person) => messenger.sent.filter((m) => m.to === person.aadObjectId && cardText(m.card).includes('Outlook says you are away'));

describe("Outlook's automatic replies suggest an absence", () => {
  it('offers the police representative, once, to record the absence their replies show, with Outlook\'s days filled in and none of the reply\'s text; recording it from the card puts it on the roster', async () => {
    const s = await servicesFor(partnership('sin-oof-1@partnership.example.org'));
    graph.setAutomaticReplies(PEOPLE.police.email, REPLIES);

    const first = await s.awaySuggestions.check(MONDAY);
    expect(first).toEqual({ checked: true, away: 1, asked: 1 });
    const cards = suggestionsTo(s.messenger, PEOPLE.police);
    expect(cards).toHaveLength(1);
    assertValidCard(cards[0]!.card);
    const json = JSON.stringify(cards[0]!.card);
    expect(json).not.toContain(SENTINEL);
    expect(inputValues(cards[0]!.card)).toEqual({ first: '2026-05-11', last: '2026-05-15' });
    expect(cardText(cards[0]!.card)).toContain('until 00:00 on Saturday 16 May');
    // Nothing is redirected on a suggestion alone.
    expect(awayAt(s.config, PEOPLE.police.aadObjectId, hours(1))).toBeUndefined();

    // Within the hour the check does not run; after it, the same period is not asked again.
    expect(await s.awaySuggestions.check(hours(0.5))).toEqual({ checked: false, away: 0, asked: 0 });
    expect(await s.awaySuggestions.check(hours(1.5))).toEqual({ checked: true, away: 1, asked: 0 });
    expect(suggestionsTo(s.messenger, PEOPLE.police)).toHaveLength(1);

    const reply = await s.interactions.cardAction({ verb: 'absence.record', data: { first: '2026-05-11', last: '2026-05-15' } }, as(PEOPLE.police));
    expect(cardText(reply.card)).toContain('Absence recorded');
    expect(awayAt(s.config, PEOPLE.police.aadObjectId, hours(2))?.to).toBe('2026-05-16T00:00:00.000+01:00');
    expect(s.roster.current().absences.filter((a) => a.aadObjectId === PEOPLE.police.aadObjectId)).toHaveLength(1);
  });

  it('asks again for a new period once the replies were off, and never asks someone whose absence is recorded, whose replies are off or who is reached only by email', async () => {
    const s = await servicesFor(partnership('sin-oof-2@partnership.example.org'));
    graph.setAutomaticReplies(PEOPLE.health.email, REPLIES);
    graph.setAutomaticReplies(EMAIL_ONLY_DEPUTY.email, REPLIES);
    graph.setAutomaticReplies(PEOPLE.educationContact.email, { message: 'Back next week.' });
    // The police deputy recorded the absence before the check: nothing to suggest.
    await s.interactions.textCommand('away 2026-05-11 to 2026-05-15', as(PEOPLE.policeDeputy), { personal: true });
    graph.setAutomaticReplies(PEOPLE.policeDeputy.email, REPLIES);
    const before = graph.mailTipsRequests();
    expect(await s.awaySuggestions.check(MONDAY)).toEqual({ checked: true, away: 3, asked: 2 });
    expect(suggestionsTo(s.messenger, PEOPLE.policeDeputy)).toHaveLength(0);
    expect(graph.mailTipsRequests()).toBeGreaterThan(before);
    expect(suggestionsTo(s.messenger, PEOPLE.health)).toHaveLength(1);
    // Replies on with no dates: offered, with today as the first day and the last left to choose.
    const open = suggestionsTo(s.messenger, PEOPLE.educationContact);
    expect(open).toHaveLength(1);
    assertValidCard(open[0]!.card);
    expect(inputValues(open[0]!.card)).toEqual({ first: '2026-05-11', last: undefined });
    expect(suggestionsTo(s.messenger, EMAIL_ONLY_DEPUTY)).toHaveLength(0);
    expect(s.messenger.sent.filter((m) => m.to === EMAIL_ONLY_DEPUTY.aadObjectId)).toHaveLength(0);

    // The education contact records it by typing; the health representative turns replies off, then on for a new period.
    await s.interactions.textCommand('away 2026-05-11 to 2026-05-22', as(PEOPLE.educationContact), { personal: true });
    graph.setAutomaticReplies(PEOPLE.health.email, undefined);
    expect(await s.awaySuggestions.check(hours(2))).toEqual({ checked: true, away: 2, asked: 0 });
    graph.setAutomaticReplies(PEOPLE.health.email, { message: 'On leave.', from: hours(24), until: hours(24 * 5) });
    expect(await s.awaySuggestions.check(hours(4))).toEqual({ checked: true, away: 3, asked: 1 });
    expect(suggestionsTo(s.messenger, PEOPLE.health)).toHaveLength(2);
    expect(suggestionsTo(s.messenger, PEOPLE.educationContact)).toHaveLength(1);
  });

  it('records nothing for someone not on the roster, or for a period that ends before it starts', async () => {
    const s = await servicesFor(partnership('sin-oof-3@partnership.example.org'));
    const stranger = { aadObjectId: 'aad-stranger', displayName: 'Stray Person' };
    const refused = await s.interactions.cardAction({ verb: 'absence.record', data: { first: '2026-05-11', last: '2026-05-15' } }, stranger);
    expect(cardText(refused.card)).toContain('Absence not recorded');
    const backwards = await s.interactions.cardAction({ verb: 'absence.record', data: { first: '2026-05-15', last: '2026-05-11' } }, as(PEOPLE.police));
    expect(cardText(backwards.card)).toContain('must be on or after the first');
    const garbled = await s.interactions.cardAction({ verb: 'absence.record', data: { first: 'next week', last: '2026-05-11' } }, as(PEOPLE.police));
    expect(cardText(garbled.card)).toContain('Nothing was recorded');
    expect(s.roster.current().absences).toHaveLength(0);
  });

  it("reads Graph's times in the zone Graph names, and leaves a zone it cannot read unknown rather than guessed", () => {
    expect(instantOf({ dateTime: '2026-05-15T23:00:00.0000000', timeZone: 'UTC' })?.toISOString()).toBe('2026-05-15T23:00:00.000Z');
    expect(instantOf({ dateTime: '2026-05-16T00:00:00.0000000', timeZone: 'GMT Standard Time' })?.toISOString()).toBe('2026-05-15T23:00:00.000Z');
    expect(instantOf({ dateTime: '2026-05-16T00:00:00.0000000', timeZone: 'Europe/London' })?.toISOString()).toBe('2026-05-15T23:00:00.000Z');
    expect(instantOf({ dateTime: '2026-05-16T00:00:00.0000000', timeZone: 'Romance Standard Time' })).toBeUndefined();
  });
});
