import { z } from 'zod';
import { ConfigurationError, describeIssues } from '../config/configurationError.js';
import { CRASH_SPEC } from '../app/crashPoints.js';

/**
 * The process environment, validated once. The anonymous local mode is an explicit switch that
 * cannot be combined with a bot app id, a production environment or the Azure Functions host
 * running in Azure, so a misconfigured deployment fails to start instead of accepting
 * unauthenticated requests.
 */

/**
 * Set by App Service (which hosts Azure Functions) on every instance in Azure, and never by Core
 * Tools on a developer's machine: NODE_ENV is set by nobody in Azure, so it cannot be relied on.
 */
export const AZURE_HOST_VARIABLES = ['WEBSITE_INSTANCE_ID', 'WEBSITE_SITE_NAME'] as const;

/** An endpoint botbuilder reads (bot/adapter.ts BOT_ENDPOINT_SETTINGS): unset means the public cloud's. */
const BotEndpoint = z.url().optional();
export const EnvironmentSchema = z
  .object({
    PARTNERSHIP_CONFIG: z.string().min(1, 'name the partnership configuration file'),
    STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
    AzureWebJobsStorage: z.string().min(1).optional(),
    TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/).optional(),
    LOCAL_MODE: z.enum(['true', 'false']).default('false'),
    NODE_ENV: z.string().optional(),
    MicrosoftAppId: z.string().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppTenantId: z.string().optional(),
    MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant']).default('SingleTenant'),
    PUBLIC_BASE_URL: z.url(),
    EXPORT_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Microsoft Graph (app-only) for booking dispute meetings; without them the business unit arranges meetings by hand. */
    GRAPH_TENANT_ID: z.string().min(1).optional(),
    GRAPH_CLIENT_ID: z.string().min(1).optional(),
    GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
    /** Where Bot Framework tokens are checked and the bot's own token is got (national clouds; tests' token authority). */
    ToChannelFromBotLoginUrl: BotEndpoint,
    ToChannelFromBotOAuthScope: BotEndpoint,
    ToBotFromChannelTokenIssuer: BotEndpoint,
    OAuthUrl: BotEndpoint,
    ToBotFromChannelOpenIdMetadataUrl: BotEndpoint,
    ToBotFromEmulatorOpenIdMetadataUrl: BotEndpoint,
    CallerId: z.string().min(1).optional(),
    WEBSITE_INSTANCE_ID: z.string().optional(),
    WEBSITE_SITE_NAME: z.string().optional(),
    /** Entra's token signing keys, for the monitoring tab's SSO tokens; tests point it at a local key set. */
    ENTRA_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    /** Fault suite only: kill the process at a named point (app/crashPoints.ts); refused outside local mode. */
    FAULT_CRASH_AT: z.string().regex(CRASH_SPEC, 'must name a crash point, e.g. "committed" or "sent@2"').optional(),
  })
  .superRefine((env, ctx) => {
    const local = env.LOCAL_MODE === 'true';
    if (local && env.MicrosoftAppId) ctx.addIssue({ code: 'custom', path: ['LOCAL_MODE'], message: 'cannot be true when MicrosoftAppId is set' });
    if (local && env.NODE_ENV === 'production') ctx.addIssue({ code: 'custom', path: ['LOCAL_MODE'], message: 'cannot be true when NODE_ENV is production' });
    const inAzure = AZURE_HOST_VARIABLES.filter((key) => env[key]);
    if (local && inAzure.length > 0) ctx.addIssue({ code: 'custom', path: ['LOCAL_MODE'], message: `cannot be true in Azure (${inAzure.join(', ')} is set)` });
    // Export links carry a signed grant: outside local mode they go over TLS only.
    if (!local && new URL(env.PUBLIC_BASE_URL).protocol !== 'https:') ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be an https:// address outside local mode' });
    if (!local && env.FAULT_CRASH_AT) ctx.addIssue({ code: 'custom', path: ['FAULT_CRASH_AT'], message: 'is honoured only in local mode' });
    if (!local) {
      for (const key of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'EXPORT_LINK_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required outside local mode' });
      }
    }
    const graph = [env.GRAPH_TENANT_ID, env.GRAPH_CLIENT_ID, env.GRAPH_CLIENT_SECRET].filter(Boolean).length;
    if (graph > 0 && graph < 3) ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_ID'], message: 'GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET go together' });
    if (!env.STORAGE_CONNECTION_STRING && !env.AzureWebJobsStorage) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_CONNECTION_STRING'], message: 'or AzureWebJobsStorage is required' });
    }
  });
export type Environment = z.infer<typeof EnvironmentSchema>;

export function readEnvironment(source: Record<string, string | undefined>): Environment {
  const parsed = EnvironmentSchema.safeParse(source);
  if (!parsed.success) throw new ConfigurationError(`The environment is not valid:\n${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}
