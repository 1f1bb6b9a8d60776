import { describe, expect, it } from 'vitest';
import { isTeamsChannel, isTeamsServiceUrl, TEAMS_CONNECTOR_HOSTS } from '../../bot/teamsChannel.js';

/**
 * Which connectors the bot will post to (and send its token to): Teams' own, in the public cloud
 * and the US government clouds, and loopback only in local mode.
 */

describe("Teams' connector hosts", () => {
  it('are listed once, and each listed host is taken over https while a lookalike of it is not', () => {
    expect(TEAMS_CONNECTOR_HOSTS.length).toBeGreaterThanOrEqual(4);
    for (const host of TEAMS_CONNECTOR_HOSTS) {
      expect(isTeamsServiceUrl(`https://${host}/teams/`, { localMode: false })).toBe(true);
      expect(isTeamsServiceUrl(`https://${host}.evil.example.org/teams/`, { localMode: false })).toBe(false);
      expect(isTeamsServiceUrl(`https://evil-${host}/teams/`, { localMode: false })).toBe(false);
      expect(isTeamsServiceUrl(`http://${host}/teams/`, { localMode: false })).toBe(false);
    }
  });

  it.each([
    'https://smba.trafficmanager.net/uk/',
    'https://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net/amer/',
    'https://smba.trafficmanager.net/teams/',
    'https://SMBA.TrafficManager.net/apac/',
    'https://smba.infra.gcc.teams.microsoft.com/teams',
    'https://smba.infra.gov.teams.microsoft.us/teams',
    'https://smba.infra.dod.teams.microsoft.us/teams',
  ])('takes %s in any mode', (url) => {
    expect(isTeamsServiceUrl(url, { localMode: false })).toBe(true);
    expect(isTeamsServiceUrl(url, { localMode: true })).toBe(true);
  });

  it.each([
    ['plain http', 'http://smba.trafficmanager.net/uk/'],
    ['another port', 'https://smba.trafficmanager.net:8443/uk/'],
    ['a user name in the authority', 'https://smba.trafficmanager.net@evil.example.com/uk/'],
    ['credentials before the Teams host', 'https://user:pass@smba.trafficmanager.net/uk/'],
    ['a lookalike suffix', 'https://smba.trafficmanager.net.evil.example.com/uk/'],
    ['a lookalike prefix', 'https://evilsmba.trafficmanager.net/uk/'],
    ['another subdomain of the public host', 'https://x.smba.trafficmanager.net/uk/'],
    ['Web Chat and Direct Line', 'https://directline.botframework.com/'],
    ['the Bot Framework emulator', 'https://webchat.botframework.com/'],
    ['an attacker', 'https://evil.example.com/'],
    ['not a URL', 'smba.trafficmanager.net/uk/'],
    ['loopback outside local mode', 'http://127.0.0.1:3978/'],
  ])('refuses %s outside local mode', (_name, url) => {
    expect(isTeamsServiceUrl(url, { localMode: false })).toBe(false);
  });

  it.each(['http://127.0.0.1:56150/', 'http://localhost:56150', 'http://[::1]:3978/'])('takes the loopback connector %s in local mode only', (url) => {
    expect(isTeamsServiceUrl(url, { localMode: true })).toBe(true);
    expect(isTeamsServiceUrl(url, { localMode: false })).toBe(false);
  });

  it('refuses a host on the local network even in local mode', () => {
    expect(isTeamsServiceUrl('http://192.168.1.10:3978/', { localMode: true })).toBe(false);
    expect(isTeamsServiceUrl('http://127.0.0.1.evil.example.com/', { localMode: true })).toBe(false);
  });
});

describe('the Teams channel', () => {
  it('is msteams and nothing else', () => {
    expect(isTeamsChannel('msteams')).toBe(true);
    for (const other of ['webchat', 'directline', 'emulator', 'MSTeams', 'msteams ', '', undefined, null, ['msteams']]) expect(isTeamsChannel(other)).toBe(false);
  });
});
