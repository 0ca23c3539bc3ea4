//! The workspace for support organisations, under `/workspace/`: invitation, sign-in with a
//! mandatory second factor, the dashboard, the case list, intake and the case page. Sessions
//! live in the database and travel in a `__Host-` cookie (Secure, HttpOnly, SameSite=Strict);
//! every form carries the session's CSRF token; every page is `no-store`.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use harbour_db::auth::{self, Login, Session};
use harbour_db::workspace::{self as ws, Actor, CaseLine, Duplicate, Intake, WorkspaceError};
use harbour_domain::rights::CrimeKind;
use harbour_domain::Locale;
use std::collections::HashMap;

use crate::error::AppError;
use crate::public::{render, Chrome, Opt};
use crate::state::AppState;

pub const COOKIE: &str = "__Host-harbour";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/workspace", get(|| async { Redirect::to("/workspace/") }))
        .route("/workspace/", get(dashboard))
        .route("/workspace/login", get(login_page).post(login_post))
        .route("/workspace/2fa", get(second_page).post(second_post))
        .route("/workspace/logout", post(logout))
        .route("/workspace/logout-everywhere", post(logout_everywhere))
        .route("/workspace/sessions", get(sessions_page))
        .route("/workspace/tokens", post(token_post))
        .route("/workspace/audit", get(audit_page))
        .route("/workspace/reports", get(reports_page))
        .route("/workspace/reports.csv", get(reports_csv))
        .route("/workspace/tokens/{id}/revoke", post(token_revoke))
        .route(
            "/workspace/invite/{token}",
            get(invite_page).post(invite_post),
        )
        .route("/workspace/cases", get(cases_page).post(cases_filter_post))
        .route("/workspace/cases/new", get(intake_page).post(intake_post))
        .route("/workspace/cases/{id}", get(case_page))
        .route("/workspace/cases/{id}/edit", get(edit_page).post(edit_post))
        .route("/workspace/cases/{id}/assessment", post(assessment_post))
        .route("/workspace/cases/{id}/notes", post(note_post))
        .route("/workspace/cases/{id}/assign", post(assign_post))
        .route("/workspace/people", get(people_page).post(training_post))
        .route("/workspace/cases/{id}/close", post(close_post))
        .route("/workspace/cases/{id}/export", get(export_case))
        .route(
            "/workspace/cases/{id}/subject-access",
            get(subject_access_page),
        )
        .route("/workspace/cases/{id}/erase", post(erase_post))
        .route("/workspace/retention", post(retention_post))
        .route("/workspace/cases/{id}/plan", post(plan_post))
        .route("/workspace/cases/{id}/contacts", post(contact_post))
        .route(
            "/workspace/cases/{id}/plan/{action}/done",
            post(plan_done_post),
        )
        .route("/workspace/cases/{id}/consent", post(consent_post))
        .route(
            "/workspace/cases/{id}/consent/{consent}/withdraw",
            post(consent_withdraw_post),
        )
}

impl From<WorkspaceError> for AppError {
    fn from(e: WorkspaceError) -> Self {
        match e {
            WorkspaceError::NotFound | WorkspaceError::Forbidden => AppError::NotFound,
            other => AppError::Internal(other.into()),
        }
    }
}

/// The workspace's language: Accept-Language (people choose theirs in the browser).
fn ws_locale(headers: &HeaderMap) -> Locale {
    Locale::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

fn set_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict"
    ))
    .unwrap_or(HeaderValue::from_static(""))
}

fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "__Host-harbour=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0",
    )
}

fn redirect_with_cookie(to: &str, cookie: HeaderValue) -> Response {
    let mut r = Redirect::to(to).into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie);
    r
}

fn address(headers: &HeaderMap) -> String {
    // behind a proxy the operator sets X-Forwarded-For; only used as a throttling key (hashed)
    headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "direct".into())
}

fn form(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// Constant-time comparison of the CSRF token.
fn csrf_ok(session: &Session, f: &HashMap<String, String>) -> bool {
    let given = f.get("csrf").map(String::as_bytes).unwrap_or_default();
    let want = session.csrf.as_bytes();
    given.len() == want.len() && given.iter().zip(want).fold(0u8, |a, (x, y)| a | (x ^ y)) == 0
}

/// Same-origin check for forms posted before a session exists (sign-in, invitation). Browsers
/// say where a request comes from in `Sec-Fetch-Site`; with `Referrer-Policy: no-referrer` the
/// `Origin` of a form post is "null", so it is compared only when it names an origin.
fn same_origin(headers: &HeaderMap) -> bool {
    let get = |h: &str| headers.get(h).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (get("origin"), get("host")) {
        (None | Some("null"), _) => true,
        (Some(o), Some(h)) => o.split_once("://").is_some_and(|(_, rest)| rest == h),
        (Some(_), None) => false,
    }
}

enum Gate {
    /// Signed in with both factors.
    Full(String, Session, Actor),
    /// Go here first.
    Redirect(Response),
}

async fn gate(state: &AppState, headers: &HeaderMap) -> Result<Gate, AppError> {
    let Some(token) = cookie_token(headers) else {
        return Ok(Gate::Redirect(
            Redirect::to("/workspace/login").into_response(),
        ));
    };
    let Some(s) = auth::session(&state.db, &token, state.now()).await? else {
        return Ok(Gate::Redirect(redirect_with_cookie(
            "/workspace/login",
            clear_cookie(),
        )));
    };
    if !s.second_factor {
        return Ok(Gate::Redirect(
            Redirect::to("/workspace/2fa").into_response(),
        ));
    }
    let actor = ws::actor(&state.db, &s.user_id).await?;
    Ok(Gate::Full(token, s, actor))
}

macro_rules! signed_in {
    ($state:expr, $headers:expr) => {
        match gate(&$state, &$headers).await? {
            Gate::Full(token, s, actor) => (token, s, actor),
            Gate::Redirect(r) => return Ok(r),
        }
    };
}

fn page(mut r: Response) -> Response {
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// What every workspace template shares.
pub struct WsChrome<'a> {
    pub c: Chrome<'a>,
    pub csrf: String,
    pub email: String,
    pub signed_in: bool,
}

impl WsChrome<'_> {
    pub fn t(&self, key: &str) -> String {
        self.c.t(key)
    }
    /// A string with a `count` (plural forms are the catalogue's business).
    pub fn t_n(&self, key: &str, count: usize) -> String {
        self.c
            .targ(key, "count", fluent_bundle::FluentValue::from(count))
    }
    pub fn lang(&self) -> &'static str {
        self.c.lang()
    }
    pub fn dir(&self) -> &'static str {
        self.c.dir()
    }
}

fn chrome<'a>(state: &'a AppState, l: Locale, title: &str, s: Option<&Session>) -> WsChrome<'a> {
    WsChrome {
        c: Chrome::new(state, l, "/").titled(title),
        csrf: s.map(|s| s.csrf.clone()).unwrap_or_default(),
        email: s.map(|s| s.email.clone()).unwrap_or_default(),
        signed_in: s.is_some_and(|s| s.second_factor),
    }
}

fn main_org(actor: &Actor) -> Option<String> {
    actor
        .memberships
        .iter()
        .find(|m| m.role.sees_case_data())
        .map(|m| m.organization.clone())
}

// ---------------------------------------------------------------------------------------------
// Sign-in

#[derive(Template)]
#[template(path = "ws_login.html")]
struct LoginPage<'a> {
    w: WsChrome<'a>,
    error: Option<String>,
}

async fn login_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    Ok(page(render(&LoginPage {
        w: chrome(&state, l, "ws-login-title", None),
        error: None,
    })?))
}

async fn login_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let f = form(&body);
    let refuse = |key: &str, status: StatusCode| -> Result<Response, AppError> {
        let mut r = render(&LoginPage {
            w: chrome(&state, l, "ws-login-title", None),
            error: Some(state.i18n.t(l, key, &[])),
        })?;
        *r.status_mut() = status;
        Ok(page(r))
    };
    if !same_origin(&headers) {
        return refuse("ws-error-origin", StatusCode::FORBIDDEN);
    }
    let email = f.get("email").map(String::as_str).unwrap_or("");
    let password = f.get("password").map(String::as_str).unwrap_or("");
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match auth::login(
        &state.db,
        email,
        password,
        &address(&headers),
        ua,
        state.now(),
    )
    .await?
    {
        Login::Password { token } => Ok(redirect_with_cookie("/workspace/2fa", set_cookie(&token))),
        Login::Refused => refuse("ws-login-refused", StatusCode::UNAUTHORIZED),
        Login::Throttled => refuse("ws-login-throttled", StatusCode::TOO_MANY_REQUESTS),
    }
}

