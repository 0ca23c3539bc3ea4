//! The directory aggregate: organizations with their services, taxonomies, and the change feed
//! that keeps every node's search index current.

use chrono::{DateTime, SecondsFormat, Utc};
use harbour_domain::hsds::{Organization, Service, Taxonomy, TaxonomyTerm};
use harbour_domain::import::ImportBatch;
use serde::{Deserialize, Serialize};
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;
use uuid::Uuid;

use crate::{Db, DbError};

/// Where a write comes from: the shipped seed (may be refreshed by a newer seed) or a person
/// (marks the organization as edited, so the seed never overwrites it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Seed,
    Edit,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct WriteReport {
    pub organizations_inserted: usize,
    pub organizations_updated: usize,
    pub organizations_unchanged: usize,
    pub services_written: usize,
    pub services_removed: usize,
}

/// A taxonomy with its terms, as shipped in `data/taxonomies.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaxonomyWithTerms {
    #[serde(flatten)]
    pub taxonomy: Taxonomy,
    pub code: String,
    pub terms: Vec<TaxonomyTerm>,
}

fn ts(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn to_json<T: Serialize>(v: &T) -> Result<String, DbError> {
    serde_json::to_string(v).map_err(|e| DbError::CorruptDocument {
        id: "-".into(),
        reason: e.to_string(),
    })
}

fn from_json<T: serde::de::DeserializeOwned>(id: &str, s: &str) -> Result<T, DbError> {
    serde_json::from_str(s).map_err(|e| DbError::CorruptDocument {
        id: id.into(),
        reason: e.to_string(),
    })
}

async fn next_version(tx: &mut Transaction<'_, Any>) -> Result<i64, DbError> {
    let row = sqlx::query(
        "UPDATE directory_state SET version = version + 1 WHERE id = 1 RETURNING version",
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// Content hash of a seed record, to tell whether a newer shipped seed changed it.
fn seed_hash(o: &Organization) -> String {
    // FNV-1a over the canonical JSON: stable across runs and platforms.
    let json = serde_json::to_string(o).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

async fn write_organization(
    tx: &mut Transaction<'_, Any>,
    org: &Organization,
    origin: Origin,
    version: i64,
    now: &str,
    report: &mut WriteReport,
) -> Result<(), DbError> {
    let id = org.id.to_string();
    let mut shell = org.clone();
    shell.services.clear();
    let doc = to_json(&shell)?;
    let seed_key = org.x_harbour.as_ref().and_then(|p| p.seed_key.clone());
    let hash = (origin == Origin::Seed).then(|| seed_hash(org));
    let edited: i64 = if origin == Origin::Edit { 1 } else { 0 };
    let exists = sqlx::query("SELECT id FROM organizations WHERE id = $1")
        .bind(&id)
        .fetch_optional(&mut **tx)
        .await?
        .is_some();
    if exists {
        sqlx::query(
            "UPDATE organizations SET name = $1, doc = $2, seed_hash = COALESCE($3, seed_hash), \
             edited = CASE WHEN $4 = 1 THEN 1 ELSE edited END, version = $5, modified_at = $6 WHERE id = $7",
        )
        .bind(&org.name)
        .bind(&doc)
        .bind(hash)
        .bind(edited)
        .bind(version)
        .bind(now)
        .bind(&id)
        .execute(&mut **tx)
        .await?;
        report.organizations_updated += 1;
    } else {
        sqlx::query(
            "INSERT INTO organizations (id, name, doc, seed_key, seed_hash, edited, version, modified_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(&org.name)
        .bind(&doc)
        .bind(seed_key)
        .bind(hash)
        .bind(edited)
        .bind(version)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        report.organizations_inserted += 1;
    }
    // Services the organization no longer lists are removed (and tombstoned for the index).
    let keep: Vec<String> = org.services.iter().map(|s| s.id.to_string()).collect();
    let existing = sqlx::query("SELECT id FROM services WHERE organization_id = $1")
        .bind(&id)
        .fetch_all(&mut **tx)
        .await?;
    for row in existing {
        let sid: String = row.try_get(0)?;
        if !keep.contains(&sid) {
            delete_service(tx, &sid, version).await?;
            report.services_removed += 1;
        }
    }
    for s in &org.services {
        write_service(tx, s, version, now).await?;
        report.services_written += 1;
    }
    Ok(())
}

async fn delete_service(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    version: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM services WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM service_tombstones WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO service_tombstones (id, version) VALUES ($1, $2)")
        .bind(id)
        .bind(version)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn write_service(
    tx: &mut Transaction<'_, Any>,
    s: &Service,
    version: i64,
    now: &str,
) -> Result<(), DbError> {
    let id = s.id.to_string();
    let mut stored = s.clone();
    stored.extra.remove("last_modified");
    let doc = to_json(&stored)?;
    let mut public = stored.redacted();
    public.extra.insert(
        "last_modified".into(),
        serde_json::Value::String(now.to_string()),
    );
    let public_doc = to_json(&public)?;
    let updated = sqlx::query(
        "UPDATE services SET organization_id = $1, doc = $2, public_doc = $3, version = $4, modified_at = $5 WHERE id = $6",
    )
    .bind(s.organization_id.to_string())
    .bind(&doc)
    .bind(&public_doc)
    .bind(version)
    .bind(now)
    .bind(&id)
    .execute(&mut **tx)
    .await?;
    if updated.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO services (id, organization_id, doc, public_doc, version, modified_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(s.organization_id.to_string())
        .bind(&doc)
        .bind(&public_doc)
        .bind(version)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("DELETE FROM service_tombstones WHERE id = $1")
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Writes a validated import batch in one transaction: all of it or nothing.
pub async fn import(
    db: &Db,
    batch: &ImportBatch,
    origin: Origin,
    now: DateTime<Utc>,
) -> Result<WriteReport, DbError> {
    let now = ts(now);
    let mut tx = db.writer().begin().await?;
    let version = next_version(&mut tx).await?;
    let mut report = WriteReport::default();
    for org in &batch.organizations {
        write_organization(&mut tx, org, origin, version, &now, &mut report).await?;
    }
    let in_batch: Vec<Uuid> = batch.organizations.iter().map(|o| o.id).collect();
    for (i, s) in batch.services.iter().enumerate() {
        if !in_batch.contains(&s.organization_id) {
            let found = sqlx::query("SELECT id FROM organizations WHERE id = $1")
                .bind(s.organization_id.to_string())
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(DbError::UnknownOrganization {
                    path: format!(
                        "{}.organization_id",
                        batch
                            .service_paths
                            .get(i)
                            .map(String::as_str)
                            .unwrap_or("$")
                    ),
                    organization_id: s.organization_id.to_string(),
                });
            }
        }
        write_service(&mut tx, s, version, &now).await?;
        if origin == Origin::Edit {
            sqlx::query(
                "UPDATE organizations SET edited = 1, version = $1, modified_at = $2 WHERE id = $3",
            )
            .bind(version)
            .bind(&now)
            .bind(s.organization_id.to_string())
            .execute(&mut *tx)
            .await?;
        }
        report.services_written += 1;
    }
    tx.commit().await?;
    Ok(report)
}

/// Loads the shipped directory. A record is inserted when new, refreshed when the shipped
/// version changed and nobody edited it here, and left alone otherwise — so a restart never
/// duplicates records and never overwrites local edits.
pub async fn load_seed(
    db: &Db,
    organizations: &[Organization],
    taxonomies: &[TaxonomyWithTerms],
    now: DateTime<Utc>,
) -> Result<WriteReport, DbError> {
    let now_s = ts(now);
    let mut tx = db.writer().begin().await?;
    let rows = sqlx::query("SELECT id, seed_hash, edited FROM organizations")
        .fetch_all(&mut *tx)
        .await?;
    let mut known: HashMap<String, (Option<String>, i64)> = HashMap::new();
    for r in rows {
        known.insert(r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?));
    }
    let mut report = WriteReport::default();
    let mut version = None;
    for org in organizations {
        let hash = seed_hash(org);
        match known.get(&org.id.to_string()) {
            Some((_, edited)) if *edited != 0 => {
                report.organizations_unchanged += 1;
                continue;
            }
            Some((Some(h), _)) if *h == hash => {
                report.organizations_unchanged += 1;
                continue;
            }
            _ => {}
        }
        let v = match version {
            Some(v) => v,
            None => {
                let v = next_version(&mut tx).await?;
                version = Some(v);
                v
            }
        };
        write_organization(&mut tx, org, Origin::Seed, v, &now_s, &mut report).await?;
    }
    for t in taxonomies {
        upsert_doc(
            &mut tx,
            "taxonomies",
            &t.taxonomy.id.to_string(),
            &to_json(&t.taxonomy)?,
            None,
        )
        .await?;
        for term in &t.terms {
            upsert_doc(
                &mut tx,
                "taxonomy_terms",
                &term.id.to_string(),
                &to_json(term)?,
                Some(&t.taxonomy.id.to_string()),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(report)
}

async fn upsert_doc(
    tx: &mut Transaction<'_, Any>,
    table: &'static str,
    id: &str,
    doc: &str,
    taxonomy_id: Option<&str>,
) -> Result<(), DbError> {
    let (update, insert) = match table {
        "taxonomies" => (
            "UPDATE taxonomies SET doc = $1 WHERE id = $2",
            "INSERT INTO taxonomies (id, doc) VALUES ($1, $2)",
        ),
        _ => (
            "UPDATE taxonomy_terms SET doc = $1, taxonomy_id = COALESCE($2, taxonomy_id) WHERE id = $3",
            "INSERT INTO taxonomy_terms (id, doc, taxonomy_id) VALUES ($1, $2, $3)",
        ),
    };
    let q = sqlx::query(update).bind(doc);
    let q = if table == "taxonomies" {
        q
    } else {
        q.bind(taxonomy_id)
    };
    let done = q.bind(id).execute(&mut **tx).await?;
    if done.rows_affected() == 0 {
        let q = sqlx::query(insert).bind(id).bind(doc);
        let q = if table == "taxonomies" {
            q
        } else {
            q.bind(taxonomy_id)
        };
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// A service as stored, with its change version and modification time.
#[derive(Debug, Clone)]
pub struct StoredService {
    pub service: Service,
    pub version: i64,
    pub modified_at: String,
}

fn stored_service(row: &sqlx::any::AnyRow) -> Result<StoredService, DbError> {
    let id: String = row.try_get("id")?;
    let doc: String = row.try_get("doc")?;
    let modified_at: String = row.try_get("modified_at")?;
    let mut service: Service = from_json(&id, &doc)?;
    service.extra.insert(
        "last_modified".into(),
        serde_json::Value::String(modified_at.clone()),
    );
    Ok(StoredService {
        service,
        version: row.try_get("version")?,
        modified_at,
    })
}

pub async fn current_version(db: &Db) -> Result<i64, DbError> {
    let row = sqlx::query("SELECT version FROM directory_state WHERE id = 1")
        .fetch_one(db.reader())
        .await?;
    Ok(row.try_get(0)?)
}

/// Everything changed after `version`: services written and ids of services removed.
pub struct Changes {
    pub version: i64,
    pub services: Vec<StoredService>,
    pub removed: Vec<Uuid>,
    pub organizations: Vec<Organization>,
}

pub async fn changes_since(db: &Db, version: i64) -> Result<Changes, DbError> {
    let mut tx = db.reader().begin().await?;
    let now_version: i64 = sqlx::query("SELECT version FROM directory_state WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    let rows = sqlx::query(
        "SELECT id, doc, version, modified_at FROM services WHERE version > $1 ORDER BY id",
    )
    .bind(version)
    .fetch_all(&mut *tx)
    .await?;
    let services = rows
        .iter()
        .map(stored_service)
        .collect::<Result<Vec<_>, _>>()?;
    let removed = sqlx::query("SELECT id FROM service_tombstones WHERE version > $1")
        .bind(version)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .filter_map(|r| {
            r.try_get::<String, _>(0)
                .ok()
                .and_then(|s| Uuid::parse_str(&s).ok())
        })
        .collect();
    let orgs = sqlx::query("SELECT id, doc FROM organizations WHERE version > $1 ORDER BY id")
        .bind(version)
        .fetch_all(&mut *tx)
        .await?;
    let organizations = orgs
        .iter()
        .map(|r| {
            let id: String = r.try_get(0)?;
            let doc: String = r.try_get(1)?;
            from_json(&id, &doc)
        })
        .collect::<Result<Vec<Organization>, DbError>>()?;
    tx.commit().await?;
    Ok(Changes {
        version: now_version,
        services,
        removed,
        organizations,
    })
}

/// The whole directory: organizations with their services nested, ordered by name.
pub async fn all_organizations(db: &Db) -> Result<Vec<Organization>, DbError> {
    let changes = changes_since(db, -1).await?;
    let mut by_org: HashMap<Uuid, Vec<Service>> = HashMap::new();
    for s in changes.services {
        by_org
            .entry(s.service.organization_id)
            .or_default()
            .push(s.service);
    }
    let mut orgs = changes.organizations;
    for o in &mut orgs {
        let mut services = by_org.remove(&o.id).unwrap_or_default();
        services.sort_by_key(|s| s.id);
        o.services = services;
    }
    orgs.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(orgs)
}

pub async fn taxonomies(db: &Db) -> Result<Vec<TaxonomyWithTerms>, DbError> {
    let tax = sqlx::query("SELECT id, doc FROM taxonomies ORDER BY id")
        .fetch_all(db.reader())
        .await?;
    let terms = sqlx::query("SELECT id, doc FROM taxonomy_terms ORDER BY id")
        .fetch_all(db.reader())
        .await?;
    let mut terms_by: HashMap<Uuid, Vec<TaxonomyTerm>> = HashMap::new();
    for r in terms {
        let id: String = r.try_get(0)?;
        let t: TaxonomyTerm = from_json(&id, &r.try_get::<String, _>(1)?)?;
        terms_by
            .entry(t.taxonomy_id.unwrap_or_default())
            .or_default()
            .push(t);
    }
    tax.iter()
        .map(|r| {
            let id: String = r.try_get(0)?;
            let taxonomy: Taxonomy = from_json(&id, &r.try_get::<String, _>(1)?)?;
            let code = taxonomy
                .extra
                .get("code")
                .and_then(|c| c.as_str())
                .unwrap_or_default()
                .to_string();
            let terms = terms_by.remove(&taxonomy.id).unwrap_or_default();
            Ok(TaxonomyWithTerms {
                taxonomy,
                code,
                terms,
            })
        })
        .collect()
}

pub async fn organization_count(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query("SELECT COUNT(*) FROM organizations")
        .fetch_one(db.reader())
        .await?
        .try_get(0)?)
}

pub async fn service_count(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query("SELECT COUNT(*) FROM services")
        .fetch_one(db.reader())
        .await?
        .try_get(0)?)
}

/// Organizations without their services (the services are in the search catalog).
pub async fn organization_shells(db: &Db) -> Result<Vec<Organization>, DbError> {
    let rows = sqlx::query("SELECT id, doc, modified_at FROM organizations ORDER BY name, id")
        .fetch_all(db.reader())
        .await?;
    rows.iter()
        .map(|r| {
            let id: String = r.try_get(0)?;
            let mut o: Organization = from_json(&id, &r.try_get::<String, _>(1)?)?;
            o.extra.insert(
                "last_modified".into(),
                serde_json::Value::String(r.try_get(2)?),
            );
            Ok(o)
        })
        .collect()
}

pub async fn organization(db: &Db, id: Uuid) -> Result<Option<Organization>, DbError> {
    let row = sqlx::query("SELECT id, doc FROM organizations WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(db.reader())
        .await?;
    row.map(|r| from_json(&id.to_string(), &r.try_get::<String, _>(1)?))
        .transpose()
}

/// One page of services in id order, for loading a large directory without holding it all.
pub async fn services_page(
    db: &Db,
    after_id: Option<&str>,
    limit: i64,
) -> Result<Vec<StoredService>, DbError> {
    let rows = sqlx::query(
        "SELECT id, doc, version, modified_at FROM services WHERE id > $1 ORDER BY id LIMIT $2",
    )
    .bind(after_id.unwrap_or(""))
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(stored_service).collect()
}

/// Public (redacted) documents of these services, in the order asked; missing ids are skipped.
pub async fn public_docs(db: &Db, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, DbError> {
    if let Some(docs) = &db.docs {
        return docs
            .public_docs(ids)?
            .into_iter()
            .map(|(id, doc)| {
                String::from_utf8(doc)
                    .map(|d| (id, d))
                    .map_err(|e| DbError::CorruptDocument {
                        id: id.to_string(),
                        reason: e.to_string(),
                    })
            })
            .collect();
    }
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, public_doc FROM services WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(id.to_string());
        }
        let rows = q.fetch_all(db.reader()).await?;
        let mut by_id: HashMap<String, String> = HashMap::with_capacity(rows.len());
        for r in rows {
            by_id.insert(r.try_get(0)?, r.try_get(1)?);
        }
        for id in chunk {
            if let Some(doc) = by_id.remove(&id.to_string()) {
                out.push((*id, doc));
            }
        }
    }
    Ok(out)
}

/// The public JSON documents of `ids` that exist, in the order asked, as bytes to be sent as
/// they are (from SQLite without converting them to strings).
pub async fn public_doc_bytes(db: &Db, ids: &[Uuid]) -> Result<Vec<Vec<u8>>, DbError> {
    if let Some(docs) = &db.docs {
        return Ok(docs
            .public_docs(ids)?
            .into_iter()
            .map(|(_, doc)| doc)
            .collect());
    }
    Ok(public_docs(db, ids)
        .await?
        .into_iter()
        .map(|(_, doc)| doc.into_bytes())
        .collect())
}

/// Public (redacted) services, typed, in the order asked.
pub async fn public_services(db: &Db, ids: &[Uuid]) -> Result<Vec<Service>, DbError> {
    public_docs(db, ids)
        .await?
        .into_iter()
        .map(|(id, doc)| from_json(&id.to_string(), &doc))
        .collect()
}
