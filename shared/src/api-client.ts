import type { Alert, Severity } from './alert.ts';
import type { ChatMessage } from './chat-message.ts';
import type { Insights } from './insights.ts';
import type {
  FeedbackRating,
  Investigation,
  InvestigationStatus,
  ManualInvestigationInput,
  Surface,
  TimelineEvent,
} from './investigation.ts';
import type { Rule, RuleDecision, RuleInput } from './rule.ts';

/** A page of results, newest first; pass `nextCursor` back for the next page. */
export interface ApiPage<T> {
  items: T[];
  nextCursor?: string;
}

/** An investigation as `GET /api/investigations/:id` returns it: with its grouped alerts. */
export type InvestigationDetail = Investigation & { alerts: Alert[] };

export interface InvestigationFilter {
  status?: InvestigationStatus;
  severity?: Severity;
  cluster?: string;
  namespace?: string;
  /** Free text over title and resource name. */
  search?: string;
  limit?: number;
  cursor?: string;
}

export interface RulePreviewResult {
  matched: Alert[];
  decisions: { action: string; reason: string }[];
  total: number;
  activeNow: boolean;
}

/** An error answer from the API: `message` is written for users. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export interface ApiClientOptions {
  /** The server, e.g. `http://127.0.0.1:8080` (no trailing `/api`). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

/**
 * The OpsWorker REST API for front ends (Slack bot, desktop app, portal): plain fetch, so it
 * runs in browsers and in Node alike.
 */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError(
        0,
        'unreachable',
        `OpsWorker at ${base} cannot be reached: ${(error as Error).message}`,
      );
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; field?: string } } | undefined)
        ?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'http_error',
        error?.message ?? `OpsWorker answered ${response.status} ${response.statusText}`,
        error?.field,
      );
    }
    return parsed as T;
  }

  const query = (params: Record<string, string | number | undefined>) => {
    const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
    return entries.length
      ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)]))}`
      : '';
  };
  const id = (value: string) => encodeURIComponent(value);

  return {
    baseUrl: base,
    health: () => call<{ status: string; version: string }>('GET', '/healthz'),

    listInvestigations: (filter: InvestigationFilter = {}) => {
      const { search, ...rest } = filter;
      return call<ApiPage<Investigation>>('GET', `/api/investigations${query({ ...rest, q: search })}`);
    },
    getInvestigation: (investigationId: string) =>
      call<InvestigationDetail>('GET', `/api/investigations/${id(investigationId)}`),
    createInvestigation: (
      input: Partial<ManualInvestigationInput> & Pick<ManualInvestigationInput, 'scope'>,
    ) => call<Investigation>('POST', '/api/investigations', input),
    timeline: async (investigationId: string) =>
      (await call<{ items: TimelineEvent[] }>('GET', `/api/investigations/${id(investigationId)}/timeline`))
        .items,
    messages: async (investigationId: string) =>
      (await call<{ items: ChatMessage[] }>('GET', `/api/investigations/${id(investigationId)}/messages`))
        .items,
    ask: (investigationId: string, text: string, author?: string) =>
      call<{ question: ChatMessage; answer: ChatMessage }>(
        'POST',
        `/api/investigations/${id(investigationId)}/messages`,
        { text, ...(author ? { author } : {}) },
      ),
    feedback: (
      investigationId: string,
      input: { rating: FeedbackRating; comment?: string; by?: string; via?: Surface },
    ) => call<Investigation>('POST', `/api/investigations/${id(investigationId)}/feedback`, input),
    acknowledge: (investigationId: string, by?: string) =>
      call<Investigation>('POST', `/api/investigations/${id(investigationId)}/acknowledge`, by ? { by } : {}),
    rerun: (investigationId: string, requestedBy?: string) =>
      call<Investigation>(
        'POST',
        `/api/investigations/${id(investigationId)}/rerun`,
        requestedBy ? { requestedBy } : {},
      ),

    listAlerts: (
      filter: { status?: 'firing' | 'resolved'; source?: string; limit?: number; cursor?: string } = {},
    ) => call<ApiPage<Alert>>('GET', `/api/alerts${query(filter)}`),
    getAlert: (alertId: string) =>
      call<Alert & { decisions: RuleDecision[] }>('GET', `/api/alerts/${id(alertId)}`),

    listRules: async () => (await call<{ items: Rule[] }>('GET', '/api/rules')).items,
    getRule: (ruleId: string) => call<Rule>('GET', `/api/rules/${id(ruleId)}`),
    createRule: (input: RuleInput) => call<Rule>('POST', '/api/rules', input),
    updateRule: (ruleId: string, input: RuleInput) => call<Rule>('PUT', `/api/rules/${id(ruleId)}`, input),
    deleteRule: (ruleId: string) => call<void>('DELETE', `/api/rules/${id(ruleId)}`),
    previewRule: (rule: unknown, limit?: number) =>
      call<RulePreviewResult>('POST', '/api/rules/preview', { rule, ...(limit ? { limit } : {}) }),

    insights: (options: { days?: number; until?: string } = {}) =>
      call<Insights>('GET', `/api/insights${query(options)}`),
    kubectl: (command: string, options: { cluster?: string; requestedBy?: string } = {}) =>
      call<{ command: string; output: string; truncated: boolean }>('POST', '/api/kubectl', {
        command,
        ...options,
      }),
  };
}

export type OpsWorkerApi = ReturnType<typeof createApiClient>;
