//! PHPMailer with OAuth (XOAUTH2).
//!
//! Delegated (a refresh token): PHPMailer's own `OAuth` class with a league/oauth2-client
//! provider, exactly as PHPMailer's examples do. App-only (Microsoft): a small class of ours
//! implementing PHPMailer's `OAuthTokenProvider` (its "Option 2"), since PHPMailer's `OAuth`
//! class only knows the refresh-token grant.
//!
//! Sources (PHPMailer/PHPMailer):
//! - `src/OAuth.php`: `new OAuth(['provider', 'userName', 'clientSecret', 'clientId',
//!   'refreshToken'])`, a `RefreshToken` grant; `src/OAuthTokenProvider.php`: `getOauth64()`
//!   returns base64 of `"user=<mailbox>\001auth=Bearer <token>\001\001"`.
//! - `examples/azure_xoauth2.phps`: `$mail->AuthType = 'XOAUTH2'`,
//!   `use Greew\OAuth2\Client\Provider\Azure;` with `clientId`, `clientSecret`, `tenantId`,
//!   `$mail->setOAuth(...)`; `examples/gmail_xoauth.phps`:
//!   `League\OAuth2\Client\Provider\Google`.
//! - `composer.json` "suggest": `greew/oauth2-azure-provider` ("Needed for Microsoft Azure
//!   XOAUTH2 authentication"), `league/oauth2-google`; `thenetworg/oauth2-azure` is suggested
//!   too, but PHPMailer's own example and `get_oauth_token.php` use greew's, so this does.
//! - `get_oauth_token.php`: gets the refresh token (Azure: scopes
//!   `https://outlook.office.com/SMTP.Send` and `offline_access`; Google: `https://mail.google.com/`).

use std::fmt::Write as _;

use super::super::escape::php;
use super::php_token::{FETCH_METHOD, NEEDS_URL_FOPEN, form, token_url};
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx, REFRESH_TOKEN_PLACEHOLDER};
use crate::oauth::OAuthProvider;
use crate::settings::Security;

