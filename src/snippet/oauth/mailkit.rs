//! ASP.NET Core with MailKit and OAuth 2: an `"Smtp"` section for `appsettings.json` (first,
//! pure JSON), then the C# that gets a token and signs in with `SaslMechanismOAuth2`.
//!
//! Microsoft is always app-only here (a website sends as itself; MSAL's delegated flows need a
//! person at a browser and a token cache, which does not fit a site). Google is delegated with
//! a stored refresh token.
//!
//! Sources:
//! - jstedfast/MailKit `ExchangeOAuth2.md`, "Authenticating a Web Service with OAuth2":
//!   `ConfidentialClientApplicationBuilder.Create(clientId).WithAuthority(
//!   "https://login.microsoftonline.com/{tenantId}/v2.0").WithClientSecret(clientSecret).Build()`,
//!   `AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync()`,
//!   `new SaslMechanismOAuth2(mailbox, result.AccessToken)`, `client.AuthenticateAsync(oauth2)`;
//!   `MailKit/Security/SaslMechanismOAuth2.cs` (`SaslMechanismOAuth2(string userName, string
//!   auth_token)`).
//! - jstedfast/MailKit `GMailOAuth2.md` (Google.Apis.Auth, scope `https://mail.google.com/`);
//!   googleapis/google-api-dotnet-client `UserCredential(IAuthorizationCodeFlow flow, string
//!   userId, TokenResponse token)` and `GetAccessTokenForRequestAsync()` (refreshes when needed).

use std::fmt::Write as _;

use super::super::escape::json;
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx, REFRESH_TOKEN_PLACEHOLDER};
use crate::oauth::{OAuthFlow, OAuthProvider};
use crate::settings::Security;

/// The JSON section, a blank line, then the C#.
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(
        crate::en!(
            "Put the \"Smtp\" section (the JSON part) into appsettings.json, replacing an \
             \"Smtp\" section already there; add the C# class to your project and register it: \
             builder.Services.AddSingleton<OAuthMailSender>();"
        )
        .to_owned(),
    );
    let asked_delegated = ctx.asked_flow == OAuthFlow::Delegated;
    if ctx.provider == OAuthProvider::Microsoft {
        // A website sends as itself: app-only (see the module's doc).
        ctx.asked_flow = OAuthFlow::AppOnly;
    }
    ctx.common_notes(ctx.provider == OAuthProvider::Microsoft, true);
    if ctx.provider == OAuthProvider::Microsoft && asked_delegated {
        ctx.warnings.push(
            crate::en!(
                "This uses app-only sign-in (the site signs in as itself), which is what a \
                 website needs: delegated sign-in would need a person at a browser and a token \
                 cache."
            )
            .to_owned(),
        );
    }
    // No encryption is never right for a token: STARTTLS then (a note says so).
    let options = if ctx.security == Security::ImplicitTls {
        "SslOnConnect"
    } else {
        "StartTls"
    };
    let mut fields = vec![
        format!("\"Host\": {}", json(&ctx.host)),
        format!("\"Port\": {}", ctx.port),
        format!("\"SecureSocketOptions\": {}", json(options)),
        format!("\"Mailbox\": {}", json(&ctx.mailbox)),
        format!("\"From\": {}", json(&ctx.from)),
    ];
    if ctx.provider == OAuthProvider::Microsoft {
        fields.push(format!("\"TenantId\": {}", json(&ctx.tenant)));
    }
    fields.push(format!("\"ClientId\": {}", json(&ctx.client_id)));
    fields.push(format!(
        "\"ClientSecret\": {}",
        json(CLIENT_SECRET_PLACEHOLDER)
    ));
    if ctx.provider == OAuthProvider::Google {
        fields.push(format!(
            "\"RefreshToken\": {}",
            json(REFRESH_TOKEN_PLACEHOLDER)
        ));
    }
    let mut text = format!(
        "{{\n  \"Smtp\": {{\n    {}\n  }}\n}}\n\n",
        fields.join(",\n    ")
    );
    text.push_str(&csharp(ctx.provider));
    ctx.warnings.push(
        crate::en!(
            "Keep the client secret out of appsettings.json in a shared repository: dotnet \
             user-secrets, an environment variable (Smtp__ClientSecret) or a key vault override \
             it."
        )
        .to_owned(),
    );
    if ctx.security == Security::StartTls {
        ctx.warnings.push(
            crate::en!(
                "Do not connect with useSsl: true on port 587: in MailKit that means SSL on \
                 connect. STARTTLS is SecureSocketOptions.StartTls, as in the section."
            )
            .to_owned(),
        );
    }
    (
        crate::en!("appsettings.json and C# (MailKit)"),
        text,
        ctx.warnings,
    )
}

