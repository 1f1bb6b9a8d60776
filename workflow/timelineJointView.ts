import type { CaseEvent } from './events.js';
import type { TimelineRow } from './timelineRow.js';
import { VIEW_WORDS } from './words.js';

/** The timeline rows of the joint initial view (002 Section B step 3): each giver's own view, and their differing. */
export function jointViewRow(event: Extract<CaseEvent, { type: 'InitialViewProposed' | 'InitialViewsDiffered' }>): TimelineRow {
  if (event.type === 'InitialViewsDiffered') {
    return { at: event.at, who: 'Recorded automatically', role: 'the bot', what: "The review group chair's and the children's services director's views differ; the business unit was told.", deemed: false };
  }
  return { at: event.at, who: event.by.displayName, role: event.by.role, what: `Gave their view towards the joint initial view: ${VIEW_WORDS[event.view]}.`, detail: event.rationale, deemed: false };
}
