// The development OpenID Connect provider (oidc-provider): the dev accounts of dev-accounts.json sign in
// with the authorization code flow and PKCE (what a browser frontend does, refresh tokens included),
// and the `system` client uses client credentials. Access tokens are JWTs for the audience
// `partnership-hub`, carrying the roles and bindings the services authorize by. It listens on
// 127.0.0.1 only; its signing key is generated at first start into the data folder, never committed.
//
//   HUB_IDENTITY_PORT   port (4444)            HUB_IDENTITY_DATA   folder for keys (../../.data/identity)
//   HUB_IDENTITY_ACCOUNTS   accounts file (./dev-accounts.json)
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Provider, { errors } from 'oidc-provider';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.HUB_IDENTITY_PORT || 4444);
const dataDir = resolve(process.env.HUB_IDENTITY_DATA || join(here, '..', '..', '.data', 'identity'));
const config = JSON.parse(readFileSync(process.env.HUB_IDENTITY_ACCOUNTS || join(here, 'dev-accounts.json'), 'utf8'));
const issuer = `http://127.0.0.1:${port}`;
const RESOURCE = 'urn:partnership-hub:api';
const ACCESS_TOKEN_SECONDS = 15 * 60;
const accounts = new Map(config.accounts.map((account) => [account.id, account]));
const clientRoles = new Map(config.clients.map((client) => [client.client_id, client.roles || []]));

// Keys and cookie secrets are made once per machine and kept beside the databases.
function secrets() {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'keys.json');
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };
    writeFileSync(file, JSON.stringify({ jwks: { keys: [jwk] }, cookieKeys: [randomBytes(32).toString('hex')] }), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

// What the services authorize by, as top-level claims of the access token.
function bindings(subject) {
  const { roles = [], partner_iso, nation, provider } = subject;
  return Object.fromEntries(Object.entries({ roles, partner_iso, nation, provider }).filter(([, v]) => v !== undefined));
}

const { jwks, cookieKeys } = secrets();
const provider = new Provider(issuer, {
  clients: config.clients.map(({ comment, ...client }) => client),
  extraClientMetadata: { properties: ['roles'] },
  jwks,
  cookies: { keys: cookieKeys },
  claims: { openid: ['sub'], profile: ['name'] },
  scopes: ['openid', 'offline_access', 'profile'],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo(ctx, resource) {
        if (resource !== RESOURCE) throw new errors.InvalidTarget();
        return {
          scope: 'hub', audience: config.audience, accessTokenTTL: ACCESS_TOKEN_SECONDS,
          accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  ttl: { AccessToken: ACCESS_TOKEN_SECONDS, ClientCredentials: ACCESS_TOKEN_SECONDS, RefreshToken: 24 * 3600 },
  issueRefreshToken: (ctx, client, code) => client.grantTypeAllowed('refresh_token'),
  async extraTokenClaims(ctx, token) {
    if (token.accountId) return bindings(accounts.get(token.accountId) || {});
    return bindings({ roles: clientRoles.get(token.clientId) || [] });
  },
  async findAccount(ctx, id) {
    const account = accounts.get(id);
    return account && { accountId: id, claims: () => ({ sub: id, name: account.name }) };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

// The dev login form: one page, posting the account and the published dev password.
function loginPage(uid, message = '') {
  const options = config.accounts.map((a) => `<option value="${a.id}">${a.id} — ${a.name}</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partnership Hub sign-in (development)</title></head>
<body><h1>Partnership Hub — development sign-in</h1><p>${message}</p>
<form method="post" action="/interaction/${uid}/login">
<label>Account <select name="login">${options}</select></label>
<label>Password <input type="password" name="password" value=""></label>
<button type="submit">Sign in</button></form></body></html>`;
}

async function form(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new errors.InvalidRequest('form too large');
  }
  return Object.fromEntries(new URLSearchParams(body));
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!match) return next();
  ctx.set('cache-control', 'no-store');
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET' && !match[2]) {
    ctx.type = 'html';
    ctx.body = loginPage(details.uid);
    return undefined;
  }
  if (ctx.method !== 'POST' || !match[2]) return next();
  const { login, password } = await form(ctx.req);
  if (!accounts.has(login) || password !== config.password) {
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = loginPage(details.uid, 'Unknown account or wrong password.');
    return undefined;
  }
  // Dev accounts consent to what they ask, for the hub's API only.
  const grant = details.grantId ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  grant.addResourceScope(RESOURCE, 'hub');
  const grantId = await grant.save();
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false });
  ctx.respond = false;
  return undefined;
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`identity provider (development) at ${issuer}, keys in ${dataDir}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
