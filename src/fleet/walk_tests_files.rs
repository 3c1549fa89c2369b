//! The walk on files it cannot or should not read, symbolic links, IIS's list of sites, and
//! the Debug output (no password in it).

#[cfg(unix)]
use std::path::PathBuf;

#[cfg(unix)]
use super::tests::site;
use super::tests::{config, error, scan, settings, write};
use super::*;
use crate::fleet::Transport;

#[test]
fn large_binary_and_skipped_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let large = write(root, "large/web.config", "");
    std::fs::File::options()
        .write(true)
        .open(&large)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let mut binary = config("", "host=\"b\"").into_bytes();
    binary.insert(10, 0);
    write(root, "binary/web.config", binary);
    write(
        root,
        "site/node_modules/web.config",
        config("", "host=\"n\""),
    );
    write(root, "site/bin/web.config", config("", "host=\"n\""));
    write(
        root,
        "site/wp-content/uploads/web.config",
        config("", "host=\"n\""),
    );
    write(
        root,
        "site/WEB.CONFIG",
        config("", "host=\"upper.example\""),
    );
    let walked = scan(root);
    assert_eq!(
        error(&walked, root, "large/web.config"),
        Unreadable::TooLarge(50 * 1024 * 1024)
    );
    assert_eq!(
        error(&walked, root, "binary/web.config"),
        Unreadable::Binary
    );
    assert_eq!(
        settings(&walked, root, "site/WEB.CONFIG").host,
        "upper.example"
    );
    assert_eq!(walked.sites.len(), 3, "{:#?}", walked.sites);
    assert_eq!(walked.files_read, 2, "the large file is not read");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_entries_are_reported_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a/b/web.config", config("", "host=\"loop.example\""));
    std::os::unix::fs::symlink(root.join("a"), root.join("a/b/back")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("a/dangling")).unwrap();
    let locked = write(
        root,
        "locked/web.config",
        config("", "host=\"l\" password=\"LockedSecret\""),
    );
    let closed = write(root, "closed/web.config", config("", "host=\"c\""));
    let closed = closed.parent().unwrap().to_owned();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let source = "<configuration><system.net><mailSettings><smtp configSource=\"m.config\"/>\
        </mailSettings></system.net></configuration>";
    write(root, "site/linked/web.config", source);
    write(
        root,
        "elsewhere.config",
        "<smtp><network host=\"out.example\"/></smtp>",
    );
    std::os::unix::fs::symlink(
        root.join("elsewhere.config"),
        root.join("site/linked/m.config"),
    )
    .unwrap();
    let privileged = std::fs::read(&locked).is_ok();
    let walked = scan(root);
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        settings(&walked, root, "a/b/web.config").host,
        "loop.example"
    );
    let reason = |path: PathBuf| {
        walked.skipped.iter().find(|s| s.path == path).map_or_else(
            || panic!("{} not skipped: {:?}", path.display(), walked.skipped),
            |s| s.reason.clone(),
        )
    };
    assert!(reason(root.join("a/b/back")).contains("loop"));
    assert!(reason(root.join("a/dangling")).contains("not there"));
    let inside = Root {
        path: root.join("site"),
        ..Root::default()
    };
    let linked = run(&[inside], Vec::new());
    assert!(matches!(
        &linked.sites[0].settings,
        Err(Unreadable::ConfigSource(text)) if text.contains("symbolic link")
    ));
    if privileged {
        return; // root reads anything
    }
    assert!(reason(closed).contains("permission denied"));
    let err = error(&walked, root, "locked/web.config");
    assert!(
        matches!(&err, Unreadable::Io(text) if text.contains("permission denied")),
        "{err:?}"
    );
    assert_eq!(
        site(&walked, root, "locked/web.config").platform,
        Platform::AspNet
    );
}

