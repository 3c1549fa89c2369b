//! What a screen reader relies on: stable node ids, actions at full speed that are never
//! lost, and validation next to the field it is about.

use super::*;

/// The AccessKit node ids of the widgets a screen reader acts on, by label.
fn node_ids(harness: &Harness<'static, MailTesterApp>) -> Vec<(&'static str, String)> {
    use egui_kittest::kittest::NodeT as _;
    ["From", "Send the test to", "Use SSL", "Send test email"]
        .into_iter()
        .map(|label| {
            let id = harness.get_by_label(label).accesskit_node().id();
            (label, format!("{id:?}"))
        })
        .collect()
}

/// A screen reader acts on the node it saw. If a message line appearing above a widget gave it
/// a new id (egui's automatic ids count the widgets drawn before), an action already on its way
/// would arrive for a node that no longer exists and be dropped.
#[test]
fn actionable_widgets_keep_their_ids_when_messages_appear_above_them() {
    let runtime = runtime();
    let mut form = FormState::default();
    form.settings.host = "smtp.example.com".into();
    form.settings.from = "site@example.com".into();
    let mut harness = harness(&runtime, form);
    harness.run_steps(2);
    let before = node_ids(&harness);

    // A user name without a password: an error line appears under the password, above From.
    set_field(&mut harness, "User name", "shop@example.com");
    assert!(
        harness
            .query_by_label_contains("the password is empty")
            .is_some()
    );
    // The advanced section opens and an invalid EHLO name is listed above the send button.
    harness.get_by_label("Advanced").click();
    harness.run_steps(2);
    set_field(&mut harness, "EHLO name", "not a name");
    assert!(
        harness
            .query_all_by_label_contains("is not a valid computer name")
            .count()
            >= 1
    );
    assert_eq!(node_ids(&harness), before);
}

/// A screen reader at full speed: every action is aimed at the nodes of one tree (the one it
/// read), and each lands in its own frame, while the layout changes under it (an error line
/// appears under the password when the user name is set, above From, and goes away when the
/// password is set). None may be lost.
#[test]
fn a_screen_reader_at_full_speed_fills_the_form_and_sends() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    let port = server.port().to_string();
    for (label, value) in [
        ("Server", "localhost"),
        ("Port", port.as_str()),
        ("User name", TEST_USER),
        ("From", TEST_USER),
        ("Send the test to", "owner@example.com"),
        ("Password", TEST_PASSWORD),
    ] {
        harness.get_by_label(label).set_text_value_accesskit(value);
    }
    harness.get_by_label("Use SSL").click_accesskit();
    harness.get_by_label("Send test email").click_accesskit();
    harness.step(); // one frame per queued action
    let app = harness.state();
    assert!(app.is_running(), "the press of Send test email was lost");
    let settings = &app.form.settings;
    assert_eq!(
        (
            settings.user_name.as_str(),
            settings.from.as_str(),
            settings.to.as_str()
        ),
        (TEST_USER, TEST_USER, "owner@example.com"),
        "a value was lost"
    );
    assert!(!settings.enable_ssl, "the Use SSL press was lost");
    step_until(&mut harness, "the test to end", |app| !app.is_running());
}

/// Faster still: the field values and the press of "Send test email" arrive in the same frame,
/// while the button is still disabled on screen. The press is judged on the form as it is after
/// the new values, so it starts the test.
#[test]
fn send_pressed_in_the_same_frame_as_the_field_values_starts_the_test() {
    use egui::accesskit::{Action, ActionData, ActionRequest};
    use egui_kittest::kittest::NodeT as _;
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    let port = server.port().to_string();
    let mut events = Vec::new();
    for (label, value) in [
        ("Server", Some("localhost")),
        ("Port", Some(port.as_str())),
        ("From", Some(TEST_USER)),
        ("Send test email", None),
    ] {
        let (target_node, target_tree) = harness.get_by_label(label).accesskit_node().locate();
        events.push(egui::Event::AccessKitActionRequest(ActionRequest {
            action: if value.is_some() {
                Action::SetValue
            } else {
                Action::Click
            },
            target_tree,
            target_node,
            data: value.map(|v| ActionData::Value(v.into())),
        }));
    }
    harness.input_mut().events.extend(events);
    harness.step();
    assert!(
        harness.state().is_running(),
        "the press of Send test email was lost"
    );
    step_until(&mut harness, "the test to end", |app| !app.is_running());
}

#[test]
fn validation_speaks_next_to_the_fields_and_blocks_sending() {
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    // A new user is not greeted with red: a calm sentence says what is missing.
    harness.get_by_label("Fill in the server, the port and the From address to send a test.");
    set_field(&mut harness, "Server", "smtp://mail.example.com");
    set_field(&mut harness, "Port", "58 7");
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("remove \"smtp://\"")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("is not a port number")
            .is_some()
    );
    harness.get_by_label("Fix the fields marked in red to send a test.");
    // Enter does nothing while the form is invalid.
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(!harness.state().is_running());
}
