import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Effect } from '../workflow/effects.js';
import { caseRowKeys } from './caseKeys.js';
import { listProperties, readHead, type CaseHead } from './caseHead.js';
import { MAX_BATCH_OPERATIONS, batches } from './batches.js';
import { CaseStore } from './caseStore.js';
import { isStatus, type Tables } from './tables.js';
import type { HeadCache } from './headCache.js';

/**
 * The effects committed with a case's events, and the cards they posted. An effect is claimed
 * with an eTag-conditioned lease before it is performed, so two processes running the outbox
 * at once perform it once; a lease that expires (the process died) lets another take over.
 *
 * The case's head row lists the effects not known to be done and the tracked cards' keys, so both
 * are found by point reads; a case without a head row (written before there was one) is queried.
 */

const OutboxRowSchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  effect: z.string(),
  /** 'staged': written before the head of a split change listed it; pending once listed. */
  status: z.enum(['pending', 'staged', 'done']),
  leaseUntil: z.string().optional(),
  attempts: z.number().int().optional(),
});

const MailRowSchema = z.object({
  rowKey: z.string(),
  outcome: z.enum(['sent', 'refused']),
  at: z.string().optional(),
  // What it was (rows written before these were kept have none): to name it when it bounces.
  to: z.string().optional(),
  card: z.string().optional(),
  reason: z.string().optional(),
  /** A non-delivery report for it was found in the shared mailbox (app/bounceWatch.ts). */
  bouncedAt: z.string().optional(),
});
export type MailRow = z.infer<typeof MailRowSchema> & { key: string };
export type MailAbout = { to: string; card: string; reason: string };

export type PendingEffect = { rowKey: string; etag: string; effect: Effect; leaseUntil?: string; attempts: number };

const PersonRecipientSchema = z.object({ kind: z.literal('person'), aadObjectId: z.string() });

const TrackedCardRowSchema = z.object({
  rowKey: z.string(),
  conversationId: z.string(),
  activityId: z.string(),
  card: z.string(),
  recipient: z.string(),
  postedAt: z.string().optional(),
});
export type TrackedCardRow = z.infer<typeof TrackedCardRowSchema>;

/**
 * Someone who holds a request of the case (issue 16): a tracked send reached them, by a Teams card
 * or, when Teams cannot reach them, by email. Kept whatever the channel, in one place, so a roster
 * change finds every request to move from someone replaced (app/rosterFollowUp.ts); a card row
 * alone misses everyone reached by email.
 */
export const HeldRequestSchema = z.object({
  /** The send's key (workflow/kernel.ts sendKey). */
  sendKey: z.string().min(1),
  holder: z.string().min(1),
  /** The card as it was asked for (workflow/effects.ts CardSpec), as JSON. */
  card: z.string(),
  channel: z.enum(['teams', 'email']),
  at: z.string(),
});
export type HeldRequest = z.infer<typeof HeldRequestSchema>;
const heldKey = (h: { sendKey: string; holder: string }) => createHash('sha256').update(`${h.sendKey}\n${h.holder}`).digest('hex').slice(0, 40);

/** Far more cards than a process updates in a while; past it, start again. */
const MAX_CACHED_CARDS = 20_000;

export class Outbox {
  private readonly tables: Tables;
  /**
   * Tracked card rows by row key. A card row is written once, when the card is posted (a retry
   * finds it and does not post again), and never changed, so a copy read once stays true.
   */
  private readonly cards = new Map<string, TrackedCardRow>();
  constructor(
    tables: Tables,
    private readonly heads: HeadCache,
  ) {
    this.tables = tables;
  }

  private casesOf(partition: string): TableClient {
    return this.tables.cases(partition);
  }

  /** The case's pending effects, and the head they were listed in (to prune it afterwards). */
  async pending(caseRef: string): Promise<{ effects: PendingEffect[]; head: CaseHead | undefined }> {
    const partition = CaseStore.partitionOf(caseRef);
    const head = await readHead(this.casesOf(partition), partition, this.heads);
    if (!head) return { effects: await this.queryPending(partition), head };
    return { effects: await this.listed(caseRef, head.pending), head };
  }

