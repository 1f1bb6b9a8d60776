import { describe, expect, it } from 'vitest';
import { meetingTransactionId } from '../../graph/transactionId.js';

const GUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('meetingTransactionId', () => {
  const key = { caseRef: 'RR-2026-014', stage: 'sin-dispute', key: 'evt-0007' };

  it('is GUID-shaped (RFC 9562 version 8, RFC variant)', () => {
    expect(meetingTransactionId(key)).toMatch(GUID_V8);
  });

  it('is the same on every call: a retry after a crash reuses it', () => {
    expect(meetingTransactionId({ ...key })).toBe(meetingTransactionId(key));
  });

  it('is pinned, so a release cannot silently change ids that outboxes already hold', () => {
    expect(meetingTransactionId(key)).toBe('b434b872-1b37-8d86-99a1-bb5f7a37f993');
  });

  it.each([
    { sentence: 'another case', change: { caseRef: 'RR-2026-015' } },
    { sentence: 'another stage', change: { stage: 'sin-exceptional' } },
    { sentence: 'another key', change: { key: 'evt-0008' } },
  ])('differs for $sentence', ({ change }) => {
    expect(meetingTransactionId({ ...key, ...change })).not.toBe(meetingTransactionId(key));
  });

  it('does not confuse where one part ends and the next begins', () => {
    expect(meetingTransactionId({ caseRef: 'a|b', stage: 'c', key: 'd' })).not.toBe(
      meetingTransactionId({ caseRef: 'a', stage: 'b|c', key: 'd' }),
    );
  });

  it('refuses an empty part', () => {
    expect(() => meetingTransactionId({ ...key, key: ' ' })).toThrow(RangeError);
  });
});
