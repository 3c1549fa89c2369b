//! One domain per finding: ids, severities, the record to paste and the verdict.

use mail_settings_tester::arrive::{FindingId as Id, Severity, Verdict};

use super::{HOSTING_HOST, SENDGRID_HOST, finding, ids, run, world};

#[tokio::test]
async fn everything_right_is_likely_to_arrive() {
    let dns = world().await;
    let report = run(&dns, "site@good.test", Some(SENDGRID_HOST)).await;
    assert_eq!(
        ids(&report),
        [Id::SpfPass, Id::DkimPublished, Id::DmarcPresent]
    );
    assert!(report.findings.iter().all(|f| f.severity == Severity::Ok));
    assert!(
        finding(&report, Id::SpfPass)
            .explanation
            .contains("include:sendgrid.net")
    );
    assert_eq!(report.provider.as_ref().unwrap().id, "sendgrid");
    assert_eq!(
        report.server_addresses,
        [std::net::IpAddr::from(super::SENDGRID_IP)]
    );
    assert_eq!(report.spf_records, ["v=spf1 include:sendgrid.net -all"]);
    assert_eq!(report.dmarc_record.as_deref(), Some("v=DMARC1; p=reject"));
    assert_eq!(report.verdict, Verdict::LikelyToArrive);
    assert_eq!(report.verdict_text, "Likely to arrive");
    assert!(!report.has_problem());
}

#[tokio::test]
async fn no_spf_record_suggests_the_providers_include() {
    let dns = world().await;
    let report = run(&dns, "site@nospf.test", Some(SENDGRID_HOST)).await;
    let missing = finding(&report, Id::SpfMissing);
    assert_eq!(missing.severity, Severity::Problem);
    let record = missing.record.as_ref().unwrap();
    assert_eq!(
        (
            record.name.as_str(),
            record.record_type.as_str(),
            record.value.as_str()
        ),
        ("nospf.test", "TXT", "v=spf1 include:sendgrid.net ~all")
    );
    assert_eq!(report.findings[0].id, Id::SpfMissing, "problems first");
    // DKIM still authenticates the mail: spam, not refused.
    assert!(report.has(Id::DkimPublished));
    assert_eq!(report.verdict, Verdict::LikelyToLandInSpam);
    assert!(report.has_problem());
}

#[tokio::test]
async fn two_spf_records_are_merged_into_one() {
    let dns = world().await;
    let report = run(&dns, "site@twospf.test", Some(SENDGRID_HOST)).await;
    let multiple = finding(&report, Id::SpfMultipleRecords);
    assert_eq!(multiple.severity, Severity::Problem);
    let value = &multiple.record.as_ref().unwrap().value;
    assert_eq!(
        value,
        "v=spf1 mx ip4:198.51.100.7 include:sendgrid.net ~all"
    );
    assert_eq!(report.spf_records.len(), 2);
    assert!(!report.has(Id::SpfPass));
}

#[tokio::test]
async fn an_unreadable_spf_record_is_a_syntax_error() {
    let dns = world().await;
    let report = run(&dns, "site@badspf.test", Some(SENDGRID_HOST)).await;
    let syntax = finding(&report, Id::SpfSyntax);
    assert_eq!(syntax.severity, Severity::Problem);
    assert!(
        syntax.explanation.contains("`v=spf1 include: -all`"),
        "{}",
        syntax.explanation
    );
    assert_eq!(
        syntax.record.as_ref().unwrap().value,
        "v=spf1 include:sendgrid.net ~all"
    );
}

#[tokio::test]
async fn more_than_ten_lookups_is_found() {
    let dns = world().await;
    let report = run(&dns, "site@manyspf.test", Some(SENDGRID_HOST)).await;
    let many = finding(&report, Id::SpfTooManyLookups);
    assert_eq!(many.severity, Severity::Problem);
    assert!(many.title.contains("11"), "{}", many.title);
    assert!(!report.has(Id::SpfPass));
    assert!(
        !report.has(Id::SpfNotAuthorisingServer),
        "one cause, one finding"
    );
}

#[tokio::test]
async fn spf_without_the_server_gets_its_include_before_all() {
    let dns = world().await;
    let report = run(&dns, "site@otherspf.test", Some(SENDGRID_HOST)).await;
    let not = finding(&report, Id::SpfNotAuthorisingServer);
    assert_eq!(not.severity, Severity::Problem);
    assert_eq!(
        not.record.as_ref().unwrap().value,
        "v=spf1 ip4:198.51.100.1 include:sendgrid.net -all"
    );
    // The second selector counts as published too.
    assert!(report.has(Id::DkimPublished));
    assert_eq!(report.verdict, Verdict::LikelyToLandInSpam);
}

