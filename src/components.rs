//! One component per file. Components render; the core decides.

pub mod copy_button;
pub mod drop_router;
pub mod file_picker;
pub mod findings;
pub mod inspect_view;
pub mod receipt_step;
pub mod request_step;
pub mod submit_step;
pub mod trust_step;
pub mod verify_step;
