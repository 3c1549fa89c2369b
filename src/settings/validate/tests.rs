//! Field problems: every one reported at once, in plain words, and the plan from valid settings.

use super::*;

fn base() -> Settings {
    crate::fixtures::site_settings()
}

fn fields(problems: &[FieldProblem], severity: Severity) -> Vec<Field> {
    problems
        .iter()
        .filter(|p| p.severity == severity)
        .map(|p| p.field)
        .collect()
}

#[test]
fn good_settings_have_no_problems() {
    let plan = base().check().expect("valid");
    assert_eq!(plan.port, 587);
    assert_eq!(plan.security, Security::StartTls);
    assert_eq!(plan.to.to_string(), "site@example.com");
    assert!(plan.credentials.is_some());
}

#[test]
fn reports_every_problem_at_once() {
    let settings = Settings {
        host: "smtp://mail.example.com".into(),
        port: 70000,
        user_name: "someone".into(),
        password: Password::default(),
        from: "not an address".into(),
        to: "also@bad@".into(),
        ..Settings::default()
    };
    let problems = settings.problems();
    let errors = fields(&problems, Severity::Error);
    for field in [
        Field::Host,
        Field::Port,
        Field::Password,
        Field::From,
        Field::To,
    ] {
        assert!(
            errors.contains(&field),
            "missing {field:?} in {problems:#?}"
        );
    }
    assert!(problems[0].message.contains("smtp://"));
    assert!(settings.check().is_err());
}

#[test]
fn host_forms_that_are_not_names() {
    for host in [
        "",
        "  ",
        "mail example.com",
        "me@example.com",
        "mail.example.com:587",
        "a/b",
    ] {
        let settings = Settings {
            host: host.into(),
            ..base()
        };
        assert!(
            fields(&settings.problems(), Severity::Error).contains(&Field::Host),
            "{host:?} should be rejected"
        );
    }
}

#[test]
fn international_host_becomes_punycode() {
    let settings = Settings {
        host: "smtp.bücher.example".into(),
        ..base()
    };
    let plan = settings.check().expect("valid");
    assert_eq!(plan.host, "smtp.xn--bcher-kva.example");
    assert!(plan.notes.iter().any(|p| p.severity == Severity::Info));
}

#[test]
fn default_credentials_with_user_name_is_explained() {
    let settings = Settings {
        default_credentials: true,
        ..base()
    };
    let problems = settings.problems();
    assert_eq!(problems[0].field, Field::DefaultCredentials);
    assert!(problems[0].message.contains("ignores userName"));
}

#[test]
fn password_without_user_is_a_warning() {
    let settings = Settings {
        user_name: String::new(),
        ..base()
    };
    let plan = settings.check().expect("runs");
    assert!(plan.credentials.is_none());
    assert_eq!(
        fields(&plan.notes, Severity::Warning),
        vec![Field::UserName]
    );
}

#[test]
fn dotnet_never_uses_implicit_tls() {
    let on_465 = Settings {
        port: 465,
        ..base()
    };
    assert_eq!(on_465.effective_security(), Security::StartTls);
    assert!(fields(&on_465.problems(), Severity::Warning).contains(&Field::Port));
    let explicit = Settings {
        security: Some(Security::ImplicitTls),
        ..base()
    };
    assert!(fields(&explicit.problems(), Severity::Error).contains(&Field::Security));
    let generic = Settings {
        port: 465,
        target: Target::Generic,
        ..base()
    };
    assert_eq!(generic.effective_security(), Security::ImplicitTls);
    assert!(generic.check().is_ok());
}

#[test]
fn zero_timeout_and_pickup_delivery_are_errors() {
    let settings = Settings {
        timeouts: Timeouts::uniform(0),
        delivery_method: DeliveryMethod::SpecifiedPickupDirectory,
        ..base()
    };
    let errors = fields(&settings.problems(), Severity::Error);
    assert!(errors.contains(&Field::Timeouts));
    assert!(errors.contains(&Field::DeliveryMethod));
}
