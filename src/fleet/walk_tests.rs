//! The walk on generated trees: control-panel layouts, web.config inheritance, `configSource`,
//! encrypted and broken files, text encodings. More in `walk_tests_files.rs`.

use std::path::{Path, PathBuf};

use super::*;
use crate::fleet::{SiteSettings, Transport};
use crate::settings::Framework;

/// Writes `text` at `root/relative`, creating folders.
pub(super) fn write(root: &Path, relative: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A web.config with `<smtp {smtp}><network {network}/></smtp>`.
pub(super) fn config(smtp: &str, network: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<configuration>\n  <system.net>\n    <mailSettings>\n      \
         <smtp {smtp}>\n        <network {network} />\n      </smtp>\n    </mailSettings>\n  \
         </system.net>\n</configuration>\n"
    )
}

pub(super) fn scan(root: &Path) -> Walked {
    walk(&[root.to_owned()], None)
}

/// The site whose file is `root/relative`.
pub(super) fn site<'w>(walked: &'w Walked, root: &Path, relative: &str) -> &'w FoundSite {
    let path = root.join(relative);
    walked
        .sites
        .iter()
        .find(|s| s.path == path)
        .unwrap_or_else(|| panic!("no site for {relative}: {walked:#?}"))
}

pub(super) fn settings<'w>(walked: &'w Walked, root: &Path, relative: &str) -> &'w SiteSettings {
    match &site(walked, root, relative).settings {
        Ok(settings) => settings,
        Err(err) => panic!("{relative}: {err}"),
    }
}

pub(super) fn error(walked: &Walked, root: &Path, relative: &str) -> Unreadable {
    site(walked, root, relative).settings.clone().unwrap_err()
}

#[test]
fn control_panel_layouts_name_the_domain() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = config("from=\"a@b.example\"", "host=\"mail.example\" port=\"587\"");
    write(root, "vhosts/plesk.example/httpdocs/web.config", &text);
    write(
        root,
        "vhosts/plesk.example/httpdocs/shop/web.config",
        config("", "port=\"2525\""),
    );
    write(
        root,
        "HostingSpaces/user1/solid.example/wwwroot/web.config",
        &text,
    );
    write(root, "iis/plain.example/WWW/web.config", &text);
    write(root, "other/site1/web.config", &text);
    write(root, "web.config", &text);
    let walked = scan(root);
    let names: Vec<&str> = walked.sites.iter().map(|s| s.site.as_str()).collect();
    let own = layout::own_name(root);
    let expected = [
        "solid.example",
        "plain.example",
        "other/site1",
        "plesk.example",
        "plesk.example/shop",
        own.as_str(),
    ];
    for name in expected {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert_eq!(walked.sites.len(), 6, "{names:?}");
    assert_eq!(walked.files_read, 6);
    let paths: Vec<&PathBuf> = walked.sites.iter().map(|s| &s.path).collect();
    assert!(paths.is_sorted(), "sorted by path");
    let plesk = settings(&walked, root, "vhosts/plesk.example/httpdocs/web.config");
    assert_eq!((plesk.host.as_str(), plesk.port), ("mail.example", 587));
    assert_eq!(plesk.from, "a@b.example");
    assert_eq!(plesk.transport, Transport::Plain);
    assert_eq!(plesk.enable_ssl, None);
    assert!(walked.skipped.is_empty(), "{:?}", walked.skipped);
}

#[test]
fn parent_folders_are_merged_attribute_by_attribute() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let parent = "<configuration><system.web><compilation targetFramework=\"3.5\"/></system.web>\
        <system.net><mailSettings><smtp from=\"p@x.example\"><network host=\"relay.example\" \
        port=\"587\" userName=\"u\" password=\"ParentSecret1\"/></smtp></mailSettings>\
        </system.net></configuration>";
    write(root, "app/web.config", parent);
    write(
        root,
        "app/secure/web.config",
        config("", "enableSsl=\"true\""),
    );
    write(
        root,
        "app/secure/deeper/web.config",
        config("", "port=\"2525\""),
    );
    write(
        root,
        "app/plain/web.config",
        "<configuration><appSettings/></configuration>",
    );
    write(
        root,
        "app/pickup/web.config",
        config("deliveryMethod=\"PickupDirectoryFromIis\"", ""),
    );
    let walked = scan(root);
    assert_eq!(walked.sites.len(), 3, "{:#?}", walked.sites);
    let secure = settings(&walked, root, "app/secure/web.config");
    assert_eq!(secure.host, "relay.example");
    assert_eq!((secure.port, secure.transport), (587, Transport::StartTls));
    assert_eq!(secure.enable_ssl, Some(true));
    assert_eq!(
        (secure.user.as_str(), secure.from.as_str()),
        ("u", "p@x.example")
    );
    assert_eq!(secure.password.expose(), "ParentSecret1");
    assert_eq!(secure.framework, Framework::Legacy);
    let deeper = settings(&walked, root, "app/secure/deeper/web.config");
    assert_eq!((deeper.port, deeper.transport), (2525, Transport::StartTls));
    assert_eq!(
        site(&walked, root, "app/secure/deeper/web.config").site,
        "app/secure/deeper"
    );
    let top = settings(&walked, root, "app/web.config");
    assert_eq!((top.port, top.transport), (587, Transport::Plain));
}

