import { SnsConfirmationError } from './errors.ts';
import { trustedSnsUrl } from './trusted-url.ts';

/** AWS answers a confirmation in well under a second; a hung GET must not hold a request open. */
const CONFIRM_TIMEOUT_MS = 10_000;

/**
 * Confirms an SNS subscription by GETting its SubscribeURL, after checking the URL is an SNS
 * ConfirmSubscription call over https: the URL comes from the request body, and a forged one
 * must not make OpsWorker call an address of the sender's choosing.
 */
export async function confirmSnsSubscription(subscribeUrl: string, fetchImpl: typeof fetch): Promise<void> {
  const url = trustedSnsUrl(subscribeUrl);
  if (url?.searchParams.get('Action') !== 'ConfirmSubscription') {
    throw new SnsConfirmationError(`untrusted SNS SubscribeURL "${subscribeUrl.slice(0, 200)}"`);
  }
  let response: Response;
  try {
    response = await fetchImpl(url.href, {
      method: 'GET',
      redirect: 'error',
      signal: AbortSignal.timeout(CONFIRM_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SnsConfirmationError(`could not reach ${url.host} to confirm the SNS subscription`, {
      cause: error,
    });
  }
  // Release the body: AWS's XML answer carries nothing we need.
  await response.body?.cancel();
  if (!response.ok) {
    throw new SnsConfirmationError(
      `${url.host} refused the SNS subscription confirmation: HTTP ${response.status}`,
    );
  }
}
