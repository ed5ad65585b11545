import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/** What a subcommand gets once the slash command is acked: who asked where, and how to answer. */
export interface CommandContext {
  command: SlashCommand;
  /** Answers through the response URL (valid 30 minutes, 5 uses). */
  respond: RespondFn;
  client: WebClient;
}
