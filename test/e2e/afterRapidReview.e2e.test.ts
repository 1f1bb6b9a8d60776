import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import type { ConversationFrame, PlaygroundClient } from '../support/playgroundClient.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';
import { cardText } from '../support/recordingMessenger.js';

/**
 * Issue 17 end to end: what happens after the rapid review, in the Agents Playground with the
 * sample partnership, the real handlers and storage, and the local clock moved through the
 * deadlines. Each part has its own stack and clock, as the partnership would live them months
 * apart. Only Alex (business unit, review group chair, every agency's escalation contact) has a
 * 1:1 chat the Playground shows; other people click on cards in the monitoring channel or the
 * partners' group chat, or on their own 1:1 card found through the bot's record of it.
 */

const DOCS = 'https://sample-partnership.sharepoint.com/sites/sin';
/** What a careless rationale could carry: refused, and never seen in any card. */
const CHILD_NAME = 'Jamie';
const CHILD_DOB = '03/04/2015';

/** The stack for one part of the file, its clock starting at `startIso` and moving on in real time. */
function playgroundAt(startIso: string) {
  const started = Date.now();
  const clock = new LocalClock(() => Date.parse(startIso) + (Date.now() - started));
  const ctx = {} as { stack: PlaygroundStack; host: LocalHost; client: PlaygroundClient };
  beforeAll(async () => {
    ctx.stack = await startPlaygroundStack({ clock });
    ctx.host = ctx.stack.host;
    ctx.client = ctx.stack.client;
  }, 90_000);
  afterAll(async () => {
    await ctx.stack?.close();
  });
  return ctx;
}

/** A card posted in a channel starts a thread; clicks on it come from that thread. */
const threadOf = (frame: ConversationFrame) => frame.message?.postConversationId ?? frame.actionConversationId;
const textOf = (frame: ConversationFrame) => cardText(frame.message!.attachments![0]!.content);

async function moveClock(host: LocalHost, to: string) {
  const moved = await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ to }) });
  expect(moved.status).toBe(200);
  await host.services.effects.idle();
}

/** A 1:1 card the Playground does not show (another user's chat): found through the bot's own record of it. */
async function trackedCard(host: LocalHost, caseRef: string, kind: string, to?: string) {
  // Cards go out after the click that caused them is answered.
  await host.services.effects.idle();
  const chat = to ? (await host.services.conversations.personalConversation(to))?.conversationId : undefined;
  const card = (await host.services.outbox.trackedCards(caseRef)).find((c) => c.card.includes(`"kind":"${kind}"`) && (!chat || c.conversationId === chat));
  if (!card) throw new Error(`no tracked ${kind} card`);
  return { conversationId: card.conversationId, replyToId: card.activityId };
}

/** What the Playground's connector received for one person's 1:1 chat (the UI shows only Alex's). */
async function chatLog(host: LocalHost, client: PlaygroundClient, aadObjectId: string): Promise<string[]> {
  const chat = await host.services.conversations.personalConversation(aadObjectId);
  if (!chat) return [];
  return client.logs.map((l) => JSON.stringify(l)).filter((l) => l.includes(`/v3/conversations/${chat.conversationId}/activities`) || l.includes(`"conversationId":"${chat.conversationId}"`));
}

/**
 * Every card the bot posted or updated, in any chat, as the connector saw it: the Playground's log
 * rows from the bot ("User Application"), not the clicks that carried what a user typed.
 */
const everythingPosted = (client: PlaygroundClient) =>
  [...client.frames.map((f) => JSON.stringify(f.message ?? '')), ...client.logs.filter((l) => (l as { log?: { from?: string } }).log?.from === 'User Application').map((l) => JSON.stringify(l))].join('\n');

const MEGAN = '00000000-0000-0000-0000-0000000000021';

