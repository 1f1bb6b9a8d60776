import { h, replaceContent } from '../dom.js';
import { ApiError } from '../apiError.js';
import { RosterRefusal, rosterApi, type RosterHistory, type RosterIssue } from '../rosterApi.js';
import type { Session } from '../session.js';
import { channelsSection } from './channels.js';

/**
 * The roster page (issue 16), for the business unit: people, their roles and deputies, the
 * partners' absence inboxes, agencies with their contacts and escalation contacts, and absences,
 * changed with a reason. The server checks a change with the partnership file's own schema; a
 * refused save shows the schema's words next to the field they are about, and keeps everything
 * typed (the draft lives here until it is saved). The page is not redrawn by the tab's minute
 * refresh: what someone is typing is never replaced under them.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** The parts of the roster kept here; the rest of it (partnership, calendar, document store) is carried unchanged. */
const SECTIONS: [string, string][] = [
  ['partners', 'Partners'],
  ['businessUnit', 'Business unit'],
  ['reviewGroupChair', 'Review group chair'],
  ['childrensServicesDirector', "Director of children's services"],
  ['partnershipChair', 'Partnership chair'],
  ['independentScrutineer', 'Independent scrutineer'],
  ['strategicPartnershipManager', 'Strategic partnership manager'],
  ['agencies', 'Agencies'],
  ['executive', 'Executive'],
  ['boardMembers', 'Board members'],
  ['absences', 'Absences'],
];

const LABELS: Record<string, string> = {
  aadObjectId: 'Entra object id',
  email: 'Email',
  displayName: 'Name',
  tenantIds: 'Tenants their actions may come from',
  teams: 'Uses Teams',
  organisation: 'Organisation',
  representative: 'Representative',
  deputies: 'Deputies',
  inboxes: 'Absence inboxes',
  name: 'Name',
  id: 'Id',
  contact: 'Contact',
  escalation: 'Escalation contact',
  reviewGroup: 'Review-group agency',
  domesticAbuseService: 'Domestic abuse service',
  partner: 'Answers for partner',
  from: 'From (ISO date and time)',
  to: 'To (ISO date and time)',
  localAuthority: 'Local authority',
  police: 'Police',
  health: 'Health (ICB)',
};

const person = (): Json => ({ aadObjectId: '', email: '', displayName: '' });
/** What "Add" puts in a list, by the list's name. */
const TEMPLATES: Record<string, () => Json> = {
  deputies: person,
  businessUnit: person,
  executive: person,
  boardMembers: person,
  inboxes: () => ({ name: '', email: '' }),
  agencies: () => ({ id: '', name: '', contact: person(), deputies: [], escalation: person(), reviewGroup: false, domesticAbuseService: false }),
  absences: () => ({ aadObjectId: '', from: '', to: '' }),
  tenantIds: () => '',
};

const key = (path: Path) => path.join('.');
const fieldId = (path: Path) => `roster-${path.join('-')}`;
const label = (name: string | number) => (typeof name === 'number' ? `${name + 1}` : (LABELS[name] ?? name.replace(/([A-Z])/g, ' $1').toLowerCase()));

/** What the page holds between draws: the version opened, the draft, the reason, and the last refusal. */
type State = { base?: number; draft?: { [key: string]: Json }; why: string; issues: RosterIssue[]; message?: string; history?: RosterHistory };
const state: State = { why: '', issues: [] };

