import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/adaptiveCard.js';
import type { Verb, VerbData } from '../../cards/verbs.js';
import type { View } from '../../workflow/access.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { CaseState } from '../../workflow/state.js';
import type { InteractionDeps, Reply } from '../interactions.js';

/**
 * One entry per card verb: what a click means and which card answers it. The verb's data schema is
 * not repeated here: it is the verb's entry in cards/verbs.ts (VERB_DATA_SCHEMAS), which the
 * dispatcher parses with before the route sees the data.
 */

/** Said before the procedure is asked (a date that is no date); shown on the answering card with what was typed. */
export type Refused = { refused: string };

/** Everything a route that answers by itself may use, for the one click it answers. */
export type RouteContext = {
  actor: CommandActor;
  now: Date;
  /** What the card sent, as strings: the form comes back filled in after a refusal. */
  draft: Record<string, string>;
  deps: InteractionDeps;
  /** The case if the person may see this view of it; otherwise the refusal to answer with (which says nothing of the case). */
  loadVisible(caseRef: string, view: View, roleRefusal?: AdaptiveCard): Promise<{ state: CaseState; events: CaseEvent[] } | { refusal: Reply }>;
  /** A case card for the person, with a notice if given. */
  showCase(caseRef: string, spec: CardSpec, notice?: string): Promise<Reply>;
};

/** The common part: `botCommandOnly` says why no card emits the verb, where none does (checked by test). */
type RouteBase<V extends Verb> = {
  verb: V;
  botCommandOnly?: string;
  /** The answer when the data fails the verb's schema; without it, "that action could not be understood". */
  invalid?: (issues: readonly z.core.$ZodIssue[], context: Pick<RouteContext, 'actor' | 'now' | 'draft' | 'deps'>) => Reply;
};

/** A verb that runs one command on a case and answers with one case card. */
export type CommandRoute<V extends Verb> = RouteBase<V> & {
  /** The card that answers: with the outcome, or with the refusal and what was typed. */
  answer: (data: VerbData<V>) => CardSpec;
  toCommand: (data: VerbData<V>, actor: CommandActor) => CaseCommand | Refused;
};

/** A verb that answers by itself: views that run no command (history, export), or the referral, which makes the case. */
export type ReplyRoute<V extends Verb> = RouteBase<V> & {
  reply: (data: VerbData<V>, context: RouteContext) => Promise<Reply>;
};

type RouteFor<V extends Verb> = CommandRoute<V> | ReplyRoute<V>;

/** Any verb's route; an entry's `verb` picks the type of its data. */
export type CardRoute = { [V in Verb]: RouteFor<V> }[Verb];

export const isCommandRoute = (route: CardRoute): route is Extract<CardRoute, { toCommand: unknown }> => 'toCommand' in route;

/**
 * A typed entry: `route({ verb: 'x', ... })` gives the callbacks the data type of verb x. (For a
 * generic V, TypeScript cannot see that RouteFor<V> is one member of CardRoute, hence the cast.)
 */
export function route<V extends Verb>(entry: RouteFor<V>): CardRoute {
  return entry as unknown as CardRoute;
}

export const refused = (reason: string): Refused => ({ refused: reason });
export const isRefused = (result: CaseCommand | Refused): result is Refused => 'refused' in result;
