//! A hosting server's folder tree, generated: many sites under a control panel's layout, each
//! with the mail settings of one platform (web.config, wp-config.php, a Laravel or Symfony
//! .env, appsettings.json), for the fleet check's integration tests and benchmark.
//!
//! Everything is deterministic from the site's index: the platform rotates through
//! [`PLATFORMS`], the endpoint through the list given, and the security setting through each
//! platform's variants. Windows-side files (web.config, appsettings.json) have CRLF line
//! endings, and every other one of them starts with a UTF-8 byte order mark.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A mail server a generated site points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Its name or address.
    pub host: String,
    /// Its port.
    pub port: u16,
}

/// Where a control panel puts a site's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plesk: `<root>/vhosts/<domain>/httpdocs/`.
    Plesk,
    /// SolidCP / WebsitePanel: `<root>/HostingSpaces/<user>/<domain>/wwwroot/`.
    SolidCp,
    /// Plain IIS: `<root>/inetpub/<domain>/wwwroot/` (even indices) or `.../WWW/` (odd).
    PlainIis,
}

/// One generated site and what a scan should find for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedSite {
    /// Its domain (`site0007.test`), also its folder's name.
    pub domain: String,
    /// The file holding its mail settings.
    pub config_path: PathBuf,
    /// The platform, as the JSON report names it: `asp_net`, `word_press`, `laravel`,
    /// `symfony`, `asp_net_core`.
    pub platform: &'static str,
    /// The mail server's host.
    pub host: String,
    /// The mail server's port.
    pub port: u16,
    /// The security the platform uses, as reports name it: `plain`, `starttls`,
    /// `starttls_if_offered`, `tls`.
    pub expected_transport: &'static str,
}

/// The platforms, in the order sites rotate through them (site `i` gets `PLATFORMS[i % 5]`).
pub const PLATFORMS: [&str; 5] = [
    "asp_net",
    "word_press",
    "laravel",
    "symfony",
    "asp_net_core",
];

/// Writes `sites` sites under `root` in `layout`. Site `i` uses platform `PLATFORMS[i % 5]`,
/// endpoint `endpoints[(i + i / 5) % endpoints.len()]` (so that every platform meets every
/// endpoint) and the password `password_of(i)`; its user name is `site<i>@example.test`.
/// An ASP.NET Core site also gets the web.config IIS hosts it with (no mail settings in it).
///
/// # Panics
/// When `endpoints` is empty or a file cannot be written.
pub fn generate(
    root: &Path,
    layout: Layout,
    sites: usize,
    endpoints: &[Endpoint],
    password_of: impl Fn(usize) -> String,
) -> Vec<GeneratedSite> {
    assert!(
        !endpoints.is_empty(),
        "hosting_tree::generate needs an endpoint"
    );
    (0..sites)
        .map(|index| {
            let endpoint = &endpoints[(index + index / PLATFORMS.len()) % endpoints.len()];
            let domain = format!("site{index:04}.test");
            let folder = site_folder(root, layout, index, &domain);
            let site = Site {
                index,
                variant: index / PLATFORMS.len(),
                host: &endpoint.host,
                port: endpoint.port,
                user: format!("site{index:04}@example.test"),
                password: password_of(index),
                from: format!("noreply@{domain}"),
            };
            let (file, platform, expected_transport) = match index % PLATFORMS.len() {
                0 => site.web_config(&folder),
                1 => site.wordpress(&folder),
                2 => site.laravel(&folder),
                3 => site.symfony(&folder),
                _ => site.aspnet_core(&folder),
            };
            GeneratedSite {
                domain,
                config_path: folder.join(file),
                platform,
                host: endpoint.host.clone(),
                port: endpoint.port,
                expected_transport,
            }
        })
        .collect()
}

/// Writes `text` to `path`, creating its folders.
///
/// # Panics
/// When the folders or the file cannot be written.
pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the folders of a generated file");
    }
    std::fs::write(path, text).expect("write a generated file");
}

/// The site's web root in `layout`.
fn site_folder(root: &Path, layout: Layout, index: usize, domain: &str) -> PathBuf {
    match layout {
        Layout::Plesk => root.join("vhosts").join(domain).join("httpdocs"),
        Layout::SolidCp => root
            .join("HostingSpaces")
            .join(format!("customer{}", index % 4 + 1))
            .join(domain)
            .join("wwwroot"),
        Layout::PlainIis => {
            let web = if index.is_multiple_of(2) {
                "wwwroot"
            } else {
                "WWW"
            };
            root.join("inetpub").join(domain).join(web)
        }
    }
}

