//! A pasted error message is not a live test: its diagnosis speaks of the log it came from, not
//! of a transcript, a "Test again" button or "this computer" (the log comes from the web
//! server), and a PHPMailer error gets PHPMailer's setting names instead of web.config's.

use super::Diagnosis;

/// Live-test words and what they become for a pasted log, in the order applied.
const LOG_WORDS: &[(&str, &str)] = &[
    (
        "send the server's reply (under \"What the server said\") to",
        "send this error message to",
    ),
    (" (under \"What the server said\")", ""),
    (" (the transcript shows the exact words)", ""),
    (
        "Send the transcript to your mail provider: it shows exactly what the server sent",
        "Send this error message to your mail provider",
    ),
    ("send the transcript to", "send this error message to"),
    ("Send the transcript to", "Send this error message to"),
    (
        "The test stopped with a message",
        "Your website logged a message",
    ),
    (
        "The details show exactly what the server or this computer said.",
        "",
    ),
    (
        "Press \"Send test email\" to run the test again.",
        crate::en!("Run the test here with the same settings to see whether they work."),
    ),
    ("then test again", "then send again"),
    ("and test again", "and send again"),
    ("test again", "send again"),
    ("Test again", "Send again"),
    ("this computer's", "the web server's"),
    ("this computer", "the web server"),
];

/// web.config's names and PHPMailer's (`$mail->…`), most specific first.
const PHPMAILER_WORDS: &[(&str, &str)] = &[
    (
        "`enableSsl` to `true`",
        "`SMTPSecure` to `'tls'` (STARTTLS)",
    ),
    (
        "`enableSsl` set to `true`",
        "`SMTPSecure` set to `'tls'` (STARTTLS)",
    ),
    ("`enableSsl=\"true\"`", "`$mail->SMTPSecure = 'tls';`"),
    ("`enableSsl`", "`SMTPSecure`"),
    ("`host`", "`Host`"),
    ("`port`", "`Port`"),
    ("`userName`", "`Username`"),
    ("`password`", "`Password`"),
    ("the `from` address", "the `setFrom()` address"),
    ("`from` address", "`setFrom()` address"),
    ("`from`", "the `setFrom()` address"),
    ("`clientDomain`", "`Hostname`"),
    ("In web.config, ", ""),
    ("in web.config", "in your PHPMailer settings"),
    ("your web.config", "your PHPMailer settings"),
    ("web.config", "your PHPMailer settings"),
];

/// The diagnosis of a pasted `text`, in the words of a log (and of PHPMailer for its errors).
pub(super) fn worded_for(text: &str, diagnosis: Diagnosis) -> Diagnosis {
    let diagnosis = rewrite(diagnosis, LOG_WORDS);
    if is_phpmailer(&text.to_lowercase()) {
        let mut diagnosis = rewrite(diagnosis, PHPMAILER_WORDS);
        // PHPMailer signs in with what it is given: there is no Windows account to switch off.
        diagnosis
            .steps_to_fix
            .retain(|step| !step.contains("`defaultCredentials`"));
        return diagnosis;
    }
    diagnosis
}

/// The other ways `text` can read in a pasted diagnosis: in a log's words, and also in
/// PHPMailer's names (for the catalogue, which needs each as a message of its own).
pub(super) fn pasted_variants(text: &str) -> [String; 2] {
    let apply = |text: &str, words: &[(&str, &str)]| {
        words
            .iter()
            .fold(text.to_owned(), |text, (from, to)| text.replace(from, to))
            .trim()
            .to_owned()
    };
    let logged = apply(text, LOG_WORDS);
    let phpmailer = apply(&logged, PHPMAILER_WORDS);
    [logged, phpmailer]
}

/// PHPMailer's messages (WordPress mail plugins print them as they are).
fn is_phpmailer(lower: &str) -> bool {
    ["phpmailer", "smtp error:", "smtp connect() failed"]
        .iter()
        .any(|mark| lower.contains(mark))
}

fn rewrite(mut diagnosis: Diagnosis, words: &[(&str, &str)]) -> Diagnosis {
    let apply = |text: &str| {
        words
            .iter()
            .fold(text.to_owned(), |text, (from, to)| text.replace(from, to))
            .trim()
            .to_owned()
    };
    diagnosis.summary = apply(&diagnosis.summary);
    diagnosis.explanation = apply(&diagnosis.explanation);
    for step in &mut diagnosis.steps_to_fix {
        *step = apply(step);
    }
    diagnosis
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::texts::{VARIANTS, base, variant};
    use crate::diagnosis::{DiagnosisId, explain_text};

    const LIVE_ONLY: &[&str] = &[
        "transcript",
        "What the server said",
        "test again",
        "Test again",
        "this computer",
    ];

    /// Every text a paste can get, reworded, keeps none of the live test's words.
    #[test]
    fn no_pasted_diagnosis_speaks_of_a_live_test() {
        let all = DiagnosisId::ALL
            .into_iter()
            .map(base)
            .chain(VARIANTS.iter().map(|(id, text)| variant(*id, text)));
        for diagnosis in all {
            let id = diagnosis.id;
            let pasted = worded_for("an error", diagnosis);
            let words = [&pasted.summary, &pasted.explanation]
                .into_iter()
                .chain(&pasted.steps_to_fix)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\n");
            for live in LIVE_ONLY {
                assert!(!words.contains(live), "{id:?} says {live:?}:\n{words}");
            }
        }
    }

    #[test]
    fn a_phpmailer_error_gets_phpmailers_names() {
        let d = explain_text(
            "SMTP Error: Could not authenticate. 535 5.7.8 Username and Password not accepted",
        );
        let words = d.steps_to_fix.join("\n");
        assert!(words.contains("`Username`"), "{words}");
        assert!(!words.contains("`userName`"), "{words}");
        assert!(!words.contains("defaultCredentials"), "{words}");
        assert!(!words.contains("web.config"), "{words}");
    }
}