#[derive(Template)]
#[template(path = "ws_2fa.html")]
struct SecondPage<'a> {
    w: WsChrome<'a>,
    /// The secret, the otpauth:// link, and the link as an inline SVG QR code.
    setup: Option<(String, String, String)>,
    recovery: Vec<String>,
    error: Option<String>,
}

/// The otpauth:// link as an inline SVG QR code (no image request, no script), labelled for
/// screen readers; empty if it cannot be encoded.
fn qr_svg(url: &str, label: &str) -> String {
    use qrcode::render::svg;
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    let start = image.find("<svg").unwrap_or(0);
    let escaped: String = label
        .chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect();
    image[start..].replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\" class=\"qr\" "),
        1,
    )
}

fn with_qr(state: &AppState, l: Locale, setup: (String, String)) -> (String, String, String) {
    let svg = qr_svg(&setup.1, &state.i18n.t(l, "ws-2fa-qr", &[]));
    (setup.0, setup.1, svg)
}

async fn second_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let Some(token) = cookie_token(&headers) else {
        return Ok(Redirect::to("/workspace/login").into_response());
    };
    let Some(s) = auth::session(&state.db, &token, state.now()).await? else {
        return Ok(redirect_with_cookie("/workspace/login", clear_cookie()));
    };
    if s.second_factor {
        return Ok(Redirect::to("/workspace/").into_response());
    }
    let setup = if s.totp_enabled {
        None
    } else {
        Some(with_qr(
            &state,
            l,
            auth::start_totp(&state.db, &state.config.master_key, &s, state.now()).await?,
        ))
    };
    Ok(page(render(&SecondPage {
        w: chrome(&state, l, "ws-2fa-title", Some(&s)),
        setup,
        recovery: Vec::new(),
        error: None,
    })?))
}

async fn second_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let f = form(&body);
    let Some(token) = cookie_token(&headers) else {
        return Ok(Redirect::to("/workspace/login").into_response());
    };
    let Some(s) = auth::session(&state.db, &token, state.now()).await? else {
        return Ok(redirect_with_cookie("/workspace/login", clear_cookie()));
    };
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let code = f.get("code").map(String::as_str).unwrap_or("");
    let mk = &state.config.master_key;
    if !s.totp_enabled {
        if let Some(recovery) =
            auth::confirm_totp(&state.db, mk, &token, &s, code, state.now()).await?
        {
            return Ok(page(render(&SecondPage {
                w: chrome(&state, l, "ws-2fa-title", Some(&s)),
                setup: None,
                recovery,
                error: None,
            })?));
        }
        let setup = Some(with_qr(
            &state,
            l,
            auth::start_totp(&state.db, mk, &s, state.now()).await?,
        ));
        let mut r = render(&SecondPage {
            w: chrome(&state, l, "ws-2fa-title", Some(&s)),
            setup,
            recovery: Vec::new(),
            error: Some(state.i18n.t(l, "ws-2fa-wrong", &[])),
        })?;
        *r.status_mut() = StatusCode::UNAUTHORIZED;
        return Ok(page(r));
    }
    if auth::second_factor(
        &state.db,
        mk,
        &token,
        &s,
        code,
        &address(&headers),
        state.now(),
    )
    .await?
    {
        // the language reminders are written in: the one this browser asks for
        ws::set_locale(&state.db, &s.user_id, l.code()).await?;
        return Ok(Redirect::to("/workspace/").into_response());
    }
    let mut r = render(&SecondPage {
        w: chrome(&state, l, "ws-2fa-title", Some(&s)),
        setup: None,
        recovery: Vec::new(),
        error: Some(state.i18n.t(l, "ws-2fa-wrong", &[])),
    })?;
    *r.status_mut() = StatusCode::UNAUTHORIZED;
    Ok(page(r))
}

async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    if let Some(token) = cookie_token(&headers) {
        if let Some(s) = auth::session(&state.db, &token, state.now()).await? {
            if !csrf_ok(&s, &form(&body)) {
                return Err(AppError::NotFound);
            }
        }
        auth::logout(&state.db, &token).await?;
    }
    Ok(redirect_with_cookie("/workspace/login", clear_cookie()))
}

async fn logout_everywhere(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let (_, s, _) = signed_in!(state, headers);
    if !csrf_ok(&s, &form(&body)) {
        return Err(AppError::NotFound);
    }
    auth::logout_everywhere(&state.db, &s.user_id, state.now()).await?;
    Ok(redirect_with_cookie("/workspace/login", clear_cookie()))
}

#[derive(Template)]
#[template(path = "ws_sessions.html")]
struct SessionsPage<'a> {
    w: WsChrome<'a>,
    sessions: Vec<auth::SessionInfo>,
    tokens: Vec<auth::TokenInfo>,
    new_token: Option<String>,
    error: Option<String>,
}

async fn sessions_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (token, s, _) = signed_in!(state, headers);
    sessions_view(&state, l, &token, &s, None, None).await
}

async fn sessions_view(
    state: &AppState,
    l: Locale,
    token: &str,
    s: &Session,
    new_token: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let sessions = auth::sessions(&state.db, &s.user_id, token).await?;
    let tokens = auth::tokens(&state.db, &s.user_id).await?;
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let mut r = render(&SessionsPage {
        w: chrome(state, l, "ws-sessions-title", Some(s)),
        sessions,
        tokens,
        new_token,
        error,
    })?;
    *r.status_mut() = status;
    Ok(page(r))
}

async fn token_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (token, s, _) = signed_in!(state, headers);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let f: HashMap<String, String> = pairs.iter().cloned().collect();
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let scopes: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "scope")
        .map(|(_, v)| v.clone())
        .collect();
    let days = f
        .get("days")
        .and_then(|d| d.parse::<i64>().ok())
        .unwrap_or(0);
    match auth::create_token(
        &state.db,
        &s.user_id,
        f.get("name").map(String::as_str).unwrap_or(""),
        &scopes,
        days,
        state.now(),
    )
    .await
    {
        Ok(t) => sessions_view(&state, l, &token, &s, Some(t), None).await,
        Err(WorkspaceError::Invalid { field, .. }) => {
            let msg = invalid_field(&state, l, &field);
            sessions_view(&state, l, &token, &s, None, Some(msg)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn token_revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (_, s, _) = signed_in!(state, headers);
    if !csrf_ok(&s, &form(&body)) {
        return Err(AppError::NotFound);
    }
    auth::revoke_token(&state.db, &s.user_id, &id, state.now()).await?;
    Ok(Redirect::to("/workspace/sessions").into_response())
}

#[derive(Template)]
#[template(path = "ws_invite.html")]
struct InvitePage<'a> {
    w: WsChrome<'a>,
    token: String,
    error: Option<String>,
}

async fn invite_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    Ok(page(render(&InvitePage {
        w: chrome(&state, l, "ws-invite-title", None),
        token,
        error: None,
    })?))
}

