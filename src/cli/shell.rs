//! Commands we print for the user to run next, written for the shell they type in: POSIX
//! shells (Linux, macOS, Git Bash), Windows' cmd.exe, or PowerShell.

use std::fmt::Write as _;

/// The shell that will read a command we print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// sh, bash, zsh: single quotes.
    Posix,
    /// Windows' Command Prompt: double quotes.
    Cmd,
    /// Windows PowerShell or PowerShell 7: single quotes, `''` inside.
    PowerShell,
}

/// Overrides the guess (`posix`, `cmd` or `powershell`).
pub const SHELL_ENV: &str = "MAILTESTER_SHELL";

impl Shell {
    /// The shell this program was started from: [`SHELL_ENV`] when set; on Windows the
    /// program that started us (`cmd.exe`, `powershell.exe`, `pwsh.exe`, a POSIX shell), else
    /// PowerShell, the default of Windows Terminal; elsewhere POSIX.
    pub fn current() -> Self {
        if let Some(shell) = std::env::var(SHELL_ENV).ok().and_then(|s| Self::named(&s)) {
            return shell;
        }
        Self::for_parent(parent_name().as_deref())
    }

    fn named(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase();
        let stem = name.strip_suffix(".exe").unwrap_or(&name);
        match stem {
            "cmd" => Some(Self::Cmd),
            "powershell" | "pwsh" => Some(Self::PowerShell),
            "posix" | "sh" | "bash" | "zsh" | "dash" | "ksh" | "fish" => Some(Self::Posix),
            _ => None,
        }
    }

    /// The shell for a parent program's file name (`None`: unknown).
    fn for_parent(parent: Option<&str>) -> Self {
        if !cfg!(windows) {
            return Self::Posix;
        }
        parent.and_then(Self::named).unwrap_or(Self::PowerShell)
    }

    /// `value` as one argument for this shell: as it is when nothing in it is special.
    pub fn quote(self, value: &str) -> String {
        let plain = !value.is_empty()
            && !value.starts_with(['@', '~', '#'])
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "@._+-:/,".contains(c))
            && (self != Self::PowerShell || !value.contains(','));
        if plain {
            return value.to_owned();
        }
        match self {
            Self::Posix => format!("'{}'", value.replace('\'', r"'\''")),
            Self::PowerShell => format!("'{}'", value.replace('\'', "''")),
            // Inside double quotes cmd.exe takes everything literally but `"` and `%`; the
            // program's own parser reads `\"` as a quote.
            Self::Cmd => format!("\"{}\"", value.replace('"', "\\\"")),
        }
    }

    /// `program` and `args` as one command line, each argument quoted for this shell.
    pub fn command_line(self, program: &str, args: &[&str]) -> String {
        let mut line = program.to_owned();
        for arg in args {
            let _ = write!(line, " {}", self.quote(arg));
        }
        line
    }

    /// The line that puts a secret into the environment variable `var` for the command after
    /// it (the user types the secret where the placeholder is).
    pub fn set_variable(self, var: &str, placeholder: &str) -> String {
        match self {
            Self::Posix => format!("export {var}={}", self.quote(placeholder)),
            Self::Cmd => format!("set \"{var}={placeholder}\""),
            Self::PowerShell => format!("$env:{var} = {}", self.quote(placeholder)),
        }
    }
}

#[cfg(windows)]
fn parent_name() -> Option<String> {
    crate::win32::parent_process_name()
}

#[cfg(not(windows))]
fn parent_name() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_stay_as_they_are() {
        for shell in [Shell::Posix, Shell::Cmd, Shell::PowerShell] {
            assert_eq!(shell.quote("smtp.example.com"), "smtp.example.com");
            assert_eq!(shell.quote("site@example.com"), "site@example.com");
        }
    }

    #[test]
    fn each_shell_gets_its_own_quotes() {
        let name = "Shop's site & more";
        assert_eq!(Shell::Posix.quote(name), r"'Shop'\''s site & more'");
        assert_eq!(Shell::PowerShell.quote(name), "'Shop''s site & more'");
        assert_eq!(Shell::Cmd.quote(name), "\"Shop's site & more\"");
        assert_eq!(Shell::Cmd.quote("a\"b"), "\"a\\\"b\"");
        // PowerShell would read `@x` as splatting and `a,b` as an array.
        assert_eq!(Shell::PowerShell.quote("@x"), "'@x'");
        assert_eq!(Shell::PowerShell.quote("a,b"), "'a,b'");
        assert_eq!(Shell::Posix.quote(""), "''");
    }

    #[test]
    fn setting_the_password_variable_reads_right_in_each_shell() {
        assert_eq!(
            Shell::Posix.set_variable("MAIL_PASSWORD", "your password"),
            "export MAIL_PASSWORD='your password'"
        );
        assert_eq!(
            Shell::Cmd.set_variable("MAIL_PASSWORD", "your password"),
            "set \"MAIL_PASSWORD=your password\""
        );
        assert_eq!(
            Shell::PowerShell.set_variable("MAIL_PASSWORD", "your password"),
            "$env:MAIL_PASSWORD = 'your password'"
        );
    }

    #[test]
    fn the_parent_program_names_the_shell_on_windows() {
        let expect = |parent, windows| {
            assert_eq!(
                Shell::for_parent(parent),
                if cfg!(windows) { windows } else { Shell::Posix },
                "{parent:?}"
            );
        };
        expect(Some("cmd.exe"), Shell::Cmd);
        expect(Some("CMD.EXE"), Shell::Cmd);
        expect(Some("powershell.exe"), Shell::PowerShell);
        expect(Some("pwsh.exe"), Shell::PowerShell);
        expect(Some("bash.exe"), Shell::Posix);
        expect(Some("explorer.exe"), Shell::PowerShell);
        expect(None, Shell::PowerShell);
    }
}
