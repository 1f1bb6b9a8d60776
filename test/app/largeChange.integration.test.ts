import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../store/caseStore.js';
import { readHead } from '../../store/caseHead.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { DUE_MORNING, MEETING_AT, OVERDUE_AND_PAPERS, SET_UP_AT, TWO_DAYS_BEFORE, as, largePartnership, reviewReadyToSetUp } from '../support/largePartnership.js';
import { cardProblems } from '../support/validateCard.js';

/**
 * Changes larger than one Table Storage transaction (100 rows, 4 MiB), against Azurite, which
 * refuses such a transaction as Azure does: they commit, and everything they cause happens once.
 */

async function bigReview(o: { agencies: number; deputies: number; partnerDeputies: number }) {
  const config = largePartnership(o);
  const clock = new TestClock(SET_UP_AT);
  const messenger = new RecordingMessenger();
  const prefix = uniquePrefix();
  const configPath = await writeConfig(config);
  const s = await testServices({ prefix, clock, messenger, configPath });
  await reviewReadyToSetUp(s);
  // Cards of the steps before are out: a run still holding them would hold up the same people's cards in another process.
  await s.effects.idle();
  return { s, config, messenger, prefix, configPath, clock };
}

/** The rows the case's table holds under one key prefix, for this case. */
async function rowsOf(s: Awaited<ReturnType<typeof testServices>>, prefix: string): Promise<Record<string, unknown>[]> {
  const partition = CaseStore.partitionOf(CASE_REF);
  const out: Record<string, unknown>[] = [];
  for await (const row of s.tables.cases(partition).listEntities({ queryOptions: { filter: `PartitionKey eq '${partition}'` } })) {
    if (String(row.rowKey).startsWith(prefix)) out.push(row);
  }
  return out;
}

