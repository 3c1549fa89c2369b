//! OAuth snippets for every format × provider × flow: they name the server and the mailbox,
//! never contain the tested password (nor its base64), keep secrets as placeholders, parse
//! where Rust has a parser (JSON, XML), and the web.config one never pretends that
//! System.Net.Mail can do OAuth. The Microsoft setup steps quote PowerShell values correctly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use mail_settings_tester::oauth::{OAuthFlow, OAuthProvider};
use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::{Framework, Settings, Target};
use mail_settings_tester::snippet::{
    CLIENT_ID_PLACEHOLDER, CLIENT_SECRET_PLACEHOLDER, Format, MAILBOX_PLACEHOLDER, OAuthApp,
    REFRESH_TOKEN_PLACEHOLDER, Snippet, TENANT_PLACEHOLDER, microsoft_app_setup, render_oauth,
};
use quick_xml::events::Event;

const PASSWORD: &str = "Secr3t-pass";
const MAILBOX: &str = "site@example.com";
const TENANT: &str = "contoso.onmicrosoft.com";
const CLIENT_ID: &str = "11111111-2222-3333-4444-555555555555";

const PROVIDERS: [OAuthProvider; 2] = [OAuthProvider::Microsoft, OAuthProvider::Google];
const FLOWS: [OAuthFlow; 2] = [OAuthFlow::AppOnly, OAuthFlow::Delegated];

fn host(provider: OAuthProvider) -> &'static str {
    match provider {
        OAuthProvider::Microsoft => "smtp.office365.com",
        OAuthProvider::Google => "smtp.gmail.com",
    }
}

fn settings(provider: OAuthProvider) -> Settings {
    Settings {
        host: host(provider).into(),
        port: 587,
        enable_ssl: true,
        user_name: MAILBOX.into(),
        password: Password::new(PASSWORD),
        from: MAILBOX.into(),
        ..Settings::default()
    }
}

fn app(provider: OAuthProvider, flow: OAuthFlow) -> OAuthApp {
    OAuthApp {
        provider,
        flow,
        tenant: TENANT.into(),
        client_id: CLIENT_ID.into(),
    }
}

/// Every combination, with the real tenant and client id.
fn all() -> Vec<(Format, OAuthProvider, OAuthFlow, Snippet)> {
    let mut out = Vec::new();
    for format in Format::ALL {
        for provider in PROVIDERS {
            for flow in FLOWS {
                let snippet = render_oauth(format, &settings(provider), &app(provider, flow));
                out.push((format, provider, flow, snippet));
            }
        }
    }
    out
}

/// The text and every warning, as one string to search.
fn everything(snippet: &Snippet) -> String {
    format!("{}\n{}", snippet.text, snippet.warnings.join("\n"))
}

#[test]
fn every_snippet_names_the_server_and_the_mailbox() {
    for (format, provider, flow, snippet) in all() {
        let label = format!("{format:?} {provider:?} {flow:?}");
        assert!(
            snippet.text.contains(host(provider)),
            "{label}: no host\n{}",
            snippet.text
        );
        assert!(
            snippet.text.contains(MAILBOX),
            "{label}: no mailbox\n{}",
            snippet.text
        );
        assert!(!snippet.includes_password, "{label}");
        assert!(!snippet.platform.is_empty(), "{label}");
        assert!(!snippet.warnings.is_empty(), "{label}");
        assert!(snippet.text.ends_with('\n'), "{label}");
        assert!(
            !snippet.text.contains('\r'),
            "{label}: line endings are \\n"
        );
    }
}

#[test]
fn the_tested_password_is_never_written() {
    let encoded = STANDARD.encode(PASSWORD);
    let plain_auth = STANDARD.encode(format!("\0{MAILBOX}\0{PASSWORD}"));
    for (format, provider, flow, snippet) in all() {
        let all = everything(&snippet);
        for secret in [PASSWORD, encoded.as_str(), plain_auth.as_str()] {
            assert!(
                !all.contains(secret),
                "{format:?} {provider:?} {flow:?} contains {secret}"
            );
        }
    }
}

#[test]
fn secrets_are_placeholders_the_user_is_told_to_replace() {
    for (format, provider, flow, snippet) in all() {
        let label = format!("{format:?} {provider:?} {flow:?}");
        let uses_secret = !(format == Format::WebConfig && provider == OAuthProvider::Google);
        if uses_secret {
            assert!(
                snippet.text.contains(CLIENT_SECRET_PLACEHOLDER),
                "{label}\n{}",
                snippet.text
            );
            assert!(
                snippet
                    .warnings
                    .iter()
                    .any(|w| w.contains(CLIENT_SECRET_PLACEHOLDER)),
                "{label}: say what replaces the secret"
            );
        }
        // The notes match the code: a refresh token is explained exactly when one is used.
        assert_eq!(
            snippet
                .warnings
                .iter()
                .any(|w| w.contains(REFRESH_TOKEN_PLACEHOLDER)),
            snippet.text.contains(REFRESH_TOKEN_PLACEHOLDER),
            "{label}"
        );
    }
}

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

