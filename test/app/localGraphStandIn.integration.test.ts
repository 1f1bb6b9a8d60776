import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphStandIn, type GraphStandIn } from '../../local/graphStandIn.js';
import type { CommandActor } from '../../workflow/commands.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * What `npm start` does for dispute meetings: the real Graph client, pointed by GRAPH_BASE_URL at
 * the loopback stand-in (GRAPH_AUTH=localStandIn, local mode only), books the partners' meeting,
 * and the monitoring channel shows it with its join link. No msw: real HTTP to the stand-in.
 */
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const WINDOW_CLOSES = new Date('2026-05-06T14:00:00.000Z');

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterAll(async () => {
  await graph?.close();
});

describe('the local Graph stand-in', () => {
  it('is what the sample partnership books with: it names an organiser mailbox', async () => {
    const sample = PartnershipFileSchema.parse(JSON.parse(await readFile(new URL('../../config/sample-partnership.json', import.meta.url), 'utf8')));
    expect(sample.meetings?.organiserUpn).toMatch(/@/);
  });

  it('books the dispute meeting, and the monitoring channel shows it with its join link', async () => {
    const clock = new TestClock(new Date('2026-05-05T09:00:00.000Z'));
    const messenger = new RecordingMessenger();
    const configPath = await writeConfig(PartnershipFileSchema.parse({ ...sampleConfig, meetings: { organiserUpn: 'sin-meetings@example.com' } }));
    const s = await testServices({ prefix: uniquePrefix(), clock, messenger, configPath, env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
    const at = (iso: string) => new Date(iso);
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-05-05T09:00:00.000Z'));
    await s.effects.idle();
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, at('2026-05-05T14:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at('2026-05-05T14:00:00.000Z')); // the view is theirs together (002 step 3)
    await s.effects.idle();
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met on what we know.' }, at('2026-05-05T15:00:00.000Z'));
    await s.effects.idle();
    await s.runSweep(WINDOW_CLOSES);

    expect(graph.calendar.events.size).toBe(1);
    const [event] = [...graph.calendar.events.values()];
    expect(event?.subject).toBe(`${CASE_REF} SIN decision: partners meeting`);
    const monitoring = messenger.sent.filter((m) => m.to === sampleConfig.channels.monitoring.conversationId).map((m) => cardText(m.card));
    expect(monitoring.some((text) => text.includes('Join the meeting'))).toBe(true);
    expect((await s.store.load(CASE_REF)).state?.dispute?.meetings[1]).toMatchObject({ joinUrl: event?.onlineMeeting?.joinUrl });
  });

  it('is refused outside local mode', async () => {
    const { readEnvironment } = await import('../../functions/environment.js');
    expect(() =>
      readEnvironment({ PARTNERSHIP_CONFIG: 'x.json', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', PUBLIC_BASE_URL: 'https://bot.example.org', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't', EXPORT_LINK_SECRET: 'x'.repeat(40), GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url }),
    ).toThrow(/GRAPH_AUTH: localStandIn is honoured only in local mode/);
  });
});
