//! The OpenAPI 3.1 document of all of Harbour's HTTP API, at `/api/openapi.json`.

use axum::response::Response;

use crate::app::typed;

pub const DOCUMENT: &str = include_str!("../openapi.json");

pub async fn document() -> Response {
    typed("application/json", DOCUMENT)
}
