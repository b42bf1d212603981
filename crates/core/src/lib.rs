//! `slc-courier-core`: the checks of SLC Courier. Bytes in, findings out.
//!
//! The core is pure: no web dependencies, no I/O, no clock. "Now" and the trust anchors are
//! inputs ([`policy::Policy`]). The page, the CLI and the JSON report all render the
//! [`finding::Finding`]s it returns.
//!
//! - [`request::check_request`]: step 1, the exported enrollment/renewal request.
//! - [`trust`]: step 2, browser facts and root certificate inspection.
//! - [`chain::verify_chain`]: step 4, the downloaded SLC chain, paired with the request.
//! - [`report::Receipt`]: the transfer receipt.
//! - [`route::classify`]: which step a dropped file belongs to.
//! - [`workbench::build`]: every XrML document in many files, linked across them.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod chain;
mod der;
pub mod finding;
pub mod key;
pub mod lang;
pub mod pkcs1;
pub mod policy;
pub mod report;
pub mod request;
pub mod route;
pub mod submit;
pub mod text;
pub mod time;
pub mod trust;
pub mod words;
pub mod workbench;
pub mod xml;
pub mod xrml;

pub use chain::{verify_chain, ChainReport, VerifiedChain};
pub use finding::{Code, Finding, Location, Severity, Subject, Text, What};
pub use lang::Lang;
pub use policy::Policy;
pub use request::{check_request, RequestReport};
pub use time::UtcTime;
