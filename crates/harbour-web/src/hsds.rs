//! The HSDS 3.0 read API under `/hsds/` (see standards/hsds-3.0/schema/openapi.json), with
//! Harbour's filters. Read-only; CORS is open for GET. Confidential locations are redacted.

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use harbour_domain::hsds::{Organization, ServiceAtLocation};
use harbour_search::Query;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::app::typed;
use crate::error::{bad_query, AppError};
use crate::params::{pairs, SearchInput};
use crate::search;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(root))
        .route("/services", get(services))
        .route("/services/{id}", get(service))
        .route("/organizations", get(organizations))
        .route("/organizations/{id}", get(organization))
        .route("/taxonomies", get(taxonomies))
        .route("/taxonomies/{id}", get(taxonomy))
        .route("/taxonomy_terms", get(taxonomy_terms))
        .route("/taxonomy_terms/{id}", get(taxonomy_term))
        .route("/service_at_locations", get(service_at_locations))
        .route("/service_at_locations/{id}", get(service_at_location))
}

fn uuid(s: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(s).map_err(|_| AppError::NotFound)
}

fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8080");
    format!("http://{host}")
}

pub async fn root(headers: HeaderMap) -> Json<Value> {
    let base = base_url(&headers);
    Json(json!({
        "version": "3.0",
        "profile": format!("{base}/api/openapi.json#harbour-profile"),
        "openapi_url": format!("{base}/api/openapi.json"),
    }))
}

/// The HSDS page object around `contents`, written directly from stored JSON bytes.
fn page_bytes(total: usize, page: usize, per_page: usize, contents: &[Vec<u8>]) -> Vec<u8> {
    let total_pages = total.div_ceil(per_page.max(1));
    let head = format!(
        "{{\"total_items\":{total},\"total_pages\":{total_pages},\"page_number\":{page},\"size\":{},\"first_page\":{},\"last_page\":{},\"empty\":{},\"contents\":[",
        contents.len(),
        page <= 1,
        page >= total_pages,
        total == 0
    );
    let mut out = Vec::with_capacity(
        head.len() + contents.iter().map(Vec::len).sum::<usize>() + contents.len() + 2,
    );
    out.extend_from_slice(head.as_bytes());
    for (i, c) in contents.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(c);
    }
    out.extend_from_slice(b"]}");
    out
}

fn page_value(total: usize, page: usize, per_page: usize, contents: Vec<Value>) -> Value {
    let total_pages = total.div_ceil(per_page.max(1));
    json!({
        "total_items": total, "total_pages": total_pages, "page_number": page,
        "size": contents.len(), "first_page": page <= 1, "last_page": page >= total_pages,
        "empty": total == 0, "contents": contents,
    })
}

async fn services(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    let input = SearchInput::parse(&pairs(q.as_deref().unwrap_or("")), 25)?;
    let located =
        search::locate(&state, &input).map_err(|_| bad_query("near", "place not found"))?;
    let query = search::query(&input, located.as_ref(), search::countries_of(&input));
    let results = state.catalog.search(&query, state.now())?;
    let ids: Vec<Uuid> = results.hits.iter().map(|h| h.id).collect();
    let contents = harbour_db::directory::public_doc_bytes(&state.db, &ids).await?;
    Ok(typed(
        "application/json",
        page_bytes(results.total, input.page, input.per_page, &contents),
    ))
}

async fn service(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = uuid(&id).map_err(|_| AppError::ServiceNotFound)?;
    let (_, doc) = harbour_db::directory::public_docs(&state.db, &[id])
        .await?
        .pop()
        .ok_or(AppError::ServiceNotFound)?;
    Ok(typed("application/json", doc))
}

async fn org_with_services(state: &AppState, o: &Organization) -> Result<Value, AppError> {
    let mut org = o.redacted();
    let q = Query {
        organization_id: Some(o.id),
        limit: 1000,
        sort: harbour_search::Sort::Name,
        ..Default::default()
    };
    org.services = search::services(state, &q).await?;
    let mut v = serde_json::to_value(&org).unwrap_or(Value::Null);
    if let (Some(obj), Some(lm)) = (v.as_object_mut(), o.extra.get("last_modified")) {
        obj.insert("last_modified".into(), lm.clone());
    }
    Ok(v)
}

/// Folded search text, page, per page, and all pairs (for endpoint-specific parameters).
type PageParams = (Option<String>, usize, usize, Vec<(String, String)>);

fn page_params(q: &Option<String>) -> Result<PageParams, AppError> {
    let p = pairs(q.as_deref().unwrap_or(""));
    let mut page = 1;
    let mut per_page = 25;
    let mut search = None;
    for (k, v) in &p {
        match k.as_str() {
            "page" => {
                page = v
                    .parse()
                    .ok()
                    .filter(|p| (1..=10_000).contains(p))
                    .ok_or_else(|| bad_query("page", "1 to 10000"))?
            }
            "per_page" => {
                per_page = v
                    .parse()
                    .ok()
                    .filter(|p| (1..=100).contains(p))
                    .ok_or_else(|| bad_query("per_page", "1 to 100"))?
            }
            "search" if !v.trim().is_empty() => search = Some(harbour_domain::geo::fold(v)),
            _ => {}
        }
    }
    Ok((search, page, per_page, p))
}

fn paginate<T>(items: Vec<T>, page: usize, per_page: usize) -> (usize, Vec<T>) {
    let total = items.len();
    (
        total,
        items
            .into_iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .collect(),
    )
}

