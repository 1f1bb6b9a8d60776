/**
 * A guard on the text that leaves the bot in a calendar invitation. Invitations are copied to
 * every attendee's mailbox (in other organisations too), forwarded, shown on phones' lock screens
 * and kept for years outside the partnership's records, so they must never carry a child's or a
 * family's details: the case reference identifies the case to those entitled to look it up.
 *
 * A character check alone (the `^[A-Za-z0-9 :()\-–]+$` first proposed) would refuse "O'Brien"
 * yet accept "Smith", so the guard is a closed vocabulary instead: every word must be a word of
 * the procedure (below), a word the partnership configured (its short name, say), or a case
 * reference. A name then fails unless it happens to be a procedure word too (May, June): no text
 * check can tell those apart, and the caller passing only a case reference remains the main
 * protection. Adding a word here is a reviewable change, which is the point. The characters are
 * restricted as well, which keeps out e-mail addresses, links, and dates of birth written with "/".
 */

export type MeetingTextField = 'subject' | 'body' | 'comment';

export type MeetingTextRules = {
  /** The partnership's case reference pattern, anchored, e.g. ^[A-Z]{2,6}-\d{4}-\d{1,4}$. */
  caseReferencePattern: RegExp;
  /** Further words to accept, e.g. the partnership's short name. */
  extraWords?: readonly string[];
};

const SUBJECT_CHARACTERS = /^[A-Za-z0-9 :()\-–]+$/;
// Prose needs full stops, commas, apostrophes and line breaks; still no "@", "/", "#" or digits-and-slashes dates.
const PROSE_CHARACTERS = /^[A-Za-z0-9 :()\-–.,'’\n]*$/;
// Graph's subject limit is 255; a body longer than a short paragraph is not a template we wrote.
const MAX_LENGTH: Record<MeetingTextField, number> = { subject: 255, body: 2000, comment: 500 };

const PROCEDURE_WORDS = `
a about accepted across after agenda agree agreed agreement agreements all also an and any are
arrange arranged as at attend attendance attendee attendees attending authority be because been
before being between board business but by calendar can cancel cancelled card care case chair
chaired chairs channel chat child children concern concerned concerning concerns could day days
deadline decide decided decision decisions deemed deputies deputy designated details difference
differences director directors disagree disagreed disagreement discuss dispute disputed do doctor
does each exceptional exceptionally final first for from further group had has have health held
hold hour hours icb if in incident independent information initial inquiry instead integrated
invitation invite invited invites is it join lead leads learning lig link local longer manager
matter matters mediate mediates mediator meet meeting meetings member members met microsoft minute
minutes more moved national needed new nil no not notification notified notifies notify notifying
now nurse of on one online only optional or other out outcome outcomes outlook panel papers partner
partners partnership please police practice prioritise procedure process question questions rapid
rationale re reach reached rearrange rearranged receipt received record recorded reference referral
regarding related relating rep replies reply representative representatives reps required resolve
resolved respond response responses review safeguarding scrutineer second see serious service
services set short silence sin so social stage statutory step steps still strategic team teams
thank thanks that the their there this thread time to two unable unit urgent via view was we were
whether which who within working writing written yes you your
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
`;

const VOCABULARY: ReadonlySet<string> = new Set(PROCEDURE_WORDS.split(/\s+/).filter(Boolean));

/** Undefined when the text may be sent; otherwise why not, without repeating the offending words. */
export function meetingTextRefusal(field: MeetingTextField, text: string, rules: MeetingTextRules): string | undefined {
  if (field === 'subject' && text.trim() === '') return 'the subject is empty';
  if (text.length > MAX_LENGTH[field]) return `the ${field} is longer than ${MAX_LENGTH[field]} characters`;
  const characters = field === 'subject' ? SUBJECT_CHARACTERS : PROSE_CHARACTERS;
  if (!characters.test(text)) return `the ${field} contains characters not allowed in a meeting invitation`;

  const extra = new Set((rules.extraWords ?? []).map((word) => word.toLowerCase()));
  let unknown = 0;
  for (const token of text.split(/\s+/)) {
    const bare = token.replace(/^[():,.'’\-–]+|[():,.'’\-–]+$/g, '');
    if (bare === '' || rules.caseReferencePattern.test(bare)) continue;
    // "children's" is the word "children": the possessive adds nothing a name could hide in.
    const words = bare.replace(/['’]s$/i, '').match(/[A-Za-z]+/g) ?? [];
    for (const word of words) {
      const lower = word.toLowerCase();
      if (!VOCABULARY.has(lower) && !extra.has(lower)) unknown++;
    }
  }
  // The words themselves are not repeated: they are the very thing that may identify a child.
  if (unknown > 0) return `the ${field} has ${unknown} word(s) outside the meeting-invitation vocabulary (graph/meetingText.ts)`;
  return undefined;
}