  /** The listed effects that are still pending, read by key. */
  async listed(caseRef: string, rowKeys: string[]): Promise<PendingEffect[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const rows = await Promise.all(rowKeys.map((rowKey) => this.point(partition, rowKey)));
    return rows
      .filter((raw) => raw !== undefined)
      .map((raw) => toPending(OutboxRowSchema.parse(raw)))
      .filter((effect): effect is PendingEffect => effect !== undefined)
      .sort((a, b) => a.rowKey.localeCompare(b.rowKey));
  }

  /**
   * Forgets done effects in the head's list, only if the head is still the one read: a writer
   * that appended since keeps its own (longer) list, and the next run prunes that instead.
   */
  async prune(caseRef: string, head: { etag: string; pending: string[] }, settled: ReadonlySet<string>, alsoDone: { rowKey: string; etag: string; doneAt: Date }[] = []): Promise<void> {
    const partition = CaseStore.partitionOf(caseRef);
    const table = this.casesOf(partition);
    let current: { etag: string; pending: string[] } | undefined = head;
    // One transaction holds at most 100: more than that are marked on their own first.
    let unmarked = alsoDone.length < MAX_BATCH_OPERATIONS ? alsoDone : [];
    if (unmarked.length === 0) await Promise.all(alsoDone.map((d) => this.markDone(caseRef, d.rowKey, d.etag, d.doneAt)));
    // Twice at most: if the head moved on (an effect recorded its result meanwhile), its new list
    // still holds what this run settled, which the next run would otherwise read back.
    for (let attempt = 0; attempt < 2 && current; attempt++) {
      const keep = current.pending.filter((key) => !settled.has(key));
      if (keep.length === current.pending.length) break;
      const headUpdate = { partitionKey: partition, rowKey: caseRowKeys.head(partition), ...listProperties('pending', keep) };
      try {
        // Effects marked done with the list they leave, in the same transaction (one partition).
        if (unmarked.length > 0) {
          const response = await table.submitTransaction([
            ...unmarked.map((d): TransactionAction => ['update', { partitionKey: partition, rowKey: d.rowKey, status: 'done', doneAt: d.doneAt.toISOString() }, 'Merge', { etag: d.etag }]),
            ['update', headUpdate, 'Merge', { etag: current.etag }],
          ]);
          this.prunedHead(partition, current.etag, response.subResponses.at(-1)?.etag, keep);
          return;
        }
        const response = await table.updateEntity(headUpdate, 'Merge', { etag: current.etag });
        this.prunedHead(partition, current.etag, response.etag, keep);
        return;
      } catch (error) {
        if (isStatus(error, 404)) break;
        if (!isStatus(error, 412)) throw error;
      }
      // One of them moved on: mark the effects on their own, and prune the head as it is now.
      await Promise.all(unmarked.map((d) => this.markDone(caseRef, d.rowKey, d.etag, d.doneAt)));
      unmarked = [];
      current = attempt === 0 ? await readHead(table, partition, this.heads) : undefined;
    }
    await Promise.all(unmarked.map((d) => this.markDone(caseRef, d.rowKey, d.etag, d.doneAt)));
  }

  /** The head this process may hold a copy of now has a shorter outbox list and a new eTag. */
  private prunedHead(partition: string, fromEtag: string, toEtag: string | undefined, pending: string[]): void {
    if (toEtag) this.heads.pendingChanged(partition, fromEtag, toEtag, pending);
    else this.heads.forget(partition);
  }