async fn invite_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let f = form(&body);
    let password = f.get("password").map(String::as_str).unwrap_or("");
    let again = f.get("password2").map(String::as_str).unwrap_or("");
    let error = if !same_origin(&headers) {
        Some("ws-error-origin")
    } else if password != again {
        Some("ws-invite-mismatch")
    } else {
        match ws::accept_invitation(&state.db, &token, password, state.now()).await {
            Ok(_) => None,
            Err(WorkspaceError::Invalid { .. }) => Some("ws-invite-short"),
            Err(WorkspaceError::Invitation) => Some("ws-invite-invalid"),
            Err(e) => return Err(e.into()),
        }
    };
    match error {
        None => Ok(Redirect::to("/workspace/login").into_response()),
        Some(key) => {
            let mut r = render(&InvitePage {
                w: chrome(&state, l, "ws-invite-title", None),
                token,
                error: Some(state.i18n.t(l, key, &[])),
            })?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(page(r))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cases

#[derive(Template)]
#[template(path = "ws_cases.html")]
struct CasesPage<'a> {
    w: WsChrome<'a>,
    heading: String,
    cases: Vec<CaseRow>,
    org_missing: bool,
    due: Vec<ws::DueAction>,
    show_due: bool,
    /// The filter form (on the case list, not on the dashboard).
    filters: Option<CaseFilters>,
    error: Option<String>,
}

pub struct CaseRow {
    pub line: CaseLine,
    pub assignee: String,
}

pub struct CaseFilters {
    pub statuses: Vec<Opt>,
    pub kinds: Vec<Opt>,
    pub assignees: Vec<Opt>,
    pub overdue_only: bool,
    pub query: String,
    pub searched: bool,
}

fn filter_options(w: &WsChrome<'_>, f: &ws::CaseFilter, members: &[ws::Member]) -> CaseFilters {
    let opt = |code: &str, name: String, selected: bool| Opt {
        code: code.to_string(),
        name,
        selected,
    };
    let mut statuses = vec![opt("", w.t("ws-filter-any"), f.status.is_none())];
    for st in ["open", "closed"] {
        statuses.push(opt(
            st,
            w.t(&format!("ws-status-{st}")),
            f.status.as_deref() == Some(st),
        ));
    }
    let mut kinds = vec![opt("", w.t("ws-filter-any"), f.crime_kind.is_none())];
    for k in CrimeKind::ALL {
        kinds.push(opt(
            k.key(),
            w.t(&format!("rights-kind-{}", k.key())),
            f.crime_kind.as_deref() == Some(k.key()),
        ));
    }
    let mut assignees = vec![
        opt(
            "",
            w.t("ws-filter-anyone"),
            f.assignee == ws::Assignee::Anyone,
        ),
        opt("me", w.t("ws-filter-me"), f.assignee == ws::Assignee::Me),
        opt(
            "unassigned",
            w.t("ws-unassigned"),
            f.assignee == ws::Assignee::Unassigned,
        ),
    ];
    for m in members {
        assignees.push(opt(
            &m.user_id,
            m.email.clone(),
            f.assignee == ws::Assignee::Person(m.user_id.clone()),
        ));
    }
    CaseFilters {
        statuses,
        kinds,
        assignees,
        overdue_only: f.overdue_only,
        query: f.query.clone().unwrap_or_default(),
        searched: f.query.as_deref().is_some_and(|q| !q.trim().is_empty()),
    }
}

/// Reads the filter form (or the API's query string): empty values mean "any".
pub(crate) fn case_filter(f: &HashMap<String, String>) -> ws::CaseFilter {
    let some = |k: &str| {
        f.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    ws::CaseFilter {
        status: some("status"),
        crime_kind: some("crime_kind"),
        assignee: match some("assignee").as_deref() {
            None => ws::Assignee::Anyone,
            Some("me") => ws::Assignee::Me,
            Some("unassigned") => ws::Assignee::Unassigned,
            Some(p) => ws::Assignee::Person(p.to_string()),
        },
        overdue_only: some("overdue").is_some_and(|v| v == "1" || v == "true" || v == "on"),
        query: some("query"),
    }
}

async fn case_list(
    state: &AppState,
    headers: &HeaderMap,
    dashboard: bool,
    body: Option<&[u8]>,
) -> Result<Response, AppError> {
    let l = ws_locale(headers);
    let (_, s, actor) = signed_in!(state, headers);
    let filter = match body {
        Some(b) => {
            let f = form(b);
            if !csrf_ok(&s, &f) {
                return Err(AppError::NotFound);
            }
            case_filter(&f)
        }
        None if dashboard => ws::CaseFilter::mine(),
        None => ws::CaseFilter::default(),
    };
    let (title, heading) = if dashboard {
        ("ws-home-title", "ws-my-cases")
    } else {
        ("ws-cases-title", "ws-cases-title")
    };
    let w = chrome(state, l, title, Some(&s));
    let mut error = None;
    let mut members = Vec::new();
    let (lines, org_missing) = match main_org(&actor) {
        Some(org) => {
            members = ws::members(&state.db, &actor, &org)
                .await
                .unwrap_or_default();
            match ws::list_cases(
                &state.db,
                &state.config.master_key,
                &actor,
                &org,
                &filter,
                state.now(),
            )
            .await
            {
                Ok(c) => (c, false),
                Err(WorkspaceError::Invalid { field, .. }) => {
                    error = Some(invalid_field(state, l, &field));
                    (Vec::new(), false)
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => (Vec::new(), true),
    };
    let cases = lines
        .into_iter()
        .map(|line| {
            let assignee = match line.assigned_to.as_deref() {
                None => w.t("ws-unassigned"),
                Some(_) if line.assigned_to_me => s.email.clone(),
                Some(u) => members
                    .iter()
                    .find(|m| m.user_id == u)
                    .map(|m| m.email.clone())
                    .unwrap_or_else(|| "–".into()),
            };
            CaseRow { line, assignee }
        })
        .collect();
    let due = if dashboard {
        ws::my_due_actions(&state.db, &actor, state.now()).await?
    } else {
        Vec::new()
    };
    let filters = (!dashboard).then(|| filter_options(&w, &filter, &members));
    let mut r = page(render(&CasesPage {
        due,
        show_due: dashboard,
        heading: state.i18n.t(l, heading, &[]),
        w,
        cases,
        org_missing,
        filters,
        error: error.clone(),
    })?);
    if error.is_some() {
        *r.status_mut() = StatusCode::BAD_REQUEST;
    }
    Ok(r)
}

async fn dashboard(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    case_list(&state, &headers, true, None).await
}

async fn cases_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    case_list(&state, &headers, false, None).await
}

/// The filtered case list. Filters travel by POST, so that a name searched for never appears in
/// a URL, a log or the browser's history.
async fn cases_filter_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    case_list(&state, &headers, false, Some(&body)).await
}

#[derive(Template)]
#[template(path = "ws_intake.html")]
struct IntakePage<'a> {
    w: WsChrome<'a>,
    f: IntakeForm,
    error: Option<String>,
    created: Option<(String, String)>,
    duplicates_visible: Vec<String>,
    duplicates_hidden: usize,
}

/// The intake form, blank or filled (after an error, or to edit a case).
pub struct IntakeForm {
    pub action: String,
    pub v: Intake,
    pub kinds: Vec<Opt>,
    pub countries: Vec<Opt>,
    pub channels: Vec<Check>,
    pub household: Vec<Opt>,
    pub reported: Vec<Opt>,
    pub languages: String,
}

/// The options of a list of codes, each labelled by its `prefix-code` string.
fn coded_options(
    w: &WsChrome<'_>,
    prefix: &str,
    codes: &[&str],
    selected: Option<&str>,
) -> Vec<Opt> {
    codes
        .iter()
        .map(|x| Opt {
            code: x.to_string(),
            name: w.t(&format!("{prefix}-{x}")),
            selected: selected == Some(*x),
        })
        .collect()
}

fn intake_form(w: &WsChrome<'_>, action: String, v: Intake) -> IntakeForm {
    use harbour_domain::workspace::{CHANNELS, HOUSEHOLD, REPORTED};
    let kinds = CrimeKind::ALL
        .iter()
        .map(|k| Opt {
            code: k.key().to_string(),
            name: w.t(&format!("rights-kind-{}", k.key())),
            selected: v.crime_kind.as_deref() == Some(k.key()),
        })
        .collect();
    let selected = v
        .crime_country
        .as_deref()
        .and_then(|c| harbour_domain::CountryCode::parse(c).ok());
    let countries = crate::public::country_options(&w.c, selected);
    let channels = CHANNELS
        .iter()
        .map(|c| Check {
            name: "safe_channels",
            value: c,
            label: w.t(&format!("ws-channel-{c}")),
            checked: v.details.safe_channels.iter().any(|x| x == c),
        })
        .collect();
    IntakeForm {
        action,
        kinds,
        countries,
        channels,
        household: coded_options(
            w,
            "ws-household",
            &HOUSEHOLD,
            v.details.household_knows.as_deref(),
        ),
        reported: coded_options(w, "ws-reported", &REPORTED, v.details.reported.as_deref()),
        languages: v.details.languages.join(", "),
        v,
    }
}

/// Reads the intake form (create and edit share it).
fn intake_from_form(body: &[u8]) -> (HashMap<String, String>, Intake) {
    use harbour_domain::workspace::CaseDetails;
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let f: HashMap<String, String> = pairs.iter().cloned().collect();
    let opt = |k: &str| {
        f.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let text = |k: &str| opt(k).unwrap_or_default();
    let details = CaseDetails {
        safe_channels: pairs
            .iter()
            .filter(|(k, _)| k == "safe_channels")
            .map(|(_, v)| v.clone())
            .collect(),
        safe_times: text("safe_times"),
        no_messages: f.get("no_messages").is_some_and(|v| v == "1"),
        who_may_answer: text("who_may_answer"),
        household_knows: opt("household_knows"),
        crime_date: text("crime_date"),
        crime_region: text("crime_region"),
        reported: opt("reported"),
        reported_where: text("reported_where"),
        languages: text("languages")
            .split([',', ';', '،'])
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        interpreter: f.get("interpreter").is_some_and(|v| v == "1"),
    };
    let intake = Intake {
        pseudonym: text("pseudonym"),
        name: opt("name"),
        contact: opt("contact"),
        safe_contact: opt("safe_contact"),
        narrative: opt("narrative"),
        crime_kind: opt("crime_kind"),
        crime_country: opt("crime_country"),
        child: f.get("child").is_some_and(|v| v == "1"),
        details,
    };
    (f, intake)
}

/// "Please check this field: …", naming the field by its label in the reader's language.
fn invalid_field(state: &AppState, l: Locale, field: &str) -> String {
    let label_key = match field {
        "pseudonym" => "ws-pseudonym",
        "name" => "ws-name-field",
        "contact" => "ws-contact",
        "safe_contact" => "ws-safe-notes",
        "narrative" => "ws-narrative",
        "crime_kind" => "ws-crime-kind",
        "crime_country" => "ws-crime-country",
        "crime_date" => "ws-crime-date",
        "crime_region" => "ws-crime-region",
        "safe_channels" => "ws-safe-channels",
        "safe_times" => "ws-safe-times",
        "who_may_answer" => "ws-who-may-answer",
        "household_knows" => "ws-household",
        "reported" => "ws-reported",
        "reported_where" => "ws-reported-where",
        "languages" => "ws-languages",
        "status" => "ws-status",
        "assignee" => "ws-filter-assignee",
        "query" => "ws-filter-query",
        "from" => "ws-report-from",
        "to" => "ws-report-to",
        "outcome" => "ws-outcome",
        "happened_at" => "ws-contact-when",
        "channel" => "ws-contact-channel",
        "direction" => "ws-contact-direction",
        "summary" => "ws-contact-summary",
        _ => "",
    };
    let shown = if !label_key.is_empty() && state.i18n.has(l, label_key) {
        state.i18n.t(l, label_key, &[])
    } else {
        field.to_string()
    };
    state.i18n.t(
        l,
        "ws-intake-invalid",
        &[("field", fluent_bundle::FluentValue::from(shown))],
    )
}

async fn intake_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, _) = signed_in!(state, headers);
    let w = chrome(&state, l, "ws-intake-title", Some(&s));
    let f = intake_form(&w, "/workspace/cases/new".into(), Intake::default());
    Ok(page(render(&IntakePage {
        w,
        f,
        error: None,
        created: None,
        duplicates_visible: Vec::new(),
        duplicates_hidden: 0,
    })?))
}

async fn intake_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let (f, intake) = intake_from_form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let Some(org) = main_org(&actor) else {
        return Err(AppError::NotFound);
    };
    let w = chrome(&state, l, "ws-intake-title", Some(&s));
    match ws::create_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &org,
        &intake,
        state.now(),
    )
    .await
    {
        Ok(created) => {
            let mut view = IntakePage {
                f: intake_form(&w, "/workspace/cases/new".into(), Intake::default()),
                w,
                error: None,
                created: Some((created.id.clone(), created.reference.clone())),
                duplicates_visible: Vec::new(),
                duplicates_hidden: 0,
            };
            for d in &created.duplicates {
                match d {
                    Duplicate::Visible(id) => view.duplicates_visible.push(id.clone()),
                    Duplicate::Hidden => view.duplicates_hidden += 1,
                }
            }
            Ok(page(render(&view)?))
        }
        Err(WorkspaceError::Invalid { field, .. }) => {
            // the form comes back as it was sent, with the error; nothing was stored
            let view = IntakePage {
                f: intake_form(&w, "/workspace/cases/new".into(), intake),
                w,
                error: Some(invalid_field(&state, l, &field)),
                created: None,
                duplicates_visible: Vec::new(),
                duplicates_hidden: 0,
            };
            let mut r = render(&view)?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(page(r))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "ws_edit.html")]
