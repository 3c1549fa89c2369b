//! Reading one configuration file's mail settings: one module per kind of file.

pub mod appsettings;
pub mod dotenv;
pub mod webconfig;
pub mod wordpress;
