/**
 * Decides whether a field, variable or header name holds a secret (`DB_PASSWORD`, `apiKey`,
 * `x-auth-token`, `AWS_SECRET_ACCESS_KEY`) as opposed to something about a secret
 * (`token_count`, `secretName`, `password_file`, `max_tokens`).
 */

/** A name with one of these words holds a secret... */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'credential',
  'credentials',
  'apikey',
  'auth',
  'authorization',
  'dsn',
  'privatekey',
  'accesskey',
  'secretkey',
  'cookie',
  'signature',
  'sig',
]);

/** ...as does `<one of these> key`, e.g. api_key, ACCESS_KEY, signing-key... */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'private',
  'secret',
  'signing',
  'encryption',
  'master',
  'client',
  'session',
  'account',
  'license',
  'service',
  'shared',
  'subscription',
  'storage',
  'webhook',
  'app',
  'consumer',
  'ssh',
  'hmac',
]);

/** ...unless the last word says it is about the secret, not the secret itself. */
const ABOUT_WORDS = new Set([
  'name',
  'names',
  'namespace',
  'file',
  'path',
  'dir',
  'ref',
  'id',
  'count',
  'length',
  'len',
  'type',
  'kind',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'age',
  'seconds',
  'version',
  'enabled',
  'disabled',
  'required',
  'policy',
  'reset',
  'min',
  'max',
  'limit',
  'rotation',
  'arn',
  'url',
  'uri',
  'endpoint',
  'host',
  'port',
  'server',
  'address',
  'provider',
  'method',
  'mode',
  'size',
  'used',
  'usage',
  'total',
  'remaining',
  'format',
  'algorithm',
  'scope',
  'scopes',
  'issuer',
  'audience',
  'source',
  'hint',
  'label',
  'location',
  'valid',
  'invalid',
  'error',
  'status',
  'timeout',
  'duration',
  'interval',
  'retries',
  'attempts',
  'strength',
  'budget',
  'realm',
  'changed',
  'updated',
  'created',
  'at',
  'conf',
  'config',
  'cfg',
  'yaml',
  'yml',
  'json',
  'ini',
  'toml',
  'xml',
  'properties',
  'env',
  'template',
]);

const RUN_TOGETHER = /(?:password|passwd|secret|token|apikey|accesskey|secretkey|privatekey|credentials)$/;

/** Splits `AWS_SECRET_ACCESS_KEY`, `apiKey`, `x-auth-token`, `db.password` into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function classify(name: string): boolean {
  // `PWD` alone is the shell's working directory, not a password.
  if (name === 'PWD') return false;
  const parts = words(name);
  const last = parts.at(-1);
  if (last === undefined || ABOUT_WORDS.has(last)) return false;
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i] ?? '';
    if (SECRET_WORDS.has(word)) return true;
    if (word === 'key' && i > 0 && KEY_QUALIFIERS.has(parts[i - 1] ?? '')) return true;
  }
  // Run-together names: PGPASSWORD, AUTHTOKEN, CLIENTSECRET.
  if (RUN_TOGETHER.test(last)) return true;
  // DB_PASS, SMTP_PASS; a lone `pass` is too often a test counter.
  return last === 'pass' && parts.length > 1;
}

const cache = new Map<string, boolean>();
const CACHE_LIMIT = 10_000;

/** True when the name is of a field that holds a secret value. Results are memoized. */
export function isSecretName(name: string): boolean {
  let result = cache.get(name);
  if (result === undefined) {
    result = classify(name);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, result);
  }
  return result;
}
