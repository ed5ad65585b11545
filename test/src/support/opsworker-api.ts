import { Alert, Investigation, RuleDecision, TimelineEvent } from '@opsworker/shared';
import { z } from 'zod';
import type { OpsWorkerClient } from './opsworker-client.ts';

type Api = Pick<OpsWorkerClient, 'api'>;

/** `GET /api/alerts/{id}`: the alert and why it was or was not investigated. */
export const AlertDetail = Alert.extend({ decisions: z.array(RuleDecision) });
export type AlertDetail = z.infer<typeof AlertDetail>;

/** `GET /api/investigations/{id}`: the investigation with its alerts. */
export const InvestigationDetail = Investigation.extend({ alerts: z.array(Alert) });
export type InvestigationDetail = z.infer<typeof InvestigationDetail>;

/**
 * GETs a path and parses the body with a contract schema: a response that does not match the
 * contract fails the test where it is read, not three assertions later.
 */
export async function getJson<T extends z.ZodType>(
  client: Api,
  path: string,
  schema: T,
): Promise<z.infer<T>> {
  const response = await client.api(path);
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return schema.parse(JSON.parse(text));
}

/** Every item of a paged list, following `nextCursor` until the last page. */
export async function listAll<T extends z.ZodType>(
  client: Api,
  path: string,
  item: T,
): Promise<z.infer<T>[]> {
  const Page = z.object({ items: z.array(item), nextCursor: z.string().optional() });
  const items: z.infer<T>[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let cursor: string | undefined;
  do {
    const query = `limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await getJson(client, `${path}${separator}${query}`, Page);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const listAlerts = (client: Api): Promise<Alert[]> => listAll(client, '/api/alerts', Alert);

export const listInvestigations = (client: Api, query = ''): Promise<Investigation[]> =>
  listAll(client, `/api/investigations${query ? `?${query}` : ''}`, Investigation);

export const getAlert = (client: Api, id: string): Promise<AlertDetail> =>
  getJson(client, `/api/alerts/${encodeURIComponent(id)}`, AlertDetail);

export const getInvestigation = (client: Api, id: string): Promise<InvestigationDetail> =>
  getJson(client, `/api/investigations/${encodeURIComponent(id)}`, InvestigationDetail);

export async function getTimeline(client: Api, investigationId: string): Promise<TimelineEvent[]> {
  const path = `/api/investigations/${encodeURIComponent(investigationId)}/timeline`;
  return (await getJson(client, path, z.object({ items: z.array(TimelineEvent) }))).items;
}
