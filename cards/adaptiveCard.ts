import type { Verb, VerbCardData } from './verbs.js';

/**
 * Adaptive Card JSON, typed structurally for the parts our cards use, and small builders for it.
 * Schema 1.5 is what Teams renders for Universal Actions (Action.Execute) on desktop and mobile.
 */

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
  style?: 'default' | 'heading';
};

export type TextRun = { type: 'TextRun'; text: string; italic?: boolean; weight?: 'Default' | 'Bolder'; fontType?: 'Default' | 'Monospace' };
export type RichTextBlock = { type: 'RichTextBlock'; inlines: TextRun[]; spacing?: Spacing };
export type Fact = { title: string; value: string };
export type FactSet = { type: 'FactSet'; facts: Fact[]; spacing?: Spacing };

export type Choice = { title: string; value: string };
type InputBase = { id: string; label: string; isRequired?: boolean; errorMessage?: string; spacing?: Spacing };
export type InputText = InputBase & {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  regex?: string;
  style?: 'Text' | 'Url';
  value?: string;
};
export type InputChoiceSet = InputBase & {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  style?: 'compact' | 'expanded';
  placeholder?: string;
  /** Sends the chosen values comma-separated; `value` pre-ticks them the same way. */
  isMultiSelect?: boolean;
  value?: string;
};
export type InputDate = InputBase & { type: 'Input.Date'; value?: string; min?: string; max?: string };
export type InputTime = InputBase & { type: 'Input.Time'; value?: string };
export type InputToggle = InputBase & { type: 'Input.Toggle'; title: string; valueOn: string; valueOff: string; value?: string };
export type Input = InputText | InputChoiceSet | InputDate | InputTime | InputToggle;

export type Container = { type: 'Container'; items: CardElement[]; style?: ContainerStyle; spacing?: Spacing; separator?: boolean };

/** Buttons inside the body, next to what they belong to (a return's link on its agency's row). */
export type ActionSet = { type: 'ActionSet'; actions: CardActionJson[]; spacing?: Spacing };

export type CardElement = TextBlock | RichTextBlock | FactSet | Container | ActionSet | Input;

export type ExecuteAction = {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data: Record<string, string>;
  /** "none" for buttons that must work whatever state the form's required inputs are in. */
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
};
export type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };
export type ShowCardAction = { type: 'Action.ShowCard'; title: string; card: AdaptiveCard };
export type CardActionJson = ExecuteAction | OpenUrlAction | ShowCardAction;

export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema?: string;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions: CardActionJson[];
};

/** The top-level card: the only place `$schema` goes (a ShowCard's inner card does not need it). */
export function adaptiveCard(body: CardElement[], actions: CardActionJson[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, actions };
}

/** The card inside an Action.ShowCard. */
export function subCard(body: CardElement[], actions: CardActionJson[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', version: CARD_VERSION, body, actions };
}

/** Text we write ourselves: Markdown is allowed in it. */
export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string): TextBlock {
  return textBlock(text, { size: 'Large', weight: 'Bolder', style: 'heading' });
}

export function subheading(text: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium', ...options });
}

/**
 * Text someone typed (a rationale, a comment, a reference), shown exactly as typed: a TextRun is
 * never read as Markdown, so `*` or `[x](y)` in a rationale cannot change how the record looks.
 */
export function verbatim(text: string, options: { italic?: boolean; spacing?: Spacing } = {}): RichTextBlock {
  const run: TextRun = { type: 'TextRun', text, ...(options.italic ? { italic: true } : {}) };
  return { type: 'RichTextBlock', inlines: [run], ...(options.spacing ? { spacing: options.spacing } : {}) };
}

export function factSet(facts: Fact[]): FactSet {
  return { type: 'FactSet', facts };
}

export function actionSet(actions: CardActionJson[], options: Omit<ActionSet, 'type' | 'actions'> = {}): ActionSet {
  return { type: 'ActionSet', actions, ...options };
}

export function container(items: CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...options };
}

/**
 * An Action.Execute. The data is typed by the verb's schema so a card cannot send a field the bot
 * does not expect; it never carries the clicker's identity (the bot reads it from the activity).
 */
export function execute<V extends Verb>(
  title: string,
  verb: V,
  data: VerbCardData<V>,
  options: { associatedInputs?: 'auto' | 'none'; style?: ExecuteAction['style'] } = {},
): ExecuteAction {
  const stringData: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string') stringData[key] = value;
  return { type: 'Action.Execute', title, verb, data: stringData, ...options };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function showCard(title: string, card: AdaptiveCard): ShowCardAction {
  return { type: 'Action.ShowCard', title, card };
}
