import { PARTNERS, PARTNER_NAMES } from '../workflow/partnership.js';
import { dateWords } from '../workflow/learningEvent/opening.js';
import { learningEventSummary } from '../workflow/learningEvent/summary.js';
import { LEARNING_EVENT_ID } from '../workflow/learningEvent/state.js';
import { METHOD_WORDS, leadWords } from '../workflow/learningEvent/words.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, factSet, openUrl, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { dateInput, freeTextInput, lineInput, multiChoiceInput, NO_NAMES_HINT, todayInLondon } from './inputs.js';
import { severityGuidanceSection } from './severity.js';
import { actorWords, when } from './wording.js';
import { mayEverSee } from '../workflow/access.js';

/**
 * The local learning event (002 Section C): one card that shows where it stands and offers the
 * next thing to record; before there is one, the business unit's form for the partners' decision.
 * And the chaser: a reminder before the four months, an overdue alert after.
 */

const METHOD_CHOICES = [
  { title: 'Desktop review', value: 'desktop' },
  { title: 'Practitioner workshop', value: 'practitionerWorkshop' },
];

/**
 * A lead agency's contact or deputy (002 6.6) is sent the card and its reminders but records
 * nothing on it and sees nothing else of the case (workflow/access.ts): their card offers no
 * buttons and says how the report reaches the partnership.
 */
function leadAgencyOnly(parts: CaseCardParts): boolean {
  return parts.recipient.kind === 'person' && !mayEverSee(parts.config, parts.recipient.aadObjectId, { kind: 'history' });
}
const LEAD_AGENCY_WORDS = 'Your agency leads this learning event: send the report to the partnership’s business unit when it is ready; they record it here, and this card shows where it stands.';

export function learningEventCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, draft, config, quote } = parts;
  const caseRef = state.referral.caseRef;
  const frame = { state, notice, returnTo: 'learningEvent' as const };
  const le = state.learningEvent;
  // Someone of an agency with no learning event to lead sees only that there is none.
  if (!le && leadAgencyOnly(parts)) return caseFrame({ ...frame, subtitle: 'Local learning event', showHistory: false, body: [textBlock('No local learning event is recorded on this case.')] });
  if (!le) {
    return caseFrame({
      ...frame,
      subtitle: 'Local learning event: the partners’ decision',
      body: [
        textBlock("No local learning event is recorded on this case. The safeguarding partners decide whether to hold one (002 6.4); the business unit records their decision and its date."),
        textBlock('What happens next: the report is due ready for approval within 4 calendar months of the decision, and the method and leads are asked for.', { isSubtle: true }),
        severityGuidanceSection(),
      ],
      actions: [
        showCard(
          'Record the decision',
          subCard(
            [dateInput('decidedOn', 'Date of the partners’ decision', draft, { errorMessage: 'Please give the date.', max: todayInLondon(now) }), freeTextInput('rationale', 'Rationale (as in the review group minutes)', draft, { required: true }), textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' })],
            [execute('Record the decision', 'learningEvent.decision', { caseRef }, { style: 'positive' })],
          ),
        ),
        showCaseCard(state, 'Raise a disagreement', 'reviewGroupDispute'),
      ],
    });
  }
  const summary = learningEventSummary(state, now)!;
  const facts = factSet([
    { title: 'Decided', value: `${dateWords(le.decidedOn)} (${le.basis === 'partnersDecided' ? 'the partners' : 'after a disagreement'})` },
    { title: 'Report due', value: `ready for approval by ${when(le.reportDueAt, now)}` },
    { title: 'Method', value: le.setUp ? le.setUp.methods.map((m) => METHOD_WORDS[m]).join(' and ') : 'not yet recorded' },
    { title: le.setUp && le.setUp.leads.length > 1 ? 'Co-leads' : 'Lead', value: le.setUp ? le.setUp.leads.map((l) => leadWords(config, l)).join(' and ') : 'not yet recorded' },
    ...(le.report ? [{ title: 'Report ready', value: `${when(le.report.readyAt, now)} (${le.report.onTime ? 'on time' : 'late'})` }] : []),
    ...(le.approved ? [{ title: 'Approved', value: `${dateWords(le.approved.approvedOn)} by the executive` }] : []),
    ...(le.disseminated ? [{ title: 'Learning shared', value: dateWords(le.disseminated.disseminatedOn) }] : []),
  ]);
  const body: CardElement[] = [facts, subheading('Rationale'), quote(le.rationale)];
  if (summary.status === 'overdue') body.push(textBlock(`The report was due by ${when(le.reportDueAt, now)} and is overdue. Nothing is decided for anyone: the business unit follows it up.`, { color: 'Attention' }));
  const actions = [];
  if (!le.setUp && !le.report) {
    const leadChoices = [...PARTNERS.map((p) => ({ title: PARTNER_NAMES[p], value: `partner:${p}` })), ...config.agencies.map((a) => ({ title: a.name, value: `agency:${a.id}` }))];
    body.push(textBlock(`What happens next: the review group records the method and the lead (or two co-leads); reminders go 10 and 3 working days before ${when(le.reportDueAt, now)}.`));
    actions.push(
      showCard(
        'Record method and leads',
        subCard(
          [
            multiChoiceInput('methods', 'Method (002 Appendix B; single-agency learning is not a learning event)', METHOD_CHOICES, draft, { errorMessage: 'Choose the method.', ticked: [] }),
            multiChoiceInput('leads', 'Lead, or two co-leads (002 6.6)', leadChoices, draft, { errorMessage: 'Choose the lead.', ticked: [] }),
            lineInput('termsOfReferenceUrl', 'Terms of reference (a document-store link, optional)', draft, { required: false, errorMessage: 'Give a link into the document store.', style: 'Url' }),
          ],
          [execute('Record', 'learningEvent.setUp', { caseRef }, { style: 'positive' })],
        ),
      ),
    );
  }
  if (!le.report) {
    if (le.setUp) body.push(textBlock(`What happens next: the report is due ready for approval by ${when(le.reportDueAt, now)}; reminders go 10 and 3 working days before.`));
    // The report is recorded once the method and leads are (the step refuses it before).
    if (le.setUp) actions.push(showCard('Report ready for approval', subCard([lineInput('documentUrl', 'Link to the report in the document store', draft, { required: true, errorMessage: 'Please give the link.', style: 'Url' })], [execute('Record the report', 'learningEvent.report', { caseRef }, { style: 'positive' })])));
  } else if (!le.approved) {
    body.push(textBlock("What happens next: the executive approves the report (002 6.14); the business unit records the day. No deadline is set by the seed for the approval."));
    actions.push(openUrl('Open the report', le.report.documentUrl));
    actions.push(showCard('Record the approval', subCard([dateInput('approvedOn', 'Date the executive approved it', draft, { errorMessage: 'Please give the date.', max: todayInLondon(now) })], [execute('Record the approval', 'learningEvent.approve', { caseRef }, { style: 'positive' })])));
  } else if (!le.disseminated) {
    body.push(textBlock('What happens next: the review group plans and monitors the dissemination of learning (002 6.15); record when and how it was shared.'));
    actions.push(
      showCard(
        'Record dissemination',
        subCard(
          [dateInput('disseminatedOn', 'Date the learning was shared', draft, { errorMessage: 'Please give the date.', max: todayInLondon(now) }), freeTextInput('how', 'How (briefings, newsletters, training)', draft, { required: true })],
          [execute('Record', 'learningEvent.disseminate', { caseRef }, { style: 'positive' })],
        ),
      ),
    );
  } else {
    body.push(textBlock(`Learning shared (recorded by ${actorWords(le.disseminated.by)}). What happens next: the review group monitors the actions until all are complete (002 6.14, 7.1).`));
  }
  // The approved report's recommendations become actions (002 6.14, 7.1): the board is where they are recorded.
  if (le.approved) actions.push(showCaseCard(state, 'Recommendations and actions', 'actionsBoard'));
  const subtitle = `Local learning event (${le.id === LEARNING_EVENT_ID ? 'learning event' : le.id})`;
  if (leadAgencyOnly(parts)) return caseFrame({ ...frame, subtitle, showHistory: false, body: [...body, textBlock(LEAD_AGENCY_WORDS)], actions: le.report && !le.approved ? [openUrl('Open the report', le.report.documentUrl)] : [] });
  return caseFrame({ ...frame, subtitle, body, actions });
}

