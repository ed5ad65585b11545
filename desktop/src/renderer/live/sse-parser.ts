/** One server-sent event as the stream delivered it. */
export interface SseMessage {
  /** The `id:` of this event, or the last one seen on the stream (as EventSource reports it). */
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Incremental parser for a `text/event-stream` body, per the HTML standard: chunks may split
 * lines anywhere, lines end in LF, CRLF or CR, `:` lines are comments (keep-alives), and an
 * event is dispatched at a blank line. Needed because EventSource cannot send an
 * Authorization header, so the stream is read with fetch.
 */
export class SseParser {
  #buffer = '';
  #lastId: string | undefined;
  #event = '';
  #data: string[] = [];
  #hasData = false;

  /** Feeds a chunk of text; returns the events it completed. */
  push(chunk: string): SseMessage[] {
    this.#buffer += chunk;
    const messages: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.#buffer);
      // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) break;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const message = this.#line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  #line(line: string): SseMessage | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.#data.push(value);
      this.#hasData = true;
    } else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#lastId = value;
    return undefined;
  }

  #dispatch(): SseMessage | undefined {
    const message = this.#hasData
      ? { id: this.#lastId, event: this.#event || 'message', data: this.#data.join('\n') }
      : undefined;
    this.#event = '';
    this.#data = [];
    this.#hasData = false;
    return message;
  }
}