/// The JSON part of the MailKit snippet: everything before the first blank line.
fn json_part(text: &str) -> &str {
    text.split("\n\n").next().unwrap()
}

#[test]
fn the_json_parses_and_holds_the_values() {
    for provider in PROVIDERS {
        for flow in FLOWS {
            let snippet = render_oauth(Format::MailKit, &settings(provider), &app(provider, flow));
            let value: serde_json::Value = serde_json::from_str(json_part(&snippet.text))
                .unwrap_or_else(|e| panic!("{provider:?} {flow:?}: {e}\n{}", snippet.text));
            let smtp = &value["Smtp"];
            assert_eq!(smtp["Host"], host(provider));
            assert_eq!(smtp["Port"], 587);
            assert_eq!(smtp["SecureSocketOptions"], "StartTls");
            assert_eq!(smtp["Mailbox"], MAILBOX);
            assert_eq!(smtp["ClientId"], CLIENT_ID);
            assert_eq!(smtp["ClientSecret"], CLIENT_SECRET_PLACEHOLDER);
            match provider {
                OAuthProvider::Microsoft => assert_eq!(smtp["TenantId"], TENANT),
                OAuthProvider::Google => {
                    assert_eq!(smtp["RefreshToken"], REFRESH_TOKEN_PLACEHOLDER);
                }
            }
        }
    }
    // Awkward values stay valid JSON and come back unchanged.
    let awkward = Settings {
        user_name: "a\"b\\c@example.com".into(),
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::MailKit,
        &awkward,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    let value: serde_json::Value = serde_json::from_str(json_part(&snippet.text)).unwrap();
    assert_eq!(value["Smtp"]["Mailbox"], "a\"b\\c@example.com");
}

/// The elements and attribute values of a web.config snippet; panics if it is not XML.
fn read_xml(text: &str) -> (Vec<String>, Vec<(String, String)>, String) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut elements = Vec::new();
    let mut attributes = Vec::new();
    let mut comments = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                elements.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
                for attribute in e.attributes() {
                    let attribute = attribute.unwrap();
                    attributes.push((
                        String::from_utf8(attribute.key.as_ref().to_vec()).unwrap(),
                        attribute.unescape_value().unwrap().into_owned(),
                    ));
                }
            }
            Event::Comment(c) => comments.push_str(&String::from_utf8_lossy(&c)),
            _ => {}
        }
    }
    (elements, attributes, comments)
}

#[test]
fn the_web_config_parses_and_does_not_claim_oauth() {
    for provider in PROVIDERS {
        for flow in FLOWS {
            let snippet =
                render_oauth(Format::WebConfig, &settings(provider), &app(provider, flow));
            let (elements, attributes, comments) = read_xml(&snippet.text);
            assert_eq!(
                elements,
                ["system.net", "mailSettings", "smtp", "network"],
                "{provider:?}"
            );
            assert!(
                comments.contains("System.Net.Mail cannot do it"),
                "{comments}"
            );
            for word in ["XOAUTH2", "AuthType", "clientId", "accessToken", "Bearer"] {
                assert!(
                    !snippet.text.contains(word),
                    "{provider:?}: web.config must not look like OAuth ({word})"
                );
            }
            let get = |name: &str| {
                attributes
                    .iter()
                    .find(|(key, _)| key == name)
                    .map(|(_, value)| value.as_str())
            };
            assert_eq!(get("port"), Some("587"));
            assert_eq!(get("enableSsl"), Some("true"));
            assert_eq!(get("from"), Some(MAILBOX));
            match provider {
                OAuthProvider::Microsoft => {
                    assert_eq!(get("host"), Some("smtp.azurecomm.net"));
                    assert_eq!(get("password"), Some(CLIENT_SECRET_PLACEHOLDER));
                    let all = everything(&snippet);
                    for way_out in [
                        "Azure Communication Services",
                        "relay service",
                        "mail.protection.outlook.com",
                        "smtp-hve.office365.com",
                        "MailKit",
                    ] {
                        assert!(all.contains(way_out), "missing way out {way_out}");
                    }
                }
                OAuthProvider::Google => {
                    assert_eq!(get("host"), Some("smtp.gmail.com"));
                    assert_eq!(get("userName"), Some(MAILBOX));
                    assert_eq!(get("password"), Some("YOUR-APP-PASSWORD-HERE"));
                }
            }
        }
    }
}

