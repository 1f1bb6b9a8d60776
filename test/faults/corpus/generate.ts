import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the hostile-activity corpus (the JSON files next to this script, committed). Run it again
 * after changing it: `npx tsx test/faults/corpus/generate.ts`. The files are what the suite reads;
 * hand-written entries can be added to them or to new files in the same folders.
 *
 * The corpus runs against a case awaiting replies where the police first disagreed ("Not met on
 * what we know.", from the card as posted) and then agreed ("Agreed.", from the card as it was
 * after that); the base click below is that agreement again, so a mutation the product rightly
 * ignores still changes nothing, and any state change is a real finding.
 *
 * Every entry must get a 4xx or a refusal card, except where `expect` says otherwise (see
 * test/faults/support/corpus.ts): activity types Teams really sends that the app ignores, and a
 * message that is empty once its mentions are removed (the help card).
 */

const DIR = import.meta.dirname;
const CASE = 'RR-2026-014';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Entry = { name: string; body?: Json; raw?: string; rawBase64?: string; expect?: 'ignored' | 'help' };

const person = (id: string, name: string) => ({ id: `29:aad-${id}`, name, aadObjectId: `aad-${id}` });
const POLICE = person('police', 'Pat Police');
const HEALTH = person('health', 'Harper Health');
const BUSINESS = person('business', 'Billie Business');
const CHAIR = person('chair', 'Casey Chair');

function envelope(from: Json, conversationId = 'conv-decision', conversationType = 'channel'): { [key: string]: Json } {
  return {
    id: 'corpus-activity',
    timestamp: '2026-05-05T14:30:00.000Z',
    serviceUrl: '{{serviceUrl}}',
    channelId: 'msteams',
    from,
    recipient: { id: '28:sin-bot', name: 'SIN decisions' },
    conversation: { id: conversationId, conversationType, tenantId: 'tenant-1', isGroup: conversationType !== 'personal' },
    channelData: { tenant: { id: 'tenant-1' } },
  };
}
const invoke = (from: Json, verb: Json, data: Json, conversationId?: string): { [key: string]: Json } => ({
  ...envelope(from, conversationId),
  type: 'invoke',
  name: 'adaptiveCard/action',
  replyToId: 'clicked-card',
  value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
});
const message = (from: Json, text: Json, conversationId = 'conv-monitoring'): { [key: string]: Json } => ({ ...envelope(from, conversationId), type: 'message', text });

/** The police's agreement, exactly as already recorded: a replay. */
const REPLAY = () => invoke(POLICE, 'partner.agree', { caseRef: CASE, comment: 'Agreed.' });

/** Sets a dotted path in a copy of `base`. */
function withValue(base: { [key: string]: Json }, path: string, value: Json | undefined): { [key: string]: Json } {
  const copy = JSON.parse(JSON.stringify(base)) as { [key: string]: Json };
  const keys = path.split('.');
  let node = copy as { [key: string]: Json };
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as { [key: string]: Json };
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

// 1. Not an activity at all.
const structural: Entry[] = [
  ['empty body', ''],
  ['whitespace', '   \n'],
  ['null', 'null'],
  ['true', 'true'],
  ['a number', '12345'],
  ['a string', '"message"'],
  ['an empty array', '[]'],
  ['an array of activities', `[${JSON.stringify(REPLAY())}]`],
  ['truncated JSON', '{"type": "message",'],
  ['an unclosed string', '{"type": "mess'],
  ['trailing garbage', '{"type":"message"} trailing'],
  ['single quotes', "{'type': 'message'}"],
  ['NaN', '{"type": NaN}'],
  ['a comment in JSON', '{"type": /* */ "message"}'],
  ['XML', '<activity><type>message</type></activity>'],
  ['a form post', 'type=message&text=help'],
  ['a byte-order mark then JSON', `\ufeff${JSON.stringify(REPLAY())}`],
  ['a NUL byte', '\u0000'],
  ['a huge number', `{"type": 1${'0'.repeat(400)}}`],
  ['1 MB body', '{"type":"message","text":"{{pad:1048576}}"}'],
  ['300 KB body', '{"type":"message","text":"{{pad:300000}}"}'],
  ['just over 256 KB', '{"type":"message","text":"{{pad:262200}}"}'],
  ['10,000 nested arrays', '{{nest:10000}}'],
  ['100,000 nested arrays', '{{nest:100000}}'],
  ['deeply nested value in an activity', `${JSON.stringify(REPLAY()).slice(0, -1)},"deep":{{nest:5000}}}`],
  ['deeply nested card data', JSON.stringify(REPLAY()).replace('"comment":"Agreed."', '"comment":"Agreed.","x":{{nest:5000}}')],
  ['duplicate keys, the last one hostile', JSON.stringify(REPLAY()).replace('"type":"invoke"', '"type":"invoke","type":{"x":1}')],
].map(([name, raw]) => ({ name: name!, raw: raw! }));

// Bytes that are not UTF-8: overlong encodings, lone surrogates encoded, truncated sequences.
const replayText = JSON.stringify(invoke(HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'MARK' }, 'conv-decision'));
const [before, after] = replayText.split('MARK') as [string, string];
const bytes = (name: string, hex: string): Entry => ({ name, rawBase64: Buffer.concat([Buffer.from(before), Buffer.from(`Not met `), Buffer.from(hex, 'hex'), Buffer.from(after)]).toString('base64') });
const invalidUtf8: Entry[] = [
  bytes('overlong "/" (C0 AF) in a rationale', 'c0af'),
  bytes('overlong NUL (C0 80) in a rationale', 'c080'),
  bytes('overlong 3-byte "/" (E0 80 AF) in a rationale', 'e080af'),
  bytes('an encoded lone high surrogate (ED A0 80) in a rationale', 'eda080'),
  bytes('an encoded lone low surrogate (ED B0 80) in a rationale', 'edb080'),
  bytes('a truncated 3-byte sequence in a rationale', 'e282'),
  bytes('a stray continuation byte in a rationale', '80'),
  bytes('0xFF in a rationale', 'ff'),
  bytes('a code point above U+10FFFF (F4 90 80 80)', 'f4908080'),
  { name: 'Latin-1 body', rawBase64: Buffer.from(JSON.stringify(message(BUSINESS, 'caf\u00e9')), 'latin1').toString('base64') },
  { name: 'UTF-16 body', rawBase64: Buffer.from(JSON.stringify(message(BUSINESS, 'help')), 'utf16le').toString('base64') },
];

