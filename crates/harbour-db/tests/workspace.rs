//! The workspace's data layer on the backend named by the environment (SQLite by default,
//! PostgreSQL when HARBOUR_TEST_POSTGRES_URL is set): encryption canaries, keyed search,
//! authorisation, the audit chain and tampering, key rotation.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use chrono::{TimeZone, Utc};
use harbour_db::crypto::MasterKey;
use harbour_db::testing::TestDb;
use harbour_db::workspace::{self, Actor, Duplicate, Intake, WorkspaceError};
use harbour_db::Backend;
use harbour_domain::workspace::Role;
use sqlx::Row;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
}

const CANARIES: [&str; 12] = [
    "CanaryPseudonymQx7",
    "Canary Fullname Zw3",
    "canary.contact.k9@example.org",
    "CanarySafeContactNoMessagesV2",
    "CanaryNarrativeTheNightOfJ4",
    "CanaryAssessmentNotesP5",
    "CanaryCaseNoteM8",
    "CanaryPlanActionR2",
    "CanaryConsentScopeT6",
    "CanarySafeTimesW1",
    "CanaryCrimeRegionB4",
    "CanaryContactSummaryN7",
];

async fn fill(w: &World, actor: &Actor, case_id: &str) {
    workspace::add_assessment(
        &w.t.db,
        &w.mk,
        actor,
        case_id,
        harbour_domain::workspace::NeedsAssessment {
            characteristics: vec!["language".into()],
            notes: CANARIES[5].into(),
            ..Default::default()
        },
        now(),
    )
    .await
    .unwrap();
    workspace::add_note(&w.t.db, &w.mk, actor, case_id, CANARIES[6], now())
        .await
        .unwrap();
    workspace::add_action(
        &w.t.db,
        &w.mk,
        actor,
        case_id,
        "legal",
        CANARIES[7],
        None,
        None,
        now(),
    )
    .await
    .unwrap();
    workspace::record_consent(
        &w.t.db,
        &w.mk,
        actor,
        case_id,
        "referral",
        Some(CANARIES[8]),
        now().date_naive(),
        now(),
    )
    .await
    .unwrap();
    workspace::add_contact(
        &w.t.db,
        &w.mk,
        actor,
        case_id,
        now().naive_utc() - chrono::Duration::hours(1),
        "sms",
        "outgoing",
        "reached",
        Some(CANARIES[11]),
        now(),
    )
    .await
    .unwrap();
}

fn canary_intake() -> Intake {
    Intake {
        pseudonym: CANARIES[0].into(),
        name: Some(CANARIES[1].into()),
        contact: Some(CANARIES[2].into()),
        safe_contact: Some(CANARIES[3].into()),
        narrative: Some(CANARIES[4].into()),
        crime_kind: Some("assault".into()),
        crime_country: Some("ES".into()),
        child: false,
        details: harbour_domain::workspace::CaseDetails {
            safe_channels: vec!["sms".into()],
            safe_times: CANARIES[9].into(),
            no_messages: true,
            crime_region: CANARIES[10].into(),
            languages: vec!["pl".into()],
            interpreter: true,
            ..Default::default()
        },
    }
}

struct World {
    t: TestDb,
    mk: MasterKey,
    org_a: String,
    org_b: String,
}

async fn person(w: &World, org: &str, role: Role, email: &str) -> Actor {
    let token = workspace::invite(&w.t.db, org, role, email, None, now())
        .await
        .unwrap();
    let id = workspace::accept_invitation(&w.t.db, &token, "correct horse battery", now())
        .await
        .unwrap();
    workspace::actor(&w.t.db, &id).await.unwrap()
}

async fn world() -> World {
    let t = TestDb::new().await.unwrap();
    let mk = MasterKey::generate();
    let org_a = workspace::create_organization(&t.db, &mk, "Org A", "ES", None, now())
        .await
        .unwrap();
    let org_b = workspace::create_organization(&t.db, &mk, "Org B", "PL", None, now())
        .await
        .unwrap();
    World {
        t,
        mk,
        org_a,
        org_b,
    }
}

/// Everything the database holds, as text: the SQLite file and its WAL, or on PostgreSQL every
/// row of every workspace table.
async fn everything_stored(w: &World) -> String {
    match w.t.db.backend() {
        Backend::Sqlite => {
            let path = w.t.url.trim_start_matches("sqlite://").to_string();
            let mut out = Vec::new();
            for p in [path.clone(), format!("{path}-wal")] {
                if let Ok(b) = std::fs::read(&p) {
                    out.extend(b);
                }
            }
            String::from_utf8_lossy(&out).into_owned()
        }
        Backend::Postgres => {
            let mut out = String::new();
            for table in [
                "cases",
                "audit_log",
                "org_keys",
                "users",
                "invitations",
                "memberships",
                "ws_organizations",
                "case_assessments",
                "case_notes",
                "case_actions",
                "consents",
            ] {
                let rows = sqlx::query(&format!("SELECT row_to_json(t)::text AS j FROM {table} t"))
                    .fetch_all(w.t.db.pool())
                    .await
                    .unwrap();
                for r in rows {
                    out.push_str(&r.try_get::<String, _>("j").unwrap());
                }
            }
            out
        }
    }
}

