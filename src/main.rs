//! `mailtester`: test SMTP settings the way a website uses them.

fn main() -> std::process::ExitCode {
    mail_settings_tester::cli::main()
}
