import { actingRole } from '../access.js';
import { documentLink } from '../actions/links.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, recorder, refuse, words, type Handler } from '../kernel.js';
import { PARTNERS, type Partner, type PartnershipConfig } from '../partnership.js';
import { londonDate } from '../rapidReview/dates.js';
import { LearningMethodSchema, type LearningLead, type LearningMethod } from './events.js';
import { checkPastDate, dateWords, learningDisputeOpen, learningEventBlocked, openLearningEvent } from './opening.js';
import { leadRecipients } from './people.js';
import type { LearningEvent } from './state.js';
import { person, sendKey } from '../kernel.js';

/**
 * The local learning event (002 Section C): the partners' decision (6.4 "The safeguarding partners
 * have the responsibility for deciding whether to conduct a local learning event"), recorded by
 * the business unit with its date; the review group's method and leads (6.6, 6.8, Appendix B);
 * the report ready for approval within four months (6.16); the executive's approval (6.14 "The
 * ... Executive will approve the final report"); and the dissemination of learning (6.15).
 */

export const recordLearningEventDecision: Handler<'RecordLearningEventDecision'> = (context, state, command, now) => {
  const role = actingRole(context.config, command.actor.aadObjectId, 'RecordLearningEventDecision');
  if (!role) return refuse("Only the business unit records the partners' decision to hold a local learning event.");
  const blocked = learningEventBlocked(state);
  if (blocked || !state) return refuse(blocked ?? 'There is no such case.');
  if (learningDisputeOpen(state)) return refuse('A disagreement about whether this case meets the criteria for a learning event is open: its outcome decides.');
  const dateProblem = checkPastDate('date of the decision', command.decidedOn, now, { date: londonDate(new Date(state.loggedAt)), what: 'the referral was logged' });
  if (dateProblem) return refuse(dateProblem);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  const due = openLearningEvent(r, context, now, { by: actorAs(command.actor, role), decidedOn: command.decidedOn, rationale: command.rationale.trim(), basis: 'partnersDecided' });
  return r.done(`Recorded: the partners decided on ${dateWords(command.decidedOn)} to hold a local learning event. ${due}`);
};

/** The learning event still running (no report yet, or approval or dissemination to come), or the refusal. */
function current(state: Parameters<Handler<'SetUpLearningEvent'>>[1]): { error: ReturnType<typeof refuse> } | { error?: undefined; le: LearningEvent } {
  const le = state?.learningEvent;
  if (!state || !le) return { error: refuse('There is no local learning event on this case.') };
  return { le };
}

const METHOD_REFUSAL = "Single-agency learning is not a local learning event (002 Appendix B: 'This type of work is not a local child safeguarding practice review or a local learning event'). Choose a desktop review, a practitioner workshop, or both.";

function parseLeads(config: PartnershipConfig, values: string[]): LearningLead[] | string {
  const leads: LearningLead[] = [];
  for (const value of new Set(values.map((v) => v.trim()).filter(Boolean))) {
    const [kind, id] = value.split(':', 2);
    if (kind === 'partner' && PARTNERS.includes(id as Partner)) leads.push({ kind: 'partner', partner: id as Partner });
    else if (kind === 'agency' && config.agencies.some((a) => a.id === id)) leads.push({ kind: 'agency', agency: id! });
    else return 'Choose the lead from the safeguarding partners and the agencies on the roster.';
  }
  if (leads.length === 0) return 'Choose who leads the learning event.';
  // 6.6: "Typically, local learning events are co-led by two members of the Learning Inquiry Group".
  if (leads.length > 2) return 'A learning event is led, or co-led by two; choose one or two leads.';
  return leads;
}

