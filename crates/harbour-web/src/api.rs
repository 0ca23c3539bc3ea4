//! The workspace's JSON API under `/api/v1/` (described in `/api/openapi.json`). A request is
//! authorised by a personal access token (`Authorization: Bearer hbr_…`, scopes
//! `cases:read`, `cases:write`) or by a signed-in session with both factors; a session's
//! writes also need its CSRF token in `X-CSRF-Token`. Answers are `no-store`.

use axum::body::Bytes;
use axum::extract::Query;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use harbour_db::auth;
use harbour_db::workspace::{self as ws, Actor, Intake, WorkspaceError};
use harbour_domain::workspace::NeedsAssessment;
use harbour_domain::DomainError;
use serde_json::{json, Value};
use std::collections::HashMap;

use crate::error::AppError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cases", get(list).post(create))
        .route("/api/v1/cases/search", post(search))
        .route("/api/v1/cases/{id}", get(read).put(replace).delete(erase))
        .route("/api/v1/cases/{id}/history", get(history))
        .route("/api/v1/cases/{id}/plan", get(plan).post(add_action))
        .route("/api/v1/cases/{id}/plan/{action}/done", post(action_done))
        .route(
            "/api/v1/cases/{id}/consents",
            get(consents).post(add_consent),
        )
        .route(
            "/api/v1/cases/{id}/consents/{consent}/withdraw",
            post(withdraw_consent),
        )
        .route(
            "/api/v1/cases/{id}/contacts",
            get(contacts).post(add_contact),
        )
        .route("/api/v1/cases/{id}/assign", post(assign))
        .route("/api/v1/cases/{id}/close", post(close))
        .route("/api/v1/cases/{id}/export", get(export))
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

/// `GET /api/v1/cases?status=&crime_kind=&assignee=me|unassigned|<id>&overdue=true`. Names are
/// never searched through a URL: that is `POST /api/v1/cases/search`.
async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    if let Some(k) = q
        .keys()
        .find(|k| !["status", "crime_kind", "assignee", "overdue"].contains(&k.as_str()))
    {
        return Err(field_error(k, "unknown parameter"));
    }
    let filter = crate::workspace::case_filter(&q);
    listing(&state, &actor, &filter).await
}

/// `POST /api/v1/cases/search` with `{"query": "exact name or pseudonym", …filters}`.
async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let o = parse(&body)?;
    let mut f = HashMap::new();
    for (k, v) in &o {
        if !["query", "status", "crime_kind", "assignee", "overdue"].contains(&k.as_str()) {
            return Err(field_error(k, "unknown field"));
        }
        let v = match v {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Null => continue,
            _ => return Err(field_error(k, "expected a string")),
        };
        f.insert(k.clone(), v);
    }
    if f.get("query").is_none_or(|q| q.trim().is_empty()) {
        return Err(field_error("query", "required"));
    }
    let filter = crate::workspace::case_filter(&f);
    listing(&state, &actor, &filter).await
}

