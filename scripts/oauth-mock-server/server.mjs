// server.mjs — a real third-party OAuth 2 authorization server (npm oauth2-mock-server,
// pinned in package.json) that issues tokens the private Postfix + Dovecot of
// scripts/postfix-test-server.sh accepts. Run by scripts/oauth-mock-server.sh; see there.
//
// Usage:
//   node server.mjs --issuer ISS --scope SCOPE [--mailbox USER] [--host 127.0.0.1]
//                   [--port 0] [--public-key-out FILE] [--info-out FILE]
//
//   --issuer          the iss claim of every token (Dovecot's `issuers`)
//   --scope           the scope claim of every access token (Dovecot's `scope`)
//   --mailbox         the email and sub claims when the client gave no login_hint
//                     (default user@test.example)
//   --host, --port    where to listen (port 0: any free port)
//   --public-key-out  the signing key's public half, PEM (SubjectPublicKeyInfo), for
//                     Dovecot's key directory <azp>/<alg>/<kid>
//   --info-out        KEY=VALUE lines once listening: PORT, KID, URL
//
// The library serves /authorize, /token, /jwks, /.well-known/openid-configuration and the
// rest at the root. Our client builds Microsoft's and Google's paths from an authority, so
// requests are rewritten before the library sees them:
//   /<tenant>/oauth2/v2.0/token      -> /token       (Microsoft)
//   /<tenant>/oauth2/v2.0/authorize  -> /authorize   (Microsoft)
//   /o/oauth2/v2/auth                -> /authorize   (Google; its token path is /token)
//
// Every token is made acceptable to Dovecot in the library's beforeTokenSigning hook: the
// header keeps typ JWT and the key's kid (the library sets both), iss and scope become the
// configured ones, email and sub the mailbox (the login_hint the client sent to /authorize for
// that code, kept across refreshes; else --mailbox), exp an hour ahead, a random jti, no azp
// (Dovecot would look for the key under it). The token answer's scope is the configured one too. PKCE is the library's: a code_verifier sent
// with a code must match the S256 (or plain) code_challenge given to /authorize, or the token
// request fails with 400 invalid_request.
import { createPublicKey, randomUUID } from 'node:crypto';
import { writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { OAuth2Server } from 'oauth2-mock-server';

const { values: options } = parseArgs({
  options: {
    issuer: { type: 'string' },
    scope: { type: 'string' },
    mailbox: { type: 'string', default: 'user@test.example' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'public-key-out': { type: 'string' },
    'info-out': { type: 'string' },
  },
  strict: true,
});
for (const required of ['issuer', 'scope']) {
  if (!options[required]) {
    console.error(`oauth-mock-server: --${required} is required`);
    process.exit(2);
  }
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`oauth-mock-server: bad --port ${options.port}`);
  process.exit(2);
}

const log = (message) => console.log(`${new Date().toISOString()} ${message}`);

/** Writes `text` to `path` atomically (readers never see half a file). */
function writeAtomically(path, text) {
  writeFileSync(`${path}.tmp`, text, { mode: 0o644 });
  renameSync(`${path}.tmp`, path);
}

// The library's server object: its issuer (key store, token building) and its service (the
// express request handler and the hooks). Its own listener is not started: ours below
// rewrites the paths first.
const oauth = new OAuth2Server();
const jwk = await oauth.issuer.keys.generate('RS256');
const kid = jwk.kid;

// Who signs in: the login_hint sent to /authorize, by the code it was answered with, then by
// the refresh token issued for that code.
const mailboxByCode = new Map();
const mailboxByRefreshToken = new Map();

function mailboxFor(req) {
  const body = req.body ?? {};
  if (body.grant_type === 'authorization_code' && typeof body.code === 'string') {
    return mailboxByCode.get(body.code) ?? options.mailbox;
  }
  if (body.grant_type === 'refresh_token' && typeof body.refresh_token === 'string') {
    return mailboxByRefreshToken.get(body.refresh_token) ?? options.mailbox;
  }
  return options.mailbox;
}

oauth.service.on('beforeAuthorizeRedirect', (redirect, req) => {
  const code = redirect.url.searchParams.get('code');
  const hint = req.query?.login_hint;
  if (code && typeof hint === 'string' && hint.trim() !== '') {
    mailboxByCode.set(code, hint.trim());
  }
  log(`authorize: code issued for ${code ? (mailboxByCode.get(code) ?? options.mailbox) : '(none: error)'}`);
});

oauth.service.on('beforeTokenSigning', (token, req) => {
  const mailbox = mailboxFor(req);
  const now = Math.floor(Date.now() / 1000);
  token.header.typ = 'JWT';
  token.header.kid = kid;
  token.payload.iss = options.issuer;
  token.payload.scope = options.scope;
  token.payload.email = mailbox;
  token.payload.sub = mailbox;
  token.payload.iat = now;
  token.payload.nbf = now - 10;
  token.payload.exp = now + 3600;
  token.payload.jti = randomUUID(); // each token its own, even two in the same second
  delete token.payload.azp;
});

oauth.service.on('beforeResponse', (response, req) => {
  const body = req.body ?? {};
  const mailbox = mailboxFor(req);
  if (response.statusCode === 200 && typeof response.body?.access_token === 'string') {
    response.body.scope = options.scope;
    if (typeof response.body.refresh_token === 'string') {
      mailboxByRefreshToken.set(response.body.refresh_token, mailbox);
    }
  }
  if (body.grant_type === 'authorization_code' && typeof body.code === 'string') {
    mailboxByCode.delete(body.code); // a code is good for one exchange
  }
  log(`token: ${body.grant_type} for ${mailbox}: ${response.statusCode}`);
});

const REWRITES = [
  [/^\/[^/?]+\/oauth2\/v2\.0\/token(?=$|\?)/, '/token'],
  [/^\/[^/?]+\/oauth2\/v2\.0\/authorize(?=$|\?)/, '/authorize'],
  [/^\/o\/oauth2\/v2\/auth(?=$|\?)/, '/authorize'],
];

const handler = oauth.service.requestHandler;
const server = createServer((req, res) => {
  const original = req.url ?? '/';
  for (const [pattern, replacement] of REWRITES) {
    if (pattern.test(original)) {
      req.url = original.replace(pattern, replacement);
      break;
    }
  }
  // The path only: queries carry codes and challenges, bodies secrets.
  res.on('finish', () => {
    const path = (s) => s.split('?')[0];
    const shown = req.url === original ? path(original) : `${path(original)} -> ${path(req.url)}`;
    log(`${req.method} ${shown} ${res.statusCode}`);
  });
  handler(req, res);
});

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, options.host, resolve);
});
const actualPort = server.address().port;
const url = `http://${options.host}:${actualPort}`;
// What the library puts in its discovery document (the tokens' iss is --issuer).
oauth.issuer.url = url;

if (options['public-key-out']) {
  const { d, p, q, dp, dq, qi, ...publicJwk } = jwk;
  const pem = createPublicKey({ key: publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  writeAtomically(options['public-key-out'], pem);
}
if (options['info-out']) {
  writeAtomically(options['info-out'], `PORT=${actualPort}\nKID=${kid}\nURL=${url}\n`);
}
log(`listening on ${url}, kid ${kid}, issuer ${options.issuer}, default mailbox ${options.mailbox}`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
