import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface ChatRequest {
  url: string;
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    messages: { role: string; content?: unknown }[];
    tools?: { function: { name: string } }[];
  };
}

/**
 * A ~30-line stand-in for an OpenAI-compatible server (vLLM, Ollama, Azure OpenAI): answers
 * any POST ending in `/chat/completions` with server-sent chunks. Until the conversation holds
 * a tool result it calls `toolName` with `{}` in two argument deltas; then it streams `text`.
 * Usage comes last, in a chunk without choices, as OpenAI sends it.
 */
export async function startFakeChatCompletions(options: { toolName: string; text: string }) {
  const requests: ChatRequest[] = [];
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method !== 'POST' || !req.url?.split('?')[0]?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as ChatRequest['body'];
    requests.push({ url: req.url, headers: req.headers, body });
    const chunk = (choice: object | undefined, extra: object = {}) =>
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: body.model, choices: choice ? [{ index: 0, finish_reason: null, ...choice }] : [], ...extra })}\n\n`;
    const call = (args: string, first: boolean) => ({
      tool_calls: [
        {
          index: 0,
          ...(first ? { id: 'call_1', type: 'function' } : {}),
          function: { ...(first ? { name: options.toolName } : {}), arguments: args },
        },
      ],
    });
    const answered = body.messages.some((m) => m.role === 'tool');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const events = answered
      ? [
          chunk({ delta: { role: 'assistant', content: options.text } }),
          chunk({ delta: {}, finish_reason: 'stop' }),
        ]
      : [
          chunk({ delta: { role: 'assistant', ...call('{', true) } }),
          chunk({ delta: call('}', false) }),
          chunk({ delta: {}, finish_reason: 'tool_calls' }),
        ];
    for (const event of events) res.write(event);
    res.end(
      `${chunk(undefined, { usage: { prompt_tokens: 120, completion_tokens: 15, total_tokens: 135 } })}data: [DONE]\n\n`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
