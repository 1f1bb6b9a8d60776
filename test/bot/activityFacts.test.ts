import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { installFactsOf, senderOf, tenantOf } from '../../bot/activityFacts.js';
import { whyNotOffered } from '../../app/channelChoice.js';
import { rosterPersonFor, reachableInTeams } from '../../app/rosterIdentity.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { sampleConfig } from '../support/sampleConfig.js';

/**
 * The activity shapes assumed for people of other organisations (bot/activityFacts.ts), as a
 * table: when a first run in two real tenants shows Teams sends something else, the row changes
 * here and the code follows.
 */
const HOST = 'tenant-1';
const HOME = 'tenant-police';

const activity = (o: { channelData?: unknown; conversationTenant?: unknown; from?: Record<string, unknown> }): Partial<Activity> =>
  ({
    channelData: o.channelData,
    conversation: { id: 'c', ...(o.conversationTenant !== undefined ? { tenantId: o.conversationTenant } : {}) },
    from: o.from ?? { id: '29:x', aadObjectId: 'oid-1', name: 'Someone' },
  }) as unknown as Partial<Activity>;

describe('the tenant and sender an activity carries', () => {
  const rows: { name: string; input: Parameters<typeof activity>[0]; tenant: string | undefined; sender: { tenantId: string; aadObjectId: string } | undefined }[] = [
    { name: 'a member of the tenant (both tenant fields)', input: { channelData: { tenant: { id: HOST } }, conversationTenant: HOST }, tenant: HOST, sender: { tenantId: HOST, aadObjectId: 'oid-1' } },
    { name: 'only channelData.tenant.id', input: { channelData: { tenant: { id: HOST } } }, tenant: HOST, sender: { tenantId: HOST, aadObjectId: 'oid-1' } },
    { name: 'only conversation.tenantId', input: { conversationTenant: HOST }, tenant: HOST, sender: { tenantId: HOST, aadObjectId: 'oid-1' } },
    { name: 'a guest: host tenant, guest object id, no tenant on from', input: { channelData: { tenant: { id: HOST } }, conversationTenant: HOST, from: { id: '29:g', aadObjectId: 'guest-oid' } }, tenant: HOST, sender: { tenantId: HOST, aadObjectId: 'guest-oid' } },
    { name: 'an external shared-channel member: home tenant on from', input: { channelData: { tenant: { id: HOST } }, conversationTenant: HOST, from: { id: '29:e', aadObjectId: 'home-oid', tenantId: HOME } }, tenant: HOST, sender: { tenantId: HOME, aadObjectId: 'home-oid' } },
    { name: 'the two tenant fields disagree: fail closed', input: { channelData: { tenant: { id: HOST } }, conversationTenant: HOME }, tenant: undefined, sender: undefined },
    { name: 'no tenant at all', input: {}, tenant: undefined, sender: undefined },
    { name: 'a tenant that is not a string', input: { channelData: { tenant: { id: 42 } } }, tenant: undefined, sender: undefined },
    { name: 'from.tenantId that is not a string: fail closed', input: { channelData: { tenant: { id: HOST } }, from: { id: '29:e', aadObjectId: 'home-oid', tenantId: { id: HOME } } }, tenant: HOST, sender: undefined },
    { name: 'no object id', input: { channelData: { tenant: { id: HOST } }, from: { id: '29:e' } }, tenant: HOST, sender: undefined },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(tenantOf(activity(row.input))).toBe(row.tenant);
      const sender = senderOf(activity(row.input));
      expect(sender && { tenantId: sender.tenantId, aadObjectId: sender.aadObjectId }).toEqual(row.sender);
    });
  }
});

