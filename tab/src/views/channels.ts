import { h, replaceContent } from '../dom.js';
import { ApiError } from '../apiError.js';
import { RosterRefusal, rosterApi, type ChannelsRead, type RosterIssue } from '../rosterApi.js';
import type { Session } from '../session.js';

/**
 * The roster page's channels (issue 16): the business unit chooses where the monitoring posts and
 * the partners' decision cards go, from the conversations the bot has been added to (nobody types
 * a conversation id). A save is a roster version like the others, based on the version the page
 * opened: the roster page passes it in and is told the new one, so a roster draft on the same
 * page can still be saved after it (a channel change leaves the roster as it was).
 */

const ROLES = [
  { role: 'monitoring', heading: 'Monitoring channel', help: "The business unit's channel: new referrals are logged there, and the bot reports there what could not be delivered." },
  { role: 'decision', heading: "Partners' decision channel or group chat", help: "Where the three partners' card for each new case is posted." },
] as const;

export const DECISION_MOVE_WORDS =
  "Moving the decision channel while cases are open: every card posted from now on goes to the new channel, for new cases and for the next steps of open ones. The partners' cards already posted stay where they were posted, and keep being updated there as their case goes on; nothing is posted again in the new channel. Reminders and requests to a person are not affected.";

type Choice = { conversationId: string; label: string };
type State = { read?: ChannelsRead; choice?: Record<'monitoring' | 'decision', Choice>; why: string; issues: RosterIssue[]; message?: string };

export function channelsSection(session: Session, say: (text: string) => void, page: { base: () => number | undefined; saved: (version: number) => void }): HTMLElement {
  const root = h('section', { id: 'channels', 'aria-labelledby': 'channels-heading' }, h('h3', { id: 'channels-heading' }, 'Channels'), h('p', {}, 'Reading the channels…'));
  const state: State = { why: '', issues: [] };

  async function load(): Promise<void> {
    try {
      const read = await rosterApi.channels(session);
      state.read = read;
      state.choice = { monitoring: { conversationId: read.channels.monitoring.conversationId, label: read.channels.monitoring.label }, decision: { conversationId: read.channels.decision.conversationId, label: read.channels.decision.label } };
      draw();
    } catch (error) {
      replaceContent(root, h('h3', { id: 'channels-heading' }, 'Channels'), h('p', { role: 'alert' }, error instanceof ApiError ? error.message : 'The channels could not be read.'));
    }
  }

  /** The field a refusal is about: a channel's conversation or name; anything else goes beside the reason. */
  function fieldOf(issue: RosterIssue): string {
    const [first, role, field] = issue.path;
    if ((first === 'channels' || first === 'request') && (role === 'monitoring' || role === 'decision')) return field === 'label' ? `channels-${role}-label` : `channels-${role}`;
    return 'channels-why';
  }
  const errorsFor = (id: string) => state.issues.filter((i) => fieldOf(i) === id).map((i) => h('span', {}, i.message));

  function draw(): void {
    const read = state.read!;
    const choice = state.choice!;
    const fieldsets = ROLES.map(({ role, heading, help }) => {
      const select = h('select', { id: `channels-${role}`, 'aria-describedby': `channels-${role}-help channels-${role}-error` });
      for (const offer of read.offers[role]) {
        const option = h('option', { value: offer.conversationId }, `${offer.name} (${offer.kind === 'groupChat' ? 'group chat' : 'channel'})${offer.current ? ', in force now' : ''}`);
        option.selected = offer.conversationId === choice[role].conversationId;
        select.append(option);
      }
      const label = h('input', { type: 'text', id: `channels-${role}-label`, value: choice[role].label, 'aria-describedby': `channels-${role}-label-error` });
      select.addEventListener('change', () => {
        const offer = read.offers[role].find((o) => o.conversationId === select.value);
        choice[role] = { conversationId: select.value, label: offer?.current ? read.channels[role].label : (offer?.name ?? '') };
        label.value = choice[role].label;
      });
      label.addEventListener('input', () => (choice[role].label = label.value));
      return h(
        'fieldset',
        {},
        h('legend', {}, heading),
        h('p', { id: `channels-${role}-help` }, help),
        h('div', { class: 'field' }, h('label', { for: `channels-${role}` }, 'Conversation'), ' ', select, ' ', h('span', { class: 'field-error', id: `channels-${role}-error` }, ...errorsFor(`channels-${role}`))),
        h('div', { class: 'field' }, h('label', { for: `channels-${role}-label` }, 'Name shown on cards'), ' ', label, ' ', h('span', { class: 'field-error', id: `channels-${role}-label-error` }, ...errorsFor(`channels-${role}-label`))),
        role === 'decision' ? h('p', { id: 'channels-decision-move' }, DECISION_MOVE_WORDS) : undefined,
      );
    });
    const why = h('textarea', { id: 'channels-why', rows: 2, 'aria-describedby': 'channels-why-error' });
    why.value = state.why;
    why.addEventListener('input', () => (state.why = why.value));
    const save = h('button', { type: 'button', id: 'channels-save' }, 'Save the channels');
    save.addEventListener('click', () => void submit(save));
    replaceContent(
      root,
      h('h3', { id: 'channels-heading' }, 'Channels'),
      h('p', {}, 'Only the team channels and group chats the bot has been added to are offered: to use another one, add the app to it in Teams first, then reload this page.'),
      state.message ? h('p', { class: 'notice', role: 'status', id: 'channels-notice' }, state.message) : undefined,
      ...fieldsets,
      h('div', { class: 'field' }, h('label', { for: 'channels-why' }, 'Why the channels are changing (kept in the roster history)'), why, ' ', h('span', { class: 'field-error', id: 'channels-why-error' }, ...errorsFor('channels-why'))),
      h('div', { class: 'controls' }, save),
      read.notOffered.length > 0 ? h('details', {}, h('summary', {}, 'Conversations the bot is in that are not offered'), h('ul', {}, ...read.notOffered.map((n) => h('li', {}, `${n.name}: ${n.why}.`)))) : undefined,
    );
    for (const issue of state.issues) root.querySelector(`#${fieldOf(issue)}`)?.setAttribute('aria-invalid', 'true');
  }

  async function submit(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    say('Saving the channels…');
    try {
      const saved = await rosterApi.saveChannels(session, { baseVersion: page.base() ?? state.read!.version, why: state.why, monitoring: state.choice!.monitoring, decision: state.choice!.decision });
      state.message = `Channels saved as version ${saved.version}. The next posts go to the channels chosen.`;
      state.why = '';
      state.issues = [];
      say(state.message);
      page.saved(saved.version);
      await load();
    } catch (error) {
      state.issues = error instanceof RosterRefusal ? error.issues : [];
      state.message = error instanceof ApiError ? error.message : 'The channels could not be saved. Your choice is still on the page.';
      say(state.message);
      draw();
      root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      button.disabled = false;
    }
  }

  void load();
  return root;
}
