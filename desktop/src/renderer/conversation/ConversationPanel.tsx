import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Loading } from '../common/States.tsx';
import { messageBlocks } from './message-blocks.ts';
import { useConversation } from './use-conversation.ts';

const SUGGESTIONS = ['Show the previous logs', 'What changed recently?', 'How do I fix it?'];

/** Ask follow-up questions; answers appear in place and stay with the investigation. */
export function ConversationPanel(props: { investigationId: string; changes: number }) {
  const conversation = useConversation(props.investigationId, props.changes);
  const [text, setText] = useState('');
  const endRef = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a turn is added.
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [count, conversation.pending]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const question = text.trim();
    if (!question || conversation.pending) return;
    setText('');
    if (!(await conversation.ask(question))) setText(question);
  };

  return (
    <section className="conversation" aria-label="Conversation">
      <h3>Ask about this investigation</h3>
      <div className="messages" aria-live="polite">
        {conversation.loading && <Loading what="the conversation" />}
        {conversation.loadError && <p className="error-text">{conversation.loadError}</p>}
        {!conversation.loading && count === 0 && !conversation.pending && (
          <p className="muted">
            Questions and answers are kept with the investigation and shared with Slack.
          </p>
        )}
        {conversation.messages.map((message) => (
          <div key={message.id} className={`message message-${message.role}`}>
            <div className="message-meta">
              {message.role === 'user' ? (message.author ?? 'You') : 'OpsWorker'}
              {message.answeredBy && <span className="muted"> · {message.answeredBy}</span>}
            </div>
            <div className="message-text">
              {messageBlocks(message.text).map((block, index) =>
                block.kind === 'code' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blocks are a fixed rendering of one text.
                  <pre key={index} className="raw-output">
                    {block.text}
                  </pre>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                  <p key={index}>{block.text}</p>
                ),
              )}
            </div>
          </div>
        ))}
        {conversation.pending && (
          <>
            <div className="message message-user">
              <div className="message-meta">You</div>
              <div className="message-text">{conversation.pending}</div>
            </div>
            <div className="message message-assistant" aria-busy="true">
              <span className="spinner" aria-hidden="true" /> Looking into it…
            </div>
          </>
        )}
        <div ref={endRef} />
      </div>
      {conversation.askError && <p className="error-text">{conversation.askError}</p>}
      <div className="suggestions">
        {SUGGESTIONS.map((suggestion) => (
          <button key={suggestion} type="button" className="chip" onClick={() => setText(suggestion)}>
            {suggestion}
          </button>
        ))}
      </div>
      <form className="ask" onSubmit={submit}>
        <textarea
          aria-label="Your question"
          placeholder="Ask a follow-up question…"
          value={text}
          rows={2}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) void submit(event);
          }}
        />
        <button type="submit" disabled={!text.trim() || Boolean(conversation.pending)}>
          Ask
        </button>
      </form>
    </section>
  );
}