struct EditPage<'a> {
    w: WsChrome<'a>,
    f: IntakeForm,
    reference: String,
    case_id: String,
    error: Option<String>,
}

async fn edit_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let case = ws::read_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await?;
    let w = chrome(&state, l, "ws-edit-title", Some(&s));
    let f = intake_form(&w, format!("/workspace/cases/{id}/edit"), case.intake);
    Ok(page(render(&EditPage {
        w,
        f,
        reference: case.reference,
        case_id: id,
        error: None,
    })?))
}

async fn edit_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let (f, intake) = intake_from_form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    match ws::update_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        &intake,
        state.now(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/workspace/cases/{id}#overview")).into_response()),
        Err(WorkspaceError::Invalid { field, .. }) => {
            let case = ws::read_case(
                &state.db,
                &state.config.master_key,
                &actor,
                &id,
                state.now(),
            )
            .await?;
            let w = chrome(&state, l, "ws-edit-title", Some(&s));
            let form = intake_form(&w, format!("/workspace/cases/{id}/edit"), intake);
            let mut r = render(&EditPage {
                w,
                f: form,
                reference: case.reference,
                case_id: id,
                error: Some(invalid_field(&state, l, &field)),
            })?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(page(r))
        }
        Err(e) => Err(e.into()),
    }
}

/// A choice in the assessment form.
pub struct Check {
    pub name: &'static str,
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

pub struct SupportRow {
    pub domain: &'static str,
    pub label: String,
    pub levels: Vec<Check>,
}

pub struct VersionView {
    pub heading: String,
    pub lines: Vec<String>,
    pub changes: Vec<(String, String, String)>,
}

pub struct NoteView {
    pub date: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "ws_case.html")]
struct CasePage<'a> {
    w: WsChrome<'a>,
    kase: ws::Case,
    kind: String,
    status: String,
    current: Option<VersionView>,
    history: Vec<VersionView>,
    characteristics: Vec<Check>,
    circumstances: Vec<Check>,
    risks: Vec<Check>,
    measures: Vec<Check>,
    support: Vec<SupportRow>,
    assessment_notes: String,
    notes: Vec<NoteView>,
    error: Option<String>,
    /// For supervisors and admins: who can be chosen.
    assignable: Vec<Opt>,
    assigned: String,
    info: Option<String>,
    outcomes: Vec<Opt>,
    is_admin: bool,
    plan: Vec<ActionView>,
    owners: Vec<Opt>,
    domains: Vec<Opt>,
    consents: Vec<ConsentView>,
    purposes: Vec<Opt>,
    events: Vec<EventView>,
    contacts: Vec<ContactView>,
    contact_channels: Vec<Opt>,
    contact_directions: Vec<Opt>,
    contact_outcomes: Vec<Opt>,
    now_local: String,
    safe_channels: String,
    household: String,
    reported: String,
    country: String,
}

pub struct ContactView {
    pub when: String,
    pub channel: String,
    pub direction: String,
    pub outcome: String,
    pub summary: String,
    pub warnings: Vec<String>,
}

pub struct EventView {
    pub when: String,
    pub who: String,
    pub what: String,
}

pub struct ActionView {
    pub id: String,
    pub domain: String,
    pub action: String,
    pub owner: String,
    pub due: String,
    pub done: bool,
}

pub struct ConsentView {
    pub id: String,
    pub purpose: String,
    pub scope: String,
    pub given_on: String,
    pub withdrawn: Option<String>,
}

