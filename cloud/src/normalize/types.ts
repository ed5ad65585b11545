import type { NormalizedAlert } from '@opsworker/shared';

/** How SNS envelopes are checked. `fetchCertificate` returns the PEM text at a signing-certificate URL. */
export interface SnsOptions {
  /** False skips signature checks entirely: only for local testing (the server warns at start). */
  verify: boolean;
  fetchCertificate: (url: string) => Promise<string>;
}

export interface NormalizeOptions {
  /** When the webhook arrived: the start time of alerts whose source gives none. */
  receivedAt: Date;
  /** Required to accept CloudWatch alarms, which arrive inside SNS envelopes. */
  sns?: SnsOptions;
}

export type SnsSubscriptionMessageType = 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

/** What a webhook body turned into: alerts, an SNS subscription handshake, or nothing worth keeping. */
export type NormalizationResult =
  | { kind: 'alerts'; alerts: NormalizedAlert[] }
  | { kind: 'sns_subscription'; type: SnsSubscriptionMessageType; topicArn: string; subscribeUrl: string }
  | { kind: 'ignored'; reason: string };

/** One alert source's normalizer: validates its own payload shape and maps it to alerts. */
export type SourceNormalizer = (body: unknown, options: NormalizeOptions) => Promise<NormalizationResult>;
