import type { CloudAdapter, TurnContext } from 'botbuilder';

/**
 * botbuilder's CloudAdapter speaks Express-style request/response objects; Azure Functions v4
 * hands us a fetch-style request and wants a plain response back. This bridges the two without
 * touching what the adapter does (authentication, invoke responses).
 */

export type BridgedResponse = { status: number; body?: unknown; headers: Record<string, string> };

export async function processWithAdapter(
  adapter: CloudAdapter,
  request: { method: string; headers: Record<string, string>; body: Record<string, unknown> },
  logic: (context: TurnContext) => Promise<void>,
): Promise<BridgedResponse> {
  const response: BridgedResponse = { status: 200, headers: {} };
  const res = {
    socket: undefined,
    status(code: number) {
      response.status = code;
      return res;
    },
    header(name: string, value: unknown) {
      response.headers[name] = String(value);
      return res;
    },
    send(body?: unknown) {
      response.body = body;
      return res;
    },
    end() {
      return res;
    },
  };
  await adapter.process({ method: request.method, headers: request.headers, body: request.body }, res, logic);
  return response;
}
