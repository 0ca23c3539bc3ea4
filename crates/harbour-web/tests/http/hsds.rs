//! The HSDS API: behaviour, and conformance of every response to the HSDS 3.0 schemas.

use crate::support::TestApp;
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = format!(
        "{}/../../standards/hsds-3.0/schema/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("schema JSON")
}

/// The uncompiled HSDS schemas refer to each other by file name ("metadata.json"); inline
/// them (one level of files is all the taxonomy schemas use, recursion guards cycles).
fn inline(v: Value, depth: usize) -> Value {
    match v {
        Value::Object(mut m) => {
            if let Some(Value::String(r)) = m.get("$ref").cloned() {
                if r.ends_with(".json") && depth < 4 {
                    m.remove("$ref");
                    if let Value::Object(target) = inline(load(&r), depth + 1) {
                        for (k, v) in target {
                            m.entry(k).or_insert(v);
                        }
                    }
                }
            }
            Value::Object(m.into_iter().map(|(k, v)| (k, inline(v, depth))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(|v| inline(v, depth)).collect()),
        other => other,
    }
}

fn schema(name: &str) -> jsonschema::Validator {
    let v = inline(load(name), 0);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&v)
        .expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{what} does not validate: {errors:#?}");
}

fn assert_page(v: &Value) {
    for k in [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ] {
        assert!(v.get(k).is_some(), "page object lacks {k}");
    }
}

#[tokio::test]
async fn every_response_validates_against_the_hsds_schemas() {
    let app = TestApp::new().await;
    let service = schema("compiled/service.json");
    let organization = schema("compiled/organization.json");
    let sal = schema("compiled/service_at_location.json");
    let taxonomy = schema("taxonomy.json");
    let term = schema("taxonomy_term.json");

    // every service, page by page, and each one on its own
    let mut page = 1;
    let mut seen = 0;
    loop {
        let v = app
            .get(&format!("/hsds/services?per_page=100&page={page}"))
            .await
            .json();
        assert_page(&v);
        for s in v["contents"].as_array().expect("contents") {
            assert_valid(&service, s, "service in list");
            let id = s["id"].as_str().expect("id");
            let one = app.get(&format!("/hsds/services/{id}")).await;
            assert_eq!(one.status, 200);
            assert_valid(&service, &one.json(), "service");
            seen += 1;
        }
        if v["last_page"] == Value::Bool(true) {
            break;
        }
        page += 1;
    }
    assert!(seen >= 150, "saw {seen} services");

    let orgs = app.get("/hsds/organizations?per_page=100").await.json();
    assert_page(&orgs);
    for o in orgs["contents"].as_array().expect("contents") {
        assert_valid(&organization, o, "organization in list");
    }
    let first = orgs["contents"][0]["id"].as_str().expect("id").to_string();
    assert_valid(
        &organization,
        &app.get(&format!("/hsds/organizations/{first}"))
            .await
            .json(),
        "organization",
    );

    let sals = app.get("/hsds/service_at_locations").await.json();
    assert!(sals["total_items"].as_u64().unwrap_or(0) >= 2);
    for s in sals["contents"].as_array().expect("contents") {
        assert_valid(&sal, s, "service_at_location");
        let id = s["id"].as_str().expect("id");
        assert_valid(
            &sal,
            &app.get(&format!("/hsds/service_at_locations/{id}"))
                .await
                .json(),
            "service_at_location",
        );
    }

    let taxes = app.get("/hsds/taxonomies").await.json();
    assert_eq!(taxes["total_items"], 3);
    for t in taxes["contents"].as_array().expect("contents") {
        assert_valid(&taxonomy, t, "taxonomy");
        let id = t["id"].as_str().expect("id");
        assert_valid(
            &taxonomy,
            &app.get(&format!("/hsds/taxonomies/{id}")).await.json(),
            "taxonomy",
        );
    }
    let terms = app.get("/hsds/taxonomy_terms?per_page=100").await.json();
    assert!(terms["total_items"].as_u64().unwrap_or(0) >= 27);
    for t in terms["contents"].as_array().expect("contents") {
        assert_valid(&term, t, "taxonomy_term");
    }
    let id = terms["contents"][0]["id"].as_str().expect("id");
    assert_valid(
        &term,
        &app.get(&format!("/hsds/taxonomy_terms/{id}")).await.json(),
        "taxonomy_term",
    );
}

#[tokio::test]
async fn filters_search_and_pagination() {
    let app = TestApp::new().await;
    let es = app
        .get("/hsds/services?country=ES&per_page=100")
        .await
        .json();
    assert!(es["total_items"].as_u64().unwrap_or(0) >= 2);
    for s in es["contents"].as_array().expect("contents") {
        assert_eq!(s["x_harbour"]["country"], "ES");
    }
    let free_helplines = app
        .get("/hsds/services?country=ES&support=helpline&free=true&per_page=100")
        .await
        .json();
    assert!(free_helplines["total_items"].as_u64() <= es["total_items"].as_u64());
    // language spoken by staff
    let pl = app
        .get("/hsds/services?language=pl&per_page=100")
        .await
        .json();
    assert!(pl["total_items"].as_u64().unwrap_or(0) >= 1);
    for s in pl["contents"].as_array().expect("contents") {
        assert!(s["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .any(|l| l["code"] == "pl"));
    }
    // free text with a typo, in German
    let t = app.get("/hsds/services?search=Beratungstelle").await.json();
    assert!(t["contents"]
        .as_array()
        .expect("c")
        .iter()
        .any(|s| s["name"] == "Beratungsstelle Wien Mitte"));
    // by organization and taxonomy term
    let org = app
        .get("/hsds/services?organization_id=f1000000-0000-4000-8000-000000000001")
        .await
        .json();
    assert_eq!(org["total_items"], 2);
    let terms = app.get("/hsds/taxonomy_terms?per_page=100").await.json();
    let helpline = terms["contents"]
        .as_array()
        .expect("c")
        .iter()
        .find(|t| t["code"] == "helpline")
        .expect("helpline term");
    let by_term = app
        .get(&format!(
            "/hsds/services?taxonomy_term_id={}&per_page=100",
            helpline["id"].as_str().expect("id")
        ))
        .await
        .json();
    assert!(by_term["total_items"].as_u64().unwrap_or(0) > 10);
    // modified_after: everything was written at the fixed test time
    assert_eq!(
        app.get("/hsds/services?modified_after=2030-01-01")
            .await
            .json()["total_items"],
        0
    );
    assert!(
        app.get("/hsds/services?modified_after=2020-01-01")
            .await
            .json()["total_items"]
            .as_u64()
            .unwrap_or(0)
            > 100
    );
    // pages do not overlap
    let p1 = app.get("/hsds/services?per_page=5&page=1").await.json();
    let p2 = app.get("/hsds/services?per_page=5&page=2").await.json();
    assert_eq!(p1["size"], 5);
    assert_eq!(p1["first_page"], true);
    assert_eq!(p2["first_page"], false);
    let ids = |v: &Value| {
        v["contents"]
            .as_array()
            .expect("c")
            .iter()
            .map(|s| s["id"].clone())
            .collect::<Vec<_>>()
    };
    assert!(ids(&p1).iter().all(|i| !ids(&p2).contains(i)));
}

#[tokio::test]
async fn near_a_city_sorts_by_distance_and_keeps_nationwide_services() {
    let app = TestApp::new().await;
    let v = app
        .get("/hsds/services?near=Wien&per_page=100")
        .await
        .json();
    let contents = v["contents"].as_array().expect("c");
    let pos = |name: &str| contents.iter().position(|s| s["name"] == name);
    // nationwide Austrian lines (area covers Vienna) come first, then the located office
    let office = pos("Beratungsstelle Wien Mitte").expect("office listed");
    let national = contents
        .iter()
        .position(|s| {
            s["x_harbour"]["area_countries"]
                .as_array()
                .is_some_and(|a| a.iter().any(|c| c == "AT"))
        })
        .expect("an Austrian nationwide service");
    assert!(national < office);
    // a radius keeps area-covering services and drops far-away located ones
    let r = app
        .get("/hsds/services?lat=52.23&lon=21.01&proximity=50000&per_page=100")
        .await
        .json();
    assert!(r["contents"]
        .as_array()
        .expect("c")
        .iter()
        .all(|s| s["name"] != "Beratungsstelle Wien Mitte"));
}

#[tokio::test]
async fn confidential_addresses_never_leave_the_server() {
    let app = TestApp::new().await;
    for uri in [
        "/hsds/services/f1000000-0000-4000-8000-000000000012",
        "/hsds/services?organization_id=f1000000-0000-4000-8000-000000000001",
        "/hsds/organizations/f1000000-0000-4000-8000-000000000001",
        "/hsds/service_at_locations?per_page=100",
        "/hsds/service_at_locations/f1000000-0000-4000-8000-000000000052",
        "/en/support/f1000000-0000-4000-8000-000000000012",
        "/hsds/services?near=Wien&per_page=100",
    ] {
        let r = app.get(uri).await;
        assert_eq!(r.status, 200, "{uri}");
        for secret in ["Geheimgasse", "48.1999", "16.3601", "blue door"] {
            assert!(!r.body.contains(secret), "{uri} leaks {secret}");
        }
    }
    // the non-confidential office keeps its address
    assert!(app
        .get("/hsds/services/f1000000-0000-4000-8000-000000000011")
        .await
        .body
        .contains("Stephansplatz"));
}

#[tokio::test]
async fn bad_parameters_get_coded_errors_naming_the_field() {
    let app = TestApp::new().await;
    for (uri, field) in [
        ("/hsds/services?per_page=1000", "per_page"),
        ("/hsds/services?support=massage", "support"),
        ("/hsds/services?modified_after=yesterday", "modified_after"),
        ("/hsds/services?lat=100&lon=0", "lat"),
        ("/hsds/services?near=Atlantisville", "near"),
    ] {
        let r = app.get(uri).await;
        assert_eq!(r.status, 400, "{uri}");
        let v = r.json();
        assert_eq!(v["errors"][0]["code"], "DIRECTORY-0004", "{uri}");
        assert!(
            v["errors"][0]["detail"]
                .as_str()
                .unwrap_or("")
                .contains(field),
            "{uri}: {v}"
        );
    }
    let r = app.get("/hsds/services?country=Spain").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["errors"][0]["code"], "DIRECTORY-0001");
    let r = app
        .get("/hsds/services/00000000-0000-0000-0000-000000000000")
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["errors"][0]["code"], "DIRECTORY-0006");
}

#[tokio::test]
async fn cors_is_open_for_get() {
    let app = TestApp::new().await;
    let r = app
        .get_with("/hsds/services", "origin", "https://example.org")
        .await;
    assert_eq!(r.header("access-control-allow-origin"), "*");
}
