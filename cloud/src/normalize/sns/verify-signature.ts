import { verify } from 'node:crypto';
import { cachedCertificate, type FetchCertificate } from './certificate-cache.ts';
import type { SnsMessage } from './envelope.ts';
import { SnsSignatureError } from './errors.ts';
import { snsStringToSign } from './string-to-sign.ts';
import { trustedSnsUrl } from './trusted-url.ts';

/** SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA. */
const DIGEST_BY_VERSION: Readonly<Record<string, string>> = { '1': 'sha1', '2': 'sha256' };

/**
 * Checks that Amazon SNS signed `message`: the signing certificate must come from an SNS
 * host over https, be valid at `now`, and its key must verify the signature over the
 * canonical string. Throws SnsSignatureError otherwise; never fetches from an untrusted URL.
 */
export async function verifySnsSignature(
  message: SnsMessage,
  fetchCertificate: FetchCertificate,
  now: Date,
): Promise<void> {
  const version = message.SignatureVersion;
  const digest = Object.hasOwn(DIGEST_BY_VERSION, version) ? DIGEST_BY_VERSION[version] : undefined;
  if (!digest) throw new SnsSignatureError(`unsupported SNS SignatureVersion "${message.SignatureVersion}"`);
  const certificateUrl = trustedSnsUrl(message.SigningCertURL);
  if (!certificateUrl?.pathname.endsWith('.pem')) {
    throw new SnsSignatureError(`untrusted SNS SigningCertURL "${message.SigningCertURL.slice(0, 200)}"`);
  }
  let certificate: Awaited<ReturnType<typeof cachedCertificate>>;
  try {
    certificate = await cachedCertificate(certificateUrl.href, fetchCertificate);
  } catch (error) {
    throw new SnsSignatureError(`could not load the SNS signing certificate ${certificateUrl.href}`, {
      cause: error,
    });
  }
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) {
    throw new SnsSignatureError(
      `the SNS signing certificate ${certificateUrl.href} is not valid at ${now.toISOString()}`,
    );
  }
  const signature = Buffer.from(message.Signature, 'base64');
  const signed = Buffer.from(snsStringToSign(message), 'utf8');
  let valid = false;
  try {
    valid = verify(digest, signed, certificate.publicKey, signature);
  } catch (error) {
    throw new SnsSignatureError('the SNS signature could not be checked', { cause: error });
  }
  if (!valid) {
    throw new SnsSignatureError(`SNS message ${message.MessageId.slice(0, 100)} has an invalid signature`);
  }
}
