//! Harbour's HTTP layer: public pages (askama + Fluent), the HSDS 3.0 read API, Harbour's
//! OpenAPI document, health and metrics.

pub mod api;
pub mod app;
pub mod error;
pub mod hsds;
pub mod i18n;
pub mod mail;
pub mod metrics;
pub mod openapi;
pub mod ops;
pub mod params;
pub mod public;
pub mod rights;
pub mod search;
pub mod state;
pub mod workspace;

pub use app::{build, start, Started};
pub use state::{AppState, WebConfig};
