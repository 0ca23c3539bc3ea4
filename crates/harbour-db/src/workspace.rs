//! The workspace's data: organisations and their keys, people and invitations, cases with their
//! sensitive fields sealed at rest, and the hash-chained audit log written in the same
//! transaction as every read and write of case data.

use chrono::{DateTime, Duration, Utc};
use harbour_domain::workspace::{may_access_case, CaseAccess, Membership, Role};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;
use uuid::Uuid;

use crate::crypto::{self, CryptoError, DataKey, MasterKey, Place};
use crate::{Db, DbError};

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error("this invitation is unknown, used or expired")]
    Invitation,
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for WorkspaceError {
    fn from(e: sqlx::Error) -> Self {
        WorkspaceError::Db(DbError::Sqlx(e))
    }
}

impl WorkspaceError {
    pub fn code(&self) -> &'static str {
        match self {
            WorkspaceError::Forbidden => "WORKSPACE-0001",
            WorkspaceError::NotFound => "WORKSPACE-0002",
            WorkspaceError::Invalid { .. } => "WORKSPACE-0003",
            WorkspaceError::Invitation => "WORKSPACE-0004",
            _ => "INTERNAL",
        }
    }
}

pub type Result<T> = std::result::Result<T, WorkspaceError>;

fn invalid(field: &str, reason: &str) -> WorkspaceError {
    WorkspaceError::Invalid {
        field: field.into(),
        reason: reason.into(),
    }
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

// ---------------------------------------------------------------------------------------------
// Audit

/// One audit entry before it is chained. `detail` never holds personal data: ids and names of
/// fields, not their values.
pub struct AuditEntry<'a> {
    pub actor: Option<&'a str>,
    pub organization: Option<&'a str>,
    pub action: &'a str,
    pub target_kind: Option<&'a str>,
    pub target_id: Option<&'a str>,
    pub detail: String,
}

#[allow(clippy::too_many_arguments)]
fn chain_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor: &str,
    org: &str,
    action: &str,
    kind: &str,
    target: &str,
    detail: &str,
) -> String {
    let mut s = String::new();
    for part in [
        prev,
        &seq.to_string(),
        at,
        actor,
        org,
        action,
        kind,
        target,
        detail,
    ] {
        s.push_str(&part.len().to_string());
        s.push(':');
        s.push_str(part);
        s.push('|');
    }
    crypto::sha256_hex(s.as_bytes())
}

/// Takes the write lock first, so that a transaction that reads and then writes cannot be
/// refused halfway on SQLite (and serialises on the audit head on PostgreSQL).
async fn lock(tx: &mut Transaction<'_, Any>) -> Result<()> {
    sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Appends to the chain inside `tx`. The head row is updated in the same statement order on
/// both backends, so concurrent writers serialise on it.
pub async fn audit(
    tx: &mut Transaction<'_, Any>,
    e: AuditEntry<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    lock(tx).await?;
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut **tx)
        .await?;
    let prev_seq: i64 = head.try_get("seq")?;
    let prev: String = head.try_get("hash")?;
    let seq = prev_seq + 1;
    let at = ts(now);
    let hash = chain_hash(
        &prev,
        seq,
        &at,
        e.actor.unwrap_or(""),
        e.organization.unwrap_or(""),
        e.action,
        e.target_kind.unwrap_or(""),
        e.target_id.unwrap_or(""),
        &e.detail,
    );
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor, organization_id, action, target_kind, target_id, \
         detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(seq)
    .bind(&at)
    .bind(e.actor)
    .bind(e.organization)
    .bind(e.action)
    .bind(e.target_kind)
    .bind(e.target_id)
    .bind(&e.detail)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(seq)
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
    Ok(seq)
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBreak {
    pub seq: i64,
    pub reason: &'static str,
}

/// Recomputes the whole chain. Detects an altered row (its hash no longer matches), a removed
/// row (a gap in the sequence or a broken link), reordered rows (broken links) and a removed
/// tail (the head no longer matches the last row).
pub async fn verify_audit(db: &Db) -> Result<std::result::Result<i64, AuditBreak>> {
    let rows = sqlx::query(
        "SELECT seq, at, actor, organization_id, action, target_kind, target_id, detail, \
         prev_hash, hash FROM audit_log ORDER BY seq",
    )
    .fetch_all(db.pool())
    .await?;
    let mut prev = "0".repeat(64);
    let mut expected = 1i64;
    for r in &rows {
        let seq: i64 = r.try_get("seq")?;
        let get = |c: &str| -> std::result::Result<String, sqlx::Error> {
            Ok(r.try_get::<Option<String>, _>(c)?.unwrap_or_default())
        };
        if seq != expected {
            return Ok(Err(AuditBreak {
                seq,
                reason: "a row is missing before this one",
            }));
        }
        if get("prev_hash")? != prev {
            return Ok(Err(AuditBreak {
                seq,
                reason: "this row does not follow the one before (removed or reordered)",
            }));
        }
        let h = chain_hash(
            &prev,
            seq,
            &get("at")?,
            &get("actor")?,
            &get("organization_id")?,
            &get("action")?,
            &get("target_kind")?,
            &get("target_id")?,
            &get("detail")?,
        );
        if h != get("hash")? {
            return Ok(Err(AuditBreak {
                seq,
                reason: "this row was altered",
            }));
        }
        prev = h;
        expected += 1;
    }
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(db.pool())
        .await?;
    let head_seq: i64 = head.try_get("seq")?;
    let head_hash: String = head.try_get("hash")?;
    if head_seq != expected - 1 || head_hash != prev {
        return Ok(Err(AuditBreak {
            seq: head_seq,
            reason: "rows at the end of the log were removed",
        }));
    }
    Ok(Ok(expected - 1))
}

/// An organisation's audit entries, newest first (for its admins).
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub actor: Option<String>,
    pub action: String,
    pub target_kind: Option<String>,
    pub target_id: Option<String>,
    pub detail: String,
}

