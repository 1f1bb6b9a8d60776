import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentSchema, readEnvironment } from '../../functions/environment.js';
import { writeConfig } from '../support/services.js';
import { INFRA, objectProperties, objectsWithin, parseBicep, valueParts, variableObject, variableValue, type BicepFile } from './bicep.js';

/**
 * The Function App's app settings, read from infra/modules/functionApp.bicep, checked against the
 * environment schema the app validates at start (functions/environment.ts): the settings Azure
 * would hand the app, with each Bicep expression replaced by a value of the kind it yields, make
 * a valid production environment; no setting is a secret (the one secret is a Key Vault
 * reference); and every name is one the app or the Functions host reads.
 */

const TENANT = '11111111-2222-4333-8444-555555555555';
const IDENTITY = '66666666-7777-4888-9999-aaaaaaaaaaaa';
let configPath: string;

/** What each expression in the settings yields in Azure, as a sample of the same shape. */
const samples = (): Record<string, string> => ({
  storageAccountName: 'stsinabc123',
  identityClientId: IDENTITY,
  tenantId: TENANT,
  tableEndpoint: 'https://stsinabc123.table.core.windows.net/',
  // A connection string by name, but not a secret: with local auth disabled it only names the endpoint.
  appInsightsConnectionString: 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  exportLinkSecretUri: 'https://kv-sin-abc123.vault.azure.net/secrets/export-link-secret',
  partnershipConfig: configPath,
  'site.properties.defaultHostName': 'func-sin-abc123.azurewebsites.net',
});

function settingsWithSamples(object: ReturnType<typeof variableObject>): Record<string, string> {
  const values = samples();
  const settings: Record<string, string> = {};
  for (const [name, node] of objectProperties(object)) {
    settings[name] = valueParts(node)
      .map((part) => {
        if ('text' in part) return part.text;
        const value = values[part.expression];
        if (value === undefined) throw new Error(`no sample for the expression ${part.expression} in setting ${name}: add one`);
        return value;
      })
      .join('');
  }
  return settings;
}

// App Service resolves a Key Vault reference to the secret before the app starts.
const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(SecretUri=https:\/\/[a-z0-9-]+\.vault\.azure\.net\/secrets\/[A-Za-z0-9-]+\/?\)$/;
const resolveReferences = (settings: Record<string, string>) =>
  Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, KEY_VAULT_REFERENCE.test(v) ? 'k'.repeat(64) : v]));

/** Settings the Functions host reads (identity-based host storage, telemetry by Entra auth). */
const HOST_SETTINGS = ['AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'];
/** Schema settings that hold a secret or carry a key: none may be an app setting in Azure. */
const SECRET_SETTINGS = ['MicrosoftAppPassword', 'GRAPH_CLIENT_SECRET', 'STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'CertificatePrivateKey'];

let functionApp: BicepFile;
let settings: Record<string, string>;
beforeAll(async () => {
  configPath = await writeConfig();
  functionApp = await parseBicep(join(INFRA, 'modules', 'functionApp.bicep'));
  settings = settingsWithSamples(variableObject(functionApp, 'baseSettings'));
});

describe("the Function App's app settings in the Bicep", () => {
  it('make a valid production environment: every required setting is set', () => {
    const env = readEnvironment(resolveReferences(settings));
    expect(env.NODE_ENV).toBe('production');
    expect(env.LOCAL_MODE).toBe('false');
    expect(env.MicrosoftAppType).toBe('UserAssignedMSI');
    expect(env.MicrosoftAppId).toBe(IDENTITY);
    expect(env.MANAGED_IDENTITY_CLIENT_ID).toBe(IDENTITY);
    expect(env.STORAGE_TABLE_ENDPOINT).toMatch(/^https:\/\//);
    expect(env.GRAPH_AUTH).toBe('managedIdentity');
    expect(env.PUBLIC_BASE_URL).toBe('https://func-sin-abc123.azurewebsites.net');
  });

  it('stay valid as App Service runs them (its own variables added), and refuse a secret added there even without NODE_ENV', () => {
    const asInAzure: Record<string, string | undefined> = { ...resolveReferences(settings), WEBSITE_INSTANCE_ID: 'a1b2c3d4', WEBSITE_SITE_NAME: 'func-sin-abc123' };
    delete asInAzure.NODE_ENV;
    expect(readEnvironment(asInAzure).MicrosoftAppType).toBe('UserAssignedMSI');
    const added = { STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=stsinabc123;AccountKey=a2V5', GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: IDENTITY, GRAPH_CLIENT_SECRET: 'secret' };
    expect(() => readEnvironment({ ...asInAzure, ...added })).toThrow(/STORAGE_CONNECTION_STRING: is refused in Azure \(WEBSITE_INSTANCE_ID, WEBSITE_SITE_NAME is set\)[\s\S]*GRAPH_CLIENT_SECRET: is refused in Azure/);
    const singleTenantWithPassword = { ...asInAzure, MicrosoftAppType: 'SingleTenant', MicrosoftAppId: '12121212-3434-4565-8787-909090909090', GRAPH_AUTH: undefined, MicrosoftAppPassword: 'p' };
    expect(() => readEnvironment(singleTenantWithPassword)).toThrow(/MicrosoftAppPassword: is refused in Azure/);
  });

  it('would be refused if a required one were missing (the check can fail)', () => {
    const { EXPORT_LINK_SECRET: _dropped, ...rest } = resolveReferences(settings);
    expect(() => readEnvironment(rest)).toThrow(/EXPORT_LINK_SECRET: is required outside local mode/);
  });

  it('hold no secret: the export-link key is a Key Vault reference, and no key or password setting exists', () => {
    expect(settings.EXPORT_LINK_SECRET).toMatch(KEY_VAULT_REFERENCE);
    for (const name of SECRET_SETTINGS) expect(settings, name).not.toHaveProperty(name);
    for (const [name, value] of Object.entries(settings)) {
      expect(value, name).not.toMatch(/AccountKey=|SharedAccessSignature=|sig=|ClientSecret|password/i);
      if (/secret|password|private/i.test(name)) expect(value, name).toMatch(KEY_VAULT_REFERENCE);
    }
  });

  it('use only names the app or the Functions host reads', () => {
    const known = new Set([...Object.keys(EnvironmentSchema.shape), ...HOST_SETTINGS]);
    expect(Object.keys(settings).filter((name) => !known.has(name))).toEqual([]);
  });

  it('give the tab its own app registration once the registration script has made one', () => {
    // `empty(tabAppClientId) ? {} : { TAB_APP_CLIENT_ID: tabAppClientId }`
    const branches = objectsWithin(variableValue(functionApp, 'tabSettings')).map((o) => [...objectProperties(o).keys()]);
    expect(branches).toEqual([[], ['TAB_APP_CLIENT_ID']]);
    const env = readEnvironment({ ...resolveReferences(settings), TAB_APP_CLIENT_ID: '12121212-3434-4565-8787-909090909090' });
    expect(env.TAB_APP_CLIENT_ID).toBe('12121212-3434-4565-8787-909090909090');
  });
});
