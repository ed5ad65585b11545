/**
 * Secrets planted in the places they really leak from: env dumps, structured and plain logs,
 * config files, URLs, headers, command lines, pod specs. Every `secret` must be gone after
 * redaction. The values are fabricated; vendor tokens only have the right shape.
 */
export type PlantedText = { context: string; text: string; secret: string };
export type PlantedValue = { context: string; value: unknown; secret: string };

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const pemBody =
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\nNMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ';
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ghToken = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const slackBot = 'xoxb-2048203718-5046320188432-Fk3jDqKLmNpRsTuVwXyZa1b2';
const stripe = 'sk_live_51HqLyjWDarjtT1zdp7dc2Rz9Kc';
const google = 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';

export const PLANTED_TEXTS: PlantedText[] = [
  { context: 'env dump', text: 'DB_PASSWORD=s3cr3tP@ss', secret: 's3cr3tP@ss' },
  { context: 'shell export', text: `export AWS_SECRET_ACCESS_KEY=${awsSecret}`, secret: awsSecret },
  {
    context: 'aws key id in env',
    text: 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    secret: 'AKIAIOSFODNN7EXAMPLE',
  },
  {
    context: 'aws key id in prose',
    text: 'using credentials AKIAZ3MHALZ7QK2XW4PT from profile default',
    secret: 'AKIAZ3MHALZ7QK2XW4PT',
  },
  {
    context: 'sts key id',
    text: 'assumed role, key ASIAY34FZKBOKMUTVV7A expires in 3600s',
    secret: 'ASIAY34FZKBOKMUTVV7A',
  },
  {
    context: 'bare aws secret',
    text: `aws configure set aws_secret_access_key ${awsSecret}`,
    secret: awsSecret,
  },
  {
    context: 'logfmt',
    text: 'level=info msg="connecting" user=app password=hunter2 host=db',
    secret: 'hunter2',
  },
  {
    context: 'json log',
    text: '{"level":"debug","msg":"config loaded","api_key":"k-93f8a7b6c5d4e3f2"}',
    secret: 'k-93f8a7b6c5d4e3f2',
  },
  {
    context: 'escaped json in json',
    text: '{"msg":"payload","body":"{\\"password\\":\\"pa55word!\\",\\"user\\":\\"x\\"}"}',
    secret: 'pa55word!',
  },
  {
    context: 'yaml config line',
    text: 'database:\n  user: app\n  password: correct horse battery staple\n',
    secret: 'correct horse battery staple',
  },
  {
    context: 'yaml env pair',
    text: '        - name: JWT_SIGNING_SECRET\n          value: my-jwt-signing-secret-value\n',
    secret: 'my-jwt-signing-secret-value',
  },
  {
    context: 'json env pair',
    text: '{"name":"SESSION_SECRET","value":"sess-7f9a8b6c5d"}',
    secret: 'sess-7f9a8b6c5d',
  },
  {
    context: 'last-applied annotation',
    text: '{"spec":{"containers":[{"env":[{"name":"ADMIN_TOKEN","value":"adm-tok-0042"}]}]}}',
    secret: 'adm-tok-0042',
  },
  {
    context: 'escaped env pair',
    text: '"{\\"name\\":\\"DB_PASS\\",\\"value\\":\\"pg-pass-777\\"}"',
    secret: 'pg-pass-777',
  },
  { context: 'bearer jwt header', text: `Authorization: Bearer ${jwt}`, secret: jwt },
  {
    context: 'curl bearer',
    text: 'curl -H "Authorization: Bearer abcdef0123456789abcdef" https://api.example.com',
    secret: 'abcdef0123456789abcdef',
  },
  {
    context: 'lowercase bearer',
    text: 'headers={authorization: bearer q8w7e6r5t4y3u2i1o0p9}',
    secret: 'q8w7e6r5t4y3u2i1o0p9',
  },
  {
    context: 'basic auth header',
    text: 'Authorization: Basic YWRtaW46c3VwZXJzZWNyZXQ=',
    secret: 'YWRtaW46c3VwZXJzZWNyZXQ=',
  },
  {
    context: 'postgres url',
    text: 'connecting to postgres://app:Xk9mP2vQ@db.internal:5432/orders',
    secret: 'Xk9mP2vQ',
  },
  {
    context: 'redis url without user',
    text: 'REDIS_URL=redis://:r3dispass@redis-master:6379/0',
    secret: 'r3dispass',
  },
  { context: 'amqp url', text: 'amqp://guest:guestpass123@rabbitmq:5672/', secret: 'guestpass123' },
  {
    context: 'mongodb srv',
    text: 'uri: mongodb+srv://admin:M0ng0Pass@cluster0.example.net/db?retryWrites=true',
    secret: 'M0ng0Pass',
  },
  {
    context: 'git remote with token',
    text: `remote: https://deploy:${ghToken}@github.com/acme/shop.git`,
    secret: ghToken,
  },
  {
    context: 'sql server connection string',
    text: 'Server=tcp:sql.example.com,1433;Database=orders;User ID=app;Password=Sq1 Pa$$ w0rd;Encrypt=True;',
    secret: 'Sq1 Pa$$ w0rd',
  },
  {
    context: 'azure storage connection string',
    text: 'DefaultEndpointsProtocol=https;AccountName=store;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net',
    secret: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==',
  },
  {
    context: 'odbc pwd',
    text: 'Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd=Odbc!Pass9;',
    secret: 'Odbc!Pass9',
  },
  { context: 'jwt in logfmt', text: `level=debug msg="session established" token=${jwt}`, secret: jwt },
  { context: 'bare jwt', text: `decoded claims from ${jwt} ok`, secret: jwt },
  {
    context: 'pem rsa key',
    text: `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----`,
    secret: 'MzEfYyjiWA4R4',
  },
  {
    context: 'pem in json',
    text: `{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\n${pemBody.replaceAll('\n', '\\n')}\\n-----END PRIVATE KEY-----\\n"}`,
    secret: 'MzEfYyjiWA4R4',
  },
  {
    context: 'openssh key cut short',
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n`,
    secret: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUA',
  },
  { context: 'github token', text: `cloning with token ${ghToken}`, secret: ghToken },
  {
    context: 'github fine-grained pat',
    text: 'GH_PAT=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU',
    secret: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU',
  },
  {
    context: 'github app token',
    text: 'GITHUB_TOKEN: ghs_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
    secret: 'ghs_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
  },
  { context: 'slack bot token', text: `slack client init with ${slackBot}`, secret: slackBot },
  {
    context: 'slack webhook',
    text: 'posting to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    secret: 'XXXXXXXXXXXXXXXXXXXXXXXX',
  },
  { context: 'stripe key', text: `stripe.api_key = "${stripe}"`, secret: stripe },
  { context: 'stripe key bare', text: `charge failed (key ${stripe})`, secret: stripe },
  { context: 'google api key', text: `maps request key=${google}`, secret: google },
  {
    context: 'google api key in url',
    text: `GET https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${google}`,
    secret: google,
  },
  { context: 'java properties', text: 'spring.datasource.password=Spr1ngPass', secret: 'Spr1ngPass' },
  { context: 'hocon quoted', text: 'db.password = "quoted pass phrase"', secret: 'quoted pass phrase' },
  {
    context: 'python dict repr',
    text: "settings={'user': 'x', 'password': 'py-secret-99'}",
    secret: 'py-secret-99',
  },
  { context: 'ruby hash', text: 'connect(:host => "db", :password => "rubypass1")', secret: 'rubypass1' },
  {
    context: 'go struct print',
    text: 'config: &{Username:app Password:g0lang-pass Host:db Port:5432}',
    secret: 'g0lang-pass',
  },
  { context: 'flag equals', text: '/app/server --db-password=flagpass1 --port=8080', secret: 'flagpass1' },
  {
    context: 'flag space',
    text: 'exec /bin/worker --api-token tok_live_123456 --verbose',
    secret: 'tok_live_123456',
  },
  {
    context: 'describe env',
    text: '    Environment:\n      DB_HOST:      postgres\n      DB_PASSWORD:  plain-text-pass\n',
    secret: 'plain-text-pass',
  },
  {
    context: 'helm values',
    text: 'grafana:\n  adminPassword: "grafana-admin-1"\n',
    secret: 'grafana-admin-1',
  },
  {
    context: 'compose env',
    text: '    environment:\n      MYSQL_ROOT_PASSWORD: rootpw2024\n',
    secret: 'rootpw2024',
  },
  {
    context: 'sentry dsn',
    text: 'SENTRY_DSN=https://abc123def456@o123.ingest.sentry.io/456',
    secret: 'abc123def456',
  },
  {
    context: 'api key header',
    text: 'request headers: x-api-key: 5f4dcc3b5aa765d61d8327deb882cf99',
    secret: '5f4dcc3b5aa765d61d8327deb882cf99',
  },
  {
    context: 'cookie header',
    text: 'Cookie: session=8f14e45fceea167a5a36dedd4bea2543',
    secret: '8f14e45fceea167a5a36dedd4bea2543',
  },
  {
    context: 'vault token',
    text: 'VAULT_TOKEN=hvs.CAESIJlWh1Ywz8fEqTRgQoEyB7wPwS4bkZ7nR',
    secret: 'hvs.CAESIJlWh1Ywz8fEqTRgQoEyB7wPwS4bkZ7nR',
  },
  {
    context: 'npmrc',
    text: '//registry.npmjs.org/:_authToken=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
    secret: 'npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
  },
  {
    context: 'openai key',
    text: 'OPENAI_API_KEY=sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34',
    secret: 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34',
  },
  {
    context: 'anthropic key in prose',
    text: 'using model key sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv',
    secret: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv',
  },
  {
    context: 'sendgrid key',
    text: 'mailer key 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',
    secret: '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',
  },
  {
    context: 'gitlab token',
    text: 'CI_JOB_TOKEN glpat-xY9zAbCdEfGhIjKlMnOp',
    secret: 'glpat-xY9zAbCdEfGhIjKlMnOp',
  },
  {
    context: 'oauth secret in query',
    text: 'POST https://login.example.com/token?client_id=web&client_secret=0a1b2c3d4e5f&grant_type=client_credentials',
    secret: '0a1b2c3d4e5f',
  },
  {
    context: 'access token in nginx log',
    text: '10.1.2.3 - - [24/Nov/2025:10:00:00 +0000] "GET /callback?state=xyz&access_token=TOKEN123abc HTTP/1.1" 200 512',
    secret: 'TOKEN123abc',
  },
  { context: 'smtp pass', text: 'SMTP_PASS=mailp4ss', secret: 'mailp4ss' },
  {
    context: 'kafka jaas',
    text: 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="kafka" password="k4fkaPass";',
    secret: 'k4fkaPass',
  },
  { context: 'run-together name', text: 'PGPASSWORD=pgpass123 psql -h db -U app', secret: 'pgpass123' },
  {
    context: 'docker config json',
    text: '{"auths":{"registry.example.com":{"username":"bot","password":"d0ckerPass","auth":"Ym90OmQwY2tlclBhc3M="}}}',
    secret: 'd0ckerPass',
  },
  {
    context: 'docker config auth field',
    text: '{"auths":{"registry.example.com":{"auth":"Ym90OmQwY2tlclBhc3M="}}}',
    secret: 'Ym90OmQwY2tlclBhc3M=',
  },
  {
    context: 'json camel case',
    text: `{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"${awsSecret}"}`,
    secret: awsSecret,
  },
  {
    context: 'azure client secret',
    text: 'AZURE_CLIENT_SECRET=Q~8Q8~abc.def-ghiJKL',
    secret: 'Q~8Q8~abc.def-ghiJKL',
  },
  {
    context: 'jdbc url',
    text: 'jdbc:mysql://db:3306/app?user=root&password=j4vaPass&useSSL=false',
    secret: 'j4vaPass',
  },
  { context: 'generic token env', text: 'TOKEN=abc123def456ghi789', secret: 'abc123def456ghi789' },
  {
    context: 'describe env token',
    text: '      API_TOKEN:        tok-1234567890abcdef',
    secret: 'tok-1234567890abcdef',
  },
  {
    context: 'event message',
    text: 'Error: exec failed: configuration invalid, password: "evt-pass-42"',
    secret: 'evt-pass-42',
  },
  {
    context: 'dotenv file in configmap',
    text: 'APP_ENV=production\nREDIS_PASSWORD=envfilepass\nLOG_LEVEL=info\n',
    secret: 'envfilepass',
  },
  { context: 'terraform', text: 'resource "db" {\n  password = "tf-pass-1234"\n}', secret: 'tf-pass-1234' },
  { context: 'ini', text: '[database]\nhost = db\npassword = ini-pass-5678\n', secret: 'ini-pass-5678' },
  {
    context: 'xml',
    text: '<datasource><user>app</user><password>xmlpass123</password></datasource>',
    secret: 'xmlpass123',
  },
  { context: 'ssh passphrase', text: 'passphrase: "my ssh passphrase"', secret: 'my ssh passphrase' },
  {
    context: 'webhook secret',
    text: "webhook_secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'",
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  },
  {
    context: 'json escaped quotes',
    text: '{"password":"with \\"escaped\\" quote","user":"a"}',
    secret: 'with \\"escaped\\" quote',
  },
  {
    context: 'prose password',
    text: "login failed for user bob with password 'Summer2024!'",
    secret: 'Summer2024!',
  },
  {
    context: 'private key env',
    text: 'SSH_PRIVATE_KEY=LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0K',
    secret: 'LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0K',
  },
  {
    context: 'credentials json',
    text: '{"credentials":"eW91LXNoYWxsLW5vdC1wYXNz","region":"eu-west-1"}',
    secret: 'eW91LXNoYWxsLW5vdC1wYXNz',
  },
  {
    context: 'auth header value',
    text: 'X-Auth-Token: 7c4a8d09ca3762af61e59520943dc26494f8941b',
    secret: '7c4a8d09ca3762af61e59520943dc26494f8941b',
  },
];

export const PLANTED_VALUES: PlantedValue[] = [
  {
    context: 'pod spec env',
    value: {
      containers: [
        {
          name: 'api',
          env: [
            { name: 'DB_PASSWORD', value: 'Pod$pec9' },
            { name: 'DB_HOST', value: 'db' },
          ],
        },
      ],
    },
    secret: 'Pod$pec9',
  },
  {
    context: 'env var with plain word value',
    value: [{ name: 'API_KEY', value: 'letmein' }],
    secret: 'letmein',
  },
  {
    context: 'configmap data key',
    value: { data: { db_password: 'cm-pass-1', host: 'db' } },
    secret: 'cm-pass-1',
  },
  {
    context: 'configmap file',
    value: { data: { 'application.properties': 'server.port=8080\nspring.datasource.password=CmFile99\n' } },
    secret: 'CmFile99',
  },
  {
    context: 'args pair',
    value: { args: ['--listen', ':8080', '--token', 'argtoken42'] },
    secret: 'argtoken42',
  },
  {
    context: 'annotation',
    value: { metadata: { annotations: { 'example.com/api-key': 'anno-key-31' } } },
    secret: 'anno-key-31',
  },
  {
    context: 'nested credentials',
    value: { auth: { basic: { username: 'u', password: 'nestedPW' } } },
    secret: 'nestedPW',
  },
  { context: 'event message', value: { message: `pulling with token ${ghToken}` }, secret: ghToken },
];
