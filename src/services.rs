//! What the page needs from the browser: files, downloads, facts, the probe, submission,
//! configuration. Nothing here decides; the core does.

pub mod browser;
pub mod choice;
pub mod config;
pub mod files;
