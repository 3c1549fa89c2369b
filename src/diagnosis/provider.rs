//! The providers the diagnosis names (app passwords, special user names, senders, ports to try):
//! a façade over the one provider table in [`crate::providers`].

pub(super) use crate::providers::{Provider, detect, in_text, named};

#[cfg(test)]
pub(super) use crate::providers::by_host;