export function rosterView(session: Session, say: (text: string) => void): HTMLElement {
  const root = h('section', { 'aria-labelledby': 'roster-heading' }, h('h2', { id: 'roster-heading' }, 'Roster'), h('p', {}, 'Reading the roster…'));
  const slots = new Map<string, HTMLElement>();
  // Made once and moved into each draw: its choice survives the roster form being redrawn.
  const channels = channelsSection(session, say, {
    base: () => state.base,
    // A channel change leaves the roster as it is: the draft stays, now based on the new version.
    saved: (version) => {
      state.base = version;
      void load(false);
    },
  });

  async function load(discard: boolean): Promise<void> {
    try {
      if (discard || !state.draft) {
        const read = await rosterApi.read(session);
        state.base = read.version;
        state.draft = read.roster as { [key: string]: Json };
        state.issues = [];
      }
      state.history = await rosterApi.history(session);
      draw();
    } catch (error) {
      replaceContent(root, h('h2', { id: 'roster-heading' }, 'Roster'), h('p', { role: 'alert' }, error instanceof ApiError ? error.message : 'The roster could not be read.'));
    }
  }

  function set(path: Path, value: Json): void {
    let target = state.draft as Json;
    for (const step of path.slice(0, -1)) target = (target as Record<string, Json>)[step as string] as Json;
    (target as Record<string, Json>)[path.at(-1) as string] = value;
  }

  function slot(path: Path): HTMLElement {
    const el = h('span', { class: 'field-error', id: `${fieldId(path)}-error` });
    slots.set(key(path), el);
    return el;
  }

  function input(path: Path, value: Json): HTMLElement {
    const id = fieldId(path);
    if (typeof value === 'boolean') {
      const box = h('input', { type: 'checkbox', id, checked: value, 'aria-describedby': `${id}-error`, 'data-focus-key': id });
      box.addEventListener('change', () => set(path, box.checked));
      return h('div', { class: 'field' }, box, ' ', h('label', { for: id }, label(path.at(-1)!)), ' ', slot(path));
    }
    const text = h('input', { type: 'text', id, value: value === null ? '' : String(value), 'aria-describedby': `${id}-error`, 'data-focus-key': id });
    text.addEventListener('input', () => set(path, typeof value === 'number' ? Number(text.value) : text.value));
    return h('div', { class: 'field' }, h('label', { for: id }, label(path.at(-1)!)), ' ', text, ' ', slot(path));
  }

  function node(path: Path, value: Json, heading: string): HTMLElement {
    if (Array.isArray(value)) {
      const name = String(path.filter((p) => typeof p === 'string').at(-1));
      const items = value.map((item, index) => {
        const remove = h('button', { type: 'button', class: 'remove' }, `Remove ${label(name).replace(/s$/, '')} ${index + 1}`);
        remove.addEventListener('click', () => {
          value.splice(index, 1);
          draw();
        });
        return h('li', {}, node([...path, index], item, `${index + 1}`), remove);
      });
      const template = TEMPLATES[name];
      const add = template && h('button', { type: 'button', class: 'add' }, `Add to ${heading.toLowerCase()}`);
      add?.addEventListener('click', () => {
        value.push(template!());
        draw();
      });
      return h('fieldset', { id: fieldId(path) }, h('legend', {}, heading), slot(path), h('ol', {}, ...items), add);
    }
    if (value !== null && typeof value === 'object') {
      return h('fieldset', { id: fieldId(path) }, h('legend', {}, heading), slot(path), ...Object.entries(value).map(([k, v]) => (v !== null && typeof v === 'object' ? node([...path, k], v, label(k)) : input([...path, k], v))));
    }
    return input(path, value);
  }

  function draw(): void {
    slots.clear();
    const draft = state.draft!;
    const why = h('textarea', { id: 'roster-why', rows: 2, 'aria-describedby': 'roster-request-why-error', 'data-focus-key': 'roster-why' });
    why.value = state.why;
    why.addEventListener('input', () => (state.why = why.value));
    const save = h('button', { type: 'button', id: 'roster-save' }, 'Save the roster');
    save.addEventListener('click', () => void submit(save));
    const reload = h('button', { type: 'button', id: 'roster-reload' }, 'Reload the roster (discards your changes)');
    reload.addEventListener('click', () => void load(true));
    const general = h('div', { id: 'roster-problems', role: 'alert' });
    const download = (format: 'csv' | 'json') => {
      const b = h('button', { type: 'button' }, `Download the history (${format.toUpperCase()})`);
      b.addEventListener('click', () => void rosterApi.download(session, format).then(() => say(`The roster's history has been downloaded (${format.toUpperCase()}).`), (e: unknown) => say(e instanceof ApiError ? e.message : 'The download failed.')));
      return b;
    };
    replaceContent(
      root,
      h('h2', { id: 'roster-heading' }, 'Roster'),
      h('p', {}, `Version ${state.base}. A change is effective at once: cards and reminders go to whoever holds the role when they are sent, and someone taken off the roster can no longer act.`),
      state.message ? h('p', { class: 'notice', role: 'status' }, state.message) : undefined,
      general,
      h('form', { id: 'roster-form', novalidate: true }, ...SECTIONS.filter(([k]) => k in draft).map(([k, heading]) => node([k], draft[k]!, heading))),
      h('div', { class: 'field' }, h('label', { for: 'roster-why' }, 'Why the roster is changing (kept in its history)'), why, ' ', slot(['request', 'why'])),
      h('div', { class: 'controls' }, save, ' ', reload),
      channels,
      h('h3', {}, 'History'),
      h('div', { class: 'controls' }, download('csv'), ' ', download('json')),
      h(
        'table',
        { id: 'roster-history' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Version'), h('th', {}, 'When'), h('th', {}, 'By'), h('th', {}, 'Why'))),
        h('tbody', {}, ...(state.history?.changes ?? []).map((c) => h('tr', {}, h('td', {}, String(c.version)), h('td', {}, new Date(c.at).toLocaleString('en-GB', { timeZone: 'Europe/London' })), h('td', {}, c.by.displayName), h('td', {}, c.why, c.channels ? h('br') : undefined, c.channels ? `Channels: monitoring: ${c.channels.monitoring.label}; decision: ${c.channels.decision.label}.` : undefined)))),
      ),
    );
    // Each problem next to the field it is about, or the nearest part of the form that holds it.
    for (const issue of state.issues) {
      let target: HTMLElement | undefined;
      for (let n = issue.path.length; n > 0 && !target; n--) target = slots.get(key(issue.path.slice(0, n)));
      if (target) {
        target.append(h('span', {}, issue.message));
        document.getElementById(fieldId(issue.path))?.setAttribute('aria-invalid', 'true');
      } else general.append(h('p', {}, `${issue.path.map(label).join(' › ') || 'The roster'}: ${issue.message}`));
    }
  }

  async function submit(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    say('Saving the roster…');
    try {
      const saved = await rosterApi.save(session, { baseVersion: state.base!, why: state.why, roster: state.draft! });
      state.message = `Saved as version ${saved.version}.${saved.cases.length ? ` Open cases whose requests moved to the new holders: ${saved.cases.join(', ')}.` : ''}`;
      state.why = '';
      state.draft = undefined;
      say(state.message);
      await load(true);
    } catch (error) {
      state.issues = error instanceof RosterRefusal ? error.issues : [];
      state.message = error instanceof ApiError ? error.message : 'The roster could not be saved. Your changes are still on the page.';
      say(state.message);
      draw();
      const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
    } finally {
      button.disabled = false;
    }
  }

  void load(false);
  return root;
}