/// The PHPMailer lines (and, for app-only, the token class).
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(if ctx.app_only() {
        crate::en!(
            "Put this where your PHP code creates the PHPMailer object (PHPMailer 6.6 or newer: \
             OAuthTokenProvider arrived in 6.6), before $mail->send(); the use lines go at the \
             top of the file."
        )
        .to_owned()
    } else {
        crate::en!(
            "Put this where your PHP code creates the PHPMailer object (PHPMailer 6 with \
             Composer), before $mail->send(); the use lines go at the top of the file."
        )
        .to_owned()
    });
    ctx.common_notes(true, true);
    let mut text = String::new();
    let package = match (ctx.provider, ctx.app_only()) {
        (_, true) => None,
        (OAuthProvider::Microsoft, false) => Some("greew/oauth2-azure-provider"),
        (OAuthProvider::Google, false) => Some("league/oauth2-google"),
    };
    let _ = writeln!(
        text,
        "// Install once: composer require phpmailer/phpmailer{}",
        package.map(|p| format!(" {p}")).unwrap_or_default()
    );
    text.push_str("use PHPMailer\\PHPMailer\\PHPMailer;\n");
    match (ctx.provider, ctx.app_only()) {
        (_, true) => text.push_str("use PHPMailer\\PHPMailer\\OAuthTokenProvider;\n"),
        (OAuthProvider::Microsoft, false) => text.push_str(
            "use PHPMailer\\PHPMailer\\OAuth;\nuse Greew\\OAuth2\\Client\\Provider\\Azure;\n",
        ),
        (OAuthProvider::Google, false) => text.push_str(
            "use PHPMailer\\PHPMailer\\OAuth;\nuse League\\OAuth2\\Client\\Provider\\Google;\n",
        ),
    }
    if ctx.app_only() {
        text.push('\n');
        text.push_str(&app_only_class());
    }
    text.push_str("\n$mail = new PHPMailer(true);\n$mail->isSMTP();\n");
    let _ = writeln!(text, "$mail->Host = {};", php(&ctx.host));
    let _ = writeln!(text, "$mail->Port = {};", ctx.port);
    text.push_str(match ctx.security {
        Security::StartTls => "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS; // STARTTLS\n",
        Security::ImplicitTls => {
            "$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS; // SSL on connect\n"
        }
        Security::None => {
            "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS; // OAuth needs encryption\n"
        }
    });
    text.push_str("$mail->SMTPAuth = true;\n$mail->AuthType = 'XOAUTH2';\n");
    if ctx.app_only() {
        let _ = writeln!(
            text,
            "$mail->setOAuth(new AppOnlyOAuthToken(\n    {},\n    {},\n    {},\n));",
            php(&ctx.mailbox),
            token_url(&ctx),
            form(&ctx, "        ")
        );
    } else {
        delegated(&mut text, &ctx);
    }
    let _ = writeln!(text, "$mail->setFrom({});", php(&ctx.from));
    if ctx.app_only() {
        ctx.warnings.push(
            crate::en!(
                "PHPMailer's own OAuth class only works with a refresh token (someone signs in \
                 once); for app-only sign-in the small AppOnlyOAuthToken class here asks \
                 Microsoft for a token with the app's ID and secret."
            )
            .to_owned(),
        );
        ctx.warnings.push(NEEDS_URL_FOPEN.to_owned());
    } else {
        ctx.warnings.push(crate::en!(
            "Get the refresh token once with PHPMailer's get_oauth_token.php (it comes with \
             PHPMailer): put it on your site, add its address to the app's redirect URIs, open \
             it, choose {provider} and sign in as the mailbox. Delete the script afterwards.",
            provider = match ctx.provider {
                OAuthProvider::Microsoft => "Azure",
                OAuthProvider::Google => "Google",
            }
        ));
    }
    if ctx.provider == OAuthProvider::Microsoft {
        ctx.warnings.push(
            crate::en!(
                "Microsoft sends only as the mailbox that signs in (or an address it may send \
                 as): keep setFrom on that address."
            )
            .to_owned(),
        );
    }
    (crate::en!("PHP code"), text, ctx.warnings)
}

/// The refresh-token configuration with a league/oauth2-client provider.
fn delegated(text: &mut String, ctx: &Ctx) {
    let _ = writeln!(text, "$clientId = {};", php(&ctx.client_id));
    let _ = writeln!(
        text,
        "$clientSecret = {}; // keep it out of shared files",
        php(CLIENT_SECRET_PLACEHOLDER)
    );
    match ctx.provider {
        OAuthProvider::Microsoft => {
            let _ = writeln!(
                text,
                "$provider = new Azure([\n    'clientId' => $clientId,\n    'clientSecret' => $clientSecret,\n    'tenantId' => {},\n]);",
                php(&ctx.tenant)
            );
        }
        OAuthProvider::Google => text.push_str(
            "$provider = new Google([\n    'clientId' => $clientId,\n    'clientSecret' => $clientSecret,\n]);\n",
        ),
    }
    let _ = writeln!(
        text,
        "$mail->setOAuth(new OAuth([\n    'provider' => $provider,\n    'clientId' => $clientId,\n    'clientSecret' => $clientSecret,\n    'refreshToken' => {},\n    'userName' => {},\n]));",
        php(REFRESH_TOKEN_PLACEHOLDER),
        php(&ctx.mailbox)
    );
}

/// PHPMailer's `OAuthTokenProvider` for app-only tokens.
fn app_only_class() -> String {
    format!(
        r#"/** Gives PHPMailer an app-only OAuth token (the app's own ID and secret, no person). */
final class AppOnlyOAuthToken implements OAuthTokenProvider
{{
    public function __construct(private string $userName, private string $tokenUrl, private array $form)
    {{
    }}

    public function getOauth64()
    {{
        return base64_encode('user=' . $this->userName . "\001auth=Bearer " . $this->accessToken() . "\001\001");
    }}

{FETCH_METHOD}}}
"#
    )
}
