import { z } from 'zod';
import { parsePartnershipFile, rosterOf, SHELL_KEYS, type PartnershipFile, type ShellSettings } from '../config/partnershipFile.js';
import { RosterFieldsSchema, type Roster } from '../workflow/partnership.js';
import type { RosterChange, RosterDownload, RosterStore } from '../store/rosterStore.js';
import type { Logger } from './ports.js';

/**
 * The roster as live data (issue 16). The partnership file is the first roster (version 0); every
 * change the business unit saves in the tab is appended to the store (store/rosterStore.ts) and
 * is the roster from then on. Every service holds the one PartnershipFile object built at
 * start-up, and reads the roster from it when it needs it, so `refresh` puts the latest roster's
 * fields into that object: the procedure, the access policy, the tab and the sweep all see a
 * change at once, without each learning to ask a store. The channels (where the monitoring and
 * the partners' cards are posted) are kept the same way, beside the roster in each change: the
 * business unit chooses them in the tab, and a channel change is a version like any other. They
 * stay shell settings (`rosterOf` never hands them to the procedure). The other shell settings
 * (tenant, mailboxes) stay as the file says: they cannot be changed in the tab.
 */

export type Channels = ShellSettings['channels'];

export const RosterEditSchema = z.object({
  /** The version the person opened; a change based on an older one is refused. */
  baseVersion: z.number().int().min(0),
  why: z.string().trim().min(1, 'say why the roster is changing').max(500),
  roster: z.record(z.string(), z.unknown()),
});
export type RosterEdit = z.infer<typeof RosterEditSchema>;

export type RosterIssue = { path: (string | number)[]; message: string };
export type ChangeResult =
  | { ok: true; version: number; before: Roster; after: Roster }
  | { ok: false; status: 409; reason: string }
  | { ok: false; status: 400; reason: string; issues: RosterIssue[] };
export type ChannelsChangeResult =
  | { ok: true; version: number; before: Channels; after: Channels }
  | { ok: false; status: 409; reason: string }
  | { ok: false; status: 400; reason: string; issues: RosterIssue[] };

export const CONFLICT_WORDS = 'Someone changed the roster since you opened it. Your changes are still on the page: reload the roster to see theirs, then make yours again.';

const ROSTER_KEYS = Object.keys(RosterFieldsSchema.shape);

export class LiveRoster {
  private version = 0;
  private readonly shell: Record<string, unknown>;
  private readonly first: Roster;
  private readonly firstChannels: Channels;

  constructor(private readonly deps: { store: RosterStore; file: PartnershipFile; log: Logger }) {
    const file = deps.file as unknown as Record<string, unknown>;
    this.shell = Object.fromEntries(SHELL_KEYS.filter((k) => k in file).map((k) => [k, file[k]]));
    this.first = structuredClone(rosterOf(deps.file));
    this.firstChannels = structuredClone(deps.file.channels);
  }

  /** The version the services see now (0: the partnership file's roster). */
  get currentVersion(): number {
    return this.version;
  }

  /** The roster the services see now. */
  current(): Roster {
    return rosterOf(this.deps.file);
  }

  /** Where cards are posted now: the channels of the latest version, or the file's. */
  channels(): Channels {
    return this.deps.file.channels;
  }

  /** The partnership file's channels: in force until a change says otherwise. */
  fileChannels(): Channels {
    return structuredClone(this.firstChannels);
  }

  /** Reads the latest version (one small read); the roster itself only when it changed. */
  async refresh(): Promise<void> {
    const latest = await this.deps.store.latestVersion();
    if (latest === this.version) return;
    const change = latest === 0 ? undefined : await this.deps.store.get(latest);
    // A change made before channels were kept here leaves the file's channels in force.
    const parsed = change ? this.validate(change.roster, change.channels ?? this.firstChannels) : { ok: true as const, file: { ...this.shell, ...this.first, channels: this.firstChannels } as PartnershipFile };
    if (!parsed.ok) {
      // Validated when it was saved; a later schema that refuses it must not take the roster away.
      // Its version is the base all the same: otherwise every later save would be refused as a
      // conflict, and the business unit could never save a corrected roster.
      if (latest > this.version) this.version = latest;
      this.deps.log.error('the stored roster no longer validates; the previous one is kept, and later changes are based on its version', { version: latest });
      return;
    }
    this.install(parsed.file, latest);
  }

