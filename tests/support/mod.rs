//! Shared test support: a scriptable, fault-injecting SMTP server and its certificates, a test
//! DNS server and a tiny HTTPS server for autoconfig files.
//!
//! Each integration test binary declares `mod support;` and uses a subset of it.
#![allow(dead_code, unused_imports)]
// Test support: failing set-up (bind, key generation) should panic loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod bin;
pub mod dns_server;
pub mod hosting_tree;
pub mod https_server;
pub mod imap_server;
pub mod japanese_font;
pub mod old_tls_server;
pub mod pki;
pub mod recording_proxy;
pub mod smtp_server;
pub mod test_domain;
pub mod token_server;
