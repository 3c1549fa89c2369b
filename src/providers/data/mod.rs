//! The provider table's rows, one constant per provider, grouped by kind. The order of the table
//! itself is [`super::PROVIDERS`].
//!
//! Facts carry their source: `[Sx]` and `(C)` refer to the sources of
//! `shared/reference/smtp-and-config-facts.md`; anything else says where it comes from.

pub(super) mod google_microsoft;
pub(super) mod hosting;
pub(super) mod mailboxes;
pub(super) mod services;
