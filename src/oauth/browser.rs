//! Opening the provider's sign-in page: in the program named by `MAILTESTER_BROWSER` when set
//! (another browser, or a script on a server), else in the system's default browser.

/// Opens `url` for a person to sign in.
pub fn open(url: &str) -> Result<(), String> {
    if let Some(program) = std::env::var_os("MAILTESTER_BROWSER").filter(|p| !p.is_empty()) {
        return std::process::Command::new(&program)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .map(drop)
            .map_err(|err| {
                crate::en!(
                    "could not start {program}: {err}",
                    program = program.to_string_lossy(),
                    err = err
                )
            });
    }
    webbrowser::open(url).map_err(|err| crate::en!("could not open the browser: {err}", err = err))
}
