//! Signing in to the workspace: password, then a second factor (TOTP, or a one-time recovery
//! code); sessions stored in the database with idle and absolute timeouts; throttling per
//! account and per address; "sign out everywhere".

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;
use totp_rs::{Algorithm, TOTP};

use crate::crypto::{self, MasterKey};
use crate::workspace::{self, AuditEntry, Result, WorkspaceError};
use crate::Db;

/// A session ends after this long without a request…
pub const IDLE: Duration = Duration::minutes(30);
/// …and after this long in any case.
pub const ABSOLUTE: Duration = Duration::hours(12);
/// Failed sign-ins allowed per account and per address within [`WINDOW`].
pub const MAX_FAILURES: i64 = 5;
pub const WINDOW: Duration = Duration::minutes(15);

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user_id: String,
    pub email: String,
    pub csrf: String,
    pub second_factor: bool,
    pub totp_enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// Password accepted: a session that still needs its second factor.
    Password { token: String },
    /// Wrong e-mail or password (the same answer for both).
    Refused,
    /// Too many failures for this account or address; try again later.
    Throttled,
}

async fn failures(db: &Db, key: &str, now: DateTime<Utc>) -> Result<i64> {
    let row = sqlx::query("SELECT failures, window_start FROM login_throttle WHERE key = $1")
        .bind(key)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(r) => {
            let start: String = r.try_get("window_start")?;
            if parse_ts(&start).is_some_and(|s| s + WINDOW > now) {
                r.try_get("failures")?
            } else {
                0
            }
        }
        None => 0,
    })
}

