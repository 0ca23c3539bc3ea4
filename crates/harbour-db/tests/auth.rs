//! Signing in, on the backend named by the environment: refusals that do not tell whether an
//! account exists, throttling, two-factor set-up and sign-in, replay and recovery codes,
//! session expiry (idle and absolute) and "sign out everywhere".

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use chrono::{Duration, TimeZone, Utc};
use harbour_db::auth::{self, Login};
use harbour_db::crypto::MasterKey;
use harbour_db::testing::TestDb;
use harbour_db::workspace;
use harbour_domain::workspace::Role;

fn t0() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
}

const PASS: &str = "correct horse battery";

async fn setup() -> (TestDb, MasterKey) {
    let t = TestDb::new().await.unwrap();
    let mk = MasterKey::generate();
    let org = workspace::create_organization(&t.db, &mk, "Org", "FR", None, t0())
        .await
        .unwrap();
    let tok = workspace::invite(&t.db, &org, Role::Caseworker, "cw@example.org", None, t0())
        .await
        .unwrap();
    workspace::accept_invitation(&t.db, &tok, PASS, t0())
        .await
        .unwrap();
    (t, mk)
}

async fn password(t: &TestDb, now: chrono::DateTime<Utc>) -> String {
    match auth::login(&t.db, "cw@example.org", PASS, "10.0.0.1", None, now)
        .await
        .unwrap()
    {
        Login::Password { token } => token,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn refusals_are_uniform_and_throttled_per_account_and_address() {
    let (t, _) = setup().await;
    let db = &t.db;
    assert_eq!(
        auth::login(db, "cw@example.org", "wrong", "10.0.0.1", None, t0())
            .await
            .unwrap(),
        Login::Refused
    );
    assert_eq!(
        auth::login(db, "nobody@example.org", PASS, "10.0.0.2", None, t0())
            .await
            .unwrap(),
        Login::Refused
    );
    for _ in 0..4 {
        auth::login(db, "cw@example.org", "wrong", "10.0.0.3", None, t0())
            .await
            .unwrap();
    }
    // five failures for the account: even the right password waits
    assert_eq!(
        auth::login(db, "cw@example.org", PASS, "10.0.0.9", None, t0())
            .await
            .unwrap(),
        Login::Throttled
    );
    // after the window it works again
    let later = t0() + auth::WINDOW + Duration::minutes(1);
    assert!(matches!(
        auth::login(db, "cw@example.org", PASS, "10.0.0.9", None, later)
            .await
            .unwrap(),
        Login::Password { .. }
    ));
    // an address that fails for many accounts is throttled too
    for i in 0..5 {
        auth::login(
            db,
            &format!("x{i}@example.org"),
            "x",
            "10.9.9.9",
            None,
            later,
        )
        .await
        .unwrap();
    }
    assert_eq!(
        auth::login(db, "cw@example.org", PASS, "10.9.9.9", None, later)
            .await
            .unwrap(),
        Login::Throttled
    );
}

#[tokio::test]
async fn two_factor_set_up_sign_in_replay_and_recovery_codes() {
    let (t, mk) = setup().await;
    let db = &t.db;
    let token = password(&t, t0()).await;
    let s = auth::session(db, &token, t0()).await.unwrap().unwrap();
    assert!(!s.second_factor && !s.totp_enabled);
    let (secret, url) = auth::start_totp(db, &mk, &s, t0()).await.unwrap();
    assert!(url.starts_with("otpauth://totp/Harbour:"));
    // the secret is not stored in clear
    let stored: String = sqlx::query_scalar::<_, String>("SELECT totp_secret_enc FROM users")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(!stored.contains(&secret));
    assert_eq!(
        auth::confirm_totp(db, &mk, &token, &s, "000000", t0())
            .await
            .unwrap(),
        None
    );
    let code = auth::code_at(&secret, &s.email, t0()).unwrap();
    let recovery = auth::confirm_totp(db, &mk, &token, &s, &code, t0())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(recovery.len(), 10);
    assert!(
        auth::session(db, &token, t0())
            .await
            .unwrap()
            .unwrap()
            .second_factor
    );

    // next sign-in: the same code again is a replay and is refused; the next one works
    let t1 = t0() + Duration::seconds(5);
    let token2 = password(&t, t1).await;
    let s2 = auth::session(db, &token2, t1).await.unwrap().unwrap();
    assert!(!s2.second_factor && s2.totp_enabled);
    assert!(
        !auth::second_factor(db, &mk, &token2, &s2, &code, "10.0.0.1", t1)
            .await
            .unwrap()
    );
    let t2 = t0() + Duration::seconds(31);
    let code2 = auth::code_at(&secret, &s.email, t2).unwrap();
    assert!(
        auth::second_factor(db, &mk, &token2, &s2, &code2, "10.0.0.1", t2)
            .await
            .unwrap()
    );
    // a recovery code works once
    let token3 = password(&t, t2).await;
    let s3 = auth::session(db, &token3, t2).await.unwrap().unwrap();
    assert!(
        auth::second_factor(db, &mk, &token3, &s3, &recovery[0], "10.0.0.1", t2)
            .await
            .unwrap()
    );
    let token4 = password(&t, t2).await;
    let s4 = auth::session(db, &token4, t2).await.unwrap().unwrap();
    assert!(
        !auth::second_factor(db, &mk, &token4, &s4, &recovery[0], "10.0.0.1", t2)
            .await
            .unwrap()
    );
    // sign out everywhere ends all of them
    assert_eq!(
        auth::sessions(db, &s.user_id, &token).await.unwrap().len(),
        4
    );
    assert_eq!(
        auth::logout_everywhere(db, &s.user_id, t2).await.unwrap(),
        4
    );
    assert!(auth::session(db, &token2, t2).await.unwrap().is_none());
    assert!(workspace::verify_audit(db).await.unwrap().is_ok());
}

#[tokio::test]
async fn sessions_expire_when_idle_and_after_the_absolute_limit() {
    let (t, _) = setup().await;
    let db = &t.db;
    let token = password(&t, t0()).await;
    assert!(auth::session(db, &token, t0() + Duration::minutes(29))
        .await
        .unwrap()
        .is_some());
    // idle: 31 minutes after the last request
    assert!(auth::session(db, &token, t0() + Duration::minutes(61))
        .await
        .unwrap()
        .is_none());
    // absolute: active every 20 minutes, still ends after 12 hours
    let token = password(&t, t0()).await;
    let mut now = t0();
    while now < t0() + auth::ABSOLUTE - Duration::minutes(20) {
        now += Duration::minutes(20);
        assert!(
            auth::session(db, &token, now).await.unwrap().is_some(),
            "{now}"
        );
    }
    now += Duration::minutes(20);
    assert!(auth::session(db, &token, now).await.unwrap().is_none());
    // logout ends one session; an unknown token is no session
    let token = password(&t, now).await;
    auth::logout(db, &token).await.unwrap();
    assert!(auth::session(db, &token, now).await.unwrap().is_none());
    assert!(auth::session(db, "forged", now).await.unwrap().is_none());
}

#[tokio::test]
async fn the_demo_loads_once_and_its_printed_accounts_sign_in() {
    let t = TestDb::new().await.unwrap();
    let mk = MasterKey::generate();
    let first = harbour_db::demo::load(&t.db, &mk, t0()).await.unwrap();
    let again = harbour_db::demo::load(&t.db, &mk, t0()).await.unwrap();
    assert_eq!(first.len(), 10);
    assert_eq!(workspace::organizations(&t.db).await.unwrap().len(), 2);
    let cases: i64 = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM cases")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!(cases, 6);
    // the second start printed new passwords; they work, with the printed secret
    let p = again.iter().find(|p| p.role == Role::Caseworker).unwrap();
    let Login::Password { token } = auth::login(&t.db, &p.email, &p.password, "x", None, t0())
        .await
        .unwrap()
    else {
        panic!("demo password refused");
    };
    let s = auth::session(&t.db, &token, t0()).await.unwrap().unwrap();
    let code = auth::code_at(&p.totp_secret, &p.email, t0()).unwrap();
    assert!(
        auth::second_factor(&t.db, &mk, &token, &s, &code, "x", t0())
            .await
            .unwrap()
    );
    let actor = workspace::actor(&t.db, &s.user_id).await.unwrap();
    let org = &actor.memberships[0].organization;
    let mine = workspace::list_cases(
        &t.db,
        &mk,
        &actor,
        org,
        &workspace::CaseFilter::mine(),
        t0(),
    )
    .await
    .unwrap();
    assert_eq!(mine.len(), 3);
}