#[test]
fn defaults_and_a_root_without_mail_settings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "web.config",
        "<configuration><system.web/></configuration>",
    );
    write(root, "a/web.config", config("", "host=\"h.example\""));
    write(
        root,
        "b/web.config",
        "<configuration><system.web/></configuration>",
    );
    write(root, "c/web.config", config("", "port=\"x25\""));
    let walked = scan(root);
    assert_eq!(walked.sites.len(), 2, "{:#?}", walked.sites);
    let a = settings(&walked, root, "a/web.config");
    assert_eq!(
        (a.port, a.transport, a.enable_ssl),
        (25, Transport::Plain, None)
    );
    let one_file = walk(&[root.join("a/web.config")], None);
    assert_eq!(one_file.sites.len(), 1, "a file given instead of a folder");
    assert_eq!(one_file.sites[0].site, "a");
    assert!(matches!(
        error(&walked, root, "c/web.config"),
        Unreadable::Malformed { what: "web.config", detail } if detail.contains("port=\"x25\"")
    ));
}

#[test]
fn config_source_inside_the_site_is_followed_and_escapes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vhosts/cs.example/httpdocs");
    let pointing = |source: &str| {
        format!(
            "<configuration><system.net><mailSettings><smtp configSource=\"{source}\"/>\
             </mailSettings></system.net></configuration>"
        )
    };
    write(&root, "web.config", pointing("config\\mail.config"));
    write(
        &root,
        "config/mail.config",
        "<smtp from=\"f@x.example\"><network host=\"cs.example\" enableSsl=\"true\"/></smtp>",
    );
    write(&root, "sub/web.config", pointing("../config/mail.config"));
    write(&root, "up/web.config", pointing("../../outside.config"));
    write(dir.path(), "vhosts/cs.example/outside.config", "<smtp/>");
    write(&root, "abs/web.config", pointing("/etc/mail.config"));
    write(&root, "gone/web.config", pointing("missing.config"));
    write(&root, "wrong/web.config", pointing("w.config"));
    write(&root, "wrong/w.config", "<configuration/>");
    let walked = scan(dir.path());
    let followed = settings(&walked, &root, "web.config");
    assert_eq!(
        (followed.host.as_str(), followed.transport),
        ("cs.example", Transport::StartTls)
    );
    assert_eq!(followed.from, "f@x.example");
    assert_eq!(
        settings(&walked, &root, "sub/web.config").host,
        "cs.example"
    );
    for (file, words) in [
        ("up/web.config", "outside the site"),
        ("abs/web.config", "absolute path"),
        ("gone/web.config", "not there"),
        ("wrong/web.config", "instead of <smtp>"),
    ] {
        let err = error(&walked, &root, file);
        assert!(
            matches!(&err, Unreadable::ConfigSource(text) if text.contains(words)),
            "{file}: {err:?}"
        );
    }
    // Six web.config files, mail.config for two of them, w.config.
    assert_eq!(walked.files_read, 6 + 2 + 1);
}

#[test]
fn encrypted_and_broken_files_are_unreadable_without_quoting_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "enc/web.config",
        "<configuration><system.net><mailSettings>\
        <smtp configProtectionProvider=\"RsaProtectedConfigurationProvider\"><EncryptedData>\
        <CipherValue>AAAA</CipherValue></EncryptedData></smtp></mailSettings></system.net>\
        </configuration>",
    );
    write(
        root,
        "enc/child/web.config",
        config("", "enableSsl=\"true\""),
    );
    write(
        root,
        "bad/web.config",
        "<configuration><system.net><mailSettings><smtp>\
        <network host=\"h\" password=\"BrokenSecret9\"></smtp></mailSettings></system.net>",
    );
    write(root, "amp/web.config", config("", "password=\"a&bSecret\""));
    let walked = scan(root);
    assert_eq!(
        error(&walked, root, "enc/web.config"),
        Unreadable::Encrypted
    );
    assert!(matches!(
        error(&walked, root, "enc/child/web.config"),
        Unreadable::Elsewhere(text) if text.contains("inherits")
    ));
    for file in ["bad/web.config", "amp/web.config"] {
        let err = error(&walked, root, file);
        assert!(
            matches!(err, Unreadable::Malformed { what: "XML", .. }),
            "{err:?}"
        );
    }
    let shown = format!("{walked:?} {}", error(&walked, root, "bad/web.config"));
    assert!(
        !shown.contains("BrokenSecret9") && !shown.contains("Secret"),
        "{shown}"
    );
}

#[test]
fn encodings_bom_crlf_and_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = config("", "host=\"enc.example\" port=\"587\"").replace('\n', "\r\n");
    write(root, "bom/web.config", format!("\u{feff}{text}"));
    let utf16: Vec<u8> = format!("\u{feff}{text}")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(root, "utf16/web.config", utf16);
    let mut latin1 = config("", "host=\"x\"").into_bytes();
    latin1.extend(b"<!-- caf\xe9 -->");
    write(root, "latin1/web.config", latin1);
    let walked = scan(root);
    for file in ["bom/web.config", "utf16/web.config"] {
        let found = settings(&walked, root, file);
        assert_eq!(
            (found.host.as_str(), found.port),
            ("enc.example", 587),
            "{file}"
        );
    }
    assert!(matches!(
        error(&walked, root, "latin1/web.config"),
        Unreadable::Malformed { what: "XML", detail } if detail.contains("not UTF-8")
    ));
}
