use crate::support::TestApp;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.get("/readyz").await.status, 200);
    app.get("/en/").await;
    let m = app.get("/metrics").await;
    assert_eq!(m.status, 200);
    assert!(m.body.contains("harbour_http_requests_total"), "{}", m.body);
    assert!(m.body.contains("route=\"/{lang}/\""));
    assert!(m.body.contains("harbour_directory_services"));
}

#[tokio::test]
async fn openapi_documents_every_api_path() {
    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().expect("paths");
    for p in [
        "/hsds/",
        "/hsds/services",
        "/hsds/services/{id}",
        "/hsds/organizations",
        "/hsds/organizations/{id}",
        "/hsds/taxonomies",
        "/hsds/taxonomies/{id}",
        "/hsds/taxonomy_terms",
        "/hsds/taxonomy_terms/{id}",
        "/hsds/service_at_locations",
        "/hsds/service_at_locations/{id}",
        "/healthz",
        "/readyz",
        "/metrics",
        "/api/v1/rights/assessment",
        "/api/v1/cases",
        "/api/v1/cases/{id}",
        "/api/v1/cases/{id}/notes",
        "/api/v1/cases/{id}/assessments",
        "/api/v1/cases/search",
        "/api/v1/cases/{id}/history",
        "/api/v1/cases/{id}/plan",
        "/api/v1/cases/{id}/plan/{action}/done",
        "/api/v1/cases/{id}/consents",
        "/api/v1/cases/{id}/consents/{consent}/withdraw",
        "/api/v1/cases/{id}/assign",
        "/api/v1/cases/{id}/contacts",
        "/api/v1/cases/{id}/close",
        "/api/v1/cases/{id}/export",
    ] {
        assert!(paths.contains_key(p), "{p} undocumented");
    }
    // every documented public list path answers GET; the workspace's asks for credentials
    for (p, item) in paths
        .iter()
        .filter(|(p, i)| !p.contains('{') && i.get("get").is_some())
    {
        let status = app.get(p).await.status;
        if item["get"].get("security").is_some() {
            assert_eq!(status, 401, "{p}");
        } else {
            assert_eq!(status, 200, "{p}");
        }
    }
}

#[tokio::test]
async fn index_follows_writes_from_elsewhere() {
    let app = TestApp::new().await;
    let before = app
        .get("/hsds/services?search=Zebrastreifenhilfe")
        .await
        .json();
    assert_eq!(before["total_items"], 0);
    let org = r#"{"id":"f2000000-0000-4000-8000-000000000001","name":"Zebra","description":"d","services":[{"id":"f2000000-0000-4000-8000-000000000002","name":"Zebrastreifenhilfe","status":"active"}]}"#;
    let batch = harbour_domain::import::parse(org).expect("valid");
    harbour_db::directory::import(
        &app.db.db,
        &batch,
        harbour_db::directory::Origin::Edit,
        crate::support::monday_morning(),
    )
    .await
    .expect("import");
    app.state.sync().await.expect("sync");
    let after = app
        .get("/hsds/services?search=Zebrastreifenhilfe")
        .await
        .json();
    assert_eq!(after["total_items"], 1);
}