  /** Validates the new roster with the partnership file's own schema, then appends it; nothing is stored when refused. */
  async change(edit: RosterEdit, by: { aadObjectId: string; displayName: string }, now: Date): Promise<ChangeResult> {
    await this.refresh();
    if (edit.baseVersion !== this.version) return { ok: false, status: 409, reason: CONFLICT_WORDS };
    const parsed = this.validate(edit.roster, this.channels());
    if (!parsed.ok) return { ok: false, status: 400, reason: 'The roster was not changed: correct what is marked and save again.', issues: parsed.issues };
    const before = structuredClone(this.current());
    const after = rosterOf(parsed.file);
    const version = this.version + 1;
    // The channels in force are carried into the new version unchanged.
    const stored = await this.deps.store.append({ version, at: now.toISOString(), by, why: edit.why, roster: after, channels: parsed.file.channels });
    if (stored === 'conflict') return { ok: false, status: 409, reason: CONFLICT_WORDS };
    this.install(parsed.file, version);
    this.deps.log.info('roster changed', { version, by: by.aadObjectId });
    return { ok: true, version, before, after: this.current() };
  }

  /**
   * Moves the monitoring and/or decision channel: a new version holding the roster as it is and
   * the new channels, with the same conflict check as a roster change. Which conversations may be
   * chosen is the caller's check (app/channelChoice.ts); the partnership file's schema is applied here.
   */
  async changeChannels(edit: { baseVersion: number; why: string; channels: Channels }, by: { aadObjectId: string; displayName: string }, now: Date): Promise<ChannelsChangeResult> {
    await this.refresh();
    if (edit.baseVersion !== this.version) return { ok: false, status: 409, reason: CONFLICT_WORDS };
    const parsed = this.validate(this.current(), edit.channels);
    if (!parsed.ok) return { ok: false, status: 400, reason: 'The channels were not changed: correct what is marked and save again.', issues: parsed.issues };
    const before = structuredClone(this.channels());
    const version = this.version + 1;
    const stored = await this.deps.store.append({ version, at: now.toISOString(), by, why: edit.why, roster: rosterOf(parsed.file), channels: parsed.file.channels });
    if (stored === 'conflict') return { ok: false, status: 409, reason: CONFLICT_WORDS };
    this.install(parsed.file, version);
    this.deps.log.info('channels changed', { version, by: by.aadObjectId });
    return { ok: true, version, before, after: this.channels() };
  }

  history(): Promise<RosterChange[]> {
    return this.deps.store.history();
  }

  recordDownload(download: RosterDownload): Promise<void> {
    return this.deps.store.recordDownload(download);
  }

  /** Who downloaded the history, oldest first. */
  downloads(): Promise<RosterDownload[]> {
    return this.deps.store.downloads();
  }

  /** The roster's fields only (anything else sent is ignored), checked with the shell's settings and the channels beside them as in the file. */
  private validate(raw: unknown, channels: unknown): { ok: true; file: PartnershipFile } | { ok: false; issues: RosterIssue[] } {
    const fields = typeof raw === 'object' && raw !== null ? Object.fromEntries(Object.entries(raw).filter(([k]) => ROSTER_KEYS.includes(k))) : {};
    const parsed = parsePartnershipFile({ ...fields, ...this.shell, channels });
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
    return { ok: true, file: parsed.data };
  }

  /**
   * Nothing when `version` is not newer than the one installed: a slow read (a refresh, or a
   * refresh racing a change) that finishes after a newer one must not put an older roster back.
   */
  private install(file: PartnershipFile, version: number): void {
    if (version <= this.version) return;
    const target = this.deps.file as unknown as Record<string, unknown>;
    for (const key of ROSTER_KEYS) {
      const value = (file as unknown as Record<string, unknown>)[key];
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
    // Replaced whole, not merged: every reader of `config.channels` sees the new pair at once.
    target.channels = structuredClone(file.channels);
    this.version = version;
  }
}
