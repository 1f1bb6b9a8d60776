import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../functions/environment.js';

/**
 * How the app is told who it is in Azure: one user-assigned managed identity for the bot, storage
 * and Graph, no password, no connection string. What a deployment could get wrong is refused at
 * start, with a message that says what to do.
 */
const IDENTITY = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const AZURE = {
  PARTNERSHIP_CONFIG: 'config/sample-partnership.json',
  PUBLIC_BASE_URL: 'https://func-sin.azurewebsites.net',
  NODE_ENV: 'production',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: IDENTITY,
  MicrosoftAppTenantId: '11111111-2222-4333-8444-555555555555',
  MANAGED_IDENTITY_CLIENT_ID: IDENTITY,
  STORAGE_TABLE_ENDPOINT: 'https://stsin.table.core.windows.net/',
  EXPORT_LINK_SECRET: 'k'.repeat(44),
  GRAPH_AUTH: 'managedIdentity',
};

function refusal(env: Record<string, string | undefined>): string {
  try {
    readEnvironment(env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('the environment of a deployment that runs as a managed identity', () => {
  it('is accepted with no password, no secret for Graph and no connection string', () => {
    const env = readEnvironment(AZURE);
    expect(env.MicrosoftAppType).toBe('UserAssignedMSI');
    expect(env.MicrosoftAppPassword).toBeUndefined();
  });

  it('refuses a MultiTenant bot, saying why and what to use instead', () => {
    expect(refusal({ ...AZURE, MicrosoftAppType: 'MultiTenant' })).toContain('MicrosoftAppType: MultiTenant is refused: Azure Bot Service stopped creating multi-tenant bots in July 2025; use UserAssignedMSI');
  });

  it('refuses a password beside a managed identity, and a bot app id that is not the identity', () => {
    expect(refusal({ ...AZURE, MicrosoftAppPassword: 'p' })).toContain('MicrosoftAppPassword: must not be set for a UserAssignedMSI bot');
    expect(refusal({ ...AZURE, MicrosoftAppId: '12345678-1234-4234-8234-123456789012' })).toContain("MicrosoftAppId: must be the managed identity's client id");
  });

  it('refuses connection strings and the Graph client secret in production', () => {
    const message = refusal({ ...AZURE, STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b', GRAPH_CLIENT_SECRET: 's', GRAPH_CLIENT_ID: 'c', GRAPH_TENANT_ID: 't' });
    expect(message).toContain('STORAGE_CONNECTION_STRING: is refused in production');
    expect(message).toContain('GRAPH_CLIENT_SECRET: is refused in production');
  });

  it('refuses them in Azure too, where nothing sets NODE_ENV: App Service\'s own variables are enough', () => {
    const { NODE_ENV: _unset, ...inAzure } = AZURE;
    const secrets = { STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b', AzureWebJobsStorage: 'UseDevelopmentStorage=true', GRAPH_CLIENT_SECRET: 's', GRAPH_CLIENT_ID: 'c', GRAPH_TENANT_ID: 't' };
    const message = refusal({ ...inAzure, ...secrets, WEBSITE_INSTANCE_ID: 'a1b2c3' });
    expect(message).toContain('STORAGE_CONNECTION_STRING: is refused in Azure (WEBSITE_INSTANCE_ID is set)');
    expect(message).toContain('AzureWebJobsStorage: is refused in Azure');
    expect(message).toContain('GRAPH_CLIENT_SECRET: is refused in Azure');
    expect(refusal({ ...inAzure, ...secrets, WEBSITE_SITE_NAME: 'func-sin' })).toContain('GRAPH_CLIENT_SECRET: is refused in Azure (WEBSITE_SITE_NAME is set)');
    // Off Azure and not production (a developer's machine, the tests), they are still accepted.
    expect(readEnvironment({ ...inAzure, ...secrets, STORAGE_TABLE_ENDPOINT: undefined, GRAPH_AUTH: undefined }).GRAPH_CLIENT_SECRET).toBe('s');
  });

  it('needs the identity for the table endpoint and for Graph', () => {
    const { MANAGED_IDENTITY_CLIENT_ID: _omitted, ...withoutIdentity } = AZURE;
    const message = refusal(withoutIdentity);
    expect(message).toContain('MANAGED_IDENTITY_CLIENT_ID: is required with STORAGE_TABLE_ENDPOINT');
    expect(message).toContain('GRAPH_AUTH: managedIdentity needs MANAGED_IDENTITY_CLIENT_ID');
  });
});

describe('a SingleTenant bot (its own app registration)', () => {
  const SINGLE = { ...AZURE, MicrosoftAppType: 'SingleTenant', MicrosoftAppId: '12345678-1234-4234-8234-123456789012', GRAPH_AUTH: undefined };

  it('needs a password or a certificate', () => {
    expect(refusal(SINGLE)).toContain('MicrosoftAppPassword: or CertificateThumbprint and CertificatePrivateKey are required for a SingleTenant bot');
    expect(refusal({ ...SINGLE, CertificateThumbprint: 'AB12' })).toContain('CertificateThumbprint and CertificatePrivateKey go together');
  });

  it('is accepted with a certificate instead of a password', () => {
    const env = readEnvironment({ ...SINGLE, CertificateThumbprint: 'AB12', CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----' });
    expect(env.CertificateThumbprint).toBe('AB12');
  });

  it('is refused with a password in Azure or production, but keeps one off Azure (a developer\'s own registration)', () => {
    const { NODE_ENV: _unset, ...inAzure } = SINGLE;
    expect(refusal({ ...inAzure, MicrosoftAppPassword: 'p', WEBSITE_SITE_NAME: 'func-sin' })).toContain('MicrosoftAppPassword: is refused in Azure (WEBSITE_SITE_NAME is set): use UserAssignedMSI, or for a SingleTenant bot CertificateThumbprint and CertificatePrivateKey');
    expect(refusal({ ...SINGLE, MicrosoftAppPassword: 'p' })).toContain('MicrosoftAppPassword: is refused in production');
    expect(readEnvironment({ ...inAzure, MicrosoftAppPassword: 'p' }).MicrosoftAppPassword).toBe('p');
    // In Azure the certificate is the way, its key resolved by App Service from a Key Vault reference.
    expect(readEnvironment({ ...inAzure, WEBSITE_SITE_NAME: 'func-sin', CertificateThumbprint: 'AB12', CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----' }).CertificateThumbprint).toBe('AB12');
  });

  it('says so when the certificate key is a Key Vault reference App Service could not resolve', () => {
    const unresolved = '@Microsoft.KeyVault(SecretUri=https://kv-sin.vault.azure.net/secrets/bot-certificate)';
    expect(refusal({ ...SINGLE, WEBSITE_SITE_NAME: 'func-sin', CertificateThumbprint: 'AB12', CertificatePrivateKey: unresolved })).toContain('CertificatePrivateKey: is a Key Vault reference that did not resolve');
  });
});

/**
 * `npm start` signs people in at a local authority (local/signInAuthority.ts) for the page an email
 * links to; a deployment must never trust it, or anyone holding its key could act for anyone.
 */
describe('the sign-in authority of a deployment', () => {
  const LOCAL = { ENTRA_AUTHORITY_HOST: 'https://127.0.0.1:51234', ENTRA_JWKS_URL: 'http://127.0.0.1:51235/common/discovery/v2.0/keys' };

  it("refuses npm start's local sign-in authority and its key set in production and in Azure", () => {
    const production = refusal({ ...AZURE, ...LOCAL });
    expect(production).toContain("ENTRA_AUTHORITY_HOST: is refused in production: it must be Microsoft Entra's");
    expect(production).toContain("ENTRA_JWKS_URL: is refused in production: it must be Microsoft Entra's");
    const { NODE_ENV: _unset, ...inAzure } = AZURE;
    expect(refusal({ ...inAzure, ...LOCAL, WEBSITE_INSTANCE_ID: 'a1b2c3' })).toContain('ENTRA_AUTHORITY_HOST: is refused in Azure (WEBSITE_INSTANCE_ID is set)');
    // Not https, or another host that is not Entra's, is refused the same way.
    expect(refusal({ ...AZURE, ENTRA_AUTHORITY_HOST: 'http://login.microsoftonline.com' })).toContain('ENTRA_AUTHORITY_HOST: is refused in production');
    expect(refusal({ ...AZURE, ENTRA_JWKS_URL: 'https://keys.example.org/keys' })).toContain('ENTRA_JWKS_URL: is refused in production');
  });

  it("accepts Entra's public and national clouds in production, and the local authority in local mode", () => {
    expect(readEnvironment(AZURE).ENTRA_AUTHORITY_HOST).toBe('https://login.microsoftonline.com');
    expect(readEnvironment({ ...AZURE, ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us', ENTRA_JWKS_URL: 'https://login.microsoftonline.us/common/discovery/v2.0/keys' }).ENTRA_AUTHORITY_HOST).toBe('https://login.microsoftonline.us');
    const local = readEnvironment({ PARTNERSHIP_CONFIG: 'config/sample-partnership.json', PUBLIC_BASE_URL: 'http://127.0.0.1:3978', LOCAL_MODE: 'true', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', ...LOCAL });
    expect(local.ENTRA_AUTHORITY_HOST).toBe(LOCAL.ENTRA_AUTHORITY_HOST);
  });
});