// 2. The envelope with a field of the wrong type (on the replayed click, which changes nothing when handled).
const WRONG: [string, Json | undefined][] = [
  ['null', null],
  ['a number', 42],
  ['true', true],
  ['an array', ['x']],
  ['an object', { x: 'y' }],
  ['an empty string', ''],
  ['missing', undefined],
];
const FIELDS = [
  'type',
  'channelId',
  'serviceUrl',
  'conversation',
  'conversation.id',
  'conversation.conversationType',
  'conversation.tenantId',
  'from',
  'from.id',
  'from.aadObjectId',
  'from.name',
  'recipient',
  'recipient.id',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'name',
  'value',
  'value.action',
  'value.action.type',
  'value.action.verb',
  'value.action.data',
  'value.action.data.caseRef',
  'replyToId',
];
const wrongTypes: Entry[] = FIELDS.flatMap((field) =>
  WRONG.map(([what, value]) => ({ name: `${field}: ${what}`, body: withValue(REPLAY(), field, value) })),
);
const extraEnvelope: Entry[] = [
  { name: 'timestamp out of range', body: withValue(REPLAY(), 'timestamp', '+275760-09-14T00:00:00.000Z') },
  { name: 'timestamp not a date', body: withValue(REPLAY(), 'timestamp', 'yesterday') },
  { name: 'entities: a forged mention of everyone', body: withValue(REPLAY(), 'entities', [{ type: 'mention', text: '<at>Everyone</at>', mentioned: { id: 'everyone' } }]) },
  { name: 'attachments of the wrong type', body: withValue(REPLAY(), 'attachments', 'not a list') },
  { name: 'an unknown activity type', body: withValue(REPLAY(), 'type', 'deleteEverything') },
  { name: 'an invoke with another name', body: withValue(REPLAY(), 'name', 'task/fetch') },
  { name: 'a message reaction', body: { ...envelope(POLICE), type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }, expect: 'ignored' },
  { name: 'a typing activity', body: { ...envelope(POLICE), type: 'typing' }, expect: 'ignored' },
  { name: 'an end of conversation', body: { ...envelope(POLICE), type: 'endOfConversation' }, expect: 'ignored' },
  { name: 'a very long serviceUrl', body: withValue(REPLAY(), 'serviceUrl', `{{serviceUrl}}${'a'.repeat(3000)}`) },
  { name: 'a very long conversation id', body: withValue(REPLAY(), 'conversation.id', 'c'.repeat(5000)) },
  { name: 'a very long verb', body: withValue(REPLAY(), 'value.action.verb', 'v'.repeat(1000)) },
];