describe('who a sender is on the roster', () => {
  const NHSMAIL = 'nhsmail-tenant';
  const config: PartnershipFile = PartnershipFileSchema.parse({
    ...sampleConfig,
    mail: { fromMailbox: 'sin@partnership.example.org' },
    partners: {
      ...sampleConfig.partners,
      police: { ...sampleConfig.partners.police, representative: { ...sampleConfig.partners.police.representative, tenantIds: [HOME], teams: true } },
      health: { ...sampleConfig.partners.health, representative: { ...sampleConfig.partners.health.representative, tenantIds: [NHSMAIL, HOST] } },
    },
    agencies: sampleConfig.agencies.map((a) => (a.id === 'gp' ? { ...a, contact: { ...a.contact, tenantIds: [NHSMAIL] } } : a)),
  });
  const police = config.partners.police.representative;
  const health = config.partners.health.representative;
  const gp = config.agencies.find((a) => a.id === 'gp')!.contact;

  it('a person of the partnership tenant, listed without tenants, is found in it only', () => {
    expect(rosterPersonFor(config, { tenantId: HOST, aadObjectId: sampleConfig.reviewGroupChair.aadObjectId })?.displayName).toBe(sampleConfig.reviewGroupChair.displayName);
    expect(rosterPersonFor(config, { tenantId: HOME, aadObjectId: sampleConfig.reviewGroupChair.aadObjectId })).toBeUndefined();
  });
  it('an external member is found by home tenant and object id, and not from the host tenant', () => {
    expect(rosterPersonFor(config, { tenantId: HOME, aadObjectId: police.aadObjectId })?.aadObjectId).toBe(police.aadObjectId);
    expect(rosterPersonFor(config, { tenantId: HOST, aadObjectId: police.aadObjectId })).toBeUndefined();
  });
  it('NHSmail people of different organisations are who the roster says, not what the tenant says', () => {
    expect(rosterPersonFor(config, { tenantId: NHSMAIL, aadObjectId: health.aadObjectId })?.displayName).toBe(health.displayName);
    expect(rosterPersonFor(config, { tenantId: NHSMAIL, aadObjectId: gp.aadObjectId })?.displayName).toBe(gp.displayName);
    expect(rosterPersonFor(config, { tenantId: NHSMAIL, aadObjectId: 'another-nhs-oid' })).toBeUndefined();
  });
  it('a matching tenant with an object id the roster does not list is nobody', () => {
    expect(rosterPersonFor(config, { tenantId: HOST, aadObjectId: 'stranger-oid' })).toBeUndefined();
  });
  it('an external member cannot be reached 1:1; a guest or a tenant member can, unless listed as email-only', () => {
    expect(reachableInTeams(config, police)).toBe(false);
    expect(reachableInTeams(config, health)).toBe(true);
    expect(reachableInTeams(config, { ...health, teams: false })).toBe(false);
  });
  it('a person listed with different tenants in different roles is refused at start-up', () => {
    const director = sampleConfig.childrensServicesDirector;
    const result = PartnershipFileSchema.safeParse({ ...sampleConfig, mail: { fromMailbox: 'sin@partnership.example.org' }, childrensServicesDirector: { ...director, tenantIds: [HOME] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.message.includes('different tenantIds'))).toBe(true);
  });
  it('a roster that needs email (an external member) without a mailbox to send it from is refused at start-up', () => {
    const result = PartnershipFileSchema.safeParse({ ...sampleConfig, reviewGroupChair: { ...sampleConfig.reviewGroupChair, tenantIds: [HOME] } });
    expect(result.error?.issues.map((i) => i.message)).toEqual([`mail.fromMailbox is needed to reach ${sampleConfig.reviewGroupChair.displayName} by email`]);
  });
  it('an existing configuration without tenants loads unchanged', () => {
    expect(PartnershipFileSchema.parse(sampleConfig)).toEqual(sampleConfig);
  });
});

/**
 * A conversation the bot is added to, as the tab will offer it for the channels: its name and
 * whether it is a shared channel (the shared-channel shape is Microsoft's published sample, not
 * verified in a real tenant), then the offer rule applied to what was kept (app/channelChoice.ts).
 */
describe('what a conversation the bot is added to is called, and whether it may be chosen as a channel', () => {
  const added = (channelData: unknown, name?: unknown): Partial<Activity> => ({ channelData, conversation: { id: 'c', ...(name !== undefined ? { name } : {}) } }) as unknown as Partial<Activity>;
  const rows: { name: string; input: Partial<Activity>; facts: { name?: string; channelType?: string } }[] = [
    { name: 'a team install: the team name', input: added({ tenant: { id: HOST }, team: { name: 'Safeguarding' } }), facts: { name: 'Safeguarding' } },
    { name: 'a channel of a team: team and channel', input: added({ tenant: { id: HOST }, team: { name: 'Safeguarding' }, channel: { name: 'SIN monitoring', type: 'standard' } }), facts: { name: 'Safeguarding › SIN monitoring', channelType: 'standard' } },
    { name: 'a shared channel (Microsoft sample: channel.type "shared")', input: added({ tenant: { id: HOST }, team: {}, channel: { name: 'Partners', type: 'shared' } }), facts: { name: 'Partners', channelType: 'shared' } },
    { name: 'a named group chat', input: added({ tenant: { id: HOST } }, 'Partners 2026'), facts: { name: 'Partners 2026' } },
    { name: 'an unnamed group chat', input: added({ tenant: { id: HOST } }), facts: {} },
    { name: 'names and a type of other shapes are ignored', input: added({ tenant: { id: HOST }, team: { name: 42 }, channel: { name: '   ', type: 'SHARED' } }, { text: 'x' }), facts: {} },
    { name: 'channelData of another shape is ignored', input: added({ tenant: { id: HOST }, team: 'Safeguarding', channel: ['x'] }), facts: {} },
  ];
  for (const row of rows) it(row.name, () => expect(installFactsOf(row.input)).toEqual(row.facts));

  const kept = { conversationId: 'c', kind: 'channel' as const, tenantId: HOST, addedAt: '2026-05-05T09:00:00.000Z' };
  const offers: { name: string; input: Parameters<typeof whyNotOffered>[0]; offered: boolean; canPost?: boolean }[] = [
    { name: 'added by someone of the partnership', input: { ...kept, addedFromTenantId: HOST }, offered: true },
    { name: 'a shared channel hosted by the partnership, added by an external member', input: { ...kept, addedFromTenantId: HOME, channelType: 'shared' }, offered: true },
    { name: 'a standard channel added by someone of another organisation', input: { ...kept, addedFromTenantId: HOME, channelType: 'standard' }, offered: false },
    { name: 'added by someone of another organisation, no channel type said', input: { ...kept, addedFromTenantId: HOME }, offered: false },
    { name: 'who added it not said: fail closed', input: kept, offered: false },
    { name: "another organisation's tenant, even shared", input: { ...kept, tenantId: HOME, addedFromTenantId: HOME, channelType: 'shared' }, offered: false },
    { name: 'the bot since removed', input: { ...kept, addedFromTenantId: HOST, removedAt: '2026-05-06T09:00:00.000Z' }, offered: false },
    { name: 'no conversation reference saved (the bot cannot post there): fail closed', input: { ...kept, addedFromTenantId: HOST }, canPost: false, offered: false },
  ];
  for (const row of offers) it(`offered: ${row.name} → ${row.offered}`, () => expect(whyNotOffered(row.input, HOST, row.canPost ?? true) === undefined).toBe(row.offered));
});