#[tokio::test]
async fn sensitive_fields_never_reach_the_database_in_clear() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let created = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    fill(&w, &cw, &created.id).await;
    let a = workspace::assessments(&w.t.db, &w.mk, &cw, &created.id, now())
        .await
        .unwrap();
    assert_eq!(a[0].answers.notes, CANARIES[5]);
    let n = workspace::notes(&w.t.db, &w.mk, &cw, &created.id, now())
        .await
        .unwrap();
    assert_eq!(n[0].body, CANARIES[6]);
    // the caseworker reads it back in clear
    let case = workspace::read_case(&w.t.db, &w.mk, &cw, &created.id, now())
        .await
        .unwrap();
    assert_eq!(case.intake.pseudonym, CANARIES[0]);
    assert_eq!(case.intake.narrative.as_deref(), Some(CANARIES[4]));
    assert_eq!(case.intake.details.safe_times, CANARIES[9]);
    assert_eq!(case.intake.details.crime_region, CANARIES[10]);
    assert!(case.intake.details.no_messages);
    // checkpoint nothing: the WAL is scanned as it is
    let stored = everything_stored(&w).await;
    assert!(stored.len() > 1000, "nothing was read from the database");
    for c in CANARIES {
        assert!(!stored.contains(c), "{c} is stored in clear");
        assert!(
            !stored.to_lowercase().contains(&c.to_lowercase()),
            "{c} is stored in clear (case folded)"
        );
    }
    // the master key is not in the database either
    assert!(!stored.contains(&w.mk.encoded()));
    // subject access: the export holds every one of them, in clear, for the person
    let export = workspace::export_case(&w.t.db, &w.mk, &cw, &created.id, now())
        .await
        .unwrap()
        .to_string();
    for c in CANARIES {
        assert!(
            export.contains(c),
            "{c} missing from the subject-access export"
        );
    }
}

#[tokio::test]
async fn a_ciphertext_moved_to_another_case_does_not_open() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Supervisor, "sv@example.org").await;
    let a = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let mut other = canary_intake();
    other.pseudonym = "Someone else".into();
    let b = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &other, now())
        .await
        .unwrap();
    let sealed: String = sqlx::query("SELECT narrative_enc FROM cases WHERE id = $1")
        .bind(&a.id)
        .fetch_one(w.t.db.pool())
        .await
        .unwrap()
        .try_get("narrative_enc")
        .unwrap();
    sqlx::query("UPDATE cases SET narrative_enc = $1 WHERE id = $2")
        .bind(&sealed)
        .bind(&b.id)
        .execute(w.t.db.pool())
        .await
        .unwrap();
    let r = workspace::read_case(&w.t.db, &w.mk, &cw, &b.id, now()).await;
    assert!(matches!(r, Err(WorkspaceError::Crypto(_))), "{:?}", r.err());
    // and with another master key nothing opens
    let r = workspace::read_case(&w.t.db, &MasterKey::generate(), &cw, &a.id, now()).await;
    assert!(r.is_err());
}

#[tokio::test]
async fn search_by_name_uses_a_keyed_hash_and_warns_of_duplicates_without_showing_them() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let cw2 = person(&w, &w.org_a, Role::Caseworker, "cw2@example.org").await;
    let first = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    assert!(first.duplicates.is_empty());
    let found = workspace::find_cases(&w.t.db, &w.mk, &cw, &w.org_a, "canary  FULLNAME zw3", now())
        .await
        .unwrap();
    assert_eq!(found, vec![first.id.clone()]);
    // the same person again: the author sees which case, another caseworker only that one exists
    let again = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    assert_eq!(again.duplicates, vec![Duplicate::Visible(first.id.clone())]);
    let third = workspace::create_case(&w.t.db, &w.mk, &cw2, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    assert_eq!(third.duplicates, vec![Duplicate::Hidden, Duplicate::Hidden]);
    // another organisation's search finds nothing and cannot read
    let other = person(&w, &w.org_b, Role::OrgAdmin, "admin-b@example.org").await;
    let none = workspace::find_cases(&w.t.db, &w.mk, &other, &w.org_b, CANARIES[1], now())
        .await
        .unwrap();
    assert!(none.is_empty());
    assert!(matches!(
        workspace::find_cases(&w.t.db, &w.mk, &other, &w.org_a, CANARIES[1], now()).await,
        Err(WorkspaceError::Forbidden)
    ));
}