export const setUpLearningEvent: Handler<'SetUpLearningEvent'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'SetUpLearningEvent');
  if (!role) return refuse("Only the business unit or the review group chair records the review group's method and leads.");
  const found = current(state);
  if (found.error) return found.error;
  const { le } = found;
  if (le.setUp) return refuse(`The method and leads were already recorded by ${le.setUp.by.displayName} at ${words(le.setUp.at, now)}.`);
  if (le.report) return refuse('The report is already ready for approval.');
  if (command.methods.some((m) => m === 'singleAgency')) return refuse(METHOD_REFUSAL);
  const methods = [...new Set(command.methods)].map((m) => LearningMethodSchema.safeParse(m));
  if (methods.length === 0 || methods.some((m) => !m.success)) return refuse('Choose the method from the menu: a desktop review, a practitioner workshop, or both.');
  const leads = parseLeads(config, command.leads);
  if (typeof leads === 'string') return refuse(leads);
  const tor = command.termsOfReferenceUrl?.trim() ? documentLink(config, command.termsOfReferenceUrl, 'terms of reference') : undefined;
  if (tor && 'problem' in tor) return refuse(tor.problem);
  const r = recorder(state);
  r.record({ type: 'LearningEventSetUp', at: iso(now), by: actorAs(command.actor, role), methods: methods.map((m) => m.data as LearningMethod), leads, ...(tor && 'url' in tor ? { termsOfReferenceUrl: tor.url } : {}) });
  for (const id of leadRecipients(config, leads, { kind: 'learningEvent' }, r.state!)) r.effect({ type: 'send', key: sendKey.learningEventLead(id), to: person(id), card: { kind: 'learningEvent' }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded the method and leads. The report is due ready for approval by ${words(le.reportDueAt, now)}.`);
};

export const recordLearningEventReport: Handler<'RecordLearningEventReport'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLearningEventReport');
  if (!role) return refuse('Only the business unit or the review group chair records that the report is ready for approval.');
  const found = current(state);
  if (found.error) return found.error;
  const { le } = found;
  if (le.report) return refuse(`The report was already recorded ready at ${words(le.report.readyAt, now)}.`);
  // 6.6 and 6.8: the review group decides who leads and agrees the method; the report is the work of that event.
  if (!le.setUp) return refuse("Record the review group's method and leads first (002 6.6, 6.8): the report comes from the event they lead.");
  // The same check and words as every other document link (the LCSPR's terms of reference, an action's evidence).
  const link = documentLink(config, command.documentUrl, 'report');
  if ('problem' in link) return refuse(link.problem);
  const readyAt = command.readyAt ? new Date(command.readyAt) : now;
  if (readyAt.getTime() > now.getTime()) return refuse('The report cannot be ready in the future.');
  if (londonDate(readyAt) < le.decidedOn) return refuse(`The report cannot be ready before the decision to hold the learning event (${dateWords(le.decidedOn)}).`);
  const onTime = readyAt.getTime() <= Date.parse(le.reportDueAt);
  const r = recorder(state);
  r.record({ type: 'LearningEventReportReady', at: iso(now), by: actorAs(command.actor, role), readyAt: iso(readyAt), documentUrl: link.url, onTime });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the report is ready for approval, ${onTime ? 'within' : 'after'} the four months (due by ${words(le.reportDueAt, now)}). Next: the executive's approval.`);
};

export const recordLearningEventApproval: Handler<'RecordLearningEventApproval'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLearningEventApproval');
  if (!role) return refuse("Only the business unit records the executive's approval of the report.");
  const found = current(state);
  if (found.error) return found.error;
  const { le } = found;
  if (!le.report) return refuse('The report is not yet ready for approval.');
  if (le.approved) return refuse(`The executive's approval was already recorded (${dateWords(le.approved.approvedOn)}).`);
  const dateProblem = checkPastDate('date of the approval', command.approvedOn, now, { date: londonDate(new Date(le.report.readyAt)), what: 'the report was ready' });
  if (dateProblem) return refuse(dateProblem);
  const r = recorder(state);
  r.record({ type: 'LearningEventApproved', at: iso(now), by: actorAs(command.actor, role), approvedOn: command.approvedOn });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the executive approved the report on ${dateWords(command.approvedOn)}. Next: record how the learning is disseminated.`);
};

export const recordLearningEventDissemination: Handler<'RecordLearningEventDissemination'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLearningEventDissemination');
  if (!role) return refuse('Only the business unit or the review group chair records the dissemination of learning.');
  const found = current(state);
  if (found.error) return found.error;
  const { le } = found;
  if (!le.approved) return refuse('The report has not been approved yet: learning is disseminated after the approval (002 6.14).');
  if (le.disseminated) return refuse(`The dissemination was already recorded (${dateWords(le.disseminated.disseminatedOn)}).`);
  const dateProblem = checkPastDate('date of the dissemination', command.disseminatedOn, now, { date: le.approved.approvedOn, what: 'the approval' });
  if (dateProblem) return refuse(dateProblem);
  const problem = checkFreeText('description of how the learning was shared', command.how, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  r.record({ type: 'LearningEventDisseminated', at: iso(now), by: actorAs(command.actor, role), disseminatedOn: command.disseminatedOn, how: command.how.trim() });
  r.effect({ type: 'refreshCards' });
  return r.done('Recorded the dissemination of learning. The review group monitors the actions until all are complete.');
};
