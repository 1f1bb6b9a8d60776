import { createRequire } from 'node:module';
import { VERB_DATA_SCHEMAS, VERBS, type Verb } from '../../cards/verbs.js';

/**
 * Checks a card the way Teams would meet it, without a browser: the Adaptive Cards library parses
 * and validates it (its dist bundle runs in Node for parse/validate; only rendering needs a DOM),
 * then we check what the library does not: schema version, our verbs and their data, empty text,
 * and the size Teams accepts.
 */

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

export const CARD_BYTES_LIMIT = 28_672;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Everything of interest on one card level; a ShowCard's card is its own level, nested. */
type Level = { inputs: Json[]; executes: Json[]; showCards: Json[]; textBlocks: Json[]; textRuns: Json[]; all: Json[] };

function collect(node: unknown, level: Level): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, level);
    return;
  }
  if (!isObject(node)) return;
  const type = str(node.type);
  level.all.push(node);
  if (type?.startsWith('Input.')) level.inputs.push(node);
  if (type === 'Action.Execute') level.executes.push(node);
  if (type === 'TextBlock') level.textBlocks.push(node);
  if (type === 'TextRun') level.textRuns.push(node);
  if (type === 'Action.ShowCard') {
    level.showCards.push(node);
    return; // its card is another level, walked with this level's inputs in scope
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'data') collect(value, level);
}

function levelOf(card: Json): Level {
  const level: Level = { inputs: [], executes: [], showCards: [], textBlocks: [], textRuns: [], all: [] };
  collect(card.body, level);
  collect(card.actions, level);
  return level;
}

const SAMPLE_TEXTS = ['Sample text', 'RR-2026-014', 'https://documents.example.org/sites/cases/referral.docx'];

/** A value a user could plausibly give, or undefined when Teams would send nothing. */
function plausibleValue(input: Json, onlyRequired: boolean): string | undefined {
  const type = str(input.type);
  const value = str(input.value);
  if (type === 'Input.Toggle') return value ?? str(input.valueOff) ?? 'false';
  if (value !== undefined && value !== '') return value;
  if (onlyRequired && input.isRequired !== true) return undefined;
  switch (type) {
    case 'Input.Text': {
      const regex = str(input.regex);
      return SAMPLE_TEXTS.find((s) => !regex || new RegExp(regex).test(s)) ?? 'Sample text';
    }
    case 'Input.ChoiceSet': {
      const choices = Array.isArray(input.choices) ? input.choices : [];
      const first = choices[0];
      return isObject(first) ? str(first.value) : undefined;
    }
    case 'Input.Date':
      return str(input.max) ?? '2026-06-08';
    case 'Input.Time':
      return '10:30';
    case 'Input.Number':
      return '1';
    default:
      return 'Sample text';
  }
}

function inputValues(inputs: Json[], onlyRequired: boolean): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of inputs) {
    const id = str(input.id);
    const value = plausibleValue(input, onlyRequired);
    if (id && value !== undefined) values[id] = value;
  }
  return values;
}

function checkExecute(action: Json, scope: Json[], where: string, problems: string[]): void {
  const verb = str(action.verb);
  if (!verb) {
    problems.push(`${where}: Action.Execute "${str(action.title)}" has no verb`);
    return;
  }
  if (!(VERBS as string[]).includes(verb)) {
    problems.push(`${where}: unknown verb "${verb}"`);
    return;
  }
  const schema = VERB_DATA_SCHEMAS[verb as Verb];
  const data = isObject(action.data) ? action.data : {};
  const known = Object.keys(schema.shape);
  for (const key of Object.keys(data)) {
    if (!known.includes(key)) problems.push(`${where}: ${verb} data has "${key}", which its schema does not know`);
    if (typeof data[key] !== 'string') problems.push(`${where}: ${verb} data "${key}" is not a string`);
  }
  // "none" sends no input values, so the data alone must be enough.
  const inputs = action.associatedInputs === 'none' ? [] : scope;
  for (const onlyRequired of [false, true]) {
    const values = inputValues(inputs, onlyRequired);
    for (const id of Object.keys(values)) {
      if (id in data) problems.push(`${where}: input "${id}" would overwrite the ${verb} action's own data`);
    }
    const result = schema.safeParse({ ...data, ...values });
    if (!result.success) {
      problems.push(
        `${where}: ${verb} data ${JSON.stringify({ ...data, ...values })} (${onlyRequired ? 'required inputs only' : 'all inputs'}) fails: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
  }
}

function checkLevel(card: Json, outerInputs: Json[], where: string, problems: string[]): void {
  const level = levelOf(card);
  const scope = [...level.inputs, ...outerInputs];
  for (const tb of level.textBlocks) if (!str(tb.text)?.trim()) problems.push(`${where}: a TextBlock has empty text`);
  for (const run of level.textRuns) if (!str(run.text)?.trim()) problems.push(`${where}: a TextRun has empty text`);
  for (const action of level.executes) checkExecute(action, scope, where, problems);
  level.showCards.forEach((sc, i) => {
    if (isObject(sc.card)) checkLevel(sc.card, scope, `${where} > ShowCard "${str(sc.title) ?? i}"`, problems);
    else problems.push(`${where}: Action.ShowCard without a card`);
  });
}

/** Every problem found, in words; empty means the card is fine. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(card)) return ['the card is not an object'];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}, not AdaptiveCard`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, not 1.5`);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`adaptivecards parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`adaptivecards validation: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }

  checkLevel(card, [], 'card', problems);

  const bytes = new TextEncoder().encode(JSON.stringify(card)).length;
  if (bytes >= CARD_BYTES_LIMIT) problems.push(`the card is ${bytes} bytes; Teams accepts under ${CARD_BYTES_LIMIT}`);
  return problems;
}

/** Throws with every problem listed, so a failing test says what is wrong with the card. */
export function assertValidCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length > 0) throw new Error(`Invalid card:\n- ${problems.join('\n- ')}`);
}

/** Every piece of text a user can see on the card, including in ShowCards and inputs. */
export function visibleText(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage'] as const) {
      const v = str(node[key]);
      if (v !== undefined) out.push(v);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'url') visit(value);
  };
  visit(card);
  return out;
}

export type ExecuteSummary = { title: string; verb: string; data: Record<string, unknown> };

/** The Action.Execute buttons anywhere on the card, in order. */
export function executeActions(card: unknown): ExecuteSummary[] {
  const out: ExecuteSummary[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    if (node.type === 'Action.Execute') {
      out.push({ title: str(node.title) ?? '', verb: str(node.verb) ?? '', data: isObject(node.data) ? node.data : {} });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'data') visit(value);
  };
  visit(card);
  return out;
}

/** The inputs anywhere on the card (ShowCards included), by id. */
export function inputsById(card: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const id = str(node.id);
    if (str(node.type)?.startsWith('Input.') && id) out.set(id, node);
    for (const [key, value] of Object.entries(node)) if (key !== 'data') visit(value);
  };
  visit(card);
  return out;
}
