import type { PartnershipFile } from '../config/partnershipFile.js';
import type { AdaptiveCard, RichTextBlock } from './adaptiveCard.js';
import { adaptiveCard, heading, subheading, textBlock } from './adaptiveCard.js';

/**
 * A command and what it does. TextRuns, not Markdown: "<case reference>" would be taken for an
 * HTML tag and vanish from a TextBlock.
 */
function command(typed: string, what: string): RichTextBlock {
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: typed, fontType: 'Monospace', weight: 'Bolder' },
      { type: 'TextRun', text: `  ${what}` },
    ],
    spacing: 'Small',
  };
}

/** What you can type to the bot. The clock commands exist only in local mode, where time is simulated. */
export function helpCard(config: PartnershipFile, options: { localMode: boolean }): AdaptiveCard {
  return adaptiveCard([
    heading(`${config.partnership.shortName} serious incident decisions`),
    textBlock(
      "This bot runs the decision on whether to notify the Child Safeguarding Practice Review Panel: referral, initial view, partners' replies, then the Panel notification or the next step. Most of it happens on the cards it sends.",
    ),
    subheading('Commands'),
    command('help', 'Shows this list.'),
    command('new referral', `Opens the form to log a referral. Business unit only, in ${config.channels.monitoring.label}.`),
    command('history <case reference>', "Shows a case's full timeline, e.g. history RR-2026-014."),
    command('away <first day> to <last day>', 'Records that you are away, e.g. away 2026-05-11 to 2026-05-15: your deputies are asked instead. Only the dates are kept.'),
    command('back', 'Ends your absence now, if you are back early: you are asked again in your own right.'),
    ...(options.localMode
      ? [
          subheading('Local mode only'),
          command('clock', 'Shows the local clock.'),
          command('clock +<hours>h', 'Moves the local clock forward by that many hours (e.g. clock +4h) and runs the deadline sweep.'),
          command('clock +<n>d', 'Moves the local clock forward by that many days (e.g. clock +1d) and runs the deadline sweep.'),
        ]
      : []),
    textBlock("Cards and records carry only the case reference. Never type a child's or family's name, date of birth or address.", {
      isSubtle: true,
      spacing: 'Medium',
    }),
  ]);
}