#[tokio::test]
async fn who_may_read_a_case_every_role_own_and_other_organisation() {
    let w = world().await;
    let author = person(&w, &w.org_a, Role::Caseworker, "author@example.org").await;
    let case = workspace::create_case(&w.t.db, &w.mk, &author, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    for role in Role::ALL {
        for (org, own) in [(w.org_a.clone(), true), (w.org_b.clone(), false)] {
            let p = person(&w, &org, role, &format!("{role}-{own}@example.org")).await;
            let r = workspace::read_case(&w.t.db, &w.mk, &p, &case.id, now()).await;
            // assigned to its author: only supervisors and admins of org A besides them
            let want = own && matches!(role, Role::Supervisor | Role::OrgAdmin);
            assert_eq!(r.is_ok(), want, "{role} own={own}");
            if !want {
                assert!(
                    matches!(r, Err(WorkspaceError::NotFound)),
                    "{role} own={own}"
                );
            }
        }
    }
    // refused reads are audited too
    let denied =
        sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.read.denied'")
            .fetch_one(w.t.db.pool())
            .await
            .unwrap()
            .try_get::<i64, _>("n")
            .unwrap();
    assert_eq!(denied, 10);
    // a volunteer cannot create cases; a referral contact can
    let vol = person(&w, &w.org_a, Role::Volunteer, "vol@example.org").await;
    assert!(matches!(
        workspace::create_case(&w.t.db, &w.mk, &vol, &w.org_a, &canary_intake(), now()).await,
        Err(WorkspaceError::Forbidden)
    ));
}

#[tokio::test]
async fn every_read_and_write_is_in_the_chain_and_tampering_is_detected() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    for _ in 0..3 {
        let c = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
            .await
            .unwrap();
        workspace::read_case(&w.t.db, &w.mk, &cw, &c.id, now())
            .await
            .unwrap();
    }
    let n = workspace::verify_audit(&w.t.db).await.unwrap().unwrap();
    // 2 organisations, 1 invitation, 1 grant, 3 creates, 3 reads
    assert_eq!(n, 10);
    let log = sqlx::query("SELECT action, detail FROM audit_log ORDER BY seq")
        .fetch_all(w.t.db.pool())
        .await
        .unwrap();
    let actions: Vec<String> = log.iter().map(|r| r.try_get("action").unwrap()).collect();
    assert_eq!(actions.iter().filter(|a| *a == "case.read").count(), 3);
    assert_eq!(actions.iter().filter(|a| *a == "case.create").count(), 3);
    // nothing personal in the log
    for r in &log {
        let d: String = r.try_get("detail").unwrap();
        assert!(CANARIES.iter().all(|c| !d.contains(c)));
    }
    // admins of org A read org A's log; a caseworker may not
    let admin = person(&w, &w.org_a, Role::OrgAdmin, "admin@example.org").await;
    assert!(!workspace::audit_log(&w.t.db, &admin, &w.org_a, 50)
        .await
        .unwrap()
        .is_empty());
    assert!(workspace::audit_log(&w.t.db, &cw, &w.org_a, 50)
        .await
        .is_err());
    let seq_total = workspace::verify_audit(&w.t.db).await.unwrap().unwrap();

    // altered
    sqlx::query("UPDATE audit_log SET action = 'case.create' WHERE seq = 6")
        .execute(w.t.db.pool())
        .await
        .unwrap();
    let broken = workspace::verify_audit(&w.t.db).await.unwrap().unwrap_err();
    assert_eq!(broken.seq, 6);
    assert!(broken.reason.contains("altered"));
    sqlx::query("UPDATE audit_log SET action = 'case.read' WHERE seq = 6")
        .execute(w.t.db.pool())
        .await
        .unwrap();
    assert_eq!(
        workspace::verify_audit(&w.t.db).await.unwrap(),
        Ok(seq_total)
    );

    // reordered: two rows swap their contents
    let row = |seq: i64| {
        let pool = w.t.db.pool().clone();
        async move {
            let r = sqlx::query("SELECT at, actor, action, target_id, prev_hash, hash FROM audit_log WHERE seq = $1")
                .bind(seq)
                .fetch_one(&pool)
                .await
                .unwrap();
            (
                r.try_get::<String, _>("action").unwrap(),
                r.try_get::<Option<String>, _>("target_id").unwrap(),
                r.try_get::<String, _>("prev_hash").unwrap(),
                r.try_get::<String, _>("hash").unwrap(),
            )
        }
    };
    let (a5, t5, p5, h5) = row(5).await;
    let (a6, t6, p6, h6) = row(6).await;
    for (seq, (a, t, p, h)) in [(5, (&a6, &t6, &p6, &h6)), (6, (&a5, &t5, &p5, &h5))] {
        sqlx::query("UPDATE audit_log SET action = $1, target_id = $2, prev_hash = $3, hash = $4 WHERE seq = $5")
            .bind(a)
            .bind(t)
            .bind(p)
            .bind(h)
            .bind(seq)
            .execute(w.t.db.pool())
            .await
            .unwrap();
    }
    let broken = workspace::verify_audit(&w.t.db).await.unwrap().unwrap_err();
    assert_eq!(broken.seq, 5, "{broken:?}");
    for (seq, (a, t, p, h)) in [(5, (&a5, &t5, &p5, &h5)), (6, (&a6, &t6, &p6, &h6))] {
        sqlx::query("UPDATE audit_log SET action = $1, target_id = $2, prev_hash = $3, hash = $4 WHERE seq = $5")
            .bind(a)
            .bind(t)
            .bind(p)
            .bind(h)
            .bind(seq)
            .execute(w.t.db.pool())
            .await
            .unwrap();
    }
    assert_eq!(
        workspace::verify_audit(&w.t.db).await.unwrap(),
        Ok(seq_total)
    );

    // removed from the middle
    sqlx::query("DELETE FROM audit_log WHERE seq = 4")
        .execute(w.t.db.pool())
        .await
        .unwrap();
    let broken = workspace::verify_audit(&w.t.db).await.unwrap().unwrap_err();
    assert_eq!(broken.seq, 5);
}

#[tokio::test]
async fn removing_the_newest_audit_rows_is_detected() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let n = workspace::verify_audit(&w.t.db).await.unwrap().unwrap();
    sqlx::query("DELETE FROM audit_log WHERE seq = $1")
        .bind(n)
        .execute(w.t.db.pool())
        .await
        .unwrap();
    let broken = workspace::verify_audit(&w.t.db).await.unwrap().unwrap_err();
    assert!(broken.reason.contains("end"), "{broken:?}");
}

