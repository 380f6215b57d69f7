//! The five-level evidence chain of a systemic problem, computed from its linked incidents and
//! the stores table, and its business case. Every computed figure carries the incident filter
//! that shows the incidents behind it; figures the director entered are kept apart and marked.
//!
//! An *event* is one store on one day with at least one linked incident: an overload that kept
//! twenty customers waiting is one event affecting twenty customers (S4).

mod business_case;
mod compute;
mod launch;
mod root_cause;
mod stats;
mod trend;
mod types;
mod wording;

pub use compute::compute;
pub use types::{Evidence, LaunchEffect, LaunchVerdict};