async fn record_failure(db: &Db, key: &str, now: DateTime<Utc>) -> Result<()> {
    if failures(db, key, now).await? > 0 {
        sqlx::query("UPDATE login_throttle SET failures = failures + 1 WHERE key = $1")
            .bind(key)
            .execute(db.pool())
            .await?;
        return Ok(());
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM login_throttle WHERE key = $1")
        .bind(key)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, $2)")
        .bind(key)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The throttle keys: a hash of the account, a hash of the address (neither stored in clear).
fn keys(email: &str, address: &str) -> [String; 2] {
    [
        format!(
            "a:{}",
            crypto::sha256_hex(email.trim().to_lowercase().as_bytes())
        ),
        format!("n:{}", crypto::sha256_hex(address.as_bytes())),
    ]
}

/// Checks the password and opens a session that still needs its second factor.
pub async fn login(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
    user_agent: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Login> {
    let throttle = keys(email, address);
    for k in &throttle {
        if failures(db, k, now).await? >= MAX_FAILURES {
            return Ok(Login::Throttled);
        }
    }
    let Some(user_id) = workspace::check_password(db, email, password).await? else {
        for k in &throttle {
            record_failure(db, k, now).await?;
        }
        let mut tx = db.pool().begin().await?;
        workspace::audit(
            &mut tx,
            AuditEntry {
                actor: None,
                organization: None,
                action: "login.refused",
                target_kind: None,
                target_id: None,
                detail: String::new(),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(Login::Refused);
    };
    sqlx::query("DELETE FROM login_throttle WHERE key = $1")
        .bind(&throttle[0])
        .execute(db.pool())
        .await?;
    let (token, hash) = crypto::token();
    let (csrf, _) = crypto::token();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, csrf, second_factor, created_at, last_seen_at, \
         expires_at, user_agent) VALUES ($1, $2, $3, 0, $4, $4, $5, $6)",
    )
    .bind(&hash)
    .bind(&user_id)
    .bind(&csrf)
    .bind(ts(now))
    .bind(ts(now + ABSOLUTE))
    .bind(user_agent.map(|u| u.chars().take(120).collect::<String>()))
    .execute(&mut *tx)
    .await?;
    workspace::audit(
        &mut tx,
        AuditEntry {
            actor: Some(&user_id),
            organization: None,
            action: "login.password",
            target_kind: Some("user"),
            target_id: Some(&user_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Login::Password { token })
}

/// The session behind a cookie, if it is still valid; refreshes its idle timer.
pub async fn session(db: &Db, token: &str, now: DateTime<Utc>) -> Result<Option<Session>> {
    let hash = crypto::sha256_hex(token.as_bytes());
    let row = sqlx::query(
        "SELECT s.user_id, s.csrf, s.second_factor, s.last_seen_at, s.expires_at, u.email, \
         u.totp_enabled, u.status FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.id_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(db.pool())
    .await?;
    let Some(r) = row else { return Ok(None) };
    let last: String = r.try_get("last_seen_at")?;
    let expires: String = r.try_get("expires_at")?;
    let status: String = r.try_get("status")?;
    let alive = parse_ts(&last).is_some_and(|l| l + IDLE > now)
        && parse_ts(&expires).is_some_and(|e| e > now)
        && status == "active";
    if !alive {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(&hash)
            .execute(db.pool())
            .await?;
        return Ok(None);
    }
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(ts(now))
        .bind(&hash)
        .execute(db.pool())
        .await?;
    Ok(Some(Session {
        user_id: r.try_get("user_id")?,
        email: r.try_get("email")?,
        csrf: r.try_get("csrf")?,
        second_factor: r.try_get::<i64, _>("second_factor")? == 1,
        totp_enabled: r.try_get::<i64, _>("totp_enabled")? == 1,
    }))
}

fn totp(secret: Vec<u8>, email: &str) -> Result<TOTP> {
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        secret,
        Some("Harbour".into()),
        email.replace(':', ""),
    )
    .map_err(|_| WorkspaceError::Invalid {
        field: "totp".into(),
        reason: "secret".into(),
    })
}

/// Two-factor set-up: a new secret, sealed, not yet enabled. Returns the secret in base32 and
/// as an otpauth:// address for authenticator apps.
pub async fn start_totp(
    db: &Db,
    mk: &MasterKey,
    s: &Session,
    _now: DateTime<Utc>,
) -> Result<(String, String)> {
    if s.totp_enabled {
        return Err(WorkspaceError::Forbidden);
    }
    let secret = crypto::random_bytes::<20>().to_vec();
    let t = totp(secret.clone(), &s.email)?;
    sqlx::query("UPDATE users SET totp_secret_enc = $1 WHERE id = $2 AND totp_enabled = 0")
        .bind(mk.seal_secret("totp", &s.user_id, &secret))
        .bind(&s.user_id)
        .execute(db.pool())
        .await?;
    Ok((t.get_secret_base32(), t.get_url()))
}

async fn user_totp(db: &Db, mk: &MasterKey, user_id: &str, email: &str) -> Result<(TOTP, i64)> {
    let r = sqlx::query("SELECT totp_secret_enc, totp_last_step FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(db.pool())
        .await?;
    let sealed: Option<String> = r.try_get("totp_secret_enc")?;
    let sealed = sealed.ok_or(WorkspaceError::NotFound)?;
    let secret = mk.open_secret("totp", user_id, &sealed)?;
    Ok((totp(secret, email)?, r.try_get("totp_last_step")?))
}

/// Checks a code against the secret, refusing a code already used (replay).
fn check_code(t: &TOTP, last_step: i64, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    let now_s = now.timestamp().max(0) as u64;
    // the current step and one either side, as the skew allows
    for delta in [0i64, -1, 1] {
        let step = (now_s / 30) as i64 + delta;
        if step <= last_step || step < 0 {
            continue;
        }
        if t.generate(step as u64 * 30) == code {
            return Some(step);
        }
    }
    None
}

async fn mark_second_factor(
    db: &Db,
    token: &str,
    user_id: &str,
    action: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let hash = crypto::sha256_hex(token.as_bytes());
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE sessions SET second_factor = 1 WHERE id_hash = $1")
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    workspace::audit(
        &mut tx,
        AuditEntry {
            actor: Some(user_id),
            organization: None,
            action,
            target_kind: Some("user"),
            target_id: Some(user_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms the set-up with a first code: enables two-factor sign-in, completes this session,
/// and returns ten recovery codes (shown once; only their hashes are kept).
pub async fn confirm_totp(
    db: &Db,
    mk: &MasterKey,
    token: &str,
    s: &Session,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Option<Vec<String>>> {
    let (t, last) = user_totp(db, mk, &s.user_id, &s.email).await?;
    let Some(step) = check_code(&t, last, code, now) else {
        return Ok(None);
    };
    let codes: Vec<String> = (0..10)
        .map(|_| {
            let b = crypto::random_bytes::<5>();
            let h = crypto::hex(&b);
            format!("{}-{}", h.get(..5).unwrap_or(""), h.get(5..).unwrap_or(""))
        })
        .collect();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| crypto::sha256_hex(c.as_bytes()))
        .collect();
    sqlx::query(
        "UPDATE users SET totp_enabled = 1, totp_last_step = $1, recovery_codes = $2 WHERE id = $3",
    )
    .bind(step)
    .bind(serde_json::to_string(&hashes).unwrap_or_default())
    .bind(&s.user_id)
    .execute(db.pool())
    .await?;
    mark_second_factor(db, token, &s.user_id, "2fa.enable", now).await?;
    Ok(Some(codes))
}

/// The second step of signing in: a TOTP code or an unused recovery code.
pub async fn second_factor(
    db: &Db,
    mk: &MasterKey,
    token: &str,
    s: &Session,
    code: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let throttle = keys(&s.email, address);
    for k in &throttle {
        if failures(db, k, now).await? >= MAX_FAILURES {
            return Ok(false);
        }
    }
    let (t, last) = user_totp(db, mk, &s.user_id, &s.email).await?;
    if let Some(step) = check_code(&t, last, code, now) {
        sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2")
            .bind(step)
            .bind(&s.user_id)
            .execute(db.pool())
            .await?;
        mark_second_factor(db, token, &s.user_id, "login", now).await?;
        return Ok(true);
    }
    // a recovery code works once
    let r = sqlx::query("SELECT recovery_codes FROM users WHERE id = $1")
        .bind(&s.user_id)
        .fetch_one(db.pool())
        .await?;
    let stored: Option<String> = r.try_get("recovery_codes")?;
    let mut hashes: Vec<String> = stored
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default();
    let h = crypto::sha256_hex(code.trim().to_lowercase().as_bytes());
    if let Some(i) = hashes.iter().position(|x| *x == h) {
        hashes.remove(i);
        sqlx::query("UPDATE users SET recovery_codes = $1 WHERE id = $2")
            .bind(serde_json::to_string(&hashes).unwrap_or_default())
            .bind(&s.user_id)
            .execute(db.pool())
            .await?;
        mark_second_factor(db, token, &s.user_id, "login.recovery_code", now).await?;
        return Ok(true);
    }
    for k in &throttle {
        record_failure(db, k, now).await?;
    }
    Ok(false)
}

pub async fn logout(db: &Db, token: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(crypto::sha256_hex(token.as_bytes()))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends every session of the person, on every device.
pub async fn logout_everywhere(db: &Db, user_id: &str, now: DateTime<Utc>) -> Result<u64> {
    let mut tx = db.pool().begin().await?;
    let n = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    workspace::audit(
        &mut tx,
        AuditEntry {
            actor: Some(user_id),
            organization: None,
            action: "logout.everywhere",
            target_kind: Some("user"),
            target_id: Some(user_id),
            detail: format!("sessions={n}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub created_at: String,
    pub last_seen_at: String,
    pub user_agent: Option<String>,
    pub current: bool,
}

pub async fn sessions(db: &Db, user_id: &str, current_token: &str) -> Result<Vec<SessionInfo>> {
    let current = crypto::sha256_hex(current_token.as_bytes());
    let rows = sqlx::query(
        "SELECT id_hash, created_at, last_seen_at, user_agent FROM sessions WHERE user_id = $1 \
         ORDER BY last_seen_at DESC",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SessionInfo {
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                user_agent: r.try_get("user_agent")?,
                current: r.try_get::<String, _>("id_hash")? == current,
            })
        })
        .collect()
}

/// The current code for a secret (for the demo and tests).
pub fn code_at(secret_base32: &str, email: &str, now: DateTime<Utc>) -> Option<String> {
    let secret = totp_rs::Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .ok()?;
    Some(
        totp(secret, email)
            .ok()?
            .generate(now.timestamp().max(0) as u64),
    )
}

/// Turns two-factor sign-in on with a given secret (demo accounts only: their secrets are
/// printed at start so that a newcomer can sign in at once).
pub async fn enable_totp_with_secret(
    db: &Db,
    mk: &MasterKey,
    user_id: &str,
    secret_base32: &str,
) -> Result<()> {
    let secret = totp_rs::Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|_| WorkspaceError::Invalid {
            field: "totp".into(),
            reason: "not base32".into(),
        })?;
    sqlx::query(
        "UPDATE users SET totp_secret_enc = $1, totp_enabled = 1, recovery_codes = '[]' WHERE id = $2",
    )
    .bind(mk.seal_secret("totp", user_id, &secret))
    .bind(user_id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Scopes a personal access token can hold.
pub const SCOPES: [&str; 2] = ["cases:read", "cases:write"];

#[derive(Debug, Clone)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
}

/// Creates a personal access token (shown once; only its hash is kept), valid for `days`.
pub async fn create_token(
    db: &Db,
    user_id: &str,
    name: &str,
    scopes: &[String],
    days: i64,
    now: DateTime<Utc>,
) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(WorkspaceError::Invalid {
            field: "name".into(),
            reason: "1 to 100 characters".into(),
        });
    }
    if scopes.is_empty() || scopes.iter().any(|s| !SCOPES.contains(&s.as_str())) {
        return Err(WorkspaceError::Invalid {
            field: "scopes".into(),
            reason: "cases:read and/or cases:write".into(),
        });
    }
    if !(1..=365).contains(&days) {
        return Err(WorkspaceError::Invalid {
            field: "days".into(),
            reason: "1 to 365".into(),
        });
    }
    let (secret, _) = crypto::token();
    let token = format!("hbr_{secret}");
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO api_tokens (id, token_hash, user_id, name, scopes, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(crypto::sha256_hex(token.as_bytes()))
    .bind(user_id)
    .bind(name)
    .bind(scopes.join(" "))
    .bind(ts(now))
    .bind(ts(now + Duration::days(days)))
    .execute(&mut *tx)
    .await?;
    workspace::audit(
        &mut tx,
        AuditEntry {
            actor: Some(user_id),
            organization: None,
            action: "token.create",
            target_kind: Some("token"),
            target_id: Some(&id),
            detail: format!("scopes={}", scopes.join(",")),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// The person and scopes behind a bearer token, if it is valid now.
pub async fn token_user(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(String, Vec<String>)>> {
    let row = sqlx::query(
        "SELECT t.id, t.user_id, t.scopes, t.expires_at, t.revoked_at, u.status FROM api_tokens t \
         JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1",
    )
    .bind(crypto::sha256_hex(token.trim().as_bytes()))
    .fetch_optional(db.pool())
    .await?;
    let Some(r) = row else { return Ok(None) };
    let expires: String = r.try_get("expires_at")?;
    let revoked: Option<String> = r.try_get("revoked_at")?;
    let status: String = r.try_get("status")?;
    if revoked.is_some() || status != "active" || parse_ts(&expires).is_none_or(|e| e <= now) {
        return Ok(None);
    }
    let id: String = r.try_get("id")?;
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(ts(now))
        .bind(&id)
        .execute(db.pool())
        .await?;
    let scopes: String = r.try_get("scopes")?;
    Ok(Some((
        r.try_get("user_id")?,
        scopes.split_whitespace().map(str::to_string).collect(),
    )))
}

pub async fn tokens(db: &Db, user_id: &str) -> Result<Vec<TokenInfo>> {
    let rows = sqlx::query(
        "SELECT id, name, scopes, created_at, expires_at, last_used_at FROM api_tokens \
         WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(TokenInfo {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                scopes: r
                    .try_get::<String, _>("scopes")?
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                created_at: r.try_get("created_at")?,
                expires_at: r.try_get("expires_at")?,
                last_used_at: r.try_get("last_used_at")?,
            })
        })
        .collect()
}

pub async fn revoke_token(
    db: &Db,
    user_id: &str,
    token_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let n = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(ts(now))
    .bind(token_id)
    .bind(user_id)
    .execute(db.pool())
    .await?
    .rows_affected();
    if n == 0 {
        return Err(WorkspaceError::NotFound);
    }
    let mut tx = db.pool().begin().await?;
    workspace::audit(
        &mut tx,
        AuditEntry {
            actor: Some(user_id),
            organization: None,
            action: "token.revoke",
            target_kind: Some("token"),
            target_id: Some(token_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
