import type { CaseState } from '../workflow/state.js';
import { justificationsNeeded } from '../workflow/localReview/publication.js';
import { publishDecision, type LocalReview } from '../workflow/localReview/state.js';
import { decisionTold } from '../workflow/localReview/told.js';
import { JUSTIFICATION_WORDS, LCSPR_METHODS, METHOD_WORDS, MILESTONES, MILESTONE_WORDS, REVIEWER_KIND_WORDS } from '../workflow/localReview/words.js';
import type { CardActionJson } from './adaptiveCard.js';
import { execute, showCard, subCard, textBlock } from './adaptiveCard.js';
import { severityGuidanceSection } from './severity.js';
import { choiceInput, dateInput, freeTextInput, lineInput, multiChoiceInput, NO_NAMES_HINT, timeInput, todayInLondon, yesNoToggle, type Draft } from './inputs.js';

/**
 * The business unit's forms on the local review's board, one per step still open, each sending one
 * verb (app/cardRoutes/localReview.ts). The procedure checks everything again and says what is wrong.
 */

const hint = textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' });
const sent = (prefix: string, draft: Draft, now: Date, what: string) => [
  dateInput(`${prefix}Date`, 'Date sent', draft, { errorMessage: `Please give the date ${what}.`, max: todayInLondon(now) }),
  timeInput(`${prefix}Time`, 'Time sent (UK time)', draft, { errorMessage: `Please give the time ${what}.` }),
];

/** A case discussed without a notification: the decision to hold a review, with its instant. */
export function openForm(state: CaseState, draft: Draft, now: Date): CardActionJson[] {
  const caseRef = state.referral.caseRef;
  return [
    showCard(
      'Record a decision to hold a local review',
      subCard(
        [
          dateInput('decidedDate', 'Date the partners decided', draft, { errorMessage: 'Please give the date of the decision.', max: todayInLondon(now) }),
          timeInput('decidedTime', 'Time (UK time)', draft, { errorMessage: 'Please give the time of the decision.' }),
          freeTextInput('rationale', 'Rationale', draft, { required: true }),
          hint,
          severityGuidanceSection(),
        ],
        [execute('Open the local review', 'localReview.open', { caseRef }, { style: 'positive' })],
      ),
    ),
  ];
}

