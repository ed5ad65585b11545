import type { ChatMessage } from '@opsworker/shared';
import { useCallback, useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { useAsync } from '../common/use-async.ts';
import { useSession } from '../connection/ConnectionContext.tsx';

export interface Conversation {
  messages: readonly ChatMessage[];
  loading: boolean;
  loadError: string | undefined;
  /** The question being answered, shown in place until the answer arrives. */
  pending: string | undefined;
  askError: string | undefined;
  ask: (text: string) => Promise<boolean>;
}

/**
 * The follow-up conversation about one investigation, as stored on the server. `changes` counts
 * the timeline's `message` events, so questions asked elsewhere (a Slack thread) appear too.
 */
export function useConversation(investigationId: string, changes: number): Conversation {
  const { api } = useSession();
  const stored = useAsync(() => api.messages(investigationId), [api, investigationId, changes]);
  const [pending, setPending] = useState<string>();
  const [askError, setAskError] = useState<string>();
  const { data, set } = stored;

  const ask = useCallback(
    async (text: string) => {
      setPending(text);
      setAskError(undefined);
      try {
        const { question, answer } = await api.ask(investigationId, text);
        const known = new Set((data ?? []).map((message) => message.id));
        set([...(data ?? []), ...[question, answer].filter((message) => !known.has(message.id))]);
        return true;
      } catch (failure) {
        setAskError(errorMessage(failure));
        return false;
      } finally {
        setPending(undefined);
      }
    },
    [api, investigationId, data, set],
  );

  return {
    messages: data ?? [],
    loading: stored.loading && !data,
    loadError: stored.error,
    pending,
    askError,
    ask,
  };
}
