import { isSecretName } from './secret-names.ts';

/** What replaces a secret. Kept short and greppable. */
export const REDACTED = '[REDACTED]';

// A name that may hold a secret; isSecretName makes the final call.
const NAME = '[A-Za-z0-9_.-]*(?:pass|pwd|secret|token|key|credential|auth|dsn|sig|cookie)[A-Za-z0-9_.-]*';
// Values: escaped-quoted (inside a JSON string), double-quoted, single-quoted, bare.
const VALUE = String.raw`(?:\\"((?:[^"\\]|\\[^"])*)\\"|"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^\s"'\x60,;&)}\]<>]+))`;

/** `NAME=value`, `name: value`, `"name": "value"`, `--name=value`, `name => "value"` anywhere in a line. */
const INLINE_PAIR = new RegExp(
  String.raw`(?<![A-Za-z0-9_.-])(\\?["']?)(${NAME})(\\?["']?)([ \t]*(?:=>|:=|=|:)[ \t]*)${VALUE}`,
  'gi',
);
/** A whole YAML or describe line `  password: some pass phrase`: the rest of the line is the value. */
const LINE_PAIR = new RegExp(
  String.raw`^([ \t]*(?:-[ \t]+)?["']?)(${NAME})(["']?[ \t]*:[ \t]+)([^\n]+)$`,
  'gim',
);
/** `- name: DB_PASSWORD` followed by `value: ...` (pod specs rendered as YAML). */
const YAML_ENV = new RegExp(
  String.raw`(name:[ \t]*["']?(${NAME})["']?[ \t]*\r?\n[ \t]*value:[ \t]*)([^\n]+)`,
  'gi',
);
/** `{"name":"DB_PASSWORD","value":"..."}`, also escaped inside a JSON string (last-applied annotations). */
const JSON_ENV = new RegExp(
  String.raw`(\\?"name\\?"[ \t]*:[ \t]*\\?"(${NAME})\\?"[ \t]*,[ \t]*\\?"value\\?"[ \t]*:[ \t]*)(\\"(?:[^"\\]|\\[^"])*\\"|"(?:[^"\\]|\\.)*")`,
  'gi',
);
/** `<password>...</password>` in XML configs. */
const XML_PAIR = new RegExp(String.raw`<(${NAME})>([^<\n]+)</\1>`, 'gi');
/** Prose such as `login failed with password 'Summer2024!'`; not `secret "db-creds" not found`, which names a Secret. */
const PROSE_PASSWORD =
  /\b(pass(?:word|wd|phrase))([ \t]+(?:is[ \t]+|was[ \t]+|of[ \t]+)?)(["'])([^"'\n]{3,}?)\3/gi;
/** `--password hunter2` on a command line. */
const FLAG_SPACE_VALUE = new RegExp(String.raw`(?<![\w-])(--${NAME})([ \t]+)([^\s-][^\s"']*)`, 'gi');
/** `Server=db;User Id=app;Password=my pass;` — the value runs to the `;`. */
const CONNECTION_PASSWORD =
  /((?:^|;)[ \t]*(?:password|pwd)[ \t]*=[ \t]*)([^;\n"']+)(?=;)|(;[ \t]*(?:password|pwd)[ \t]*=[ \t]*)([^;\n"']+)/gim;
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#'"]*):([^\s@/?#'"]+)@/gi;
const BEARER = /\b(bearer)([ \t]+)([A-Za-z0-9._~+/-]{8,})(=*)/gi;
const BASIC = /\b(basic)([ \t]+)([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/gi;
const PEM = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \1-----|$)/g;
/** Self-identifying credentials: AWS key ids, JWTs, GitHub, GitLab, Slack, Stripe, Google, npm, OpenAI, SendGrid, Vault. */
const KNOWN_TOKENS = new RegExp(
  [
    String.raw`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b`,
    String.raw`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`,
    String.raw`\bgh[pousr]_[A-Za-z0-9]{36,255}\b`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{22,255}\b`,
    String.raw`\bglpat-[A-Za-z0-9_-]{20,}\b`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}\b`,
    String.raw`\bxapp-\d-[A-Za-z0-9-]{10,}\b`,
    String.raw`\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b`,
    String.raw`\bwhsec_[A-Za-z0-9+/]{16,}`,
    String.raw`\bAIza[0-9A-Za-z_-]{35}\b`,
    String.raw`\bnpm_[A-Za-z0-9]{36}\b`,
    String.raw`\bsk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{20,}\b`,
    String.raw`\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b`,
    String.raw`\bhvs\.[A-Za-z0-9_-]{24,}`,
  ].join('|'),
  'g',
);
const SLACK_WEBHOOK = /(hooks\.slack\.com\/(?:services|workflows)\/)[A-Za-z0-9/_-]+/g;
/**
 * A bare 40-character base64 string (the shape of an AWS secret access key, checked for mixed
 * case and digits) shortly after `aws`, `secret` or `key` on the same line: scanning every
 * position of a large log for the bare shape alone costs more than all other rules together.
 */
const AWS_SECRET =
  /((?:aws|secret|key)[^\n]{0,60}?)(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;

/** Anything that could possibly need redacting has one of these, or is long (the AWS secret shape). */
const MAYBE =
  /[=:@]|bearer|basic|-----BEGIN|eyJ|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox|xapp-|[rs]k_|whsec_|AIza|npm_|sk-|SG\.|hvs\.|--/i;

/** Not secrets: empty or boolean-ish values, masks, `<set to the key ...>`, `${VAR}` references, templates. */
const PLACEHOLDER =
  /^(?:true|false|null|nil|none|undefined|yes|no|\[REDACTED\]?|\*+|<.*|\$\{.*|\$\(.*|%s|\{\{.*)$/i;

function isPlaceholder(value: string): boolean {
  return value === '' || PLACEHOLDER.test(value);
}

/** Mid-line `word: value` is often prose (`token: refreshed`): only redact values shaped like a credential. */
function looksLikeCredential(value: string): boolean {
  return value.length >= 16 || (value.length >= 5 && /[^A-Za-z]/.test(value));
}

function redactInlinePair(
  match: string,
  open: string,
  name: string,
  close: string,
  separator: string,
  escaped: string | undefined,
  doubled: string | undefined,
  single: string | undefined,
  bare: string | undefined,
): string {
  if (!isSecretName(name)) return match;
  const value = escaped ?? doubled ?? single ?? bare ?? '';
  if (isPlaceholder(value)) return match;
  // `"token_budget": 20000`: a number after a colon is JSON or YAML data, not a credential.
  if (bare !== undefined && !separator.includes('=') && (!looksLikeCredential(bare) || /^\d+$/.test(bare))) {
    return match;
  }
  const prefix = `${open}${name}${close}${separator}`;
  if (escaped !== undefined) return `${prefix}\\"${REDACTED}\\"`;
  if (doubled !== undefined) return `${prefix}"${REDACTED}"`;
  if (single !== undefined) return `${prefix}'${REDACTED}'`;
  return `${prefix}${REDACTED}`;
}

function redactLinePair(
  match: string,
  indent: string,
  name: string,
  separator: string,
  value: string,
): string {
  const trimmed = value.trim().replace(/^["']|["']$/g, '');
  if (!isSecretName(name) || isPlaceholder(trimmed) || trimmed.startsWith(REDACTED)) return match;
  return `${indent}${name}${separator}${REDACTED}`;
}

function redactBearer(
  match: string,
  scheme: string,
  space: string,
  token: string,
  padding: string,
  offset: number,
  whole: string,
): string {
  // `Bearer realm="kubernetes", error="invalid_token"` names parameters, not a token.
  const next = whole[offset + match.length];
  if (padding === '=' && /^[a-z_]+$/.test(token) && (next === '"' || next === "'")) return match;
  return `${scheme}${space}${REDACTED}`;
}

function redactBasic(match: string, scheme: string, space: string, encoded: string): string {
  // Only `Basic <base64 of user:password>`; "basic configuration" stays.
  const decoded = Buffer.from(encoded, 'base64').toString('latin1');
  return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(decoded) ? `${scheme}${space}${REDACTED}` : match;
}

function redactAwsSecret(match: string, context: string, candidate: string): string {
  const mixed = /[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /[0-9]/.test(candidate);
  return mixed ? `${context}${REDACTED}` : match;
}

/**
 * Removes secrets from free text (logs, describe output, config files, event messages):
 * secret-named values in every common syntax, bearer and basic credentials, passwords in URLs
 * and connection strings, PEM private keys, JWTs, AWS keys and vendor tokens. Ordinary text
 * (UUIDs, git SHAs, image digests, `token_count=5`) passes through unchanged.
 */
export function redactText(text: string): string {
  if (text.length < 40 && !MAYBE.test(text)) return text;
  let out = text;
  if (out.includes('PRIVATE KEY')) out = out.replace(PEM, `-----BEGIN $1-----${REDACTED}-----END $1-----`);
  out = out.replace(KNOWN_TOKENS, REDACTED);
  if (out.includes('hooks.slack.com')) out = out.replace(SLACK_WEBHOOK, `$1${REDACTED}`);
  if (out.includes('://'))
    out = out.replace(URL_PASSWORD, (m, head: string, pass: string) =>
      pass === REDACTED ? m : `${head}:${REDACTED}@`,
    );
  if (/bearer/i.test(out)) out = out.replace(BEARER, redactBearer);
  if (/basic/i.test(out)) out = out.replace(BASIC, redactBasic);
  if (/;[ \t]*(?:password|pwd)|(?:password|pwd)[ \t]*=[^;\n]*;/i.test(out)) {
    out = out.replace(
      CONNECTION_PASSWORD,
      (_m, a?: string, _b?: string, c?: string) => `${a ?? c}${REDACTED}`,
    );
  }
  if (out.includes('value')) {
    out = out.replace(YAML_ENV, (m, head: string, name: string, value: string) =>
      isSecretName(name) && !isPlaceholder(value.trim()) ? `${head}${REDACTED}` : m,
    );
    out = out.replace(JSON_ENV, (m, head: string, name: string, value: string) => {
      if (!isSecretName(name)) return m;
      return value.startsWith('\\"') ? `${head}\\"${REDACTED}\\"` : `${head}"${REDACTED}"`;
    });
  }
  if (out.includes('</')) {
    out = out.replace(XML_PAIR, (m, name: string, value: string) =>
      isSecretName(name) && !isPlaceholder(value) ? `<${name}>${REDACTED}</${name}>` : m,
    );
  }
  out = out.replace(PROSE_PASSWORD, `$1$2$3${REDACTED}$3`);
  if (out.includes(':')) out = out.replace(LINE_PAIR, redactLinePair);
  out = out.replace(INLINE_PAIR, redactInlinePair);
  if (out.includes('--')) {
    out = out.replace(FLAG_SPACE_VALUE, (m, flag: string, space: string, value: string) =>
      isSecretName(flag) && !isPlaceholder(value) ? `${flag}${space}${REDACTED}` : m,
    );
  }
  if (out.length >= 40) out = out.replace(AWS_SECRET, redactAwsSecret);
  return out;
}
