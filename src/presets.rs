//! Provider presets, as the CLI (`--preset gmail`, `mailtester presets`) and the window's
//! provider list use them: a façade over the one provider table in [`crate::providers`].

pub use crate::providers::{PRESETS, Preset, find};
