/**
 * What makes an activity one Teams sent: its channel and the connector it names. botbuilder checks
 * the token's signature and that its `serviceurl` claim matches the activity, but a token any
 * Bot Framework channel signed (Web Chat, Direct Line) is valid too, and only Teams vouches for
 * `channelData.tenant.id` and `from.aadObjectId`. A `serviceUrl` is kept as a conversation's
 * reference and later receives the bot's posts and its connector token, so only Teams' own
 * connector hosts are taken.
 */

export const TEAMS_CHANNEL_ID = 'msteams';

/**
 * Teams' Bot Connector hosts, the one place they are listed. Regions of the public cloud are
 * paths on one host (https://smba.trafficmanager.net/uk/, /emea/, /amer/, /apac/, ...); the US
 * government clouds have their own hosts (Microsoft 365 Agents SDK, TeamsServiceEndpoints).
 */
export const TEAMS_CONNECTOR_HOSTS: readonly string[] = [
  // Public cloud, every region.
  'smba.trafficmanager.net',
  // US Government Community Cloud (GCC).
  'smba.infra.gcc.teams.microsoft.com',
  // GCC High.
  'smba.infra.gov.teams.microsoft.us',
  // US Department of Defense.
  'smba.infra.dod.teams.microsoft.us',
];

/** Local mode's stand-ins for the connector (the Playground, the tests' recorder) listen on loopback only. */
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

function parsed(serviceUrl: string): URL | undefined {
  try {
    return new URL(serviceUrl);
  } catch {
    return undefined;
  }
}

/**
 * Whether the bot may post to `serviceUrl`: https on a Teams connector host's default port,
 * nothing hidden in the authority (user names, odd ports); in local mode also any loopback port.
 */
export function isTeamsServiceUrl(serviceUrl: string, o: { localMode: boolean }): boolean {
  const url = parsed(serviceUrl);
  if (!url || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && url.port === '' && TEAMS_CONNECTOR_HOSTS.includes(host)) return true;
  return o.localMode && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.includes(host);
}

/** Whether the activity came through Teams (the only channel whose identity facts this bot reads). */
export function isTeamsChannel(channelId: unknown): boolean {
  return channelId === TEAMS_CHANNEL_ID;
}
