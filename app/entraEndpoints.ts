/**
 * Where Entra (Microsoft's sign-in) lives for the cloud the partnership is in, from one setting,
 * ENTRA_AUTHORITY_HOST: the public cloud's login.microsoftonline.com, or a national cloud's
 * (login.microsoftonline.us, login.partner.microsoftonline.cn). The tab's token check takes its key
 * set and the issuers it accepts from here, so a national cloud's tokens are checked against that
 * cloud and no other.
 */

/**
 * v1.0 tokens name a security token service host instead of the authority (Microsoft Q&A, "token
 * issuers for the sovereign clouds"): the US Government cloud shares the public cloud's.
 */
const V1_ISSUER_HOSTS: Record<string, string> = {
  'login.microsoftonline.com': 'https://sts.windows.net',
  'login.microsoftonline.us': 'https://sts.windows.net',
  'login.partner.microsoftonline.cn': 'https://sts.chinacloudapi.cn',
  'login.chinacloudapi.cn': 'https://sts.chinacloudapi.cn',
};

/**
 * Microsoft Entra's sign-in hosts: the public cloud's and the national clouds'. msal-browser speaks
 * to these as Entra (its AAD protocol); in production the product trusts no other authority
 * (functions/environment.ts).
 */
export const ENTRA_AUTHORITY_HOSTS: ReadonlySet<string> = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'login.chinacloudapi.cn']);

/** Whether `url` is on one of Entra's hosts, over https. */
export function isEntraAddress(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && ENTRA_AUTHORITY_HOSTS.has(parsed.hostname);
}

/** The issuers of a token for an app registration in `tenantId`: v2.0 (what the tab's registration asks for) and v1.0. */
export function entraIssuers(authorityHost: string, tenantId: string): string[] {
  const authority = new URL(authorityHost);
  const v1 = V1_ISSUER_HOSTS[authority.host];
  return [`${authority.origin}/${tenantId}/v2.0`, ...(v1 ? [`${v1}/${tenantId}/`] : [])];
}

/** The authority's signing keys, shared by every tenant in that cloud. */
export function entraJwksUrl(authorityHost: string): string {
  return `${new URL(authorityHost).origin}/common/discovery/v2.0/keys`;
}
