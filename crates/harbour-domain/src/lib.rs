//! Harbour's domain: the HSDS 3.0 directory model with Harbour's profile, value types that
//! guarantee what their names say, opening hours, geography and import validation.
//!
//! Nothing in this crate does I/O or reads the clock: time is always a parameter.

pub mod country;
pub mod error;
pub mod geo;
pub mod hsds;
pub mod import;
pub mod lang;
pub mod rights;
pub mod schedule;
pub mod taxonomy;
pub mod workspace;

pub use country::{CountryCode, CountryProfile};
pub use error::DomainError;
pub use lang::{LanguageTag, Locale};
