//! The fleet check (`mailtester scan`): finds the mail settings of every site under some
//! folders, contacts each distinct mail server once, and judges each site with the rules the
//! single test uses.
//!
//! - [`walk`]: the folders → the sites found ([`FoundSite`]) and what was skipped.
//! - [`read`]: one file's text → a site's settings (web.config, wp-config.php, .env,
//!   appsettings.json).
//! - [`model`]: the shared types.

pub mod model;
pub mod read;
pub mod walk;

pub use model::{FoundSite, Platform, SiteSettings, Skipped, Transport, Unreadable};
