//! Arbitrary pasted text through `explain_text` and `explain_for_site` for every ASP.NET version.
//! Nothing may panic, and every answer is a whole diagnosis: a summary, an explanation and at
//! least one step, none of them blank; the same text always gets the same answer; the site's
//! version changes the words, never the id (and .NET Framework 4.x, the texts' own terms,
//! changes nothing); a 2.0–3.5 site hears of `enableSsl` only in the step that says it is
//! missing, and its one-click change never touches SSL; an ASP.NET Core site never hears of
//! web.config, `enableSsl` or `defaultCredentials`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_settings_tester::diagnosis::{
    Change, Diagnosis, DiagnosisId, LEGACY_SSL_STEP, explain_for_site, explain_text,
};
use mail_settings_tester::settings::Framework;

fn texts(diagnosis: &Diagnosis) -> Vec<&str> {
    let mut texts = vec![diagnosis.summary.as_str(), diagnosis.explanation.as_str()];
    texts.extend(diagnosis.steps_to_fix.iter().map(String::as_str));
    texts
}

fn assert_whole(diagnosis: &Diagnosis) {
    assert!(DiagnosisId::ALL.contains(&diagnosis.id));
    assert!(!diagnosis.id.as_str().is_empty());
    assert!(!diagnosis.summary.trim().is_empty(), "{diagnosis:?}");
    assert!(!diagnosis.explanation.trim().is_empty(), "{diagnosis:?}");
    assert!(!diagnosis.steps_to_fix.is_empty(), "{diagnosis:?}");
    for step in &diagnosis.steps_to_fix {
        assert!(!step.trim().is_empty(), "{diagnosis:?}");
    }
    if let Some(change) = &diagnosis.suggested_change {
        assert!(!change.changes.is_empty(), "{diagnosis:?}");
    }
}

fn assert_fits(diagnosis: &Diagnosis, framework: Framework) {
    match framework {
        Framework::Net4 => {}
        Framework::Legacy => {
            for text in texts(diagnosis) {
                assert!(
                    text == LEGACY_SSL_STEP || !text.contains("enableSsl"),
                    "a 2.0–3.5 site is told about enableSsl: {text}"
                );
            }
            if let Some(change) = &diagnosis.suggested_change {
                assert!(
                    change
                        .changes
                        .iter()
                        .all(|c| !matches!(c, Change::EnableSsl(_) | Change::Security(_))),
                    "{change:?}"
                );
            }
        }
        Framework::Core => {
            for text in texts(diagnosis) {
                assert!(
                    !text.contains("enableSsl")
                        && !text.contains("web.config")
                        && !text.contains("defaultCredentials"),
                    "an ASP.NET Core site is told about web.config: {text}"
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let plain = explain_text(&text);
    assert_whole(&plain);
    assert_eq!(explain_text(&text), plain, "the same text, another answer");
    for framework in Framework::ALL {
        let site = explain_for_site(&text, framework);
        assert_whole(&site);
        assert_eq!(site.id, plain.id, "{framework:?} changed the id");
        if framework == Framework::Net4 {
            assert_eq!(site, plain);
        }
        assert_fits(&site, framework);
    }
});
