import { rosterOf, type PartnershipFile } from '../config/partnershipFile.js';
import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { createAdapter, botAppId, connectorAudience, BOT_ENDPOINT_SETTINGS, type BotAdapter, type BotCredentials, type BotEndpoints } from '../bot/adapter.js';
import { TeamsMessenger } from '../bot/teamsMessenger.js';
import { createTurnHandler } from '../bot/turnHandler.js';
import { CaseService } from '../app/caseService.js';
import { EffectRunner } from '../app/effectRunner.js';
import { BackgroundEffects } from '../app/backgroundEffects.js';
import { createInteractions, type Interactions } from '../app/interactions.js';
import type { Clock, Logger, Messenger } from '../app/ports.js';
import { sweep, type SweepResult } from '../app/sweep.js';
import { StuckCases } from '../app/stuckCases.js';
import { FailureStreaks } from '../store/failureStreaks.js';
import { loadPartnershipConfig } from '../config/loadPartnershipConfig.js';
import { CaseStore } from '../store/caseStore.js';
import { ConversationDirectory } from '../store/conversations.js';
import { Outbox } from '../store/outbox.js';
import { HeadCache } from '../store/headCache.js';
import { AccessLog } from '../store/accessLog.js';
import { ScheduleIndex } from '../store/scheduleIndex.js';
import { openTables, type Tables } from '../store/tables.js';
import { createWorkingCalendar, type WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import { loadGovUkBankHolidays } from '../config/loadBankHolidays.js';
import { createDecider, partnerWindowFrom } from '../workflow/decide.js';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';
import { lazyGraphClient } from '../graph/lazyGraphClient.js';
import { createMeetingService } from '../graph/meetings.js';
import { createGraphMailer } from '../graph/mail.js';
import { createGraphBounceInbox } from '../graph/bounces.js';
import { BounceWatch } from '../app/bounceWatch.js';
import { AwaySuggestions } from '../app/awaySuggestions.js';
import { AwaySuggestionLedger } from '../store/awaySuggestionLedger.js';
import { createGraphAutomaticReplies } from '../graph/mailTips.js';
import { BounceLedger } from '../store/bounceLedger.js';
import { errorText } from '../app/effectRunner.js';
import { createMeetingBooker } from '../app/meetingBooker.js';
import { crashAt } from '../app/crashPoints.js';
import type { Environment } from './environment.js';
import { MonitoringService } from '../app/monitoring.js';
import type { TabAuthResult } from '../app/tabAuth.js';
import type { WebAuthResult } from '../app/webAuth.js';
import { createWebAct, type WebAct } from '../app/webAct.js';
import { LiveRoster } from '../app/liveRoster.js';
import { RosterStore } from '../store/rosterStore.js';
import { InstalledConversations } from '../store/installedConversations.js';
import { RosterFollowUp } from '../app/rosterFollowUp.js';
import { endAbsence, recordAbsence } from '../app/absences.js';

/**
 * Builds every service once per process from validated configuration. Entry points (the Azure
 * Functions and the local host) receive these; nothing else constructs them.
 */
export type Services = {
  env: Environment;
  config: PartnershipFile;
  calendar: WorkingCalendar;
  tables: Tables;
  store: CaseStore;
  /** Who viewed or downloaded each case's history. */
  accessLog: AccessLog;
  schedule: ScheduleIndex;
  outbox: Outbox;
  conversations: ConversationDirectory;
  cases: CaseService;
  /** Performs one case's pending effects (sends, card updates, meeting bookings). */
  effectRunner: EffectRunner;
  /** Effects of committed changes, performed after the command is answered; `idle()` waits for them. */
  effects: BackgroundEffects;
  interactions: Interactions;
  adapter: BotAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  clock: Clock;
  log: Logger;
  exportLinkSecret: string;
  /**
   * One deadline sweep, then (unless `drain` is false) waits up to `drainMs` for the effects it
   * started: a timer invocation covers the messages it causes, within its minute.
   */
  runSweep: (now: Date, options?: { drain?: boolean; drainMs?: number }) => Promise<SweepResult>;
  monitoring: MonitoringService;
  /** Non-delivery reports in the shared mailbox, checked as part of each sweep (app/bounceWatch.ts). */
  bounceWatch: BounceWatch;
  /** Outlook's automatic replies, read as part of each sweep to suggest absences (app/awaySuggestions.ts). */
  awaySuggestions: AwaySuggestions;
  /** Checks a monitoring-tab request's SSO token and the person's roles (see app/tabAuth.ts). */
  authenticateTab: (authorization: string | null) => Promise<TabAuthResult>;
  /** The page an email links to: what it shows and does (app/webAct.ts), and who is signed in (app/webAuth.ts). */
  webAct: WebAct;
  authenticateWeb: (authorization: string | null) => Promise<WebAuthResult>;
  /** The roster as live data: `config`'s roster fields and channels follow its latest version (app/liveRoster.ts). */
  roster: LiveRoster;
  /** The team channels and group chats the bot has been added to: what the channels are chosen from. */
  installed: InstalledConversations;
  /** Brings open cases up to date after a roster change, at the save and again at each sweep until done (app/rosterFollowUp.ts). */
  rosterFollowUp: RosterFollowUp;
};

/**
 * The services with the roster brought up to date first: every entry point (Teams, the tab, the
 * pages an email links to) gets its services through this, so a change is effective at once.
 */
/**
 * The roster last read stays in force when its version cannot be read (storage unreachable): a request
 * goes on to answer in its own words ("please try again", the tab's "cannot be reached"), and the sweep
 * to do what it can, rather than failing on a read they do not need to be right.
 */
async function refreshRoster(roster: Services['roster'], log: Logger): Promise<void> {
  try {
    await roster.refresh();
  } catch (error) {
    log.warn('could not check the roster version; the roster last read stays in force', { error: errorText(error) });
  }
}

export function withLiveRoster(getServices: () => Promise<Services>): () => Promise<Services> {
  return async () => {
    const s = await getServices();
    await refreshRoster(s.roster, s.log);
    return s;
  };
}

export async function buildServices(
  env: Environment,
  options: {
    clock: Clock;
    log: Logger;
    /** Tests may record what would be sent to Teams; otherwise the Bot Connector is used. */
    messenger?: Messenger;
    advanceClock?: (ms: number) => Promise<{ now: Date; summary: string }>;
    /** Tests may pass a Graph client whose transport they intercept. */
    graphClient?: Client;
  },
): Promise<Services> {
  const { clock, log } = options;
  const config = await loadPartnershipConfig(env.PARTNERSHIP_CONFIG);
  const published = config.bankHolidaysSource ? await loadGovUkBankHolidays(config.bankHolidaysSource) : undefined;
  const calendar = createWorkingCalendar({ nation: config.nation, workingHours: config.workingHours, ...(published ? { published } : {}) });
  // In Azure one user-assigned managed identity reaches storage and Graph; connection strings and
  // secrets are for local mode and tests only (functions/environment.ts refuses them in production).
  const identity = env.MANAGED_IDENTITY_CLIENT_ID ? await managedIdentity(env.MANAGED_IDENTITY_CLIENT_ID) : undefined;
  const connectionString = env.STORAGE_CONNECTION_STRING ?? env.AzureWebJobsStorage;
  const tableAccess = connectionString ?? { endpoint: env.STORAGE_TABLE_ENDPOINT!, credential: identity! };
  const tables = await openTables(tableAccess, env.TABLE_PREFIX ?? '');
  const schedule = new ScheduleIndex(tables);
  const heads = new HeadCache();
  // The environment refuses FAULT_CRASH_AT outside local mode; checked again here so nothing else can arm it.
  const crash = env.LOCAL_MODE === 'true' && env.FAULT_CRASH_AT ? crashAt(env.FAULT_CRASH_AT) : undefined;
  const store = new CaseStore(tables, schedule, heads, crash ? { crash } : {});
  const outbox = new Outbox(tables, heads);
  const conversations = new ConversationDirectory(tables);
  const installed = new InstalledConversations(tables);
  const accessLog = new AccessLog(tables);
  // The file's roster is version 0: what the first change is compared with (app/rosterFollowUp.ts).
  const firstRoster = structuredClone(rosterOf(config));
  const rosterStore = new RosterStore(tables);
  const roster = new LiveRoster({ store: rosterStore, file: config, log });
  await roster.refresh();

  const endpoints: BotEndpoints = Object.fromEntries(BOT_ENDPOINT_SETTINGS.flatMap((key) => (env[key] ? [[key, env[key]]] : [])));
  const credentials: BotCredentials =
    env.LOCAL_MODE === 'true'
      ? { mode: 'local' }
      : {
          mode: 'azure',
          appId: env.MicrosoftAppId!,
          appTenantId: env.MicrosoftAppTenantId!,
          appType: env.MicrosoftAppType,
          ...(env.MicrosoftAppPassword ? { appPassword: env.MicrosoftAppPassword } : {}),
          ...(env.CertificateThumbprint && env.CertificatePrivateKey ? { certificate: { thumbprint: env.CertificateThumbprint, privateKey: env.CertificatePrivateKey } } : {}),
          endpoints,
        };
  const adapter = createAdapter(credentials, log);
  const messenger =
    options.messenger ??
    new TeamsMessenger({
      adapter,
      conversations,
      botAppId: botAppId(credentials),
      tenantId: config.tenantId,
      audience: credentials.mode === 'local' ? '' : connectorAudience(endpoints),
      localMode: credentials.mode === 'local',
    });

  const graphClient =
    options.graphClient ??
    (!config.meetings && !config.mail
      ? undefined
      : env.GRAPH_AUTH === 'managedIdentity' && identity
        ? lazyGraphClient({ credential: identity, baseUrl: env.GRAPH_BASE_URL })
        : env.GRAPH_AUTH === 'localStandIn' && env.LOCAL_MODE === 'true'
          ? lazyGraphClient({ credential: LOCAL_STAND_IN_CREDENTIAL, baseUrl: env.GRAPH_BASE_URL })
          : env.GRAPH_TENANT_ID && env.GRAPH_CLIENT_ID && env.GRAPH_CLIENT_SECRET
            ? lazyGraphClient({ credential: { tenantId: env.GRAPH_TENANT_ID, clientId: env.GRAPH_CLIENT_ID, clientSecret: env.GRAPH_CLIENT_SECRET }, baseUrl: env.GRAPH_BASE_URL, authorityHost: env.ENTRA_AUTHORITY_HOST })
            : undefined);
  // Without Graph every booking "fails" as not configured, and the business unit arranges meetings by hand.
  const meetingService = createMeetingService({ client: graphClient, organiserUpn: config.meetings?.organiserUpn, caseReferencePattern: config.caseReferencePattern, allowedWords: [config.partnership.shortName] });
  const meetings = createMeetingBooker({ meetings: meetingService, calendar, config });
  // Email goes from the partnership's shared mailbox through the same Graph client (graph/mail.ts).
  const mailer = createGraphMailer({ client: graphClient, fromMailbox: config.mail?.fromMailbox });
  const effectRunner = new EffectRunner({ outbox, store, messenger, mailer, publicBaseUrl: env.PUBLIC_BASE_URL, meetings, config, log, calendar, partnerWindow: partnerWindowFrom(calendar), ...(crash ? { crash } : {}) });
  const effects = new BackgroundEffects((caseRef, now, o) => effectRunner.runFor(caseRef, now, o), log);
  // The procedure gets the roster alone: nothing in it can reach a tenant id, a channel or a mailbox.
  // One decider per roster version: a change to the roster is what the next command is decided against.
  let decider = { version: -1, decide: createDecider(rosterOf(config), calendar) };
  const decide: ReturnType<typeof createDecider> = (state, command, now) => {
    if (decider.version !== roster.currentVersion) decider = { version: roster.currentVersion, decide: createDecider(rosterOf(config), calendar) };
    return decider.decide(state, command, now);
  };
  const cases = new CaseService({ store, decide, calendar, workingHours: config.workingHours, effects, log, ...(crash ? { crash } : {}) });
  effectRunner.record = async (caseRef, command) => {
    await cases.execute(caseRef, command, clock.now());
  };
  // In local mode a fresh secret per process is enough: links only need to outlive a click.
  const exportLinkSecret = env.EXPORT_LINK_SECRET ?? randomBytes(32).toString('base64url');
  const interactions = createInteractions({
    config,
    calendar,
    cases,
    store,
    accessLog,
    log,
    localMode: env.LOCAL_MODE === 'true',
    exportLinks: { baseUrl: env.PUBLIC_BASE_URL, secret: exportLinkSecret },
    now: () => clock.now(),
    ...(options.advanceClock ? { advanceClock: options.advanceClock } : {}),
    recordOwnAbsence: (actor, period) => recordAbsence(roster, actor, actor.aadObjectId, period, clock.now()),
    endOwnAbsence: (actor) => endAbsence(roster, actor, actor.aadObjectId, clock.now()),
  });
  const onTurn = createTurnHandler({ config, interactions, conversations, installed, now: () => clock.now(), log, localMode: env.LOCAL_MODE === 'true' });
  const stuck = new StuckCases({ streaks: new FailureStreaks(tables), messenger, config, log });
  const bounceWatch = new BounceWatch({
    inbox: createGraphBounceInbox({ client: graphClient, mailbox: config.mail?.fromMailbox, graphRoot: env.GRAPH_BASE_URL }),
    ledger: new BounceLedger(tables),
    outbox,
    messenger,
    config,
    log,
  });
  const rosterFollowUp = new RosterFollowUp({ store, outbox, cases, log, rosterStore, first: firstRoster });
  const awaySuggestions = new AwaySuggestions({
    outlook: createGraphAutomaticReplies({ client: graphClient, mailbox: config.mail?.fromMailbox }),
    ledger: new AwaySuggestionLedger(tables),
    messenger,
    config,
    log,
  });
  const runSweep = async (now: Date, o: { drain?: boolean; drainMs?: number } = {}) => {
    // The sweep reminds whoever holds the role now.
    await refreshRoster(roster, log);
    const result = await sweep({ schedule, cases, effects, log, stuck, rosterFollowUp }, now);
    // Bounces are looked for after the deadlines, and whatever goes wrong there stops nothing else.
    await bounceWatch.check(now).catch((error: unknown) => log.error('bounce check failed; tried again at the next sweep', { error: errorText(error) }));
    await awaySuggestions.check(now).catch((error: unknown) => log.error('Outlook absence check failed; tried again at the next sweep', { error: errorText(error) }));
    if (o.drain !== false && !(await effects.idle(o.drainMs))) log.warn('sweep: effects still being performed when the wait ended', { inFlight: effects.inFlight });
    return result;
  };
  const monitoring = new MonitoringService({ store, config, calendar });
  const authenticateTab = tabAuthenticator(env, config);
  const webAct = createWebAct({ config, calendar, store, accessLog, interactions });
  const authenticateWeb = webAuthenticator(env, config);
  return { env, config, calendar, tables, store, accessLog, schedule, outbox, conversations, cases, effectRunner, effects, interactions, adapter, onTurn, clock, log, exportLinkSecret, runSweep, monitoring, bounceWatch, awaySuggestions, authenticateTab, webAct, authenticateWeb, roster, installed, rosterFollowUp };
}

/**
 * The app registration the pages an email links to sign in with: the tab's (it exposes
 * `access_as_user`), with the pages' redirect URI added as a single-page application.
 */
export function webSignInClientId(env: Environment): string | undefined {
  return env.TAB_APP_CLIENT_ID ?? env.MicrosoftAppId;
}

/** The pages' token check, loaded on first use like the tab's. Without an app registration every token is refused. */
function webAuthenticator(env: Environment, config: PartnershipFile): (authorization: string | null) => Promise<WebAuthResult> {
  let authenticate: Promise<(authorization: string | null) => Promise<WebAuthResult>> | undefined;
  return async (authorization) => {
    const clientId = webSignInClientId(env);
    if (!clientId) return { ok: false, status: 401, reason: 'Signing in from an email link is not configured here (no app registration).' };
    authenticate ??= import('../app/webAuth.js').then(({ createWebAuthenticator }) =>
      createWebAuthenticator(config, {
        authorityHost: env.ENTRA_AUTHORITY_HOST,
        ...(env.ENTRA_JWKS_URL ? { jwksUrl: env.ENTRA_JWKS_URL } : {}),
        audiences: [clientId, `api://${new URL(env.PUBLIC_BASE_URL).host}/${clientId}`],
      }),
    );
    return (await authenticate)(authorization);
  };
}

/**
 * The tab's token check, loaded on first use: `jose` is not needed to answer Teams. Without a bot
 * app id (local mode) there is no SSO audience, so every token is refused.
 */
function tabAuthenticator(env: Environment, config: PartnershipFile): (authorization: string | null) => Promise<TabAuthResult> {
  let authenticate: Promise<(authorization: string | null) => Promise<TabAuthResult>> | undefined;
  return async (authorization) => {
    if (!env.MicrosoftAppId) return { ok: false, status: 401, reason: 'Teams sign-in is not configured here (no bot app id).' };
    // With a managed-identity bot the tab has its own app registration (an identity cannot expose an API).
    const ssoAppId = env.TAB_APP_CLIENT_ID ?? env.MicrosoftAppId;
    authenticate ??= import('../app/tabAuth.js').then(({ createTabAuthenticator }) =>
      createTabAuthenticator(config, {
        authorityHost: env.ENTRA_AUTHORITY_HOST,
        ...(env.ENTRA_JWKS_URL ? { jwksUrl: env.ENTRA_JWKS_URL } : {}),
        audiences: [ssoAppId, `api://${new URL(env.PUBLIC_BASE_URL).host}/${ssoAppId}`],
        allowedTenantIds: config.tabTenantIds ?? [config.tenantId],
      }),
    );
    return (await authenticate)(authorization);
  };
}

/** The local Graph stand-in takes any token; this one says where it came from. */
const LOCAL_STAND_IN_CREDENTIAL: TokenCredential = { getToken: async () => ({ token: 'local-stand-in', expiresOnTimestamp: Date.now() + 3_600_000 }) };

/** The user-assigned managed identity; @azure/identity loads only where it is used (it costs ~140 ms to import). */
async function managedIdentity(clientId: string): Promise<TokenCredential> {
  const { ManagedIdentityCredential } = await import('@azure/identity');
  return new ManagedIdentityCredential({ clientId });
}
