import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Logger } from '../app/ports.js';
import { noticeCard } from '../cards/index.js';

/**
 * The Bot Framework adapter. With an app id, every request must carry a valid Bot Framework
 * token (signature, issuer, audience, expiry and the serviceUrl claim are checked by botbuilder).
 * Without one, botbuilder accepts anonymous requests: that is only ever built in the explicit
 * local mode, which the environment refuses outside development (see functions/environment.ts).
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
    };

type Authentication = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * CloudAdapter with authentication as its own step, so that every way a token can be wrong
 * (botbuilder's own checks, and its token library's signature, algorithm and time checks, which
 * CloudAdapter.process would answer with 500) is a refusal: undefined, answered 401.
 */
export class BotAdapter extends CloudAdapter {
  constructor(private readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  async authenticate(activity: Activity, authorization: string): Promise<Authentication | undefined> {
    try {
      return await this.authentication.authenticateRequest(activity, authorization);
    } catch {
      return undefined;
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
        };
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(options));
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
