import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Logger } from '../app/ports.js';

/**
 * The Bot Framework adapter. With an app id, every request must carry a valid Bot Framework
 * token (signature, issuer, audience, expiry and the serviceUrl claim are checked by botbuilder).
 * Without one, botbuilder accepts anonymous requests: that is only ever built in the explicit
 * local mode, which the environment refuses outside development (see functions/environment.ts).
 */
export type BotCredentials =
  | { mode: 'local' }
  | { mode: 'azure'; appId: string; appPassword: string; appTenantId: string; appType: 'SingleTenant' | 'MultiTenant' };

export function createAdapter(credentials: BotCredentials, log: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    credentials.mode === 'local'
      ? {}
      : {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword,
          MicrosoftAppTenantId: credentials.appTenantId,
          MicrosoftAppType: credentials.appType,
        };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    log.error('bot turn failed', { activityType: context.activity.type, error: error instanceof Error ? error.message : String(error) });
    // The person is told plainly; the details stay in the log, never in the chat.
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong and nothing was recorded. Please try again in a minute.');
    }
  };
  return adapter;
}

export function botAppId(credentials: BotCredentials): string {
  return credentials.mode === 'local' ? '' : credentials.appId;
}
