//! The command line in every language: the seed case's words follow `--lang` and the system's
//! language, and what scripts read (exit code, JSON, the snippet) never changes.

use mail_settings_tester::i18n::{self, Language};

use super::*;

fn seed_server_config() -> ServerConfig {
    ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }
}

/// The seed case's diagnosis as `--json` gives it (English, as JSON always is).
async fn seed_diagnosis(server: &TestServer) -> serde_json::Value {
    let output = mailtester(send_args(server, &["--json"]), TEST_PASSWORD).await;
    let doc: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
    doc["diagnosis"].clone()
}

#[tokio::test]
async fn the_seed_case_speaks_each_language_and_keeps_its_exit_code() {
    let server = TestServer::start(seed_server_config()).await;
    let diagnosis = seed_diagnosis(&server).await;
    let summary = diagnosis["summary"].as_str().unwrap().to_owned();
    let first_step = diagnosis["steps_to_fix"][0].as_str().unwrap().to_owned();
    for language in Language::ALL {
        let output = mailtester(
            send_args(&server, &["--lang", language.code()]),
            TEST_PASSWORD,
        )
        .await;
        let stdout = text(&output.stdout);
        assert_eq!(output.status.code(), Some(4), "{language}: {stdout}");
        for english in [&summary, &first_step] {
            let translated = i18n::translate(language, english).unwrap();
            assert!(
                stdout.contains(&translated),
                "{language}: no {translated:?} in\n{stdout}"
            );
            if language != Language::English {
                assert!(
                    !stdout.contains(english.as_str()),
                    "{language}: English left:\n{stdout}"
                );
            }
        }
        // What the server said and the change to make stay as they are.
        assert!(
            stdout.contains("530 5.7.0 Must issue a STARTTLS command first"),
            "{stdout}"
        );
        assert!(
            stdout.contains("enableSsl: false → true"),
            "{language}: {stdout}"
        );
        assert!(stdout.contains("[tls_required]"), "{language}: {stdout}");
        assert!(!stdout.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']));
    }
}

#[tokio::test]
async fn json_is_the_same_in_every_language() {
    let server = TestServer::start(seed_server_config()).await;
    let english = seed_diagnosis(&server).await;
    for language in Language::ALL.into_iter().skip(1) {
        let output = mailtester(
            send_args(&server, &["--json", "--lang", language.code()]),
            TEST_PASSWORD,
        )
        .await;
        let doc: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
        assert_eq!(doc["diagnosis"], english, "{language}");
    }
}

/// The snippet (what a user pastes) is byte for byte the same in every language, in the
/// JSON and in the text output; only the notes around it are translated.
#[test]
fn snippets_are_byte_identical_in_every_language() {
    let formats = [
        "webconfig",
        "phpmailer",
        "wordpress",
        "laravel",
        "django",
        "nodemailer",
        "symfony",
        "mailkit",
    ];
    for format in formats {
        let run = |language: Language, json: bool| {
            let mut args = vec![
                "snippet",
                "--host",
                "smtp.example.com",
                "--port",
                "587",
                "--user",
                "site@example.com",
                "--from",
                "site@example.com",
                "--enable-ssl",
                "true",
                "--format",
                format,
                "--lang",
                language.code(),
            ];
            if json {
                args.push("--json");
            }
            let output = support::bin::run(&support::bin::strings(&args), &[], "");
            assert_eq!(output.status.code(), Some(0), "{format} {language}");
            let stdout = text(&output.stdout);
            assert!(!stdout.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']));
            stdout
        };
        let body = |language| {
            let doc: serde_json::Value = serde_json::from_str(&run(language, true)).unwrap();
            doc["snippet"]["text"].as_str().unwrap().to_owned()
        };
        let english = body(Language::English);
        assert!(english.contains("smtp.example.com"), "{format}: {english}");
        for language in Language::ALL.into_iter().skip(1) {
            assert_eq!(body(language), english, "{format} in {language}");
            let shown = run(language, false);
            assert!(
                shown.contains(english.trim_end()),
                "{format} in {language}:\n{shown}"
            );
        }
    }
}

/// The environment, the extra flags, and the language the output must be in.
type SystemCase<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], Language);

