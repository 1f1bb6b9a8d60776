import { sendAsked } from '../whenAway.js';
import { iso, monitoring, person, sendKey, type Recorder, type StepContext } from '../kernel.js';
import { declareTimers, timer, type Timer } from '../timers.js';
import { REMINDER_DAYS, reminderAt } from './months.js';
import { businessUnitIds, deciderPerson, disputeMembers, leadRecipients } from './people.js';
import { openDispute } from './state.js';
import { escalate } from './disputes.js';
import type { LearningChase } from './events.js';

/**
 * The area's timers. The learning event: reminders at the opening of the 10th and the 3rd working
 * day before the report's due date (to the leads and the business unit), and an overdue alert to
 * the business unit and the monitoring channel at the start of the next working day after the
 * deadline (17:00 on its day), the rule every overdue alert follows (localReview/timers.ts); each
 * once, and none once the report is ready. Nothing is decided by silence.
 */
export const learningEventTimers = declareTimers(['learningEvent:tenDaysBefore', 'learningEvent:threeDaysBefore', 'learningEvent:overdue'], (state, { calendar, hours }) => {
  const le = state.learningEvent;
  if (!le || le.report) return [];
  const due = new Date(le.reportDueAt);
  const ten = reminderAt(due, REMINDER_DAYS.tenDaysBefore, calendar, hours);
  const three = reminderAt(due, REMINDER_DAYS.threeDaysBefore, calendar, hours);
  const chase = (kind: LearningChase, to: (r: Recorder, ids: { bu: string[]; leads: string[] }) => string[]) => (r: Recorder, { config }: StepContext, now: Date) => {
    const ids = { bu: businessUnitIds(config), leads: leadRecipients(config, le.setUp?.leads ?? [], { kind: 'learningEventChaser' }, r.state!) };
    const people = to(r, ids);
    r.record({ type: 'LearningEventChased', at: iso(now), chase: kind, to: people });
    for (const id of people) r.effect({ type: 'send', key: sendKey.learningEventChaser(kind, id), to: person(id), card: { kind: 'learningEventChaser' }, tracked: false });
    if (kind === 'overdue') r.effect({ type: 'send', key: sendKey.learningEventOverdueMonitoring(), to: monitoring, card: { kind: 'learningEventChaser' }, tracked: false });
  };
  const reminders = (_: Recorder, ids: { bu: string[]; leads: string[] }) => [...new Set([...ids.leads, ...ids.bu])];
  return [
    // The 10-day reminder lapses once the 3-day one is due: a late-recorded decision gets one reminder, not two at once.
    ...(le.chased.includes('tenDaysBefore') ? [] : timer('learningEvent:tenDaysBefore', ten, chase('tenDaysBefore', reminders), three)),
    ...(le.chased.includes('threeDaysBefore') ? [] : timer('learningEvent:threeDaysBefore', three, chase('threeDaysBefore', reminders), due)),
    ...(le.chased.includes('overdue') ? [] : timer('learningEvent:overdue', calendar.startOfNextWorkingPeriod(due), chase('overdue', (_, ids) => ids.bu))),
  ];
});

/**
 * The review-group dispute: a reminder at half time to the partner representatives and the chair,
 * and at the 3 working days the dispute goes to the decider (the monitoring channel told); a
 * reminder at half time to the decider, and at their 3 working days an overdue alert to the
 * monitoring channel. The decider's decision is never made for them.
 */
export const reviewGroupDisputeTimers = declareTimers(['reviewGroupDispute:outcomeReminder', 'reviewGroupDispute:outcomeOverdue', 'reviewGroupDispute:decisionReminder', 'reviewGroupDispute:decisionOverdue'], (state, { calendar }) => {
  const d = openDispute(state.reviewGroupDisputes);
  if (!d) return [];
  const out: Timer[] = [];
  if (!d.escalated) {
    const due = new Date(d.outcomeDueAt);
    if (!d.chased.includes('outcomeReminder')) {
      out.push(
        ...timer(
          'reviewGroupDispute:outcomeReminder',
          calendar.halfway(new Date(d.openedAt), due),
          (r, { config }, now) => {
            const to = disputeMembers(config);
            r.record({ type: 'ReviewGroupDisputeChased', at: iso(now), id: d.id, chase: 'outcomeReminder', to });
            sendAsked(r, config, now, to, { kind: 'reviewGroupDisputeChaser' }, (id) => sendKey.reviewGroupDisputeOutcomeReminder(d.id, id), false);
          },
          due,
        ),
      );
    }
    out.push(
      ...timer('reviewGroupDispute:outcomeOverdue', due, (r, context, now) => {
        escalate(r, context, d, 'outcomeOverdue', now);
        r.effect({ type: 'send', key: sendKey.reviewGroupDisputeOutcomeOverdue(d.id), to: monitoring, card: { kind: 'reviewGroupDisputeChaser' }, tracked: false });
      }),
    );
    return out;
  }
  const due = new Date(d.escalated.decisionDueAt);
  if (!d.chased.includes('decisionReminder')) {
    out.push(
      ...timer(
        'reviewGroupDispute:decisionReminder',
        calendar.halfway(new Date(d.escalated.at), due),
        (r, { config }, now) => {
          const to = [deciderPerson(config, d.escalated!.decider).aadObjectId];
          r.record({ type: 'ReviewGroupDisputeChased', at: iso(now), id: d.id, chase: 'decisionReminder', to });
          sendAsked(r, config, now, to, { kind: 'reviewGroupDisputeChaser' }, () => sendKey.reviewGroupDisputeDecisionReminder(d.id), false);
        },
        due,
      ),
    );
  }
  if (!d.chased.includes('decisionOverdue')) {
    out.push(
      ...timer('reviewGroupDispute:decisionOverdue', due, (r, _, now) => {
        r.record({ type: 'ReviewGroupDisputeChased', at: iso(now), id: d.id, chase: 'decisionOverdue', to: [] });
        r.effect({ type: 'send', key: sendKey.reviewGroupDisputeDecisionOverdue(d.id), to: monitoring, card: { kind: 'reviewGroupDisputeChaser' }, tracked: false });
        r.effect({ type: 'refreshCards' });
      }),
    );
  }
  return out;
});