fn checks(
    w: &WsChrome<'_>,
    name: &'static str,
    prefix: &str,
    values: &[&'static str],
    on: &[String],
) -> Vec<Check> {
    values
        .iter()
        .map(|v| Check {
            name,
            value: v,
            label: w.t(&format!("{prefix}-{v}")),
            checked: on.iter().any(|x| x == v),
        })
        .collect()
}

fn label_list(w: &WsChrome<'_>, prefix: &str, values: &[String]) -> String {
    values
        .iter()
        .map(|v| w.t(&format!("{prefix}-{v}")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn version_view(
    w: &WsChrome<'_>,
    v: &ws::AssessmentVersion,
    before: Option<&ws::AssessmentVersion>,
) -> VersionView {
    use harbour_domain::workspace::DOMAINS;
    let a = &v.answers;
    let mut lines = Vec::new();
    let mut push = |key: &str, text: String| {
        if !text.is_empty() {
            lines.push(format!("{}: {text}", w.t(key)));
        }
    };
    push(
        "ws-assessment-characteristics",
        label_list(w, "ws-char", &a.characteristics),
    );
    push(
        "ws-assessment-circumstances",
        label_list(w, "ws-circ", &a.circumstances),
    );
    push(
        "ws-assessment-risk",
        a.risk
            .as_deref()
            .map(|r| w.t(&format!("ws-risk-{r}")))
            .unwrap_or_default(),
    );
    push(
        "ws-assessment-measures",
        label_list(w, "ws-measure", &a.measures),
    );
    let support: Vec<String> = DOMAINS
        .iter()
        .filter_map(|d| {
            a.support.get(*d).filter(|l| l.as_str() != "none").map(|l| {
                format!(
                    "{} ({})",
                    w.t(&format!("ws-domain-{d}")),
                    w.t(&format!("ws-level-{l}"))
                )
            })
        })
        .collect();
    push("ws-assessment-support", support.join(", "));
    push("ws-assessment-notes", a.notes.clone());
    let changes = before
        .map(|b| {
            a.diff(&b.answers)
                .into_iter()
                .map(|(field, x, y)| {
                    let (label, prefix) = match field.strip_prefix("support.") {
                        Some(d) => (w.t(&format!("ws-domain-{d}")), Some("ws-level")),
                        None => (
                            w.t(&format!("ws-field-{field}")),
                            match field.as_str() {
                                "characteristics" => Some("ws-char"),
                                "circumstances" => Some("ws-circ"),
                                "measures" => Some("ws-measure"),
                                "risk" => Some("ws-risk"),
                                _ => None,
                            },
                        ),
                    };
                    let words = |v: String| match prefix {
                        Some(p) if !v.is_empty() => v
                            .split(", ")
                            .map(|x| w.t(&format!("{p}-{x}")))
                            .collect::<Vec<_>>()
                            .join(", "),
                        _ => v,
                    };
                    (label, words(x), words(y))
                })
                .collect()
        })
        .unwrap_or_default();
    VersionView {
        heading: w.c.state.i18n.t(
            w.c.locale,
            "ws-assessment-version",
            &[
                ("version", fluent_bundle::FluentValue::from(v.version)),
                (
                    "date",
                    fluent_bundle::FluentValue::from(
                        v.created_at.get(..10).unwrap_or("").to_string(),
                    ),
                ),
            ],
        ),
        lines,
        changes,
    }
}

async fn case_view(
    state: &AppState,
    l: Locale,
    s: &Session,
    actor: &Actor,
    id: &str,
    error: Option<String>,
) -> Result<Response, AppError> {
    case_view_with(state, l, s, actor, id, error, None).await
}

async fn case_view_with(
    state: &AppState,
    l: Locale,
    s: &Session,
    actor: &Actor,
    id: &str,
    error: Option<String>,
    info: Option<String>,
) -> Result<Response, AppError> {
    use harbour_domain::workspace::{
        CHARACTERISTICS, CIRCUMSTANCES, DOMAINS, LEVELS, MEASURES, RISKS,
    };
    let mk = &state.config.master_key;
    let case = ws::read_case(&state.db, mk, actor, id, state.now()).await?;
    let versions = ws::assessments(&state.db, mk, actor, id, state.now()).await?;
    let notes = ws::notes(&state.db, mk, actor, id, state.now()).await?;
    let kind = case
        .intake
        .crime_kind
        .as_deref()
        .map(|k| state.i18n.t(l, &format!("rights-kind-{k}"), &[]))
        .unwrap_or_default();
    let mut w = chrome(state, l, "ws-case-title", Some(s));
    w.c.title = format!("{} {}", w.c.title, case.reference);
    let status = w.t(&format!("ws-status-{}", case.status));
    let latest = versions
        .last()
        .map(|v| v.answers.clone())
        .unwrap_or_default();
    let views: Vec<VersionView> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| version_view(&w, v, i.checked_sub(1).and_then(|j| versions.get(j))))
        .collect();
    let mut views = views.into_iter().rev();
    let current = views.next();
    let history = views.collect();
    let risk_on: Vec<String> = latest.risk.iter().cloned().collect();
    let support = DOMAINS
        .iter()
        .map(|d| SupportRow {
            domain: d,
            label: w.t(&format!("ws-domain-{d}")),
            levels: LEVELS
                .iter()
                .map(|lv| Check {
                    name: d,
                    value: lv,
                    label: w.t(&format!("ws-level-{lv}")),
                    checked: latest.support.get(*d).map(String::as_str).unwrap_or("none") == *lv,
                })
                .collect(),
        })
        .collect();
    let members = ws::members(&state.db, actor, &case.organization_id)
        .await
        .unwrap_or_default();
    let assigned = case
        .assigned_to
        .as_deref()
        .and_then(|a| {
            members
                .iter()
                .find(|m| m.user_id == a)
                .map(|m| m.email.clone())
        })
        .or_else(|| case.assigned_to.as_ref().map(|_| "—".to_string()))
        .unwrap_or_else(|| w.t("ws-unassigned"));
    let assignable = members
        .iter()
        .map(|m| Opt {
            code: m.user_id.clone(),
            name: m.email.clone(),
            selected: case.assigned_to.as_deref() == Some(m.user_id.as_str()),
        })
        .collect();
    let outcomes = ws::OUTCOMES
        .iter()
        .map(|o| Opt {
            code: o.to_string(),
            name: w.t(&format!("ws-outcome-{o}")),
            selected: false,
        })
        .collect();
    let is_admin = actor.memberships.iter().any(|m| {
        m.organization == case.organization_id
            && m.role == harbour_domain::workspace::Role::OrgAdmin
    });
    let plan_rows = ws::plan(&state.db, mk, actor, id, state.now()).await?;
    let consent_rows = ws::consents(&state.db, mk, actor, id, state.now()).await?;
    let email_of = |uid: &Option<String>| {
        uid.as_deref()
            .and_then(|u| {
                members
                    .iter()
                    .find(|m| m.user_id == u)
                    .map(|m| m.email.clone())
            })
            .unwrap_or_else(|| {
                if uid.as_deref() == Some(actor.user_id.as_str()) {
                    s.email.clone()
                } else {
                    "–".into()
                }
            })
    };
    let plan = plan_rows
        .iter()
        .map(|a| ActionView {
            id: a.id.clone(),
            domain: w.t(&format!("ws-domain-{}", a.domain)),
            action: a.action.clone(),
            owner: email_of(&a.owner),
            due: a
                .due_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            done: a.done,
        })
        .collect();
    let consents = consent_rows
        .iter()
        .map(|c| ConsentView {
            id: c.id.clone(),
            purpose: w.t(&format!("ws-purpose-{}", c.purpose)),
            scope: c.scope.clone().unwrap_or_default(),
            given_on: c.given_on.clone(),
            withdrawn: c.withdrawn_on.as_ref().map(|d| {
                state.i18n.t(
                    l,
                    "ws-consent-withdrawn",
                    &[("date", fluent_bundle::FluentValue::from(d.clone()))],
                )
            }),
        })
        .collect();
    let domains = harbour_domain::workspace::DOMAINS
        .iter()
        .map(|d| Opt {
            code: d.to_string(),
            name: w.t(&format!("ws-domain-{d}")),
            selected: false,
        })
        .collect();
    let purposes = ws::PURPOSES
        .iter()
        .map(|p| Opt {
            code: p.to_string(),
            name: w.t(&format!("ws-purpose-{p}")),
            selected: false,
        })
        .collect();
    let owners = if members.is_empty() {
        vec![Opt {
            code: actor.user_id.clone(),
            name: s.email.clone(),
            selected: true,
        }]
    } else {
        members
            .iter()
            .map(|m| Opt {
                code: m.user_id.clone(),
                name: m.email.clone(),
                selected: m.user_id == actor.user_id,
            })
            .collect()
    };
    let events = ws::case_history(&state.db, actor, id, state.now())
        .await?
        .into_iter()
        .map(|e| {
            let key = format!("ws-act-{}", e.action.replace('.', "-"));
            let what = if state.i18n.has(l, &key) {
                w.t(&key)
            } else {
                state.i18n.t(
                    l,
                    "ws-act-other",
                    &[("action", fluent_bundle::FluentValue::from(e.action.clone()))],
                )
            };
            EventView {
                when: e.at.get(..16).unwrap_or("").replace('T', " "),
                who: e
                    .actor_email
                    .unwrap_or_else(|| w.t("ws-history-unknown-person")),
                what,
            }
        })
        .collect();
    let contact_rows = ws::contacts(&state.db, mk, actor, id, state.now()).await?;
    let contacts = contact_rows
        .iter()
        .map(|c| ContactView {
            when: c.happened_at.replace('T', " "),
            channel: w.t(&format!("ws-channel-{}", c.channel)),
            direction: w.t(&format!("ws-direction-{}", c.direction)),
            outcome: w.t(&format!("ws-contact-outcome-{}", c.outcome)),
            summary: c.summary.clone().unwrap_or_default(),
            warnings: c
                .conflicts
                .iter()
                .map(|k| w.t(&format!("ws-contact-conflict-{}", k.replace('_', "-"))))
                .collect(),
        })
        .collect();
    let d = &case.intake.details;
    let contact_channels = coded_options(
        &w,
        "ws-channel",
        &harbour_domain::workspace::CHANNELS,
        d.safe_channels.first().map(String::as_str),
    );
    let contact_directions = coded_options(&w, "ws-direction", &ws::DIRECTIONS, Some("outgoing"));
    let contact_outcomes = coded_options(
        &w,
        "ws-contact-outcome",
        &ws::CONTACT_OUTCOMES,
        Some("reached"),
    );
    let now_local = state.now().format("%Y-%m-%dT%H:%M").to_string();
    let safe_channels = d
        .safe_channels
        .iter()
        .map(|c| w.t(&format!("ws-channel-{c}")))
        .collect::<Vec<_>>()
        .join(", ");
    let or_dash = |prefix: &str, v: &Option<String>| {
        v.as_deref()
            .map(|x| w.t(&format!("{prefix}-{x}")))
            .unwrap_or_else(|| "–".into())
    };
    let household = or_dash("ws-household", &d.household_knows);
    let reported = or_dash("ws-reported", &d.reported);
    let country = case
        .intake
        .crime_country
        .as_deref()
        .map(|c| w.c.country_name(c))
        .unwrap_or_default();
    let view = CasePage {
        contacts,
        contact_channels,
        contact_directions,
        contact_outcomes,
        now_local,
        safe_channels,
        household,
        reported,
        country,
        events,
        owners,
        plan,
        domains,
        consents,
        purposes,
        outcomes,
        is_admin,
        assignable,
        assigned,
        info,
        characteristics: checks(
            &w,
            "characteristics",
            "ws-char",
            &CHARACTERISTICS,
            &latest.characteristics,
        ),
        circumstances: checks(
            &w,
            "circumstances",
            "ws-circ",
            &CIRCUMSTANCES,
            &latest.circumstances,
        ),
        risks: checks(&w, "risk", "ws-risk", &RISKS, &risk_on),
        measures: checks(&w, "measures", "ws-measure", &MEASURES, &latest.measures),
        support,
        assessment_notes: latest.notes.clone(),
        notes: notes
            .into_iter()
            .map(|n| NoteView {
                date: n.created_at.get(..16).unwrap_or("").replace('T', " "),
                body: n.body,
            })
            .collect(),
        current,
        history,
        error,
        w,
        kase: case,
        kind,
        status,
    };
    Ok(page(render(&view)?))
}

async fn case_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    case_view(&state, l, &s, &actor, &id, None).await
}

async fn assessment_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    use harbour_domain::workspace::{NeedsAssessment, DOMAINS};
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let f: HashMap<String, String> = pairs.iter().cloned().collect();
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let all = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let answers = NeedsAssessment {
        characteristics: all("characteristics"),
        circumstances: all("circumstances"),
        risk: f.get("risk").cloned().filter(|r| !r.is_empty()),
        measures: all("measures"),
        support: DOMAINS
            .iter()
            .filter_map(|d| f.get(*d).map(|v| (d.to_string(), v.clone())))
            .collect(),
        notes: f.get("notes").cloned().unwrap_or_default(),
    };
    match ws::add_assessment(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        answers,
        state.now(),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/workspace/cases/{id}#assessment")).into_response()),
        Err(WorkspaceError::Invalid { field, .. }) => {
            let msg = invalid_field(&state, l, &field);
            let mut r = case_view(&state, l, &s, &actor, &id, Some(msg)).await?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

async fn note_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let text = f.get("body").map(String::as_str).unwrap_or("");
    match ws::add_note(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        text,
        state.now(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/workspace/cases/{id}#notes")).into_response()),
        Err(WorkspaceError::Invalid { field, .. }) => {
            let msg = invalid_field(&state, l, &field);
            let mut r = case_view(&state, l, &s, &actor, &id, Some(msg)).await?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

async fn assign_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    use harbour_domain::workspace::NotAssignable;
    use ws::AssignError;
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let assignee = f.get("assignee").map(String::as_str).unwrap_or("");
    let course =
        |c: &str| fluent_bundle::FluentValue::from(state.i18n.t(l, &format!("ws-course-{c}"), &[]));
    let refusal = match ws::assign_case(&state.db, &actor, &id, assignee, state.now()).await {
        Ok(()) => {
            let info = state.i18n.t(l, "ws-assign-done", &[]);
            return case_view_with(&state, l, &s, &actor, &id, None, Some(info)).await;
        }
        Err(AssignError::NotAssignable(NotAssignable::Missing(c))) => {
            state
                .i18n
                .t(l, "ws-assign-missing", &[("course", course(c))])
        }
        Err(AssignError::NotAssignable(NotAssignable::Lapsed(c, d))) => state.i18n.t(
            l,
            "ws-assign-lapsed",
            &[
                ("course", course(c)),
                (
                    "date",
                    fluent_bundle::FluentValue::from(d.format("%Y-%m-%d").to_string()),
                ),
            ],
        ),
        Err(AssignError::NotAssignable(NotAssignable::Role)) => {
            state.i18n.t(l, "ws-assign-role", &[])
        }
        Err(AssignError::Other(WorkspaceError::Invalid { field, .. })) => {
            invalid_field(&state, l, &field)
        }
        Err(AssignError::Other(e)) => return Err(e.into()),
    };
    let mut r = case_view(&state, l, &s, &actor, &id, Some(refusal)).await?;
    *r.status_mut() = StatusCode::BAD_REQUEST;
    Ok(r)
}

pub struct MemberView {
    pub email: String,
    pub roles: String,
    pub trainings: Vec<String>,
}

#[derive(Template)]
#[template(path = "ws_people.html")]
struct PeoplePage<'a> {
    w: WsChrome<'a>,
    members: Vec<MemberView>,
    people: Vec<Opt>,
    courses: Vec<Opt>,
    error: Option<String>,
    info: Option<String>,
}

async fn people_view(
    state: &AppState,
    l: Locale,
    s: &Session,
    actor: &Actor,
    error: Option<String>,
    info: Option<String>,
) -> Result<Response, AppError> {
    let org = main_org(actor).ok_or(AppError::NotFound)?;
    let members = ws::members(&state.db, actor, &org).await?;
    let w = chrome(state, l, "ws-people-title", Some(s));
    let views = members
        .iter()
        .map(|m| MemberView {
            email: m.email.clone(),
            roles: m
                .roles
                .iter()
                .map(|r| w.t(&format!("ws-role-{}", r.key())))
                .collect::<Vec<_>>()
                .join(", "),
            trainings: m
                .trainings
                .iter()
                .map(|t| {
                    let name = w.t(&format!("ws-course-{}", t.course));
                    match t.expires_on {
                        Some(e) => format!(
                            "{name} ({}, {})",
                            t.completed_on.format("%Y-%m-%d"),
                            state.i18n.t(
                                l,
                                "ws-training-until",
                                &[(
                                    "date",
                                    fluent_bundle::FluentValue::from(
                                        e.format("%Y-%m-%d").to_string()
                                    )
                                )]
                            )
                        ),
                        None => format!("{name} ({})", t.completed_on.format("%Y-%m-%d")),
                    }
                })
                .collect(),
        })
        .collect();
    let people = members
        .iter()
        .map(|m| Opt {
            code: m.user_id.clone(),
            name: m.email.clone(),
            selected: false,
        })
        .collect();
    let courses = harbour_domain::workspace::COURSES
        .iter()
        .map(|c| Opt {
            code: c.to_string(),
            name: w.t(&format!("ws-course-{c}")),
            selected: false,
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let mut r = render(&PeoplePage {
        w,
        members: views,
        people,
        courses,
        error,
        info,
    })?;
    *r.status_mut() = status;
    Ok(page(r))
}

async fn people_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    people_view(&state, l, &s, &actor, None, None).await
}

async fn training_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let org = main_org(&actor).ok_or(AppError::NotFound)?;
    let date = |k: &str| {
        f.get(k)
            .filter(|v| !v.is_empty())
            .map(|v| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d"))
    };
    let invalid = |field: &str| invalid_field(&state, l, field);
    let completed = match date("completed_on") {
        Some(Ok(d)) => d,
        _ => return people_view(&state, l, &s, &actor, Some(invalid("completed_on")), None).await,
    };
    let expires = match date("expires_on") {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => {
            return people_view(&state, l, &s, &actor, Some(invalid("expires_on")), None).await
        }
    };
    match ws::record_training(
        &state.db,
        &actor,
        &org,
        f.get("person").map(String::as_str).unwrap_or(""),
        f.get("course").map(String::as_str).unwrap_or(""),
        completed,
        expires,
        f.get("evidence").map(String::as_str),
        state.now(),
    )
    .await
    {
        Ok(()) => {
            let info = state.i18n.t(l, "ws-training-saved", &[]);
            people_view(&state, l, &s, &actor, None, Some(info)).await
        }
        Err(WorkspaceError::Invalid { field, .. }) => {
            people_view(&state, l, &s, &actor, Some(invalid(&field)), None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn close_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let outcome = f.get("outcome").map(String::as_str).unwrap_or("");
    match ws::close_case(&state.db, &actor, &id, outcome, state.now()).await {
        Ok(()) => Ok(Redirect::to(&format!("/workspace/cases/{id}")).into_response()),
        Err(WorkspaceError::Invalid { field, .. }) => {
            let msg = invalid_field(&state, l, &field);
            let mut r = case_view(&state, l, &s, &actor, &id, Some(msg)).await?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

/// Subject access: everything about the person of one case, as a JSON download.
async fn export_case(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (_, _, actor) = signed_in!(state, headers);
    let v = ws::export_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await?;
    let mut r = axum::Json(v).into_response();
    r.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"subject-access.json\""),
    );
    Ok(page(r))
}

async fn erase_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) || f.get("confirm").map(String::as_str) != Some("1") {
        return Err(AppError::NotFound);
    }
    ws::erase_case(&state.db, &actor, &id, state.now()).await?;
    let _ = l;
    Ok(Redirect::to("/workspace/cases").into_response())
}

async fn retention_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let org = main_org(&actor).ok_or(AppError::NotFound)?;
    let months = match f.get("months").map(|m| m.trim()).filter(|m| !m.is_empty()) {
        None => None,
        Some(m) => match m.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                let msg = state.i18n.t(
                    l,
                    "ws-intake-invalid",
                    &[("field", fluent_bundle::FluentValue::from("months"))],
                );
                return people_view(&state, l, &s, &actor, Some(msg), None).await;
            }
        },
    };
    match ws::set_retention(&state.db, Some(&actor), &org, months, state.now()).await {
        Ok(()) => {
            let info = state.i18n.t(l, "ws-retention-saved", &[]);
            people_view(&state, l, &s, &actor, None, Some(info)).await
        }
        Err(WorkspaceError::Invalid { field, .. }) => {
            let msg = invalid_field(&state, l, &field);
            people_view(&state, l, &s, &actor, Some(msg), None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn case_result(
    state: &AppState,
    l: Locale,
    s: &Session,
    actor: &Actor,
    id: &str,
    result: ws::Result<()>,
    anchor: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/workspace/cases/{id}#{anchor}")).into_response()),
        Err(WorkspaceError::Invalid { field, .. }) => {
            let msg = invalid_field(state, l, &field);
            let mut r = case_view(state, l, s, actor, id, Some(msg)).await?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

async fn plan_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let due = match f.get("due_on").filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                return case_result(
                    &state,
                    l,
                    &s,
                    &actor,
                    &id,
                    Err(WorkspaceError::Invalid {
                        field: "due_on".into(),
                        reason: String::new(),
                    }),
                    "plan",
                )
                .await
            }
        },
    };
    let owner = f.get("owner").filter(|v| !v.is_empty()).map(String::as_str);
    let r = ws::add_action(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        f.get("domain").map(String::as_str).unwrap_or(""),
        f.get("action").map(String::as_str).unwrap_or(""),
        owner,
        due,
        state.now(),
    )
    .await;
    case_result(&state, l, &s, &actor, &id, r, "plan").await
}

async fn plan_done_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, action)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    if !csrf_ok(&s, &form(&body)) {
        return Err(AppError::NotFound);
    }
    let r = ws::complete_action(&state.db, &actor, &id, &action, state.now()).await;
    case_result(&state, l, &s, &actor, &id, r, "plan").await
}

async fn consent_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let given = f
        .get("given_on")
        .and_then(|v| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
    let r = match given {
        None => Err(WorkspaceError::Invalid {
            field: "given_on".into(),
            reason: String::new(),
        }),
        Some(g) => {
            ws::record_consent(
                &state.db,
                &state.config.master_key,
                &actor,
                &id,
                f.get("purpose").map(String::as_str).unwrap_or(""),
                f.get("scope").map(String::as_str),
                g,
                state.now(),
            )
            .await
        }
    };
    case_result(&state, l, &s, &actor, &id, r, "consent").await
}

async fn consent_withdraw_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, consent)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    if !csrf_ok(&s, &form(&body)) {
        return Err(AppError::NotFound);
    }
    let r = ws::withdraw_consent(&state.db, &actor, &id, &consent, state.now()).await;
    case_result(&state, l, &s, &actor, &id, r, "consent").await
}

#[derive(Template)]
#[template(path = "ws_audit.html")]
struct AuditPage<'a> {
    w: WsChrome<'a>,
    rows: Vec<ws::AuditRow>,
}

/// The organisation's audit log, newest first (organisation admins only).
async fn audit_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let org = main_org(&actor).ok_or(AppError::NotFound)?;
    let rows = ws::audit_log(&state.db, &actor, &org, 500).await?;
    Ok(page(render(&AuditPage {
        w: chrome(&state, l, "ws-audit-title", Some(&s)),
        rows,
    })?))
}

// ---------------------------------------------------------------------------------------------
// Statistics (supervisors and admins): counts only, for funders and the network

#[derive(Template)]
#[template(path = "ws_reports.html")]
struct ReportsPage<'a> {
    w: WsChrome<'a>,
    from: String,
    to: String,
    error: Option<String>,
    groups: Vec<FigureGroup>,
    csv_link: String,
}