/// Linux's variables, in their order (`LANGUAGE` lists several); Windows and macOS ask the
/// system instead (sys-locale), so this runs where the variables are the system's choice.
#[tokio::test]
#[cfg_attr(windows, ignore = "Windows reads the display language, not LANG")]
async fn the_system_language_is_followed_and_the_flag_wins() {
    let server = TestServer::start(seed_server_config()).await;
    let summary = seed_diagnosis(&server).await["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    let cases: [SystemCase<'_>; 5] = [
        (&[("LANG", "de_DE.UTF-8")], &[], Language::German),
        (
            &[("LANGUAGE", "sv:pt_BR"), ("LANG", "sv_SE.UTF-8")],
            &[],
            Language::PortugueseBrazil,
        ),
        (&[("LC_ALL", "ja_JP.UTF-8")], &[], Language::Japanese),
        (&[("LANG", "sv_SE.UTF-8")], &[], Language::English),
        (
            &[("LANG", "de_DE.UTF-8")],
            &["--lang", "fr"],
            Language::French,
        ),
    ];
    for (envs, extra, expected) in cases {
        let envs: Vec<(String, String)> = envs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let output =
            support::bin::run_async(send_args(&server, extra), envs.clone(), TEST_PASSWORD).await;
        let stdout = text(&output.stdout);
        let translated = i18n::translate(expected, &summary).unwrap();
        assert!(
            stdout.contains(&translated),
            "{envs:?} {extra:?}: want {expected}:\n{stdout}"
        );
    }
}

#[tokio::test]
async fn an_unknown_language_falls_back_to_english_without_a_word() {
    let server = TestServer::start(seed_server_config()).await;
    let output = mailtester(send_args(&server, &["--lang", "tlh"]), TEST_PASSWORD).await;
    assert_eq!(output.status.code(), Some(4));
    assert!(text(&output.stderr).is_empty(), "{}", text(&output.stderr));
    let summary = seed_diagnosis(&server).await["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text(&output.stdout).contains(&summary));
}

#[tokio::test]
async fn the_support_report_follows_the_language_or_is_in_english_on_request() {
    let server = TestServer::start(seed_server_config()).await;
    let summary = seed_diagnosis(&server).await["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = tempfile::tempdir().unwrap();
    for (extra, english) in [(&[][..], false), (&["--report-in-english"][..], true)] {
        let path = dir.path().join(format!("report-{english}.txt"));
        let mut args = vec!["--lang", "de", "--report", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = mailtester(send_args(&server, &args), TEST_PASSWORD).await;
        assert_eq!(output.status.code(), Some(4), "{}", text(&output.stderr));
        let report = std::fs::read_to_string(&path).unwrap();
        let german = i18n::translate(Language::German, &summary).unwrap();
        if english {
            assert!(
                report.starts_with("# Mail Settings Tester support report"),
                "{report}"
            );
            assert!(
                report.contains(&summary) && !report.contains(&german),
                "{report}"
            );
        } else {
            assert!(
                !report.starts_with("# Mail Settings Tester support report"),
                "{report}"
            );
            assert!(report.contains(&german), "{report}");
        }
        assert_no_password(&report);
    }
}

/// `--help` follows the flag wherever it stands and the system's language, and stays clap's
/// own English otherwise; the flags themselves never change.
#[test]
fn help_is_in_the_chosen_language() {
    let de = |text: &str| i18n::translate(Language::German, text).unwrap();
    let help = |args: &[&str], envs: &[(&str, &str)]| {
        let envs: Vec<(String, String)> = envs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let output = support::bin::run(&support::bin::strings(args), &envs, "");
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    let about = "Send a test message and show every step of the conversation with the server";
    let english = help(&["send", "--help"], &[]);
    assert!(english.starts_with(about), "{english}");
    // The program's own name: `mailtester.exe` on Windows.
    let usage = |heading: &str| {
        let name = if cfg!(windows) {
            "mailtester.exe"
        } else {
            "mailtester"
        };
        format!("\n{heading}: {name} send [OPTIONS]\n")
    };
    assert!(english.contains(&usage("Usage")), "{english}");
    let mut german = vec![
        help(&["--lang", "de", "send", "--help"], &[]),
        help(&["send", "--help", "--lang=de"], &[]),
    ];
    if cfg!(not(windows)) {
        // Windows reads its display language, not LANG.
        german.push(help(&["send", "--help"], &[("LANG", "de_DE.UTF-8")]));
    }
    for page in german {
        assert!(page.starts_with(&de(about)), "{page}");
        assert!(page.contains(&usage(&de("Usage"))), "{page}");
        assert!(!page.contains(about) && !page.contains("Usage:"), "{page}");
        for flag in [
            "--enable-ssl <true|false>",
            "--password-stdin",
            "--lang <CODE>",
        ] {
            assert!(page.contains(flag), "{flag}: {page}");
        }
    }
}