  private async queryPending(partition: string): Promise<PendingEffect[]> {
    const out: PendingEffect[] = [];
    const rows = this.casesOf(partition).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'fx-' and RowKey lt 'fx.' and status eq 'pending'` },
    });
    for await (const raw of rows) {
      const effect = toPending(OutboxRowSchema.parse(raw));
      if (effect) out.push(effect);
    }
    return out.sort((a, b) => a.rowKey.localeCompare(b.rowKey));
  }

  private async card(partition: string, rowKey: string): Promise<TrackedCardRow | undefined> {
    const cached = this.cards.get(`${partition}/${rowKey}`);
    if (cached) return cached;
    const raw = await this.point(partition, rowKey);
    if (!raw) return undefined;
    return this.remember(partition, raw);
  }

  private remember(partition: string, raw: unknown): TrackedCardRow {
    const row = TrackedCardRowSchema.parse(raw);
    if (this.cards.size >= MAX_CACHED_CARDS) this.cards.clear();
    this.cards.set(`${partition}/${row.rowKey}`, row);
    return row;
  }

  private async point(partition: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.casesOf(partition).getEntity(partition, rowKey);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * What became of an email an effect sends, if it was sent (or refused) before: an effect that
   * failed after its emails went out is retried without sending them again. `key` is the
   * effect's row key and a digest of the address, so it holds only characters a row key may.
   */
  async mailOutcome(caseRef: string, key: string): Promise<'sent' | 'refused' | undefined> {
    const partition = CaseStore.partitionOf(caseRef);
    const row = await this.point(partition, caseRowKeys.mail(partition, key));
    const outcome = MailRowSchema.pick({ outcome: true }).safeParse(row);
    return outcome.success ? outcome.data.outcome : undefined;
  }

  async recordMail(caseRef: string, key: string, outcome: 'sent' | 'refused', at: Date, about?: MailAbout): Promise<void> {
    const partition = CaseStore.partitionOf(caseRef);
    await this.casesOf(partition).upsertEntity({ partitionKey: partition, rowKey: caseRowKeys.mail(partition, key), outcome, at: at.toISOString(), ...about }, 'Replace');
  }

  /** An email of the case by its key, as recorded when it was sent (or refused). */
  async mail(caseRef: string, key: string): Promise<MailRow | undefined> {
    const partition = CaseStore.partitionOf(caseRef);
    const row = MailRowSchema.safeParse(await this.point(partition, caseRowKeys.mail(partition, key)));
    return row.success ? { ...row.data, key } : undefined;
  }

  /** Every email of the case recorded so far (a few per card at most). */
  async mails(caseRef: string): Promise<MailRow[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const out: MailRow[] = [];
    const suffix = `~${partition}`;
    for await (const raw of this.casesOf(partition).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'mail-' and RowKey lt 'mail.'` } })) {
      const row = MailRowSchema.safeParse(raw);
      if (row.success && row.data.rowKey.endsWith(suffix)) out.push({ ...row.data, key: row.data.rowKey.slice('mail-'.length, -suffix.length) });
    }
    return out;
  }

  /** Marks a sent email as bounced (a non-delivery report came back for it). */
  async markMailBounced(caseRef: string, key: string, at: Date): Promise<void> {
    const partition = CaseStore.partitionOf(caseRef);
    await this.casesOf(partition).updateEntity({ partitionKey: partition, rowKey: caseRowKeys.mail(partition, key), bouncedAt: at.toISOString() }, 'Merge');
  }

  /** Takes the effect for `leaseMs`; false if another process holds it or changed it first. */
  async claim(caseRef: string, effect: PendingEffect, now: Date, leaseMs: number): Promise<string | undefined> {
    if (effect.leaseUntil && Date.parse(effect.leaseUntil) > now.getTime()) return undefined;
    try {
      const result = await this.casesOf(CaseStore.partitionOf(caseRef)).updateEntity(
        { partitionKey: CaseStore.partitionOf(caseRef), rowKey: effect.rowKey, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
        'Merge',
        { etag: effect.etag },
      );
      return result.etag;
    } catch (error) {
      if (isStatus(error, 412)) return undefined;
      throw error;
    }
  }

  /**
   * Claims several effects in one transaction (they share the case's partition); if any of them
   * was changed meanwhile, each is claimed on its own instead. Returns the eTags of those taken.
   */
  async claimAll(caseRef: string, effects: PendingEffect[], now: Date, leaseMs: number): Promise<Map<string, string>> {
    const partition = CaseStore.partitionOf(caseRef);
    const free = effects.filter((e) => !(e.leaseUntil && Date.parse(e.leaseUntil) > now.getTime()));
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const taken = new Map<string, string>();
    // In transactions of at most 100 (one partition); a batch in which one was taken meanwhile is claimed one by one.
    for (const batch of free.length > 1 ? batches(free.map((e): TransactionAction => ['update', { partitionKey: partition, rowKey: e.rowKey, leaseUntil }, 'Merge', { etag: e.etag }])) : []) {
      const group = free.filter((e) => batch.some((a) => a[1].rowKey === e.rowKey));
      try {
        const response = await this.casesOf(partition).submitTransaction(batch);
        const etags = group.map((_, i) => response.subResponses[i]?.etag);
        if (etags.every((etag) => etag !== undefined)) {
          group.forEach((e, i) => taken.set(e.rowKey, etags[i]!));
          continue;
        }
      } catch (error) {
        if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
      }
      for (const effect of group) {
        const etag = await this.claim(caseRef, effect, now, leaseMs);
        if (etag) taken.set(effect.rowKey, etag);
      }
    }
    if (free.length === 1) {
      const etag = await this.claim(caseRef, free[0]!, now, leaseMs);
      if (etag) taken.set(free[0]!.rowKey, etag);
    }
    return taken;
  }

  /**
   * Marks an effect done, with what it sent: a tracked card's row (written in the same
   * transaction, so a card is never recorded as done without the row that lets it be updated)
   * or an untracked send's activity id.
   */
  async markDone(caseRef: string, rowKey: string, etag: string, doneAt: Date, sent: { activityId?: string; card?: { key: string; row: Omit<TrackedCardRow, 'rowKey'> }; held?: HeldRequest[] } = {}): Promise<void> {
    const partition = CaseStore.partitionOf(caseRef);
    const done = { partitionKey: partition, rowKey, status: 'done', doneAt: doneAt.toISOString(), ...(sent.activityId ? { activityId: sent.activityId } : {}) };
    const cardRow = sent.card ? { partitionKey: partition, ...sent.card.row, rowKey: caseRowKeys.card(partition, sent.card.key) } : undefined;
    if (cardRow) this.remember(partition, cardRow);
    // Who now holds the request goes with it: never a send marked done without its holders.
    const rows = [...(cardRow ? [cardRow] : []), ...(sent.held ?? []).map((h) => this.heldRow(partition, h))];
    try {
      if (rows.length > 0) await this.casesOf(partition).submitTransaction([...rows.map((row): TransactionAction => ['upsert', row, 'Replace']), ['update', done, 'Merge', { etag }]]);
      else await this.casesOf(partition).updateEntity(done, 'Merge', { etag });
    } catch (error) {
      // Our lease ran out and another process took the effect over: it will mark it done (and,
      // finding the card row, without posting it again).
      if (!isStatus(error, 412)) throw error;
      await Promise.all(rows.map((row) => this.casesOf(partition).upsertEntity(row, 'Replace')));
    }
  }

  private heldRow(partition: string, held: HeldRequest) {
    return { partitionKey: partition, rowKey: caseRowKeys.held(partition, heldKey(held)), ...HeldRequestSchema.parse(held) };
  }

  /** Records who holds a request (idempotent: the same send and holder is one row). */
  async recordHeld(caseRef: string, held: HeldRequest[]): Promise<void> {
    const partition = CaseStore.partitionOf(caseRef);
    for (const batch of batches(held.map((h): TransactionAction => ['upsert', this.heldRow(partition, h), 'Replace']))) await this.casesOf(partition).submitTransaction(batch);
  }

  /**
   * Every request of the case someone holds, whatever reached them: the rows kept since holders
   * were (Teams and email alike), and, for cards posted before that, the 1:1 card rows.
   */
  async heldRequests(caseRef: string): Promise<HeldRequest[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const out: HeldRequest[] = [];
    for await (const raw of this.casesOf(partition).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'held-' and RowKey lt 'held.'` } })) {
      const row = HeldRequestSchema.safeParse(raw);
      if (row.success) out.push({ sendKey: row.data.sendKey, holder: row.data.holder, card: row.data.card, channel: row.data.channel, at: row.data.at });
    }
    const known = new Set(out.map(heldKey));
    for (const row of await this.trackedCards(caseRef)) {
      const to = PersonRecipientSchema.safeParse(JSON.parse(row.recipient));
      if (!to.success) continue;
      const held: HeldRequest = { sendKey: row.rowKey.slice('card-'.length, row.rowKey.lastIndexOf('~')), holder: to.data.aadObjectId, card: row.card, channel: 'teams', at: row.postedAt ?? '' };
      if (!known.has(heldKey(held))) out.push(held);
    }
    return out;
  }

  /**
   * Counts a failed attempt and holds the effect until `retryAt` (no one claims it before), or
   * releases it at once when `retryAt` is absent, so the next sweep tries again.
   */
  async recordFailure(caseRef: string, effect: PendingEffect, etag: string, retryAt?: Date): Promise<number> {
    const attempts = effect.attempts + 1;
    try {
      await this.casesOf(CaseStore.partitionOf(caseRef)).updateEntity({ partitionKey: CaseStore.partitionOf(caseRef), rowKey: effect.rowKey, attempts, leaseUntil: retryAt ? retryAt.toISOString() : '' }, 'Merge', { etag });
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
    }
    return attempts;
  }

  async saveTrackedCard(caseRef: string, key: string, row: { conversationId: string; activityId: string; card: string; recipient: string; postedAt: string }): Promise<void> {
    const partition = CaseStore.partitionOf(caseRef);
    const entity = { partitionKey: partition, rowKey: caseRowKeys.card(partition, key), ...row };
    await this.casesOf(partition).upsertEntity(entity, 'Replace');
    this.remember(partition, entity);
  }

  async trackedCard(caseRef: string, key: string): Promise<TrackedCardRow | undefined> {
    try {
      return TrackedCardRowSchema.parse(await this.casesOf(CaseStore.partitionOf(caseRef)).getEntity(CaseStore.partitionOf(caseRef), caseRowKeys.card(CaseStore.partitionOf(caseRef), key)));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Every card of the case posted so far; `head` saves reading it again when the caller has it. */
  async trackedCards(caseRef: string, head?: CaseHead, unposted: ReadonlySet<string> = new Set()): Promise<TrackedCardRow[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const known = head ?? (await readHead(this.casesOf(partition), partition, this.heads));
    if (known) {
      // A listed key without a row is a card not posted yet; `unposted` are known to be such.
      const rows = await Promise.all(known.tracked.filter((key) => !unposted.has(key)).map((key) => this.card(partition, caseRowKeys.card(partition, key))));
      return rows.filter((row) => row !== undefined);
    }
    const out: TrackedCardRow[] = [];
    for await (const raw of this.casesOf(partition).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'card-' and RowKey lt 'card.'` } })) {
      out.push(TrackedCardRowSchema.parse(raw));
    }
    return out;
  }
}

function toPending(row: z.infer<typeof OutboxRowSchema>): PendingEffect | undefined {
  // A staged row is read here only because a committed head lists it.
  if (row.status === 'done') return undefined;
  return { rowKey: row.rowKey, etag: row.etag, effect: JSON.parse(row.effect) as Effect, attempts: row.attempts ?? 0, ...(row.leaseUntil ? { leaseUntil: row.leaseUntil } : {}) };
}
