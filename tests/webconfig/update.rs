//! Update: only the intended attributes change, every other byte stays, a second update changes
//! nothing, and the result imports back to the settings written.

use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::Settings;
use mail_settings_tester::snippet::web_config;
use mail_settings_tester::webconfig::{
    AttributeChange, UpdateOptions, Updated, WebConfigError, import, lint, unified_diff, update,
};

use super::{NEW_PASSWORD, fixture, new_settings};

const WITH_PASSWORD: UpdateOptions = UpdateOptions {
    include_password: true,
};
const WITHOUT_PASSWORD: UpdateOptions = UpdateOptions {
    include_password: false,
};

/// Updates, then checks the result imports to `settings` and a second update is a no-op.
fn update_checked(text: &str, settings: &Settings, options: UpdateOptions) -> Updated {
    let updated = update(text, settings, options).unwrap();
    let again = import(&updated.text).unwrap();
    assert_eq!(again.settings.host, settings.host);
    assert_eq!(again.settings.user_name, settings.user_name);
    assert_eq!(again.settings.from, settings.from);
    assert_eq!(again.settings.enable_ssl, settings.enable_ssl);
    if options.include_password {
        assert_eq!(again.settings.password, settings.password);
    }
    let twice = update(&updated.text, settings, options).unwrap();
    assert_eq!(
        twice.text, updated.text,
        "a second update must change nothing"
    );
    assert!(twice.changes.is_empty(), "{:?}", twice.changes);
    updated
}

/// The lines that differ, as (line number, old, new); the texts must have as many lines.
fn changed_lines<'a>(old: &'a str, new: &'a str) -> Vec<(usize, &'a str, &'a str)> {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    assert_eq!(old_lines.len(), new_lines.len(), "line count changed");
    old_lines
        .iter()
        .zip(&new_lines)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, *a, *b))
        .collect()
}

#[test]
fn the_kb_example_is_fixed_in_place_and_nothing_else_moves() {
    let old = fixture("kb-enablessl.config");
    let updated = update_checked(&old, &new_settings(), WITH_PASSWORD);
    let changed = changed_lines(&old, &updated.text);
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(changed[0].2, "<smtp from=\"site@new.example\">\n");
    assert_eq!(
        changed[1].2,
        "<network host=\"smtp.new.example\" enableSsl=\"true\" password=\"Secr3t&amp;&lt;&quot;pass&apos;&gt;\" port=\"587\" userName=\"site@new.example\" />\n"
    );
    let rename = updated
        .changes
        .iter()
        .find(|c| c.attribute == "enableSsl")
        .unwrap();
    assert_eq!(
        rename,
        &AttributeChange {
            element: "network".into(),
            attribute: "enableSsl".into(),
            old: Some("true".into()),
            new: Some("true".into()),
            renamed_from: Some("enablessl".into()),
        }
    );
    let password = updated
        .changes
        .iter()
        .find(|c| c.attribute == "password")
        .unwrap();
    assert_eq!(password.new.as_deref(), Some("<redacted>"));
    assert!(!format!("{updated:?}").contains("Secr3t"));
    assert!(
        !lint(&updated.text)
            .iter()
            .any(|f| f.code == "attribute_case")
    );
}

#[test]
fn a_large_file_changes_only_the_mail_attributes() {
    let old = fixture("large.config");
    let settings = Settings {
        host: "mail.shop.example".into(),
        user_name: "shop@shop.example".into(),
        from: "shop@shop.example".into(),
        ..new_settings()
    };
    let updated = update_checked(&old, &settings, WITHOUT_PASSWORD);
    // port changes; enableSsl is added on its own line, as the attributes are laid out.
    let expected = old
        .replace(
            "                 port=\"25\"\n",
            "                 port=\"587\"\n",
        )
        .replace(
            "                 defaultCredentials=\"false\" />",
            "                 defaultCredentials=\"false\"\n                 enableSsl=\"true\" />",
        );
    assert_eq!(updated.text, expected);
    assert_eq!(updated.changes.len(), 2, "{:?}", updated.changes);
    assert!(
        updated.text.contains("password=\"Old&amp;Pass\""),
        "the password is left alone"
    );
    assert!(
        updated.text.contains("deliveryMethod=\"network\""),
        "same meaning, left alone"
    );
    assert_eq!(
        import(&updated.text).unwrap().settings.password.expose(),
        "Old&Pass"
    );
}

#[test]
fn bom_crlf_and_trailing_whitespace_survive_and_465_becomes_587() {
    let old = fixture("bom-crlf.config");
    let settings = Settings {
        host: "smtp.office365.com".into(),
        port: 465,
        user_name: "info@school.example".into(),
        from: "info@school.example".into(),
        ..new_settings()
    };
    let updated = update(&old, &settings, WITHOUT_PASSWORD).unwrap();
    assert!(updated.text.starts_with('\u{feff}'));
    assert_eq!(
        updated.text.matches('\n').count(),
        updated.text.matches("\r\n").count()
    );
    let changed = changed_lines(&old, &updated.text);
    assert_eq!(changed.len(), 1);
    assert_eq!(
        changed[0].1.replace("port=\"465\"", "port=\"587\""),
        changed[0].2
    );
    assert!(changed[0].2.ends_with("/>   \r\n"), "trailing spaces kept");
    assert!(updated.notes.iter().any(|n| n.contains("465")));
    assert!(!updated.text.contains("465"));
    let snippet = web_config(&settings, false);
    assert!(
        snippet.text.contains("port=\"587\"") && snippet.text.contains("enableSsl=\"true\""),
        "the snippet's rule is the same"
    );
}

