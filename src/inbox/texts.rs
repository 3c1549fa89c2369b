//! What the inbox check tells a website owner.

use std::time::Duration;

use super::model::{Arrival, InboxVerdict};

/// `2.1 s`, `14 s`, `2 min 5 s`.
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 10.0 {
        crate::en!("{secs} s", secs = format!("{secs:.1}"))
    } else if secs < 120.0 {
        crate::en!("{secs} s", secs = format!("{secs:.0}"))
    } else {
        crate::en!(
            "{min} min {secs} s",
            min = d.as_secs() / 60,
            secs = d.as_secs() % 60
        )
    }
}

/// The verdict in one line.
pub fn verdict_text(verdict: InboxVerdict, arrival: Option<&Arrival>, waited: Duration) -> String {
    let after = arrival.map_or_else(String::new, |a| duration(Duration::from_millis(a.after_ms)));
    match (verdict, arrival) {
        (InboxVerdict::InInbox, Some(_)) => {
            crate::en!("Arrived in the inbox after {after}", after = after)
        }
        (InboxVerdict::InJunk, Some(a)) => crate::en!(
            "Arrived, but in the spam folder \"{folder}\" (after {after})",
            folder = a.folder,
            after = after
        ),
        (InboxVerdict::InOtherFolder, Some(a)) => crate::en!(
            "Arrived in the folder \"{folder}\" (after {after})",
            folder = a.folder,
            after = after
        ),
        _ => crate::en!(
            "Not in the mailbox after {waited}",
            waited = duration(waited)
        ),
    }
}

/// What the verdict means and what to do.
pub fn explanation(verdict: InboxVerdict, arrival: Option<&Arrival>, mailbox: &str) -> String {
    let failed: Vec<String> = arrival
        .and_then(|a| a.receiver_checks.as_ref())
        .map(|r| {
            r.checks
                .iter()
                .filter(|c| c.passed == Some(false))
                .map(|c| c.method.to_ascii_uppercase())
                .collect()
        })
        .unwrap_or_default();
    // Method names joined plainly: a template as short as "{a} and {b}" would match almost any
    // text when the faces look a text up.
    let failed_words = failed.join(" and ");
    match verdict {
        InboxVerdict::InInbox if failed.is_empty() => crate::en!(
            "The test message is in the inbox of {mailbox}: mail from your website reaches this \
             mailbox.",
            mailbox = mailbox
        ),
        InboxVerdict::InInbox => crate::en!(
            "The test message is in the inbox of {mailbox}, but {failed} failed at the receiving \
             server, so stricter providers may put your mail in spam or refuse it. Fix what \
             \"Will it arrive?\" lists.",
            mailbox = mailbox,
            failed = failed_words
        ),
        // One template each: a sentence starting with a value would swallow the one before it
        // when the faces look the text up.
        InboxVerdict::InJunk if failed.is_empty() => crate::en!(
            "The receiving server took the message but sorted it as spam, so your customers would \
             probably not see it. A test message with little text can look like spam by itself; \
             if the sender checks pass (\"Will it arrive?\"), try again with a real message."
        )
        .to_owned(),
        InboxVerdict::InJunk => crate::en!(
            "The receiving server took the message but sorted it as spam, so your customers would \
             probably not see it. {failed} failed at the receiving server; fix what \"Will it \
             arrive?\" lists.",
            failed = failed_words
        ),
        InboxVerdict::InOtherFolder => crate::en!(
            "The message arrived, but a rule or the provider's sorting put it outside the inbox \
             of {mailbox}. Check that mailbox's filters.",
            mailbox = mailbox
        ),
        InboxVerdict::NotFound => crate::en!(
            "The server accepted the message, but it is in no folder of {mailbox} yet. It may \
             still be on its way (some providers hold mail from new senders for minutes), or the \
             receiving server dropped it, which is what happens to mail that fails DMARC. Fix \
             what \"Will it arrive?\" lists, then look again later.",
            mailbox = mailbox
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::duration;
    use std::time::Duration;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_millis(2140)), "2.1 s");
        assert_eq!(duration(Duration::from_secs(45)), "45 s");
        assert_eq!(duration(Duration::from_secs(125)), "2 min 5 s");
    }
}
