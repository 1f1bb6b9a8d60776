import { z } from 'zod';
import { ConfigurationError, describeIssues } from '../config/configurationError.js';
import { CRASH_SPEC } from '../app/crashPoints.js';
import { isEntraAddress } from '../app/entraEndpoints.js';

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
    /** In Azure: the Table service URL, reached as the managed identity below (no connection string, no key). */
    STORAGE_TABLE_ENDPOINT: z.url().optional(),
    /** The user-assigned managed identity's client id: storage and Graph tokens are requested as it. */
    MANAGED_IDENTITY_CLIENT_ID: z.string().min(1).optional(),
    TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/).optional(),
    LOCAL_MODE: z.enum(['true', 'false']).default('false'),
    NODE_ENV: z.string().optional(),
    MicrosoftAppId: z.string().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppTenantId: z.string().optional(),
    MicrosoftAppType: z
      .enum(['SingleTenant', 'UserAssignedMSI'], {
        error: (issue) =>
          issue.input === 'MultiTenant'
            ? 'MultiTenant is refused: Azure Bot Service stopped creating multi-tenant bots in July 2025; use UserAssignedMSI (the deployment\'s managed identity, see infra/) or SingleTenant'
            : 'must be UserAssignedMSI or SingleTenant',
      })
      .default('SingleTenant'),
    /** SingleTenant only: a certificate instead of MicrosoftAppPassword (botbuilder's own setting names). */
    CertificateThumbprint: z.string().min(1).optional(),
    CertificatePrivateKey: z.string().min(1).optional(),
    /** The monitoring tab's own Entra app (Teams SSO); without it the bot's app id is the SSO audience. */
    TAB_APP_CLIENT_ID: z.string().min(1).optional(),
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
    /**
     * `managedIdentity`: Graph tokens as MANAGED_IDENTITY_CLIENT_ID (no secret). `localStandIn`: local
     * mode only, Graph is the loopback stand-in at GRAPH_BASE_URL (local/graphStandIn.ts), no token.
     */
    GRAPH_AUTH: z.enum(['managedIdentity', 'localStandIn']).optional(),
    /** Cloud endpoints: the public cloud by default; a national cloud's, or a loopback stand-in. */
    GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
    ENTRA_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
    /** Entra's token signing keys for the tab's SSO tokens: unset means ENTRA_AUTHORITY_HOST's own; tests point it at a local key set. */
    ENTRA_JWKS_URL: z.url().optional(),
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
      for (const key of ['MicrosoftAppId', 'MicrosoftAppTenantId', 'EXPORT_LINK_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required outside local mode' });
      }
      const certificate = Boolean(env.CertificateThumbprint && env.CertificatePrivateKey);
      if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppPassword && !certificate) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'or CertificateThumbprint and CertificatePrivateKey are required for a SingleTenant bot outside local mode' });
      }
    }
    if (env.MicrosoftAppType === 'UserAssignedMSI') {
      if (env.MicrosoftAppPassword) ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'must not be set for a UserAssignedMSI bot: it has no password' });
      if (!local && env.MANAGED_IDENTITY_CLIENT_ID && env.MicrosoftAppId && env.MANAGED_IDENTITY_CLIENT_ID !== env.MicrosoftAppId) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'must be the managed identity\'s client id (MANAGED_IDENTITY_CLIENT_ID) for a UserAssignedMSI bot' });
      }
    }
    if (Boolean(env.CertificateThumbprint) !== Boolean(env.CertificatePrivateKey)) {
      ctx.addIssue({ code: 'custom', path: ['CertificateThumbprint'], message: 'CertificateThumbprint and CertificatePrivateKey go together' });
    }
    if (env.GRAPH_AUTH === 'localStandIn' && !local) ctx.addIssue({ code: 'custom', path: ['GRAPH_AUTH'], message: 'localStandIn is honoured only in local mode' });
    if (env.GRAPH_AUTH === 'managedIdentity' && (!env.MANAGED_IDENTITY_CLIENT_ID || !env.MicrosoftAppTenantId)) {
      ctx.addIssue({ code: 'custom', path: ['GRAPH_AUTH'], message: 'managedIdentity needs MANAGED_IDENTITY_CLIENT_ID and MicrosoftAppTenantId' });
    }
    // In production, and in Azure whatever NODE_ENV says (nothing sets it there), secrets and
    // connection strings are refused: the managed identity reaches storage and Graph. A SingleTenant
    // bot there signs in with a certificate, never a password (README "A SingleTenant bot instead").
    const deployed = env.NODE_ENV === 'production' ? 'in production' : inAzure.length > 0 ? `in Azure (${inAzure.join(', ')} is set)` : undefined;
    if (deployed) {
      for (const key of ['STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'GRAPH_CLIENT_SECRET'] as const) {
        if (env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `is refused ${deployed}: use the managed identity (STORAGE_TABLE_ENDPOINT, GRAPH_AUTH=managedIdentity with MANAGED_IDENTITY_CLIENT_ID)` });
      }
      if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppPassword) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is refused ${deployed}: use UserAssignedMSI, or for a SingleTenant bot CertificateThumbprint and CertificatePrivateKey (the key as a Key Vault reference)` });
      }
      // Who signs people in is Microsoft Entra, nobody else: npm start's local sign-in authority (and a
      // test's) is refused here, so a deployment cannot be pointed at a key set someone else holds.
      for (const key of ['ENTRA_AUTHORITY_HOST', 'ENTRA_JWKS_URL'] as const) {
        const value = env[key];
        if (value && !isEntraAddress(value)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `is refused ${deployed}: it must be Microsoft Entra's (https://login.microsoftonline.com, or a national cloud's sign-in host), not a local sign-in authority` });
        }
      }
      // App Service leaves a Key Vault reference it could not resolve as the literal text.
      if (env.CertificatePrivateKey?.startsWith('@Microsoft.KeyVault(')) {
        ctx.addIssue({ code: 'custom', path: ['CertificatePrivateKey'], message: 'is a Key Vault reference that did not resolve: grant the app\'s identity Key Vault Secrets User on the vault (keyVaultReferenceIdentity)' });
      }
    }
    const graph = [env.GRAPH_TENANT_ID, env.GRAPH_CLIENT_ID, env.GRAPH_CLIENT_SECRET].filter(Boolean).length;
    if (graph > 0 && graph < 3) ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_ID'], message: 'GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET go together' });
    if (env.STORAGE_TABLE_ENDPOINT && !env.MANAGED_IDENTITY_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MANAGED_IDENTITY_CLIENT_ID'], message: 'is required with STORAGE_TABLE_ENDPOINT: the tables are reached as that identity' });
    }
    if (!env.STORAGE_CONNECTION_STRING && !env.AzureWebJobsStorage && !env.STORAGE_TABLE_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_CONNECTION_STRING'], message: 'or AzureWebJobsStorage (local mode and tests), or STORAGE_TABLE_ENDPOINT with MANAGED_IDENTITY_CLIENT_ID, is required' });
    }
  });
export type Environment = z.infer<typeof EnvironmentSchema>;

export function readEnvironment(source: Record<string, string | undefined>): Environment {
  const parsed = EnvironmentSchema.safeParse(source);
  if (!parsed.success) throw new ConfigurationError(`The environment is not valid:\n${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}
