import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { buildTeamsAppPackage, PackageError, PACKAGE_FILES, readTemplate } from '../../manifest/buildPackage.js';
import { pixels } from './pngPixels.js';

const VALUES = {
  BOT_APP_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  APP_ID: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  TAB_APP_ID: '5c2f1e0d-8b7a-4c6d-9e5f-0a1b2c3d4e5f',
  HOST_NAME: 'sin-bot.example.org',
  APP_VERSION: '1.2.3',
  PARTNERSHIP_NAME: 'Sample Safeguarding Children Partnership',
  PARTNERSHIP_SHORT_NAME: 'SSCP',
};

describe('the Teams app zip', () => {
  test('holds exactly manifest.json, color.png and outline.png at its root', async () => {
    const { zip } = await buildTeamsAppPackage(VALUES);
    const archive = await JSZip.loadAsync(zip);
    const entries = Object.values(archive.files);
    expect(entries.map((entry) => entry.name).sort()).toEqual([...PACKAGE_FILES].sort());
    expect(entries.every((entry) => !entry.dir)).toBe(true);

    const manifestText = await archive.file('manifest.json')!.async('string');
    expect(manifestText).not.toContain('{{');
    const manifest = JSON.parse(manifestText) as { id: string; version: string; icons: { color: string; outline: string } };
    expect(manifest).toMatchObject({ id: VALUES.APP_ID, version: '1.2.3', icons: { color: 'color.png', outline: 'outline.png' } });

    // The icons the manifest names are the ones in the zip.
    const color = await archive.file(manifest.icons.color)!.async('uint8array');
    expect(Buffer.from(color.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });

  // What Teams reads is the zip, so the icons are checked as they come out of it, not as committed.
  test('its colour icon is 192x192, opaque, on the manifest accent colour', async () => {
    const archive = await JSZip.loadAsync((await buildTeamsAppPackage(VALUES)).zip);
    const color = PNG.sync.read(Buffer.from(await archive.file('color.png')!.async('uint8array')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const all = pixels(color);
    expect(all.filter((p) => p.a !== 255)).toEqual([]);
    const { accentColor } = (await readTemplate()) as { accentColor: string };
    const corner = all[0]!;
    expect(`#${[corner.r, corner.g, corner.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(accentColor.toUpperCase());
  });

  test('its outline icon is 32x32, white on a transparent background', async () => {
    const archive = await JSZip.loadAsync((await buildTeamsAppPackage(VALUES)).zip);
    const outline = PNG.sync.read(Buffer.from(await archive.file('outline.png')!.async('uint8array')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The file itself declares transparency, so Teams can lay the outline over its own colours.
    expect(outline.alpha).toBe(true);
    const all = pixels(outline);
    expect(all.filter((p) => p.a > 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255))).toEqual([]);
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(all[y * 32 + x]!.a, `${x},${y}`).toBe(0);
    expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(all.length / 3);
    expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(50);
  });

  test('the same inputs give byte-identical zips', async () => {
    const first = await buildTeamsAppPackage(VALUES);
    const second = await buildTeamsAppPackage(VALUES);
    expect(Buffer.from(first.zip).equals(Buffer.from(second.zip))).toBe(true);
  });

  test('a missing value stops the build instead of leaving a blank in the manifest', async () => {
    const { BOT_APP_ID: _omitted, ...withoutBot } = VALUES;
    await expect(buildTeamsAppPackage(withoutBot)).rejects.toThrow(PackageError);
    await expect(buildTeamsAppPackage(withoutBot)).rejects.toThrow(/\{\{BOT_APP_ID\}\} has no value \(used at \/bots\/0\/botId\)/);
    const { TAB_APP_ID: _tab, ...withoutTab } = VALUES;
    await expect(buildTeamsAppPackage(withoutTab)).rejects.toThrow(/\{\{TAB_APP_ID\}\} has no value \(used at \/webApplicationInfo\/id, \/webApplicationInfo\/resource\)/);
  });

  test('a name too long for Teams is a schema problem, not a package', async () => {
    await expect(buildTeamsAppPackage({ ...VALUES, PARTNERSHIP_SHORT_NAME: 'A very long partnership short name' })).rejects.toThrow(
      /manifest\.json \/name\/short: must NOT have more than 30 characters/,
    );
  });
});