#[test]
fn iis_sites_and_applications() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let wwwroot = root.join("inetpub/wwwroot");
    let blog = root.join("inetpub/wwwroot/blog");
    let shop = root.join("d/shop");
    write(
        &wwwroot,
        "web.config",
        config("from=\"w@x.example\"", "host=\"iis.example\" port=\"587\""),
    );
    write(
        &wwwroot,
        "docs/web.config",
        config("", "enableSsl=\"true\""),
    );
    write(&blog, "web.config", config("", "enableSsl=\"true\""));
    write(&shop, "web.config", config("", "host=\"shop.example\""));
    let host = format!(
        "<configuration><system.applicationHost><sites>\
         <site name=\"Default Web Site\" id=\"1\">\
         <application path=\"/\"><virtualDirectory path=\"/\" physicalPath=\"{}\"/></application>\
         <application path=\"/blog\"><virtualDirectory path=\"/\" physicalPath=\"{}\"/></application>\
         </site><site name=\"Shop\" id=\"2\"><application path=\"/\">\
         <virtualDirectory path=\"/\" physicalPath=\"{}\"/></application></site>\
         <site name=\"Old\"><application path=\"/\"><virtualDirectory path=\"/\" \
         physicalPath=\"D:\\sites\\old\"/></application></site>\
         </sites></system.applicationHost></configuration>",
        wwwroot.display(),
        blog.display(),
        shop.display()
    );
    let config_path = write(root, "applicationHost.config", host);
    let walked = walk(&[root.join("d")], Some(&config_path));
    let named = |name: &str| {
        walked
            .sites
            .iter()
            .find(|s| s.site == name)
            .unwrap_or_else(|| panic!("{name}: {walked:#?}"))
    };
    assert_eq!(named("Default Web Site").path, wwwroot.join("web.config"));
    assert_eq!(
        named("Default Web Site/docs").path,
        wwwroot.join("docs/web.config")
    );
    let blog_site = named("Default Web Site/blog").settings.as_ref().unwrap();
    assert_eq!(
        (blog_site.host.as_str(), blog_site.port),
        ("iis.example", 587)
    );
    assert_eq!(blog_site.transport, Transport::StartTls);
    assert_eq!(
        named("Shop").settings.as_ref().unwrap().host,
        "shop.example"
    );
    assert_eq!(walked.sites.len(), 4, "each file once: {:#?}", walked.sites);
    if !cfg!(windows) {
        assert_eq!(walked.skipped.len(), 1, "{:?}", walked.skipped);
        assert!(walked.skipped[0].reason.contains("Windows path"));
        assert!(walked.skipped[0].reason.contains("\"Old\""));
    }
}

#[test]
fn no_password_in_debug_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "p/web.config",
        config("", "host=\"h\" password=\"VerySecretPw1\""),
    );
    write(root, "p/c/web.config", config("", "port=\"2525\""));
    let walked = scan(root);
    assert_eq!(
        settings(&walked, root, "p/c/web.config").password.expose(),
        "VerySecretPw1"
    );
    let shown = format!("{walked:?}{walked:#?}");
    assert!(!shown.contains("VerySecretPw1"), "{shown}");
    assert!(shown.contains("<redacted>"));
}

/// 10,000 web.config files in folders three deep: run with `--ignored` to see the time.
#[test]
#[ignore = "timing: run by hand"]
fn ten_thousand_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for site in 0..2_000 {
        let base = format!("vhosts/s{site}.example/httpdocs");
        write(
            root,
            &format!("{base}/web.config"),
            config("", "host=\"h\" port=\"587\""),
        );
        for sub in 0..4 {
            write(
                root,
                &format!("{base}/a{sub}/web.config"),
                config("", "enableSsl=\"true\""),
            );
        }
    }
    let start = std::time::Instant::now();
    let walked = scan(root);
    let took = start.elapsed();
    assert_eq!(walked.sites.len(), 10_000);
    println!("10,000 web.config files: {took:?}");
}

#[test]
fn other_kinds_of_file_go_to_their_readers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let docs = root.join("vhosts/mix.example/httpdocs");
    write(
        &docs,
        "blog/WP-CONFIG.PHP",
        "<?php\r\ndefine('WPMS_ON', true);\r\ndefine('WPMS_MAILER', 'smtp');\r\n\
         define('WPMS_SMTP_HOST', 'wp.example');\r\n",
    );
    write(
        &docs,
        "app/.env",
        "\u{feff}MAIL_MAILER=smtp\r\nMAIL_HOST=laravel.example\r\nMAIL_PASSWORD=EnvSecret7\r\n",
    );
    write(
        &docs,
        "app/.env.local",
        "MAIL_MAILER=smtp\nMAIL_HOST=local\n",
    );
    write(
        &docs,
        "app/vendor/pkg/.env",
        "MAIL_MAILER=smtp\nMAIL_HOST=vendor\n",
    );
    write(
        &docs,
        "core/appsettings.json",
        r#"{ "Smtp": { "Host": "core.example" } }"#,
    );
    write(
        &docs,
        "core/appsettings.Production.json",
        r#"{ "Smtp": { "Host": "prod.example" } }"#,
    );
    write(&docs, "plain/.env", "APP_NAME=x\n");
    let walked = scan(root);
    let found: Vec<(&str, Platform, &str)> = walked
        .sites
        .iter()
        .map(|s| {
            let host = s.settings.as_ref().map_or("?", |s| s.host.as_str());
            (s.site.as_str(), s.platform, host)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("mix.example/app", Platform::Laravel, "laravel.example"),
            ("mix.example/blog", Platform::WordPress, "wp.example"),
            ("mix.example/core", Platform::AspNetCore, "prod.example"),
            ("mix.example/core", Platform::AspNetCore, "core.example"),
        ],
        "sorted by path"
    );
    let env = settings(&walked, &docs, "app/.env");
    assert_eq!(env.password.expose(), "EnvSecret7", "no BOM, no CR");
    assert_eq!(walked.files_read, 5);
    assert!(!format!("{walked:?}").contains("EnvSecret7"));
}