pub async fn audit_log(db: &Db, actor: &Actor, org: &str, limit: i64) -> Result<Vec<AuditRow>> {
    if !harbour_domain::workspace::may_read_audit(&actor.memberships, org) {
        return Err(WorkspaceError::Forbidden);
    }
    let rows = sqlx::query(
        "SELECT seq, at, actor, action, target_kind, target_id, detail FROM audit_log \
         WHERE organization_id = $1 ORDER BY seq DESC LIMIT $2",
    )
    .bind(org)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AuditRow {
                seq: r.try_get("seq")?,
                at: r.try_get("at")?,
                actor: r.try_get("actor")?,
                action: r.try_get("action")?,
                target_kind: r.try_get("target_kind")?,
                target_id: r.try_get("target_id")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Keys

const DATA: &str = "data";
const INDEX: &str = "index";

/// The unwrapped keys of one organisation.
struct OrgKeys {
    active_data: (String, DataKey),
    index: DataKey,
    all: HashMap<String, DataKey>,
}

async fn org_keys(db: &Db, mk: &MasterKey, org: &str) -> Result<OrgKeys> {
    let rows = sqlx::query(
        "SELECT id, purpose, wrapped, master_key_id, active FROM org_keys \
         WHERE organization_id = $1 ORDER BY created_at",
    )
    .bind(org)
    .fetch_all(db.pool())
    .await?;
    let mut all = HashMap::new();
    let mut active = None;
    let mut index = None;
    for r in rows {
        let id: String = r.try_get("id")?;
        let master: String = r.try_get("master_key_id")?;
        if master != mk.id() {
            return Err(CryptoError::OtherMaster(master).into());
        }
        let key = mk.unwrap(org, &id, &r.try_get::<String, _>("wrapped")?)?;
        let purpose: String = r.try_get("purpose")?;
        let is_active: i64 = r.try_get("active")?;
        if purpose == INDEX {
            index = Some(key.clone());
        } else if is_active == 1 {
            active = Some((id.clone(), key.clone()));
        }
        all.insert(id, key);
    }
    match (active, index) {
        (Some(active_data), Some(index)) => Ok(OrgKeys {
            active_data,
            index,
            all,
        }),
        _ => Err(WorkspaceError::NotFound),
    }
}

async fn insert_key(
    tx: &mut Transaction<'_, Any>,
    mk: &MasterKey,
    org: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    let id = format!("k-{}", Uuid::new_v4().simple());
    let key = DataKey::generate();
    sqlx::query(
        "INSERT INTO org_keys (id, organization_id, purpose, wrapped, master_key_id, active, \
         created_at) VALUES ($1, $2, $3, $4, $5, 1, $6)",
    )
    .bind(&id)
    .bind(org)
    .bind(purpose)
    .bind(mk.wrap(org, &id, &key))
    .bind(mk.id())
    .bind(ts(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

// ---------------------------------------------------------------------------------------------
// Organisations, people, invitations

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub country: String,
}

pub async fn create_organization(
    db: &Db,
    mk: &MasterKey,
    name: &str,
    country: &str,
    directory_organization_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.len() > 200 {
        return Err(invalid("name", "1 to 200 characters"));
    }
    let cc = harbour_domain::CountryCode::parse(country)
        .map_err(|_| invalid("country", "an ISO 3166-1 alpha-2 code"))?;
    let id = Uuid::new_v4().to_string();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO ws_organizations (id, name, country, directory_organization_id, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(name)
    .bind(cc.as_str())
    .bind(directory_organization_id.map(|u| u.to_string()))
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    insert_key(&mut tx, mk, &id, DATA, now).await?;
    insert_key(&mut tx, mk, &id, INDEX, now).await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: None,
            organization: Some(&id),
            action: "organization.create",
            target_kind: Some("organization"),
            target_id: Some(&id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn organizations(db: &Db) -> Result<Vec<Organization>> {
    let rows = sqlx::query("SELECT id, name, country FROM ws_organizations ORDER BY name")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Organization {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                country: r.try_get("country")?,
            })
        })
        .collect()
}

fn valid_email(email: &str) -> bool {
    let e = email.trim();
    e.len() <= 254
        && e.split_once('@').is_some_and(|(a, d)| {
            !a.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
        })
        && !e.contains(char::is_whitespace)
}

/// Creates a one-time invitation and returns its token (shown once; only its hash is stored).
pub async fn invite(
    db: &Db,
    org: &str,
    role: Role,
    email: &str,
    invited_by: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String> {
    if !valid_email(email) {
        return Err(invalid("email", "not an e-mail address"));
    }
    let exists = sqlx::query("SELECT id FROM ws_organizations WHERE id = $1")
        .bind(org)
        .fetch_optional(db.pool())
        .await?;
    if exists.is_none() {
        return Err(invalid("org", "no such organisation"));
    }
    let (token, hash) = crypto::token();
    let id = Uuid::new_v4().to_string();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO invitations (id, token_hash, organization_id, role, email, expires_at, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&hash)
    .bind(org)
    .bind(role.key())
    .bind(email.trim().to_lowercase())
    .bind(ts(now + Duration::days(7)))
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: invited_by,
            organization: Some(org),
            action: "invitation.create",
            target_kind: Some("invitation"),
            target_id: Some(&id),
            detail: format!("role={}", role.key()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

fn hash_password(password: &str) -> Result<String> {
    use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| invalid("password", "cannot be hashed"))
}

fn password_matches(hash: &str, password: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Accepts an invitation: creates the person (or adds the role to an existing account with the
/// same e-mail) with an argon2id password hash. The token works once.
pub async fn accept_invitation(
    db: &Db,
    token: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    if password.chars().count() < 12 {
        return Err(invalid("password", "at least 12 characters"));
    }
    let hash = crypto::sha256_hex(token.trim().as_bytes());
    let password_hash = hash_password(password)?;
    let mut tx = db.pool().begin().await?;
    lock(&mut tx).await?;
    let inv = sqlx::query(
        "SELECT id, organization_id, role, email, expires_at, used_at FROM invitations \
         WHERE token_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(WorkspaceError::Invitation)?;
    let used: Option<String> = inv.try_get("used_at")?;
    let expires: String = inv.try_get("expires_at")?;
    if used.is_some() || expires < ts(now) {
        return Err(WorkspaceError::Invitation);
    }
    let inv_id: String = inv.try_get("id")?;
    let org: Option<String> = inv.try_get("organization_id")?;
    let role: String = inv.try_get("role")?;
    let email: String = inv.try_get("email")?;
    let existing = sqlx::query("SELECT id FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&mut *tx)
        .await?;
    let user_id = match existing {
        Some(r) => r.try_get::<String, _>("id")?,
        None => {
            let id = Uuid::new_v4().to_string();
            sqlx::query(
                "INSERT INTO users (id, email, password_hash, status, created_at) \
                 VALUES ($1, $2, $3, 'active', $4)",
            )
            .bind(&id)
            .bind(&email)
            .bind(&password_hash)
            .bind(ts(now))
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    if let Some(org) = &org {
        sqlx::query(
            "INSERT INTO memberships (user_id, organization_id, role, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&user_id)
        .bind(org)
        .bind(&role)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2")
        .bind(ts(now))
        .bind(&inv_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&user_id),
            organization: org.as_deref(),
            action: "permission.grant",
            target_kind: Some("user"),
            target_id: Some(&user_id),
            detail: format!("role={role}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}

/// Sets a new password (the demo resets its accounts' passwords at each start).
pub async fn set_password(db: &Db, user_id: &str, password: &str) -> Result<()> {
    if password.chars().count() < 12 {
        return Err(invalid("password", "at least 12 characters"));
    }
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash_password(password)?)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A signed-in person and their roles.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: String,
    pub memberships: Vec<Membership>,
}

pub async fn actor(db: &Db, user_id: &str) -> Result<Actor> {
    let rows = sqlx::query("SELECT organization_id, role FROM memberships WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?;
    let memberships = rows
        .iter()
        .filter_map(|r| {
            let org: String = r.try_get("organization_id").ok()?;
            let role: String = r.try_get("role").ok()?;
            Some(Membership {
                organization: org,
                role: Role::parse(&role)?,
            })
        })
        .collect();
    Ok(Actor {
        user_id: user_id.to_string(),
        memberships,
    })
}

/// Checks e-mail and password. An unknown e-mail costs the same argon2 work as a known one,
/// so the answer and its timing do not tell whether an account exists.
pub async fn check_password(db: &Db, email: &str, password: &str) -> Result<Option<String>> {
    // a real hash with the same parameters, so that the work is the same
    static DUMMY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        hash_password("no account has this password").unwrap_or_default()
    });
    let row = sqlx::query("SELECT id, password_hash, status FROM users WHERE email = $1")
        .bind(email.trim().to_lowercase())
        .fetch_optional(db.pool())
        .await?;
    match row {
        Some(r) => {
            let hash: Option<String> = r.try_get("password_hash")?;
            let status: String = r.try_get("status")?;
            let ok = password_matches(hash.as_deref().unwrap_or(&DUMMY), password);
            Ok((ok && status == "active")
                .then(|| r.try_get("id"))
                .transpose()?)
        }
        None => {
            let _ = password_matches(&DUMMY, password);
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cases

/// What intake records. Everything but the pseudonym is optional; every text field here is
/// sealed at rest.
#[derive(Debug, Clone, Default)]
pub struct Intake {
    pub pseudonym: String,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub safe_contact: Option<String>,
    pub narrative: Option<String>,
    pub crime_kind: Option<String>,
    pub crime_country: Option<String>,
    /// The victim is a child: assignment then needs child-victims training.
    pub child: bool,
    /// The safe-contact profile, when and where, reporting, languages (sealed as one value).
    pub details: harbour_domain::workspace::CaseDetails,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub organization_id: String,
    pub reference: String,
    pub intake: Intake,
    pub status: String,
    pub assigned_to: Option<String>,
    pub created_at: String,
}

/// Another case of the organisation that may be the same person, told only to someone who may
/// read it; others learn only that a possible duplicate exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    Visible(String),
    Hidden,
}

pub struct Created {
    pub id: String,
    pub reference: String,
    pub duplicates: Vec<Duplicate>,
}

fn place<'a>(org: &'a str, column: &'a str, row: &'a str) -> Place<'a> {
    Place {
        organization: org,
        table: "cases",
        column,
        row,
    }
}

pub async fn create_case(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    org: &str,
    intake: &Intake,
    now: DateTime<Utc>,
) -> Result<Created> {
    if !may_access_case(
        &actor.memberships,
        &actor.user_id,
        org,
        None,
        CaseAccess::Create,
    ) {
        return Err(WorkspaceError::Forbidden);
    }
    let pseudonym = intake.pseudonym.trim();
    if pseudonym.is_empty() || pseudonym.chars().count() > 100 {
        return Err(invalid("pseudonym", "1 to 100 characters"));
    }
    let details = check_intake(intake)?;
    let keys = org_keys(db, mk, org).await?;
    let id = Uuid::new_v4().to_string();
    let reference = format!(
        "C-{}",
        Uuid::new_v4()
            .simple()
            .to_string()
            .get(..8)
            .unwrap_or("0")
            .to_uppercase()
    );
    let seal = |column: &str, v: Option<&str>| seal_case_field(&keys, org, column, &id, v);
    let name_index = intake
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| crypto::blind_index(&keys.index, n));
    let pseudonym_index = crypto::blind_index(&keys.index, pseudonym);
    // possible duplicates: same pseudonym or same name within the organisation
    let dup_rows = sqlx::query(
        "SELECT id, assigned_to FROM cases WHERE organization_id = $1 AND \
         (pseudonym_index = $2 OR (name_index IS NOT NULL AND name_index = $3))",
    )
    .bind(org)
    .bind(&pseudonym_index)
    .bind(name_index.as_deref().unwrap_or("-"))
    .fetch_all(db.pool())
    .await?;
    let duplicates = dup_rows
        .iter()
        .filter_map(|r| {
            let other: String = r.try_get("id").ok()?;
            let assigned: Option<String> = r.try_get("assigned_to").ok()?;
            let visible = may_access_case(
                &actor.memberships,
                &actor.user_id,
                org,
                assigned.as_deref(),
                CaseAccess::Read,
            );
            Some(if visible {
                Duplicate::Visible(other)
            } else {
                Duplicate::Hidden
            })
        })
        .collect();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO cases (id, organization_id, reference, pseudonym_enc, name_enc, contact_enc, \
         safe_contact_enc, narrative_enc, name_index, pseudonym_index, crime_kind, crime_country, \
         status, assigned_to, created_by, created_at, updated_at, child, details_enc) VALUES ($1, \
         $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $14, $15, $15, $16, $17)",
    )
    .bind(&id)
    .bind(org)
    .bind(&reference)
    .bind(seal("pseudonym_enc", Some(pseudonym)))
    .bind(seal("name_enc", intake.name.as_deref()))
    .bind(seal("contact_enc", intake.contact.as_deref()))
    .bind(seal("safe_contact_enc", intake.safe_contact.as_deref()))
    .bind(seal("narrative_enc", intake.narrative.as_deref()))
    .bind(name_index)
    .bind(&pseudonym_index)
    .bind(intake.crime_kind.as_deref())
    .bind(intake.crime_country.as_deref().map(str::to_ascii_uppercase))
    // a caseworker's own intake is assigned to them
    .bind(
        actor
            .memberships
            .iter()
            .any(|m| m.organization == org && m.role == Role::Caseworker)
            .then_some(actor.user_id.as_str()),
    )
    .bind(&actor.user_id)
    .bind(ts(now))
    .bind(i64::from(intake.child))
    .bind(seal("details_enc", details.as_deref()))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(org),
            action: "case.create",
            target_kind: Some("case"),
            target_id: Some(&id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Created {
        id,
        reference,
        duplicates,
    })
}

/// Seals one optional text field of a case with the organisation's active key (an empty or
/// missing value stays NULL).
fn seal_case_field(
    keys: &OrgKeys,
    org: &str,
    column: &str,
    case_id: &str,
    v: Option<&str>,
) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| seal_in(keys, org, "cases", column, case_id, s))
}

/// Checks an intake; returns its details as the JSON to seal (`None` when empty).
fn check_intake(intake: &Intake) -> Result<Option<String>> {
    let pseudonym = intake.pseudonym.trim();
    if pseudonym.is_empty() || pseudonym.chars().count() > 100 {
        return Err(invalid("pseudonym", "1 to 100 characters"));
    }
    if let Some(cc) = &intake.crime_country {
        harbour_domain::CountryCode::parse(cc)
            .map_err(|_| invalid("crime_country", "an ISO 3166-1 alpha-2 code"))?;
    }
    if let Some(k) = &intake.crime_kind {
        if harbour_domain::rights::CrimeKind::parse(k).is_none() {
            return Err(invalid("crime_kind", "unknown kind of crime"));
        }
    }
    for (field, v, max) in [
        ("name", &intake.name, 200),
        ("contact", &intake.contact, 500),
        ("safe_contact", &intake.safe_contact, 2000),
        ("narrative", &intake.narrative, 20000),
    ] {
        if v.as_ref().is_some_and(|v| v.chars().count() > max) {
            return Err(invalid(field, &format!("at most {max} characters")));
        }
    }
    let details = intake
        .details
        .clone()
        .validated()
        .map_err(|(field, reason)| invalid(field, &reason))?;
    Ok((!details.is_empty()).then(|| serde_json::to_string(&details).unwrap_or_default()))
}

fn open_case(org: &str, keys: &OrgKeys, r: &AnyRow) -> Result<Case> {
    let id: String = r.try_get("id")?;
    let open = |column: &str| -> Result<Option<String>> {
        let sealed: Option<String> = r.try_get(column)?;
        match sealed {
            None => Ok(None),
            Some(s) => {
                let kid = crypto::key_id_of(&s).unwrap_or("");
                let key = keys
                    .all
                    .get(kid)
                    .ok_or_else(|| CryptoError::UnknownKey(kid.to_string()))?;
                Ok(Some(crypto::open(key, place(org, column, &id), &s)?))
            }
        }
    };
    Ok(Case {
        intake: Intake {
            pseudonym: open("pseudonym_enc")?.unwrap_or_default(),
            name: open("name_enc")?,
            contact: open("contact_enc")?,
            safe_contact: open("safe_contact_enc")?,
            narrative: open("narrative_enc")?,
            crime_kind: r.try_get("crime_kind")?,
            crime_country: r.try_get("crime_country")?,
            child: r.try_get::<i64, _>("child")? == 1,
            details: match open("details_enc")? {
                Some(json) => serde_json::from_str(&json)
                    .map_err(|e| WorkspaceError::Corrupt(format!("case details: {e}")))?,
                None => Default::default(),
            },
        },
        organization_id: org.to_string(),
        reference: r.try_get("reference")?,
        status: r.try_get("status")?,
        assigned_to: r.try_get("assigned_to")?,
        created_at: r.try_get("created_at")?,
        id,
    })
}

const CASE_COLUMNS: &str = "id, organization_id, reference, pseudonym_enc, name_enc, contact_enc, \
     safe_contact_enc, narrative_enc, crime_kind, crime_country, status, assigned_to, created_at, \
     child, details_enc";

/// Reads one case, if the actor may; the read is audited in the same transaction.
pub async fn read_case(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Case> {
    let row = sqlx::query(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1"))
        .bind(case_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let org: String = row.try_get("organization_id")?;
    let assigned: Option<String> = row.try_get("assigned_to")?;
    let allowed = may_access_case(
        &actor.memberships,
        &actor.user_id,
        &org,
        assigned.as_deref(),
        CaseAccess::Read,
    );
    let case = if allowed {
        let keys = org_keys(db, mk, &org).await?;
        Some(open_case(&org, &keys, &row)?)
    } else {
        None
    };
    // nothing is shown unless its reading is recorded
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: if allowed {
                "case.read"
            } else {
                "case.read.denied"
            },
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    // a case one may not read looks like a case that does not exist
    case.ok_or(WorkspaceError::NotFound)
}

/// Replaces what intake recorded (the safe-contact profile changes, a name becomes needed, the
/// victim reports after all). Whoever may write the case may do it; the audit entry names the
/// fields that changed, never their values. The reference, status and assignment stay.
pub async fn update_case(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    intake: &Intake,
    now: DateTime<Utc>,
) -> Result<()> {
    let details = check_intake(intake)?;
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let row = sqlx::query(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1"))
        .bind(case_id)
        .fetch_one(db.pool())
        .await?;
    let before = open_case(&org, &keys, &row)?.intake;
    let mut changed: Vec<&str> = Vec::new();
    let norm = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    for (field, a, b) in [
        (
            "pseudonym",
            Some(before.pseudonym.clone()),
            Some(intake.pseudonym.clone()),
        ),
        ("name", before.name.clone(), intake.name.clone()),
        ("contact", before.contact.clone(), intake.contact.clone()),
        (
            "safe_contact",
            before.safe_contact.clone(),
            intake.safe_contact.clone(),
        ),
        (
            "narrative",
            before.narrative.clone(),
            intake.narrative.clone(),
        ),
        (
            "crime_kind",
            before.crime_kind.clone(),
            intake.crime_kind.clone(),
        ),
        (
            "crime_country",
            before.crime_country.clone(),
            intake
                .crime_country
                .as_ref()
                .map(|c| c.to_ascii_uppercase()),
        ),
    ] {
        if norm(&a) != norm(&b) {
            changed.push(field);
        }
    }
    if before.child != intake.child {
        changed.push("child");
    }
    let new_details = intake.details.clone().validated().unwrap_or_default();
    if before.details != new_details {
        changed.push("details");
    }
    if changed.is_empty() {
        return Ok(());
    }
    let seal = |column: &str, v: Option<&str>| seal_case_field(&keys, &org, column, case_id, v);
    let pseudonym = intake.pseudonym.trim();
    let name_index = intake
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| crypto::blind_index(&keys.index, n));
    let mut tx = db.pool().begin().await?;
    lock(&mut tx).await?;
    sqlx::query(
        "UPDATE cases SET pseudonym_enc = $1, name_enc = $2, contact_enc = $3, \
         safe_contact_enc = $4, narrative_enc = $5, name_index = $6, pseudonym_index = $7, \
         crime_kind = $8, crime_country = $9, child = $10, details_enc = $11, updated_at = $12 \
         WHERE id = $13",
    )
    .bind(seal("pseudonym_enc", Some(pseudonym)))
    .bind(seal("name_enc", intake.name.as_deref()))
    .bind(seal("contact_enc", intake.contact.as_deref()))
    .bind(seal("safe_contact_enc", intake.safe_contact.as_deref()))
    .bind(seal("narrative_enc", intake.narrative.as_deref()))
    .bind(name_index)
    .bind(crypto::blind_index(&keys.index, pseudonym))
    .bind(intake.crime_kind.as_deref())
    .bind(intake.crime_country.as_deref().map(str::to_ascii_uppercase))
    .bind(i64::from(intake.child))
    .bind(seal("details_enc", details.as_deref()))
    .bind(ts(now))
    .bind(case_id)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "case.update",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("fields={}", changed.join(",")),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Cases of an organisation whose name or pseudonym equals `query` (case and accents aside),
/// found by keyed hash, limited to what the actor may read. Audited.
pub async fn find_cases(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    org: &str,
    query: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    if !actor
        .memberships
        .iter()
        .any(|m| m.organization == org && m.role.sees_case_data())
    {
        return Err(WorkspaceError::Forbidden);
    }
    let keys = org_keys(db, mk, org).await?;
    let h = crypto::blind_index(&keys.index, query);
    let rows = sqlx::query(
        "SELECT id, assigned_to FROM cases WHERE organization_id = $1 AND \
         (name_index = $2 OR pseudonym_index = $2) ORDER BY created_at",
    )
    .bind(org)
    .bind(&h)
    .fetch_all(db.pool())
    .await?;
    let ids: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let id: String = r.try_get("id").ok()?;
            let assigned: Option<String> = r.try_get("assigned_to").ok()?;
            may_access_case(
                &actor.memberships,
                &actor.user_id,
                org,
                assigned.as_deref(),
                CaseAccess::Read,
            )
            .then_some(id)
        })
        .collect();
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(org),
            action: "case.search",
            target_kind: Some("case"),
            target_id: None,
            detail: format!("results={}", ids.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(ids)
}

/// Every sealed (table, column) of the workspace, for rotation and erasure.
const SEALED_COLUMNS: [(&str, &str); 11] = [
    ("case_contacts", "summary_enc"),
    ("cases", "pseudonym_enc"),
    ("cases", "details_enc"),
    ("cases", "name_enc"),
    ("cases", "contact_enc"),
    ("cases", "safe_contact_enc"),
    ("cases", "narrative_enc"),
    ("case_assessments", "answers_enc"),
    ("case_notes", "body_enc"),
    ("case_actions", "action_enc"),
    ("consents", "scope_enc"),
];

/// Re-seals with the active key every value of one column that uses another key.
async fn reseal(
    db: &Db,
    org: &str,
    keys: &OrgKeys,
    table: &str,
    column: &str,
    current: &str,
) -> Result<usize> {
    let (new_id, new_key) = &keys.active_data;
    let rows = sqlx::query(&format!(
        "SELECT id, {column} AS v FROM {table} WHERE organization_id = $1 AND {column} IS NOT NULL \
         AND {column} NOT LIKE $2"
    ))
    .bind(org)
    .bind(current)
    .fetch_all(db.pool())
    .await?;
    for r in &rows {
        let id: String = r.try_get("id")?;
        let sealed: String = r.try_get("v")?;
        let at = Place {
            organization: org,
            table,
            column,
            row: &id,
        };
        let kid = crypto::key_id_of(&sealed).unwrap_or("");
        let key = keys
            .all
            .get(kid)
            .ok_or_else(|| CryptoError::UnknownKey(kid.to_string()))?;
        let plain = crypto::open(key, at, &sealed)?;
        // only if unchanged since it was read
        sqlx::query(&format!(
            "UPDATE {table} SET {column} = $1 WHERE id = $2 AND {column} = $3"
        ))
        .bind(crypto::seal(new_id, new_key, at, &plain))
        .bind(&id)
        .bind(&sealed)
        .execute(db.pool())
        .await?;
    }
    Ok(rows.len())
}

/// What a key rotation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rotation {
    pub organizations: usize,
    pub fields: usize,
    pub keys_destroyed: usize,
}

/// Rotates every organisation's data key without downtime: a new key becomes active (new
/// writes use it, old ciphertexts still open), every sealed field is re-encrypted under it in
/// its own short transaction, and then the old keys are deleted, which crypto-shreds any copy
/// a backup still holds.
pub async fn rotate_keys(db: &Db, mk: &MasterKey, now: DateTime<Utc>) -> Result<Rotation> {
    let mut report = Rotation::default();
    for org in organizations(db).await? {
        let mut tx = db.pool().begin().await?;
        sqlx::query("UPDATE org_keys SET active = 0 WHERE organization_id = $1 AND purpose = $2")
            .bind(&org.id)
            .bind(DATA)
            .execute(&mut *tx)
            .await?;
        insert_key(&mut tx, mk, &org.id, DATA, now).await?;
        tx.commit().await?;
        let keys = org_keys(db, mk, &org.id).await?;
        let current = format!("h1.{}.%", keys.active_data.0);
        let mut cases = 0usize;
        // a write that began before the new key was active may still land with the old key:
        // repeat until no sealed value uses a retired key
        for _ in 0..5 {
            let mut changed = 0usize;
            for (table, column) in SEALED_COLUMNS {
                changed += reseal(db, &org.id, &keys, table, column, &current).await?;
            }
            report.fields += changed;
            cases += changed;
            if changed == 0 {
                break;
            }
        }
        let mut left = 0i64;
        for (table, column) in SEALED_COLUMNS {
            left += sqlx::query(&format!(
                "SELECT COUNT(*) AS n FROM {table} WHERE organization_id = $1 AND {column} IS NOT NULL AND {column} NOT LIKE $2"
            ))
            .bind(&org.id)
            .bind(&current)
            .fetch_one(db.pool())
            .await?
            .try_get::<i64, _>("n")?;
        }
        if left > 0 {
            // keep the old key: destroying it now would lose data
            continue;
        }
        let mut tx = db.pool().begin().await?;
        let gone = sqlx::query(
            "DELETE FROM org_keys WHERE organization_id = $1 AND purpose = $2 AND active = 0",
        )
        .bind(&org.id)
        .bind(DATA)
        .execute(&mut *tx)
        .await?;
        report.keys_destroyed += gone.rows_affected() as usize;
        audit(
            &mut tx,
            AuditEntry {
                actor: None,
                organization: Some(&org.id),
                action: "keys.rotate",
                target_kind: Some("organization"),
                target_id: Some(&org.id),
                detail: format!("fields={cases}"),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        report.organizations += 1;
    }
    Ok(report)
}

/// A line of the case list: only the pseudonym is opened.
#[derive(Debug, Clone)]
pub struct CaseLine {
    pub id: String,
    pub reference: String,
    pub pseudonym: String,
    pub crime_kind: Option<String>,
    pub status: String,
    pub assigned_to: Option<String>,
    pub assigned_to_me: bool,
    pub created_at: String,
    /// The earliest due date among the plan's open actions.
    pub next_due: Option<chrono::NaiveDate>,
    /// Open plan actions whose due date has passed.
    pub overdue: usize,
}

/// Whose cases a listing shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Assignee {
    #[default]
    Anyone,
    Me,
    Unassigned,
    Person(String),
}

/// Filters of the case list. `query` is an exact name or pseudonym, compared by keyed hash.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub status: Option<String>,
    pub crime_kind: Option<String>,
    pub assignee: Assignee,
    pub overdue_only: bool,
    pub query: Option<String>,
}

impl CaseFilter {
    pub fn mine() -> Self {
        CaseFilter {
            assignee: Assignee::Me,
            ..Default::default()
        }
    }

    /// Checks values that come from outside; a bad one names its field.
    pub fn validate(&self) -> Result<()> {
        if let Some(st) = &self.status {
            if !["open", "closed"].contains(&st.as_str()) {
                return Err(invalid("status", "open or closed"));
            }
        }
        if let Some(k) = &self.crime_kind {
            if harbour_domain::rights::CrimeKind::parse(k).is_none() {
                return Err(invalid("crime_kind", "unknown kind of crime"));
            }
        }
        if let Assignee::Person(p) = &self.assignee {
            if uuid::Uuid::parse_str(p).is_err() {
                return Err(invalid("assignee", "me, unassigned or a person's id"));
            }
        }
        if let Some(q) = &self.query {
            if q.chars().count() > 200 {
                return Err(invalid("query", "at most 200 characters"));
            }
        }
        Ok(())
    }
}

/// The cases of `org` the actor may read that match `filter`, newest first (at most 500). The
/// listing is audited, since it shows pseudonyms; a name search is audited as a search, without
/// the name.
pub async fn list_cases(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    org: &str,
    filter: &CaseFilter,
    now: DateTime<Utc>,
) -> Result<Vec<CaseLine>> {
    if !actor
        .memberships
        .iter()
        .any(|m| m.organization == org && m.role.sees_case_data())
    {
        return Err(WorkspaceError::Forbidden);
    }
    filter.validate()?;
    let keys = org_keys(db, mk, org).await?;
    let query = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    // every filter, and what the actor may see, is applied in SQL, so that the limit of 500
    // rows counts only cases that belong in the answer
    let today = now.date_naive();
    let mut sql = String::from(
        "SELECT id, reference, pseudonym_enc, crime_kind, status, assigned_to, created_at \
         FROM cases WHERE organization_id = $1",
    );
    let mut binds: Vec<String> = vec![org.to_string()];
    /// Appends `clause` with its `?` numbered as the next bind, and the value to bind.
    fn push(sql: &mut String, binds: &mut Vec<String>, clause: &str, v: String) {
        binds.push(v);
        sql.push_str(&clause.replace('?', &format!("${}", binds.len())));
    }
    if let Some(q) = query {
        let h = crypto::blind_index(&keys.index, q);
        push(
            &mut sql,
            &mut binds,
            " AND (name_index = ? OR pseudonym_index = ?)",
            h,
        );
    }
    if let Some(st) = &filter.status {
        push(&mut sql, &mut binds, " AND status = ?", st.clone());
    }
    if let Some(k) = &filter.crime_kind {
        push(&mut sql, &mut binds, " AND crime_kind = ?", k.clone());
    }
    match &filter.assignee {
        Assignee::Anyone => {}
        Assignee::Me => push(
            &mut sql,
            &mut binds,
            " AND assigned_to = ?",
            actor.user_id.clone(),
        ),
        Assignee::Unassigned => sql.push_str(" AND assigned_to IS NULL"),
        Assignee::Person(p) => push(&mut sql, &mut binds, " AND assigned_to = ?", p.clone()),
    }
    if filter.overdue_only {
        push(
            &mut sql,
            &mut binds,
            " AND EXISTS (SELECT 1 FROM case_actions a WHERE a.case_id = cases.id \
             AND a.done_at IS NULL AND a.due_on < ?)",
            today.format("%Y-%m-%d").to_string(),
        );
    }
    let may = |assigned: Option<&str>| {
        may_access_case(
            &actor.memberships,
            &actor.user_id,
            org,
            assigned,
            CaseAccess::Read,
        )
    };
    let (unassigned, mine, others) = (
        may(None),
        may(Some(actor.user_id.as_str())),
        may(Some("someone else")),
    );
    match (unassigned, mine, others) {
        (true, _, true) => {}
        (true, true, false) => push(
            &mut sql,
            &mut binds,
            " AND (assigned_to IS NULL OR assigned_to = ?)",
            actor.user_id.clone(),
        ),
        (true, false, false) => sql.push_str(" AND assigned_to IS NULL"),
        (false, _, true) => sql.push_str(" AND assigned_to IS NOT NULL"),
        (false, true, false) => push(
            &mut sql,
            &mut binds,
            " AND assigned_to = ?",
            actor.user_id.clone(),
        ),
        (false, false, false) => sql.push_str(" AND 1 = 0"),
    }
    sql.push_str(" ORDER BY created_at DESC LIMIT 500");
    let mut q = sqlx::query(&sql);
    for b in &binds {
        q = q.bind(b);
    }
    let rows = q.fetch_all(db.pool()).await?;
    // open plan actions per case: the earliest due date and how many are overdue
    let mut due: HashMap<String, (Option<chrono::NaiveDate>, usize)> = HashMap::new();
    for r in sqlx::query(
        "SELECT case_id, due_on FROM case_actions WHERE organization_id = $1 AND done_at IS NULL",
    )
    .bind(org)
    .fetch_all(db.pool())
    .await?
    {
        let case_id: String = r.try_get("case_id")?;
        let on: Option<String> = r.try_get("due_on")?;
        let on = on.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        let e = due.entry(case_id).or_insert((None, 0));
        if let Some(d) = on {
            e.0 = Some(e.0.map_or(d, |x: chrono::NaiveDate| x.min(d)));
            if d < today {
                e.1 += 1;
            }
        }
    }
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let assigned: Option<String> = r.try_get("assigned_to")?;
        let status: String = r.try_get("status")?;
        let crime_kind: Option<String> = r.try_get("crime_kind")?;
        let mine = assigned.as_deref() == Some(actor.user_id.as_str());
        let (next_due, overdue) = due.get(&id).cloned().unwrap_or((None, 0));
        // the filters were applied in SQL; the access rule is checked once more per row
        if !may_access_case(
            &actor.memberships,
            &actor.user_id,
            org,
            assigned.as_deref(),
            CaseAccess::Read,
        ) {
            continue;
        }
        let sealed: String = r.try_get("pseudonym_enc")?;
        out.push(CaseLine {
            pseudonym: open_in(&keys, org, "cases", "pseudonym_enc", &id, &sealed)?,
            reference: r.try_get("reference")?,
            crime_kind,
            status,
            created_at: r.try_get("created_at")?,
            assigned_to_me: mine,
            assigned_to: assigned,
            next_due,
            overdue,
            id,
        });
    }
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(org),
            action: if query.is_some() {
                "case.search"
            } else {
                "case.list"
            },
            target_kind: Some("case"),
            target_id: None,
            detail: format!("results={}", out.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

/// One event in a case's history.
#[derive(Debug, Clone)]
pub struct CaseEvent {
    pub seq: i64,
    pub at: String,
    /// The e-mail address of who did it (`None` for the system or a deleted account).
    pub actor_email: Option<String>,
    pub action: String,
}

/// The history of one case: who did what to it and when, newest first, from the audit chain
/// (the same rows `verify-audit` checks). Whoever may read the case may read its history.
pub async fn case_history(
    db: &Db,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<CaseEvent>> {
    guard(db, actor, case_id, CaseAccess::Read, now).await?;
    let rows = sqlx::query(
        "SELECT a.seq, a.at, a.action, u.email FROM audit_log a LEFT JOIN users u ON u.id = a.actor \
         WHERE a.target_kind = 'case' AND a.target_id = $1 ORDER BY a.seq DESC LIMIT 500",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(CaseEvent {
                seq: r.try_get("seq")?,
                at: r.try_get("at")?,
                actor_email: r.try_get("email")?,
                action: r.try_get("action")?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Needs assessments (versioned) and notes

use harbour_domain::workspace::NeedsAssessment;

/// One version of a case's needs assessment.
#[derive(Debug, Clone)]
pub struct AssessmentVersion {
    pub version: i64,
    pub created_at: String,
    pub created_by: Option<String>,
    pub answers: NeedsAssessment,
}

#[derive(Debug, Clone)]
pub struct Note {
    pub created_at: String,
    pub created_by: Option<String>,
    pub body: String,
}

/// The case's organisation and assignment, after checking `access`; refused access is audited
/// and answered like a missing case.
async fn guard(
    db: &Db,
    actor: &Actor,
    case_id: &str,
    access: CaseAccess,
    now: DateTime<Utc>,
) -> Result<String> {
    let row = sqlx::query("SELECT organization_id, assigned_to FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let org: String = row.try_get("organization_id")?;
    let assigned: Option<String> = row.try_get("assigned_to")?;
    if may_access_case(
        &actor.memberships,
        &actor.user_id,
        &org,
        assigned.as_deref(),
        access,
    ) {
        return Ok(org);
    }
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "case.access.denied",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Err(WorkspaceError::NotFound)
}

/// Records a new version of the needs assessment.
pub async fn add_assessment(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    answers: NeedsAssessment,
    now: DateTime<Utc>,
) -> Result<i64> {
    let answers = answers
        .validated()
        .map_err(|reason| invalid("assessment", &reason))?;
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let (key_id, key) = &keys.active_data;
    let id = Uuid::new_v4().to_string();
    let json =
        serde_json::to_string(&answers).map_err(|e| invalid("assessment", &e.to_string()))?;
    let sealed = crypto::seal(
        key_id,
        key,
        Place {
            organization: &org,
            table: "case_assessments",
            column: "answers_enc",
            row: &id,
        },
        &json,
    );
    let mut tx = db.pool().begin().await?;
    lock(&mut tx).await?;
    let version: i64 = sqlx::query(
        "SELECT COALESCE(MAX(version), 0) + 1 AS v FROM case_assessments WHERE case_id = $1",
    )
    .bind(case_id)
    .fetch_one(&mut *tx)
    .await?
    .try_get("v")?;
    sqlx::query(
        "INSERT INTO case_assessments (id, case_id, organization_id, version, answers_enc, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(case_id)
    .bind(&org)
    .bind(version)
    .bind(&sealed)
    .bind(&actor.user_id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE cases SET updated_at = $1 WHERE id = $2")
        .bind(ts(now))
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "assessment.create",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("version={version}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Every version, oldest first. Audited.
pub async fn assessments(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<AssessmentVersion>> {
    let org = guard(db, actor, case_id, CaseAccess::Read, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let rows = sqlx::query(
        "SELECT id, version, answers_enc, created_by, created_at FROM case_assessments \
         WHERE case_id = $1 ORDER BY version",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let sealed: String = r.try_get("answers_enc")?;
        let kid = crypto::key_id_of(&sealed).unwrap_or("");
        let key = keys
            .all
            .get(kid)
            .ok_or_else(|| CryptoError::UnknownKey(kid.to_string()))?;
        let json = crypto::open(
            key,
            Place {
                organization: &org,
                table: "case_assessments",
                column: "answers_enc",
                row: &id,
            },
            &sealed,
        )?;
        out.push(AssessmentVersion {
            version: r.try_get("version")?,
            created_at: r.try_get("created_at")?,
            created_by: r.try_get("created_by")?,
            answers: serde_json::from_str(&json).unwrap_or_default(),
        });
    }
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "assessment.read",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("versions={}", out.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

pub async fn add_note(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let body = body.trim();
    if body.is_empty() || body.chars().count() > 20_000 {
        return Err(invalid("note", "1 to 20000 characters"));
    }
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let (key_id, key) = &keys.active_data;
    let id = Uuid::new_v4().to_string();
    let sealed = crypto::seal(
        key_id,
        key,
        Place {
            organization: &org,
            table: "case_notes",
            column: "body_enc",
            row: &id,
        },
        body,
    );
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO case_notes (id, case_id, organization_id, body_enc, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(case_id)
    .bind(&org)
    .bind(&sealed)
    .bind(&actor.user_id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "note.create",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Notes, newest first. Audited.
pub async fn notes(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Note>> {
    let org = guard(db, actor, case_id, CaseAccess::Read, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let rows = sqlx::query(
        "SELECT id, body_enc, created_by, created_at FROM case_notes WHERE case_id = $1 \
         ORDER BY created_at DESC",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let sealed: String = r.try_get("body_enc")?;
        let kid = crypto::key_id_of(&sealed).unwrap_or("");
        let key = keys
            .all
            .get(kid)
            .ok_or_else(|| CryptoError::UnknownKey(kid.to_string()))?;
        out.push(Note {
            body: crypto::open(
                key,
                Place {
                    organization: &org,
                    table: "case_notes",
                    column: "body_enc",
                    row: &id,
                },
                &sealed,
            )?,
            created_by: r.try_get("created_by")?,
            created_at: r.try_get("created_at")?,
        });
    }
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "note.read",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("notes={}", out.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// People, training, assignment

use harbour_domain::workspace::{may_be_assigned, NotAssignable, Training, COURSES};

/// A person of the organisation, with their roles and training.
#[derive(Debug, Clone)]
pub struct Member {
    pub user_id: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub trainings: Vec<Training>,
}

fn manages(actor: &Actor, org: &str) -> bool {
    actor
        .memberships
        .iter()
        .any(|m| m.organization == org && matches!(m.role, Role::Supervisor | Role::OrgAdmin))
}

async fn trainings_of(db: &Db, user_id: &str, org: &str) -> Result<Vec<Training>> {
    let rows = sqlx::query(
        "SELECT course, completed_on, expires_on FROM trainings WHERE user_id = $1 \
         AND organization_id = $2 ORDER BY completed_on",
    )
    .bind(user_id)
    .bind(org)
    .fetch_all(db.pool())
    .await?;
    let date = |s: String| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(Training {
                course: r.try_get("course").ok()?,
                completed_on: date(r.try_get("completed_on").ok()?)?,
                expires_on: r
                    .try_get::<Option<String>, _>("expires_on")
                    .ok()?
                    .and_then(date),
            })
        })
        .collect())
}

/// The people of an organisation (for its supervisors and admins).
pub async fn members(db: &Db, actor: &Actor, org: &str) -> Result<Vec<Member>> {
    if !manages(actor, org) {
        return Err(WorkspaceError::Forbidden);
    }
    let rows = sqlx::query(
        "SELECT u.id, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organization_id = $1 ORDER BY u.email",
    )
    .bind(org)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<Member> = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let role = Role::parse(&r.try_get::<String, _>("role")?);
        match out.iter_mut().find(|m| m.user_id == id) {
            Some(m) => m.roles.extend(role),
            None => out.push(Member {
                trainings: trainings_of(db, &id, org).await?,
                email: r.try_get("email")?,
                roles: role.into_iter().collect(),
                user_id: id,
            }),
        }
    }
    Ok(out)
}

/// Records a course a person completed.
#[allow(clippy::too_many_arguments)]
pub async fn record_training(
    db: &Db,
    actor: &Actor,
    org: &str,
    user_id: &str,
    course: &str,
    completed_on: chrono::NaiveDate,
    expires_on: Option<chrono::NaiveDate>,
    evidence: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    if !manages(actor, org) {
        return Err(WorkspaceError::Forbidden);
    }
    if !COURSES.contains(&course) {
        return Err(invalid("course", "unknown course"));
    }
    if expires_on.is_some_and(|e| e < completed_on) {
        return Err(invalid("expires_on", "before the completion date"));
    }
    let member =
        sqlx::query("SELECT 1 AS x FROM memberships WHERE user_id = $1 AND organization_id = $2")
            .bind(user_id)
            .bind(org)
            .fetch_optional(db.pool())
            .await?;
    if member.is_none() {
        return Err(invalid("person", "not a member of this organisation"));
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO trainings (id, user_id, organization_id, course, completed_on, expires_on, \
         evidence, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Uuid::new_v4().to_string())
    .bind(user_id)
    .bind(org)
    .bind(course)
    .bind(completed_on.format("%Y-%m-%d").to_string())
    .bind(expires_on.map(|d| d.format("%Y-%m-%d").to_string()))
    .bind(evidence.map(str::trim).filter(|e| !e.is_empty()))
    .bind(&actor.user_id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(org),
            action: "training.record",
            target_kind: Some("user"),
            target_id: Some(user_id),
            detail: format!("course={course}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug)]
pub enum AssignError {
    NotAssignable(NotAssignable),
    Other(WorkspaceError),
}

impl<E: Into<WorkspaceError>> From<E> for AssignError {
    fn from(e: E) -> Self {
        AssignError::Other(e.into())
    }
}

/// Assigns a case to a person of its organisation, if their training allows (supervisors and
/// admins assign). A refusal says why and changes nothing.
pub async fn assign_case(
    db: &Db,
    actor: &Actor,
    case_id: &str,
    assignee: &str,
    now: DateTime<Utc>,
) -> std::result::Result<(), AssignError> {
    let row = sqlx::query("SELECT organization_id, crime_kind, child FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let org: String = row.try_get("organization_id")?;
    if !manages(actor, &org) {
        return Err(WorkspaceError::NotFound.into());
    }
    let kind: Option<String> = row.try_get("crime_kind")?;
    let child = row.try_get::<i64, _>("child")? == 1;
    let person = self::actor(db, assignee).await?;
    let roles: Vec<Role> = person
        .memberships
        .iter()
        .filter(|m| m.organization == org)
        .map(|m| m.role)
        .collect();
    if roles.is_empty() {
        return Err(WorkspaceError::Invalid {
            field: "assignee".into(),
            reason: "not a member of this organisation".into(),
        }
        .into());
    }
    let trainings = trainings_of(db, assignee, &org).await?;
    may_be_assigned(&roles, &trainings, kind.as_deref(), child, now.date_naive())
        .map_err(AssignError::NotAssignable)?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE cases SET assigned_to = $1, updated_at = $2 WHERE id = $3")
        .bind(assignee)
        .bind(ts(now))
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "case.assign",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("assignee={assignee}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Closure, retention, subject access and erasure

/// Outcomes a case can close with.
pub const OUTCOMES: [&str; 4] = ["support_completed", "referred", "declined", "no_contact"];

/// Closes a case with its outcome (who may write the case may close it).
pub async fn close_case(
    db: &Db,
    actor: &Actor,
    case_id: &str,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    if !OUTCOMES.contains(&outcome) {
        return Err(invalid("outcome", "unknown outcome"));
    }
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE cases SET status = 'closed', outcome = $1, closed_at = $2, updated_at = $2 \
         WHERE id = $3",
    )
    .bind(outcome)
    .bind(ts(now))
    .bind(case_id)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "case.close",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("outcome={outcome}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets how long closed cases are kept (months; None keeps them until erased by hand).
pub async fn set_retention(
    db: &Db,
    actor: Option<&Actor>,
    org: &str,
    months: Option<u32>,
    now: DateTime<Utc>,
) -> Result<()> {
    if let Some(a) = actor {
        if !a
            .memberships
            .iter()
            .any(|m| m.organization == org && m.role == Role::OrgAdmin)
        {
            return Err(WorkspaceError::Forbidden);
        }
    }
    if months.is_some_and(|m| m == 0 || m > 1200) {
        return Err(invalid("months", "1 to 1200"));
    }
    let mut tx = db.pool().begin().await?;
    let n = sqlx::query("UPDATE ws_organizations SET retention_months = $1 WHERE id = $2")
        .bind(months.map(i64::from))
        .bind(org)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(WorkspaceError::NotFound);
    }
    audit(
        &mut tx,
        AuditEntry {
            actor: actor.map(|a| a.user_id.as_str()),
            organization: Some(org),
            action: "retention.set",
            target_kind: Some("organization"),
            target_id: Some(org),
            detail: format!("months={}", months.map_or("none".into(), |m| m.to_string())),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn delete_case(tx: &mut Transaction<'_, Any>, case_id: &str) -> Result<()> {
    for table in [
        "case_notes",
        "case_assessments",
        "case_actions",
        "consents",
        "case_contacts",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE case_id = $1"))
            .bind(case_id)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("DELETE FROM cases WHERE id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// What a retention run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purge {
    pub cases: usize,
    pub organizations: usize,
}

/// Deletes the cases closed longer ago than their organisation's retention period, then
/// rotates the keys of every organisation that lost cases, so that copies of the deleted cases
/// in earlier backups can no longer be decrypted (crypto-shredding).
pub async fn purge_expired(db: &Db, mk: &MasterKey, now: DateTime<Utc>) -> Result<Purge> {
    let orgs = sqlx::query(
        "SELECT id, retention_months FROM ws_organizations WHERE retention_months IS NOT NULL",
    )
    .fetch_all(db.pool())
    .await?;
    let mut report = Purge::default();
    for o in &orgs {
        let org: String = o.try_get("id")?;
        let months: i64 = o.try_get("retention_months")?;
        let cutoff = now
            .checked_sub_months(chrono::Months::new(u32::try_from(months).unwrap_or(0)))
            .unwrap_or(now);
        let ids: Vec<String> = sqlx::query(
            "SELECT id FROM cases WHERE organization_id = $1 AND status = 'closed' \
             AND closed_at IS NOT NULL AND closed_at < $2",
        )
        .bind(&org)
        .bind(ts(cutoff))
        .fetch_all(db.pool())
        .await?
        .iter()
        .filter_map(|r| r.try_get::<String, _>("id").ok())
        .collect();
        if ids.is_empty() {
            continue;
        }
        let mut tx = db.pool().begin().await?;
        lock(&mut tx).await?;
        for id in &ids {
            delete_case(&mut tx, id).await?;
        }
        audit(
            &mut tx,
            AuditEntry {
                actor: None,
                organization: Some(&org),
                action: "retention.purge",
                target_kind: Some("organization"),
                target_id: Some(&org),
                detail: format!("cases={}", ids.len()),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        report.cases += ids.len();
        report.organizations += 1;
    }
    if report.cases > 0 {
        rotate_keys(db, mk, now).await?;
    }
    Ok(report)
}

/// Runs a scheduled job if it is due and no other node holds it; returns whether it ran.
pub async fn run_job_if_due<F, Fut>(
    db: &Db,
    name: &str,
    every: Duration,
    now: DateTime<Utc>,
    job: F,
) -> Result<bool>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<String>>,
{
    let taken = sqlx::query(
        "UPDATE jobs SET locked_until = $1 WHERE name = $2 AND next_run_at <= $3 \
         AND (locked_until IS NULL OR locked_until < $3)",
    )
    .bind(ts(now + Duration::minutes(30)))
    .bind(name)
    .bind(ts(now))
    .execute(db.pool())
    .await?
    .rows_affected();
    if taken != 1 {
        return Ok(false);
    }
    let result = job().await;
    let summary = match &result {
        Ok(s) => s.clone(),
        Err(e) => format!("failed: {}", e.code()),
    };
    sqlx::query(
        "UPDATE jobs SET locked_until = NULL, next_run_at = $1, last_result = $2 WHERE name = $3",
    )
    .bind(ts(now + every))
    .bind(summary)
    .bind(name)
    .execute(db.pool())
    .await?;
    result.map(|_| true)
}

/// Everything Harbour holds about the victim of one case, for a subject access request.
pub async fn export_case(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<serde_json::Value> {
    let case = read_case(db, mk, actor, case_id, now).await?;
    let versions = assessments(db, mk, actor, case_id, now).await?;
    let notes = notes(db, mk, actor, case_id, now).await?;
    let actions = plan(db, mk, actor, case_id, now).await?;
    let consent_list = consents(db, mk, actor, case_id, now).await?;
    let contact_log = contacts(db, mk, actor, case_id, now).await?;
    let trail = sqlx::query(
        "SELECT at, action, detail FROM audit_log WHERE target_kind = 'case' AND target_id = $1 \
         ORDER BY seq",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    let i = &case.intake;
    let value = serde_json::json!({
        "reference": case.reference,
        "created_at": case.created_at,
        "status": case.status,
        "pseudonym": i.pseudonym,
        "name": i.name,
        "contact": i.contact,
        "safe_contact": i.safe_contact,
        "narrative": i.narrative,
        "crime_kind": i.crime_kind,
        "crime_country": i.crime_country,
        "child": i.child,
        "details": i.details,
        "support_plan": actions.iter().map(|a| serde_json::json!({
            "domain": a.domain, "action": a.action, "due_on": a.due_on.map(|d| d.to_string()),
            "done": a.done,
        })).collect::<Vec<_>>(),
        "contacts": contact_log.iter().map(|c| serde_json::json!({
            "at": c.happened_at, "channel": c.channel, "direction": c.direction,
            "outcome": c.outcome, "summary": c.summary,
        })).collect::<Vec<_>>(),
        "consents": consent_list.iter().map(|c| serde_json::json!({
            "purpose": c.purpose, "scope": c.scope, "given_on": c.given_on,
            "withdrawn_on": c.withdrawn_on,
        })).collect::<Vec<_>>(),
        "assessments": versions.iter().map(|v| serde_json::json!({
            "version": v.version, "created_at": v.created_at, "answers": v.answers,
        })).collect::<Vec<_>>(),
        "notes": notes.iter().map(|n| serde_json::json!({
            "created_at": n.created_at, "body": n.body,
        })).collect::<Vec<_>>(),
        "processing_record": trail.iter().filter_map(|r| Some(serde_json::json!({
            "at": r.try_get::<String, _>("at").ok()?,
            "action": r.try_get::<String, _>("action").ok()?,
        }))).collect::<Vec<_>>(),
    });
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&case.organization_id),
            action: "case.export",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(value)
}

/// Erases a case on the victim's request (organisation admins only): real deletion, audited.
pub async fn erase_case(db: &Db, actor: &Actor, case_id: &str, now: DateTime<Utc>) -> Result<()> {
    let row = sqlx::query("SELECT organization_id FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let org: String = row.try_get("organization_id")?;
    if !actor
        .memberships
        .iter()
        .any(|m| m.organization == org && m.role == Role::OrgAdmin)
    {
        return Err(WorkspaceError::NotFound);
    }
    let mut tx = db.pool().begin().await?;
    lock(&mut tx).await?;
    delete_case(&mut tx, case_id).await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "case.erase",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Re-wraps every organisation key and two-factor secret under a new master key, in one
/// transaction. Once the old master key is destroyed, backups made before (which hold only keys
/// wrapped by it) can no longer be decrypted: this is how purged data is shredded in backups.
pub async fn rotate_master_key(
    db: &Db,
    old: &MasterKey,
    new: &MasterKey,
    now: DateTime<Utc>,
) -> Result<usize> {
    let mut tx = db.pool().begin().await?;
    lock(&mut tx).await?;
    let keys = sqlx::query("SELECT id, organization_id, wrapped, master_key_id FROM org_keys")
        .fetch_all(&mut *tx)
        .await?;
    let mut n = 0;
    for r in &keys {
        let id: String = r.try_get("id")?;
        let org: String = r.try_get("organization_id")?;
        let master: String = r.try_get("master_key_id")?;
        if master != old.id() {
            return Err(CryptoError::OtherMaster(master).into());
        }
        let dek = old.unwrap(&org, &id, &r.try_get::<String, _>("wrapped")?)?;
        sqlx::query("UPDATE org_keys SET wrapped = $1, master_key_id = $2 WHERE id = $3")
            .bind(new.wrap(&org, &id, &dek))
            .bind(new.id())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        n += 1;
    }
    let users =
        sqlx::query("SELECT id, totp_secret_enc FROM users WHERE totp_secret_enc IS NOT NULL")
            .fetch_all(&mut *tx)
            .await?;
    for r in &users {
        let id: String = r.try_get("id")?;
        let secret = old.open_secret("totp", &id, &r.try_get::<String, _>("totp_secret_enc")?)?;
        sqlx::query("UPDATE users SET totp_secret_enc = $1 WHERE id = $2")
            .bind(new.seal_secret("totp", &id, &secret))
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        n += 1;
    }
    audit(
        &mut tx,
        AuditEntry {
            actor: None,
            organization: None,
            action: "keys.rotate_master",
            target_kind: None,
            target_id: None,
            detail: format!("from={} to={}", old.id(), new.id()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

// ---------------------------------------------------------------------------------------------
// Support plan and consent ledger

/// Consent purposes the ledger knows.
pub const PURPOSES: [&str; 4] = ["support", "referral", "contact_third_party", "data_sharing"];

#[derive(Debug, Clone)]
pub struct PlanAction {
    pub id: String,
    pub domain: String,
    pub action: String,
    pub owner: Option<String>,
    pub due_on: Option<chrono::NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone)]
pub struct Consent {
    pub id: String,
    pub purpose: String,
    pub scope: Option<String>,
    pub given_on: String,
    pub recorded_by: Option<String>,
    pub withdrawn_on: Option<String>,
}

fn seal_in(keys: &OrgKeys, org: &str, table: &str, column: &str, row: &str, v: &str) -> String {
    let (kid, key) = &keys.active_data;
    crypto::seal(
        kid,
        key,
        Place {
            organization: org,
            table,
            column,
            row,
        },
        v,
    )
}

fn open_in(
    keys: &OrgKeys,
    org: &str,
    table: &str,
    column: &str,
    row: &str,
    v: &str,
) -> Result<String> {
    let kid = crypto::key_id_of(v).unwrap_or("");
    let key = keys
        .all
        .get(kid)
        .ok_or_else(|| CryptoError::UnknownKey(kid.to_string()))?;
    Ok(crypto::open(
        key,
        Place {
            organization: org,
            table,
            column,
            row,
        },
        v,
    )?)
}

async fn audit_one(
    db: &Db,
    actor: &Actor,
    org: &str,
    action: &str,
    case_id: &str,
    detail: String,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(org),
            action,
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds an action to the support plan, for a need domain, with an owner and a due date.
#[allow(clippy::too_many_arguments)]
pub async fn add_action(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    domain: &str,
    action: &str,
    owner: Option<&str>,
    due_on: Option<chrono::NaiveDate>,
    now: DateTime<Utc>,
) -> Result<()> {
    if !harbour_domain::workspace::DOMAINS.contains(&domain) {
        return Err(invalid("domain", "unknown need domain"));
    }
    let action = action.trim();
    if action.is_empty() || action.chars().count() > 2000 {
        return Err(invalid("action", "1 to 2000 characters"));
    }
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    if let Some(o) = owner {
        let member = sqlx::query(
            "SELECT 1 AS x FROM memberships WHERE user_id = $1 AND organization_id = $2",
        )
        .bind(o)
        .bind(&org)
        .fetch_optional(db.pool())
        .await?;
        if member.is_none() {
            return Err(invalid("owner", "not a member of this organisation"));
        }
    }
    let keys = org_keys(db, mk, &org).await?;
    let id = Uuid::new_v4().to_string();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO case_actions (id, case_id, organization_id, domain, action_enc, owner, due_on, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(case_id)
    .bind(&org)
    .bind(domain)
    .bind(seal_in(&keys, &org, "case_actions", "action_enc", &id, action))
    .bind(owner)
    .bind(due_on.map(|d| d.format("%Y-%m-%d").to_string()))
    .bind(&actor.user_id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "plan.add",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("domain={domain}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn complete_action(
    db: &Db,
    actor: &Actor,
    case_id: &str,
    action_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let n = sqlx::query(
        "UPDATE case_actions SET done_at = $1 WHERE id = $2 AND case_id = $3 AND done_at IS NULL",
    )
    .bind(ts(now))
    .bind(action_id)
    .bind(case_id)
    .execute(db.pool())
    .await?
    .rows_affected();
    if n == 0 {
        return Err(WorkspaceError::NotFound);
    }
    audit_one(db, actor, &org, "plan.done", case_id, String::new(), now).await
}

/// The support plan of a case. Audited.
pub async fn plan(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<PlanAction>> {
    let org = guard(db, actor, case_id, CaseAccess::Read, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let rows = sqlx::query(
        "SELECT id, domain, action_enc, owner, due_on, done_at FROM case_actions \
         WHERE case_id = $1 ORDER BY created_at",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let sealed: String = r.try_get("action_enc")?;
        out.push(PlanAction {
            action: open_in(&keys, &org, "case_actions", "action_enc", &id, &sealed)?,
            domain: r.try_get("domain")?,
            owner: r.try_get("owner")?,
            due_on: r
                .try_get::<Option<String>, _>("due_on")?
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            done: r.try_get::<Option<String>, _>("done_at")?.is_some(),
            id,
        });
    }
    audit_one(
        db,
        actor,
        &org,
        "plan.read",
        case_id,
        format!("actions={}", out.len()),
        now,
    )
    .await?;
    Ok(out)
}

/// A person's open actions, due or overdue first (for the dashboard). Only ids, dates and
/// case references: nothing sealed is opened.
#[derive(Debug, Clone)]
pub struct DueAction {
    pub case_id: String,
    pub reference: String,
    pub domain: String,
    pub due_on: Option<chrono::NaiveDate>,
    pub overdue: bool,
}

pub async fn my_due_actions(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<Vec<DueAction>> {
    let rows = sqlx::query(
        "SELECT a.case_id, c.reference, a.domain, a.due_on FROM case_actions a \
         JOIN cases c ON c.id = a.case_id WHERE a.owner = $1 AND a.done_at IS NULL \
         ORDER BY a.due_on",
    )
    .bind(&actor.user_id)
    .fetch_all(db.pool())
    .await?;
    let today = now.date_naive();
    Ok(rows
        .iter()
        .filter_map(|r| {
            let due = r
                .try_get::<Option<String>, _>("due_on")
                .ok()?
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
            Some(DueAction {
                case_id: r.try_get("case_id").ok()?,
                reference: r.try_get("reference").ok()?,
                domain: r.try_get("domain").ok()?,
                overdue: due.is_some_and(|d| d < today),
                due_on: due,
            })
        })
        .collect())
}

/// Records a consent the victim gave (purpose, scope, date); the scope text is sealed.
#[allow(clippy::too_many_arguments)]
pub async fn record_consent(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    purpose: &str,
    scope: Option<&str>,
    given_on: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    if !PURPOSES.contains(&purpose) {
        return Err(invalid("purpose", "unknown purpose"));
    }
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let id = Uuid::new_v4().to_string();
    let scope = scope.map(str::trim).filter(|s| !s.is_empty());
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO consents (id, case_id, organization_id, purpose, scope_enc, given_on, \
         recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(case_id)
    .bind(&org)
    .bind(purpose)
    .bind(scope.map(|s| seal_in(&keys, &org, "consents", "scope_enc", &id, s)))
    .bind(given_on.format("%Y-%m-%d").to_string())
    .bind(&actor.user_id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "consent.record",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("purpose={purpose}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdrawal keeps the record and its history: the date of withdrawal is added.
pub async fn withdraw_consent(
    db: &Db,
    actor: &Actor,
    case_id: &str,
    consent_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let n = sqlx::query(
        "UPDATE consents SET withdrawn_on = $1 WHERE id = $2 AND case_id = $3 AND withdrawn_on IS NULL",
    )
    .bind(now.date_naive().format("%Y-%m-%d").to_string())
    .bind(consent_id)
    .bind(case_id)
    .execute(db.pool())
    .await?
    .rows_affected();
    if n == 0 {
        return Err(WorkspaceError::NotFound);
    }
    audit_one(
        db,
        actor,
        &org,
        "consent.withdraw",
        case_id,
        String::new(),
        now,
    )
    .await
}

pub async fn consents(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Consent>> {
    let org = guard(db, actor, case_id, CaseAccess::Read, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let rows = sqlx::query(
        "SELECT id, purpose, scope_enc, given_on, recorded_by, withdrawn_on FROM consents \
         WHERE case_id = $1 ORDER BY created_at",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let scope = match r.try_get::<Option<String>, _>("scope_enc")? {
            Some(s) => Some(open_in(&keys, &org, "consents", "scope_enc", &id, &s)?),
            None => None,
        };
        out.push(Consent {
            purpose: r.try_get("purpose")?,
            scope,
            given_on: r.try_get("given_on")?,
            recorded_by: r.try_get("recorded_by")?,
            withdrawn_on: r.try_get("withdrawn_on")?,
            id,
        });
    }
    audit_one(db, actor, &org, "consent.read", case_id, String::new(), now).await?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Statistics (aggregate, for funders and the network): counts only, from columns that are not
// personal; no pseudonym, name, contact or free text ever enters a report.

/// One figure of a report: what is counted, the value it is broken down by, the count.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Figure {
    pub dimension: &'static str,
    pub value: String,
    pub count: u64,
}

/// Counts of an organisation's casework in a period (inclusive dates, by opening date for cases
/// opened and by closing date for cases closed).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Statistics {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub figures: Vec<Figure>,
}

impl Statistics {
    /// The report as CSV: `dimension,value,count`, one figure per line.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("dimension,value,count\n");
        for f in &self.figures {
            // values are codes (kinds of crime, country codes, months), never free text
            out.push_str(&format!("{},{},{}\n", f.dimension, f.value, f.count));
        }
        out
    }

    pub fn get(&self, dimension: &str, value: &str) -> u64 {
        self.figures
            .iter()
            .find(|f| f.dimension == dimension && f.value == value)
            .map_or(0, |f| f.count)
    }
}

/// The casework statistics of `org` between two dates, for its supervisors and admins. Audited.
pub async fn statistics(
    db: &Db,
    actor: &Actor,
    org: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<Statistics> {
    if !manages(actor, org) {
        return Err(WorkspaceError::Forbidden);
    }
    if to < from {
        return Err(invalid("to", "the end is before the start"));
    }
    if (to - from).num_days() > 3660 {
        return Err(invalid("from", "at most ten years"));
    }
    let start = format!("{from}T00:00:00");
    let end = format!("{}T00:00:00", to + Duration::days(1));
    let rows = sqlx::query(
        "SELECT created_at, crime_kind, crime_country, child, status, outcome, closed_at \
         FROM cases WHERE organization_id = $1",
    )
    .bind(org)
    .fetch_all(db.pool())
    .await?;
    let mut counts: std::collections::BTreeMap<(&'static str, String), u64> = Default::default();
    let mut add = |d: &'static str, v: String| *counts.entry((d, v)).or_insert(0) += 1;
    for r in &rows {
        let created: String = r.try_get("created_at")?;
        let closed: Option<String> = r.try_get("closed_at")?;
        if created.as_str() >= start.as_str() && created.as_str() < end.as_str() {
            add("opened", "total".into());
            add(
                "opened_by_month",
                created.get(..7).unwrap_or("").to_string(),
            );
            let kind: Option<String> = r.try_get("crime_kind")?;
            add(
                "opened_by_crime_kind",
                kind.unwrap_or_else(|| "unknown".into()),
            );
            let country: Option<String> = r.try_get("crime_country")?;
            add(
                "opened_by_crime_country",
                country
                    .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
                    .map(|c| c.to_ascii_uppercase())
                    .unwrap_or_else(|| "unknown".into()),
            );
            if r.try_get::<i64, _>("child")? == 1 {
                add("opened", "child_victim".into());
            }
        }
        if let Some(c) = closed {
            if c.as_str() >= start.as_str() && c.as_str() < end.as_str() {
                add("closed", "total".into());
                let outcome: Option<String> = r.try_get("outcome")?;
                add(
                    "closed_by_outcome",
                    outcome
                        .filter(|o| OUTCOMES.contains(&o.as_str()))
                        .unwrap_or_else(|| "unknown".into()),
                );
            }
        }
        let status: String = r.try_get("status")?;
        if status == "open" {
            add("open_now", "total".into());
        }
    }
    for (dimension, sql) in [
        (
            "assessments_recorded",
            "SELECT created_at AS at FROM case_assessments WHERE organization_id = $1",
        ),
        (
            "plan_actions_done",
            "SELECT done_at AS at FROM case_actions WHERE organization_id = $1 AND done_at IS NOT NULL",
        ),
    ] {
        for r in sqlx::query(sql).bind(org).fetch_all(db.pool()).await? {
            let at: String = r.try_get("at")?;
            if at.as_str() >= start.as_str() && at.as_str() < end.as_str() {
                add(dimension, "total".into());
            }
        }
    }
    for r in
        sqlx::query("SELECT happened_at, outcome FROM case_contacts WHERE organization_id = $1")
            .bind(org)
            .fetch_all(db.pool())
            .await?
    {
        let at: String = r.try_get("happened_at")?;
        if at.as_str() >= start.as_str() && at.as_str() < end.as_str() {
            let outcome: String = r.try_get("outcome")?;
            add("contacts", "total".into());
            if CONTACT_OUTCOMES.contains(&outcome.as_str()) {
                add("contacts_by_outcome", outcome);
            }
        }
    }
    let figures = counts
        .into_iter()
        .map(|((dimension, value), count)| Figure {
            dimension,
            value,
            count,
        })
        .collect();
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(org),
            action: "report.statistics",
            target_kind: Some("organization"),
            target_id: Some(org),
            detail: format!("from={from} to={to}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Statistics { from, to, figures })
}

// ---------------------------------------------------------------------------------------------
// Contact log

/// Directions of a contact.
pub const DIRECTIONS: [&str; 2] = ["outgoing", "incoming"];
/// What came of a contact.
pub const CONTACT_OUTCOMES: [&str; 5] = [
    "reached",
    "no_answer",
    "message_left",
    "not_safe_to_talk",
    "wrong_contact",
];

/// One entry of the contact log, with what it conflicts with in the safe-contact profile.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Contact {
    pub id: String,
    pub happened_at: String,
    pub channel: String,
    pub direction: String,
    pub outcome: String,
    pub summary: Option<String>,
    pub created_by: Option<String>,
    /// `channel_not_safe` (an outgoing contact on a channel the profile does not list as safe)
    /// and/or `message_left` (a message was left although the profile says not to).
    pub conflicts: Vec<&'static str>,
}

/// Logs a contact with the victim. Whoever may write the case may log; what was said is sealed.
#[allow(clippy::too_many_arguments)]
pub async fn add_contact(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    happened_at: chrono::NaiveDateTime,
    channel: &str,
    direction: &str,
    outcome: &str,
    summary: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String> {
    if !harbour_domain::workspace::CHANNELS.contains(&channel) {
        return Err(invalid("channel", "unknown channel"));
    }
    if !DIRECTIONS.contains(&direction) {
        return Err(invalid("direction", "outgoing or incoming"));
    }
    if !CONTACT_OUTCOMES.contains(&outcome) {
        return Err(invalid("outcome", "unknown outcome"));
    }
    if happened_at.and_utc() > now + Duration::minutes(5) {
        return Err(invalid("happened_at", "not in the future"));
    }
    let summary = summary.map(str::trim).filter(|s| !s.is_empty());
    if summary.is_some_and(|s| s.chars().count() > 5000) {
        return Err(invalid("summary", "at most 5000 characters"));
    }
    let org = guard(db, actor, case_id, CaseAccess::Write, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    let id = Uuid::new_v4().to_string();
    let sealed = summary.map(|v| seal_in(&keys, &org, "case_contacts", "summary_enc", &id, v));
    let mut tx = db.pool().begin().await?;
    lock(&mut tx).await?;
    sqlx::query(
        "INSERT INTO case_contacts (id, case_id, organization_id, happened_at, channel, direction, \
         outcome, summary_enc, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(case_id)
    .bind(&org)
    .bind(happened_at.format("%Y-%m-%dT%H:%M").to_string())
    .bind(channel)
    .bind(direction)
    .bind(outcome)
    .bind(sealed)
    .bind(&actor.user_id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: Some(&actor.user_id),
            organization: Some(&org),
            action: "contact.add",
            target_kind: Some("case"),
            target_id: Some(case_id),
            detail: format!("channel={channel} direction={direction} outcome={outcome}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The contact log of a case, newest first, each entry checked against the current safe-contact
/// profile. Audited.
pub async fn contacts(
    db: &Db,
    mk: &MasterKey,
    actor: &Actor,
    case_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Contact>> {
    let org = guard(db, actor, case_id, CaseAccess::Read, now).await?;
    let keys = org_keys(db, mk, &org).await?;
    // only the safe-contact profile is needed, not the rest of the case
    let sealed_profile: Option<String> = sqlx::query("SELECT details_enc FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_one(db.pool())
        .await?
        .try_get("details_enc")?;
    let profile: harbour_domain::workspace::CaseDetails = match sealed_profile {
        Some(v) => {
            serde_json::from_str(&open_in(&keys, &org, "cases", "details_enc", case_id, &v)?)
                .map_err(|e| WorkspaceError::Corrupt(format!("case details: {e}")))?
        }
        None => Default::default(),
    };
    let rows = sqlx::query(
        "SELECT id, happened_at, channel, direction, outcome, summary_enc, created_by \
         FROM case_contacts WHERE case_id = $1 ORDER BY happened_at DESC, created_at DESC",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("id")?;
        let sealed: Option<String> = r.try_get("summary_enc")?;
        let channel: String = r.try_get("channel")?;
        let direction: String = r.try_get("direction")?;
        let outcome: String = r.try_get("outcome")?;
        let conflicts = profile.contact_conflicts(&channel, &direction, &outcome);
        out.push(Contact {
            summary: match sealed {
                Some(v) => Some(open_in(
                    &keys,
                    &org,
                    "case_contacts",
                    "summary_enc",
                    &id,
                    &v,
                )?),
                None => None,
            },
            happened_at: r.try_get("happened_at")?,
            created_by: r.try_get("created_by")?,
            channel,
            direction,
            outcome,
            conflicts,
            id,
        });
    }
    audit_one(
        db,
        actor,
        &org,
        "contact.read",
        case_id,
        format!("contacts={}", out.len()),
        now,
    )
    .await?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Reminders

/// What one person is reminded of: counts only, never what the actions are or whose case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub user_id: String,
    pub email: String,
    pub locale: Option<String>,
    /// Open plan actions past their due date.
    pub overdue: usize,
    /// Open plan actions due today or in the next two days.
    pub due_soon: usize,
}

/// Everyone who owns open plan actions of open cases that are overdue or due within two days,
/// in an organisation they still belong to.
pub async fn reminder_digests(db: &Db, now: DateTime<Utc>) -> Result<Vec<Digest>> {
    let today = now.date_naive();
    let horizon = today + Duration::days(2);
    let rows = sqlx::query(
        "SELECT a.owner, a.due_on, u.email, u.locale FROM case_actions a \
         JOIN cases c ON c.id = a.case_id \
         JOIN users u ON u.id = a.owner \
         WHERE a.done_at IS NULL AND a.due_on IS NOT NULL AND a.due_on <= $1 \
         AND c.status = 'open' AND u.status = 'active' \
         AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = a.owner \
         AND m.organization_id = a.organization_id) ORDER BY u.email",
    )
    .bind(horizon.format("%Y-%m-%d").to_string())
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<Digest> = Vec::new();
    for r in &rows {
        let user_id: String = r.try_get("owner")?;
        let due: String = r.try_get("due_on")?;
        let overdue = due.as_str() < today.format("%Y-%m-%d").to_string().as_str();
        let d = match out.iter_mut().find(|d| d.user_id == user_id) {
            Some(d) => d,
            None => {
                out.push(Digest {
                    email: r.try_get("email")?,
                    locale: r.try_get("locale")?,
                    overdue: 0,
                    due_soon: 0,
                    user_id,
                });
                out.last_mut().ok_or(WorkspaceError::NotFound)?
            }
        };
        if overdue {
            d.overdue += 1;
        } else {
            d.due_soon += 1;
        }
    }
    Ok(out)
}

/// Records that a reminder went out (counts only).
pub async fn record_reminder(db: &Db, d: &Digest, now: DateTime<Utc>) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    audit(
        &mut tx,
        AuditEntry {
            actor: None,
            organization: None,
            action: "reminder.sent",
            target_kind: Some("user"),
            target_id: Some(&d.user_id),
            detail: format!("overdue={} due_soon={}", d.overdue, d.due_soon),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Remembers the language a person's browser asked for, for their reminders.
pub async fn set_locale(db: &Db, user_id: &str, locale: &str) -> Result<()> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}
