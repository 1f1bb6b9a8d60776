import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, test, vi } from 'vitest';
import {
  buildTeamsAppPackage,
  fillTemplate,
  PackageError,
  placeholderValues,
  readPackageInputs,
  readTemplate,
  validateManifest,
} from '../../manifest/buildPackage.js';

const SAMPLE_PARTNERSHIP = fileURLToPath(new URL('../../config/sample-partnership.json', import.meta.url));
const BOT_APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const HOST_NAME = 'sin-bot.example.org';
const VALID_ENV = { BOT_APP_ID, HOST_NAME, PARTNERSHIP_CONFIG: SAMPLE_PARTNERSHIP };

/** The manifest the packager would zip for the sample partnership. */
async function sampleManifest(): Promise<Record<string, unknown>> {
  const inputs = await readPackageInputs(VALID_ENV, '0.1.0');
  const manifest = fillTemplate(await readTemplate(), placeholderValues(inputs));
  return structuredClone(manifest) as Record<string, unknown>;
}

describe('the filled manifest', () => {
  test("names the tab's own app registration for SSO when TAB_APP_ID is given (a managed-identity bot cannot expose an API)", async () => {
    const TAB_APP_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
    const inputs = await readPackageInputs({ ...VALID_ENV, TAB_APP_ID }, '0.1.0');
    const manifest = fillTemplate(await readTemplate(), placeholderValues(inputs)) as Record<string, unknown>;
    expect(manifest).toMatchObject({ bots: [{ botId: BOT_APP_ID }], webApplicationInfo: { id: TAB_APP_ID, resource: `api://${HOST_NAME}/${TAB_APP_ID}` } });
    expect(await validateManifest(manifest)).toEqual([]);
  });

  test('validates offline against the schema @microsoft/app-manifest ships, with zero errors', async () => {
    const manifest = await sampleManifest();
    expect(manifest.manifestVersion).toBe('1.30');
    // Offline: the library would fetch the schema if it were not handed the shipped file.
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      expect(await validateManifest(manifest)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  test('has every placeholder filled and the bot, tabs and SSO resource the brief asks for', async () => {
    const manifest = await sampleManifest();
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('{{');
    expect(manifest).toMatchObject({
      id: BOT_APP_ID,
      version: '0.1.0',
      name: { short: 'SSCP SIN decisions' },
      developer: { name: 'SSCP', privacyUrl: `https://${HOST_NAME}/privacy.html` },
      bots: [{ botId: BOT_APP_ID, scopes: ['personal', 'team', 'groupChat'], isNotificationOnly: false, supportsFiles: false }],
      configurableTabs: [{ configurationUrl: `https://${HOST_NAME}/tab/config.html`, canUpdateConfiguration: true, scopes: ['team', 'groupChat'] }],
      staticTabs: [{ entityId: 'cases', name: 'Cases', contentUrl: `https://${HOST_NAME}/tab/index.html`, scopes: ['personal'] }],
      webApplicationInfo: { id: BOT_APP_ID, resource: `api://${HOST_NAME}/${BOT_APP_ID}` },
      validDomains: [HOST_NAME],
      permissions: ['identity', 'messageTeamMembers'],
      devicePermissions: [],
    });
    const bots = manifest.bots as { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    const lists = bots[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    for (const list of lists) expect(list.commands.map((command) => command.title)).toEqual(['help', 'new referral', 'history']);
  });

  // Shared channels (issue 16): without these two fields Teams does not offer the app in a shared
  // channel, so the partners' decision card could not reach external members there.
  test('the packaged manifest supports shared channels at tier 1', async () => {
    const { zip } = await buildTeamsAppPackage(placeholderValues(await readPackageInputs(VALID_ENV, '0.1.0')));
    const packaged = JSON.parse(await (await JSZip.loadAsync(zip)).file('manifest.json')!.async('string')) as { supportedChannelTypes?: string[]; supportsChannelFeatures?: string };
    expect(packaged.supportedChannelTypes).toContain('sharedChannels');
    expect(packaged.supportsChannelFeatures).toBe('tier1');
    expect(await validateManifest(packaged)).toEqual([]);
  });

  test('a broken manifest gives schema errors with their paths, so the validator can fail', async () => {
    const manifest = await sampleManifest();
    (manifest.name as { short: string }).short = 'S'.repeat(90);
    const bots = manifest.bots as { botId: string }[];
    bots[0]!.botId = 'not-a-guid';
    manifest.accentColor = 'blue';
    manifest.surprise = true;
    const errors = await validateManifest(manifest);
    expect(errors).toEqual(
      expect.arrayContaining([
        '/name/short: must NOT have more than 30 characters',
        expect.stringMatching(/^\/bots\/0\/botId: must match pattern/),
        expect.stringMatching(/^\/accentColor: must match pattern/),
        '/: must NOT have additional properties ("surprise")',
      ]),
    );
  });

  test('a manifest version the package does not ship is refused rather than fetched online', async () => {
    const manifest = await sampleManifest();
    manifest.manifestVersion = '9.99';
    manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json';
    expect(await validateManifest(manifest)).toEqual([expect.stringContaining('ships no schema for 9.99')]);
  });
});

describe('filling the template', () => {
  const template = { id: '{{APP_ID}}', bots: [{ botId: '{{BOT_APP_ID}}' }], url: 'https://{{HOST_NAME}}/{{HOST_NAME}}' };

  test('replaces placeholders inside string values, keeping JSON-special characters intact', () => {
    const filled = fillTemplate({ name: '{{NAME}}' }, { NAME: 'Quote " and \\ backslash' });
    expect(filled).toEqual({ name: 'Quote " and \\ backslash' });
  });

  test('a placeholder with no value, or a blank one, is an error naming it and where it is used', () => {
    const run = () => fillTemplate(template, { APP_ID: '   ', HOST_NAME: 'h.example.org' });
    expect(run).toThrow(PackageError);
    try {
      run();
    } catch (error) {
      expect((error as PackageError).problems).toEqual([
        '{{APP_ID}} has no value (used at /id)',
        '{{BOT_APP_ID}} has no value (used at /bots/0/botId)',
      ]);
    }
  });

  test('a value that itself contains "{{" still counts as unfilled', () => {
    expect(() => fillTemplate({ name: '{{NAME}}' }, { NAME: 'Odd {{ name' })).toThrow(/still contains "\{\{" at \/name/);
  });
});
