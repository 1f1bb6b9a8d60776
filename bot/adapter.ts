import { ActivityTypes, CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Logger } from '../app/ports.js';
import { noticeCard } from '../cards/index.js';
import { TEAMS_CHANNEL_ID } from './teamsChannel.js';

/**
 * The Bot Framework adapter. With an app id, every request must carry a valid Bot Framework
 * token (signature, issuer, audience, expiry and the serviceUrl claim are checked by botbuilder),
 * signed by a key the channel authority endorses for Teams. Without one, botbuilder accepts
 * anonymous requests: that is only ever built in the explicit local mode, which the environment
 * refuses outside development (see functions/environment.ts).
 */
export type BotCredentials =
  | { mode: 'local' }
  | {
      mode: 'azure';
      appId: string;
      appTenantId: string;
      /** UserAssignedMSI: Bot Connector tokens as the managed identity whose client id is appId (no password). */
      appType: 'SingleTenant' | 'UserAssignedMSI';
      appPassword?: string;
      /** SingleTenant with a certificate instead of a password. */
      certificate?: { thumbprint: string; privateKey: string };
      endpoints?: BotEndpoints;
    };

/**
 * Where botbuilder fetches the keys and checks the issuers of Bot Framework tokens, and where the
 * bot gets its own connector token. Settings, so that a national cloud (or a test's token
 * authority on loopback) can be named; unset, botbuilder uses the public cloud's.
 */
export const BOT_ENDPOINT_SETTINGS = [
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'OAuthUrl',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'CallerId',
] as const;
export type BotEndpoints = Partial<Record<(typeof BOT_ENDPOINT_SETTINGS)[number], string>>;

const PUBLIC_CLOUD: Required<BotEndpoints> = {
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/**
 * botbuilder switches to its "parameterized" mode as soon as any of these is given, and then
 * needs every one (it fills in nothing): whatever is not given is the public cloud's.
 */
export function endpointOptions(given: BotEndpoints = {}): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  if (!BOT_ENDPOINT_SETTINGS.some((key) => given[key])) return {};
  return Object.fromEntries(BOT_ENDPOINT_SETTINGS.map((key) => [key, given[key] || PUBLIC_CLOUD[key]]));
}

/** The audience of the bot's own connector token: the public cloud's unless a national cloud is named. */
export function connectorAudience(given: BotEndpoints = {}): string {
  return given.ToChannelFromBotOAuthScope || PUBLIC_CLOUD.ToChannelFromBotOAuthScope;
}

type Authentication = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * The outcome of checking a request's token: `unavailable` when the channel authority's OpenID
 * metadata or key set could not be fetched (nothing is known about the token: try again), which
 * is not the same as `refused` (the token is wrong).
 */
export type AuthenticationOutcome = { ok: true; authentication: Authentication } | { ok: false; reason: 'refused' | 'unavailable' };

/**
 * botbuilder's OpenID metadata cache throws "Failed to load openID config/Keys: <status>" when the
 * authority answers with an error, and node-fetch a FetchError when it cannot be reached or its
 * answer is not JSON. Every other error is about the token itself.
 */
export function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'FetchError' || /^Failed to load (openID config|Keys)\b/.test(error.message);
}

/**
 * CloudAdapter with authentication as its own step, so that every way a token can be wrong
 * (botbuilder's own checks, and its token library's signature, algorithm and time checks, which
 * CloudAdapter.process would answer with 500) is a refusal: undefined, answered 401.
 */
export class BotAdapter extends CloudAdapter {
  constructor(private readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  async authenticate(activity: Activity, authorization: string): Promise<AuthenticationOutcome> {
    try {
      return { ok: true, authentication: await this.authentication.authenticateRequest(activity, authorization) };
    } catch (error) {
      return { ok: false, reason: keysUnavailable(error) ? 'unavailable' : 'refused' };
    }
  }

  /** Runs the turn of an activity already authenticated; its invoke response, if it is an invoke. */
  async run(authentication: Authentication, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}

const TRY_AGAIN = noticeCard('Please try again', 'Something went wrong and nothing was recorded. Please try again in a minute.');

export function createAdapter(credentials: BotCredentials, log: Logger): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    credentials.mode === 'local'
      ? {}
      : {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppTenantId: credentials.appTenantId,
          MicrosoftAppType: credentials.appType,
          ...(credentials.appPassword ? { MicrosoftAppPassword: credentials.appPassword } : {}),
          ...(credentials.certificate ? { CertificateThumbprint: credentials.certificate.thumbprint, CertificatePrivateKey: credentials.certificate.privateKey } : {}),
          ...endpointOptions(credentials.endpoints),
        };
  // Defence in depth beside the messages function's own channel check: the signing key must be one
  // the authority endorses for Teams, so a token a Web Chat or Direct Line key signed is refused
  // whatever channel the activity claims.
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(options, undefined, { requiredEndorsements: [TEAMS_CHANNEL_ID] }));
  adapter.onTurnError = async (context, error) => {
    log.error('bot turn failed', { activityType: context.activity.type, error: error instanceof Error ? error.message : String(error) });
    // The person is told plainly; the details stay in the log, never in the chat.
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong and nothing was recorded. Please try again in a minute.');
    }
    // A card click is answered with a card that says so, instead of Teams' generic error.
    if (context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action') {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: TRY_AGAIN } },
      });
    }
  };
  return adapter;
}

export function botAppId(credentials: BotCredentials): string {
  return credentials.mode === 'local' ? '' : credentials.appId;
}
