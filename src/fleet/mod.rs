//! The fleet check (`mailtester scan`): finds the mail settings of every site under some
//! folders, contacts each distinct mail server once, and judges each site with the rules the
//! single test uses.
//!
//! - [`mod@walk`]: the folders → the sites found ([`FoundSite`]) and what was skipped.
//! - [`iis`]: IIS's `applicationHost.config` → the applications' folders, walked as sites.
//! - [`read`]: one file's text → a site's settings (web.config, wp-config.php, .env,
//!   appsettings.json).
//! - [`server`]: each distinct server contacted once ([`server::probe_all`]).
//! - [`judge`]: the verdict on one site, through the single test's diagnosis.
//! - [`sign_in`]: with `--sign-in`, each account's sign-in checked once.
//! - [`scan`]: all of it, in order; [`report`]: what it found.
//! - [`model`]: the shared types.

pub mod csv_out;
pub mod fix_command;
pub mod html;
pub mod iis;
pub mod judge;
pub mod model;
pub mod read;
pub mod report;
pub mod scan;
pub mod server;
pub mod sign_in;
pub mod walk;

pub use model::{FoundSite, Platform, SiteSettings, Skipped, Transport, Unreadable};
pub use walk::{Walked, walk};