#[tokio::test]
async fn key_rotation_re_encrypts_everything_and_destroys_the_old_key() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let id = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
            .await
            .unwrap()
            .id;
        fill(&w, &cw, &id).await;
        ids.push(id);
    }
    let key_of = |id: String| {
        let pool = w.t.db.pool().clone();
        async move {
            let s: String = sqlx::query("SELECT narrative_enc FROM cases WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap()
                .try_get("narrative_enc")
                .unwrap();
            harbour_db::crypto::key_id_of(&s).unwrap().to_string()
        }
    };
    let before = key_of(ids[0].clone()).await;
    let report = workspace::rotate_keys(&w.t.db, &w.mk, now()).await.unwrap();
    assert_eq!(report.organizations, 2);
    // 6 case fields, 1 assessment, 1 note, 1 plan action, 1 consent and 1 contact for each
    // of 3 cases
    assert_eq!(report.fields, 33);
    assert_eq!(report.keys_destroyed, 2);
    let after = key_of(ids[0].clone()).await;
    assert_ne!(before, after);
    for id in &ids {
        let c = workspace::read_case(&w.t.db, &w.mk, &cw, id, now())
            .await
            .unwrap();
        assert_eq!(c.intake.safe_contact.as_deref(), Some(CANARIES[3]));
        assert_eq!(key_of(id.clone()).await, after);
        let a = workspace::assessments(&w.t.db, &w.mk, &cw, id, now())
            .await
            .unwrap();
        assert_eq!(a[0].answers.notes, CANARIES[5]);
        let n = workspace::notes(&w.t.db, &w.mk, &cw, id, now())
            .await
            .unwrap();
        assert_eq!(n[0].body, CANARIES[6]);
        let p = workspace::plan(&w.t.db, &w.mk, &cw, id, now())
            .await
            .unwrap();
        assert_eq!(p[0].action, CANARIES[7]);
        let c = workspace::consents(&w.t.db, &w.mk, &cw, id, now())
            .await
            .unwrap();
        assert_eq!(c[0].scope.as_deref(), Some(CANARIES[8]));
    }
    // the old key is gone
    let old = sqlx::query("SELECT COUNT(*) AS n FROM org_keys WHERE id = $1")
        .bind(&before)
        .fetch_one(w.t.db.pool())
        .await
        .unwrap()
        .try_get::<i64, _>("n")
        .unwrap();
    assert_eq!(old, 0);
    // search still works (the index key is not rotated) and the chain is intact
    assert_eq!(
        workspace::find_cases(&w.t.db, &w.mk, &cw, &w.org_a, CANARIES[0], now())
            .await
            .unwrap()
            .len(),
        3
    );
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

#[tokio::test]
async fn invitations_work_once_and_passwords_are_checked_uniformly() {
    let w = world().await;
    let token = workspace::invite(
        &w.t.db,
        &w.org_a,
        Role::Caseworker,
        "New@Example.org",
        None,
        now(),
    )
    .await
    .unwrap();
    assert!(matches!(
        workspace::accept_invitation(&w.t.db, &token, "short", now()).await,
        Err(WorkspaceError::Invalid { .. })
    ));
    let id = workspace::accept_invitation(&w.t.db, &token, "a long enough passphrase", now())
        .await
        .unwrap();
    assert!(matches!(
        workspace::accept_invitation(&w.t.db, &token, "a long enough passphrase", now()).await,
        Err(WorkspaceError::Invitation)
    ));
    // expired
    let old = workspace::invite(
        &w.t.db,
        &w.org_a,
        Role::Volunteer,
        "late@example.org",
        None,
        now(),
    )
    .await
    .unwrap();
    let later = now() + chrono::Duration::days(8);
    assert!(matches!(
        workspace::accept_invitation(&w.t.db, &old, "a long enough passphrase", later).await,
        Err(WorkspaceError::Invitation)
    ));
    assert_eq!(
        workspace::check_password(&w.t.db, "new@example.org", "a long enough passphrase")
            .await
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        workspace::check_password(&w.t.db, "new@example.org", "wrong passphrase!!")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        workspace::check_password(&w.t.db, "nobody@example.org", "a long enough passphrase")
            .await
            .unwrap(),
        None
    );
    // the password hash is argon2id, not the password
    let h: String = sqlx::query("SELECT password_hash FROM users WHERE email = 'new@example.org'")
        .fetch_one(w.t.db.pool())
        .await
        .unwrap()
        .try_get("password_hash")
        .unwrap();
    assert!(h.starts_with("$argon2id$"));
    // the invitation token is stored only as a hash
    let stored = everything_stored(&w).await;
    assert!(!stored.contains(&token));
    assert!(workspace::invite(
        &w.t.db,
        &w.org_a,
        Role::Volunteer,
        "not an address",
        None,
        now()
    )
    .await
    .is_err());
}

#[tokio::test]
async fn a_re_assessment_is_a_new_version_and_earlier_ones_stay_readable() {
    use harbour_domain::workspace::NeedsAssessment;
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let case = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let first = NeedsAssessment {
        risk: Some("medium".into()),
        support: [("safety".to_string(), "some".to_string())].into(),
        ..Default::default()
    };
    let second = NeedsAssessment {
        risk: Some("high".into()),
        measures: vec!["remote_hearing".into()],
        ..first.clone()
    };
    assert_eq!(
        workspace::add_assessment(&w.t.db, &w.mk, &cw, &case.id, first.clone(), now())
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        workspace::add_assessment(&w.t.db, &w.mk, &cw, &case.id, second.clone(), now())
            .await
            .unwrap(),
        2
    );
    let all = workspace::assessments(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].answers, first);
    assert_eq!(all[1].answers.diff(&all[0].answers).len(), 2);
    // unknown values are refused and change nothing
    let bad = NeedsAssessment {
        measures: vec!["nonsense".into()],
        ..Default::default()
    };
    assert!(matches!(
        workspace::add_assessment(&w.t.db, &w.mk, &cw, &case.id, bad, now()).await,
        Err(WorkspaceError::Invalid { .. })
    ));
    assert_eq!(
        workspace::assessments(&w.t.db, &w.mk, &cw, &case.id, now())
            .await
            .unwrap()
            .len(),
        2
    );
    // another organisation can neither read nor add
    let other = person(&w, &w.org_b, Role::OrgAdmin, "b@example.org").await;
    assert!(
        workspace::assessments(&w.t.db, &w.mk, &other, &case.id, now())
            .await
            .is_err()
    );
    assert!(
        workspace::add_note(&w.t.db, &w.mk, &other, &case.id, "x", now())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn assignment_follows_training_and_says_why_not() {
    use harbour_db::workspace::AssignError;
    use harbour_domain::workspace::NotAssignable;
    let w = world().await;
    let sv = person(&w, &w.org_a, Role::Supervisor, "sv@example.org").await;
    let vol = person(&w, &w.org_a, Role::Volunteer, "vol@example.org").await;
    let mut intake = canary_intake();
    intake.crime_kind = Some("sexual_violence".into());
    let case = workspace::create_case(&w.t.db, &w.mk, &sv, &w.org_a, &intake, now())
        .await
        .unwrap();
    let assign = || workspace::assign_case(&w.t.db, &sv, &case.id, &vol.user_id, now());
    assert!(matches!(
        assign().await,
        Err(AssignError::NotAssignable(NotAssignable::Missing("basic")))
    ));
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // basic training that lapsed: suspended, with the date
    workspace::record_training(
        &w.t.db,
        &sv,
        &w.org_a,
        &vol.user_id,
        "basic",
        d("2024-01-10"),
        Some(d("2025-01-10")),
        Some("cert 12"),
        now(),
    )
    .await
    .unwrap();
    assert!(matches!(
        assign().await,
        Err(AssignError::NotAssignable(NotAssignable::Lapsed(
            "basic",
            _
        )))
    ));
    workspace::record_training(
        &w.t.db,
        &sv,
        &w.org_a,
        &vol.user_id,
        "basic",
        d("2026-01-10"),
        Some(d("2028-01-10")),
        None,
        now(),
    )
    .await
    .unwrap();
    // a sexual-violence case needs the specialist course
    assert!(matches!(
        assign().await,
        Err(AssignError::NotAssignable(NotAssignable::Missing(
            "sexual_violence"
        )))
    ));
    workspace::record_training(
        &w.t.db,
        &sv,
        &w.org_a,
        &vol.user_id,
        "sexual_violence",
        d("2026-02-01"),
        None,
        None,
        now(),
    )
    .await
    .unwrap();
    assign().await.unwrap();
    // now the volunteer can read it; before, they could not
    assert!(workspace::read_case(&w.t.db, &w.mk, &vol, &case.id, now())
        .await
        .is_ok());
    // only supervisors and admins record training and assign
    assert!(matches!(
        workspace::record_training(
            &w.t.db,
            &vol,
            &w.org_a,
            &vol.user_id,
            "basic",
            d("2026-01-10"),
            None,
            None,
            now()
        )
        .await,
        Err(WorkspaceError::Forbidden)
    ));
    assert!(
        workspace::assign_case(&w.t.db, &vol, &case.id, &vol.user_id, now())
            .await
            .is_err()
    );
    let members = workspace::members(&w.t.db, &sv, &w.org_a).await.unwrap();
    assert_eq!(members.len(), 2);
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

#[tokio::test]
async fn retention_purges_closed_cases_for_real_and_shreds_them_in_backups() {
    let w = world().await;
    let admin = person(&w, &w.org_a, Role::OrgAdmin, "admin@example.org").await;
    let old_case =
        workspace::create_case(&w.t.db, &w.mk, &admin, &w.org_a, &canary_intake(), now())
            .await
            .unwrap();
    fill(&w, &admin, &old_case.id).await;
    let recent = workspace::create_case(&w.t.db, &w.mk, &admin, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let open = workspace::create_case(&w.t.db, &w.mk, &admin, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let months_ago = |m: u32| now().checked_sub_months(chrono::Months::new(m)).unwrap();
    assert!(
        workspace::close_case(&w.t.db, &admin, &old_case.id, "nonsense", now())
            .await
            .is_err()
    );
    workspace::close_case(
        &w.t.db,
        &admin,
        &old_case.id,
        "support_completed",
        months_ago(7),
    )
    .await
    .unwrap();
    workspace::close_case(&w.t.db, &admin, &recent.id, "referred", months_ago(1))
        .await
        .unwrap();
    // a caseworker may not set the policy
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    assert!(
        workspace::set_retention(&w.t.db, Some(&cw), &w.org_a, Some(6), now())
            .await
            .is_err()
    );
    workspace::set_retention(&w.t.db, Some(&admin), &w.org_a, Some(6), now())
        .await
        .unwrap();
    // "backup": the sealed narrative and the wrapped key as they are now
    let backup_value: String = sqlx::query("SELECT narrative_enc FROM cases WHERE id = $1")
        .bind(&old_case.id)
        .fetch_one(w.t.db.pool())
        .await
        .unwrap()
        .try_get("narrative_enc")
        .unwrap();
    let backup_key_id = harbour_db::crypto::key_id_of(&backup_value)
        .unwrap()
        .to_string();
    let backup_wrapped: String = sqlx::query("SELECT wrapped FROM org_keys WHERE id = $1")
        .bind(&backup_key_id)
        .fetch_one(w.t.db.pool())
        .await
        .unwrap()
        .try_get("wrapped")
        .unwrap();
    // the job runs once when due, not twice
    let ran = workspace::run_job_if_due(
        &w.t.db,
        "retention",
        chrono::Duration::days(1),
        now(),
        || async {
            workspace::purge_expired(&w.t.db, &w.mk, now())
                .await
                .map(|p| format!("cases={}", p.cases))
        },
    )
    .await
    .unwrap();
    assert!(ran);
    let again = workspace::run_job_if_due(
        &w.t.db,
        "retention",
        chrono::Duration::days(1),
        now(),
        || async { Ok("should not run".to_string()) },
    )
    .await
    .unwrap();
    assert!(!again);
    // deleted for real: the case, its assessment and its note
    for (table, col) in [
        ("cases", "id"),
        ("case_assessments", "case_id"),
        ("case_notes", "case_id"),
    ] {
        let n: i64 =
            sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table} WHERE {col} = $1"))
                .bind(&old_case.id)
                .fetch_one(w.t.db.pool())
                .await
                .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert!(
        workspace::read_case(&w.t.db, &w.mk, &admin, &recent.id, now())
            .await
            .is_ok()
    );
    assert!(
        workspace::read_case(&w.t.db, &w.mk, &admin, &open.id, now())
            .await
            .is_ok()
    );
    // the data key of the backup copy is gone from the live database…
    let n: i64 = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM org_keys WHERE id = $1")
        .bind(&backup_key_id)
        .fetch_one(w.t.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
    // …and once the master key is rotated, the backup's wrapped key opens with nothing left
    let new_master = MasterKey::generate();
    workspace::rotate_master_key(&w.t.db, &w.mk, &new_master, now())
        .await
        .unwrap();
    assert!(new_master
        .unwrap(&w.org_a, &backup_key_id, &backup_wrapped)
        .is_err());
    // the live data still opens with the new master key
    assert!(
        workspace::read_case(&w.t.db, &new_master, &admin, &recent.id, now())
            .await
            .is_ok()
    );
    // erasure on request: real deletion, admins only, audited
    assert!(workspace::erase_case(&w.t.db, &cw, &recent.id, now())
        .await
        .is_err());
    let export = workspace::export_case(&w.t.db, &new_master, &admin, &recent.id, now())
        .await
        .unwrap();
    assert_eq!(export["narrative"], CANARIES[4]);
    assert!(export["processing_record"].as_array().unwrap().len() >= 2);
    workspace::erase_case(&w.t.db, &admin, &recent.id, now())
        .await
        .unwrap();
    assert!(
        workspace::read_case(&w.t.db, &new_master, &admin, &recent.id, now())
            .await
            .is_err()
    );
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

#[tokio::test]
async fn support_plan_with_due_work_and_a_consent_ledger() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let case = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    workspace::add_action(
        &w.t.db,
        &w.mk,
        &cw,
        &case.id,
        "legal",
        "Explain the compensation form",
        Some(&cw.user_id),
        Some(d("2026-11-20")),
        now(),
    )
    .await
    .unwrap();
    workspace::add_action(
        &w.t.db,
        &w.mk,
        &cw,
        &case.id,
        "housing",
        "Call the shelter",
        Some(&cw.user_id),
        Some(d("2026-12-05")),
        now(),
    )
    .await
    .unwrap();
    assert!(workspace::add_action(
        &w.t.db,
        &w.mk,
        &cw,
        &case.id,
        "astrology",
        "x",
        None,
        None,
        now()
    )
    .await
    .is_err());
    let due = workspace::my_due_actions(&w.t.db, &cw, now())
        .await
        .unwrap();
    assert_eq!(due.len(), 2);
    assert!(due[0].overdue && !due[1].overdue);
    let plan = workspace::plan(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(plan[0].action, "Explain the compensation form");
    workspace::complete_action(&w.t.db, &cw, &case.id, &plan[0].id, now())
        .await
        .unwrap();
    assert_eq!(
        workspace::my_due_actions(&w.t.db, &cw, now())
            .await
            .unwrap()
            .len(),
        1
    );
    // consent: recorded, read, withdrawn (the record stays, with its date)
    workspace::record_consent(
        &w.t.db,
        &w.mk,
        &cw,
        &case.id,
        "referral",
        Some("Referral to the Polish service only"),
        d("2026-11-27"),
        now(),
    )
    .await
    .unwrap();
    assert!(workspace::record_consent(
        &w.t.db,
        &w.mk,
        &cw,
        &case.id,
        "marketing",
        None,
        d("2026-11-27"),
        now()
    )
    .await
    .is_err());
    let c = workspace::consents(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(
        c[0].scope.as_deref(),
        Some("Referral to the Polish service only")
    );
    workspace::withdraw_consent(&w.t.db, &cw, &case.id, &c[0].id, now())
        .await
        .unwrap();
    let c = workspace::consents(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(c[0].withdrawn_on.as_deref(), Some("2026-11-28"));
    // sealed at rest
    let stored = everything_stored(&w).await;
    assert!(!stored.contains("Call the shelter"));
    assert!(!stored.contains("Polish service only"));
    // another organisation cannot see the plan
    let other = person(&w, &w.org_b, Role::OrgAdmin, "b@example.org").await;
    assert!(workspace::plan(&w.t.db, &w.mk, &other, &case.id, now())
        .await
        .is_err());
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

/// Statistics are counts only: right for the period, for managers only, and no canary of any
/// sensitive field reaches them (they are the export meant to leave the organisation).
#[tokio::test]
async fn statistics_count_the_casework_and_carry_nothing_personal() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let sup = person(&w, &w.org_a, Role::Supervisor, "sup@example.org").await;
    let mut child = canary_intake();
    child.child = true;
    child.crime_kind = Some("sexual_violence".into());
    child.crime_country = Some("PL".into());
    let a = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    fill(&w, &cw, &a.id).await;
    let b = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &child, now())
        .await
        .unwrap();
    workspace::close_case(&w.t.db, &cw, &b.id, "referred", now())
        .await
        .unwrap();
    // another organisation's case is not counted
    let other = person(&w, &w.org_b, Role::Caseworker, "b@example.org").await;
    workspace::create_case(&w.t.db, &w.mk, &other, &w.org_b, &canary_intake(), now())
        .await
        .unwrap();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let st = workspace::statistics(
        &w.t.db,
        &sup,
        &w.org_a,
        d("2026-11-01"),
        d("2026-11-30"),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(st.get("opened", "total"), 2);
    assert_eq!(st.get("opened", "child_victim"), 1);
    assert_eq!(st.get("opened_by_month", "2026-11"), 2);
    assert_eq!(st.get("opened_by_crime_kind", "assault"), 1);
    assert_eq!(st.get("opened_by_crime_kind", "sexual_violence"), 1);
    assert_eq!(st.get("opened_by_crime_country", "ES"), 1);
    assert_eq!(st.get("opened_by_crime_country", "PL"), 1);
    assert_eq!(st.get("closed", "total"), 1);
    assert_eq!(st.get("closed_by_outcome", "referred"), 1);
    assert_eq!(st.get("open_now", "total"), 1);
    assert_eq!(st.get("assessments_recorded", "total"), 1);
    // a period before any of it: nothing
    let empty = workspace::statistics(
        &w.t.db,
        &sup,
        &w.org_a,
        d("2025-01-01"),
        d("2025-12-31"),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(empty.get("opened", "total"), 0);
    // no canary in the report, in any case
    let csv = st.to_csv();
    assert!(csv.starts_with("dimension,value,count\n"));
    let json = serde_json::to_string(&st).unwrap();
    for c in CANARIES {
        for out in [&csv, &json] {
            assert!(
                !out.to_lowercase().contains(&c.to_lowercase()),
                "{c} in the report"
            );
        }
    }
    // caseworkers and other organisations' managers may not; a reversed period is refused
    assert!(matches!(
        workspace::statistics(
            &w.t.db,
            &cw,
            &w.org_a,
            d("2026-11-01"),
            d("2026-11-30"),
            now()
        )
        .await,
        Err(WorkspaceError::Forbidden)
    ));
    let sup_b = person(&w, &w.org_b, Role::Supervisor, "supb@example.org").await;
    assert!(matches!(
        workspace::statistics(
            &w.t.db,
            &sup_b,
            &w.org_a,
            d("2026-11-01"),
            d("2026-11-30"),
            now()
        )
        .await,
        Err(WorkspaceError::Forbidden)
    ));
    assert!(matches!(
        workspace::statistics(
            &w.t.db,
            &sup,
            &w.org_a,
            d("2026-11-30"),
            d("2026-11-01"),
            now()
        )
        .await,
        Err(WorkspaceError::Invalid { .. })
    ));
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

/// Intake can be corrected later: the new values are sealed, the name search follows the new
/// name, the audit names the changed fields and never their values; bad input changes nothing.
#[tokio::test]
async fn the_intake_can_be_updated_and_the_audit_names_fields_only() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let vol = person(&w, &w.org_a, Role::Volunteer, "vol@example.org").await;
    let case = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let mut changed = canary_intake();
    changed.name = Some("Renamed Person Q1".into());
    changed.details.household_knows = Some("no".into());
    changed.details.reported = Some("yes".into());
    changed.details.reported_where = "CanaryPoliceStationH3".into();
    workspace::update_case(&w.t.db, &w.mk, &cw, &case.id, &changed, now())
        .await
        .unwrap();
    let read = workspace::read_case(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(read.intake.name.as_deref(), Some("Renamed Person Q1"));
    assert_eq!(read.intake.details.household_knows.as_deref(), Some("no"));
    assert_eq!(read.intake.details.reported_where, "CanaryPoliceStationH3");
    assert_eq!(read.reference, case.reference);
    // the keyed hash follows the new name; the old one no longer finds it
    assert_eq!(
        workspace::find_cases(&w.t.db, &w.mk, &cw, &w.org_a, "renamed person q1", now())
            .await
            .unwrap(),
        vec![case.id.clone()]
    );
    assert!(
        workspace::find_cases(&w.t.db, &w.mk, &cw, &w.org_a, CANARIES[1], now())
            .await
            .unwrap()
            .is_empty()
    );
    // nothing of the new values is stored in clear
    let stored = everything_stored(&w).await;
    for c in ["Renamed Person Q1", "CanaryPoliceStationH3"] {
        assert!(
            !stored.to_lowercase().contains(&c.to_lowercase()),
            "{c} in clear"
        );
    }
    // the audit says which fields changed
    let admin = Actor {
        user_id: "auditor".into(),
        memberships: vec![harbour_domain::workspace::Membership {
            organization: w.org_a.clone(),
            role: Role::OrgAdmin,
        }],
    };
    let log = workspace::audit_log(&w.t.db, &admin, &w.org_a, 100)
        .await
        .unwrap();
    let update = log.iter().find(|r| r.action == "case.update").unwrap();
    assert_eq!(update.detail, "fields=name,details");
    // bad input: refused, naming the field, and nothing changes
    let mut bad = changed.clone();
    bad.details.crime_date = "yesterday".into();
    bad.name = Some("Should Not Land".into());
    match workspace::update_case(&w.t.db, &w.mk, &cw, &case.id, &bad, now()).await {
        Err(WorkspaceError::Invalid { field, .. }) => assert_eq!(field, "crime_date"),
        other => panic!("expected an invalid field, got {other:?}"),
    }
    let again = workspace::read_case(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(again.intake.name.as_deref(), Some("Renamed Person Q1"));
    // a volunteer not assigned cannot change it
    assert!(matches!(
        workspace::update_case(&w.t.db, &w.mk, &vol, &case.id, &changed, now()).await,
        Err(WorkspaceError::NotFound)
    ));
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

/// The contact log: entries are checked against the safe-contact profile, bad values are
/// refused by field, and contacts are counted in the statistics.
#[tokio::test]
async fn the_contact_log_flags_what_the_safe_contact_profile_forbids() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    let sup = person(&w, &w.org_a, Role::Supervisor, "sup@example.org").await;
    // the profile: SMS only, no messages
    let case = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let at = |h: i64| now().naive_utc() - chrono::Duration::hours(h);
    let log = |when, channel: &'static str, direction: &'static str, outcome: &'static str| {
        let (db, mk, cw, id) = (&w.t.db, &w.mk, &cw, case.id.clone());
        async move {
            workspace::add_contact(
                db,
                mk,
                cw,
                &id,
                when,
                channel,
                direction,
                outcome,
                None,
                now(),
            )
            .await
        }
    };
    log(at(3), "sms", "outgoing", "reached").await.unwrap();
    log(at(2), "phone", "outgoing", "message_left")
        .await
        .unwrap();
    log(at(1), "phone", "incoming", "reached").await.unwrap();
    let list = workspace::contacts(&w.t.db, &w.mk, &cw, &case.id, now())
        .await
        .unwrap();
    assert_eq!(list.len(), 3);
    // newest first; an incoming call on any channel is fine
    assert_eq!(list[0].direction, "incoming");
    assert!(list[0].conflicts.is_empty());
    assert_eq!(list[1].conflicts, vec!["channel_not_safe", "message_left"]);
    assert!(list[2].conflicts.is_empty());
    for (when, channel, direction, outcome, field) in [
        (at(1), "pigeon", "outgoing", "reached", "channel"),
        (at(1), "sms", "sideways", "reached", "direction"),
        (at(1), "sms", "outgoing", "maybe", "outcome"),
        (at(-2), "sms", "outgoing", "reached", "happened_at"),
    ] {
        match log(when, channel, direction, outcome).await {
            Err(WorkspaceError::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: expected an invalid field, got {other:?}"),
        }
    }
    // nobody outside may read or add
    let other = person(&w, &w.org_b, Role::OrgAdmin, "b@example.org").await;
    assert!(matches!(
        workspace::contacts(&w.t.db, &w.mk, &other, &case.id, now()).await,
        Err(WorkspaceError::NotFound)
    ));
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let st = workspace::statistics(
        &w.t.db,
        &sup,
        &w.org_a,
        d("2026-11-01"),
        d("2026-11-30"),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(st.get("contacts", "total"), 3);
    assert_eq!(st.get("contacts_by_outcome", "reached"), 2);
    assert_eq!(st.get("contacts_by_outcome", "message_left"), 1);
    assert!(workspace::verify_audit(&w.t.db).await.unwrap().is_ok());
}

/// Filters and visibility are applied before the 500-row limit: an old closed case is found
/// among many newer open ones, and a volunteer sees the one old case assigned to them.
#[tokio::test]
async fn filters_reach_past_the_first_500_cases() {
    let w = world().await;
    let sup = person(&w, &w.org_a, Role::Supervisor, "sup@example.org").await;
    let vol = person(&w, &w.org_a, Role::Volunteer, "vol@example.org").await;
    let t0 = now() - chrono::Duration::days(30);
    let mut old = canary_intake();
    old.crime_kind = Some("fraud".into());
    let old = workspace::create_case(&w.t.db, &w.mk, &sup, &w.org_a, &old, t0)
        .await
        .unwrap();
    workspace::close_case(&w.t.db, &sup, &old.id, "referred", t0)
        .await
        .unwrap();
    // the volunteer needs basic training to be assigned
    workspace::record_training(
        &w.t.db,
        &sup,
        &w.org_a,
        &vol.user_id,
        "basic",
        (t0 - chrono::Duration::days(1)).date_naive(),
        None,
        None,
        t0,
    )
    .await
    .unwrap();
    workspace::assign_case(&w.t.db, &sup, &old.id, &vol.user_id, t0)
        .await
        .unwrap();
    let mut newer = canary_intake();
    newer.details = Default::default();
    newer.name = None;
    for i in 0..505 {
        newer.pseudonym = format!("Newer {i}");
        workspace::create_case(
            &w.t.db,
            &w.mk,
            &sup,
            &w.org_a,
            &newer,
            t0 + chrono::Duration::seconds(60 + i),
        )
        .await
        .unwrap();
    }
    let list = |f: workspace::CaseFilter, who: Actor| {
        let (db, mk, org) = (&w.t.db, &w.mk, w.org_a.clone());
        async move {
            workspace::list_cases(db, mk, &who, &org, &f, now())
                .await
                .unwrap()
        }
    };
    let all = list(workspace::CaseFilter::default(), sup.clone()).await;
    assert_eq!(all.len(), 500);
    let closed = list(
        workspace::CaseFilter {
            status: Some("closed".into()),
            ..Default::default()
        },
        sup.clone(),
    )
    .await;
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].id, old.id);
    let fraud = list(
        workspace::CaseFilter {
            crime_kind: Some("fraud".into()),
            ..Default::default()
        },
        sup.clone(),
    )
    .await;
    assert_eq!(fraud.len(), 1);
    let mine = list(workspace::CaseFilter::default(), vol.clone()).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, old.id);
}

/// A person with two roles in the organisation is reminded once, with the right counts; work of
/// closed cases and work done are not reminded.
#[tokio::test]
async fn reminder_digests_count_each_action_once() {
    let w = world().await;
    let cw = person(&w, &w.org_a, Role::Caseworker, "cw@example.org").await;
    sqlx::query(
        "INSERT INTO memberships (user_id, organization_id, role, created_at) VALUES ($1, $2, 'supervisor', $3)",
    )
    .bind(&cw.user_id)
    .bind(&w.org_a)
    .bind("2026-11-01T00:00:00.000000Z")
    .execute(w.t.db.pool())
    .await
    .unwrap();
    let cw = workspace::actor(&w.t.db, &cw.user_id).await.unwrap();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let open = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    let closed = workspace::create_case(&w.t.db, &w.mk, &cw, &w.org_a, &canary_intake(), now())
        .await
        .unwrap();
    for (case, due) in [
        (&open.id, "2026-11-20"),
        (&open.id, "2026-11-29"),
        (&closed.id, "2026-11-20"),
    ] {
        workspace::add_action(
            &w.t.db,
            &w.mk,
            &cw,
            case,
            "legal",
            "x",
            Some(&cw.user_id),
            Some(d(due)),
            now(),
        )
        .await
        .unwrap();
    }
    workspace::close_case(&w.t.db, &cw, &closed.id, "referred", now())
        .await
        .unwrap();
    let digests = workspace::reminder_digests(&w.t.db, now()).await.unwrap();
    assert_eq!(digests.len(), 1);
    assert_eq!((digests[0].overdue, digests[0].due_soon), (1, 1));
}