async fn listing(
    state: &AppState,
    actor: &Actor,
    filter: &ws::CaseFilter,
) -> Result<Response, AppError> {
    let org = org_of(actor)?;
    let cases = ws::list_cases(
        &state.db,
        &state.config.master_key,
        actor,
        &org,
        filter,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(json!({
        "items": cases.iter().map(|c| json!({
            "id": c.id, "reference": c.reference, "pseudonym": c.pseudonym,
            "crime_kind": c.crime_kind, "status": c.status, "assigned_to": c.assigned_to,
            "assigned_to_me": c.assigned_to_me, "created_at": c.created_at,
            "next_due": c.next_due.map(|d| d.to_string()), "overdue": c.overdue,
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
        "details": i.details,
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

/// An intake from JSON (create and replace share it); unknown fields are refused by name.
fn intake_from_json(o: &serde_json::Map<String, Value>) -> Result<Intake, AppError> {
    const FIELDS: [&str; 9] = [
        "pseudonym",
        "name",
        "contact",
        "safe_contact",
        "narrative",
        "crime_kind",
        "crime_country",
        "child",
        "details",
    ];
    if let Some(k) = o.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(field_error(k, "unknown field"));
    }
    let crime_kind = text(o, "crime_kind")?;
    if crime_kind
        .as_deref()
        .is_some_and(|k| harbour_domain::rights::CrimeKind::parse(k).is_none())
    {
        return Err(field_error("crime_kind", "unknown value"));
    }
    let intake = Intake {
        pseudonym: text(o, "pseudonym")?.unwrap_or_default(),
        name: text(o, "name")?,
        contact: text(o, "contact")?,
        safe_contact: text(o, "safe_contact")?,
        narrative: text(o, "narrative")?,
        crime_kind,
        crime_country: text(o, "crime_country")?,
        child: o.get("child").and_then(Value::as_bool).unwrap_or(false),
        details: match o.get("details") {
            None | Some(Value::Null) => Default::default(),
            Some(v) => serde_json::from_value(v.clone())
                .map_err(|e| field_error("details", &format!("not case details: {e}")))?,
        },
    };
    Ok(intake)
}

async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    let intake = intake_from_json(&o)?;
    let org = org_of(&actor)?;
    let new_case = ws::create_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &org,
        &intake,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(created(json!({
        "id": new_case.id, "reference": new_case.reference,
        "possible_duplicates": new_case.duplicates.len(),
    })))
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
    Ok(created(json!({"created": true})))
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
    Ok(created(json!({"version": version})))
}

fn created(v: Value) -> Response {
    let mut r = ok(v);
    *r.status_mut() = StatusCode::CREATED;
    r
}

fn date(
    o: &serde_json::Map<String, Value>,
    k: &str,
) -> Result<Option<chrono::NaiveDate>, AppError> {
    text(o, k)?
        .map(|d| {
            chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| field_error(k, "expected a date YYYY-MM-DD"))
        })
        .transpose()
}

fn only(o: &serde_json::Map<String, Value>, fields: &[&str]) -> Result<(), AppError> {
    match o.keys().find(|k| !fields.contains(&k.as_str())) {
        Some(k) => Err(field_error(k, "unknown field")),
        None => Ok(()),
    }
}

async fn history(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let events = ws::case_history(&state.db, &actor, &id, state.now())
        .await
        .map_err(mapped)?;
    Ok(ok(json!({"items": events.iter().map(|e| json!({
        "seq": e.seq, "at": e.at, "by": e.actor_email, "action": e.action,
    })).collect::<Vec<_>>()})))
}

async fn plan(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let actions = ws::plan(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(json!({"items": actions.iter().map(|a| json!({
        "id": a.id, "domain": a.domain, "action": a.action, "owner": a.owner,
        "due_on": a.due_on.map(|d| d.to_string()), "done": a.done,
    })).collect::<Vec<_>>()})))
}

async fn add_action(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    only(&o, &["domain", "action", "owner", "due_on"])?;
    let domain = text(&o, "domain")?.ok_or_else(|| field_error("domain", "required"))?;
    let action = text(&o, "action")?.unwrap_or_default();
    let owner = text(&o, "owner")?;
    ws::add_action(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        &domain,
        &action,
        owner.as_deref(),
        date(&o, "due_on")?,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(created(json!({"created": true})))
}

async fn action_done(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, action)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    ws::complete_action(&state.db, &actor, &id, &action, state.now())
        .await
        .map_err(mapped)?;
    Ok(ok(json!({"done": true})))
}

async fn consents(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let list = ws::consents(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(json!({"items": list.iter().map(|c| json!({
        "id": c.id, "purpose": c.purpose, "scope": c.scope, "given_on": c.given_on,
        "recorded_by": c.recorded_by, "withdrawn_on": c.withdrawn_on,
    })).collect::<Vec<_>>()})))
}

async fn add_consent(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    only(&o, &["purpose", "scope", "given_on"])?;
    let purpose = text(&o, "purpose")?.ok_or_else(|| field_error("purpose", "required"))?;
    let given_on = date(&o, "given_on")?.ok_or_else(|| field_error("given_on", "required"))?;
    ws::record_consent(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        &purpose,
        text(&o, "scope")?.as_deref(),
        given_on,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(created(json!({"created": true})))
}

async fn withdraw_consent(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, consent)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    ws::withdraw_consent(&state.db, &actor, &id, &consent, state.now())
        .await
        .map_err(mapped)?;
    Ok(ok(json!({"withdrawn": true})))
}

/// Assignment follows training: a refusal is a 409 whose code says why (`CASE-0101` missing
/// course, `CASE-0102` lapsed course, `CASE-0103` role cannot hold cases).
async fn assign(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    use harbour_domain::workspace::NotAssignable;
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    only(&o, &["user_id"])?;
    let user = text(&o, "user_id")?.ok_or_else(|| field_error("user_id", "required"))?;
    if uuid::Uuid::parse_str(&user).is_err() {
        return Err(field_error("user_id", "not a person's id"));
    }
    let refused = |code: &str, detail: String| {
        let mut r = (
            StatusCode::CONFLICT,
            Json(json!({"errors": [{"code": code, "detail": detail}]})),
        )
            .into_response();
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    };
    match ws::assign_case(&state.db, &actor, &id, &user, state.now()).await {
        Ok(()) => Ok(ok(json!({"assigned_to": user}))),
        Err(ws::AssignError::NotAssignable(NotAssignable::Missing(c))) => Ok(refused(
            "CASE-0101",
            format!("no valid training record for the course {c}"),
        )),
        Err(ws::AssignError::NotAssignable(NotAssignable::Lapsed(c, d))) => Ok(refused(
            "CASE-0102",
            format!("the training {c} lapsed on {d}"),
        )),
        Err(ws::AssignError::NotAssignable(NotAssignable::Role)) => Ok(refused(
            "CASE-0103",
            "this person's role cannot hold cases".into(),
        )),
        Err(ws::AssignError::Other(e)) => Err(mapped(e)),
    }
}

async fn close(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    only(&o, &["outcome"])?;
    let outcome = text(&o, "outcome")?.ok_or_else(|| field_error("outcome", "required"))?;
    ws::close_case(&state.db, &actor, &id, &outcome, state.now())
        .await
        .map_err(mapped)?;
    Ok(ok(json!({"status": "closed", "outcome": outcome})))
}

/// Subject access: everything Harbour holds about the victim of this case.
async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let v = ws::export_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(v))
}

/// Erasure on request (organisation admins): the case and everything under it is deleted; the
/// audit trail keeps that it happened.
async fn erase(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    ws::erase_case(&state.db, &actor, &id, state.now())
        .await
        .map_err(mapped)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Replaces what intake recorded (`PUT`, the same body as intake); the audit names the fields
/// that changed.
async fn replace(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    let intake = intake_from_json(&o)?;
    ws::update_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        &intake,
        state.now(),
    )
    .await
    .map_err(mapped)?;
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

async fn contacts(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Read);
    let list = ws::contacts(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(ok(json!({"items": list})))
}

/// Logs a contact: `{"happened_at": "2026-11-28T09:30", "channel": "sms", "direction":
/// "outgoing", "outcome": "reached", "summary": "…"}`.
async fn add_contact(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let actor = who!(state, headers, Need::Write);
    let o = parse(&body)?;
    only(
        &o,
        &["happened_at", "channel", "direction", "outcome", "summary"],
    )?;
    let at = text(&o, "happened_at")?.ok_or_else(|| field_error("happened_at", "required"))?;
    let at = chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| field_error("happened_at", "expected YYYY-MM-DDTHH:MM"))?;
    let need = |k: &str| -> Result<String, AppError> {
        text(&o, k)?.ok_or_else(|| field_error(k, "required"))
    };
    let id_new = ws::add_contact(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        at,
        &need("channel")?,
        &need("direction")?,
        &need("outcome")?,
        text(&o, "summary")?.as_deref(),
        state.now(),
    )
    .await
    .map_err(mapped)?;
    Ok(created(json!({"id": id_new})))
}
