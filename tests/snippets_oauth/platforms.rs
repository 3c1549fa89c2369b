//! Provider and platform specifics: Google is delegated with a refresh token, Microsoft app-only
//! uses client credentials, each platform's own keys are there, values are escaped for each
//! language, and SSL on connect is kept where the client can do it.

use mail_settings_tester::settings::Target;
use mail_settings_tester::snippet::REFRESH_TOKEN_PLACEHOLDER;

use super::*;

#[test]
fn google_is_delegated_with_a_refresh_token_and_says_why() {
    for format in [
        Format::PhpMailer,
        Format::Nodemailer,
        Format::MailKit,
        Format::Laravel,
        Format::Symfony,
        Format::Django,
    ] {
        let provider = OAuthProvider::Google;
        let snippet = render_oauth(
            format,
            &settings(provider),
            &app(provider, OAuthFlow::AppOnly),
        );
        assert!(
            snippet.text.contains(REFRESH_TOKEN_PLACEHOLDER),
            "{format:?}\n{}",
            snippet.text
        );
        assert!(
            snippet
                .warnings
                .iter()
                .any(|w| w.contains("domain-wide delegation")),
            "{format:?}: say that app-only is not possible"
        );
    }
}

#[test]
fn microsoft_app_only_uses_client_credentials_and_the_default_scope() {
    let provider = OAuthProvider::Microsoft;
    for format in [
        Format::PhpMailer,
        Format::Nodemailer,
        Format::MailKit,
        Format::Laravel,
        Format::Symfony,
    ] {
        let snippet = render_oauth(
            format,
            &settings(provider),
            &app(provider, OAuthFlow::AppOnly),
        );
        assert!(
            snippet
                .text
                .contains("https://outlook.office365.com/.default"),
            "{format:?}\n{}",
            snippet.text
        );
        assert!(
            !snippet.text.contains(REFRESH_TOKEN_PLACEHOLDER),
            "{format:?}: app-only has no refresh token"
        );
        assert!(snippet.text.contains(TENANT), "{format:?}");
        assert!(snippet.text.contains(CLIENT_ID), "{format:?}");
    }
    let delegated = render_oauth(
        Format::Nodemailer,
        &settings(provider),
        &app(provider, OAuthFlow::Delegated),
    );
    assert!(delegated.text.contains(
        "accessUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',"
    ));
    assert!(
        delegated
            .text
            .contains("scope: 'https://outlook.office.com/SMTP.Send offline_access'")
    );
}

#[test]
#[allow(clippy::too_many_lines)] // a data table: one entry per format and provider
fn the_platform_specific_keys_are_there() {
    let ms = OAuthProvider::Microsoft;
    let google = OAuthProvider::Google;
    let cases: [(Format, OAuthProvider, OAuthFlow, &[&str]); 10] = [
        (
            Format::PhpMailer,
            ms,
            OAuthFlow::Delegated,
            &[
                "$mail->AuthType = 'XOAUTH2';",
                "use Greew\\OAuth2\\Client\\Provider\\Azure;",
                "'tenantId' => 'contoso.onmicrosoft.com',",
                "'userName' => 'site@example.com',",
                "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;",
            ],
        ),
        (
            Format::PhpMailer,
            google,
            OAuthFlow::Delegated,
            &[
                "use League\\OAuth2\\Client\\Provider\\Google;",
                "composer require phpmailer/phpmailer league/oauth2-google",
            ],
        ),
        (
            Format::PhpMailer,
            ms,
            OAuthFlow::AppOnly,
            &[
                "implements OAuthTokenProvider",
                "'grant_type' => 'client_credentials',",
            ],
        ),
        (
            Format::Nodemailer,
            ms,
            OAuthFlow::AppOnly,
            &[
                "acquireTokenByClientCredential",
                "authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',",
                "type: 'OAuth2',",
                "accessToken: token.accessToken,",
            ],
        ),
        (
            Format::MailKit,
            ms,
            OAuthFlow::AppOnly,
            &[
                "ConfidentialClientApplicationBuilder.Create(smtp[\"ClientId\"])",
                "AcquireTokenForClient(new[] { \"https://outlook.office365.com/.default\" })",
                "new SaslMechanismOAuth2(smtp[\"Mailbox\"]",
                "client.AuthenticateAsync(oauth2, cancellationToken)",
            ],
        ),
        (
            Format::MailKit,
            google,
            OAuthFlow::Delegated,
            &[
                "new UserCredential(flow, smtp[\"Mailbox\"]",
                "\"https://mail.google.com/\"",
            ],
        ),
        (
            Format::WordPress,
            ms,
            OAuthFlow::AppOnly,
            &[
                "define( 'WPMS_MAILER', 'outlook' );",
                "define( 'WPMS_OUTLOOK_CLIENT_ID', '11111111-2222-3333-4444-555555555555' );",
                "define( 'WPMS_OUTLOOK_CLIENT_SECRET', 'YOUR-CLIENT-SECRET-HERE' );",
            ],
        ),
        (
            Format::WordPress,
            google,
            OAuthFlow::Delegated,
            &[
                "define( 'WPMS_MAILER', 'gmail' );",
                "define( 'WPMS_GMAIL_CLIENT_ID', ",
            ],
        ),
        (
            Format::Django,
            ms,
            OAuthFlow::AppOnly,
            &[
                "EMAIL_BACKEND = 'django_o365mail.EmailBackend'",
                "O365_MAIL_TENANT_ID = 'contoso.onmicrosoft.com'",
                "O365_MAIL_MAILBOX_KWARGS = {'resource': 'site@example.com'}",
            ],
        ),
        (
            Format::Laravel,
            ms,
            OAuthFlow::AppOnly,
            &[
                "MAIL_MAILER=oauth-smtp",
                "Mail::extend('oauth-smtp', function (array $config) {",
                "'username' => 'site@example.com',",
                "class FreshTokenXOAuth2Authenticator implements AuthenticatorInterface",
            ],
        ),
    ];
    for (format, provider, flow, expected) in cases {
        let snippet = render_oauth(format, &settings(provider), &app(provider, flow));
        for line in expected {
            assert!(
                snippet.text.contains(line),
                "{format:?} {provider:?} {flow:?}: missing {line}\n{}",
                snippet.text
            );
        }
    }
}

