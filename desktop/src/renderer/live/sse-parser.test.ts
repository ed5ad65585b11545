import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.ts';

describe('SseParser', () => {
  it('dispatches an event at the blank line, with its id, name and data', () => {
    const parser = new SseParser();
    expect(parser.push('id: 7\nevent: timeline\ndata: {"seq":7}\n\n')).toEqual([
      { id: '7', event: 'timeline', data: '{"seq":7}' },
    ]);
  });

  it('joins events split anywhere across chunks, with LF, CRLF and CR line ends', () => {
    const parser = new SseParser();
    const text = 'id: 1\r\nevent: a\r\ndata: one\r\n\r\nid: 2\revent: b\rdata: two\r\rdata: three\n\n';
    const messages = [...text].flatMap((char) => parser.push(char));
    expect(messages).toEqual([
      { id: '1', event: 'a', data: 'one' },
      { id: '2', event: 'b', data: 'two' },
      // The id carries over, as EventSource reports lastEventId.
      { id: '2', event: 'message', data: 'three' },
    ]);
  });

  it('ignores keep-alive comments and events without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nevent: ping\n\n')).toEqual([]);
  });

  it('joins multi-line data with newlines and keeps the value after one leading space', () => {
    const parser = new SseParser();
    expect(parser.push('data:  indented\ndata: second\n\n')).toEqual([
      { id: undefined, event: 'message', data: ' indented\nsecond' },
    ]);
  });
});
