//! Wiring: state from the database and shipped data, the router, and the middleware that every
//! response passes through (security headers, error rendering, logs without query strings,
//! metrics).

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use harbour_db::Db;
use harbour_domain::geo::Gazetteer;
use harbour_domain::{CountryProfile, Locale};
use harbour_search::Catalog;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64};
use std::sync::{Arc, RwLock};
use std::time::Instant;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};

use crate::error::AppError;
use crate::i18n::I18n;
use crate::metrics::{Metrics, RouteLabels, RouteOnly};
use crate::state::{AppState, Clock, Inner, WebConfig};
use crate::{hsds, openapi, ops, public};

pub const COUNTRIES_JSON: &str = include_str!("../../../data/countries.json");
pub const GAZETTEER_TSV: &str = include_str!("../../../data/gazetteer.tsv");

/// The state, with the catalog filled from the database.
pub struct Started {
    pub state: AppState,
}

/// Builds the application state from a migrated database and fills the search index.
pub async fn start(db: Db, config: WebConfig, clock: Clock) -> anyhow::Result<Started> {
    let countries: Vec<CountryProfile> = serde_json::from_str(COUNTRIES_JSON)?;
    let country_index = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code, i))
        .collect();
    let (gazetteer, bad) = Gazetteer::parse(GAZETTEER_TSV);
    if bad > 0 {
        tracing::warn!(lines = bad, "gazetteer lines skipped");
    }
    let knowledge = crate::rights::load_knowledge(countries.clone())?;
    let state = AppState(Arc::new(Inner {
        db,
        catalog: Catalog::new()?,
        countries,
        country_index,
        gazetteer,
        knowledge,
        taxonomies: RwLock::new(Vec::new()),
        i18n: I18n::load()?,
        metrics: Metrics::default(),
        clock,
        config,
        version: AtomicI64::new(-1),
        ready: AtomicBool::new(false),
        organizations: RwLock::new(HashMap::new()),
    }));
    let t = Instant::now();
    state.sync().await?;
    state.ready.store(true, std::sync::atomic::Ordering::SeqCst);
    tracing::info!(
        services = state.catalog.len(),
        duration_ms = t.elapsed().as_millis() as u64,
        "search index built"
    );
    Ok(Started { state })
}

/// The router. Tests call this with a state from [`start`].
pub fn build(state: AppState) -> Router {
    let hsds_routes = hsds::routes().layer(
        CorsLayer::new()
            .allow_origin(Any)
            .allow_methods([Method::GET, Method::OPTIONS]),
    );
    Router::new()
        .merge(public::routes())
        .route(
            "/hsds/",
            get(hsds::root).layer(
                CorsLayer::new()
                    .allow_origin(Any)
                    .allow_methods([Method::GET]),
            ),
        )
        .nest("/hsds", hsds_routes)
        .route("/api/openapi.json", get(openapi::document))
        .merge(crate::rights::api_routes())
        .merge(crate::workspace::routes())
        .merge(crate::api::routes())
        .merge(ops::routes())
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(state.clone(), observe))
        .layer(CompressionLayer::new())
        .with_state(state)
}

async fn fallback() -> AppError {
    AppError::NotFound
}

/// Carried from an `AppError` response to the renderer below.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    /// The input field at fault, for API clients.
    pub field: Option<String>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if let AppError::Internal(e) = &self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let mut r = status.into_response();
        let field = match &self {
            AppError::Domain(harbour_domain::DomainError::InvalidField { field, .. }) => {
                Some(field.clone())
            }
            _ => None,
        };
        r.extensions_mut().insert(ErrorInfo {
            status,
            code,
            detail: self.detail(),
            field,
        });
        r
    }
}

fn is_api(path: &str) -> bool {
    path.starts_with("/hsds") || path.starts_with("/api/")
}

/// Locale of a request: the first path segment if it is one, else Accept-Language.
pub fn request_locale(path: &str, accept_language: Option<&str>) -> Locale {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Locale::parse)
        .filter(|l| path.len() >= 3 && path.get(1..3) == Some(l.code()))
        .unwrap_or_else(|| Locale::negotiate(accept_language.unwrap_or("")))
}

async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id = uuid::Uuid::new_v4().simple().to_string();
    let method = req.method().clone();
    // Only the path is ever logged: query strings of public pages can carry what a person
    // searched for.
    let path = req.uri().path().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let accept_language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut res = next.run(req).await;
    if let Some(info) = res.extensions().get::<ErrorInfo>().cloned() {
        let locale = request_locale(&path, accept_language.as_deref());
        res = if is_api(&path) {
            let error = match &info.field {
                Some(f) => {
                    serde_json::json!({"code": info.code, "detail": info.detail, "field": f})
                }
                None => serde_json::json!({"code": info.code, "detail": info.detail}),
            };
            let body = serde_json::json!({"errors": [error], "request_id": request_id});
            (info.status, axum::Json(body)).into_response()
        } else {
            public::error_page(&state, locale, info.status, info.code, &request_id)
        };
    }
    let h = res.headers_mut();
    h.insert(
        "x-request-id",
        HeaderValue::from_str(&request_id).unwrap_or(HeaderValue::from_static("-")),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "geolocation=(self), camera=(), microphone=(), interest-cohort=()",
        ),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // Public pages never set cookies; make sure nothing below ever does. Only the workspace
    // has a session cookie.
    if !path.starts_with("/workspace/") {
        h.remove(header::SET_COOKIE);
    }
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    state
        .metrics
        .requests
        .get_or_create(&RouteLabels {
            route: route.clone(),
            status,
        })
        .inc();
    state
        .metrics
        .duration
        .get_or_create(&RouteOnly { route })
        .observe(elapsed.as_secs_f64());
    // One line per request at debug level (HARBOUR_LOG=debug); server errors always.
    if status >= 500 {
        tracing::warn!(request.id = %request_id, http.method = %method, http.path = %path, http.status = status, "request failed");
    }
    tracing::debug!(
        request.id = %request_id,
        http.method = %method,
        http.path = %path,
        http.status = status,
        duration_ms = elapsed.as_secs_f64() * 1000.0,
        "request"
    );
    res
}

/// A response body from bytes with a content type.
pub fn typed(content_type: &'static str, body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}
