import type { FuzzRequest } from './fuzz-request.ts';

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

/** A body over 1 MiB sent chunked, with no Content-Length to refuse it by up front. */
function oversizedStream(): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent > 1024 * 1024 + CHUNK.length) controller.close();
      else {
        controller.enqueue(CHUNK);
        sent += CHUNK.length;
      }
    },
  });
}

export async function sendFuzzRequest(baseUrl: string, request: FuzzRequest): Promise<FuzzResponse> {
  const streamed = request.body === 'oversized-stream';
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: streamed ? oversizedStream() : request.body,
    ...(streamed ? { duplex: 'half' } : {}),
    signal: AbortSignal.timeout(5_000),
  } as RequestInit);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}