/** The referral, the joint initial view and the partners' replies, quickly, as the seeds test drives them. */
async function decide(client: PlaygroundClient, caseRef: string, view: 'notify' | 'doNotNotify') {
  await client.say(MONITORING, 'new referral', BOT);
  const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
  const logged = await client.click({
    fromId: USERS.alex,
    conversationId: form.actionConversationId,
    replyToId: form.message!.messageId,
    verb: 'referral.submit',
    data: { caseRef, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: view === 'notify' ? 'suspected' : 'neither', documentUrl: `${DOCS}/${caseRef}/referral.docx` },
  });
  expect(cardText(logged.card)).toContain(caseRef);
  const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(caseRef));
  await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef, view, rationale: view === 'notify' ? 'Serious harm; neglect suspected.' : 'Serious harm, but neither abuse nor neglect is known or suspected.' } });
  // Adele (the director) concurs from the monitoring channel: the verb names the case, who acts comes from the activity.
  await client.click({ fromId: USERS.adele, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'initialView.concur', data: { caseRef } });
  const partners = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"partner.agree"') && json.includes(caseRef));
  for (const fromId of [USERS.isaiah, USERS.patti]) await client.click({ conversationId: DECISIONS, replyToId: partners.message!.messageId, fromId, verb: 'partner.agree', data: { caseRef, comment: 'Agreed.' } });
}

