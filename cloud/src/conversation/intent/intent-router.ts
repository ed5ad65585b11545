import type { Answer, IntentAnswer, RouterContext } from '../answers/answer.ts';
import { changesAnswer } from '../answers/changes-answer.ts';
import { describeAnswer } from '../answers/describe-answer.ts';
import { eventsAnswer } from '../answers/events-answer.ts';
import { evidenceAnswer } from '../answers/evidence-answer.ts';
import { fixAnswer } from '../answers/fix-answer.ts';
import { helpAnswer } from '../answers/help-answer.ts';
import { kubectlAnswer } from '../answers/kubectl-answer.ts';
import { logsAnswer } from '../answers/logs-answer.ts';
import { statusAnswer } from '../answers/status-answer.ts';
import type { Intent } from './classify-intent.ts';

/** Every intent and the answer it gets: the whole router, in one visible map. */
const ANSWERS: Record<Intent, IntentAnswer> = {
  kubectl: kubectlAnswer,
  logs: logsAnswer,
  events: eventsAnswer,
  changes: changesAnswer,
  describe: describeAnswer,
  fix: fixAnswer,
  evidence: evidenceAnswer,
  status: statusAnswer,
  help: helpAnswer,
};

/** The deterministic answer to a classified question. */
export async function routeQuestion(context: RouterContext): Promise<Answer> {
  const intent = context.question.intent;
  const answer = await ANSWERS[intent](context);
  return { ...answer, answeredBy: `intent-router:${intent}` };
}
