import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { fakeOrganiserCalendar, ORGANISER, ORGANISER_PATH, testClient } from '../graph/graphTestKit.js';
import type { PlaygroundClient } from '../support/playgroundClient.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, ROOT, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';
import { cardText } from '../support/recordingMessenger.js';

/**
 * Issue 3 end to end: the Agents Playground as Teams, the real handlers and storage, and the real
 * Graph client with its requests intercepted (msw). A dispute books stage 1; the chair records
 * "not resolved"; stage 2 is booked; the decision maker records "notify"; the Panel notification
 * tracker starts.
 */

const CASE = 'RR-2026-031';
const started = Date.now();
// Tuesday 5 May 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z') + (Date.now() - started));
let stack: PlaygroundStack;
let host: LocalHost;
let client: PlaygroundClient;
const graph = setupServer();
const calendar = fakeOrganiserCalendar();

beforeAll(async () => {
  graph.use(
    http.post(`${ORGANISER_PATH}/calendar/getSchedule`, async ({ request }) => {
      const body = (await request.json()) as { schedules: string[] };
      // Everyone free except the police representative, who is busy for the first two hours.
      const value: ScheduleInformation[] = body.schedules.map((email) => ({ scheduleId: email, availabilityView: (email.startsWith('isaiah') ? '2'.repeat(8) : '') + '0'.repeat(200) }));
      return HttpResponse.json({ value });
    }),
    calendar.handler,
  );
  // Only Graph is intercepted; the Playground, Azurite and the bot talk over loopback as usual.
  graph.listen({ onUnhandledRequest: 'bypass' });
  const sample = JSON.parse(await readFile(resolve(ROOT, 'config/sample-partnership.json'), 'utf8')) as Record<string, unknown>;
  const configPath = join(await mkdtemp(join(tmpdir(), 'partnership-')), 'partnership.json');
  await writeFile(configPath, JSON.stringify({ ...sample, meetings: { organiserUpn: ORGANISER } }));
  stack = await startPlaygroundStack({ clock, configPath, graphClient: testClient().client });
  ({ host, client } = stack);
}, 90_000);

afterAll(async () => {
  await stack?.close();
  graph.close();
});

describe('a dispute escalated to the decision maker, in the Agents Playground', () => {
  it('books stage 1, escalates on "not resolved", books stage 2, and the final decision starts the Panel notification tracker', async () => {
    await client.say(MONITORING, 'new referral', BOT);
    const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
    await client.click({ fromId: USERS.alex, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'referral.submit', data: { caseRef: CASE, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: `https://sample-partnership.sharepoint.com/sites/sin/${CASE}/referral.docx` } });
    const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(CASE));
    await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef: CASE, view: 'notify', rationale: 'Death with neglect suspected; criteria met.' } });
    // The view is the chair's and the director's together (002 step 3): Adele concurs, which records the local authority's agreement.
    // The Playground has only the current user's (Alex's) 1:1 chat, so Adele concurs from the monitoring
    // channel: the verb names the case, and who acts comes from the activity.
    await client.click({ fromId: USERS.adele, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'initialView.concur', data: { caseRef: CASE } });

    // All three reply and the police disagree: a dispute at once, and stage 1 is booked through Graph.
    const card = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"partner.agree"') && json.includes(CASE));
    const on = { conversationId: DECISIONS, replyToId: card.message!.messageId };
    await client.click({ ...on, fromId: USERS.patti, verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed: the criteria are met.' } });
    await client.click({ ...on, fromId: USERS.isaiah, verb: 'partner.disagree', data: { caseRef: CASE, rationale: 'We do not suspect abuse or neglect on what we know.' } });

    const stage1 = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Join the meeting') && json.includes(CASE));
    expect(cardText(stage1.message!.attachments![0]!.content)).toContain('Isaiah Langer');
    await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === DECISIONS && json.includes('Join the meeting'));
    expect(calendar.events.size).toBe(1);

    // The review group chair (Alex in the sample) records "not resolved" on his 1:1 card.
    const outcomeCard = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"dispute.outcome"'));
    const recorded = await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: outcomeCard.message!.messageId, verb: 'dispute.outcome', data: { caseRef: CASE, outcome: 'notResolved', rationale: 'Police and health still differ after the meeting.' } });
    expect(cardText(recorded.card)).toContain('not resolved');

    // Stage 2 is booked with the decision maker and the scrutineer; the decision maker gets a 1:1 card.
    await expect.poll(() => calendar.events.size, { timeout: 15_000 }).toBe(2);
    const stage2 = calendar.posts.at(-1)!.body as { subject: string; attendees: { emailAddress: { address: string }; type: string }[] };
    expect(stage2.subject).toBe(`${CASE} SIN decision: decision meeting`);
    expect(stage2.attendees.map((a) => a.emailAddress.address)).toEqual(expect.arrayContaining(['meganb@example.com', 'lynner@example.com']));
    // The decision maker's card is not shown in the Playground (another user's chat): found once it is out.
    await host.services.effects.idle();
    const tracked = await host.services.outbox.trackedCards(CASE);
    const finalCard = tracked.find((t) => t.card.includes('finalDecisionRequest'));
    expect(finalCard).toBeDefined();

    // The partnership chair (Megan) records the final decision: notify.
    const decided = await client.click({ fromId: USERS.megan, conversationId: finalCard!.conversationId, replyToId: finalCard!.activityId, verb: 'decision.final', data: { caseRef: CASE, decision: 'notify', rationale: 'On the information known now, the criteria are met.', scrutineerAttended: 'true' } });
    expect(cardText(decided.card)).toContain('Final decision recorded: notify the Panel.');
    await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Decision') && json.includes('Megan Bowen') && json.includes(CASE));

    await host.services.effects.idle();
    const { state } = await host.services.store.load(CASE);
    expect(state).toMatchObject({ stage: 'awaitingPanelNotification', decision: { decision: 'notify', basis: 'finalDecision' } });
    expect((await host.services.outbox.trackedCards(CASE)).some((t) => t.card.includes('panelNotificationRequest'))).toBe(true);
  }, 120_000);
});