describe('a local learning event and its actions, in the Agents Playground', () => {
  // Tuesday 5 May 2026, 10:00 BST.
  const pg = playgroundAt('2026-05-05T09:00:00.000Z');
  const CASE = 'RR-2026-171';

  it('is opened from the partners’ decision, reminded before its four months, alerted when the report is overdue, approved and shared; its action is chased to the escalation contact, evidenced, closed and the review concluded', async () => {
    const { host, client } = pg;
    // Not notified: the review group chair sends the case to the review group (002 6.1), which closes the decision.
    await decide(client, CASE, 'doNotNotify');
    const nextStep = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"nextStep.submit"') && json.includes(CASE));
    await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: nextStep.message!.messageId, verb: 'nextStep.submit', data: { caseRef: CASE, step: 'reviewGroupWithScoping', rationale: 'The review group considers the learning on information sharing.' } });
    const chosen = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Next step chosen') && json.includes(CASE));
    const inThread = { fromId: USERS.alex, conversationId: threadOf(chosen), replyToId: chosen.message!.messageId };
    // The closed case's card in the channel offers what may follow the review group's discussion.
    expect(textOf(chosen)).toMatch(/Local learning event\nLocal review \(LCSPR\)\nRecommendations and actions\nHistory$/);

    // The business unit opens the learning event from the closed case's card and records the partners' decision.
    const form = cardText((await client.click({ ...inThread, verb: 'case.show', data: { caseRef: CASE, card: 'learningEvent' } })).card);
    expect(form).toContain('No local learning event is recorded on this case.');
    expect(form).toContain('the report is due ready for approval within 4 calendar months of the decision');
    // A rationale naming the child is refused, and nothing is recorded.
    const refused = cardText((await client.click({ ...inThread, verb: 'learningEvent.decision', data: { caseRef: CASE, decidedOn: '2026-05-05', rationale: `The child called ${CHILD_NAME}, born ${CHILD_DOB}, was not seen.` } })).card);
    expect(refused).toContain('please remove any name, date of birth or address');
    expect((await host.services.store.load(CASE)).state?.learningEvent).toBeUndefined();
    const opened = cardText((await client.click({ ...inThread, verb: 'learningEvent.decision', data: { caseRef: CASE, decidedOn: '2026-05-05', rationale: 'New learning on information sharing between police and schools.' } })).card);
    // 4 calendar months from Tuesday 5 May: Saturday 5 September, at the close of working hours.
    expect(opened).toContain('The report is due ready for approval by 17:00 on Saturday 5 September.');
    const card = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === PERSONAL && json.includes('Local learning event') && json.includes('"verb":"learningEvent.setUp"') && json.includes(CASE));
    expect(textOf(card)).toContain('reminders go 10 and 3 working days before 17:00 on Saturday 5 September');
    const onCard = { fromId: USERS.alex, conversationId: PERSONAL, replyToId: card.message!.messageId };
    const setUp = cardText((await client.click({ ...onCard, verb: 'learningEvent.setUp', data: { caseRef: CASE, methods: 'practitionerWorkshop', leads: 'partner:police', termsOfReferenceUrl: `${DOCS}/${CASE}/learning-event-terms.docx` } })).card);
    expect(setUp).toContain('Recorded the method and leads.');

    // Friday 21 August, 09:30: the 10th working day before Saturday 5 September (Monday 31 August, the
    // summer bank holiday, not counted). The business unit is reminded in its 1:1 chat; the police lead in theirs.
    await moveClock(host, '2026-08-21T08:30:00.000Z');
    const reminder = textOf(await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && f.action === 'createMessage' && json.includes('Reminder: the learning event report') && json.includes(CASE)));
    expect(reminder).toContain("The report is due ready for approval by 17:00 on Saturday 5 September (10 working days left): 4 months from the partners' decision of Tuesday 5 May 2026 (002 6.16).");
    await expect.poll(async () => (await chatLog(host, client, '00000000-0000-0000-0000-0000000000023')).some((l) => l.includes(CASE) && l.includes('Reminder: the learning event report')), { timeout: 15_000 }).toBe(true);

    // Wednesday 2 September, 09:30: the 3rd working day before Saturday 5 September. The last reminder.
    await moveClock(host, '2026-09-02T08:30:00.000Z');
    const lastCall = textOf(await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && f.action === 'createMessage' && json.includes('Reminder: the learning event report') && json.includes('(3 working days left)') && json.includes(CASE)));
    expect(lastCall).toContain('The report is due ready for approval by 17:00 on Saturday 5 September (3 working days left)');

    // The report slips past its four months. Monday 7 September, 09:30: the overdue alert reaches the business
    // unit's 1:1 chat and the monitoring channel (the deadline was 17:00 on Saturday 5 September; nothing is decided by silence).
    await moveClock(host, '2026-09-07T08:30:00.000Z');
    const overdueChat = textOf(await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && f.action === 'createMessage' && json.includes('Overdue: the learning event report') && json.includes(CASE)));
    expect(overdueChat).toContain("The report is due ready for approval by 17:00 on Saturday 5 September: 4 months from the partners' decision of Tuesday 5 May 2026 (002 6.16).");
    expect(overdueChat).toContain('What happens next: nothing is decided by silence; the business unit follows it up with the leads and records the report when it is ready.');
    const overdueChannel = textOf(await client.waitForCard((f, json) => f.actionConversationId === MONITORING && f.action === 'createMessage' && json.includes('Overdue: the learning event report') && json.includes(CASE)));
    expect(overdueChannel).toContain('17:00 on Saturday 5 September');
    // The learning event's own card says so too.
    expect(cardText((await client.click({ ...onCard, verb: 'case.show', data: { caseRef: CASE, card: 'learningEvent' } })).card)).toContain('and is overdue. Nothing is decided for anyone: the business unit follows it up.');

    // The report is ready two days late; the executive approves it; the learning is shared.
    expect(cardText((await client.click({ ...onCard, verb: 'learningEvent.report', data: { caseRef: CASE, documentUrl: `${DOCS}/${CASE}/learning-event-report.docx` } })).card)).toContain('Recorded: the report is ready for approval, after the four months');
    await moveClock(host, '2026-09-09T09:00:00.000Z');
    const approved = cardText((await client.click({ ...onCard, verb: 'learningEvent.approve', data: { caseRef: CASE, approvedOn: '2026-09-08' } })).card);
    expect(approved).toContain('the executive approved the report on Tuesday 8 September 2026');
    const shared = cardText((await client.click({ ...onCard, verb: 'learningEvent.disseminate', data: { caseRef: CASE, disseminatedOn: '2026-09-09', how: 'Practitioner briefings and the partnership newsletter.' } })).card);
    expect(shared).toContain('Recorded the dissemination of learning.');
    expect(shared).toContain('Learning shared\nWednesday 9 September 2026');
    // Each reminder and the alert went once, in order; none after the report was recorded.
    const le = (await host.services.store.load(CASE)).events.filter((e) => e.type === 'LearningEventChased');
    expect(le.map((e) => (e as { chase: string }).chase)).toEqual(['tenDaysBefore', 'threeDaysBefore', 'overdue']);

    // The report's recommendation becomes an action for the schools, agreed on the review group's board.
    const board = cardText((await client.click({ ...onCard, verb: 'case.show', data: { caseRef: CASE, card: 'actionsBoard' } })).card);
    expect(board).toContain('No recommendations are recorded on this case yet.');
    expect(cardText((await client.click({ ...onCard, verb: 'action.recommend', data: { caseRef: CASE, review: 'learningEvent', text: 'Schools and the police share domestic abuse notifications within one working day.', expectedImpact: 'Notifications reach schools within one working day in the quarterly audit.' } })).card)).toContain(
      'Recorded recommendation R1 of the local learning event.',
    );
    const agreed = cardText((await client.click({ ...onCard, verb: 'action.agree', data: { caseRef: CASE, recommendation: 'R1', owner: 'agency:education', dueDate: '2026-10-30', done: 'The sharing protocol is agreed and sent to every school.' } })).card);
    expect(agreed).toContain('Agreed action A1 for Education (schools), due by 17:00 on Friday 30 October. Its contact and deputies have been asked in Teams.');
    // The owner (Megan Bowen, the schools' contact) is asked in her 1:1 chat.
    await expect.poll(async () => (await chatLog(host, client, MEGAN)).some((l) => l.includes(CASE) && l.includes('Action **A1** for **Education (schools)**') && l.includes('action.complete')), { timeout: 15_000 }).toBe(true);

    // Friday 23 October 09:30, 5 working days before the due date: the owner is reminded.
    await moveClock(host, '2026-10-23T08:30:00.000Z');
    await expect.poll(async () => (await chatLog(host, client, MEGAN)).some((l) => l.includes(CASE) && l.includes('Reminder: action A1 falls due soon')), { timeout: 15_000 }).toBe(true);
    // October's report for the executive (due on Thursday 1 October; the clock jumped past it) reaches the monitoring channel.
    const report = textOf(await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Progress of actions, for the executive') && json.includes(CASE)));
    expect(report).toContain('Learning event\n0 open, 1 due soon, 0 overdue, 0 completed awaiting impact, 0 closed');
    expect(report).toContain('Education (schools)\n0 open, 1 due soon');

    // Monday 2 November 09:30: A1 is overdue. Its contact and its escalation contact (Alex) are chased; the channel is told.
    await moveClock(host, '2026-11-02T09:30:00.000Z');
    const chaser = textOf(await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && f.action === 'createMessage' && json.includes('Overdue: action A1') && json.includes(CASE)));
    expect(chaser).toContain("You are Education (schools)'s escalation contact: please see that its contact or a deputy records the evidence.");
    expect(chaser).toMatch(/Overdue by 1 working day/);
    expect(chaser).toContain('17:00 on Friday 30 October');
    const alert = textOf(await client.waitForCard((f, json) => f.actionConversationId === MONITORING && f.action === 'createMessage' && json.includes('Overdue: action A1') && json.includes(CASE)));
    expect(alert).toContain("Education (schools)'s contact, deputies and escalation contact have been chased.");
    await expect.poll(async () => (await chatLog(host, client, MEGAN)).some((l) => l.includes(CASE) && l.includes('Overdue: action A1')), { timeout: 15_000 }).toBe(true);

    // Megan gives the evidence of completion, then of impact, on her own card: the action closes.
    const megansCard = await trackedCard(host, CASE, 'actionRequest', MEGAN);
    const completed = cardText((await client.click({ ...megansCard, fromId: USERS.megan, verb: 'action.complete', data: { caseRef: CASE, action: 'A1', documentUrl: `${DOCS}/${CASE}/A1-protocol.docx` } })).card);
    expect(completed).toContain('Recorded: evidence that A1 is completed. No more reminders will be sent.');
    const impact = cardText(
      (await client.click({ ...megansCard, fromId: USERS.megan, verb: 'action.impact', data: { caseRef: CASE, action: 'A1', documentUrl: `${DOCS}/${CASE}/A1-audit.docx`, impact: 'The October audit found every notification reached the school within one working day.' } })).card,
    );
    expect(impact).toContain('Every action of the local learning event is now closed: the business unit tells the executive.');
    const allClosed = textOf(await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Progress of actions, for the executive') && json.includes('Every action of the local learning event is closed')));
    expect(allClosed).toContain('0 open, 0 due soon, 0 overdue, 0 completed awaiting impact, 1 closed');

    // Tuesday 3 November: the business unit tells the executive and records it; the learning event is concluded.
    await moveClock(host, '2026-11-03T10:00:00.000Z');
    const concluded = cardText((await client.click({ ...onCard, verb: 'review.executiveTold', data: { caseRef: CASE, concludedReview: 'learningEvent', toldDate: '2026-11-03', toldTime: '09:00' } })).card);
    expect(concluded).toContain('Recorded: the executive was told at 09:00 on Tuesday 3 November; the local learning event is formally concluded.');
    expect(concluded).toContain('Learning event: concluded (executive told at 09:00 on Tuesday 3 November)');
    await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes(CASE) && json.includes('concluded; 0 open'));

    const { events } = await host.services.store.load(CASE);
    const chases = events.flatMap((e) => (e.type === 'ActionChased' ? [(e as { chase: string }).chase] : []));
    expect(chases).toEqual(['reminder', 'overdue']);
    expect(events.filter((e) => e.type === 'ReviewConcluded')).toHaveLength(1);
    // Nothing the careless rationale carried reached any chat.
    const posted = everythingPosted(client);
    // The scan does cover what people wrote: the accepted rationale is there.
    expect(posted).toContain('New learning on information sharing between police and schools.');
    expect(posted).not.toContain(CHILD_NAME);
    expect(posted).not.toContain(CHILD_DOB);
    // Every card update the last click caused has gone out: nothing is left waiting.
    await host.services.effects.idle();
    expect((await host.services.outbox.pending(CASE)).effects).toEqual([]);
  }, 240_000);
});