#[test]
fn the_web_config_escapes_values_and_follows_the_framework() {
    let odd = Settings {
        from: "a&b\"<c>@example.com".into(),
        framework: Framework::Legacy,
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::WebConfig,
        &odd,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    let (_, attributes, _) = read_xml(&snippet.text);
    assert!(attributes.contains(&("from".to_owned(), "a&b\"<c>@example.com".to_owned())));
    assert!(
        !snippet.text.contains("enableSsl"),
        ".NET 2.0–3.5 rejects enableSsl"
    );
    let core = Settings {
        framework: Framework::Core,
        target: Target::DotNet,
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::WebConfig,
        &core,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    assert!(snippet.warnings[0].contains("does not read"));
    // A host that cannot stand in an XML comment is described, not written.
    let punycode = Settings {
        host: "xn--mail-kva.example--".into(),
        ..settings(OAuthProvider::Google)
    };
    let snippet = render_oauth(
        Format::WebConfig,
        &punycode,
        &app(OAuthProvider::Google, OAuthFlow::Delegated),
    );
    read_xml(&snippet.text);
}

#[test]
fn placeholders_stand_in_for_an_empty_tenant_client_id_and_mailbox() {
    for format in Format::ALL {
        for provider in PROVIDERS {
            for flow in FLOWS {
                let bare = OAuthApp {
                    provider,
                    flow,
                    ..OAuthApp::default()
                };
                let snippet = render_oauth(format, &settings(provider), &bare);
                let label = format!("{format:?} {provider:?} {flow:?}");
                if format != Format::WebConfig {
                    assert!(
                        snippet.text.contains(CLIENT_ID_PLACEHOLDER),
                        "{label}\n{}",
                        snippet.text
                    );
                    assert!(
                        snippet
                            .warnings
                            .iter()
                            .any(|w| w.contains(CLIENT_ID_PLACEHOLDER)),
                        "{label}"
                    );
                }
                let uses_tenant = provider == OAuthProvider::Microsoft
                    && !matches!(format, Format::WebConfig | Format::WordPress);
                assert_eq!(
                    snippet.text.contains(TENANT_PLACEHOLDER),
                    uses_tenant,
                    "{label}\n{}",
                    snippet.text
                );
                if uses_tenant {
                    assert!(
                        snippet
                            .warnings
                            .iter()
                            .any(|w| w.contains(TENANT_PLACEHOLDER)),
                        "{label}"
                    );
                }
                assert!(!snippet.text.contains(CLIENT_ID), "{label}");
            }
        }
    }
    let nobody = Settings {
        user_name: String::new(),
        from: String::new(),
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::Nodemailer,
        &nobody,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    assert!(
        snippet
            .text
            .contains(&format!("user: '{MAILBOX_PLACEHOLDER}',"))
    );
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

#[test]
fn every_snippet_explains_oauth_once_in_plain_words() {
    for (format, provider, flow, snippet) in all() {
        let all = everything(&snippet);
        assert!(
            all.contains("OAuth means signing in through")
                || all.contains("OAuth (signing in through"),
            "{format:?} {provider:?} {flow:?}"
        );
    }
}

#[test]
fn the_setup_steps_quote_powershell_values() {
    let app = app(OAuthProvider::Microsoft, OAuthFlow::AppOnly);
    let steps = microsoft_app_setup(&app, "o'brien@example.com");
    let powershell: String = steps
        .iter()
        .filter_map(|step| step.powershell.clone())
        .collect();
    assert!(
        powershell.contains(
            "Add-MailboxPermission -Identity 'o''brien@example.com' -User $servicePrincipal.Identity -AccessRights FullAccess\n"
        ),
        "{powershell}"
    );
    assert!(powershell.contains(
        "Set-CASMailbox -Identity 'o''brien@example.com' -SmtpClientAuthenticationDisabled $false\n"
    ));
    assert!(powershell.contains(&format!(
        "New-ServicePrincipal -AppId '{CLIENT_ID}' -ObjectId 'YOUR-ENTERPRISE-APP-OBJECT-ID-HERE'"
    )));
    assert!(powershell.contains("Install-Module -Name ExchangeOnlineManagement\n"));
    assert!(powershell.contains("Connect-ExchangeOnline\n"));
    assert!(
        !powershell.contains("'o'brien"),
        "an unescaped quote ends the string"
    );
    let text: String = steps.iter().map(|step| step.text.as_str()).collect();
    for needed in [
        "SMTP.SendAsApp",
        "Office 365 Exchange Online",
        "admin consent",
        "New client secret",
        "Enterprise applications",
        CLIENT_ID,
        TENANT,
    ] {
        assert!(text.contains(needed), "missing {needed}");
    }
    // Every line of PowerShell ends in \n, and there is no Windows line ending.
    for step in &steps {
        if let Some(ps) = &step.powershell {
            assert!(ps.ends_with('\n') && !ps.contains('\r'), "{ps:?}");
        }
    }
}

#[test]
fn the_setup_steps_use_placeholders_when_nothing_is_known() {
    let steps = microsoft_app_setup(&OAuthApp::default(), "  ");
    let powershell: String = steps
        .iter()
        .filter_map(|step| step.powershell.clone())
        .collect();
    assert!(powershell.contains(&format!("-AppId '{CLIENT_ID_PLACEHOLDER}'")));
    assert!(powershell.contains(&format!("-Identity '{MAILBOX_PLACEHOLDER}'")));
    assert!(steps[0].text.contains("New registration"));
    assert!(steps[0].text.contains("Directory (tenant) ID"));
}
