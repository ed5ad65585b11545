import { generate } from 'selfsigned';

/** A CA and a server certificate it signed, in PEM, for serving HTTPS on 127.0.0.1. */
export interface ServingCertificate {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/**
 * Creates a fresh CA and a server certificate for 127.0.0.1 and localhost. kubectl (Go) needs
 * a real CA chain with SHA-256 signatures and an IP SAN, and sends a bearer token only over TLS.
 */
export async function createServingCertificate(): Promise<ServingCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 7 * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'opsworker-fake-cluster-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes.default.svc' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { caPem: ca.cert, certPem: server.cert, keyPem: server.private };
}