#[tokio::test]
async fn unpublished_dkim_says_which_record_to_add() {
    let dns = world().await;
    let report = run(&dns, "site@nodkim.test", Some(SENDGRID_HOST)).await;
    let dkim = finding(&report, Id::DkimNotPublished);
    assert_eq!(dkim.severity, Severity::Warning);
    let record = dkim.record.as_ref().unwrap();
    assert_eq!(record.name, "s1._domainkey.nodkim.test");
    assert_eq!(record.record_type, "CNAME");
    assert!(
        record.value.starts_with("s1.domainkey."),
        "{}",
        record.value
    );
    let dmarc = finding(&report, Id::DmarcMissing);
    assert_eq!(dmarc.severity, Severity::Warning);
    let record = dmarc.record.as_ref().unwrap();
    assert_eq!(
        (record.name.as_str(), record.value.as_str()),
        ("_dmarc.nodkim.test", "v=DMARC1; p=none")
    );
    assert!(report.has(Id::SpfPass));
    assert_eq!(report.verdict, Verdict::LikelyToLandInSpam);
    assert!(!report.has_problem());
}

#[tokio::test]
async fn dmarc_reject_with_nothing_aligned_will_be_rejected() {
    let dns = world().await;
    let report = run(&dns, "site@strict.test", Some(SENDGRID_HOST)).await;
    let strict = finding(&report, Id::DmarcRejectUnaligned);
    assert_eq!(strict.severity, Severity::Problem);
    assert_eq!(strict.record.as_ref().unwrap().value, "v=DMARC1; p=none");
    assert!(report.has(Id::DmarcPresent));
    assert_eq!(report.verdict, Verdict::WillBeRejected);
    assert_eq!(report.verdict_text, "Will be rejected by Gmail and others");
}

#[tokio::test]
async fn gmail_address_through_another_server_fails_by_design() {
    let dns = world().await;
    let report = run(&dns, "someone@gmail.com", Some(SENDGRID_HOST)).await;
    assert_eq!(ids(&report), [Id::FreemailFromViaOtherServer]);
    let freemail = finding(&report, Id::FreemailFromViaOtherServer);
    assert_eq!(freemail.severity, Severity::Problem);
    assert!(
        freemail.explanation.contains("Gmail"),
        "{}",
        freemail.explanation
    );
    assert!(
        freemail.record.is_none(),
        "nothing to add to gmail.com's DNS"
    );
    assert_eq!(report.verdict, Verdict::WillBeRejected);
}

#[tokio::test]
async fn gmail_address_through_gmail_is_fine() {
    let dns = world().await;
    let report = run(&dns, "someone@gmail.com", Some("smtp.gmail.com")).await;
    assert_eq!(ids(&report), [Id::FreemailFromOwnServer]);
    assert_eq!(report.findings[0].severity, Severity::Ok);
    assert_eq!(report.verdict, Verdict::LikelyToArrive);
}

#[tokio::test]
async fn an_unknown_provider_is_allowed_by_address_and_dkim_is_not_checked() {
    let dns = world().await;
    let report = run(&dns, "site@hosted.test", Some(HOSTING_HOST)).await;
    assert!(report.provider.is_none());
    assert!(report.has(Id::SpfPass));
    let dkim = finding(&report, Id::DkimNotChecked);
    assert_eq!(dkim.severity, Severity::Ok);
    assert!(dkim.explanation.contains(HOSTING_HOST));
    assert_eq!(report.verdict, Verdict::LikelyToArrive);
}

#[tokio::test]
async fn a_server_without_an_address_is_said() {
    let dns = world().await;
    let report = run(&dns, "site@hosted.test", Some("nowhere.hosting.test")).await;
    let unknown = finding(&report, Id::ServerAddressUnknown);
    assert_eq!(unknown.severity, Severity::Warning);
    assert!(!report.has(Id::SpfPass));
    assert!(!report.has(Id::SpfNotAuthorisingServer));
    // Without the server's address nothing can be said to be unaligned.
    assert!(!report.has(Id::DmarcRejectUnaligned));
}

#[tokio::test]
async fn an_unreadable_dmarc_record_is_found() {
    let dns = world().await;
    let report = run(&dns, "site@baddmarc.test", Some(SENDGRID_HOST)).await;
    let syntax = finding(&report, Id::DmarcSyntax);
    assert_eq!(syntax.severity, Severity::Warning);
    assert!(syntax.explanation.contains("p=sometimes"));
}

#[tokio::test]
async fn a_dns_server_that_does_not_answer_makes_the_checks_incomplete() {
    // A port nobody listens on: every look-up fails, and the report says so.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = closed.local_addr().unwrap();
    drop(closed);
    let mut request = mail_settings_tester::arrive::DnsCheckRequest::new("site@good.test", None);
    request.dns_server = Some(addr);
    let report = mail_settings_tester::arrive::check(request).await.unwrap();
    let failed = finding(&report, Id::DnsLookupFailed);
    assert_eq!(failed.severity, Severity::Warning);
    assert!(failed.explanation.contains("--dns-server"));
    assert_ne!(report.verdict, Verdict::LikelyToArrive);
}

#[tokio::test]
async fn an_address_without_a_domain_is_refused() {
    let request = mail_settings_tester::arrive::DnsCheckRequest::new("no-at-sign", None);
    let error = mail_settings_tester::arrive::check(request)
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("--from site@example.com"),
        "{error}"
    );
}
