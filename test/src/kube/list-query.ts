import { badRequest } from './api-status.ts';
import type { IncludeObject } from './table/to-table.ts';

/** The list and watch query parameters the fake honours, parsed and checked. */
export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
  watch: boolean;
  resourceVersion?: string;
  timeoutSeconds?: number;
  sendInitialEvents: boolean;
  includeObject: IncludeObject;
}

/** Reads an integer query parameter; a malformed one is the API server's 400. */
export function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`invalid value for ${name}: "${raw}": must be an integer`);
  return Number(raw);
}

/** True for the API's boolean query values ("true", "1"). */
export function boolParam(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw === 'true' || raw === '1';
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  const include = query.get('includeObject') ?? 'Metadata';
  if (include !== 'None' && include !== 'Metadata' && include !== 'Object') {
    throw badRequest(
      `includeObject: Unsupported value: "${include}": supported values: "None", "Metadata", "Object"`,
    );
  }
  const optional = (name: string) => query.get(name) ?? undefined;
  return {
    labelSelector: optional('labelSelector'),
    fieldSelector: optional('fieldSelector'),
    limit: intParam(query, 'limit'),
    continueToken: optional('continue'),
    watch: boolParam(query, 'watch'),
    resourceVersion: optional('resourceVersion'),
    timeoutSeconds: intParam(query, 'timeoutSeconds'),
    sendInitialEvents: boolParam(query, 'sendInitialEvents'),
    includeObject: include,
  };
}