describe('a local review (LCSPR) and its actions, in the Agents Playground', () => {
  // Tuesday 5 May 2026, 10:00 BST.
  const pg = playgroundAt('2026-05-05T09:00:00.000Z');
  const CASE = 'RR-2026-172';
  const ISAIAH = '00000000-0000-0000-0000-0000000000023';
  const ADELE = '00000000-0000-0000-0000-0000000000022';

  it('opens from the partners’ decision, is told, commissioned and planned; reminded before the copy, copy sent in time, alerted past six months, delay justified, published; its action chased, closed and the review concluded', async () => {
    const { host, client } = pg;
    // The earlier steps, quickly: a notify decision, the Panel notified, the rapid review set up.
    await decide(client, CASE, 'notify');
    const panel = await trackedCard(host, CASE, 'panelNotificationRequest');
    await expect.poll(async () => (await host.services.store.load(CASE)).state?.stage).toBe('awaitingPanelNotification');
    expect(cardText((await client.click({ ...panel, fromId: USERS.adele, verb: 'panel.confirm', data: { caseRef: CASE, sentDate: '2026-05-05', sentTime: '10:00', panelReference: 'CSPRP-2026-0172' } })).card)).toContain('recorded');
    const setupCard = await client.waitForCard((f, json) => f.actionConversationId === MONITORING && json.includes('"verb":"review.setup"') && json.includes(CASE));
    await client.click({ fromId: USERS.alex, conversationId: threadOf(setupCard), replyToId: setupCard.message!.messageId, verb: 'review.setup', data: { caseRef: CASE, meetingDate: '2026-05-19', meetingTime: '10:00', agencies: 'education', returnsDate: '' } });
    // Tuesday 19 May 11:30: the meeting recommends an LCSPR; the three partners agree on it in their group chat.
    await moveClock(host, '2026-05-19T10:30:00.000Z');
    const meetingCard = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"review.outcome"') && json.includes(CASE));
    await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: meetingCard.message!.messageId, verb: 'review.outcome', data: { caseRef: CASE, attended: 'localAuthority,police,health', invitedAttended: '', lcsprRecommended: 'yes', rationale: 'Agencies did not share what they knew.', linesOfEnquiry: 'Information sharing between police and schools.' } });
    const lcsprCard = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"lcspr.agree"') && json.includes(CASE));
    const replies: string[] = [];
    for (const fromId of [USERS.adele, USERS.isaiah, USERS.patti]) replies.push(cardText((await client.click({ conversationId: DECISIONS, replyToId: lcsprCard.message!.messageId, fromId, verb: 'lcspr.agree', data: { caseRef: CASE, comment: 'Agree.' } })).card));
    expect(replies[2]).toContain('All three partners agree');

    // The partners' decision opens the LCSPR: the business unit's card, in its 1:1 chat, with the six months in words.
    const boardFrame = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === PERSONAL && json.includes('Local child safeguarding practice review (LCSPR)') && json.includes('"verb":"localReview.lead"') && json.includes(CASE));
    const opened = textOf(boardFrame);
    // 19 May plus six calendar months: Thursday 19 November.
    expect(opened).toContain('Publish by\nThursday 19 November 2026 (six months)');
    expect(opened).toContain('Tell the Child Safeguarding Practice Review Panel, Ofsted and DfE of the decision, and record when (5.6).');
    // The executive (the partners and the partnership chair) gets the letter of notification (5.6).
    await expect.poll(async () => (await chatLog(host, client, ADELE)).some((l) => l.includes(CASE) && l.includes('letter of notification') && l.includes('It must be published by Thursday 19 November 2026')), { timeout: 15_000 }).toBe(true);
    const onBoard = { fromId: USERS.alex, conversationId: PERSONAL, replyToId: boardFrame.message!.messageId };
    const step = async (verb: string, data: Record<string, string>) => cardText((await client.click({ ...onBoard, verb, data: { caseRef: CASE, ...data } })).card);

    // Wednesday 20 May: the lead recorded, the Panel, Ofsted and DfE told, the reviewer commissioned and named to them, milestones planned.
    await moveClock(host, '2026-05-20T09:00:00.000Z');
    expect(await step('localReview.lead', { leadPartnership: 'Sample Safeguarding Children Partnership', weLead: 'true', involved: '' })).toContain('Lead: this partnership');
    expect(await step('localReview.told', { about: 'decision', toldDate: '2026-05-20', toldTime: '09:30' })).toContain('Recorded');
    const commissioned = await step('localReview.commission', {
      reviewer: 'Robin Reviewer',
      reviewerKind: 'external',
      independence: 'Has not worked for any partnership agency in the past five years.',
      conflicts: 'None declared.',
      methodology: 'systemsMethodology,practitionerMeetings',
      termsOfReferenceUrl: `${DOCS}/${CASE}/lcspr-terms-of-reference.docx`,
      familyPlanned: 'true',
      practitionersPlanned: 'true',
    });
    expect(commissioned).toContain('Robin Reviewer, external independent reviewer');
    expect(commissioned).toContain("Tell the Panel, Ofsted and DfE the reviewer's name (Robin Reviewer), and record when (5.6).");
    expect(await step('localReview.told', { about: 'reviewer', toldDate: '2026-05-20', toldTime: '10:00' })).not.toContain("the reviewer's name (Robin Reviewer), and record when");
    expect(await step('localReview.plan', { planMilestone: 'earlyDraft', planDate: '2026-08-28' })).toContain('planned Friday 28 August 2026');
    expect(await step('localReview.plan', { planMilestone: 'executiveApproval', planDate: '2026-10-14' })).toContain('planned Wednesday 14 October 2026');

    // Monday 31 August is a bank holiday: the early draft, due Friday 28 August and not recorded, is chased on Tuesday 1 September.
    await moveClock(host, '2026-09-01T09:30:00.000Z');
    const lateDraft = textOf(await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === PERSONAL && json.includes('(LCSPR): overdue') && json.includes(CASE)));
    expect(lateDraft).toContain("Early draft shared with the review group chair and partner agencies' senior managers as appropriate (step 18): planned Friday 28 August 2026, not recorded done.");
    expect(await step('localReview.done', { doneMilestone: 'earlyDraft', doneDate: '2026-08-28' })).toContain('done Friday 28 August 2026');

    // Wednesday 14 October: the executive approves the report and decides to publish; publication is planned for the six-month day.
    await moveClock(host, '2026-10-14T15:00:00.000Z');
    expect(await step('localReview.done', { doneMilestone: 'executiveApproval', doneDate: '2026-10-14', publish: 'yes' })).toContain('done Wednesday 14 October 2026');
    // The copy is due at the close of the 7th working day before Thursday 19 November, counted back: Tuesday 10 November.
    const planned = await step('localReview.publication', { publicationDate: '2026-11-19' });
    expect(planned).toContain('Planned: publication on Thursday 19 November 2026. The copy of the full report to the Panel and the Secretary of State is due by 17:00 on Tuesday 10 November.');

    // Tuesday 27 October, 17:30: the close of the 10th working day before the copy's deadline. The business unit is reminded.
    await moveClock(host, '2026-10-27T17:30:00.000Z');
    const reminder = textOf(await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === PERSONAL && json.includes('(LCSPR): reminder') && json.includes(CASE)));
    expect(reminder).toContain('The copy of the full report to the Panel and the Secretary of State is due by 17:00 on Tuesday 10 November.');
    expect(reminder).toContain('Publication is due by Thursday 19 November 2026.');
    // Monday 9 November: the last reminder for the copy (the close of the 3rd working day before it, Thursday 5
    // November) and the first for publication (the close of the 10th working day before Thursday 19 November, also
    // Thursday 5 November) have gone to the business unit's chat; then the copy goes, in time.
    await moveClock(host, '2026-11-09T12:00:00.000Z');
    const reminders = () => client.frames.filter((f) => f.action === 'createMessage' && f.actionConversationId === PERSONAL && JSON.stringify(f.message ?? '').includes('(LCSPR): reminder') && JSON.stringify(f.message ?? '').includes(CASE));
    await expect.poll(() => reminders().length, { timeout: 15_000 }).toBe(3);
    expect(textOf(reminders()[2]!)).toContain('Publication is due by Thursday 19 November 2026. The copy of the full report to the Panel and the Secretary of State is due by 17:00 on Tuesday 10 November.');
    expect(await step('localReview.copySent', { copyDate: '2026-11-09', copyTime: '11:00' })).toContain('Recorded: the copy of the full report went to the Panel and the Secretary of State at 11:00 on Monday 9 November (on time).');

    // Board ratification slips: Friday 20 November, 09:30, the six months are past with nothing published. The channel is alerted.
    await moveClock(host, '2026-11-20T09:30:00.000Z');
    const overdue = textOf(await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('(LCSPR): overdue') && json.includes('Publication was due by') && json.includes(CASE)));
    expect(overdue).toContain('Publication was due by Thursday 19 November 2026 and is not recorded.');
    expect(overdue).toContain('What happens next: record the publication, or plan it and send the Panel and the Secretary of State the justification for the delay (5.18).');
    // Publication moved to Thursday 3 December: the justification for the delay is asked for in the channel, and recorded.
    const moved = await step('localReview.publication', { publicationDate: '2026-12-03' });
    expect(moved).toContain('Moved: publication on Thursday 3 December 2026.');
    expect(moved).toContain('That is after the six-month deadline (Thursday 19 November 2026): please send the justification for the delay to the Panel and the Secretary of State and record it.');
    const asked = textOf(await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('justification to the Panel and the Secretary of State') && json.includes(CASE)));
    expect(asked).toContain('Business unit: please send the Child Safeguarding Practice Review Panel and the Secretary of State the justification for');
    // A justification naming the child is refused; nothing of it reaches any card.
    expect(await step('localReview.justify', { justifies: 'delay', justification: `The family of the child called ${CHILD_NAME} asked for more time.`, justifiedDate: '2026-11-20', justifiedTime: '09:00' })).toContain('please remove any name, date of birth or address');
    const justified = await step('localReview.justify', { justifies: 'delay', justification: 'Board ratification moved to the December meeting so that practitioners could respond to the report first.', justifiedDate: '2026-11-20', justifiedTime: '09:00' });
    expect(justified).toContain('Recorded: the justification for the delay went to the Panel and the Secretary of State at 09:00 on Friday 20 November.');

    // Thursday 3 December: ratified by the Main Board that morning (step 25, "prior to publication"), then published, late and justified.
    await moveClock(host, '2026-12-03T12:00:00.000Z');
    expect(await step('localReview.done', { doneMilestone: 'boardRatification', doneDate: '2026-12-03' })).toContain('done Thursday 3 December 2026');
    const published = await step('localReview.published', { publishedDate: '2026-12-03', url: 'https://www.sample-partnership.org.uk/reviews/rr-2026-172.pdf' });
    expect(published).toContain("Recorded: published on Thursday 3 December 2026 (late). What remains is the review's actions. It is after the six-month deadline (Thursday 19 November 2026).");

    // The recommendation becomes an action for the police, opened from the published review's card.
    const actionsBoard = cardText((await client.click({ ...onBoard, verb: 'case.show', data: { caseRef: CASE, card: 'actionsBoard' } })).card);
    expect(actionsBoard).toContain('Recommendations and actions');
    expect(await step('action.recommend', { review: 'lcspr', text: 'Police share domestic abuse notifications with schools within one working day.', expectedImpact: 'Every notification reaches the school within one working day.' })).toContain('Recorded recommendation R1 of the local child safeguarding practice review (LCSPR).');
    expect(await step('action.agree', { recommendation: 'R1', owner: 'agency:police', dueDate: '2026-12-18', done: 'The notification process is changed and briefed to all officers.' })).toContain('Agreed action A1 for Sample Constabulary, due by 17:00 on Friday 18 December.');
    await expect.poll(async () => (await chatLog(host, client, ISAIAH)).some((l) => l.includes(CASE) && l.includes('Action **A1** for **Sample Constabulary**')), { timeout: 15_000 }).toBe(true);

    // Monday 21 December 09:30: overdue. The escalation contact (Alex) is chased and the channel told.
    await moveClock(host, '2026-12-21T09:30:00.000Z');
    const chaser = textOf(await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && f.action === 'createMessage' && json.includes('Overdue: action A1') && json.includes(CASE)));
    expect(chaser).toContain("You are Sample Constabulary's escalation contact: please see that its contact or a deputy records the evidence.");
    expect(chaser).toContain('17:00 on Friday 18 December');
    await client.waitForCard((f, json) => f.actionConversationId === MONITORING && f.action === 'createMessage' && json.includes('Overdue: action A1') && json.includes(CASE));

    // Isaiah (the police contact) gives the evidence on his own card; the action closes; the executive is told; the LCSPR is concluded.
    const isaiahsCard = await trackedCard(host, CASE, 'actionRequest', ISAIAH);
    expect(cardText((await client.click({ ...isaiahsCard, fromId: USERS.isaiah, verb: 'action.complete', data: { caseRef: CASE, action: 'A1', documentUrl: `${DOCS}/${CASE}/A1-process.docx` } })).card)).toContain('Recorded: evidence that A1 is completed.');
    expect(
      cardText((await client.click({ ...isaiahsCard, fromId: USERS.isaiah, verb: 'action.impact', data: { caseRef: CASE, action: 'A1', documentUrl: `${DOCS}/${CASE}/A1-dip-sample.docx`, impact: 'A dip sample in December found every notification shared within one working day.' } })).card),
    ).toContain('Every action of the local child safeguarding practice review (LCSPR) is now closed: the business unit tells the executive.');
    await moveClock(host, '2026-12-22T10:00:00.000Z');
    expect(await step('review.executiveTold', { concludedReview: 'lcspr', toldDate: '2026-12-22', toldTime: '09:30' })).toContain('Recorded: the executive was told at 09:30 on Tuesday 22 December; the local child safeguarding practice review (LCSPR) is formally concluded.');

    const { events, state } = await host.services.store.load(CASE);
    expect(state?.localReview).toMatchObject({ published: { publishedDate: '2026-12-03', onTime: false }, copySent: { onTime: true }, justifications: { delay: {} } });
    const chases = events.flatMap((e) => (e.type === 'LocalReviewChased' ? [(e as { chase: string }).chase] : []));
    expect(chases).toEqual(expect.arrayContaining(['milestone:earlyDraft:2026-08-28', 'publicationOverdue']));
    // Each reminder due before its deadline went; the publication's 3-day reminder lapsed with the clock jumping past the six months.
    expect(chases.filter((c) => c.startsWith('copyReminder')).map((c) => c.split(':')[0])).toEqual(['copyReminder10', 'copyReminder3']);
    expect(chases.filter((c) => c.startsWith('publicationReminder'))).toEqual(['publicationReminder10']);
    expect(chases.some((c) => c.startsWith('copyOverdue'))).toBe(false);
    expect(events.filter((e) => e.type === 'ReviewConcluded')).toHaveLength(1);
    const posted = everythingPosted(client);
    expect(posted).toContain('Agencies did not share what they knew.');
    expect(posted).not.toContain(CHILD_NAME);
  }, 240_000);
});
