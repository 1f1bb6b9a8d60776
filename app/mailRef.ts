/**
 * An email's reference, sent with it in a custom header (graph/graphSchemas.ts MAIL_REF_HEADER):
 * its case reference (base64url, so any pattern a partnership uses fits a header) and its key in
 * the case's outbox. Nothing of the case is in it; a non-delivery report that quotes the
 * original headers gives it back, and with it the outbox row of the email that bounced.
 */

/** The custom header it travels in; Exchange quotes the original headers in a non-delivery report. */
export const MAIL_REF_HEADER = 'X-SIN-Mail-Ref';

const KEY = /^[0-9a-f]{40}$/;

export function mailRef(caseRef: string, key: string): string {
  if (!KEY.test(key)) throw new RangeError('an email key is 40 hex digits');
  return `${Buffer.from(caseRef, 'utf8').toString('base64url')}.${key}`;
}

/** Every reference quoted after `header:` in a report's text, decoded; anything malformed is skipped. */
export function mailRefsIn(text: string, header: string): { caseRef: string; key: string }[] {
  const pattern = new RegExp(`^[ \\t>]*${header.replace(/[-]/g, '\\-')}:[ \\t]*([A-Za-z0-9_-]{1,200})\\.([0-9a-f]{40})[ \\t]*$`, 'gim');
  const found = new Map<string, { caseRef: string; key: string }>();
  for (const m of text.matchAll(pattern)) {
    const caseRef = Buffer.from(m[1]!, 'base64url').toString('utf8');
    // Decoding never fails; what does not round-trip was not written by mailRef.
    if (Buffer.from(caseRef, 'utf8').toString('base64url') !== m[1]) continue;
    found.set(`${caseRef}\n${m[2]}`, { caseRef, key: m[2]!.toLowerCase() });
  }
  return [...found.values()];
}
