//! `mailtester webconfig ...` as a user runs it: exit codes, and the password never printed
//! (import, lint, and the diff, also with --include-password).

use std::path::Path;
use std::process::Output;

use super::{NEW_PASSWORD, fixture_path};

/// Runs `mailtester` with `args`; `NEW_PASSWORD` is in the environment as `WC_TEST_PW`.
fn mailtester(args: &[&str]) -> Output {
    let envs = [("WC_TEST_PW".to_owned(), NEW_PASSWORD.to_owned())];
    crate::support::bin::run(&crate::support::bin::strings(args), &envs, "y\n")
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

const UPDATE_FLAGS: [&str; 11] = [
    "--host",
    "smtp.new.example",
    "--port",
    "587",
    "--enable-ssl",
    "true",
    "--user",
    "site@new.example",
    "--password-env",
    "WC_TEST_PW",
    "--from=site@new.example",
];

#[test]
fn import_shows_the_settings_but_never_the_password() {
    let file = fixture_path("correct.config");
    let output = mailtester(&["webconfig", "import", path_arg(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    let text = all_output(&output);
    assert!(text.contains("smtp.example.com"));
    assert!(text.contains("(set, not shown)"));
    assert!(!text.contains("Pa55word!"), "{text}");

    let output = mailtester(&["webconfig", "import", path_arg(&file), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["settings"]["host"], "smtp.example.com");
    assert_eq!(json["password_set"], true);
    assert_eq!(json["target_framework"], "4.8");
    assert!(!all_output(&output).contains("Pa55word!"));

    let encrypted = fixture_path("encrypted.config");
    let output = mailtester(&["webconfig", "import", path_arg(&encrypted)]);
    assert_eq!(output.status.code(), Some(7));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("encrypted") && error.trim_end().ends_with(path_arg(&encrypted)),
        "{error}"
    );
}

#[test]
fn lint_exits_7_on_errors_and_0_when_clean() {
    let output = mailtester(&[
        "webconfig",
        "lint",
        path_arg(&fixture_path("correct.config")),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    assert!(!all_output(&output).contains("Pa55word!"));

    let kb = fixture_path("kb-enablessl.config");
    let output = mailtester(&["webconfig", "lint", path_arg(&kb)]);
    assert_eq!(output.status.code(), Some(7));
    let text = all_output(&output);
    assert!(
        text.contains("attribute_case") && text.contains("enablessl"),
        "{text}"
    );
    assert!(!text.contains("mypassword"), "{text}");

    let output = mailtester(&["webconfig", "lint", path_arg(&kb), "--json"]);
    assert_eq!(output.status.code(), Some(7));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["findings"][0]["code"], "attribute_case");

    let output = mailtester(&[
        "webconfig",
        "lint",
        path_arg(&fixture_path("broken.config")),
    ]);
    assert_eq!(output.status.code(), Some(7));
    assert!(all_output(&output).contains("xml_error"));
}

#[test]
fn update_shows_the_diff_and_writes_only_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("web.config");
    std::fs::copy(fixture_path("large.config"), &path).unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let escaped = "Secr3t&amp;&lt;&quot;pass&apos;&gt;";

    let mut args = vec!["webconfig", "update", path_arg(&path)];
    args.extend(UPDATE_FLAGS);
    let output = mailtester(&[&args[..], &["--dry-run"]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    let text = all_output(&output);
    assert!(text.contains("+                 port=\"587\""), "{text}");
    assert!(text.contains("Dry run"));
    assert!(
        text.contains("Saving web.config restarts the website"),
        "{text}"
    );
    for secret in [NEW_PASSWORD, escaped, "Old&amp;Pass", "Old&Pass"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    let output = mailtester(&[&args[..], &["--dry-run", "--include-password"]].concat());
    assert!(
        !all_output(&output).contains(escaped),
        "never shown, also when written"
    );

    let output = mailtester(&args);
    assert!(all_output(&output).contains("run again with --yes"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "stdin is no terminal"
    );

    let output = mailtester(&[&args[..], &["--yes"]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    let text = all_output(&output);
    assert!(text.contains("The old file is saved as"), "{text}");
    assert!(!text.contains(NEW_PASSWORD) && !text.contains(escaped));
    let updated = std::fs::read_to_string(&path).unwrap();
    assert!(updated.contains("host=\"smtp.new.example\""));
    assert!(
        updated.contains("password=\"Old&amp;Pass\""),
        "password left alone"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);

    let output = mailtester(&[&args[..], &["--yes"]].concat());
    assert!(all_output(&output).contains("Nothing to change"));

    let broken = fixture_path("broken.config");
    let mut args = vec!["webconfig", "update", path_arg(&broken)];
    args.extend(UPDATE_FLAGS);
    assert_eq!(mailtester(&args).status.code(), Some(7));
}

/// A web.config whose `from` needs quoting in every shell.
fn quoting_fixture(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("web.config");
    std::fs::write(
        &path,
        r#"<configuration><system.net><mailSettings><smtp from="O'Brien &lt;site@example.com&gt;"><network host="smtp.example.com" port="587" enableSsl="true" userName="site@example.com" password="x" /></smtp></mailSettings></system.net></configuration>"#,
    )
    .unwrap();
    path
}

/// The command `webconfig import` prints to test the settings is written for the user's shell:
/// quoted as it reads them, with the line that sets the password variable first.
#[test]
fn import_prints_the_test_command_for_the_users_shell() {
    let dir = tempfile::tempdir().unwrap();
    let path = quoting_fixture(dir.path());
    for (shell, set_line, from) in [
        (
            "posix",
            "export MAIL_PASSWORD='the mailbox password'",
            r"--from 'O'\''Brien <site@example.com>'",
        ),
        (
            "cmd",
            r#"set "MAIL_PASSWORD=the mailbox password""#,
            r#"--from "O'Brien <site@example.com>""#,
        ),
        (
            "powershell",
            "$env:MAIL_PASSWORD = 'the mailbox password'",
            "--from 'O''Brien <site@example.com>'",
        ),
    ] {
        let envs = [("MAILTESTER_SHELL".to_owned(), shell.to_owned())];
        let args = ["webconfig", "import", path_arg(&path)];
        let output = crate::support::bin::run(&crate::support::bin::strings(&args), &envs, "");
        let printed = all_output(&output);
        assert!(printed.contains(set_line), "{shell}: {printed}");
        assert!(printed.contains(from), "{shell}: {printed}");
        assert!(
            printed.contains("--password-env MAIL_PASSWORD"),
            "{printed}"
        );
    }
}

/// On Windows the shell is the program that started us: run from cmd.exe, the command is
/// written for cmd.exe (tested under Wine's cmd.exe).
#[cfg(windows)]
#[test]
fn from_cmd_exe_the_command_is_written_for_cmd() {
    let dir = tempfile::tempdir().unwrap();
    let path = quoting_fixture(dir.path());
    let exe = std::path::absolute(env!("CARGO_BIN_EXE_mailtester")).unwrap();
    let output = crate::support::bin::output(
        std::process::Command::new("cmd.exe")
            .arg("/c")
            .arg(&exe)
            .args(["webconfig", "import"])
            .arg(&path)
            .env_remove("MAILTESTER_SHELL"),
    );
    let printed = all_output(&output);
    assert!(
        printed.contains(r#"set "MAIL_PASSWORD=the mailbox password""#),
        "{printed}"
    );
}

/// A path pasted with Explorer's "Copy as path" quotes (inside the shell's own quoting) works.
#[test]
fn a_path_with_copy_as_path_quotes_is_read() {
    let quoted = format!("\"{}\"", fixture_path("correct.config").display());
    let output = mailtester(&["webconfig", "import", &quoted]);
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    assert!(all_output(&output).contains("smtp.example.com"));
}

/// An `enableSsl` that is neither true nor false is shown as such, not as `false`.
#[test]
fn import_never_shows_an_invalid_enable_ssl_as_false() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("web.config");
    std::fs::write(
        &file,
        "<?xml version=\"1.0\"?>\r\n<configuration><system.net><mailSettings>\
         <smtp from=\"site@example.com\"><network host=\"smtp.example.com\" port=\"587\" \
         enableSsl=\"yes\" /></smtp></mailSettings></system.net></configuration>\r\n",
    )
    .unwrap();
    let output = mailtester(&["webconfig", "import", path_arg(&file)]);
    let text = all_output(&output);
    let row = text
        .lines()
        .find(|line| line.trim_start().starts_with("enableSsl"))
        .unwrap();
    assert!(row.contains("not true or false"), "{text}");
    assert!(text.contains("enable_ssl_invalid"), "{text}");
}