/// The sender class, reading the `"Smtp"` section.
fn csharp(provider: OAuthProvider) -> String {
    let (packages, usings, token) = match provider {
        OAuthProvider::Microsoft => (
            "MailKit Microsoft.Identity.Client",
            "using Microsoft.Identity.Client;\n",
            MICROSOFT_TOKEN,
        ),
        OAuthProvider::Google => (
            "MailKit Google.Apis.Auth",
            "using Google.Apis.Auth.OAuth2;\nusing Google.Apis.Auth.OAuth2.Flows;\nusing Google.Apis.Auth.OAuth2.Responses;\n",
            GOOGLE_TOKEN,
        ),
    };
    let mut out = String::new();
    let _ = writeln!(out, "// C#. NuGet packages: {packages}");
    out.push_str("using MailKit.Net.Smtp;\nusing MailKit.Security;\nusing Microsoft.Extensions.Configuration;\n");
    out.push_str(usings);
    out.push_str("using MimeKit;\n\n");
    out.push_str(
        "/// <summary>Sends mail as the \"Smtp\" section's mailbox, signing in with OAuth (XOAUTH2).</summary>\n\
         public sealed class OAuthMailSender\n{\n\
         \x20   private readonly IConfigurationSection smtp;\n",
    );
    out.push_str(token);
    out.push_str(
        "\n    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)\n    {\n\
         \x20       if (message.From.Count == 0)\n\
         \x20           message.From.Add(MailboxAddress.Parse(smtp[\"From\"]));\n\
         \x20       var oauth2 = new SaslMechanismOAuth2(smtp[\"Mailbox\"], await GetAccessTokenAsync(cancellationToken));\n\
         \x20       using var client = new SmtpClient();\n\
         \x20       await client.ConnectAsync(smtp[\"Host\"], int.Parse(smtp[\"Port\"] ?? \"587\"),\n\
         \x20           Enum.Parse<SecureSocketOptions>(smtp[\"SecureSocketOptions\"] ?? \"StartTls\"), cancellationToken);\n\
         \x20       await client.AuthenticateAsync(oauth2, cancellationToken);\n\
         \x20       await client.SendAsync(message, cancellationToken);\n\
         \x20       await client.DisconnectAsync(true, cancellationToken);\n\
         \x20   }\n}\n",
    );
    out
}

/// The constructor and `GetAccessTokenAsync` for Microsoft (app-only, MSAL caches the token).
const MICROSOFT_TOKEN: &str = r#"    private readonly IConfidentialClientApplication tokenClient;

    public OAuthMailSender(IConfiguration configuration)
    {
        smtp = configuration.GetSection("Smtp");
        // App-only: the app signs in as itself with its ID and secret.
        tokenClient = ConfidentialClientApplicationBuilder.Create(smtp["ClientId"])
            .WithAuthority($"https://login.microsoftonline.com/{smtp["TenantId"]}/v2.0")
            .WithClientSecret(smtp["ClientSecret"])
            .Build();
    }

    private async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var result = await tokenClient
            .AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" })
            .ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
"#;

/// The constructor and `GetAccessTokenAsync` for Google (a stored refresh token).
const GOOGLE_TOKEN: &str = r#"    private readonly UserCredential credential;

    public OAuthMailSender(IConfiguration configuration)
    {
        smtp = configuration.GetSection("Smtp");
        var flow = new GoogleAuthorizationCodeFlow(new GoogleAuthorizationCodeFlow.Initializer
        {
            ClientSecrets = new ClientSecrets { ClientId = smtp["ClientId"], ClientSecret = smtp["ClientSecret"] },
            Scopes = new[] { "https://mail.google.com/" },
        });
        credential = new UserCredential(flow, smtp["Mailbox"], new TokenResponse { RefreshToken = smtp["RefreshToken"] });
    }

    private Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        credential.GetAccessTokenForRequestAsync(null, cancellationToken);
"#;