/// One site's values, and the files of each platform.
struct Site<'a> {
    index: usize,
    /// Which of a platform's variants (the how-many-th site of that platform).
    variant: usize,
    host: &'a str,
    port: u16,
    user: String,
    password: String,
    from: String,
}

type Written = (&'static str, &'static str, &'static str);

impl Site<'_> {
    /// Windows-side text: CRLF, and a byte order mark on every other site of the platform.
    fn windows_text(&self, text: &str) -> String {
        let bom = if self.variant % 2 == 1 {
            "\u{feff}"
        } else {
            ""
        };
        format!("{bom}{}", text.replace('\n', "\r\n"))
    }

    /// System.Net.Mail: `enableSsl` true (STARTTLS, required) on even indices.
    fn web_config(&self, folder: &Path) -> Written {
        let enable_ssl = self.index.is_multiple_of(2);
        let text = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <system.web>\n    \
             <compilation targetFramework=\"4.8\" />\n  </system.web>\n  <system.net>\n    \
             <mailSettings>\n      <smtp from=\"{}\" deliveryMethod=\"Network\">\n        \
             <network host=\"{}\" port=\"{}\" userName=\"{}\" password=\"{}\" \
             enableSsl=\"{enable_ssl}\" />\n      </smtp>\n    </mailSettings>\n  \
             </system.net>\n</configuration>\n",
            xml(&self.from),
            xml(self.host),
            self.port,
            xml(&self.user),
            xml(&self.password),
        );
        write(&folder.join("web.config"), &self.windows_text(&text));
        let transport = if enable_ssl { "starttls" } else { "plain" };
        ("web.config", "asp_net", transport)
    }

    /// WP Mail SMTP's constants, four variants: `WPMS_SSL` 'tls', '' (auto-TLS), '' with
    /// auto-TLS off, 'ssl'.
    fn wordpress(&self, folder: &Path) -> Written {
        let (ssl, auto_tls, transport) = match self.variant % 4 {
            0 => ("tls", true, "starttls"),
            1 => ("", true, "starttls_if_offered"),
            2 => ("", false, "plain"),
            _ => ("ssl", true, "tls"),
        };
        // The port as a number on some sites, as text on others: WP Mail SMTP takes both.
        let port = if self.variant.is_multiple_of(2) {
            self.port.to_string()
        } else {
            format!("'{}'", self.port)
        };
        let mut text = String::from(
            "<?php\n/** The base configuration for WordPress */\n\
             define( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\n\
             define( 'DB_PASSWORD', 'db-password' );\ndefine( 'DB_HOST', 'localhost' );\n\n\
             // WP Mail SMTP\n",
        );
        let constants = [
            ("WPMS_ON", "true".to_owned()),
            ("WPMS_MAILER", "'smtp'".to_owned()),
            ("WPMS_SMTP_HOST", php(self.host)),
            ("WPMS_SMTP_PORT", port),
            ("WPMS_SSL", php(ssl)),
            ("WPMS_SMTP_AUTH", "true".to_owned()),
            ("WPMS_SMTP_AUTOTLS", auto_tls.to_string()),
            ("WPMS_SMTP_USER", php(&self.user)),
            ("WPMS_SMTP_PASS", php(&self.password)),
            ("WPMS_MAIL_FROM", php(&self.from)),
        ];
        for (name, value) in constants {
            let _ = writeln!(text, "define( '{name}', {value} );");
        }
        text.push_str(
            "\n$table_prefix = 'wp_';\n\nif ( ! defined( 'ABSPATH' ) ) {\n\t\
             define( 'ABSPATH', __DIR__ . '/' );\n}\n\nrequire_once ABSPATH . 'wp-settings.php';\n",
        );
        write(&folder.join("wp-config.php"), &text);
        write(
            &folder.join("wp-includes").join("version.php"),
            "<?php\n$wp_version = '6.7.1';\n",
        );
        ("wp-config.php", "word_press", transport)
    }

    /// Laravel's `MAIL_*` (`MAIL_DRIVER` on every other site, `MAIL_SCHEME=smtps` on every
    /// third): SSL on connect for smtps or port 465, STARTTLS when offered otherwise.
    fn laravel(&self, folder: &Path) -> Written {
        let mailer = if self.variant.is_multiple_of(2) {
            "MAIL_MAILER"
        } else {
            "MAIL_DRIVER"
        };
        let smtps = self.variant % 3 == 2;
        let scheme = if smtps { "MAIL_SCHEME=smtps\n" } else { "" };
        let text = format!(
            "APP_NAME=\"Site {}\"\nAPP_ENV=production\nAPP_KEY=base64:c2l0ZWtleXNpdGVrZXlzaXRla2V5c2l0ZWtleQ==\n\
             APP_URL=https://{}\n\n{mailer}=smtp\n{scheme}MAIL_HOST={}\nMAIL_PORT={}\n\
             MAIL_USERNAME={}\nMAIL_PASSWORD={}\nMAIL_ENCRYPTION=tls\n\
             MAIL_FROM_ADDRESS=\"{}\"\nMAIL_FROM_NAME=\"${{APP_NAME}}\"\n",
            self.index,
            self.from.trim_start_matches("noreply@"),
            self.host,
            self.port,
            self.user,
            env_quoted(&self.password),
            self.from,
        );
        write(&folder.join(".env"), &text);
        write(&folder.join("artisan"), "#!/usr/bin/env php\n<?php\n");
        write(&folder.join("public").join("index.php"), "<?php\n");
        let transport = if smtps || self.port == 465 {
            "tls"
        } else {
            "starttls_if_offered"
        };
        (".env", "laravel", transport)
    }

    /// Symfony's `MAILER_DSN`, `smtps://` on every other site.
    fn symfony(&self, folder: &Path) -> Written {
        let smtps = self.variant % 2 == 1;
        let text = format!(
            "# In all environments, the following files are loaded if they exist\n\
             APP_ENV=prod\nAPP_SECRET=0123456789abcdef0123456789abcdef\n\n\
             ###> symfony/mailer ###\nMAILER_DSN={}://{}:{}@{}:{}\n###< symfony/mailer ###\n",
            if smtps { "smtps" } else { "smtp" },
            percent(&self.user),
            percent(&self.password),
            self.host,
            self.port,
        );
        write(&folder.join(".env"), &text);
        write(
            &folder.join("bin").join("console"),
            "#!/usr/bin/env php\n<?php\n",
        );
        write(&folder.join("public").join("index.php"), "<?php\n");
        let transport = if smtps || self.port == 465 {
            "tls"
        } else {
            "starttls_if_offered"
        };
        (".env", "symfony", transport)
    }

    /// A MailKit-style `Smtp` section, `SecureSocketOptions` rotating through `StartTls`,
    /// `SslOnConnect`, `Auto` and `None`.
    fn aspnet_core(&self, folder: &Path) -> Written {
        let (options, transport) = match self.variant % 4 {
            0 => ("StartTls", "starttls"),
            1 => ("SslOnConnect", "tls"),
            2 if self.port == 465 => ("Auto", "tls"),
            2 => ("Auto", "starttls_if_offered"),
            _ => ("None", "plain"),
        };
        let text = format!(
            "{{\n  // Written by the deployment\n  \"Logging\": {{\n    \"LogLevel\": {{\n      \
             \"Default\": \"Information\"\n    }}\n  }},\n  \"AllowedHosts\": \"*\",\n  \
             \"Smtp\": {{\n    \"Host\": {},\n    \"Port\": {},\n    \
             \"SecureSocketOptions\": \"{options}\",\n    \"UserName\": {},\n    \
             \"Password\": {},\n    \"From\": {},\n  }}\n}}\n",
            json(self.host),
            self.port,
            json(&self.user),
            json(&self.password),
            json(&self.from),
        );
        write(&folder.join("appsettings.json"), &self.windows_text(&text));
        let hosting = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  \
                       <location path=\".\" inheritInChildApplications=\"false\">\n    \
                       <system.webServer>\n      <handlers>\n        <add name=\"aspNetCore\" \
                       path=\"*\" verb=\"*\" modules=\"AspNetCoreModuleV2\" \
                       resourceType=\"Unspecified\" />\n      </handlers>\n      <aspNetCore \
                       processPath=\"dotnet\" arguments=\".\\Site.dll\" hostingModel=\"inprocess\" \
                       />\n    </system.webServer>\n  </location>\n</configuration>\n";
        write(&folder.join("web.config"), &self.windows_text(hosting));
        ("appsettings.json", "asp_net_core", transport)
    }
}

/// An XML attribute value.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// A single-quoted PHP string.
fn php(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A .env value read back literally: single quotes, or double quotes with `\`, `"` and `$`
/// escaped when the text holds a single quote.
fn env_quoted(text: &str) -> String {
    if text.contains('\'') {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('$', "\\$");
        format!("\"{escaped}\"")
    } else {
        format!("'{text}'")
    }
}

/// A JSON string.
fn json(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Percent-encoding for a DSN's user or password: everything but `A-Z a-z 0-9 - . _ ~`.
fn percent(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