describe('a change larger than one transaction', () => {
  it('60 agencies × (contact + 3 deputies + escalation), 20 partner deputies: the review is set up, the returns fall due, everyone is chased, the papers prompt goes, the board is right', async () => {
    const { s, config, messenger } = await bigReview({ agencies: 60, deputies: 3, partnerDeputies: 20 });
    const setUp = await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: MEETING_AT, agencies: config.agencies.map((a) => a.id) }, SET_UP_AT);
    expect(setUp.decision.ok ? 'ok' : setUp.decision.refusal).toBe('ok');
    await s.effects.idle();
    // Each agency's contact and three deputies are asked, once each; each partner person is asked to confirm attendance.
    const agencyPeople = new Set(config.agencies.flatMap((a) => [a.contact, ...a.deputies].map((p) => p.aadObjectId)));
    const asked = messenger.sent.filter((m) => agencyPeople.has(m.to));
    expect(new Set(asked.map((m) => m.to))).toEqual(agencyPeople);
    expect(asked).toHaveLength(240);

    for (const when of [TWO_DAYS_BEFORE, DUE_MORNING, OVERDUE_AND_PAPERS]) {
      const result = await s.runSweep(when);
      expect(result.failed).toBe(0);
      expect(result.changed).toBe(1);
    }
    const { events, state, head } = await s.store.load(CASE_REF);
    for (const chase of ['twoDaysBefore', 'dueMorning', 'overdue'] as const) {
      expect(events.filter((e) => e.type === 'ScopingChased' && e.chase === chase)).toHaveLength(60);
    }
    // Everyone chased: 240 people the morning the returns are due; 300 (with the escalation contacts) when overdue, each once.
    const chasers = messenger.sent.filter((m) => /(Reminder|Overdue): Agency \d+'s scoping return/.test(cardText(m.card)));
    const escalations = new Set(config.agencies.map((a) => a.escalation.aadObjectId));
    expect(chasers.filter((m) => escalations.has(m.to))).toHaveLength(60);
    expect(chasers.length).toBe(240 + 240 + 300);
    const monitoring = messenger.sent.filter((m) => m.conversationId === config.channels.monitoring.conversationId);
    expect(monitoring.filter((m) => cardText(m.card).includes('Circulate the rapid review papers'))).toHaveLength(1);
    expect(monitoring.filter((m) => cardText(m.card).includes('Returns still missing'))).toHaveLength(1);
    // The board, as last updated in the channel, shows all sixty overdue.
    const board = monitoring.find((m) => cardText(m.card).includes('Rapid review board'))!;
    const latest = messenger.updates.filter((u) => u.activityId === board.activityId).at(-1)!;
    expect(cardText(latest.card)).toContain('0 of 60 agencies have responded');
    expect(cardText(latest.card)).toContain('60 overdue');
    expect(cardProblems(latest.card)).toEqual([]);
    // The history and the rows agree: one row per event, the outbox all done.
    expect(state!.rapidReview!.papersPrompted).toBeTruthy();
    expect((await rowsOf(s, 'ev-')).length).toBe(events.length);
    expect(head!.rowsThrough).toBe(head!.version);
    expect(head!.pending).toEqual([]);
  }, 240_000);

  it('a tick with more than 100 events and 100 effects, and 200 schedule entries written and swept at once', async () => {
    const { s, config, messenger } = await bigReview({ agencies: 130, deputies: 0, partnerDeputies: 0 });
    await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: MEETING_AT, agencies: config.agencies.map((a) => a.id) }, SET_UP_AT);
    await s.effects.idle();
    const before = await s.store.load(CASE_REF);
    await s.runSweep(TWO_DAYS_BEFORE);
    const after = await s.store.load(CASE_REF);
    const added = after.events.slice(before.events.length);
    expect(added.filter((e) => e.type === 'ScopingChased')).toHaveLength(130);
    expect((await rowsOf(s, 'ev-')).length).toBe(after.events.length);
    const reminders = messenger.sent.filter((m) => m.conversationId.startsWith('personal-aad-agency-') && /Reminder: Agency \d+'s scoping return/.test(cardText(m.card)));
    expect(new Set(reminders.map((m) => m.to)).size).toBe(130);
    expect(reminders).toHaveLength(130);
    // Each reminder's outbox row is done, none is left for the sweep.
    const outbox = await rowsOf(s, 'fx-');
    expect(outbox.filter((r) => r.status !== 'done')).toEqual([]);

    const instants = Array.from({ length: 200 }, (_, i) => new Date(Date.parse('2026-06-10T09:00:00.000Z') + i * 60_000));
    await s.schedule.add(CASE_REF, instants, new Date('2026-06-10T08:00:00.000Z'));
    const written = new Set(instants.map((d) => d.toISOString()));
    const ours = <T extends { rowKey: string }>(entries: T[]) => entries.filter((e) => written.has(e.rowKey.split('|')[0]!));
    const due = ours(await s.schedule.due(new Date('2026-06-10T23:00:00.000Z'), 1000));
    expect(due).toHaveLength(200);
    await s.schedule.removeAll(due.map((e) => ({ ...e })));
    expect(ours(await s.schedule.due(new Date('2026-06-10T23:00:00.000Z'), 1000))).toEqual([]);
  }, 240_000);

  it('two processes racing a large change: one commits, the other decides again; the loser leaves no outbox row behind', async () => {
    const { s, config, prefix, configPath, clock, messenger } = await bigReview({ agencies: 60, deputies: 3, partnerDeputies: 20 });
    const other = await testServices({ prefix, clock, messenger, configPath });
    const command = { type: 'SetUpRapidReview' as const, actor: as(PEOPLE.business), meetingAt: MEETING_AT, agencies: config.agencies.map((a) => a.id) };
    const outcomes = await Promise.all([s.cases.execute(CASE_REF, command, SET_UP_AT), other.cases.execute(CASE_REF, command, SET_UP_AT)]);
    expect(outcomes.filter((o) => o.decision.ok && o.decision.events.length > 0)).toHaveLength(1);
    await Promise.all([s.effects.idle(), other.effects.idle()]);
    const { events } = await s.store.load(CASE_REF);
    expect(events.filter((e) => e.type === 'RapidReviewSetUp')).toHaveLength(1);
    // The loser's staged outbox rows were removed; the winner's were each performed once.
    const outbox = await rowsOf(s, 'fx-');
    const head = (await readHead(s.tables.cases(CaseStore.partitionOf(CASE_REF)), CaseStore.partitionOf(CASE_REF)))!;
    expect(outbox.filter((r) => r.status !== 'done')).toEqual([]);
    expect(head.pending).toEqual([]);
    const agencyPeople = new Set(config.agencies.flatMap((a) => [a.contact, ...a.deputies].map((p) => p.aadObjectId)));
    expect(messenger.sent.filter((m) => agencyPeople.has(m.to))).toHaveLength(240);
  }, 240_000);
});
