import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { slackUserName } from '../../app/slack-user-name.ts';
import { userFacingError } from '../../app/user-facing-error.ts';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** What a button handler gets: the investigation (the button's value) and who clicked, by name. */
export interface Click {
  investigationId: string;
  userId: string;
  userName: string;
  /** The message the button sits on. */
  channel: string | undefined;
  messageTs: string | undefined;
  threadTs: string | undefined;
}

/**
 * Wraps a button handler: ack at once (Slack's 3 seconds), read the investigation id from the
 * button's value, and turn failures into a sentence shown only to the one who clicked.
 */
export function investigationAction(
  deps: ListenerDeps,
  doing: string,
  handle: (click: Click, args: ButtonArgs) => Promise<void>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, action, client, respond } = args;
    const investigationId = action.value;
    if (!investigationId) return;
    try {
      const userName = await slackUserName(client, body.user.id, body.user.name ?? body.user.username);
      const message = body.message as { ts?: string; thread_ts?: string } | undefined;
      await handle(
        {
          investigationId,
          userId: body.user.id,
          userName,
          channel: body.channel?.id ?? body.container?.channel_id,
          messageTs: message?.ts ?? body.container?.message_ts,
          threadTs: message?.thread_ts,
        },
        args,
      );
    } catch (error) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `:warning: ${userFacingError(error, deps.log, doing)}`,
      }).catch((failure: unknown) => deps.log.error('slack: could not answer a button click', failure));
    }
  };
}
