import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { cardActionActivity } from '../support/activities.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { executeActions } from '../support/validateCard.js';
import { CASE_REF, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { uniquePrefix, writeConfig } from '../support/services.js';
import { teamsDriver } from './support/caseSetup.js';
import { eventually } from './support/eventually.js';
import { inProcessHost } from './support/inProcessHost.js';
import { fault, forged } from './support/tally.js';

/**
 * Abuse through the real messages function, in this process, with real storage: the same click
 * delivered twice, people acting outside their place on the roster, and typed text that tries to
 * become Markdown, a mention or a spreadsheet formula.
 */

const SECRET = 'abuse-suite-export-link-secret-0123456789';
const clock = new LocalClock(() => Date.parse('2026-05-05T14:30:00.000Z'));
let connector: RecordingConnector;
let host: LocalHost;
let prefix: string;
let teams: ReturnType<typeof teamsDriver>;

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  prefix = uniquePrefix();
  host = await inProcessHost({ prefix, configPath: await writeConfig(), clock, exportLinkSecret: SECRET });
  teams = teamsDriver(() => host.url, connector.url);
  await teams.install();
  await teams.caseAwaitingReplies();
});
afterAll(async () => {
  await host?.close();
  await connector?.stop();
});

const events = async () => (await host.services.store.load(CASE_REF)).events;
const replies = async (by: Person) => (await events()).filter((e) => e.type === 'PartnerReplied' && e.by.aadObjectId === by.aadObjectId).length;

describe('duplicate delivery', () => {
  it('the same invoke delivered twice, one after the other, gives one event', async () => {
    const activity = cardActionActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: connector.url }, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed on the facts.' });
    const first = await teams.post(activity);
    const second = await teams.post(activity);
    expect([first.status, second.status]).toEqual([200, 200]);
    const ok = (await replies(PEOPLE.police)) === 1;
    fault(ok);
    expect(ok).toBe(true);
  });

  it('the same invoke delivered twice at once gives one event', async () => {
    const activity = cardActionActivity({ from: PEOPLE.healthDeputy, conversationId: 'conv-decision', serviceUrl: connector.url }, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Not met on what we know.' });
    const answers = await Promise.all([teams.post(activity), teams.post(activity), teams.post(activity)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const ok = (await replies(PEOPLE.healthDeputy)) === 1;
    fault(ok);
    expect(ok).toBe(true);
  });
});

describe('duplicate delivery of a click on a card, after the reply changed', () => {
  // A case of its own, so the replies above do not matter here.
  const CASE = 'RR-2026-021';
  const loaded = async () => (await host.services.store.load(CASE)).events.filter((e) => e.type === 'PartnerReplied' && e.partner === 'police');
  /** The version (asOf) a card's button carries: what Teams sends back when it is clicked. */
  const asOfOn = (card: unknown, verb: string) => executeActions(card).find((a) => a.verb === verb)?.data.asOf;

  it('the same click redelivered back to back, and again after a later different reply: one event, the reply not flipped', async () => {
    await teams.caseAwaitingReplies(CASE);
    // The partners' card as Teams shows it, posted in the background once the view was given.
    const posted = await eventually(
      () => connector.posted().find((p) => p.conversationId === 'conv-decision' && cardText(p.card).includes(CASE) && asOfOn(p.card, 'partner.agree') !== undefined),
      (p) => p !== undefined,
    );
    expect(posted, 'the partners card was posted').toBeDefined();
    const agreeClick = cardActionActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: connector.url }, 'partner.agree', { caseRef: CASE, comment: 'Agreed.', asOf: asOfOn(posted!.card, 'partner.agree') });

    // Teams resends an invoke it thought went unanswered: the very same activity, twice.
    const first = await teams.post(agreeClick);
    const again = await teams.post(agreeClick);
    expect(cardText(first.body?.value)).toContain('Recorded: Police agrees.');
    expect(cardText(again.body?.value)).toContain('Your reply for Police was already recorded.');
    const backToBack = (await loaded()).length === 1;
    fault(backToBack);

    // The police change their mind on the card as it now is (the one their click was answered with)...
    const disagreeClick = cardActionActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: connector.url }, 'partner.disagree', {
      caseRef: CASE,
      asOf: asOfOn(first.body?.value, 'partner.disagree'),
      rationale: 'Not met on what we now know.',
    });
    expect(cardText((await teams.post(disagreeClick)).body?.value)).toContain('Recorded: Police disagrees.');
    // ...and then the first "agree" is delivered once more, late.
    const late = await teams.post(agreeClick);
    const replies = await loaded();
    const position = (await host.services.store.load(CASE)).state?.positions.police;
    const notFlipped = replies.length === 2 && position?.status === 'disagreed' && /out of date/.test(cardText(late.body?.value)) && /Nothing was recorded/.test(cardText(late.body?.value));
    fault(notFlipped);

    expect(late.status).toBe(200);
    expect(cardText(late.body?.value)).toContain('This card is out of date: you disagreed for Police');
    expect(replies.map((e) => (e.type === 'PartnerReplied' ? e.reply : ''))).toEqual(['agree', 'disagree']);
    expect(position).toMatchObject({ status: 'disagreed', rationale: 'Not met on what we now know.' });
    expect(backToBack).toBe(true);
  });
});

describe('the roster', () => {
  it("a partner's person cannot reply for another partner, whatever the card data says", async () => {
    const before = (await host.services.store.load(CASE_REF)).state!;
    await teams.click(PEOPLE.police, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Health does not agree.', partner: 'health', aadObjectId: PEOPLE.health.aadObjectId });
    const after = (await host.services.store.load(CASE_REF)).state!;
    // Recorded for the police (their own reply changed), never for health.
    const refused = JSON.stringify(after.positions.health) === JSON.stringify(before.positions.health) && after.positions.police.status === 'disagreed';
    forged(refused);
    expect(refused).toBe(true);
  });

  it('a user from another tenant cannot act at all, not even as someone on the roster', async () => {
    const count = (await events()).length;
    const answer = await teams.click(PEOPLE.health, 'partner.agree', { caseRef: CASE_REF }, 'conv-decision', { tenantId: 'tenant-evil' });
    const refused = (await events()).length === count && JSON.stringify(answer.body).includes('Nothing was recorded');
    forged(refused);
    expect(refused).toBe(true);
  });

  it('a former deputy removed from the configuration can no longer act', async () => {
    const withoutDeputy = PartnershipFileSchema.parse({ ...sampleConfig, partners: { ...sampleConfig.partners, police: { ...sampleConfig.partners.police, deputies: [] } } });
    // While on the roster, the deputy acts for the police.
    await teams.click(PEOPLE.policeDeputy, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed, as deputy.' });
    expect((await host.services.store.load(CASE_REF)).state?.positions.police).toMatchObject({ status: 'agreed', by: { aadObjectId: PEOPLE.policeDeputy.aadObjectId } });
    await host.close();
    host = await inProcessHost({ prefix, configPath: await writeConfig(withoutDeputy), clock, exportLinkSecret: SECRET });
    const count = (await events()).length;
    const answer = await teams.click(PEOPLE.policeDeputy, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Changed my mind.' });
    const refused = (await events()).length === count && /roster/.test(JSON.stringify(answer.body)) && /Nothing was recorded/.test(JSON.stringify(answer.body));
    forged(refused);
    expect(refused).toBe(true);
  });
});
