use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, TimeZone, Utc};
use harbour_db::directory::{self, Origin, TaxonomyWithTerms};
use harbour_db::testing::TestDb;
use harbour_domain::hsds::Organization;
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub state: harbour_web::AppState,
    pub db: TestDb,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// Monday 30 November 2026, 10:00 UTC.
pub fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0)
        .single()
        .unwrap_or_default()
}

pub fn shipped() -> (Vec<Organization>, Vec<TaxonomyWithTerms>) {
    (
        serde_json::from_str(include_str!("../../../../../data/directory.json"))
            .expect("directory"),
        serde_json::from_str(include_str!("../../../../../data/taxonomies.json"))
            .expect("taxonomies"),
    )
}

pub const FIXTURE: &str = include_str!("fixture.json");

impl TestApp {
    /// A Harbour with the shipped directory and the test fixture (located services, a shelter).
    pub async fn new() -> TestApp {
        let db = TestDb::new().await.expect("test database");
        let (orgs, tax) = shipped();
        directory::load_seed(&db.db, &orgs, &tax, monday_morning())
            .await
            .expect("seed");
        let batch = harbour_domain::import::parse(FIXTURE).expect("fixture is valid");
        directory::import(&db.db, &batch, Origin::Edit, monday_morning())
            .await
            .expect("fixture");
        let started = harbour_web::start(
            db.db.clone(),
            harbour_web::WebConfig::default(),
            Arc::new(monday_morning),
        )
        .await
        .expect("start");
        let router = harbour_web::build(started.state.clone());
        TestApp {
            router,
            state: started.state,
            db,
        }
    }

    pub async fn request(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.expect("response");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.request(Request::get(uri).body(Body::empty()).expect("request"))
            .await
    }

    pub async fn get_with(&self, uri: &str, name: &str, value: &str) -> Reply {
        self.request(
            Request::get(uri)
                .header(name, value)
                .body(Body::empty())
                .expect("request"),
        )
        .await
    }

    /// Submits the public search form (POST, as a browser does).
    pub async fn search(&self, lang: &str, form: &str) -> Reply {
        self.post_form(&format!("/{lang}/support"), form).await
    }

    pub async fn post_form(&self, uri: &str, form: &str) -> Reply {
        self.request(
            Request::post(uri)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(form.to_string()))
                .expect("request"),
        )
        .await
    }
}
