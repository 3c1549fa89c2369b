//! The Microsoft app setup steps: PowerShell values quoted correctly, the portal steps named,
//! and placeholders when nothing is known.

use mail_settings_tester::snippet::{
    CLIENT_ID_PLACEHOLDER, MAILBOX_PLACEHOLDER, microsoft_app_setup,
};

use super::*;

#[test]
fn the_setup_steps_quote_powershell_values() {
    let app = app(OAuthProvider::Microsoft, OAuthFlow::AppOnly);
    let steps = microsoft_app_setup(&app, "o'brien@example.com");
    let powershell: String = steps
        .iter()
        .filter_map(|step| step.powershell.clone())
        .collect();
    assert!(
        powershell.contains(
            "Add-MailboxPermission -Identity 'o''brien@example.com' -User $servicePrincipal.Identity -AccessRights FullAccess\n"
        ),
        "{powershell}"
    );
    assert!(powershell.contains(
        "Set-CASMailbox -Identity 'o''brien@example.com' -SmtpClientAuthenticationDisabled $false\n"
    ));
    assert!(powershell.contains(&format!(
        "New-ServicePrincipal -AppId '{CLIENT_ID}' -ObjectId 'YOUR-ENTERPRISE-APP-OBJECT-ID-HERE'"
    )));
    assert!(powershell.contains("Install-Module -Name ExchangeOnlineManagement\n"));
    assert!(powershell.contains("Connect-ExchangeOnline\n"));
    assert!(
        !powershell.contains("'o'brien"),
        "an unescaped quote ends the string"
    );
    let text: String = steps.iter().map(|step| step.text.as_str()).collect();
    for needed in [
        "SMTP.SendAsApp",
        "Office 365 Exchange Online",
        "admin consent",
        "New client secret",
        "Enterprise applications",
        CLIENT_ID,
        TENANT,
    ] {
        assert!(text.contains(needed), "missing {needed}");
    }
    // Every line of PowerShell ends in \n, and there is no Windows line ending.
    for step in &steps {
        if let Some(ps) = &step.powershell {
            assert!(ps.ends_with('\n') && !ps.contains('\r'), "{ps:?}");
        }
    }
}

#[test]
fn the_setup_steps_use_placeholders_when_nothing_is_known() {
    let steps = microsoft_app_setup(&OAuthApp::default(), "  ");
    let powershell: String = steps
        .iter()
        .filter_map(|step| step.powershell.clone())
        .collect();
    assert!(powershell.contains(&format!("-AppId '{CLIENT_ID_PLACEHOLDER}'")));
    assert!(powershell.contains(&format!("-Identity '{MAILBOX_PLACEHOLDER}'")));
    assert!(steps[0].text.contains("New registration"));
    assert!(steps[0].text.contains("Directory (tenant) ID"));
}
