import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Short-lived signed links to a case's history export. The bot issues one only to a business unit
 * member identified from a validated Teams activity; the HTTP endpoint checks the signature and
 * expiry and that the person is still in the business unit, so a leaked link dies within minutes
 * and a removed member's link stops working at once.
 */

export const ExportFormatSchema = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportLinkQuerySchema = z.object({
  by: z.string().min(1).max(100),
  expires: z.string().regex(/^\d{1,15}$/),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export const EXPORT_LINK_LIFETIME_MS = 10 * 60_000;

function signature(secret: string, caseRef: string, format: ExportFormat, by: string, expires: string): string {
  return createHmac('sha256', secret).update(`${caseRef}\n${format}\n${by}\n${expires}`).digest('base64url');
}

export function signExportLink(args: { baseUrl: string; secret: string; caseRef: string; format: ExportFormat; by: string; now: Date }): { url: string; expiresAt: Date } {
  const expiresAt = new Date(args.now.getTime() + EXPORT_LINK_LIFETIME_MS);
  const expires = String(expiresAt.getTime());
  const sig = signature(args.secret, args.caseRef, args.format, args.by, expires);
  const url = new URL(`/api/cases/${encodeURIComponent(args.caseRef)}/history.${args.format}`, args.baseUrl);
  url.search = new URLSearchParams({ by: args.by, expires, sig }).toString();
  return { url: url.toString(), expiresAt };
}

export function verifyExportLink(args: { secret: string; caseRef: string; format: ExportFormat; query: z.infer<typeof ExportLinkQuerySchema>; now: Date }): 'ok' | 'expired' | 'invalid' {
  const expected = Buffer.from(signature(args.secret, args.caseRef, args.format, args.query.by, args.query.expires));
  const given = Buffer.from(args.query.sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(args.query.expires) < args.now.getTime() ? 'expired' : 'ok';
}
