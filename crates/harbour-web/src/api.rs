//! The workspace's JSON API under `/api/v1/` (described in `/api/openapi.json`). A request is
//! authorised by a personal access token (`Authorization: Bearer hbr_…`, scopes
//! `cases:read`, `cases:write`) or by a signed-in session with both factors; a session's
//! writes also need its CSRF token in `X-CSRF-Token`. Answers are `no-store`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use harbour_db::auth;
use harbour_db::workspace::{self as ws, Actor, Intake, WorkspaceError};
use harbour_domain::workspace::NeedsAssessment;
use harbour_domain::DomainError;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cases", get(list).post(create))
        .route("/api/v1/cases/{id}", get(read))
        .route("/api/v1/cases/{id}/notes", get(notes).post(add_note))
        .route(
            "/api/v1/cases/{id}/assessments",
            get(assessments).post(add_assessment),
        )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Read,
    Write,
}

fn unauthorised() -> Response {
    let mut r = (
        StatusCode::UNAUTHORIZED,
        Json(json!({"errors": [{"code": "AUTH-0001", "detail": "a valid token or session is needed"}]})),
    )
        .into_response();
    r.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"harbour\""),
    );
    r
}

fn forbidden_scope() -> Response {
    (
        StatusCode::FORBIDDEN,
        Json(json!({"errors": [{"code": "AUTH-0002", "detail": "the token lacks the scope for this"}]})),
    )
        .into_response()
}

/// Who is asking, or the response to send instead.
async fn caller(
    state: &AppState,
    headers: &HeaderMap,
    need: Need,
) -> Result<Result<Actor, Response>, AppError> {
    let now = state.now();
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        let Some((user, scopes)) = auth::token_user(&state.db, bearer, now).await? else {
            return Ok(Err(unauthorised()));
        };
        let scope = match need {
            Need::Read => "cases:read",
            Need::Write => "cases:write",
        };
        if !scopes.iter().any(|s| s == scope) {
            return Ok(Err(forbidden_scope()));
        }
        return Ok(Ok(ws::actor(&state.db, &user).await?));
    }
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == crate::workspace::COOKIE)
        .map(|(_, v)| v.to_string());
    let Some(token) = token else {
        return Ok(Err(unauthorised()));
    };
    let Some(s) = auth::session(&state.db, &token, now).await? else {
        return Ok(Err(unauthorised()));
    };
    if !s.second_factor {
        return Ok(Err(unauthorised()));
    }
    if need == Need::Write {
        let given = headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let same = given.len() == s.csrf.len()
            && given
                .bytes()
                .zip(s.csrf.bytes())
                .fold(0u8, |a, (x, y)| a | (x ^ y))
                == 0;
        if !same {
            return Ok(Err(forbidden_scope()));
        }
    }
    Ok(Ok(ws::actor(&state.db, &s.user_id).await?))
}

macro_rules! who {
    ($state:expr, $headers:expr, $need:expr) => {
        match caller(&$state, &$headers, $need).await? {
            Ok(a) => a,
            Err(r) => return Ok(r),
        }
    };
}

fn ok(v: Value) -> Response {
    let mut r = Json(v).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn field_error(field: &str, reason: &str) -> AppError {
    AppError::Domain(DomainError::InvalidField {
        field: field.into(),
        reason: reason.into(),
    })
}

fn mapped(e: WorkspaceError) -> AppError {
    match e {
        WorkspaceError::Invalid { field, reason } => field_error(&field, &reason),
        other => other.into(),
    }
}

fn org_of(actor: &Actor) -> Result<String, AppError> {
    actor
        .memberships
        .iter()
        .find(|m| m.role.sees_case_data())
        .map(|m| m.organization.clone())
        .ok_or(AppError::NotFound)
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let org = org_of(&actor)?;
    let cases = ws::list_cases(
        &state.db,
        &state.config.master_key,
        &actor,
        &org,
        false,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(json!({
        "items": cases.iter().map(|c| json!({
            "id": c.id, "reference": c.reference, "pseudonym": c.pseudonym,
            "crime_kind": c.crime_kind, "status": c.status, "assigned_to_me": c.assigned_to_me,
            "created_at": c.created_at,
        })).collect::<Vec<_>>()
    })))
}

fn case_json(c: &ws::Case) -> Value {
    let i = &c.intake;
    json!({
        "id": c.id, "reference": c.reference, "status": c.status, "created_at": c.created_at,
        "assigned_to": c.assigned_to, "pseudonym": i.pseudonym, "name": i.name,
        "contact": i.contact, "safe_contact": i.safe_contact, "narrative": i.narrative,
        "crime_kind": i.crime_kind, "crime_country": i.crime_country, "child": i.child,
    })
}

fn parse(body: &[u8]) -> Result<serde_json::Map<String, Value>, AppError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => Ok(o),
        _ => Err(field_error("body", "expected a JSON object")),
    }
}

fn text(o: &serde_json::Map<String, Value>, k: &str) -> Result<Option<String>, AppError> {
    match o.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(field_error(k, "expected a string")),
    }
}

async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    const FIELDS: [&str; 8] = [
        "pseudonym",
        "name",
        "contact",
        "safe_contact",
        "narrative",
        "crime_kind",
        "crime_country",
        "child",
    ];
    if let Some(k) = o.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(field_error(k, "unknown field"));
    }
    let crime_kind = text(&o, "crime_kind")?;
    if crime_kind
        .as_deref()
        .is_some_and(|k| harbour_domain::rights::CrimeKind::parse(k).is_none())
    {
        return Err(field_error("crime_kind", "unknown value"));
    }
    let intake = Intake {
        pseudonym: text(&o, "pseudonym")?.unwrap_or_default(),
        name: text(&o, "name")?,
        contact: text(&o, "contact")?,
        safe_contact: text(&o, "safe_contact")?,
        narrative: text(&o, "narrative")?,
        crime_kind,
        crime_country: text(&o, "crime_country")?,
        child: o.get("child").and_then(Value::as_bool).unwrap_or(false),
    };
    let org = org_of(&actor)?;
    let created = ws::create_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &org,
        &intake,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    let mut r = ok(json!({
        "id": created.id, "reference": created.reference,
        "possible_duplicates": created.duplicates.len(),
    }));
    *r.status_mut() = StatusCode::CREATED;
    Ok(r)
}

async fn read(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let c = ws::read_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(case_json(&c)))
}

async fn notes(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let n = ws::notes(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(
        json!({"items": n.iter().map(|n| json!({"created_at": n.created_at, "body": n.body})).collect::<Vec<_>>()}),
    ))
}

async fn add_note(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    let text = text(&o, "body")?.unwrap_or_default();
    ws::add_note(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        &text,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    let mut r = ok(json!({"created": true}));
    *r.status_mut() = StatusCode::CREATED;
    Ok(r)
}

async fn assessments(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let v = ws::assessments(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(json!({"items": v.iter().map(|a| json!({
        "version": a.version, "created_at": a.created_at, "answers": a.answers,
    })).collect::<Vec<_>>()})))
}

async fn add_assessment(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let answers: NeedsAssessment = serde_json::from_slice(&body)
        .map_err(|e| field_error("body", &format!("not a needs assessment: {e}")))?;
    let version = ws::add_assessment(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        answers,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    let mut r = ok(json!({"version": version}));
    *r.status_mut() = StatusCode::CREATED;
    Ok(r)
}
