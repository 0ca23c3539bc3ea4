//! Directory storage on the backend named by the environment (SQLite by default; PostgreSQL
//! when HARBOUR_TEST_POSTGRES_URL is set). The same bodies run on both.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use chrono::{TimeZone, Utc};
use harbour_db::directory::{self, Origin};
use harbour_db::testing::TestDb;
use harbour_domain::hsds::Organization;
use harbour_domain::import;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

fn seed() -> Vec<Organization> {
    let text = include_str!("../../../data/directory.json");
    serde_json::from_str(text).unwrap_or_default()
}

const ORG: &str = "0a4d55a8-d5cd-4a3c-9a6b-000000000001";

fn org_json(name: &str, services: &str) -> String {
    format!(r#"{{"id":"{ORG}","name":"{name}","description":"d","services":[{services}]}}"#)
}

fn svc(n: u32, name: &str) -> String {
    format!(
        r#"{{"id":"0a4d55a8-d5cd-4a3c-9a6b-1000000000{n:02}","name":"{name}","status":"active"}}"#
    )
}

#[tokio::test]
async fn seed_loads_once_and_restart_never_duplicates() {
    let t = TestDb::new().await.expect("test db");
    let orgs = seed();
    assert!(
        orgs.len() >= 100,
        "shipped directory has {} organizations",
        orgs.len()
    );
    let first = directory::load_seed(&t.db, &orgs, &[], now())
        .await
        .expect("seed");
    assert_eq!(first.organizations_inserted, orgs.len());
    let count = directory::organization_count(&t.db).await.expect("count");
    let second = directory::load_seed(&t.db, &orgs, &[], now())
        .await
        .expect("seed again");
    assert_eq!(second.organizations_inserted, 0);
    assert_eq!(second.organizations_unchanged, orgs.len());
    assert_eq!(
        directory::organization_count(&t.db).await.expect("count"),
        count
    );
}

#[tokio::test]
async fn seed_never_overwrites_a_local_edit_but_refreshes_untouched_records() {
    let t = TestDb::new().await.expect("test db");
    let mut orgs = seed();
    orgs.truncate(2);
    directory::load_seed(&t.db, &orgs, &[], now())
        .await
        .expect("seed");
    let (Some(a), Some(b)) = (orgs.first().cloned(), orgs.get(1).cloned()) else {
        panic!("two seed records")
    };

    // someone edits record a here
    let mut edited = a.clone();
    edited.name = "Edited locally".into();
    let batch = import::parse(&serde_json::to_string(&edited).expect("json")).expect("valid");
    directory::import(&t.db, &batch, Origin::Edit, now())
        .await
        .expect("edit");

    // a newer shipped seed changes both records
    let mut newer = orgs.clone();
    for o in &mut newer {
        o.description = format!("{} (updated seed)", o.description);
    }
    let r = directory::load_seed(&t.db, &newer, &[], now())
        .await
        .expect("seed");
    assert_eq!(r.organizations_updated, 1);
    let all = directory::all_organizations(&t.db).await.expect("all");
    let got_a = all.iter().find(|o| o.id == a.id).expect("a");
    let got_b = all.iter().find(|o| o.id == b.id).expect("b");
    assert_eq!(got_a.name, "Edited locally");
    assert!(!got_a.description.contains("updated seed"));
    assert!(got_b.description.ends_with("(updated seed)"));
}

#[tokio::test]
async fn invalid_batch_changes_nothing() {
    let t = TestDb::new().await.expect("test db");
    // an organization and a stand-alone service whose organization does not exist
    let text = format!(
        r#"[{}, {{"id":"0a4d55a8-d5cd-4a3c-9a6b-200000000001","organization_id":"0a4d55a8-d5cd-4a3c-9a6b-999999999999","name":"x","status":"active"}}]"#,
        org_json("Org", &svc(1, "S1"))
    );
    let batch = import::parse(&text).expect("valid shape");
    let e = directory::import(&t.db, &batch, Origin::Edit, now())
        .await
        .expect_err("must fail");
    assert!(e.to_string().contains("$[1].organization_id"), "{e}");
    assert_eq!(
        directory::organization_count(&t.db).await.expect("count"),
        0
    );
    assert_eq!(directory::service_count(&t.db).await.expect("count"), 0);
}

#[tokio::test]
async fn change_feed_reports_writes_and_removals() {
    let t = TestDb::new().await.expect("test db");
    let v0 = directory::current_version(&t.db).await.expect("v");
    let both = import::parse(&org_json(
        "Org",
        &format!("{},{}", svc(1, "S1"), svc(2, "S2")),
    ))
    .expect("valid");
    directory::import(&t.db, &both, Origin::Edit, now())
        .await
        .expect("import");
    let c = directory::changes_since(&t.db, v0).await.expect("changes");
    assert_eq!(c.services.len(), 2);
    assert!(c.version > v0);

    let one = import::parse(&org_json("Org", &svc(1, "S1 renamed"))).expect("valid");
    directory::import(&t.db, &one, Origin::Edit, now())
        .await
        .expect("import");
    let c2 = directory::changes_since(&t.db, c.version)
        .await
        .expect("changes");
    assert_eq!(c2.services.len(), 1);
    assert_eq!(
        c2.services.first().map(|s| s.service.name.as_str()),
        Some("S1 renamed")
    );
    assert_eq!(c2.removed.len(), 1);
    assert_eq!(directory::service_count(&t.db).await.expect("count"), 1);
}

#[tokio::test]
async fn stand_alone_service_joins_an_existing_organization() {
    let t = TestDb::new().await.expect("test db");
    directory::import(
        &t.db,
        &import::parse(&org_json("Org", &svc(1, "S1"))).expect("valid"),
        Origin::Edit,
        now(),
    )
    .await
    .expect("org");
    let s = format!(
        r#"{{"id":"0a4d55a8-d5cd-4a3c-9a6b-100000000009","organization_id":"{ORG}","name":"Extra","status":"active"}}"#
    );
    directory::import(
        &t.db,
        &import::parse(&s).expect("valid"),
        Origin::Edit,
        now(),
    )
    .await
    .expect("service");
    let all = directory::all_organizations(&t.db).await.expect("all");
    assert_eq!(all.first().map(|o| o.services.len()), Some(2));
}
