import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PackageError, readPackageInputs } from '../../manifest/buildPackage.js';

const SAMPLE_PARTNERSHIP = fileURLToPath(new URL('../../config/sample-partnership.json', import.meta.url));
const BOT_APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const HOST_NAME = 'sin-bot.example.org';
const VALID_ENV = { BOT_APP_ID, HOST_NAME, PARTNERSHIP_CONFIG: SAMPLE_PARTNERSHIP };
const APP_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

async function problemsFor(env: Record<string, string | undefined>): Promise<readonly string[]> {
  const error = await readPackageInputs(env, '0.1.0').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PackageError);
  return (error as PackageError).problems;
}

describe('the packager environment', () => {
  test('defaults: APP_ID is the bot app id and the version is package.json\'s', async () => {
    const inputs = await readPackageInputs(VALID_ENV, '0.1.0');
    expect(inputs).toMatchObject({ botAppId: BOT_APP_ID, appId: BOT_APP_ID, hostName: HOST_NAME, appVersion: '0.1.0' });
    expect(inputs.partnership).toEqual({ name: 'Sample Safeguarding Children Partnership', shortName: 'SSCP' });
  });

  test('APP_ID and APP_VERSION override the defaults', async () => {
    const inputs = await readPackageInputs({ ...VALID_ENV, APP_ID, APP_VERSION: '2.3.4' }, '0.1.0');
    expect(inputs).toMatchObject({ appId: APP_ID, appVersion: '2.3.4' });
  });

  test('missing BOT_APP_ID and HOST_NAME are both listed, blank counting as missing', async () => {
    const problems = await problemsFor({ PARTNERSHIP_CONFIG: SAMPLE_PARTNERSHIP, HOST_NAME: '  ' });
    expect(problems).toEqual([
      expect.stringMatching(/^BOT_APP_ID is required/),
      expect.stringMatching(/^HOST_NAME is required/),
    ]);
  });

  test('malformed values are each listed with what was given and what is expected', async () => {
    const problems = await problemsFor({
      PARTNERSHIP_CONFIG: SAMPLE_PARTNERSHIP,
      BOT_APP_ID: 'my-bot',
      HOST_NAME: 'https://sin-bot.example.org/api',
      APP_ID: '1234',
      APP_VERSION: '1.0',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^BOT_APP_ID "my-bot" is not a GUID/),
      'HOST_NAME "https://sin-bot.example.org/api" includes a scheme: give the host name only, e.g. sin-bot.example.org',
      expect.stringMatching(/^APP_ID "1234" is not a GUID/),
      expect.stringMatching(/^APP_VERSION "1.0" is not a version Teams accepts/),
    ]);
  });

  test.each([
    ['sin-bot.example.org/api', 'includes a path'],
    ['sin-bot.example.org:443', 'includes a port'],
    ['localhost', 'is not a public host name'],
    ['bad_host.example.org', 'is not a public host name'],
  ])('HOST_NAME %s: %s', async (hostName, expected) => {
    expect(await problemsFor({ ...VALID_ENV, HOST_NAME: hostName })).toEqual([expect.stringContaining(expected)]);
  });

  test('an unreadable partnership file is listed together with the environment problems', async () => {
    const problems = await problemsFor({ BOT_APP_ID: 'x', HOST_NAME, PARTNERSHIP_CONFIG: '/nonexistent/partnership.json' });
    expect(problems).toEqual([
      expect.stringMatching(/^BOT_APP_ID "x" is not a GUID/),
      expect.stringMatching(/^PARTNERSHIP_CONFIG: The partnership configuration \/nonexistent\/partnership.json could not be read/),
    ]);
  });
});
