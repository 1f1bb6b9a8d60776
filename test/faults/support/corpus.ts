import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The hostile-input corpus (test/faults/corpus), read and checked with zod so a typo in a corpus
 * file fails loudly instead of silently testing nothing.
 *
 * - activities/*.json: bodies POSTed to the messages function. `body` is any JSON (keys such as
 *   `__proto__` survive, as JSON.parse keeps them as plain keys); `raw` is sent as written;
 *   `rawBase64` is sent as bytes (invalid UTF-8). Strings may hold `{{serviceUrl}}` (the test's
 *   Bot Connector stand-in), `{{postedCardVersion}}` (the asOf on the partners' card as it was
 *   posted) and `{{changedCardVersion}}` (the asOf on the card the police changed their reply
 *   from), and raw text `{{pad:N}}` (N × "x") and `{{nest:N}}` (N nested arrays).
 *   `expect` is what the input must get: `refused` (the default: a 4xx with an error message, or a
 *   refusal card), `ignored` (an activity type Teams really sends that this app takes no action
 *   on: 200, no body, nothing posted) or `help` (a message that is empty once the mentions are
 *   removed: the help card).
 *   In http entries, `{{exportQuery:<format>:<by>:<expiresInMs>}}` is a correctly signed history
 *   link query for the corpus case (so one field at a time can be made wrong around it).
 * - http/*.json: requests to the other HTTP endpoints (history export now; the tab API later),
 *   with method, path, headers, body and the accepted status range.
 */

const Placeholders = /\{\{(serviceUrl|postedCardVersion|changedCardVersion|pad:\d+|nest:\d+|exportQuery:[a-z]+:[A-Za-z0-9-]+:-?\d+)\}\}/;

export const ActivityEntrySchema = z
  .object({
    name: z.string().min(1),
    body: z.unknown().optional(),
    raw: z.string().optional(),
    rawBase64: z.string().optional(),
    expect: z.enum(['refused', 'ignored', 'help']).default('refused'),
  })
  .strict()
  .refine((e) => [e.body !== undefined, e.raw !== undefined, e.rawBase64 !== undefined].filter(Boolean).length === 1, 'exactly one of body, raw, rawBase64');
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

export const HttpEntrySchema = z
  .object({
    name: z.string().min(1),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']),
    path: z.string().startsWith('/'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
    status: z.tuple([z.number().int().min(100).max(599), z.number().int().min(100).max(599)]),
  })
  .strict();
export type HttpEntry = z.infer<typeof HttpEntrySchema>;

const CORPUS = resolve(import.meta.dirname, '../corpus');

function readFolder<T>(folder: string, schema: z.ZodType<T>): { file: string; entry: T }[] {
  const dir = join(CORPUS, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => z.array(schema).parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))).map((entry) => ({ file, entry })));
}

export const activityCorpus = () => readFolder('activities', ActivityEntrySchema);
export const httpCorpus = () => readFolder('http', HttpEntrySchema);

/** Expands the placeholders in raw text. */
export function expand(text: string, values: (name: string) => string | undefined): string {
  return text.replace(new RegExp(Placeholders.source, 'g'), (_all, name: string) => {
    if (name.startsWith('pad:')) return 'x'.repeat(Number(name.slice(4)));
    if (name.startsWith('nest:')) {
      const n = Number(name.slice(5));
      return '['.repeat(n) + ']'.repeat(n);
    }
    const value = values(name);
    if (value === undefined) throw new Error(`no value for {{${name}}}`);
    return value;
  });
}

/** The bytes to POST for an activity entry. */
export function activityBytes(entry: ActivityEntry, values: (name: string) => string | undefined): Buffer {
  if (entry.rawBase64 !== undefined) return Buffer.from(entry.rawBase64, 'base64');
  if (entry.raw !== undefined) return Buffer.from(expand(entry.raw, values), 'utf8');
  return Buffer.from(expand(JSON.stringify(entry.body), values), 'utf8');
}