async fn organizations(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, AppError> {
    let (search, page, per_page, _) = page_params(&q)?;
    let orgs = harbour_db::directory::organization_shells(&state.db).await?;
    let matching: Vec<Organization> = orgs
        .into_iter()
        .filter(|o| {
            search.as_ref().is_none_or(|s| {
                harbour_domain::geo::fold(&o.name).contains(s.as_str())
                    || o.alternate_name
                        .as_deref()
                        .is_some_and(|a| harbour_domain::geo::fold(a).contains(s.as_str()))
            })
        })
        .collect();
    let (total, items) = paginate(matching, page, per_page);
    let mut contents = Vec::with_capacity(items.len());
    for o in &items {
        contents.push(org_with_services(&state, o).await?);
    }
    Ok(Json(page_value(total, page, per_page, contents)))
}

async fn organization(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let o = harbour_db::directory::organization(&state.db, uuid(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(org_with_services(&state, &o).await?))
}

async fn taxonomies(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, AppError> {
    let (search, page, per_page, _) = page_params(&q)?;
    let all: Vec<Value> = state
        .taxonomies
        .read()
        .map(|t| {
            t.iter()
                .filter(|t| {
                    search.as_ref().is_none_or(|s| {
                        harbour_domain::geo::fold(&t.taxonomy.name).contains(s.as_str())
                    })
                })
                .filter_map(|t| serde_json::to_value(&t.taxonomy).ok())
                .collect()
        })
        .unwrap_or_default();
    let (total, items) = paginate(all, page, per_page);
    Ok(Json(page_value(total, page, per_page, items)))
}

async fn taxonomy(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id = uuid(&id)?;
    let t = state.taxonomies.read().ok().and_then(|t| {
        t.iter()
            .find(|t| t.taxonomy.id == id)
            .map(|t| t.taxonomy.clone())
    });
    t.map(|t| Json(serde_json::to_value(t).unwrap_or(Value::Null)))
        .ok_or(AppError::NotFound)
}

async fn taxonomy_terms(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, AppError> {
    let (search, page, per_page, p) = page_params(&q)?;
    let mut taxonomy_id = None;
    let mut parent_id = None;
    let mut top_only = false;
    for (k, v) in &p {
        match k.as_str() {
            "taxonomy_id" => {
                taxonomy_id =
                    Some(Uuid::parse_str(v).map_err(|_| bad_query("taxonomy_id", "not a UUID"))?)
            }
            "parent_id" => {
                parent_id =
                    Some(Uuid::parse_str(v).map_err(|_| bad_query("parent_id", "not a UUID"))?)
            }
            "top_only" => top_only = matches!(v.as_str(), "true" | "1"),
            _ => {}
        }
    }
    let all: Vec<Value> = state
        .taxonomies
        .read()
        .map(|t| {
            t.iter()
                .flat_map(|t| t.terms.iter())
                .filter(|t| taxonomy_id.is_none_or(|id| t.taxonomy_id == Some(id)))
                .filter(|t| parent_id.is_none_or(|id| t.parent_id == Some(id)))
                .filter(|t| !top_only || t.parent_id.is_none())
                .filter(|t| {
                    search
                        .as_ref()
                        .is_none_or(|s| harbour_domain::geo::fold(&t.name).contains(s.as_str()))
                })
                .filter_map(|t| serde_json::to_value(t).ok())
                .collect()
        })
        .unwrap_or_default();
    let (total, items) = paginate(all, page, per_page);
    Ok(Json(page_value(total, page, per_page, items)))
}

async fn taxonomy_term(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id = uuid(&id)?;
    let t = state.taxonomies.read().ok().and_then(|t| {
        t.iter()
            .flat_map(|t| t.terms.iter())
            .find(|t| t.id == id)
            .cloned()
    });
    t.map(|t| Json(serde_json::to_value(t).unwrap_or(Value::Null)))
        .ok_or(AppError::NotFound)
}

/// Every (redacted) service-at-location, with its service id filled in.
async fn all_service_at_locations(
    state: &AppState,
    filter: &Query,
) -> Result<Vec<ServiceAtLocation>, AppError> {
    let mut q = filter.clone();
    q.offset = 0;
    q.limit = 100_000;
    let mut out = Vec::new();
    for s in search::services(state, &q).await? {
        for mut sal in s.service_at_locations {
            sal.service_id = Some(s.id);
            if sal.location_id.is_none() {
                sal.location_id = sal.location.as_ref().map(|l| l.id);
            }
            out.push(sal);
        }
    }
    out.sort_by_key(|s| s.id);
    Ok(out)
}

async fn service_at_locations(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, AppError> {
    let input = SearchInput::parse(&pairs(q.as_deref().unwrap_or("")), 25)?;
    let located =
        search::locate(&state, &input).map_err(|_| bad_query("near", "place not found"))?;
    let query = search::query(&input, located.as_ref(), search::countries_of(&input));
    let all = all_service_at_locations(&state, &query).await?;
    let (total, items) = paginate(all, input.page, input.per_page);
    let contents = items
        .iter()
        .filter_map(|s| serde_json::to_value(s).ok())
        .collect();
    Ok(Json(page_value(
        total,
        input.page,
        input.per_page,
        contents,
    )))
}

async fn service_at_location(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = uuid(&id)?;
    let found = all_service_at_locations(&state, &Query::default())
        .await?
        .into_iter()
        .find(|s| s.id == id);
    match found {
        Some(s) => Ok(Json(s).into_response()),
        None => Err(AppError::NotFound),
    }
}