/** A reminder before the report's due date, or the overdue alert after it. */
export function learningEventChaserCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, calendar } = parts;
  const le = state.learningEvent;
  const frame = { state, notice, returnTo: 'learningEventChaser' as const };
  if (!le) return caseFrame({ ...frame, ...(leadAgencyOnly(parts) ? { showHistory: false } : {}), subtitle: 'Local learning event', body: [textBlock('No local learning event is recorded on this case.')] });
  const open = [showCaseCard(state, 'Open the learning event', 'learningEvent')];
  if (le.report) return caseFrame({ ...frame, ...(leadAgencyOnly(parts) ? { showHistory: false } : {}), subtitle: 'Local learning event report', body: [textBlock(`The report was ready for approval at ${when(le.report.readyAt, now)} (${le.report.onTime ? 'on time' : 'late'}). What happens next: the executive's approval.`)], actions: open });
  const overdue = now.getTime() >= Date.parse(le.reportDueAt);
  const left = !overdue && calendar ? ` (${Math.ceil(calendar.workingDaysBetween(now, new Date(le.reportDueAt)))} working days left)` : '';
  const agency = leadAgencyOnly(parts);
  return caseFrame({
    ...frame,
    ...(agency ? { showHistory: false } : {}),
    subtitle: overdue ? 'Overdue: the learning event report' : 'Reminder: the learning event report',
    body: [
      textBlock(`The report is due ready for approval by ${when(le.reportDueAt, now)}${left}: 4 months from the partners' decision of ${dateWords(le.decidedOn)} (002 6.16).`, { color: overdue ? 'Attention' : 'Default' }),
      textBlock(overdue ? 'What happens next: nothing is decided by silence; the business unit follows it up with the leads and records the report when it is ready.' : agency ? LEAD_AGENCY_WORDS : 'What happens next: when the report is ready, record it on the learning event card with its link.'),
    ],
    actions: open,
  });
}
