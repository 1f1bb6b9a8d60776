import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { senderOf, tenantOf } from '../../bot/activityFacts.js';
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
