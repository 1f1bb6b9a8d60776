import { readFile } from 'node:fs/promises';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PartnershipFileSchema, SHELL_KEYS, parsePartnershipFile, rosterOf } from '../../config/partnershipFile.js';
import type { createDecider } from '../../workflow/decide.js';
import type { StepContext } from '../../workflow/kernel.js';
import { RosterFieldsSchema, RosterSchema, type Roster } from '../../workflow/partnership.js';

/**
 * The partnership file holds the roster and the shell's settings side by side; the procedure's
 * schema and type are the roster alone, so no step can read a tenant id, a channel or a mailbox.
 */

const sampleFile = async () => JSON.parse(await readFile(new URL('../../config/sample-partnership.json', import.meta.url), 'utf8')) as unknown;

describe('the partnership file', () => {
  it("the procedure's schema has none of the shell's keys", () => {
    expect(SHELL_KEYS.sort()).toEqual(['bankHolidaysSource', 'channels', 'mail', 'meetings', 'tabTenantIds', 'tenantId']);
    expect(Object.keys(RosterFieldsSchema.shape).filter((key) => (SHELL_KEYS as string[]).includes(key))).toEqual([]);
    // The file's keys are exactly the roster's and the shell's: nothing is read from nowhere.
    expect(Object.keys(PartnershipFileSchema.shape).sort()).toEqual([...Object.keys(RosterFieldsSchema.shape), ...SHELL_KEYS].sort());
  });

  it("the procedure's types cannot name a shell setting", () => {
    expectTypeOf<Roster>().not.toHaveProperty('tenantId');
    expectTypeOf<Roster>().not.toHaveProperty('channels');
    expectTypeOf<Roster>().not.toHaveProperty('mail');
    expectTypeOf<Parameters<typeof createDecider>[0]>().toEqualTypeOf<Roster>();
    expectTypeOf<StepContext['config']>().toEqualTypeOf<Roster>();
  });

  it('the sample file parses whole, and its roster part alone is a valid roster without the shell settings', async () => {
    const parsed = parsePartnershipFile(await sampleFile());
    expect(parsed.success).toBe(true);
    const file = parsed.data!;
    expect(file.channels.monitoring.conversationId).not.toBe('');
    const roster = rosterOf(file);
    for (const key of SHELL_KEYS) expect(roster).not.toHaveProperty(key);
    expect(RosterSchema.parse(roster)).toEqual(roster);
    expect(roster.partners.police.representative).toEqual(file.partners.police.representative);
  });

  it('an older file naming finalDecisionMaker still loads, as before', async () => {
    const { reviewDisputeDecider: _current, ...older } = (await sampleFile()) as Record<string, unknown>;
    const raw = { ...older, finalDecisionMaker: 'independentScrutineer' };
    const parsed = parsePartnershipFile(raw);
    expect(parsed.success && parsed.data.reviewDisputeDecider).toBe('independentScrutineer');
  });

  it('checks that need both parts still run on the file: a person of another tenant needs a mailbox to be reached', async () => {
    const file = (await sampleFile()) as Record<string, unknown> & { reviewGroupChair: Record<string, unknown> };
    const { mail: _mail, ...withoutMail } = file;
    const parsed = parsePartnershipFile({ ...withoutMail, reviewGroupChair: { ...file.reviewGroupChair, tenantIds: ['another-tenant'] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join('\n')).toContain('mail.fromMailbox is needed to reach');
  });
});
