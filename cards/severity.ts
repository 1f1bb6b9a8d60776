import { GUIDANCE_CAVEAT, SEVERITY_GRADES, severityGuidance } from '../workflow/severity.js';
import type { CardElement } from './adaptiveCard.js';
import { container, factSet, subheading, textBlock } from './adaptiveCard.js';

/**
 * The severity matrix of 004 as a card section, for whoever chooses a type of review. Labelled as
 * guidance in its heading and its first line: 002's criteria (5.2) decide, not this table.
 */
export function severityGuidanceSection(): CardElement {
  return container(
    [
      subheading('Guidance only: severity matrix (004, 2013)'),
      textBlock(GUIDANCE_CAVEAT, { color: 'Attention' }),
      factSet(SEVERITY_GRADES.map((grade) => {
        const g = severityGuidance(grade);
        return { title: g.title, value: `${g.suggestedReview}. For example: ${g.example}.` };
      })),
    ],
    { style: 'emphasis', separator: true },
  );
}
