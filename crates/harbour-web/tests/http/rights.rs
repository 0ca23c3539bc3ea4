//! The rights navigator: the question pages without JavaScript, the result, the article and
//! country pages, and the JSON API with the scenario table of `content/tests/scenarios.json`.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};

use crate::support::TestApp;

const SCENARIOS: &str = include_str!("../../../../content/tests/scenarios.json");

async fn api(app: &TestApp, body: Value) -> crate::support::Reply {
    app.request(
        Request::post("/api/v1/rights/assessment")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

fn ids(v: &Value) -> Vec<String> {
    v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["items"].as_array().expect("items").iter())
        .map(|i| i["id"].as_str().expect("id").to_string())
        .collect()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_scenario_table_through_the_api() {
    let app = TestApp::new().await;
    let table: Value = serde_json::from_str(SCENARIOS).expect("scenarios");
    let mut failures = Vec::new();
    for s in table["scenarios"].as_array().expect("list") {
        let name = s["name"].as_str().expect("name");
        let r = api(&app, s["input"].clone()).await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.body);
        assert_eq!(r.header("cache-control"), "no-store");
        let v = r.json();
        let got = ids(&v);
        let e = &s["expect"];
        for id in strings(&e["present"]) {
            if !got.iter().any(|g| g == id) {
                failures.push(format!("{name}: {id} missing"));
            }
        }
        for id in strings(&e["absent"]) {
            if got.iter().any(|g| g == id) {
                failures.push(format!("{name}: {id} must not appear"));
            }
        }
        let notes: Vec<&str> = v["notes"]
            .as_array()
            .expect("notes")
            .iter()
            .filter_map(|n| n["id"].as_str())
            .collect();
        for id in strings(&e["notes"]) {
            if !notes.contains(&id) {
                failures.push(format!("{name}: note {id} missing"));
            }
        }
        let c = &e["compensation"];
        if v["compensation"]["assisting_country"] != c["assisting_country"] {
            failures.push(format!("{name}: assisting {}", v["compensation"]));
        }
        if c.get("route").is_some() {
            if v["compensation"]["deciding_country"] != c["deciding_country"] {
                failures.push(format!("{name}: deciding {}", v["compensation"]));
            }
            if v["compensation"]["route"] != c["route"] {
                failures.push(format!("{name}: route {}", v["compensation"]["route"]));
            }
        }
        if let Some(m) = c["time_limit_months"].as_u64() {
            if v["compensation"]["time_limit"]["months"].as_u64() != Some(m) {
                failures.push(format!("{name}: time limit {}", v["compensation"]));
            }
        }
        // every right names its legal basis; every item its sources
        for s in v["sections"].as_array().expect("sections") {
            for i in s["items"].as_array().expect("items") {
                if i["kind"] == "right" && i["legal_basis"].as_array().is_none_or(Vec::is_empty) {
                    failures.push(format!("{name}: {} has no legal basis", i["id"]));
                }
                assert!(i["text"].as_str().is_some_and(|t| !t.is_empty()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn the_api_answers_in_the_requested_language_with_contacts_for_both_countries() {
    let app = TestApp::new().await;
    let r = api(
        &app,
        json!({"crime_country": "ES", "residence_country": "PL", "crime_kind": "robbery",
               "situation": [], "reported": false, "stage": "just_happened", "lang": "pl"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["lang"], "pl");
    let support = v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == "support")
        .expect("support section");
    let right = support["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == "vrd-8-free-support")
        .expect("Art. 8");
    assert_eq!(right["lang"], "pl", "{right}");
    assert_eq!(
        right["legal_basis"],
        json!([{"instrument": "2012/29/EU", "article": "8"}])
    );
    let contacts = v["contacts"].as_array().expect("contacts");
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0]["country"], "ES");
    assert_eq!(contacts[1]["country"], "PL");
    assert!(!contacts[0]["services"].as_array().expect("list").is_empty());
    assert_eq!(v["compensation"]["deciding_country"], "ES");
    assert_eq!(v["compensation"]["assisting_country"], "PL");
}

#[tokio::test]
async fn invalid_api_input_gets_a_coded_error_naming_the_field() {
    let app = TestApp::new().await;
    for (body, field) in [
        (json!({"residence_country": "PL"}), "crime_country"),
        (json!({"crime_country": "ES"}), "residence_country"),
        (
            json!({"crime_country": "España", "residence_country": "PL"}),
            "crime_country",
        ),
        (
            json!({"crime_country": "ZZ", "residence_country": "PL"}),
            "crime_country",
        ),
        (
            json!({"crime_country": "ES", "residence_country": "PL", "crime_kind": "mugging"}),
            "crime_kind",
        ),
        (
            json!({"crime_country": "ES", "residence_country": "PL", "situation": ["sad"]}),
            "situation",
        ),
        (
            json!({"crime_country": "ES", "residence_country": "PL", "stage": "later"}),
            "stage",
        ),
        (
            json!({"crime_country": "ES", "residence_country": "PL", "reported": "yes"}),
            "reported",
        ),
        (
            json!({"crime_country": "ES", "residence_country": "PL", "lang": "xx"}),
            "lang",
        ),
        (
            json!({"crime_country": "ES", "residence_country": "PL", "name": "Anna"}),
            "name",
        ),
    ] {
        let r = api(&app, body.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
        let v = r.json();
        assert_eq!(v["errors"][0]["code"], "RIGHTS-0001", "{body}");
        assert_eq!(v["errors"][0]["field"], field, "{body}");
    }
    let r = app
        .request(
            Request::post("/api/v1/rights/assessment")
                .body(Body::from("not json"))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_navigator_works_without_javascript_one_question_per_page() {
    let app = TestApp::new().await;
    let intro = app.get("/en/rights").await;
    assert_eq!(intro.status, StatusCode::OK);
    assert!(intro.body.contains("action=\"/en/rights\""));
    // start
    let q1 = app.post_form("/en/rights", "step=0&go=next").await;
    assert_eq!(q1.status, StatusCode::OK);
    assert_eq!(q1.header("cache-control"), "no-store");
    assert!(q1.body.contains("name=\"crime_country\""));
    assert!(q1.body.contains("Question 1 of 6"));
    // answer, and the answer travels in a hidden field
    let q2 = app
        .post_form("/en/rights", "step=1&go=next&crime_country=ES")
        .await;
    assert!(q2.body.contains("Question 2 of 6"));
    assert!(q2
        .body
        .contains("<input type=\"hidden\" name=\"crime_country\" value=\"ES\">"));
    // back keeps the answer
    let back = app
        .post_form(
            "/en/rights",
            "step=2&go=back&crime_country=ES&residence_country=PL",
        )
        .await;
    assert!(back.body.contains("Question 1 of 6"));
    assert!(back.body.contains("<option value=\"ES\" selected>"));
    assert!(back
        .body
        .contains("<input type=\"hidden\" name=\"residence_country\" value=\"PL\">"));
    // skip drops the answer of that question
    let skipped = app
        .post_form(
            "/en/rights",
            "step=3&go=skip&crime_country=ES&residence_country=PL&crime_kind=robbery",
        )
        .await;
    assert!(skipped.body.contains("Question 4 of 6"));
    assert!(!skipped.body.contains("value=\"robbery\""));
    // the last question shows the result
    let result = app
        .post_form(
            "/en/rights",
            "step=6&go=next&crime_country=ES&residence_country=PL&crime_kind=robbery&reported=no&stage=just_happened",
        )
        .await;
    assert_eq!(result.status, StatusCode::OK);
    assert_eq!(result.header("cache-control"), "no-store");
    for s in [
        "If you are in danger now",
        "Support: free and confidential",
        "Reporting the crime",
        "Compensation",
        "Next steps",
        "Who can help",
        "What this is not",
        "/en/rights/2012-29-eu/17",
        "/en/countries/es/rights",
        "/en/countries/pl/rights",
        "<details",
    ] {
        assert!(result.body.contains(s), "{s} missing from the result");
    }
}

#[tokio::test]
async fn bad_navigator_input_gets_a_translated_error_and_no_result() {
    let app = TestApp::new().await;
    let r = app.post_form("/fr/rights", "step=6&go=next").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("role=\"alert\""));
    assert!(r.body.contains("lang=\"fr\""));
    let r = app
        .post_form(
            "/en/rights",
            "step=3&go=next&crime_country=ES&crime_kind=xyz",
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("crime_kind"));
    let r = app
        .post_form("/en/rights", "step=1&go=next&crime_country=QQ")
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn article_instrument_and_country_rights_pages() {
    let app = TestApp::new().await;
    for lang in ["en", "ar", "pl"] {
        let a = app.get(&format!("/{lang}/rights/2012-29-eu/17")).await;
        assert_eq!(a.status, StatusCode::OK, "{lang}");
        assert!(a.body.contains("2012/29/EU"));
        let i = app.get(&format!("/{lang}/rights/2012-29-eu")).await;
        assert_eq!(i.status, StatusCode::OK);
        assert!(i.body.contains(&format!("/{lang}/rights/2012-29-eu/22")));
        let c = app.get(&format!("/{lang}/countries/es/rights")).await;
        assert_eq!(c.status, StatusCode::OK);
    }
    let es = app.get("/en/countries/es/rights").await;
    assert!(es.body.contains("Time limit to apply in Spain"));
    assert!(es.body.contains("checked 20"));
    assert_eq!(
        app.get("/en/rights/2012-29-eu/99").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/en/rights/nothing").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/en/countries/ES/rights").await.status,
        StatusCode::NOT_FOUND
    );
    // Denmark's page says the directive does not apply there
    let dk = app.get("/en/countries/dk/rights").await;
    assert!(dk.body.contains("does not apply"));
}

#[tokio::test]
async fn the_openapi_document_describes_the_assessment() {
    let app = TestApp::new().await;
    let v = app.get("/api/openapi.json").await.json();
    assert!(v["paths"]["/api/v1/rights/assessment"]["post"].is_object());
}
