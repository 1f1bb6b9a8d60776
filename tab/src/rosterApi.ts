import { z } from 'zod';
import { ProblemSchema } from '../../workflow/monitoring/schemas.js';
import { ApiError } from './apiError.js';
import type { Session } from './session.js';

/** The roster page's calls (functions/rosterHandlers.ts), with the person's token like every tab call. */

export const RosterIssueSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export type RosterIssue = z.infer<typeof RosterIssueSchema>;
const RosterReadSchema = z.object({ version: z.number(), roster: z.record(z.string(), z.unknown()) });
export type RosterRead = z.infer<typeof RosterReadSchema>;
const MovedSchema = z.object({ monitoring: z.object({ label: z.string() }), decision: z.object({ label: z.string() }) });
/** `channels` only on a change that moved a channel (functions/rosterHandlers.ts). */
const HistorySchema = z.object({ changes: z.array(z.object({ version: z.number(), at: z.string(), by: z.object({ displayName: z.string() }), why: z.string(), channels: MovedSchema.optional() })) });
export type RosterHistory = z.infer<typeof HistorySchema>;
const TargetSchema = z.object({ conversationId: z.string(), kind: z.enum(['channel', 'groupChat']), label: z.string() });
const OfferSchema = z.object({ conversationId: z.string(), kind: z.enum(['channel', 'groupChat']), name: z.string(), current: z.boolean() });
const ChannelsReadSchema = z.object({
  version: z.number(),
  channels: z.object({ monitoring: TargetSchema, decision: TargetSchema }),
  offers: z.object({ monitoring: z.array(OfferSchema), decision: z.array(OfferSchema) }),
  notOffered: z.array(z.object({ name: z.string(), why: z.string() })),
});
export type ChannelsRead = z.infer<typeof ChannelsReadSchema>;
export type ChannelsChoice = { baseVersion: number; why: string; monitoring: { conversationId: string; label: string }; decision: { conversationId: string; label: string } };
const SaveRefusalSchema = ProblemSchema.extend({ issues: z.array(RosterIssueSchema).optional() });

/** A refused save: the server's words, and the schema's words for each field. */
export class RosterRefusal extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly issues: RosterIssue[],
  ) {
    super(status, message);
  }
}

async function call(session: Session, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...(await session.headers()) }, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'The tab could not reach the service. Your changes are still on the page; try again shortly.');
  }
  if (!response.ok) {
    const body = SaveRefusalSchema.safeParse(await response.json().catch(() => undefined));
    throw new RosterRefusal(response.status, body.data?.error ?? `The service answered ${response.status}.`, body.data?.issues ?? []);
  }
  return response;
}

export const rosterApi = {
  read: async (s: Session) => RosterReadSchema.parse(await (await call(s, '/api/tab/roster')).json()),
  history: async (s: Session) => HistorySchema.parse(await (await call(s, '/api/tab/roster/history')).json()),
  save: async (s: Session, edit: { baseVersion: number; why: string; roster: Record<string, unknown> }) => z.object({ version: z.number(), cases: z.array(z.string()).default([]) }).parse(await (await call(s, '/api/tab/roster', { method: 'PUT', body: JSON.stringify(edit) })).json()),
  channels: async (s: Session) => ChannelsReadSchema.parse(await (await call(s, '/api/tab/roster/channels')).json()),
  saveChannels: async (s: Session, choice: ChannelsChoice) => z.object({ version: z.number() }).parse(await (await call(s, '/api/tab/roster/channels', { method: 'PUT', body: JSON.stringify(choice) })).json()),
  async download(s: Session, format: 'csv' | 'json'): Promise<void> {
    const response = await call(s, `/api/tab/roster/history.${format}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `roster-history.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