// 3. Prototype pollution and hostile keys.
const protoKeys: Entry[] = [
  ['__proto__ at the top', '"__proto__":{"polluted":"yes"},'],
  ['constructor.prototype at the top', '"constructor":{"prototype":{"polluted":"yes"}},'],
  ['prototype at the top', '"prototype":{"polluted":"yes"},'],
].map(([name, inject]) => ({ name: name!, raw: JSON.stringify(REPLAY()).replace('{', `{${inject}`) }));
for (const [where, anchor] of [
  ['in card data', '"caseRef":'],
  ['in value', '"action":'],
  ['in from', '"id":"29:aad-police"'],
  ['in channelData', '"tenant":'],
] as const) {
  for (const key of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
    const text = JSON.stringify(REPLAY());
    const at = text.indexOf(anchor);
    protoKeys.push({ name: `${key} ${where}`, raw: `${text.slice(0, at)}"${key}":{"polluted":"yes","caseRef":"RR-2026-999"},${text.slice(at)}` });
  }
}
protoKeys.push({ name: 'verb "__proto__"', body: invoke(POLICE, '__proto__', { caseRef: CASE }) });
protoKeys.push({ name: 'verb "constructor"', body: invoke(POLICE, 'constructor', { caseRef: CASE }) });
protoKeys.push({ name: 'verb "toString"', body: invoke(POLICE, 'toString', { caseRef: CASE }) });
protoKeys.push({ name: 'verb "hasOwnProperty"', body: invoke(POLICE, 'hasOwnProperty', { caseRef: CASE }) });

