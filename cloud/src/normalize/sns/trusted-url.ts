/** SNS endpoints: `sns.<region>.amazonaws.com`, and `.com.cn` in the China regions. */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * The URL when it points at Amazon SNS itself over https, else undefined. Anything else in a
 * SigningCertURL or SubscribeURL is an attacker's: a certificate of their choosing, or a GET
 * to an internal address made on their behalf. Ports and credentials are refused too.
 */
export function trustedSnsUrl(text: string): URL | undefined {
  const url = URL.parse(text);
  if (url?.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  return SNS_HOST.test(url.hostname) ? url : undefined;
}
