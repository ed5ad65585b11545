import type { Alert, Investigation, TimelineEvent } from '@opsworker/shared';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { alertmanagerPayload, labelFingerprint } from '../support/alertmanager-payload.ts';
import type { OpsWorkerClient } from '../support/opsworker-client.ts';

/** What became of a scenario's alert: the finished investigation, or the rule's reason for none. */
export interface AlertOutcome {
  investigation?: Investigation;
  /** Why no investigation was opened (the rule decision), when none was. */
  notInvestigated?: string;
}

const FINISHED: ReadonlySet<Investigation['status']> = new Set(['completed', 'failed']);

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Sends the scenario's alert to the webhook exactly as Alertmanager would; returns its fingerprint. */
export async function fireScenarioAlert(
  client: OpsWorkerClient,
  scenario: Pick<ScenarioManifest, 'alert'>,
): Promise<string> {
  await json(await client.webhook('alertmanager', alertmanagerPayload([scenario.alert])));
  return labelFingerprint(scenario.alert.labels);
}

/**
 * Waits, polling the API with a deadline, until the alert with this fingerprint is decided on and
 * its investigation (if the rules opened one) has finished.
 */
export async function awaitAlertOutcome(
  client: OpsWorkerClient,
  fingerprint: string,
  timeoutMs = 20_000,
): Promise<AlertOutcome> {
  const deadline = Date.now() + timeoutMs;
  let seen: unknown = 'nothing yet';
  while (Date.now() < deadline) {
    const { items } = await json<{ items: Alert[] }>(await client.api('/api/alerts?limit=500'));
    // Stored fingerprints carry their source (`alertmanager:<fingerprint>`).
    const alert = items.find(
      (c) => c.fingerprint === fingerprint || c.fingerprint.endsWith(`:${fingerprint}`),
    );
    if (alert?.investigationId) {
      const investigation = await json<Investigation>(
        await client.api(`/api/investigations/${alert.investigationId}`),
      );
      seen = investigation.status;
      if (FINISHED.has(investigation.status)) return { investigation };
    } else if (alert?.decisionId) {
      const detail = await json<Alert & { decisions: Array<{ action: string; reason: string }> }>(
        await client.api(`/api/alerts/${alert.id}`),
      );
      const decision = detail.decisions[0];
      if (decision && decision.action !== 'investigate') return { notInvestigated: decision.reason };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`alert ${fingerprint} did not finish within ${timeoutMs} ms (last seen: ${String(seen)})`);
}

/** Starts an investigation by hand (as the desktop app and Slack do) and waits for it to finish. */
export async function investigateByHand(
  client: OpsWorkerClient,
  input: { scope: Investigation['scope']; question?: string },
  timeoutMs = 20_000,
): Promise<Investigation> {
  const started = await json<Investigation>(
    await client.api('/api/investigations', { method: 'POST', body: JSON.stringify(input) }),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const investigation = await json<Investigation>(await client.api(`/api/investigations/${started.id}`));
    if (FINISHED.has(investigation.status)) return investigation;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`investigation ${started.id} did not finish within ${timeoutMs} ms`);
}

/** The stored timeline of an investigation, oldest first. */
export async function timelineOf(client: OpsWorkerClient, investigationId: string): Promise<TimelineEvent[]> {
  return (
    await json<{ items: TimelineEvent[] }>(
      await client.api(`/api/investigations/${investigationId}/timeline`),
    )
  ).items;
}
