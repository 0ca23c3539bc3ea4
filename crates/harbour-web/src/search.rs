//! From a person's or a client's search input to search-index queries: where "near" is, which
//! countries, and — on public pages — the order that serves a victim best.

use harbour_domain::hsds::Service;
use harbour_domain::CountryCode;
use harbour_search::{Hit, Query, Results, Sort};

use crate::error::AppError;
use crate::params::SearchInput;
use crate::state::AppState;

/// Where to measure distance from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub point: (f64, f64),
    pub country: Option<CountryCode>,
    /// The place's name, when it came from the gazetteer (a browser position has none).
    pub place: Option<String>,
}

/// The place of a search: the browser's position first (if sent), then a city name.
/// `Err(name)` when a city name was given but is not in the gazetteer.
pub fn locate(state: &AppState, input: &SearchInput) -> Result<Option<Located>, String> {
    if let Some(point) = input.position {
        // the country of the nearest gazetteer place decides area coverage
        return Ok(Some(Located {
            point,
            country: None,
            place: None,
        }));
    }
    let Some(name) = &input.near else {
        return Ok(None);
    };
    let prefer = input
        .residence_country
        .or(input.crime_country)
        .or(input.countries.first().copied());
    match state.gazetteer.find(name, prefer) {
        Some(p) => Ok(Some(Located {
            point: (p.lat, p.lon),
            country: Some(p.country),
            place: Some(p.name.clone()),
        })),
        None => Err(name.clone()),
    }
}

/// The index query for a set of countries (empty = anywhere).
pub fn query(input: &SearchInput, located: Option<&Located>, countries: Vec<CountryCode>) -> Query {
    Query {
        text: input.text.clone(),
        countries,
        support: input.support.clone(),
        crime: input.crime.clone(),
        languages: if input.language_only {
            input.speak.clone().into_iter().collect()
        } else {
            Vec::new()
        },
        channels: input.channels.clone(),
        accessibility: input.accessibility.clone(),
        free: input.free,
        hours24: input.hours24,
        open_now: input.open_now,
        organization_id: input.organization_id,
        taxonomy_term_ids: input.taxonomy_term_ids.clone(),
        modified_after_ms: input.modified_after_ms,
        near: located.map(|l| l.point),
        near_country: located.and_then(|l| l.country),
        radius_km: input.proximity_m.map(|m| m / 1000.0),
        sort: if input.text.is_some() {
            Sort::Relevance
        } else {
            Sort::Name
        },
        offset: (input.page.saturating_sub(1)) * input.per_page,
        limit: input.per_page,
    }
}

/// The countries an input asks about, in order: where it happened, where the person lives,
/// then any `country` filters.
pub fn countries_of(input: &SearchInput) -> Vec<CountryCode> {
    let mut v: Vec<CountryCode> = Vec::new();
    for c in input
        .crime_country
        .into_iter()
        .chain(input.residence_country)
        .chain(input.countries.iter().copied())
    {
        if !v.contains(&c) {
            v.push(c);
        }
    }
    v
}

/// One service in a result list, with what ordering needs.
pub struct Ranked {
    pub hit: Hit,
    pub cross_border: bool,
    pub speaks: bool,
}

/// Public pages fetch up to this many matches per section and order them in memory.
const PUBLIC_MAX: usize = 500;

/// A section of public results: every match, ordered so that (when asked) services doing
/// cross-border referral come first, then those whose staff speak the person's language, then
/// by the index's order (distance, relevance or name).
pub fn public_section(
    state: &AppState,
    input: &SearchInput,
    located: Option<&Located>,
    countries: Vec<CountryCode>,
    cross_border_first: bool,
) -> Result<(usize, Vec<Ranked>), AppError> {
    let mut q = query(input, located, countries);
    q.offset = 0;
    q.limit = PUBLIC_MAX;
    let Results { total, hits } = state.catalog.search(&q, state.now())?;
    let speak = input.speak.as_deref();
    let mut ranked: Vec<Ranked> = hits
        .into_iter()
        .filter_map(|hit| {
            let facts = state.catalog.facts(&hit.id)?;
            let speaks =
                speak.is_some_and(|l| facts.languages.iter().any(|c| c.eq_ignore_ascii_case(l)));
            Some(Ranked {
                hit,
                cross_border: facts.cross_border,
                speaks,
            })
        })
        .collect();
    // stable sort keeps the index order inside each group
    ranked.sort_by_key(|r| (cross_border_first && !r.cross_border, !r.speaks));
    Ok((total.min(PUBLIC_MAX), ranked))
}

/// The services of the results a page shows, read from the database (redacted documents).
pub async fn shown<'a>(
    state: &AppState,
    ranked: &'a [Ranked],
) -> Result<Vec<(&'a Ranked, Service)>, AppError> {
    let ids: Vec<uuid::Uuid> = ranked.iter().map(|r| r.hit.id).collect();
    let services = harbour_db::directory::public_services(&state.db, &ids).await?;
    Ok(ranked
        .iter()
        .filter_map(|r| {
            services
                .iter()
                .find(|s| s.id == r.hit.id)
                .map(|s| (r, s.clone()))
        })
        .collect())
}

/// Runs an index query and reads the matching services' public documents, in result order.
pub async fn services(state: &AppState, q: &Query) -> Result<Vec<Service>, AppError> {
    let ids: Vec<uuid::Uuid> = state
        .catalog
        .search(q, state.now())?
        .hits
        .iter()
        .map(|h| h.id)
        .collect();
    Ok(harbour_db::directory::public_services(&state.db, &ids).await?)
}
