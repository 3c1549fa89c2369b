//! Our own DKIM verification of the received message (mail-auth, keys through our resolver):
//! does the signature hold, and is it by the From domain, as DMARC needs?

use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters};

use super::model::DkimVerification;
use crate::untrusted::displayable_str;

/// Every signature of `raw` checked, and what that means in plain words.
pub async fn verify(auth: &MessageAuthenticator, raw: &[u8]) -> (Vec<DkimVerification>, String) {
    let Some(message) = AuthenticatedMessage::parse(raw) else {
        return (
            Vec::new(),
            crate::en!(
                "We could not read the received message, so we did not check its DKIM signature."
            )
            .to_owned(),
        );
    };
    let from_domain = message
        .from()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let outputs = auth.verify_dkim(Parameters::new(&message)).await;
    let checks: Vec<DkimVerification> = outputs
        .iter()
        .filter(|output| !matches!(output.result(), DkimResult::None))
        .map(|output| {
            let domain = output
                .signature()
                .map(|s| displayable_str(&s.d.to_ascii_lowercase()));
            let selector = output.signature().map(|s| displayable_str(&s.s));
            let aligned = domain
                .as_deref()
                .is_some_and(|d| aligned_with(d, &from_domain));
            let (valid, why) = match output.result() {
                DkimResult::Pass => (true, String::new()),
                DkimResult::Neutral(err)
                | DkimResult::Fail(err)
                | DkimResult::PermError(err)
                | DkimResult::TempError(err) => (false, displayable_str(&err.to_string())),
                DkimResult::None => (false, String::new()),
            };
            let text = one_text(domain.as_deref(), selector.as_deref(), valid, aligned, &why);
            DkimVerification {
                domain,
                selector,
                valid,
                aligned,
                text,
            }
        })
        .collect();
    let summary = summary(&checks, &displayable_str(&from_domain));
    (checks, summary)
}

/// Whether a signature by `signer` counts for mail from `from` (relaxed alignment: the same
/// domain, or one is a subdomain of the other).
fn aligned_with(signer: &str, from: &str) -> bool {
    !from.is_empty()
        && (signer == from
            || from.ends_with(&format!(".{signer}"))
            || signer.ends_with(&format!(".{from}")))
}

fn one_text(
    domain: Option<&str>,
    selector: Option<&str>,
    valid: bool,
    aligned: bool,
    why: &str,
) -> String {
    let who = match (domain, selector) {
        (Some(d), Some(s)) => {
            crate::en!("{domain} (selector {selector})", domain = d, selector = s)
        }
        (Some(d), None) => d.to_owned(),
        _ => crate::en!("an unreadable signer").to_owned(),
    };
    match (valid, aligned) {
        (true, true) => crate::en!(
            "Signature of {who}: valid, and it is your domain.",
            who = who
        ),
        (true, false) => crate::en!(
            "Signature of {who}: valid, but it is not your From domain, so it does not count for \
             DMARC.",
            who = who
        ),
        (false, _) => crate::en!(
            "Signature of {who}: not valid ({why}).",
            who = who,
            why = why
        ),
    }
}

fn summary(checks: &[DkimVerification], from_domain: &str) -> String {
    if checks.is_empty() {
        return crate::en!(
            "The message carries no DKIM signature: nothing but SPF vouches that it comes from \
             {from_domain}. Ask your mail provider to sign mail for your domain.",
            from_domain = from_domain
        );
    }
    if checks.iter().any(|c| c.valid && c.aligned) {
        crate::en!(
            "We checked the DKIM signature ourselves: it is valid and made for {from_domain}.",
            from_domain = from_domain
        )
    } else if checks.iter().any(|c| c.valid) {
        crate::en!(
            "We checked the DKIM signature ourselves: it is valid, but made for another domain \
             than {from_domain}, so DMARC does not count it. Ask your mail provider to sign with \
             your own domain.",
            from_domain = from_domain
        )
    } else {
        crate::en!(
            "We checked the DKIM signature ourselves: it does not hold. The key published in DNS \
             may be missing, wrong or old, or the message was changed after signing."
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::aligned_with;

    #[test]
    fn alignment_is_relaxed() {
        assert!(aligned_with("shop.example", "shop.example"));
        assert!(aligned_with("shop.example", "news.shop.example"));
        assert!(aligned_with("mail.shop.example", "shop.example"));
        assert!(!aligned_with("sendgrid.net", "shop.example"));
        assert!(!aligned_with("hop.example", "shop.example"));
        assert!(!aligned_with("shop.example", ""));
    }
}
