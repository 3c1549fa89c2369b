//! Laravel with OAuth: Laravel sends through Symfony Mailer, which cannot fetch an OAuth token
//! itself (see `symfony.rs`), so the snippet registers a custom mail transport that signs in
//! with the same fresh-token authenticator.
//!
//! Sources:
//! - Laravel's mail documentation, "Custom Transports": `Mail::extend('name', function (array
//!   $config = []) { return new ...Transport(...); })` in a service provider's `boot()`, and a
//!   mailer in `config/mail.php` with `'transport' => 'name'` whose array is `$config`
//!   (laravel/docs `mail.md`); `MailManager::createTransport` calls the custom creator with
//!   the mailer's config (laravel/framework `src/Illuminate/Mail/MailManager.php`).
//! - The Symfony side: see `symfony.rs`.

use std::fmt::Write as _;

use super::super::escape::{dotenv, php};
use super::php_token::NEEDS_URL_FOPEN;
use super::symfony::{authenticator_class, tls_argument};
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx, REFRESH_TOKEN_PLACEHOLDER};
use crate::oauth::OAuthProvider;

/// The transport's (and mailer's) name.
const NAME: &str = "oauth-smtp";

/// `.env`, `config/mail.php`, the service provider and the class.
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(
        crate::en!(
            "Four parts, each in its own file: the lines for .env, the mailer for config/mail.php \
             (inside 'mailers' => [...]), the code for the boot() method of \
             app/Providers/AppServiceProvider.php, and the class \
             app/Mail/FreshTokenXOAuth2Authenticator.php. Then run php artisan config:clear."
        )
        .to_owned(),
    );
    ctx.common_notes(true, true);
    ctx.warnings.push(
        crate::en!(
            "Laravel (through Symfony Mailer) cannot fetch an OAuth token itself, and a token \
             lasts only about an hour: this custom transport fetches a fresh one for every \
             connection. It needs Laravel 9 or newer with symfony/mailer 6.3 or newer (Laravel 11 \
             and later have it; on Laravel 10 run composer update symfony/mailer)."
        )
        .to_owned(),
    );
    ctx.warnings.push(NEEDS_URL_FOPEN.to_owned());

    let mut text = String::from("# ---- .env ----\n");
    let _ = writeln!(text, "MAIL_MAILER={NAME}");
    if ctx.provider == OAuthProvider::Microsoft {
        let _ = writeln!(text, "MAIL_OAUTH_TENANT_ID={}", dotenv(&ctx.tenant));
    }
    let _ = writeln!(text, "MAIL_OAUTH_CLIENT_ID={}", dotenv(&ctx.client_id));
    let _ = writeln!(text, "MAIL_OAUTH_CLIENT_SECRET={CLIENT_SECRET_PLACEHOLDER}");
    if !ctx.app_only() {
        let _ = writeln!(text, "MAIL_OAUTH_REFRESH_TOKEN={REFRESH_TOKEN_PLACEHOLDER}");
    }
    let _ = writeln!(text, "MAIL_FROM_ADDRESS={}", dotenv(&ctx.from));

    text.push_str("\n// ---- config/mail.php, inside 'mailers' => [ ... ] ----\n");
    let _ = writeln!(text, "'{NAME}' => [");
    let _ = writeln!(text, "    'transport' => '{NAME}',");
    let _ = writeln!(text, "    'host' => {},", php(&ctx.host));
    let _ = writeln!(text, "    'port' => {},", ctx.port);
    let _ = writeln!(text, "    'username' => {},", php(&ctx.mailbox));
    let _ = writeln!(text, "    'token_url' => {},", token_url_expression(&ctx));
    text.push_str("    'form' => [\n");
    let grant = if ctx.app_only() {
        "client_credentials"
    } else {
        "refresh_token"
    };
    let _ = writeln!(text, "        'grant_type' => '{grant}',");
    text.push_str("        'client_id' => env('MAIL_OAUTH_CLIENT_ID'),\n");
    text.push_str("        'client_secret' => env('MAIL_OAUTH_CLIENT_SECRET'),\n");
    if !ctx.app_only() {
        text.push_str("        'refresh_token' => env('MAIL_OAUTH_REFRESH_TOKEN'),\n");
    }
    if ctx.provider == OAuthProvider::Microsoft {
        let _ = writeln!(text, "        'scope' => {},", php(ctx.scope()));
    }
    text.push_str("    ],\n],\n");

    text.push_str(
        "\n// ---- app/Providers/AppServiceProvider.php ----\n\
         // At the top: use App\\Mail\\FreshTokenXOAuth2Authenticator;\n\
         //              use Illuminate\\Support\\Facades\\Mail;\n\
         //              use Symfony\\Component\\Mailer\\Transport\\Smtp\\EsmtpTransport;\n\
         // Inside boot():\n",
    );
    let _ = writeln!(text, "Mail::extend('{NAME}', function (array $config) {{");
    let _ = writeln!(
        text,
        "    $transport = new EsmtpTransport($config['host'], $config['port'], {});",
        tls_argument(ctx.security)
    );
    text.push_str(
        "    $transport->setUsername($config['username']);\n\
         \x20   $transport->setAuthenticators([\n\
         \x20       new FreshTokenXOAuth2Authenticator($config['token_url'], $config['form']),\n\
         \x20   ]);\n\
         \x20   return $transport;\n\
         });\n",
    );

    text.push_str("\n// ---- app/Mail/FreshTokenXOAuth2Authenticator.php ----\n");
    text.push_str(&authenticator_class("App\\Mail"));
    ("Laravel: .env, config/mail.php, app/", text, ctx.warnings)
}

/// The token endpoint as PHP: Microsoft's with the tenant from `.env`, Google's as it is.
fn token_url_expression(ctx: &Ctx) -> String {
    match ctx.provider {
        OAuthProvider::Microsoft => "'https://login.microsoftonline.com/' . rawurlencode((string) env('MAIL_OAUTH_TENANT_ID')) . '/oauth2/v2.0/token'".to_owned(),
        OAuthProvider::Google => php(&ctx.token_url()),
    }
}
