//! A failed session → a diagnosis tailored to the settings and to what the server showed, with a
//! one-click change when one would help. Changes never switch certificate checks off and never
//! send a password unencrypted.
//!
//! This file only dispatches: each kind of error is read in the child module of its topic.

mod auth;
mod connection;
mod context;
mod conversation;
mod envelope;
mod final_reply;
mod oauth;
mod replies;
mod tls;

use super::provider;
use super::texts::base;
use super::{Diagnosis, DiagnosisId as D};
use crate::session::{SessionError, SessionReport};
use crate::settings::Settings;

use context::Context;

/// Diagnoses the error that ended a session.
pub(super) fn diagnose_error(
    settings: &Settings,
    report: &SessionReport,
    error: &SessionError,
) -> Diagnosis {
    let banner = report.server.banner.as_deref().unwrap_or_default();
    let replied = error
        .reply()
        .map(|reply| reply.lines.join(" "))
        .unwrap_or_default();
    let ctx = Context {
        settings,
        report,
        provider: provider::detect(&settings.host, &[banner, &replied]),
    };
    match error {
        SessionError::DnsNotFound { host, .. } => ctx.dns_not_found(host),
        SessionError::ConnectionRefused { address } => ctx.refused(address),
        SessionError::ConnectTimeout { address, secs } => ctx.connect_timeout(address, *secs),
        SessionError::ConnectFailed { address, detail } => ctx.connect_failed(address, detail),
        SessionError::NoGreeting {
            secs,
            port_speaks_tls,
        } => ctx.no_greeting(*secs, *port_speaks_tls),
        SessionError::NotSmtp { received, .. } => ctx.not_smtp(received),
        SessionError::Rejected { step, reply } => ctx.rejected(*step, reply),
        SessionError::StartTlsNotOffered => ctx.starttls_not_offered(),
        SessionError::TlsHandshake {
            detail,
            certificate,
            plain_banner,
            ..
        } => ctx.tls_handshake(detail, certificate.as_ref(), plain_banner.as_deref()),
        SessionError::AuthNotOffered {
            encrypted,
            starttls_offered,
        } => ctx.auth_not_offered(*encrypted, *starttls_offered),
        SessionError::AuthMechanismUnsupported {
            offered,
            target_name,
        } => auth::mechanism_unsupported(offered, target_name),
        SessionError::AuthNotFinished { .. } => auth::login_not_finished(),
        SessionError::TlsOutdated { .. } => base(D::TlsOutdated),
        SessionError::PlaintextPasswordRefused { starttls_offered } => {
            ctx.password_unencrypted(*starttls_offered)
        }
        SessionError::OAuthRejected {
            mechanism,
            challenge,
            reply,
        } => ctx.oauth_rejected(*mechanism, challenge.as_deref(), reply),
        SessionError::OAuthNotOffered {
            offered,
            encrypted,
            starttls_offered,
            ..
        } => ctx.oauth_not_offered(offered, *encrypted, *starttls_offered),
        SessionError::TokenUnencrypted { starttls_offered } => {
            ctx.oauth_unencrypted(*starttls_offered)
        }
        SessionError::TokenRequest(token_error) => oauth::token_failure(token_error),
        SessionError::ConnectionLost { step } => ctx.connection_lost(*step),
        SessionError::Timeout { step, secs } => ctx.timeout(*step, *secs),
        SessionError::Cancelled { .. } => base(D::Cancelled),
        SessionError::CaFile { path, detail } => tls::ca_file(path, detail),
        SessionError::Protocol { step, detail } => conversation::protocol(*step, detail),
        SessionError::AddressUnsendable {
            role,
            address,
            problem,
        } => ctx.address_unsendable(*role, address, *problem),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_misses;
#[cfg(test)]
mod tests_replies;
#[cfg(test)]
mod tests_tls;
