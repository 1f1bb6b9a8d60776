import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { container, execute, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, openReferralDocument } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import type { Quote } from './budget.js';
import type { Draft } from './inputs.js';
import { viewChoiceWithRationale } from './inputs.js';
import { referralFacts } from './referralFacts.js';
import { actorWords, VIEW_WORDS, when } from './wording.js';
import type { ViewGiver } from '../workflow/events.js';
import type { CaseState } from '../workflow/state.js';
import { giversHeldBy, giverWords, otherGiver, VIEW_GIVERS } from '../workflow/steps/jointInitialView.js';

/**
 * Sent 1:1 to the review group chair and the children's services director (002 Section B step 3:
 * "The referral is reviewed by the Chair of LIG and Service Director"). The view is theirs
 * together: each copy shows the other's draft, with Concur and a form to give a different view;
 * if they differ, both views are shown to both (and, in the monitoring channel, to the business
 * unit). Once they agree, every copy turns into the record of the view and who concurred.
 */
export function initialViewRequestCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, quote } = parts;
  const facts: CardElement[] = [subheading('The referral'), referralFacts(state, now)];
  const document = openReferralDocument(state);
  const given = state.initialView;

  if (given) {
    return caseFrame({
      state,
      subtitle: 'Initial view: given',
      notice,
      returnTo: 'initialViewRequest',
      body: [
        textBlock(`Initial view given by ${actorWords(given.by)} at ${when(given.at, now)}: **${VIEW_WORDS[given.view]}**.`),
        ...(given.concurredBy ? [textBlock(`${actorWords(given.concurredBy)} concurred.`, { spacing: 'None' })] : []),
        subheading('Rationale'),
        quote(given.rationale),
        textBlock(
          given.repliesDueAt
            ? `It has gone to the three partners, who have until ${when(given.repliesDueAt, now)} to reply.`
            : 'It is being posted to the three partners, who have one working day from its posting to reply.',
          { isSubtle: true },
        ),
        ...facts,
      ],
      actions: [document],
    });
  }
  return openCard(parts, facts, document);
}

function openCard({ state, config, now, notice, draft, quote, recipient }: CaseCardParts, facts: CardElement[], document: CardActionJson): AdaptiveCard {
  const caseRef = state.referral.caseRef;
  const due = state.initialViewDueAt;
  const late = now.getTime() >= Date.parse(due);
  const held = recipient.kind === 'person' ? giversHeldBy(config, recipient.aadObjectId) : [];
  const proposals = state.jointView?.proposals ?? {};
  const given = VIEW_GIVERS.filter((g) => proposals[g]);
  const differ = given.length === 2;
  // Only someone holding exactly one of the two roles concurs; one person in both gives it alone.
  const mine = held.length === 1 ? held[0]! : undefined;
  const theirs = mine ? proposals[otherGiver(mine)] : undefined;
  const oneForBoth = config.reviewGroupChair.aadObjectId === config.childrensServicesDirector.aadObjectId;

  const body: CardElement[] = [
    textBlock(`A referral has been logged. The initial view, notify the Panel or not, with its rationale, is due **by ${when(due, now)}**.`),
    textBlock(
      oneForBoth
        ? `Asked of ${giverWords(config, 'reviewGroupChair')}, who is also the children's services director: your view is the initial view. If it is late the business unit is told; it is never assumed.`
        : `It is for ${giverWords(config, 'reviewGroupChair')} and ${giverWords(config, 'childrensServicesDirector')} together: one of you drafts it, the other concurs or gives a different view. It goes to the partners only when you both agree. If it is late the business unit is told; it is never assumed.`,
    ),
    ...(late
      ? [
          textBlock(`This is overdue since ${when(due, now)}; ${state.overdueRaised.includes('initialView') ? 'the business unit has been told' : 'the business unit will be told'}.`, {
            color: 'Attention',
            weight: 'Bolder',
          }),
        ]
      : []),
    ...(differ
      ? [
          container(
            [
              textBlock('Your views differ. The business unit has been told.', { weight: 'Bolder' }),
              textBlock("Either of you may concur with the other's view or revise your own; the view goes to the partners the moment you agree."),
            ],
            { style: 'attention' },
          ),
        ]
      : []),
    ...given.flatMap((g) => proposalBlocks(state, g, now, quote)),
    ...facts,
  ];
  const actions: CardActionJson[] = [];
  if (mine && theirs) {
    // Concur, or a different view in its own form: a required rationale next to Concur would block it.
    actions.push(execute(`Concur with ${theirs.by.displayName}`, 'initialView.concur', { caseRef }, { style: 'positive' }));
    actions.push(showCard(proposals[mine] ? 'Revise my view' : 'Give a different view', subCard(viewForm(draft, proposals[mine]), [submit(caseRef, 'Record my view')])));
  } else if (mine && proposals[mine]) {
    body.push(textBlock(`Waiting for ${giverWords(config, otherGiver(mine))} to concur or give their view.`, { isSubtle: true }));
    actions.push(showCard('Revise my view', subCard(viewForm(draft, proposals[mine]), [submit(caseRef, 'Record my view')])));
  } else if (held.length > 0) {
    body.push(subheading(oneForBoth ? 'Your initial view' : 'Your view'), ...viewForm(draft, undefined));
    actions.push(submit(caseRef, oneForBoth ? 'Give initial view' : 'Give my view'));
  }
  return caseFrame({ state, subtitle: differ ? 'Initial view: the chair and the director differ' : 'Initial view needed', notice, returnTo: 'initialViewRequest', body, actions: [...actions, document] });
}

const submit = (caseRef: string, title: string) => execute(title, 'initialView.submit', { caseRef }, { style: 'positive' });

/** The form, filled with what was typed (after a refusal) or else with the giver's current view. */
function viewForm(draft: Draft, current: { view: string; rationale: string } | undefined): CardElement[] {
  const filled = draft && Object.keys(draft).length > 0 ? draft : current ? { view: current.view, rationale: current.rationale } : draft;
  return viewChoiceWithRationale('view', 'Initial view', filled);
}

function proposalBlocks(state: CaseState, giver: ViewGiver, now: Date, quote: Quote): CardElement[] {
  const p = state.jointView?.proposals[giver];
  if (!p) return [];
  return [subheading(`${actorWords(p.by)}: ${VIEW_WORDS[p.view]}`), textBlock(`Given at ${when(p.at, now)}.`, { spacing: 'None', isSubtle: true }), quote(p.rationale)];
}