pub struct FigureGroup {
    pub title: String,
    pub rows: Vec<(String, u64)>,
}

/// The period asked for: `from` and `to` (YYYY-MM-DD); by default the last twelve months.
fn period(
    q: &HashMap<String, String>,
    today: chrono::NaiveDate,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), &'static str> {
    let date = |k: &'static str| -> Result<Option<chrono::NaiveDate>, &'static str> {
        match q.get(k).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| k),
        }
    };
    let to = date("to")?.unwrap_or(today);
    let from = date("from")?.unwrap_or(to - chrono::Duration::days(364));
    Ok((from, to))
}

async fn statistics_for(
    state: &AppState,
    l: Locale,
    actor: &Actor,
    q: &HashMap<String, String>,
) -> Result<Result<ws::Statistics, (String, String, String)>, AppError> {
    let org = main_org(actor).ok_or(AppError::NotFound)?;
    let field_error = |field: &str| invalid_field(state, l, field);
    let raw = |k: &str| q.get(k).cloned().unwrap_or_default();
    let (from, to) = match period(q, state.now().date_naive()) {
        Ok(p) => p,
        Err(field) => return Ok(Err((field_error(field), raw("from"), raw("to")))),
    };
    match ws::statistics(&state.db, actor, &org, from, to, state.now()).await {
        Ok(st) => Ok(Ok(st)),
        Err(WorkspaceError::Invalid { field, .. }) => {
            Ok(Err((field_error(&field), from.to_string(), to.to_string())))
        }
        Err(e) => Err(e.into()),
    }
}

