import { InvestigationStatus, RESOURCE_KINDS, SEVERITIES } from '@opsworker/shared';

/** Choices for selects, straight from the contracts so they never drift from the API. */
export const INVESTIGATION_STATUSES = InvestigationStatus.options;
export const SEVERITY_OPTIONS = SEVERITIES;
export const KIND_OPTIONS = RESOURCE_KINDS;
