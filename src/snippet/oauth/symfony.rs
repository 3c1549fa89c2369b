//! Symfony Mailer with OAuth: its `XOAuth2Authenticator` signs in with XOAUTH2 but takes the
//! *password* as the access token, and nothing in Symfony fetches or renews that token (it
//! lasts about an hour). So the snippet adds a small authenticator that asks the token
//! endpoint for a fresh token on every connection, and a transport that uses only it.
//!
//! Sources:
//! - symfony/mailer `Transport/Smtp/Auth/XOAuth2Authenticator.php` (the password is the token),
//!   `AuthenticatorInterface.php` (`getAuthKeyword()`, `authenticate(EsmtpTransport)`),
//!   `Transport/Smtp/EsmtpTransport.php` (`__construct(host, port, tls)`: `tls` true = SSL on
//!   connect, false = STARTTLS when offered; `setUsername`, `setAuthenticators` (6.3,
//!   CHANGELOG); `handleAuth` skips sign-in without a user name and lets any other exception
//!   than a bad reply through), `SmtpTransport::executeCommand` (public).
//! - symfony/symfony issue 35528 and PR 52585 (closed): no built-in token fetching.

use std::fmt::Write as _;

use super::super::escape::php;
use super::Ctx;
use super::php_token::{FETCH_METHOD, NEEDS_URL_FOPEN, form, token_url};
use crate::settings::Security;

/// The authenticator class in `namespace`.
pub(super) fn authenticator_class(namespace: &str) -> String {
    format!(
        r#"<?php

namespace {namespace};

use Symfony\Component\Mailer\Transport\Smtp\Auth\AuthenticatorInterface;
use Symfony\Component\Mailer\Transport\Smtp\EsmtpTransport;

/** Signs in with XOAUTH2, with a fresh OAuth token for every connection. */
final class FreshTokenXOAuth2Authenticator implements AuthenticatorInterface
{{
    public function __construct(private string $tokenUrl, private array $form)
    {{
    }}

    public function getAuthKeyword(): string
    {{
        return 'XOAUTH2';
    }}

    public function authenticate(EsmtpTransport $client): void
    {{
        $token = $this->accessToken();
        $client->executeCommand(
            'AUTH XOAUTH2 ' . base64_encode('user=' . $client->getUsername() . "\1auth=Bearer " . $token . "\1\1") . "\r\n",
            [235]
        );
    }}

{FETCH_METHOD}}}
"#
    )
}

/// `true` (SSL on connect) or `false` (STARTTLS when offered) for `EsmtpTransport`'s `tls`.
pub(super) fn tls_argument(security: Security) -> &'static str {
    if security == Security::ImplicitTls {
        "true /* SSL on connect */"
    } else {
        "false /* STARTTLS, not SSL on connect */"
    }
}

/// The Symfony snippet: the class, then the transport built in code.
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(
        crate::en!(
            "Save the first part as src/Mailer/FreshTokenXOAuth2Authenticator.php; use the second \
             part where your code sends mail, instead of the mailer built from MAILER_DSN."
        )
        .to_owned(),
    );
    ctx.common_notes(true, true);
    ctx.warnings.push(
        crate::en!(
            "Symfony Mailer cannot fetch an OAuth token itself: its XOAUTH2 sign-in takes the \
             password as the token, and a token lasts only about an hour. The small class here \
             fetches a fresh one for every connection. It needs symfony/mailer 6.3 or newer \
             (setAuthenticators)."
        )
        .to_owned(),
    );
    ctx.warnings.push(NEEDS_URL_FOPEN.to_owned());
    let mut text =
        String::from("// ---- File src/Mailer/FreshTokenXOAuth2Authenticator.php ----\n");
    text.push_str(&authenticator_class("App\\Mailer"));
    text.push_str(
        "\n// ---- Where your code sends mail ----\n\
         use App\\Mailer\\FreshTokenXOAuth2Authenticator;\n\
         use Symfony\\Component\\Mailer\\Mailer;\n\
         use Symfony\\Component\\Mailer\\Transport\\Smtp\\EsmtpTransport;\n\
         use Symfony\\Component\\Mime\\Email;\n\n",
    );
    let _ = writeln!(
        text,
        "$transport = new EsmtpTransport({}, {}, {});",
        php(&ctx.host),
        ctx.port,
        tls_argument(ctx.security)
    );
    let _ = writeln!(text, "$transport->setUsername({});", php(&ctx.mailbox));
    let _ = writeln!(
        text,
        "$transport->setAuthenticators([new FreshTokenXOAuth2Authenticator(\n    {},\n    {},\n)]);",
        token_url(&ctx),
        form(&ctx, "        ")
    );
    text.push_str("$mailer = new Mailer($transport);\n");
    let _ = writeln!(
        text,
        "$mailer->send((new Email())->from({})->to('someone@example.com')->subject('Test')->text('It works.'));",
        php(&ctx.from)
    );
    (crate::en!("PHP code (Symfony Mailer)"), text, ctx.warnings)
}
