import { describe, expect, it } from 'vitest';
import { CaseService } from '../../app/caseService.js';
import { StuckCases } from '../../app/stuckCases.js';
import { sweep } from '../../app/sweep.js';
import type { Logger } from '../../app/ports.js';
import { FailureStreaks } from '../../store/failureStreaks.js';
import type { Decide } from '../../workflow/decide.js';
import { createDecider } from '../../workflow/decide.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';
import { as } from '../support/largePartnership.js';

/**
 * A case the sweep can never process, and a card that can never be delivered: each is reported
 * once (monitoring channel and one error in the log), then retried less and less often, while
 * the other cases go on. Time is passed in: sweeps run at chosen instants, nothing sleeps.
 */

const BROKEN = 'SIN-2026-0666';
const LOGGED = '2026-05-05T09:00:00.000Z';
const MINUTE = 60_000;

function recordingLog() {
  const lines: { level: string; message: string; caseRef?: string }[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => lines.push({ level, message, ...(typeof fields?.caseRef === 'string' ? { caseRef: fields.caseRef } : {}) });
  const log: Logger = { info: push('info'), warn: push('warn'), error: push('error') };
  return { log, lines };
}

async function caseAwaitingReplies(s: Awaited<ReturnType<typeof testServices>>, caseRef: string) {
  await s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:30:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) } }, new Date(LOGGED));
  await s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, new Date(LOGGED));
  await s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(LOGGED)); // the view is theirs together (002 step 3)
  await s.effects.idle();
}

/** The gaps between successive instants, in minutes. */
const gaps = (times: number[]) => times.slice(1).map((t, i) => (t - times[i]!) / MINUTE);

describe('what keeps failing is reported once and retried slowly', () => {
  it('a case whose tick always throws: one report, one error line, retries further and further apart; the other case is processed', async () => {
    const clock = new TestClock(new Date(LOGGED));
    const s = await testServices({ prefix: uniquePrefix(), clock });
    await caseAwaitingReplies(s, CASE_REF);
    await caseAwaitingReplies(s, BROKEN);
    const { log, lines } = recordingLog();
    const real = createDecider(s.config, s.calendar);
    const attempts: number[] = [];
    const decide: Decide = (state, command, now) => {
      if (state?.referral.caseRef === BROKEN && command.type === 'Tick') {
        attempts.push(now.getTime());
        throw new Error('simulated: this case cannot be decided');
      }
      return real(state, command, now);
    };
    const cases = new CaseService({ store: s.store, decide, calendar: s.calendar, workingHours: s.config.workingHours, effects: s.effects, log });
    const stuck = new StuckCases({ streaks: new FailureStreaks(s.tables), messenger: s.messenger, config: s.config, log });
    const monitoringBefore = s.messenger.sent.length;

    // A sweep every five minutes from the half-time reminder (13:00) for nine hours.
    const start = Date.parse('2026-05-05T13:05:00.000Z');
    for (let t = start; t <= start + 9 * 60 * MINUTE; t += 5 * MINUTE) {
      await sweep({ schedule: s.schedule, cases, effects: s.effects, log, stuck }, new Date(t));
      await s.effects.idle();
    }

    const reports = s.messenger.sent.slice(monitoringBefore).filter((m) => m.conversationId === 'conv-monitoring' && cardText(m.card).includes('the bot cannot process this case'));
    expect(reports).toHaveLength(1);
    expect(cardText(reports[0]!.card)).toContain(BROKEN);
    expect(lines.filter((l) => l.level === 'error' && l.caseRef === BROKEN)).toHaveLength(1);
    // Three tries at the next sweeps, then 10, 20, 40, 80 minutes, then every two hours: not one a sweep for ever.
    const spacing = gaps(attempts);
    expect(attempts.length).toBeLessThanOrEqual(10);
    expect(spacing.slice(2)).toEqual([...spacing.slice(2)].sort((a, b) => a - b));
    expect(spacing.at(-1)!).toBeGreaterThanOrEqual(120);
    expect(spacing[0]!).toBeLessThanOrEqual(5);
    // The other case went on: its half-time reminder was recorded (the broken case's was not).
    expect((await s.store.load(CASE_REF)).events.filter((e) => e.type === 'ReminderSent')).not.toHaveLength(0);
    expect((await s.store.load(BROKEN)).events.filter((e) => e.type === 'ReminderSent')).toHaveLength(0);
  }, 120_000);

  it('a card the messenger always rejects: one alert, then attempts further and further apart; everyone else gets theirs', async () => {
    const clock = new TestClock(new Date(LOGGED));
    const messenger = new RecordingMessenger();
    messenger.unreachable.add(PEOPLE.policeDeputy.aadObjectId);
    const s = await testServices({ prefix: uniquePrefix(), clock, messenger });
    const tries: number[] = [];
    const send = messenger.sendToPerson.bind(messenger);
    let now = new Date(LOGGED);
    messenger.sendToPerson = async (aadObjectId, card) => {
      if (aadObjectId === PEOPLE.policeDeputy.aadObjectId) tries.push(now.getTime());
      return send(aadObjectId, card);
    };
    await caseAwaitingReplies(s, CASE_REF);
    const start = Date.parse('2026-05-05T13:05:00.000Z');
    for (let t = start; t <= start + 8 * 60 * MINUTE; t += 5 * MINUTE) {
      now = new Date(t);
      await s.runSweep(now);
    }
    const alerts = messenger.sent.filter((m) => m.conversationId === 'conv-monitoring' && cardText(m.card).includes('could not be delivered'));
    expect(alerts).toHaveLength(1);
    expect(cardText(alerts[0]!.card)).toContain('less often');
    const reminders = tries.filter((t) => t >= start);
    const spacing = gaps(reminders);
    // Every sweep at first, then 10, 20, 40, 80, 120, 120 minutes apart.
    expect(reminders.length).toBeLessThanOrEqual(10);
    expect(spacing.slice(2)).toEqual([...spacing.slice(2)].sort((a, b) => a - b));
    expect(spacing.at(-1)!).toBeGreaterThanOrEqual(120);
    // The police representative got the reminder the deputy could not.
    expect(messenger.sent.filter((m) => m.to === PEOPLE.police.aadObjectId && cardText(m.card).includes('Reminder'))).toHaveLength(1);
    expect(sampleConfig.partners.police.deputies[0]!.aadObjectId).toBe(PEOPLE.policeDeputy.aadObjectId);
  }, 120_000);
});