async fn reports_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let w = chrome(&state, l, "ws-reports-title", Some(&s));
    let (st, error, from, to) = match statistics_for(&state, l, &actor, &q).await? {
        Ok(st) => {
            let (f, t) = (st.from.to_string(), st.to.to_string());
            (Some(st), None, f, t)
        }
        Err((e, f, t)) => (None, Some(e), f, t),
    };
    let label = |dimension: &str, value: &str| -> String {
        match dimension {
            "opened_by_crime_kind" if value != "unknown" => w.t(&format!("rights-kind-{value}")),
            "closed_by_outcome" if value != "unknown" => w.t(&format!("ws-outcome-{value}")),
            "contacts_by_outcome" => w.t(&format!("ws-contact-outcome-{value}")),
            "opened_by_crime_country" if value != "unknown" => w.c.country_name(value),
            _ if value == "unknown" => w.t("ws-report-unknown"),
            _ if value == "total" => w.t("ws-report-total"),
            _ if value == "child_victim" => w.t("ws-report-child"),
            _ => value.to_string(),
        }
    };
    let groups = st
        .as_ref()
        .map(|st| {
            let mut groups: Vec<FigureGroup> = Vec::new();
            for f in &st.figures {
                let title = w.t(&format!("ws-report-{}", f.dimension.replace('_', "-")));
                let row = (label(f.dimension, &f.value), f.count);
                match groups.iter_mut().find(|g| g.title == title) {
                    Some(g) => g.rows.push(row),
                    None => groups.push(FigureGroup {
                        title,
                        rows: vec![row],
                    }),
                }
            }
            groups
        })
        .unwrap_or_default();
    let csv_link = format!("/workspace/reports.csv?from={from}&to={to}");
    let failed = error.is_some();
    let mut r = page(render(&ReportsPage {
        w,
        from,
        to,
        error,
        groups,
        csv_link,
    })?);
    if failed {
        *r.status_mut() = StatusCode::BAD_REQUEST;
    }
    Ok(r)
}

async fn reports_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, _, actor) = signed_in!(state, headers);
    match statistics_for(&state, l, &actor, &q).await? {
        Ok(st) => {
            let mut r = st.to_csv().into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"harbour-statistics.csv\""),
            );
            Ok(page(r))
        }
        Err((e, _, _)) => Ok(page((StatusCode::BAD_REQUEST, e).into_response())),
    }
}

/// A contact with the victim, logged from the case page. The time comes from a
/// `datetime-local` field (the organisation's local time, as the caseworker saw it).
async fn contact_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    let f = form(&body);
    if !csrf_ok(&s, &f) {
        return Err(AppError::NotFound);
    }
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("");
    let result = match chrono::NaiveDateTime::parse_from_str(get("happened_at"), "%Y-%m-%dT%H:%M") {
        Err(_) => Err(WorkspaceError::Invalid {
            field: "happened_at".into(),
            reason: "a date and time".into(),
        }),
        Ok(at) => ws::add_contact(
            &state.db,
            &state.config.master_key,
            &actor,
            &id,
            at,
            get("channel"),
            get("direction"),
            get("outcome"),
            f.get("summary").map(String::as_str),
            state.now(),
        )
        .await
        .map(|_| ()),
    };
    case_result(&state, l, &s, &actor, &id, result, "contacts").await
}

