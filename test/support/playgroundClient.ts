import WebSocket from 'ws';

/**
 * Drives the Agents Playground the way its web UI does (its internal routes, pinned to version
 * 0.2.28) and records what its Bot Connector received, from the two websockets the UI listens on.
 */

export type ConversationFrame = {
  action: 'createMessage' | 'updateMessage' | 'typing';
  actionConversationId: string;
  message?: { messageId: string; text?: string; attachments?: { contentType: string; content: unknown }[]; postConversationId?: string };
};

export class PlaygroundClient {
  readonly frames: ConversationFrame[] = [];
  readonly logs: unknown[] = [];
  private sockets: WebSocket[] = [];

  constructor(readonly url: string) {}

  async connect(): Promise<void> {
    const ws = this.url.replace('http://', 'ws://');
    const open = (path: string, sink: (data: unknown) => void) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`${ws}${path}`);
        socket.on('message', (data) => sink(JSON.parse(data.toString())));
        socket.once('open', () => resolve());
        socket.once('error', reject);
        this.sockets.push(socket);
      });
    await open('/_ws_conversation/v1/conversations/stream', (d) => this.frames.push(d as ConversationFrame));
    await open('/_ws/log/stream', (d) => this.logs.push(d));
  }

  close(): void {
    for (const s of this.sockets) s.close();
  }

  /** A message typed by the Playground's current user, mentioning the bot (channels and group chats need it). */
  async say(conversationId: string, text: string, bot: { id: string; name: string }): Promise<{ messageId: string; postConversationId?: string }> {
    const mention = `<at>${bot.name}</at>`;
    const response = await fetch(`${this.url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'user-id-0' }, text: `${mention} ${text}`, textFormat: 'plain', mentions: [{ mentioned: { id: bot.id, name: bot.name }, text: mention }] }),
    });
    if (!response.ok) throw new Error(`say failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { messageId: string; postConversationId?: string };
  }

  /** A click on an Action.Execute button by `fromId`, as the Playground's UI sends it. */
  async click(args: { fromId: string; conversationId: string; replyToId: string; verb: string; data: Record<string, unknown> }): Promise<{ status: number; card: unknown }> {
    const response = await fetch(`${this.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'adaptiveCard/action', from: { id: args.fromId }, conversation: { id: args.conversationId }, replyToId: args.replyToId, value: { action: { type: 'Action.Execute', verb: args.verb, data: args.data } } }),
    });
    const body = (await response.json()) as { type?: string; value?: unknown };
    return { status: response.status, card: body.value };
  }

  /** Waits for a bot message (or update) whose card satisfies `match`. */
  async waitForCard(match: (frame: ConversationFrame, cardJson: string) => boolean, timeoutMs = 15_000): Promise<ConversationFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.message?.attachments?.length && match(f, JSON.stringify(f.message.attachments[0]!.content)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching card arrived within ${timeoutMs} ms; frames seen:\n${this.frames.map((f) => `${f.action} ${f.actionConversationId}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