#[test]
fn values_are_escaped_for_each_language() {
    let quote = Settings {
        user_name: "o'brien@example.com".into(),
        from: "o'brien@example.com".into(),
        ..settings(OAuthProvider::Microsoft)
    };
    let microsoft = app(OAuthProvider::Microsoft, OAuthFlow::Delegated);
    for (format, expected) in [
        (Format::PhpMailer, r"'userName' => 'o\'brien@example.com',"),
        (Format::Nodemailer, r"user: 'o\'brien@example.com',"),
        (
            Format::Symfony,
            r"$transport->setUsername('o\'brien@example.com');",
        ),
        (Format::Laravel, r"'username' => 'o\'brien@example.com',"),
        (Format::Django, r"{'resource': 'o\'brien@example.com'}"),
        (Format::MailKit, r#""Mailbox": "o'brien@example.com""#),
    ] {
        let snippet = render_oauth(format, &quote, &microsoft);
        assert!(
            snippet.text.contains(expected),
            "{format:?}: missing {expected}\n{}",
            snippet.text
        );
    }
    // The tenant is percent-encoded inside the token address.
    let odd_tenant = OAuthApp {
        tenant: "a b/c".into(),
        ..microsoft
    };
    let snippet = render_oauth(
        Format::Nodemailer,
        &settings(OAuthProvider::Microsoft),
        &odd_tenant,
    );
    assert!(
        snippet
            .text
            .contains("https://login.microsoftonline.com/a%20b%2Fc/oauth2/v2.0/token")
    );
}

#[test]
fn ssl_on_connect_is_kept_where_the_client_can_do_it() {
    let implicit = Settings {
        port: 465,
        enable_ssl: false,
        target: Target::Generic,
        ..settings(OAuthProvider::Google)
    };
    let google = app(OAuthProvider::Google, OAuthFlow::Delegated);
    for (format, expected) in [
        (Format::PhpMailer, "PHPMailer::ENCRYPTION_SMTPS"),
        (Format::Nodemailer, "secure: true"),
        (Format::Symfony, "465, true"),
        (Format::MailKit, "\"SslOnConnect\""),
    ] {
        let snippet = render_oauth(format, &implicit, &google);
        assert!(
            snippet.text.contains(expected),
            "{format:?}\n{}",
            snippet.text
        );
    }
    let web = render_oauth(Format::WebConfig, &implicit, &google);
    assert!(web.text.contains("port=\"587\"") && !web.text.contains("port=\"465\""));
}
