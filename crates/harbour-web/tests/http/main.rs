//! In-process HTTP tests (Router + oneshot) on the backend named by the environment: SQLite by
//! default, PostgreSQL when HARBOUR_TEST_POSTGRES_URL is set. The same bodies run on both.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod support;

mod hsds;
mod ops;
mod pages;
mod reminders;
mod rights;
mod workspace;
