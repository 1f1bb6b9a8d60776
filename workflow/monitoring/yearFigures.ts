import { DateTime } from 'luxon';
import type { CaseEvent } from '../events.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE } from '../calendar/workingHours.js';
import type { YearFigures } from './schemas.js';
import { foldActions, isActionEvent, type ActionsSlice } from '../actions/state.js';
import { ownerKey } from '../actions/owners.js';
import type { ActionOwner } from '../actions/schemas.js';

/**
 * The figures the partnership's yearly report needs, over its reporting year (1 April to 31 March
 * unless configured otherwise), from the cases' event histories. An event counts in the year in
 * which it happened (London time), so a case referred in March and decided in April counts once in
 * each year, for what happened in each.
 */

export type ReportingYear = { from: Date; to: Date; label: string };

/** The reporting year containing `now`; `startMonth` 1-12 is the month it begins. */
export function reportingYear(now: Date, startMonth: number, offsetYears = 0): ReportingYear {
  const london = DateTime.fromJSDate(now, { zone: LONDON_ZONE });
  const firstYear = (london.month >= startMonth ? london.year : london.year - 1) + offsetYears;
  const from = DateTime.fromObject({ year: firstYear, month: startMonth, day: 1 }, { zone: LONDON_ZONE });
  const to = from.plus({ years: 1 });
  const last = to.minus({ days: 1 });
  return { from: from.toJSDate(), to: to.toJSDate(), label: `${from.toFormat('d LLLL yyyy')} to ${last.toFormat('d LLLL yyyy')}` };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/**
 * Where the actions are counted from (issue 17): open and overdue are a position at an instant, the
 * year's end for a year gone by, `now` for the current year; owners are named by `ownerName`.
 * Without it, at the year's end and by the owner's id.
 */
export type ActionsMeasure = { now: Date; ownerName: (owner: ActionOwner) => string };

type OwnerCounts = { owner: string; open: number; overdue: number; closed: number };

/** The case's actions as they stood at `asOf`, from its events up to then. */
function actionsAt(events: readonly CaseEvent[], asOf: number): ActionsSlice | undefined {
  let slice: ActionsSlice | undefined;
  for (const event of events) if (isActionEvent(event) && Date.parse(event.at) <= asOf) slice = foldActions(slice, event);
  return slice;
}

/** The instant a London calendar date begins. */
const startOfLondonDate = (date: string): string => DateTime.fromISO(date, { zone: LONDON_ZONE }).startOf('day').toJSDate().toISOString();

export function yearFigures(histories: readonly (readonly CaseEvent[])[], year: ReportingYear, calendar: WorkingCalendar, measure?: ActionsMeasure): YearFigures {
  const inYear = (iso: string) => {
    const t = Date.parse(iso);
    return t >= year.from.getTime() && t < year.to.getTime();
  };
  const figures: YearFigures = {
    from: year.from.toISOString(),
    to: year.to.toISOString(),
    label: year.label,
    referrals: 0,
    notifications: 0,
    decisions: { total: 0, byAgreement: 0, deemedAgreement: 0, stage1: 0, stage2: 0 },
    notificationsOnTime: 0,
    rapidReviews: { completed: 0, onTime: 0, notHeld: 0 },
    careLeaverDeaths: 0,
    localReviews: { commissioned: 0, published: 0, publishedOnTime: 0 },
    learningEvents: { completed: 0, withinFourMonths: 0 },
    actionsAsOf: '',
    actionsByOwner: [],
  };
  // The position is taken at the last instant of the year, or now if the year is not over.
  const asOf = Math.min(measure?.now.getTime() ?? Infinity, year.to.getTime() - 1);
  figures.actionsAsOf = new Date(asOf).toISOString();
  const nameOf = measure?.ownerName ?? ownerKey;
  const byOwner = new Map<string, OwnerCounts>();
  const ownerCounts = (owner: ActionOwner) => {
    const name = nameOf(owner);
    let counts = byOwner.get(name);
    if (!counts) byOwner.set(name, (counts = { owner: name, open: 0, overdue: 0, closed: 0 }));
    return counts;
  };
  const daysToNotification: number[] = [];
  for (const events of histories) {
    const referral = events.find((e) => e.type === 'ReferralLogged');
    if (!referral) continue;
    const r = referral.referral;
    const careLeaverDeath = r.harm === 'death' && (r.careLeaver === 'under18' || r.careLeaver === 'aged18to24');
    if (inYear(referral.at) && careLeaverDeath) figures.careLeaverDeaths++;
    // An adult care leaver's death is not a serious incident referral: counted above only.
    if (inYear(referral.at) && r.careLeaver !== 'aged18to24') figures.referrals++;
    // The statutory clock: from becoming aware to the notification sent, by the case's own deadline.
    let notification: { sentAt: string } | undefined;
    let deemedSoFar = false;
    // A re-opened decision is decided again: the case counts once, by the decision that stands.
    let standing: { at: string; route: 'byAgreement' | 'deemedAgreement' | 'stage1' | 'stage2' } | undefined;
    for (const event of events) {
      if (event.type === 'AgreementDeemed') deemedSoFar = true;
      if (event.type === 'DecisionReached' && inYear(event.at)) {
        const route = event.basis === 'finalDecision' ? 'stage2' : event.basis === 'meetingAgreed' ? 'stage1' : deemedSoFar ? 'deemedAgreement' : 'byAgreement';
        standing = { at: event.at, route };
      }
      if (event.type === 'PanelNotificationConfirmed' && inYear(event.sentAt)) {
        figures.notifications++;
        // A notification confirmed again after a re-opening: the case counts once, by the one that stands.
        notification = { sentAt: event.sentAt };
      }
      if (event.type === 'NoRapidReviewAgreed' && inYear(event.at)) figures.rapidReviews.notHeld++;
      // "Commissioned" is the partners' decision to hold the review (5.16: its six months run from it), counted in
      // the year of that decision, not of the reviewer's appointment (which may be re-made, or fall in the next year).
      if (event.type === 'LocalReviewOpened' && inYear(event.decidedAt)) figures.localReviews.commissioned++;
      // Published in the year of its publication date (a London date), not of the day it was recorded.
      if (event.type === 'LocalReviewPublished' && inYear(startOfLondonDate(event.publishedDate))) {
        figures.localReviews.published++;
        if (event.onTime) figures.localReviews.publishedOnTime++;
      }
      if (event.type === 'LearningEventReportReady' && inYear(event.readyAt)) {
        figures.learningEvents.completed++;
        if (event.onTime) figures.learningEvents.withinFourMonths++;
      }
      if (event.type === 'RapidReviewCompleted' && inYear(event.at)) {
        figures.rapidReviews.completed++;
        if (event.onTime) figures.rapidReviews.onTime++;
      }
    }
    const actions = actionsAt(events, asOf);
    for (const a of Object.values(actions?.actions ?? {})) {
      // Agreed after the year (a past year's figures asked for later) is not that year's.
      if (Date.parse(a.agreedAt) >= year.to.getTime()) continue;
      if (a.impact) {
        if (inYear(a.impact.at)) ownerCounts(a.owner).closed++;
        continue;
      }
      const counts = ownerCounts(a.owner);
      counts.open++;
      // As the actions area says: overdue while the completion is not evidenced and its due time has passed.
      if (!a.completion && Date.parse(a.dueAt) < asOf) counts.overdue++;
    }
    if (standing) {
      figures.decisions.total++;
      figures.decisions[standing.route]++;
    }
    if (notification) {
      daysToNotification.push(calendar.workingDaysBetween(new Date(r.awareAt), new Date(notification.sentAt)));
      if (Date.parse(notification.sentAt) <= Date.parse(referral.panelNotificationDueAt)) figures.notificationsOnTime++;
    }
  }
  figures.actionsByOwner = [...byOwner.values()].filter((c) => c.open + c.closed > 0).sort((a, b) => a.owner.localeCompare(b.owner));
  const m = median(daysToNotification);
  return m === undefined ? figures : { ...figures, medianWorkingDaysAwarenessToNotification: m };
}
