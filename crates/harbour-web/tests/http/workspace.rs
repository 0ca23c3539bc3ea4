//! The workspace over HTTP: invitation, sign-in with a mandatory second factor, the session
//! cookie's attributes, CSRF, intake and the case page, access across organisations, sign-out.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use harbour_db::auth;
use harbour_db::workspace as ws;
use harbour_domain::workspace::Role;

use crate::support::{monday_morning, Reply, TestApp};

const PASS: &str = "a long enough passphrase";

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let i = s.find(start).map(|i| i + start.len()).expect(start);
    let rest = &s[i..];
    &rest[..rest.find(end).expect(end)]
}

struct Client<'a> {
    app: &'a TestApp,
    cookie: Option<String>,
}

impl<'a> Client<'a> {
    async fn get(&self, uri: &str) -> Reply {
        let mut b = Request::get(uri).header(header::ACCEPT_LANGUAGE, "en");
        if let Some(c) = &self.cookie {
            b = b.header(header::COOKIE, c);
        }
        self.app
            .request(b.body(Body::empty()).expect("request"))
            .await
    }
    async fn post(&mut self, uri: &str, form: &str) -> Reply {
        let mut b = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT_LANGUAGE, "en");
        if let Some(c) = &self.cookie {
            b = b.header(header::COOKIE, c);
        }
        let r = self
            .app
            .request(b.body(Body::from(form.to_string())).expect("request"))
            .await;
        if let Some(set) = r
            .headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
        {
            let pair = set.split(';').next().unwrap_or("").to_string();
            self.cookie = if pair.ends_with('=') {
                None
            } else {
                Some(pair)
            };
        }
        r
    }
}

impl Client<'_> {
    /// A JSON API call with the session cookie and, for writes, the session's CSRF token.
    async fn json(&self, method: &str, uri: &str, csrf: &str, body: Option<&str>) -> Reply {
        let mut b = Request::builder()
            .method(method)
            .uri(uri)
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(c) = &self.cookie {
            b = b.header(header::COOKIE, c);
        }
        self.app
            .request(
                b.body(Body::from(body.unwrap_or("").to_string()))
                    .expect("request"),
            )
            .await
    }
}

/// The signed-in person's id, from the owner list of the plan form.
async fn cw_id(c: &Client<'_>) -> String {
    let home = c.get("/workspace/cases").await;
    let first = between(&home.body, "href=\"/workspace/cases/", "\"");
    let first = if first == "new" {
        let rest = &home.body[home.body.find("<tbody>").expect("table")..];
        between(rest, "href=\"/workspace/cases/", "\"").to_string()
    } else {
        first.to_string()
    };
    let page = c.get(&format!("/workspace/cases/{first}")).await;
    let select = between(&page.body, "id=\"plan-owner\"", "</select>");
    let selected = &select[..select.find(" selected>").expect("selected owner")];
    selected[selected.rfind("value=\"").expect("value") + 7..]
        .trim_end_matches('"')
        .to_string()
}

fn csrf(body: &str) -> String {
    between(body, "name=\"csrf\" value=\"", "\"").to_string()
}