export function boardForms(state: CaseState, l: LocalReview, draft: Draft, now: Date): CardActionJson[] {
  const caseRef = state.referral.caseRef;
  const forms: CardActionJson[] = [];
  const publishing = !l.published && publishDecision(l) !== false;
  if (!l.lead) {
    forms.push(
      showCard(
        'Record the lead',
        subCard(
          [
            textBlock('The partnership where the child normally lives leads; for a looked-after child, the partnership of the local authority with statutory responsibility for the child (5.5).', { isSubtle: true }),
            // Prefilled from the referral; a child may have become looked after since.
            yesNoToggle('lookedAfter', 'Looked after', 'The child is looked after', { lookedAfter: String(state.referral.lookedAfter), ...draft }),
            lineInput('responsibleAuthority', 'Responsible authority (a looked-after child only)', draft, { required: false, errorMessage: 'Please give the responsible authority.', maxLength: 200 }),
            lineInput('leadPartnership', 'Lead partnership', draft, { required: true, errorMessage: 'Please give the lead partnership.', maxLength: 200 }),
            yesNoToggle('weLead', 'Who leads', 'This partnership leads', draft),
            freeTextInput('leadReason', "If the responsible authority's partnership does not lead: why", draft, { required: false }),
            lineInput('involved', 'Other partnerships involved (comma-separated)', draft, { required: false, errorMessage: 'Please list the partnerships involved.', maxLength: 1000 }),
          ],
          [execute('Record the lead', 'localReview.lead', { caseRef })],
        ),
      ),
    );
  }
  const toldAbout = !decisionTold(state) ? ('decision' as const) : l.reviewer && !l.told.reviewer ? ('reviewer' as const) : undefined;
  if (toldAbout) {
    forms.push(
      showCard(
        toldAbout === 'decision' ? 'Record: Panel, Ofsted and DfE told of the decision' : "Record: Panel, Ofsted and DfE told the reviewer's name",
        subCard(sent('told', draft, now, 'they were told'), [execute('Record when they were told', 'localReview.told', { caseRef, about: toldAbout })]),
      ),
    );
  }
  if (!l.published) {
    forms.push(
      showCard(
        l.reviewer ? 'Change the reviewer' : 'Commission the reviewer',
        subCard(
          [
            lineInput('reviewer', "Reviewer's name", draft, { required: true, errorMessage: "Please give the reviewer's name.", maxLength: 200 }),
            choiceInput('reviewerKind', 'Internal or external (5.7)', (['external', 'internal'] as const).map((k) => ({ title: REVIEWER_KIND_WORDS[k], value: k })), draft, { errorMessage: 'Please choose internal or external.' }),
            freeTextInput('independence', 'Independence statement', draft, { required: true }),
            freeTextInput('conflicts', 'Conflicts of interest', draft, { required: true }),
            multiChoiceInput('methodology', 'Methodology (002 Appendix B)', LCSPR_METHODS.map((m) => ({ title: METHOD_WORDS[m], value: m })), draft, { errorMessage: 'Please choose the methodology.', ticked: [] }),
            lineInput('termsOfReferenceUrl', 'Terms of reference (link in the document store)', draft, { required: true, errorMessage: 'Please give the link to the terms of reference.', style: 'Url', maxLength: 4000 }),
            yesNoToggle('familyPlanned', 'Family engagement', 'Family engagement planned', draft),
            freeTextInput('familyNote', 'Family engagement note', draft, { required: false }),
            yesNoToggle('practitionersPlanned', 'Practitioner engagement', 'Practitioner engagement planned', draft),
            freeTextInput('practitionerNote', 'Practitioner engagement note', draft, { required: false }),
            hint,
          ],
          [execute('Record the commissioning', 'localReview.commission', { caseRef })],
        ),
      ),
    );
  }
  const open = MILESTONES.filter((m) => !l.milestones[m]?.done).map((m) => ({ title: MILESTONE_WORDS[m], value: m }));
  if (open.length > 0) {
    forms.push(
      showCard(
        'Plan or move a milestone',
        subCard(
          [choiceInput('planMilestone', 'Milestone', open, draft, { errorMessage: 'Please choose a milestone.', style: 'compact' }), dateInput('planDate', 'Planned date', draft, { errorMessage: 'Please give the planned date.', min: todayInLondon(now) })],
          [execute('Plan it', 'localReview.plan', { caseRef })],
        ),
      ),
      showCard(
        'Record a milestone done',
        subCard(
          [
            choiceInput('doneMilestone', 'Milestone', open, draft, { errorMessage: 'Please choose a milestone.', style: 'compact' }),
            dateInput('doneDate', 'Date done', draft, { errorMessage: 'Please give the date it was done.', max: todayInLondon(now) }),
            ...(!l.milestones.executiveApproval?.done
              ? [
                  textBlock('For the executive approval (step 24) only: did the executive decide to publish?', { isSubtle: true }),
                  { type: 'Input.ChoiceSet' as const, id: 'publish', label: 'Decision to publish', choices: [{ title: 'Publish', value: 'yes' }, { title: 'Do not publish', value: 'no' }], style: 'expanded' as const },
                ]
              : []),
          ],
          [execute('Record it done', 'localReview.done', { caseRef })],
        ),
      ),
    );
  }
  if (publishing) {
    forms.push(
      showCard(
        l.publication ? 'Move the publication date' : 'Plan the publication date',
        subCard(
          [
            textBlock(`No later than ${l.publicationDueDate} (six months). The copy to the Panel and the Secretary of State is then due by the close of the 7th working day before it.`, { isSubtle: true }),
            dateInput('publicationDate', 'Publication date', draft, { errorMessage: 'Please give the publication date.', min: todayInLondon(now) }),
          ],
          [execute('Plan publication', 'localReview.publication', { caseRef })],
        ),
      ),
    );
  }
  if (publishing && l.publication && !l.copySent) {
    forms.push(showCard('Record the copy sent to the Panel and the Secretary of State', subCard(sent('copy', draft, now, 'the copy was sent'), [execute('Record the copy sent', 'localReview.copySent', { caseRef })])));
  }
  const owed = justificationsNeeded(l, now).filter((j) => !l.justifications[j]);
  if (owed.length > 0) {
    forms.push(
      showCard(
        'Record the justification sent',
        subCard(
          [
            choiceInput('justifies', 'Justification for', owed.map((j) => ({ title: JUSTIFICATION_WORDS[j], value: j })), draft, { errorMessage: 'Please choose what it justifies.' }),
            freeTextInput('justification', 'Justification', draft, { required: true }),
            ...sent('justified', draft, now, 'it was sent'),
            hint,
          ],
          [execute('Record the justification', 'localReview.justify', { caseRef })],
        ),
      ),
    );
  }
  if (!l.published && publishDecision(l) === true) {
    forms.push(
      showCard(
        'Record the publication',
        subCard(
          [
            dateInput('publishedDate', 'Date published', draft, { errorMessage: 'Please give the date it was published.', max: todayInLondon(now) }),
            lineInput('url', 'Link to the published report', draft, { required: true, errorMessage: 'Please give the link.', style: 'Url', maxLength: 4000 }),
          ],
          [execute('Record the publication', 'localReview.published', { caseRef }, { style: 'positive' })],
        ),
      ),
    );
  }
  return forms;
}