// ---------------------------------------------------------------------------------------------
// Subject access as a readable page (the same content as the JSON export, for the person)

#[derive(Template)]
#[template(path = "ws_subject_access.html")]
struct SubjectAccessPage<'a> {
    w: WsChrome<'a>,
    case_id: String,
    generated: String,
    sections: Vec<SaSection>,
}

/// A part of the page: label/value rows, and a table when the part is a list.
pub struct SaSection {
    pub title: String,
    pub rows: Vec<(String, String)>,
    pub head: Vec<String>,
    pub table: Vec<Vec<String>>,
}

async fn subject_access_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    use harbour_domain::workspace::{CaseDetails, NeedsAssessment};
    let l = ws_locale(&headers);
    let (_, s, actor) = signed_in!(state, headers);
    // the same call as the JSON export, so that the page is recorded as a subject-access export
    let v = ws::export_case(
        &state.db,
        &state.config.master_key,
        &actor,
        &id,
        state.now(),
    )
    .await?;
    let mut w = chrome(&state, l, "ws-sa-title", Some(&s));
    let reference = at(&v, "reference").as_str().unwrap_or("").to_string();
    w.c.title = format!("{} {}", w.c.title, reference);
    let text = |v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "–".into(),
            other => other.to_string(),
        }
    };
    let coded = |prefix: &str, v: &serde_json::Value| -> String {
        v.as_str()
            .map(|c| w.t(&format!("{prefix}-{c}")))
            .unwrap_or_else(|| "–".into())
    };
    let yes_no = |b: bool| {
        if b {
            w.t("ws-sa-yes")
        } else {
            w.t("ws-sa-no")
        }
    };
    let mut sections = Vec::new();
    sections.push(SaSection {
        title: w.t("ws-tab-overview"),
        rows: vec![
            (w.t("ws-reference"), reference.clone()),
            (
                w.t("ws-opened"),
                text(at(&v, "created_at"))
                    .get(..10)
                    .unwrap_or("")
                    .to_string(),
            ),
            (w.t("ws-status"), coded("ws-status", at(&v, "status"))),
            (w.t("ws-pseudonym"), text(at(&v, "pseudonym"))),
            (w.t("ws-name-field"), text(at(&v, "name"))),
            (w.t("ws-contact"), text(at(&v, "contact"))),
            (
                w.t("ws-crime-kind"),
                coded("rights-kind", at(&v, "crime_kind")),
            ),
            (w.t("ws-crime-country"), text(at(&v, "crime_country"))),
            (
                w.t("ws-child"),
                yes_no(at(&v, "child").as_bool().unwrap_or(false)),
            ),
            (w.t("ws-narrative"), text(at(&v, "narrative"))),
        ],
        head: Vec::new(),
        table: Vec::new(),
    });
    let d: CaseDetails = serde_json::from_value(at(&v, "details").clone()).unwrap_or_default();
    let opt = |prefix: &str, o: &Option<String>| {
        o.as_deref()
            .map(|x| w.t(&format!("{prefix}-{x}")))
            .unwrap_or_else(|| "–".into())
    };
    let or_dash = |s: &str| {
        if s.is_empty() {
            "–".to_string()
        } else {
            s.to_string()
        }
    };
    sections.push(SaSection {
        title: w.t("ws-safe-contact"),
        rows: vec![
            (
                w.t("ws-safe-channels"),
                or_dash(&label_list(&w, "ws-channel", &d.safe_channels)),
            ),
            (w.t("ws-safe-times"), or_dash(&d.safe_times)),
            (w.t("ws-no-messages"), yes_no(d.no_messages)),
            (w.t("ws-who-may-answer"), or_dash(&d.who_may_answer)),
            (w.t("ws-household"), opt("ws-household", &d.household_knows)),
            (w.t("ws-safe-notes"), text(at(&v, "safe_contact"))),
            (w.t("ws-crime-date"), or_dash(&d.crime_date)),
            (w.t("ws-crime-region"), or_dash(&d.crime_region)),
            (w.t("ws-reported"), opt("ws-reported", &d.reported)),
            (w.t("ws-reported-where"), or_dash(&d.reported_where)),
            (w.t("ws-languages"), or_dash(&d.languages.join(", "))),
            (w.t("ws-interpreter"), yes_no(d.interpreter)),
        ],
        head: Vec::new(),
        table: Vec::new(),
    });
    let list = |k: &str| at(&v, k).as_array().cloned().unwrap_or_default();
    let mut assessment_rows = Vec::new();
    for a in list("assessments") {
        let answers: NeedsAssessment =
            serde_json::from_value(at(&a, "answers").clone()).unwrap_or_default();
        let version = ws::AssessmentVersion {
            version: at(&a, "version").as_i64().unwrap_or(0),
            created_at: text(at(&a, "created_at")),
            created_by: None,
            answers,
        };
        let view = version_view(&w, &version, None);
        assessment_rows.push(vec![view.heading, view.lines.join("; ")]);
    }
    sections.push(SaSection {
        title: w.t("ws-tab-assessment"),
        rows: Vec::new(),
        head: vec![w.t("ws-history-when"), w.t("ws-tab-assessment")],
        table: assessment_rows,
    });
    sections.push(SaSection {
        title: w.t("ws-tab-plan"),
        rows: Vec::new(),
        head: vec![
            w.t("ws-plan-need"),
            w.t("ws-plan-action"),
            w.t("ws-plan-due"),
            w.t("ws-plan-done"),
        ],
        table: list("support_plan")
            .iter()
            .map(|a| {
                vec![
                    coded("ws-domain", at(a, "domain")),
                    text(at(a, "action")),
                    text(at(a, "due_on")),
                    yes_no(at(a, "done").as_bool().unwrap_or(false)),
                ]
            })
            .collect(),
    });
    sections.push(SaSection {
        title: w.t("ws-tab-contacts"),
        rows: Vec::new(),
        head: vec![
            w.t("ws-contact-when"),
            w.t("ws-contact-channel"),
            w.t("ws-contact-direction"),
            w.t("ws-contact-outcome"),
            w.t("ws-contact-summary"),
        ],
        table: list("contacts")
            .iter()
            .map(|c| {
                vec![
                    text(at(c, "at")).replace('T', " "),
                    coded("ws-channel", at(c, "channel")),
                    coded("ws-direction", at(c, "direction")),
                    coded("ws-contact-outcome", at(c, "outcome")),
                    text(at(c, "summary")),
                ]
            })
            .collect(),
    });
    sections.push(SaSection {
        title: w.t("ws-tab-notes"),
        rows: Vec::new(),
        head: vec![w.t("ws-history-when"), w.t("ws-tab-notes")],
        table: list("notes")
            .iter()
            .map(|n| {
                vec![
                    text(at(n, "created_at"))
                        .get(..16)
                        .unwrap_or("")
                        .replace('T', " "),
                    text(at(n, "body")),
                ]
            })
            .collect(),
    });
    sections.push(SaSection {
        title: w.t("ws-tab-consent"),
        rows: Vec::new(),
        head: vec![
            w.t("ws-consent-purpose"),
            w.t("ws-consent-scope"),
            w.t("ws-consent-given"),
            w.t("ws-sa-withdrawn"),
        ],
        table: list("consents")
            .iter()
            .map(|c| {
                vec![
                    coded("ws-purpose", at(c, "purpose")),
                    text(at(c, "scope")),
                    text(at(c, "given_on")),
                    text(at(c, "withdrawn_on")),
                ]
            })
            .collect(),
    });
    sections.push(SaSection {
        title: w.t("ws-sa-processing"),
        rows: Vec::new(),
        head: vec![w.t("ws-history-when"), w.t("ws-history-what")],
        table: list("processing_record")
            .iter()
            .map(|r| {
                let action = at(r, "action").as_str().unwrap_or("");
                let key = format!("ws-act-{}", action.replace('.', "-"));
                let what = if state.i18n.has(l, &key) {
                    w.t(&key)
                } else {
                    action.to_string()
                };
                vec![
                    text(at(r, "at")).get(..16).unwrap_or("").replace('T', " "),
                    what,
                ]
            })
            .collect(),
    });
    Ok(page(render(&SubjectAccessPage {
        w,
        case_id: id,
        generated: state.now().format("%Y-%m-%d %H:%M UTC").to_string(),
        sections,
    })?))
}

/// A field of a JSON object, or null.
fn at<'v>(v: &'v serde_json::Value, k: &str) -> &'v serde_json::Value {
    static NULL: serde_json::Value = serde_json::Value::Null;
    v.get(k).unwrap_or(&NULL)
}