// 4. Unknown verbs and hostile card data for real verbs.
const unknownVerbs: Entry[] = ['case.delete', '', ' ', 'PARTNER.AGREE', 'partner.agree ', 'partner.', 'partner.agree\u0000', 'admin.reset', '../partner.agree', 'partner\u202eeerga'].map((verb) => ({
  name: `unknown verb ${JSON.stringify(verb)}`,
  body: invoke(POLICE, verb, { caseRef: CASE, comment: 'Agreed.' }),
}));
const badData: Entry[] = [
  ['health disagrees with no rationale', HEALTH, 'partner.disagree', { caseRef: CASE }],
  ['health disagrees with a blank rationale', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: '   ' }],
  ['health disagrees with a number', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 42 }],
  ['health disagrees with a list', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: ['Not', 'met'] }],
  ['health disagrees with a lone high surrogate', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'Not met \ud800' }],
  ['health disagrees with a lone low surrogate', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: '\udc00 Not met' }],
  ['health disagrees with reversed surrogates', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'Not met \udc00\ud800' }],
  ['health disagrees with 100,000 characters', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'n'.repeat(100_000) }],
  ['health disagrees with a postcode', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'Seen at PO30 1AB last week.' }],
  ['health disagrees with an NHS number', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'NHS 943 476 5919' }],
  ['health disagrees on a case that does not exist', HEALTH, 'partner.disagree', { caseRef: 'RR-2026-999', rationale: 'Not met.' }],
  ['health disagrees on a case reference with a path', HEALTH, 'partner.disagree', { caseRef: '../RR-2026-014', rationale: 'Not met.' }],
  ['health disagrees on a case reference with NUL', HEALTH, 'partner.disagree', { caseRef: 'RR-2026-014\u0000', rationale: 'Not met.' }],
  ['health disagrees on a case reference in lower case with spaces', HEALTH, 'partner.disagree', { caseRef: ' rr-2026-014 x', rationale: 'Not met.' }],
  ['health disagrees with an asOf that is not a number', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'Not met.', asOf: 'latest' }],
  ['health disagrees with a negative asOf', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'Not met.', asOf: '-1' }],
  ['health disagrees with a huge asOf', HEALTH, 'partner.disagree', { caseRef: CASE, rationale: 'Not met.', asOf: '99999999999999999999' }],
  ['police agree with card data that is a string', POLICE, 'partner.agree', 'RR-2026-014'],
  ['police agree with card data that is a list', POLICE, 'partner.agree', [CASE]],
  ['police agree with card data null', POLICE, 'partner.agree', null],
  ['police agree naming health as the partner', POLICE, 'partner.agree', { caseRef: CASE, comment: 'Agreed.', partner: 'health' }],
  ['police agree with the clicker forged in the data', POLICE, 'partner.agree', { caseRef: CASE, comment: 'Agreed.', from: { aadObjectId: 'aad-health' }, aadObjectId: 'aad-health' }],
  ['the chair gives a second initial view (a stale card)', CHAIR, 'initialView.submit', { caseRef: CASE, view: 'doNotNotify', rationale: 'Criteria not met.' }],
  ['the chair gives an initial view of "maybe"', CHAIR, 'initialView.submit', { caseRef: CASE, view: 'maybe', rationale: 'Unsure.' }],
  ['the chair gives an initial view with no rationale', CHAIR, 'initialView.submit', { caseRef: CASE, view: 'notify' }],
  ['the chair gives the same initial view again (a replayed click)', CHAIR, 'initialView.submit', { caseRef: CASE, view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }],
  ['the same referral again (a replayed click)', BUSINESS, 'referral.submit', { caseRef: CASE, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', documentUrl: 'https://documents.example.org/sites/cases/RR-2026-014/referral.docx' }],
  ['the police confirm the Panel notification before any decision', POLICE, 'panel.confirm', { caseRef: CASE, sentDate: '2026-05-06', sentTime: '10:00', panelReference: 'P-1' }],
  ['a stranger records a final decision', person('stranger', 'Stranger'), 'decision.final', { caseRef: CASE, decision: 'notify', rationale: 'Because.' }],
  ['health records a dispute outcome with no dispute', HEALTH, 'dispute.outcome', { caseRef: CASE, outcome: 'agreedNotify', rationale: 'x' }],
  ['the business unit reopens an undecided case', BUSINESS, 'decision.reopen', { caseRef: CASE, reason: 'New information.' }],
  ['the business unit sets up a rapid review before any decision', BUSINESS, 'review.setup', { caseRef: CASE, agencies: 'education', meetingDate: '2026-05-20', meetingTime: '10:00' }],
  ['the business unit arranges a meeting with no dispute', BUSINESS, 'meeting.arrange', { caseRef: CASE, stage: '1', date: '2026-05-06', time: '10:00', joinUrl: 'javascript:alert(1)' }],
  ['an agency returns on a case with no rapid review', person('education', 'Eve Education'), 'scoping.return', { caseRef: CASE, agency: 'education', returnUrl: 'https://documents.example.org/x.docx' }],
  ['a history request for a case reference that is a path', BUSINESS, 'case.history', { caseRef: '../../etc/passwd' }],
  ['an export request for a case that does not exist', BUSINESS, 'case.export', { caseRef: 'RR-2099-001' }],
].map(([name, from, verb, data]) => ({ name: name as string, body: invoke(from as Json, verb as string, data as Json) }));

const referral = { caseRef: 'RR-2026-015', referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', documentUrl: 'https://documents.example.org/sites/cases/RR-2026-015/referral.docx' };
const badReferrals: Entry[] = (
  [
    ['an awareness date of 9999-99-99', { awareDate: '9999-99-99' }],
    ['an awareness date of 30 February', { awareDate: '2026-02-30' }],
    ['an awareness date in year 0', { awareDate: '0000-01-01' }],
    ['an awareness date beyond JavaScript dates', { awareDate: '+275760-09-14' }],
    ['an awareness date far in the future', { awareDate: '2999-01-01' }],
    ['an awareness date in 1900', { awareDate: '1900-01-01' }],
    ['an awareness date as a timestamp number', { awareDate: 1778000000000 }],
    ['an awareness time of 25:61', { awareTime: '25:61' }],
    ['an awareness time of 24:00', { awareTime: '24:00' }],
    ['an awareness time with seconds and a zone', { awareTime: '08:30:00Z' }],
    ['a harm of "minor"', { harm: 'minor' }],
    ['a location of "space"', { location: 'space' }],
    ['lookedAfter "maybe"', { lookedAfter: 'maybe' }],
    ['a javascript: document link', { documentUrl: 'javascript:alert(1)' }],
    ['a document link on another host', { documentUrl: 'https://evil.example.com/referral.docx' }],
    ['a document link with credentials', { documentUrl: 'https://user:pw@documents.example.org/x.docx' }],
    ['a data: document link', { documentUrl: 'data:text/html,<script>alert(1)</script>' }],
    ['a case reference that is a name', { caseRef: 'Jayden Smith' }],
    ['a case reference with a formula', { caseRef: '=HYPERLINK("http://evil")' }],
    ['a case reference with a lone surrogate', { caseRef: 'RR-2026-\ud800' }],
    ['a referring agency of 5,000 characters', { referringAgency: 'a'.repeat(5000) }],
    ['a referring agency as an object', { referringAgency: { name: 'Police' } }],
    ['a referring agency with a lone surrogate', { referringAgency: 'Police \udfff' }],
    ['no fields at all', null],
  ] as [string, Record<string, Json> | null][]
).map(([name, change]) => ({ name: `a referral with ${name}`, body: invoke(BUSINESS, 'referral.submit', change === null ? {} : { ...referral, ...change }, 'conv-monitoring') }));
badReferrals.push({ name: 'a referral from a partner (not the business unit)', body: invoke(POLICE, 'referral.submit', referral, 'conv-monitoring') });

// 5. Identity: who is acting.
const identity: Entry[] = [
  { name: 'another tenant', body: withValue(withValue(REPLAY(), 'channelData.tenant.id', 'tenant-evil'), 'conversation.tenantId', 'tenant-evil') },
  { name: 'another tenant in channelData only', body: withValue(REPLAY(), 'channelData.tenant.id', 'tenant-evil') },
  { name: 'no tenant anywhere', body: withValue(withValue(REPLAY(), 'channelData', undefined), 'conversation.tenantId', undefined) },
  { name: 'a tenant id in a different case', body: withValue(REPLAY(), 'channelData.tenant.id', 'TENANT-1') },
  { name: 'a stranger agrees', body: invoke(person('stranger', 'Stranger'), 'partner.agree', { caseRef: CASE }) },
  { name: 'the business unit agrees for the police', body: invoke(BUSINESS, 'partner.agree', { caseRef: CASE, partner: 'police' }) },
  { name: 'the police deputy changes the police reply on a stale card', body: invoke(person('police-deputy', 'Quinn Police'), 'partner.disagree', { caseRef: CASE, rationale: 'Not met.', asOf: '1' }) },
  // Replayed clicks after a change: Teams redelivers an invoke it thought went unanswered.
  { name: "the police's first click (disagree, from the card as posted) replayed after they changed to agree", body: invoke(POLICE, 'partner.disagree', { caseRef: CASE, rationale: 'Not met on what we know.', asOf: '{{postedCardVersion}}' }) },
  { name: "the police's first click replayed with another rationale", body: invoke(POLICE, 'partner.disagree', { caseRef: CASE, rationale: 'Not met at all.', asOf: '{{postedCardVersion}}' }) },
  { name: "the police's agreement replayed from the card it was clicked on", body: invoke(POLICE, 'partner.agree', { caseRef: CASE, comment: 'Agreed.', asOf: '{{changedCardVersion}}' }) },
  { name: "the police's agreement replayed from the card as posted", body: invoke(POLICE, 'partner.agree', { caseRef: CASE, comment: 'Agreed.', asOf: '{{postedCardVersion}}' }) },
  { name: 'no aadObjectId (a guest without one)', body: withValue(REPLAY(), 'from.aadObjectId', undefined) },
  { name: 'an aadObjectId with different case', body: withValue(REPLAY(), 'from.aadObjectId', 'AAD-POLICE') },
  { name: 'an aadObjectId with whitespace', body: withValue(REPLAY(), 'from.aadObjectId', ' aad-police ') },
];

// 6. Typed commands.
const typed: Entry[] = [
  ['new referral from the police', POLICE, 'new referral'],
  ['history of a case that does not exist', BUSINESS, 'history RR-2099-001'],
  ['history of a path', BUSINESS, 'history ../../etc/passwd'],
  ['history with a lone surrogate', BUSINESS, 'history RR-2026-\ud800'],
  ['a text of 100,000 characters', BUSINESS, 'h'.repeat(100_000)],
  ['only mentions', BUSINESS, '<at>SIN decisions</at><at>SIN decisions</at>'],
  ['an unclosed mention', BUSINESS, '<at>SIN decisions new referral'],
  ['markdown and HTML', BUSINESS, '# <script>alert(1)</script> **help**'],
  ['right-to-left override', BUSINESS, '\u202eplehhelp'],
  ['NUL bytes', BUSINESS, 'help\u0000\u0000'],
  ['a stranger asks for history', person('stranger', 'Stranger'), `history ${CASE}`],
  ['an agency contact asks for the whole history', person('education', 'Eve Education'), `history ${CASE}`],
  ['text of the wrong type', BUSINESS, { text: 'help' }],
  ['text null', BUSINESS, null],
].map(([name, from, text]) => ({ name: `message: ${name as string}`, body: message(from as Json, text as Json), ...(name === 'only mentions' ? { expect: 'help' as const } : {}) }));

const files: Record<string, Entry[]> = {
  'structural.json': [...structural, ...invalidUtf8],
  'envelope-types.json': [...wrongTypes, ...extraEnvelope],
  'prototype-keys.json': protoKeys,
  'verbs-and-data.json': [...unknownVerbs, ...badData, ...badReferrals],
  'identity-and-commands.json': [...identity, ...typed],
};
let total = 0;
for (const [file, entries] of Object.entries(files)) {
  writeFileSync(join(DIR, 'activities', file), `${JSON.stringify(entries, null, 1)}\n`);
  total += entries.length;
}
process.stdout.write(`${total} activities\n`);