#[test]
fn wrong_case_names_are_renamed_and_quotes_kept() {
    let old = fixture("namespace.config");
    let settings = Settings {
        host: "mail.club.example".into(),
        user_name: "webmaster@club.example".into(),
        from: "webmaster@club.example".into(),
        password: Password::new("club-pass"),
        ..new_settings()
    };
    let updated = update_checked(&old, &settings, WITHOUT_PASSWORD);
    assert_eq!(
        updated.text,
        old.replace("EnableSSL='true'", "enableSsl='true'")
            .replace("Username=", "userName=")
    );
    assert!(updated.changes.iter().all(|c| c.renamed_from.is_some()));
    let both = "<configuration><system.net><mailSettings><smtp from=\"a@b.example\"><network host=\"h\" enablessl=\"false\" enableSsl=\"true\" /></smtp></mailSettings></system.net></configuration>";
    let settings = Settings {
        host: "h".into(),
        user_name: String::new(),
        from: "a@b.example".into(),
        ..new_settings()
    };
    let updated = update_checked(both, &settings, WITHOUT_PASSWORD);
    assert!(
        updated
            .text
            .contains("<network host=\"h\" enableSsl=\"true\" port=\"587\" />"),
        "{}",
        updated.text
    );
}

#[test]
fn a_tricky_password_round_trips_through_quick_xml() {
    let old = fixture("correct.config");
    let updated = update_checked(&old, &new_settings(), WITH_PASSWORD);
    let mut reader = quick_xml::Reader::from_str(&updated.text);
    let mut found = None;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Empty(tag) if tag.name().as_ref() == b"network" => {
                let attr = tag.try_get_attribute("password").unwrap().unwrap();
                found = Some(attr.unescape_value().unwrap().into_owned());
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(found.as_deref(), Some(NEW_PASSWORD));
    let single_quoted = old.replace('"', "'");
    let updated = update_checked(&single_quoted, &new_settings(), WITH_PASSWORD);
    assert_eq!(
        import(&updated.text).unwrap().settings.password.expose(),
        NEW_PASSWORD
    );
}

#[test]
fn without_include_password_no_password_is_added_or_changed() {
    let old = fixture("correct.config");
    let updated = update_checked(&old, &new_settings(), WITHOUT_PASSWORD);
    assert!(updated.text.contains("password=\"Pa55word!\""));
    assert!(!updated.text.contains("Secr3t"));
    let created = update_checked(
        &fixture("no-system-net.config"),
        &new_settings(),
        WITHOUT_PASSWORD,
    );
    assert!(
        !created.text.contains("password"),
        "never a placeholder in a live file"
    );
    assert!(
        created
            .notes
            .iter()
            .any(|n| n.contains("No password was written"))
    );
}

#[test]
fn a_missing_section_is_created_where_it_belongs() {
    let old = fixture("no-system-net.config");
    let updated = update_checked(&old, &new_settings(), WITH_PASSWORD);
    let expected_block = "  <system.net>\n    <mailSettings>\n      <smtp deliveryMethod=\"Network\" from=\"site@new.example\">\n        <network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" userName=\"site@new.example\" password=\"Secr3t&amp;&lt;&quot;pass&apos;&gt;\" defaultCredentials=\"false\" />\n      </smtp>\n    </mailSettings>\n  </system.net>\n";
    assert_eq!(
        updated.text,
        old.replace(
            "\n</configuration>",
            &format!("\n{expected_block}</configuration>")
        )
    );
    assert!(
        updated
            .notes
            .iter()
            .any(|n| n.contains("Added <system.net> inside <configuration>"))
    );
}

fn settings_for_creation() -> Settings {
    Settings {
        user_name: String::new(),
        password: Password::default(),
        ..new_settings()
    }
}

#[test]
fn created_elements_follow_tabs_crlf_and_odd_layouts() {
    let cases = [
        (
            "<configuration>\r\n\t<appSettings />\r\n</configuration>\r\n",
            "<configuration>\r\n\t<appSettings />\r\n\t<system.net>\r\n\t\t<mailSettings>\r\n\t\t\t<smtp deliveryMethod=\"Network\" from=\"site@new.example\">\r\n\t\t\t\t<network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />\r\n\t\t\t</smtp>\r\n\t\t</mailSettings>\r\n\t</system.net>\r\n</configuration>\r\n",
        ),
        (
            "<configuration />",
            "<configuration>\n  <system.net>\n    <mailSettings>\n      <smtp deliveryMethod=\"Network\" from=\"site@new.example\">\n        <network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />\n      </smtp>\n    </mailSettings>\n  </system.net>\n</configuration>",
        ),
        (
            "<configuration><system.web/></configuration>",
            "<configuration><system.web/>\n  <system.net>\n    <mailSettings>\n      <smtp deliveryMethod=\"Network\" from=\"site@new.example\">\n        <network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />\n      </smtp>\n    </mailSettings>\n  </system.net>\n</configuration>",
        ),
        (
            "<configuration>\n  <system.net>\n    <defaultProxy useDefaultCredentials=\"true\" />\n  </system.net>\n</configuration>\n",
            "<configuration>\n  <system.net>\n    <defaultProxy useDefaultCredentials=\"true\" />\n    <mailSettings>\n      <smtp deliveryMethod=\"Network\" from=\"site@new.example\">\n        <network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />\n      </smtp>\n    </mailSettings>\n  </system.net>\n</configuration>\n",
        ),
        (
            "<configuration>\n  <system.net>\n    <mailSettings>\n      <smtp from=\"site@new.example\" />\n    </mailSettings>\n  </system.net>\n</configuration>\n",
            "<configuration>\n  <system.net>\n    <mailSettings>\n      <smtp from=\"site@new.example\">\n        <network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />\n      </smtp>\n    </mailSettings>\n  </system.net>\n</configuration>\n",
        ),
    ];
    for (old, expected) in cases {
        let updated = update_checked(old, &settings_for_creation(), WITH_PASSWORD);
        assert_eq!(updated.text, expected, "from:\n{old}");
    }
}

#[test]
fn a_config_source_file_gets_its_network_element() {
    let old = "<?xml version=\"1.0\"?>\n<smtp from=\"site@new.example\">\n</smtp>\n";
    let updated = update_checked(old, &settings_for_creation(), WITH_PASSWORD);
    assert_eq!(
        updated.text,
        "<?xml version=\"1.0\"?>\n<smtp from=\"site@new.example\">\n  <network host=\"smtp.new.example\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />\n</smtp>\n"
    );
}

#[test]
fn no_user_name_removes_the_attribute() {
    let old = fixture("correct.config");
    let settings = Settings {
        host: "smtp.example.com".into(),
        from: "site@example.com".into(),
        ..settings_for_creation()
    };
    let updated = update(&old, &settings, WITH_PASSWORD).unwrap();
    assert!(updated.text.contains(
        "<network host=\"smtp.example.com\" port=\"587\" enableSsl=\"true\" defaultCredentials=\"false\" />"
    ), "{}", updated.text);
    assert!(
        updated
            .changes
            .iter()
            .any(|c| c.attribute == "userName" && c.new.is_none())
    );
}

#[test]
fn files_that_cannot_be_updated_say_why() {
    let settings = new_settings();
    let err = update(&fixture("config-source.config"), &settings, WITH_PASSWORD).unwrap_err();
    assert!(matches!(err, WebConfigError::ConfigSource { .. }));
    let err = update(&fixture("encrypted.config"), &settings, WITH_PASSWORD).unwrap_err();
    assert!(matches!(err, WebConfigError::Encrypted { .. }));
    let err = update(&fixture("broken.config"), &settings, WITH_PASSWORD).unwrap_err();
    assert!(matches!(err, WebConfigError::Xml { line: 8, .. }));
    let wrong = fixture("correct.config").replace("mailSettings>", "mailsettings>");
    let err = update(&wrong, &settings, WITH_PASSWORD).unwrap_err();
    assert!(
        matches!(err, WebConfigError::ElementCase { line: 8, .. }),
        "{err:?}"
    );
    let twice =
        fixture("correct.config").replace("</system.net>", "</system.net>\n  <system.net />");
    let err = update(&twice, &settings, WITH_PASSWORD).unwrap_err();
    assert!(matches!(err, WebConfigError::Duplicate { .. }), "{err:?}");
}

#[test]
fn the_diff_shows_only_changed_lines_and_hides_passwords() {
    let old = fixture("large.config");
    let updated = update(&old, &new_settings(), WITH_PASSWORD).unwrap();
    let hidden = unified_diff(&old, &updated.text, "web.config", false);
    assert!(
        !hidden.contains("Secr3t") && !hidden.contains("Old&amp;Pass"),
        "{hidden}"
    );
    assert!(
        hidden.contains("-                 password=\"<redacted>\"\n"),
        "{hidden}"
    );
    assert!(
        hidden.contains("+                 password=\"<redacted, new>\"\n"),
        "{hidden}"
    );
    let shown = unified_diff(&old, &updated.text, "web.config", true);
    assert!(
        shown.contains("+                 password=\"Secr3t&amp;&lt;&quot;pass&apos;&gt;\""),
        "{shown}"
    );
    let changed = hidden
        .lines()
        .filter(|l| l.starts_with(['+', '-']) && !l.starts_with("+++") && !l.starts_with("---"))
        .count();
    assert_eq!(changed, 13, "{hidden}");
    assert!(hidden.starts_with("--- web.config\n+++ web.config (updated)\n@@ -"));
}