/// Invites and signs in a person with both factors; returns the client.
async fn signed_in<'a>(app: &'a TestApp, org: &str, role: Role, email: &str) -> Client<'a> {
    let token = ws::invite(&app.db.db, org, role, email, None, monday_morning())
        .await
        .expect("invite");
    let mut c = Client { app, cookie: None };
    let r = c
        .post(
            &format!("/workspace/invite/{token}"),
            &format!("password={PASS}&password2={PASS}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = c
        .post(
            "/workspace/login",
            &format!("email={email}&password={PASS}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = c.get("/workspace/2fa").await;
    let secret = between(&page.body, "<code id=\"totp-secret\">", "</code>").to_string();
    let code = auth::code_at(&secret, email, monday_morning()).expect("code");
    let r = c
        .post(
            "/workspace/2fa",
            &format!("csrf={}&code={code}", csrf(&page.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<code>"), "recovery codes shown");
    c
}

async fn org(app: &TestApp, name: &str) -> String {
    ws::create_organization(
        &app.db.db,
        &app.state.config.master_key,
        name,
        "ES",
        None,
        monday_morning(),
    )
    .await
    .expect("org")
}

#[tokio::test]
async fn sign_in_needs_the_password_then_the_second_factor() {
    let app = TestApp::new().await;
    let org = org(&app, "Org").await;
    let token = ws::invite(
        &app.db.db,
        &org,
        Role::Caseworker,
        "cw@example.org",
        None,
        monday_morning(),
    )
    .await
    .expect("invite");
    let mut c = Client {
        app: &app,
        cookie: None,
    };
    assert_eq!(
        c.get(&format!("/workspace/invite/{token}")).await.status,
        StatusCode::OK
    );
    let r = c
        .post(
            &format!("/workspace/invite/{token}"),
            "password=short&password2=short",
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("At least 12 characters"));
    c.post(
        &format!("/workspace/invite/{token}"),
        &format!("password={PASS}&password2={PASS}"),
    )
    .await;
    // nothing without signing in
    let r = c.get("/workspace/").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/workspace/login");
    // wrong password and unknown account: the same answer, no cookie
    for (email, pw) in [
        ("cw@example.org", "wrong password!"),
        ("nobody@example.org", PASS),
    ] {
        let r = c
            .post("/workspace/login", &format!("email={email}&password={pw}"))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r
            .body
            .contains("The e-mail address or the password is not right."));
        assert!(r.headers.get(header::SET_COOKIE).is_none());
    }
    // a form posted from another site is refused
    let r = app
        .request(
            Request::post("/workspace/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::HOST, "harbour.example")
                .header(header::ORIGIN, "https://evil.example")
                .body(Body::from(format!("email=cw@example.org&password={PASS}")))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .request(
            Request::post("/workspace/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "cross-site")
                .body(Body::from(format!("email=cw@example.org&password={PASS}")))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // the password opens a half session: the cookie's attributes, then the second factor
    let r = c
        .post(
            "/workspace/login",
            &format!("email=cw@example.org&password={PASS}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let set = r.header("set-cookie").to_string();
    for attr in [
        "__Host-harbour=",
        "Path=/",
        "Secure",
        "HttpOnly",
        "SameSite=Strict",
    ] {
        assert!(set.contains(attr), "{attr} missing from {set}");
    }
    let r = c.get("/workspace/").await;
    assert_eq!(r.header("location"), "/workspace/2fa");
    let page = c.get("/workspace/2fa").await;
    assert_eq!(page.header("cache-control"), "no-store");
    let secret = between(&page.body, "<code id=\"totp-secret\">", "</code>").to_string();
    // the set-up link is also an inline SVG QR code, labelled, with no image request
    assert!(page
        .body
        .contains("<svg role=\"img\" aria-label=\"QR code: scan it with your authenticator app\""));
    assert!(!page.body.contains("<?xml") && !page.body.contains("<img"));
    // without the CSRF token: refused
    let code = auth::code_at(&secret, "cw@example.org", monday_morning()).expect("code");
    let r = c.post("/workspace/2fa", &format!("code={code}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = c
        .post(
            "/workspace/2fa",
            &format!("csrf={}&code=123456", csrf(&page.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let page = c.get("/workspace/2fa").await;
    let secret = between(&page.body, "<code id=\"totp-secret\">", "</code>").to_string();
    let code = auth::code_at(&secret, "cw@example.org", monday_morning()).expect("code");
    let r = c
        .post(
            "/workspace/2fa",
            &format!("csrf={}&code={code}", csrf(&page.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let home = c.get("/workspace/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("My cases"));
    assert_eq!(home.header("cache-control"), "no-store");
    // no quick exit in the workspace, and sign-out is one click
    assert!(!home.body.contains("quick-exit"));
    assert!(home.body.contains("action=\"/workspace/logout\""));
    let r = c
        .post("/workspace/logout", &format!("csrf={}", csrf(&home.body)))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(c.get("/workspace/").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn intake_case_page_and_access_across_organisations() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let b = org(&app, "Org B").await;
    let mut cw = signed_in(&app, &a, Role::Caseworker, "cw@example.org").await;
    let home = cw.get("/workspace/cases/new").await;
    assert_eq!(home.status, StatusCode::OK);
    let token = csrf(&home.body);
    // invalid: no pseudonym → translated error, nothing created
    let r = cw
        .post(
            "/workspace/cases/new",
            &format!("csrf={token}&pseudonym=&narrative=x"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Please check this field: Pseudonym."));
    // without CSRF: refused
    let r = cw.post("/workspace/cases/new", "pseudonym=Blue").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = cw
        .post(
            "/workspace/cases/new",
            &format!("csrf={token}&pseudonym=Blue+Heron&name=Secret+Name&safe_contact=No+messages&narrative=It+happened+at+night&crime_kind=robbery&crime_country=ES"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let created = between(&r.body, "role=\"status\">", "</p>");
    let id = between(created, "href=\"/workspace/cases/", "\"").to_string();
    let page = cw.get(&format!("/workspace/cases/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("It happened at night"), "{}", page.body);
    assert!(page.body.contains("Robbery"));
    assert_eq!(page.header("cache-control"), "no-store");
    // record an assessment, then re-assess: two versions, the changes shown, the first kept
    let t = csrf(&page.body);
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/assessment"),
            &format!("csrf={t}&characteristics=language&risk=medium&safety=some&notes=first"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/assessment"),
            &format!("csrf={t}&characteristics=language&risk=high&measures=remote_hearing&safety=high&notes=second"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/assessment"),
            &format!("csrf={t}&measures=waterboarding"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/notes"),
            &format!("csrf={t}&body=Called+back%2C+safe+to+talk"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // a plan action (overdue on the dashboard) and a consent
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/plan"),
            &format!(
                "csrf={t}&domain=legal&action=Explain+the+form&owner={}&due_on=2020-01-01",
                cw_id(&cw).await
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let home = cw.get("/workspace/").await;
    assert!(home.body.contains("overdue"), "{}", home.body);
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/consent"),
            &format!(
                "csrf={t}&purpose=referral&scope=Only+to+the+Polish+service&given_on=2026-11-27"
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/consent"),
            &format!("csrf={t}&purpose=referral&given_on=yesterday"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = cw.get(&format!("/workspace/cases/{id}")).await;
    assert!(page.body.contains("Explain the form"));
    assert!(page.body.contains("Only to the Polish service"));
    assert!(page.body.contains("Version 2"), "{}", page.body);
    assert!(page.body.contains("Version 1"));
    assert!(page.body.contains("<del>Medium</del> → <ins>High</ins>"));
    assert!(page.body.contains("Called back, safe to talk"));
    // the URL holds an opaque id, nothing personal
    assert!(!id.contains("Heron"));
    let list = cw.get("/workspace/").await;
    assert!(list.body.contains("Blue Heron"));
    // the same pseudonym again: a duplicate warning with a link for its author
    let r = cw
        .post(
            "/workspace/cases/new",
            &format!("csrf={token}&pseudonym=blue+heron"),
        )
        .await;
    assert!(r.body.contains("exists already"));
    // another organisation's admin and a network coordinator of this one cannot open it
    let other = signed_in(&app, &b, Role::OrgAdmin, "admin-b@example.org").await;
    assert_eq!(
        other.get(&format!("/workspace/cases/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let coord = signed_in(&app, &a, Role::NetworkCoordinator, "nc@example.org").await;
    assert_eq!(
        coord.get(&format!("/workspace/cases/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    // a supervisor of the organisation can
    let mut sv = signed_in(&app, &a, Role::Supervisor, "sv@example.org").await;
    assert_eq!(
        sv.get(&format!("/workspace/cases/{id}")).await.status,
        StatusCode::OK
    );
    // subject access: everything about the person, as JSON
    let export = sv.get(&format!("/workspace/cases/{id}/export")).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.header("content-disposition").contains("attachment"));
    let v = export.json();
    assert_eq!(v["narrative"], "It happened at night");
    assert_eq!(v["notes"][0]["body"], "Called back, safe to talk");
    // closing needs a known outcome
    let t = csrf(&sv.get(&format!("/workspace/cases/{id}")).await.body);
    let r = sv
        .post(
            &format!("/workspace/cases/{id}/close"),
            &format!("csrf={t}&outcome=whatever"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = sv
        .post(
            &format!("/workspace/cases/{id}/close"),
            &format!("csrf={t}&outcome=referred"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // erasure: an admin only, with confirmation
    let r = sv
        .post(
            &format!("/workspace/cases/{id}/erase"),
            &format!("csrf={t}&confirm=1"),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let mut admin = signed_in(&app, &a, Role::OrgAdmin, "admin@example.org").await;
    let log = admin.get("/workspace/audit").await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(log.body.contains("case.read"));
    assert_eq!(
        cw.get("/workspace/audit").await.status,
        StatusCode::NOT_FOUND
    );
    let t = csrf(&admin.get(&format!("/workspace/cases/{id}")).await.body);
    let r = admin
        .post(
            &format!("/workspace/cases/{id}/erase"),
            &format!("csrf={t}&confirm=1"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        admin.get(&format!("/workspace/cases/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    // every read is in the audit chain
    assert!(ws::verify_audit(&app.db.db).await.expect("verify").is_ok());
    // sign out everywhere ends the session
    let sessions = cw.get("/workspace/sessions").await;
    assert!(sessions.body.contains("this one"));
    let r = cw
        .post(
            "/workspace/logout-everywhere",
            &format!("csrf={}", csrf(&sessions.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(cw.get("/workspace/").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn public_pages_still_set_no_cookie() {
    let app = TestApp::new().await;
    for uri in ["/en/", "/en/support", "/en/rights", "/workspace/login"] {
        let r = app.get(uri).await;
        assert!(r.headers.get(header::SET_COOKIE).is_none(), "{uri}");
    }
}

#[tokio::test]
async fn a_volunteer_without_training_cannot_be_assigned_and_the_page_says_why() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let mut sv = signed_in(&app, &a, Role::Supervisor, "sv@example.org").await;
    let vol_token = ws::invite(
        &app.db.db,
        &a,
        Role::Volunteer,
        "vol@example.org",
        None,
        monday_morning(),
    )
    .await
    .expect("invite");
    let vol = ws::accept_invitation(&app.db.db, &vol_token, PASS, monday_morning())
        .await
        .expect("accept");
    let form_page = sv.get("/workspace/cases/new").await;
    let t = csrf(&form_page.body);
    let r = sv
        .post(
            "/workspace/cases/new",
            &format!("csrf={t}&pseudonym=Kestrel&crime_kind=assault"),
        )
        .await;
    let created = between(&r.body, "role=\"status\">", "</p>");
    let id = between(created, "href=\"/workspace/cases/", "\"").to_string();
    let r = sv
        .post(
            &format!("/workspace/cases/{id}/assign"),
            &format!("csrf={t}&assignee={vol}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body
            .contains("the course &#34;Basic training&#34; is missing"),
        "{}",
        r.body
    );
    // record the training on the people page, then the assignment works
    let people = sv.get("/workspace/people").await;
    assert!(people.body.contains("vol@example.org"));
    let r = sv
        .post(
            "/workspace/people",
            &format!("csrf={t}&person={vol}&course=basic&completed_on=2026-01-15&expires_on=2028-01-15&evidence=C-42"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Basic training (2026-01-15"));
    let r = sv
        .post(
            &format!("/workspace/cases/{id}/assign"),
            &format!("csrf={t}&assignee={vol}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("The case was assigned."));
    assert!(r.body.contains("vol@example.org"));
}

async fn api(
    app: &TestApp,
    method: &str,
    uri: &str,
    auth: Option<&str>,
    body: Option<&str>,
) -> Reply {
    let mut b = Request::builder().method(method).uri(uri);
    if let Some(t) = auth {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if body.is_some() {
        b = b.header(header::CONTENT_TYPE, "application/json");
    }
    app.request(
        b.body(Body::from(body.unwrap_or("").to_string()))
            .expect("request"),
    )
    .await
}

async fn token(c: &mut Client<'_>, scopes: &str) -> String {
    let page = c.get("/workspace/sessions").await;
    let r = c
        .post(
            "/workspace/tokens",
            &format!("csrf={}&name=script&{scopes}&days=30", csrf(&page.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    between(&r.body, "<code id=\"new-token\" class=\"wrap\">", "</code>").to_string()
}

#[tokio::test]
async fn the_json_api_with_scoped_tokens() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let b = org(&app, "Org B").await;
    let mut cw = signed_in(&app, &a, Role::Caseworker, "cw@example.org").await;
    assert_eq!(
        api(&app, "GET", "/api/v1/cases", None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        api(&app, "GET", "/api/v1/cases", Some("hbr_forged"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let read = token(&mut cw, "scope=cases:read").await;
    let write = token(&mut cw, "scope=cases:read&scope=cases:write").await;
    assert!(read.starts_with("hbr_"));
    // a read-only token cannot write
    let body = r#"{"pseudonym": "Lark", "narrative": "Fictional", "crime_kind": "fraud"}"#;
    assert_eq!(
        api(&app, "POST", "/api/v1/cases", Some(&read), Some(body))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let r = api(&app, "POST", "/api/v1/cases", Some(&write), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}"),
        Some(&read),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), "no-store");
    assert_eq!(r.json()["narrative"], "Fictional");
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/assessments"),
        Some(&write),
        Some(r#"{"risk": "high", "measures": ["remote_hearing"]}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["version"], 1);
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/notes"),
        Some(&write),
        Some(r#"{"body": "Fictional note"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/notes"),
        Some(&read),
        None,
    )
    .await;
    assert_eq!(r.json()["items"][0]["body"], "Fictional note");
    let r = api(&app, "GET", "/api/v1/cases", Some(&read), None).await;
    assert_eq!(r.json()["items"].as_array().expect("items").len(), 1);
    // the support plan: add, list, mark done
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/plan"),
        Some(&write),
        Some(
            r#"{"domain": "legal", "action": "Fictional: book a lawyer", "due_on": "2026-11-20"}"#,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/plan"),
        Some(&read),
        None,
    )
    .await;
    let action = r.json()["items"][0].clone();
    assert_eq!(action["action"], "Fictional: book a lawyer");
    assert_eq!(action["done"], false);
    // the list shows the overdue work (the test clock is later than the due date)
    let r = api(&app, "GET", "/api/v1/cases?overdue=true", Some(&read), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["items"][0]["overdue"], 1);
    assert_eq!(r.json()["items"][0]["next_due"], "2026-11-20");
    let r = api(
        &app,
        "POST",
        &format!(
            "/api/v1/cases/{id}/plan/{}/done",
            action["id"].as_str().expect("id")
        ),
        Some(&write),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = api(&app, "GET", "/api/v1/cases?overdue=true", Some(&read), None).await;
    assert_eq!(r.json()["items"].as_array().expect("items").len(), 0);
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/plan"),
        Some(&write),
        Some(r#"{"domain": "astrology", "action": "x"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["errors"][0]["field"], "domain");
    // consents: record, list, withdraw
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/consents"),
        Some(&write),
        Some(r#"{"purpose": "referral", "scope": "Fictional scope", "given_on": "2026-11-02"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/consents"),
        Some(&read),
        None,
    )
    .await;
    let consent = r.json()["items"][0].clone();
    assert_eq!(consent["purpose"], "referral");
    assert_eq!(consent["scope"], "Fictional scope");
    assert!(consent["withdrawn_on"].is_null());
    let r = api(
        &app,
        "POST",
        &format!(
            "/api/v1/cases/{id}/consents/{}/withdraw",
            consent["id"].as_str().expect("id")
        ),
        Some(&write),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/consents"),
        Some(&read),
        None,
    )
    .await;
    assert!(!r.json()["items"][0]["withdrawn_on"].is_null());
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/consents"),
        Some(&write),
        Some(r#"{"purpose": "referral", "given_on": "yesterday"}"#),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["field"], "given_on");
    // a name is searched by POST, never in a URL
    let r = api(&app, "GET", "/api/v1/cases?query=Lark", Some(&read), None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["errors"][0]["field"], "query");
    let r = api(
        &app,
        "POST",
        "/api/v1/cases/search",
        Some(&read),
        Some(r#"{"query": "LARK"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["items"][0]["id"], id.as_str());
    let r = api(
        &app,
        "POST",
        "/api/v1/cases/search",
        Some(&read),
        Some(r#"{"query": "Lar"}"#),
    )
    .await;
    assert_eq!(r.json()["items"].as_array().expect("items").len(), 0);
    // assignment follows training: the untrained caseworker is refused with a reason
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/assign"),
        Some(&write),
        Some(r#"{"user_id": "not-an-id"}"#),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["field"], "user_id");
    // subject access and history
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/export"),
        Some(&read),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Fictional note"));
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/history"),
        Some(&read),
        None,
    )
    .await;
    let actions: Vec<String> = r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or("").to_string())
        .collect();
    for a in [
        "case.create",
        "note.create",
        "plan.add",
        "plan.done",
        "consent.withdraw",
        "case.export",
    ] {
        assert!(
            actions.iter().any(|x| x == a),
            "{a} missing from {actions:?}"
        );
    }
    assert_eq!(r.json()["items"][0]["by"], "cw@example.org");
    // closing: with a known outcome only; filters then find it among the closed cases
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/close"),
        Some(&write),
        Some(r#"{"outcome": "vanished"}"#),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["field"], "outcome");
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/close"),
        Some(&write),
        Some(r#"{"outcome": "support_completed"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = api(
        &app,
        "GET",
        "/api/v1/cases?status=closed",
        Some(&read),
        None,
    )
    .await;
    assert_eq!(r.json()["items"].as_array().expect("items").len(), 1);
    let r = api(&app, "GET", "/api/v1/cases?status=open", Some(&read), None).await;
    assert_eq!(r.json()["items"].as_array().expect("items").len(), 0);
    let r = api(&app, "GET", "/api/v1/cases?status=lost", Some(&read), None).await;
    assert_eq!(r.json()["errors"][0]["field"], "status");
    // a read token cannot erase; a caseworker cannot either
    assert_eq!(
        api(
            &app,
            "DELETE",
            &format!("/api/v1/cases/{id}"),
            Some(&read),
            None
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        api(
            &app,
            "DELETE",
            &format!("/api/v1/cases/{id}"),
            Some(&write),
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // bad input: a coded error naming the field
    let r = api(
        &app,
        "POST",
        "/api/v1/cases",
        Some(&write),
        Some(r#"{"pseudonym": "X", "crime_kind": "jaywalking"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["errors"][0]["field"], "crime_kind");
    let r = api(
        &app,
        "POST",
        "/api/v1/cases",
        Some(&write),
        Some(r#"{"pseudonym": "X", "ssn": "1"}"#),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["field"], "ssn");
    // another organisation's token sees nothing of it
    let mut other = signed_in(&app, &b, Role::OrgAdmin, "b@example.org").await;
    let other_token = token(&mut other, "scope=cases:read").await;
    assert_eq!(
        api(
            &app,
            "GET",
            &format!("/api/v1/cases/{id}"),
            Some(&other_token),
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // a session works for reads; its writes need the CSRF header
    let r = cw.get("/api/v1/cases").await;
    assert_eq!(r.status, StatusCode::OK);
    let r = cw.post("/api/v1/cases", body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // revoked: refused
    let page = cw.get("/workspace/sessions").await;
    let revoke = between(&page.body, "action=\"/workspace/tokens/", "/revoke\"").to_string();
    cw.post(
        &format!("/workspace/tokens/{revoke}/revoke"),
        &format!("csrf={}", csrf(&page.body)),
    )
    .await;
    let statuses = [
        api(&app, "GET", "/api/v1/cases", Some(&read), None)
            .await
            .status,
        api(&app, "GET", "/api/v1/cases", Some(&write), None)
            .await
            .status,
    ];
    assert!(statuses.contains(&StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert!(ws::verify_audit(&app.db.db).await.expect("verify").is_ok());
}

/// Every case route × every role × own or other organisation: the status each must get.
#[tokio::test]
async fn authorisation_matrix_over_every_case_route() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let b = org(&app, "Org B").await;
    // the case: created by a supervisor of A, so it is assigned to nobody
    let mut owner = signed_in(&app, &a, Role::Supervisor, "owner@example.org").await;
    let t = csrf(&owner.get("/workspace/cases/new").await.body);
    let r = owner
        .post(
            "/workspace/cases/new",
            &format!("csrf={t}&pseudonym=Matrix"),
        )
        .await;
    let created = between(&r.body, "role=\"status\">", "</p>");
    let id = between(created, "href=\"/workspace/cases/", "\"").to_string();
    let owner_id = ws::check_password(&app.db.db, "owner@example.org", PASS)
        .await
        .expect("check")
        .expect("owner");
    for role in Role::ALL {
        for (org_id, own) in [(&a, true), (&b, false)] {
            let mut c = signed_in(
                &app,
                org_id,
                role,
                &format!("{}-{own}@example.org", role.key()),
            )
            .await;
            let t = csrf(&c.get("/workspace/").await.body);
            // what the rules allow on an unassigned case of organisation A
            let reads = own && matches!(role, Role::Supervisor | Role::OrgAdmin | Role::Caseworker);
            let manages = own && matches!(role, Role::Supervisor | Role::OrgAdmin);
            let ok =
                |allowed: bool, yes: StatusCode| if allowed { yes } else { StatusCode::NOT_FOUND };
            let checks: Vec<(&str, StatusCode, StatusCode)> = vec![
                (
                    "GET case",
                    c.get(&format!("/workspace/cases/{id}")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET export",
                    c.get(&format!("/workspace/cases/{id}/export")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET subject access",
                    c.get(&format!("/workspace/cases/{id}/subject-access"))
                        .await
                        .status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET api",
                    c.get(&format!("/api/v1/cases/{id}")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "POST note",
                    c.post(
                        &format!("/workspace/cases/{id}/notes"),
                        &format!("csrf={t}&body=x"),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    "POST assessment",
                    c.post(
                        &format!("/workspace/cases/{id}/assessment"),
                        &format!("csrf={t}&risk=low"),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    "POST plan",
                    c.post(
                        &format!("/workspace/cases/{id}/plan"),
                        &format!("csrf={t}&domain=legal&action=x"),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    "POST consent",
                    c.post(
                        &format!("/workspace/cases/{id}/consent"),
                        &format!("csrf={t}&purpose=support&given_on=2026-11-01"),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    // assigning the untrained caller: refused with a reason (400) only for managers
                    "POST assign",
                    c.post(
                        &format!("/workspace/cases/{id}/assign"),
                        &format!("csrf={t}&assignee=nobody"),
                    )
                    .await
                    .status,
                    ok(manages, StatusCode::BAD_REQUEST),
                ),
                (
                    "GET edit",
                    c.get(&format!("/workspace/cases/{id}/edit")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "POST edit",
                    c.post(
                        &format!("/workspace/cases/{id}/edit"),
                        &format!("csrf={t}&pseudonym=Matrix&crime_region=x"),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    "PUT api case",
                    c.json(
                        "PUT",
                        &format!("/api/v1/cases/{id}"),
                        &t,
                        Some(r#"{"pseudonym": "Matrix", "details": {"crime_region": "y"}}"#),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "POST contact",
                    c.post(
                        &format!("/workspace/cases/{id}/contacts"),
                        &format!(
                            "csrf={t}&happened_at=2026-11-30T09%3A00&channel=phone\
                             &direction=outgoing&outcome=no_answer"
                        ),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    "GET api contacts",
                    c.get(&format!("/api/v1/cases/{id}/contacts")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "POST api contact",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/contacts"),
                        &t,
                        Some(
                            r#"{"happened_at": "2026-11-30T09:05", "channel": "sms", "direction": "outgoing", "outcome": "reached"}"#,
                        ),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::CREATED),
                ),
                (
                    "GET api history",
                    c.get(&format!("/api/v1/cases/{id}/history")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET api plan",
                    c.get(&format!("/api/v1/cases/{id}/plan")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET api consents",
                    c.get(&format!("/api/v1/cases/{id}/consents")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET api notes",
                    c.get(&format!("/api/v1/cases/{id}/notes")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET api assessments",
                    c.get(&format!("/api/v1/cases/{id}/assessments"))
                        .await
                        .status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "GET api export",
                    c.get(&format!("/api/v1/cases/{id}/export")).await.status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    "POST api note",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/notes"),
                        &t,
                        Some(r#"{"body": "x"}"#),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::CREATED),
                ),
                (
                    "POST api assessment",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/assessments"),
                        &t,
                        Some(r#"{"risk": "low"}"#),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::CREATED),
                ),
                (
                    "POST api plan",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/plan"),
                        &t,
                        Some(r#"{"domain": "legal", "action": "x"}"#),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::CREATED),
                ),
                (
                    "POST api consent",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/consents"),
                        &t,
                        Some(r#"{"purpose": "referral", "given_on": "2026-11-01"}"#),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::CREATED),
                ),
                (
                    // the untrained owner cannot hold it: a reasoned 409, only for managers
                    "POST api assign",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/assign"),
                        &t,
                        Some(&format!(r#"{{"user_id": "{owner_id}"}}"#)),
                    )
                    .await
                    .status,
                    ok(manages, StatusCode::CONFLICT),
                ),
                (
                    "POST close",
                    c.post(
                        &format!("/workspace/cases/{id}/close"),
                        &format!("csrf={t}&outcome=referred"),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::SEE_OTHER),
                ),
                (
                    "POST api close",
                    c.json(
                        "POST",
                        &format!("/api/v1/cases/{id}/close"),
                        &t,
                        Some(r#"{"outcome": "referred"}"#),
                    )
                    .await
                    .status,
                    ok(reads, StatusCode::OK),
                ),
                (
                    // erasure: organisation admins only; the own admin erases after the loop
                    "DELETE api case",
                    if own && role == Role::OrgAdmin {
                        StatusCode::NOT_FOUND
                    } else {
                        c.json("DELETE", &format!("/api/v1/cases/{id}"), &t, None)
                            .await
                            .status
                    },
                    StatusCode::NOT_FOUND,
                ),
                (
                    // erasure without the confirmation box is refused for everyone
                    "POST erase unconfirmed",
                    c.post(
                        &format!("/workspace/cases/{id}/erase"),
                        &format!("csrf={t}"),
                    )
                    .await
                    .status,
                    StatusCode::NOT_FOUND,
                ),
            ];
            for (what, got, want) in checks {
                assert_eq!(
                    got,
                    want,
                    "{what} as {role} of {} organisation",
                    if own { "its" } else { "another" }
                );
            }
        }
    }
    // the owner still reads it; every refusal was audited and the chain is intact
    assert_eq!(
        owner.get(&format!("/workspace/cases/{id}")).await.status,
        StatusCode::OK
    );
    assert!(ws::verify_audit(&app.db.db).await.expect("verify").is_ok());
    // the organisation's admin erases it through the API: gone for everyone, and the chain holds
    let admin = signed_in(&app, &a, Role::OrgAdmin, "eraser@example.org").await;
    let t = csrf(&admin.get("/workspace/").await.body);
    let r = admin
        .json("DELETE", &format!("/api/v1/cases/{id}"), &t, None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(
        owner.get(&format!("/workspace/cases/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(ws::verify_audit(&app.db.db).await.expect("verify").is_ok());
}

/// The case list's filters travel by POST (a searched name never reaches a URL) and the case
/// page's history tab shows who did what.
#[tokio::test]
async fn case_list_filters_and_the_history_tab() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let mut sup = signed_in(&app, &a, Role::Supervisor, "sup@example.org").await;
    let t = csrf(&sup.get("/workspace/cases/new").await.body);
    for (pseudonym, kind) in [("Heron", "fraud"), ("Kestrel", "robbery")] {
        let r = sup
            .post(
                "/workspace/cases/new",
                &format!("csrf={t}&pseudonym={pseudonym}&crime_kind={kind}"),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let all = sup.get("/workspace/cases").await;
    assert!(all.body.contains("Heron") && all.body.contains("Kestrel"));
    assert!(all
        .body
        .contains("method=\"post\" action=\"/workspace/cases\""));
    // by kind of crime
    let r = sup
        .post("/workspace/cases", &format!("csrf={t}&crime_kind=fraud"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Heron") && !r.body.contains("Kestrel"));
    // by exact pseudonym, whatever the case of the letters; a part of it finds nothing
    let r = sup
        .post("/workspace/cases", &format!("csrf={t}&query=kestrel"))
        .await;
    assert!(r.body.contains("Kestrel") && !r.body.contains("Heron"));
    let r = sup
        .post("/workspace/cases", &format!("csrf={t}&query=Kest"))
        .await;
    assert!(!r.body.contains("Kestrel"));
    // nobody is assigned, so "unassigned" shows both and "me" neither
    let r = sup
        .post("/workspace/cases", &format!("csrf={t}&assignee=unassigned"))
        .await;
    assert!(r.body.contains("Heron") && r.body.contains("Kestrel"));
    let r = sup
        .post("/workspace/cases", &format!("csrf={t}&assignee=me"))
        .await;
    assert!(!r.body.contains("Heron") && !r.body.contains("Kestrel"));
    // a bad value is a translated error naming the field, and changes nothing
    let r = sup
        .post("/workspace/cases", &format!("csrf={t}&status=lost"))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("role=\"alert\""));
    // without the CSRF token: refused
    let r = sup.post("/workspace/cases", "query=Heron").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // the history tab: the opening of the case and its readings, by whom
    let rest = &all.body[all.body.find("<tbody>").expect("table")..];
    let id = between(rest, "href=\"/workspace/cases/", "\"").to_string();
    let page = sup.get(&format!("/workspace/cases/{id}")).await;
    let history = between(&page.body, "id=\"history-h\"", "</section>");
    assert!(history.contains("opened the case"), "{history}");
    assert!(history.contains("read the case"));
    assert!(history.contains("sup@example.org"));
    // the search was audited as a search, without the name
    let admin = ws::Actor {
        user_id: "auditor".into(),
        memberships: vec![harbour_domain::workspace::Membership {
            organization: a.clone(),
            role: Role::OrgAdmin,
        }],
    };
    let log = ws::audit_log(&app.db.db, &admin, &a, 500)
        .await
        .expect("log");
    let searches: Vec<_> = log.iter().filter(|r| r.action == "case.search").collect();
    assert_eq!(searches.len(), 2, "two name searches");
    for r in &searches {
        assert!(!r.detail.to_lowercase().contains("kest"), "{}", r.detail);
    }
}

/// Statistics: supervisors and admins see counts for a period and can download them as CSV;
/// caseworkers and volunteers get nothing; a bad date is a translated error.
#[tokio::test]
async fn statistics_page_and_csv() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let mut sup = signed_in(&app, &a, Role::Supervisor, "sup@example.org").await;
    let t = csrf(&sup.get("/workspace/cases/new").await.body);
    let r = sup
        .post(
            "/workspace/cases/new",
            &format!(
                "csrf={t}&pseudonym=Plover&name=Secret+Name&crime_kind=fraud&crime_country=ES"
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = sup.get("/workspace/reports").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("cache-control"), "no-store");
    assert!(
        r.body.contains("Cases opened, by kind of crime"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Fraud") || r.body.contains("fraud"));
    assert!(!r.body.contains("Plover") && !r.body.contains("Secret Name"));
    let csv = sup
        .get("/workspace/reports.csv?from=2026-11-01&to=2026-11-30")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(
        csv.body.contains("opened_by_crime_kind,fraud,1"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("opened_by_crime_country,ES,1"));
    assert!(!csv.body.contains("Plover") && !csv.body.contains("Secret"));
    let bad = sup.get("/workspace/reports?from=yesterday").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("role=\"alert\""));
    for role in [Role::Caseworker, Role::Volunteer, Role::NetworkCoordinator] {
        let c = signed_in(&app, &a, role, &format!("{}@example.org", role.key())).await;
        assert_eq!(
            c.get("/workspace/reports").await.status,
            StatusCode::NOT_FOUND,
            "{role}"
        );
        assert_eq!(
            c.get("/workspace/reports.csv").await.status,
            StatusCode::NOT_FOUND,
            "{role}"
        );
    }
}

/// The full intake (safe-contact profile, when and where, reporting, languages) through the
/// form and the API: a refused form comes back filled in, the case page warns when messages must
/// not be left, and the intake can be edited later.
#[tokio::test]
async fn full_intake_form_edit_and_api() {
    let app = TestApp::new().await;
    let a = org(&app, "Org A").await;
    let mut cw = signed_in(&app, &a, Role::Caseworker, "cw@example.org").await;
    let t = csrf(&cw.get("/workspace/cases/new").await.body);
    let fields = "pseudonym=Swift&safe_channels=sms&safe_channels=email&safe_times=Mornings\
                  &no_messages=1&who_may_answer=Only+her&household_knows=no&crime_kind=assault\
                  &crime_country=ES&crime_region=Valencia&reported=yes&reported_where=Guardia+Civil\
                  &languages=pl%2C+en&interpreter=1&narrative=Fictional";
    // a bad date: refused, the field named by its label, the form still filled in
    let r = cw
        .post(
            "/workspace/cases/new",
            &format!("csrf={t}&{fields}&crime_date=last+week"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(
        r.body
            .contains("Please check this field: When it happened."),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"Valencia\""));
    assert!(r.body.contains("value=\"sms\" checked"));
    assert!(r.body.contains("value=\"pl, en\""));
    let r = cw
        .post(
            "/workspace/cases/new",
            &format!("csrf={t}&{fields}&crime_date=2026-10"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let created = between(&r.body, "role=\"status\">", "</p>");
    let id = between(created, "href=\"/workspace/cases/", "\"").to_string();
    let page = cw.get(&format!("/workspace/cases/{id}")).await;
    assert!(page.body.contains("Do not leave messages for this person."));
    assert!(page.body.contains("The household does not know"));
    for shown in [
        "Text message, E-mail",
        "Mornings",
        "Only her",
        "2026-10",
        "Valencia",
        "Guardia Civil",
        "pl, en",
        "Spain",
    ] {
        assert!(page.body.contains(shown), "{shown} not on the case page");
    }
    // edit: the household now knows; no more warning, and the history says it changed
    let edit = cw.get(&format!("/workspace/cases/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("value=\"Mornings\""));
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/edit"),
            &format!(
                "csrf={t}&{}&crime_date=2026-10",
                fields.replace("household_knows=no", "household_knows=yes")
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = cw.get(&format!("/workspace/cases/{id}")).await;
    assert!(!page.body.contains("The household does not know"));
    assert!(page.body.contains("changed the intake"));
    // a bad edit changes nothing
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/edit"),
            &format!(
                "csrf={t}&{}&crime_date=2026-13",
                fields.replace("crime_region=Valencia", "crime_region=Madrid")
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(cw
        .get(&format!("/workspace/cases/{id}"))
        .await
        .body
        .contains("Valencia"));
    // without the CSRF token: refused
    let r = cw
        .post(&format!("/workspace/cases/{id}/edit"), "pseudonym=X")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // the contact log: a phone call when only SMS and e-mail are safe, a message left although
    // the profile says not to: both flagged
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/contacts"),
            &format!(
                "csrf={t}&happened_at=2026-11-30T08%3A30&channel=phone&direction=outgoing\
                 &outcome=message_left&summary=Fictional+voicemail"
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = cw.get(&format!("/workspace/cases/{id}")).await;
    let log = between(&page.body, "id=\"contacts-h\"", "</section>");
    assert!(log.contains("Message left"), "{log}");
    assert!(log.contains("not a safe channel for this person"));
    assert!(log.contains("the profile says not to leave messages"));
    assert!(log.contains("Fictional voicemail"));
    let r = cw
        .post(
            &format!("/workspace/cases/{id}/contacts"),
            &format!("csrf={t}&happened_at=soon&channel=phone&direction=outgoing&outcome=reached"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Please check this field: When."));
    // subject access as a readable page: everything, in words, and recorded as an export
    let sa = cw
        .get(&format!("/workspace/cases/{id}/subject-access"))
        .await;
    assert_eq!(sa.status, StatusCode::OK);
    assert_eq!(sa.header("cache-control"), "no-store");
    for shown in [
        "Swift",
        "Valencia",
        "Guardia Civil",
        "Fictional voicemail",
        "Message left",
        "Text message, E-mail",
        "What was done with the data",
        "logged a contact",
    ] {
        assert!(
            sa.body.contains(shown),
            "{shown} missing from the subject-access page"
        );
    }
    let history = cw.get(&format!("/api/v1/cases/{id}/history")).await;
    assert!(history.body.contains("case.export"));
    // the API reads the details and replaces them
    let token = token(&mut cw, "scope=cases:read&scope=cases:write").await;
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        r.json()["details"]["safe_channels"],
        serde_json::json!(["sms", "email"])
    );
    assert_eq!(r.json()["details"]["no_messages"], true);
    let body = r#"{"pseudonym": "Swift", "details": {"safe_channels": ["phone"], "languages": ["uk"], "reported": "not_yet_decided"}}"#;
    let r = api(
        &app,
        "PUT",
        &format!("/api/v1/cases/{id}"),
        Some(&token),
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["details"]["languages"], serde_json::json!(["uk"]));
    assert_eq!(r.json()["details"]["no_messages"], false);
    let r = api(
        &app,
        "PUT",
        &format!("/api/v1/cases/{id}"),
        Some(&token),
        Some(r#"{"pseudonym": "Swift", "details": {"safe_channels": ["pigeon"]}}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["errors"][0]["field"], "safe_channels");
    let r = api(
        &app,
        "PUT",
        &format!("/api/v1/cases/{id}"),
        Some(&token),
        Some(r#"{"pseudonym": "Swift", "details": {"shoe_size": 42}}"#),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["field"], "details");
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/contacts"),
        Some(&token),
        Some(r#"{"happened_at": "2026-11-30T09:00", "channel": "sms", "direction": "incoming", "outcome": "reached", "summary": "Fictional"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{id}/contacts"),
        Some(&token),
        None,
    )
    .await;
    let items = r.json()["items"].as_array().expect("items").clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["summary"], "Fictional");
    let r = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{id}/contacts"),
        Some(&token),
        Some(r#"{"happened_at": "2026-11-30T09:00", "channel": "fax", "direction": "incoming", "outcome": "reached"}"#),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["field"], "channel");
    assert!(ws::verify_audit(&app.db.db).await.expect("verify").is_ok());
}
