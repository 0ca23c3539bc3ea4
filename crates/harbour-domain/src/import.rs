//! Validation of HSDS 3.0 JSON input: one organization or service, or a list of them, with
//! their nested objects. Every problem is reported with its JSON path; a batch with any problem
//! is rejected whole (the caller imports nothing).

use serde_json::Value;
use std::collections::HashSet;
use uuid::Uuid;

use crate::hsds::{Organization, Schedule, Service};
use crate::schedule::WeeklyOpening;
use crate::{CountryCode, DomainError, LanguageTag};

/// A validated batch, ready to be written in one transaction.
#[derive(Debug, Default, Clone)]
pub struct ImportBatch {
    pub organizations: Vec<Organization>,
    /// Services sent on their own; their organization must exist (in the batch or the database).
    pub services: Vec<Service>,
    /// The JSON path of each entry of `services` in the input, for error messages.
    pub service_paths: Vec<String>,
}

fn err(path: impl Into<String>, reason: impl Into<String>) -> DomainError {
    DomainError::InvalidImport {
        path: path.into(),
        reason: reason.into(),
    }
}

/// Parses and validates an HSDS document.
pub fn parse(text: &str) -> Result<ImportBatch, DomainError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| err("$", format!("not valid JSON: {e}")))?;
    let (items, list) = match value {
        Value::Array(items) => (items, true),
        Value::Object(_) => (vec![value], false),
        _ => {
            return Err(err(
                "$",
                "expected an organization, a service, or a list of them",
            ))
        }
    };
    if items.is_empty() {
        return Err(err("$", "the list is empty"));
    }
    let mut batch = ImportBatch::default();
    let mut ids = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let base = if list {
            format!("$[{i}]")
        } else {
            "$".to_string()
        };
        let Value::Object(map) = &item else {
            return Err(err(base, "expected an object"));
        };
        let is_service = map.contains_key("organization_id") && !map.contains_key("services");
        if is_service {
            let s: Service = typed(item, &base)?;
            validate_service(&s, &base, None, &mut ids)?;
            batch.services.push(s);
            batch.service_paths.push(base);
        } else {
            let mut o: Organization = typed(item, &base)?;
            validate_organization(&mut o, &base, &mut ids)?;
            batch.organizations.push(o);
        }
    }
    Ok(batch)
}

fn typed<T: serde::de::DeserializeOwned>(v: Value, base: &str) -> Result<T, DomainError> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let p = e.path().to_string();
        let path = if p == "." {
            base.to_string()
        } else {
            format!("{base}.{p}")
        };
        err(path, e.inner().to_string())
    })
}

fn unique(id: Uuid, path: &str, ids: &mut HashSet<Uuid>) -> Result<(), DomainError> {
    if id.is_nil() {
        return Err(err(
            format!("{path}.id"),
            "missing or nil id (HSDS ids are UUIDs)",
        ));
    }
    if !ids.insert(id) {
        return Err(err(format!("{path}.id"), format!("duplicate id {id}")));
    }
    Ok(())
}

fn non_empty(v: &str, path: String) -> Result<(), DomainError> {
    if v.trim().is_empty() {
        return Err(err(path, "must not be empty"));
    }
    Ok(())
}

fn email(v: &Option<String>, path: String) -> Result<(), DomainError> {
    match v {
        Some(e) if !e.is_empty() && (!e.contains('@') || e.contains(char::is_whitespace)) => {
            Err(err(path, "not an e-mail address"))
        }
        _ => Ok(()),
    }
}

fn url(v: &Option<String>, path: String) -> Result<(), DomainError> {
    match v {
        Some(u) if !(u.is_empty() || u.starts_with("https://") || u.starts_with("http://")) => {
            Err(err(path, "must be an http(s) URL"))
        }
        _ => Ok(()),
    }
}

fn validate_organization(
    o: &mut Organization,
    base: &str,
    ids: &mut HashSet<Uuid>,
) -> Result<(), DomainError> {
    unique(o.id, base, ids)?;
    non_empty(&o.name, format!("{base}.name"))?;
    non_empty(&o.description, format!("{base}.description"))?;
    email(&o.email, format!("{base}.email"))?;
    url(&o.website, format!("{base}.website"))?;
    for (j, l) in o.locations.iter().enumerate() {
        let p = format!("{base}.locations[{j}]");
        unique(l.id, &p, ids)?;
        coords(l.latitude, l.longitude, &p)?;
    }
    let org_id = o.id;
    for (j, s) in o.services.iter_mut().enumerate() {
        let p = format!("{base}.services[{j}]");
        if s.organization_id.is_nil() {
            s.organization_id = org_id;
        }
        validate_service(s, &p, Some(org_id), ids)?;
    }
    Ok(())
}

fn coords(lat: Option<f64>, lon: Option<f64>, p: &str) -> Result<(), DomainError> {
    match (lat, lon) {
        (Some(a), Some(b)) if !crate::geo::valid_point(a, b) => {
            Err(err(format!("{p}.latitude"), "coordinates out of range"))
        }
        (Some(_), None) | (None, Some(_)) => Err(err(
            format!("{p}.longitude"),
            "latitude and longitude go together",
        )),
        _ => Ok(()),
    }
}

fn schedules(list: &[Schedule], p: &str) -> Result<(), DomainError> {
    for (k, s) in list.iter().enumerate() {
        let has_structure = s.byday.is_some() || s.opens_at.is_some() || s.closes_at.is_some();
        if has_structure && WeeklyOpening::from_schedule(s).is_none() {
            return Err(err(
                format!("{p}.schedules[{k}]"),
                "weekly schedules need byday (MO..SU) and opens_at/closes_at as HH:MM",
            ));
        }
        if !has_structure && s.description.as_deref().is_none_or(str::is_empty) {
            return Err(err(
                format!("{p}.schedules[{k}]"),
                "neither hours nor a description",
            ));
        }
    }
    Ok(())
}

fn validate_service(
    s: &Service,
    p: &str,
    parent: Option<Uuid>,
    ids: &mut HashSet<Uuid>,
) -> Result<(), DomainError> {
    unique(s.id, p, ids)?;
    non_empty(&s.name, format!("{p}.name"))?;
    const STATUS: [&str; 4] = ["active", "inactive", "defunct", "temporarily closed"];
    if !STATUS.contains(&s.status.as_str()) {
        return Err(err(
            format!("{p}.status"),
            "must be active, inactive, defunct or temporarily closed",
        ));
    }
    if s.organization_id.is_nil() {
        return Err(err(format!("{p}.organization_id"), "missing"));
    }
    if let Some(parent) = parent {
        if s.organization_id != parent {
            return Err(err(
                format!("{p}.organization_id"),
                "differs from the enclosing organization",
            ));
        }
    }
    email(&s.email, format!("{p}.email"))?;
    url(&s.url, format!("{p}.url"))?;
    for (k, ph) in s.phones.iter().enumerate() {
        non_empty(&ph.number, format!("{p}.phones[{k}].number"))?;
    }
    for (k, l) in s.languages.iter().enumerate() {
        if let Some(code) = &l.code {
            LanguageTag::parse(code)
                .map_err(|_| err(format!("{p}.languages[{k}].code"), "not a language code"))?;
        }
    }
    schedules(&s.schedules, p)?;
    for (k, sal) in s.service_at_locations.iter().enumerate() {
        let sp = format!("{p}.service_at_locations[{k}]");
        if let Some(loc) = &sal.location {
            coords(loc.latitude, loc.longitude, &format!("{sp}.location"))?;
        }
    }
    if let Some(h) = &s.x_harbour {
        let hp = format!("{p}.x_harbour");
        if let Some(c) = &h.country {
            CountryCode::parse(c)
                .map_err(|_| err(format!("{hp}.country"), "not an ISO 3166-1 alpha-2 code"))?;
        }
        for (k, c) in h.area_countries.iter().enumerate() {
            CountryCode::parse(c).map_err(|_| {
                err(
                    format!("{hp}.area_countries[{k}]"),
                    "not an ISO 3166-1 alpha-2 code",
                )
            })?;
        }
        if let Some(tz) = &h.timezone {
            tz.parse::<chrono_tz::Tz>()
                .map_err(|_| err(format!("{hp}.timezone"), "not an IANA time zone"))?;
        }
        if let Some(d) = &h.last_verified {
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| err(format!("{hp}.last_verified"), "must be YYYY-MM-DD"))?;
        }
        for (lang, fields) in &h.translations {
            LanguageTag::parse(lang)
                .map_err(|_| err(format!("{hp}.translations.{lang}"), "not a language code"))?;
            for f in fields.keys() {
                if !crate::hsds::TRANSLATABLE.contains(&f.as_str()) {
                    return Err(err(
                        format!("{hp}.translations.{lang}.{f}"),
                        "not a translatable field",
                    ));
                }
            }
        }
        for (k, a) in h.accessibility.iter().enumerate() {
            if !crate::taxonomy::ACCESSIBILITY.contains(&a.as_str()) {
                return Err(err(
                    format!("{hp}.accessibility[{k}]"),
                    "unknown accessibility feature",
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ORG: &str = "6f1b1c2e-1111-4a1a-9a1a-000000000001";
    const SVC: &str = "6f1b1c2e-1111-4a1a-9a1a-000000000002";

    fn org(service: Value) -> Value {
        serde_json::json!({"id": ORG, "name": "Org", "description": "d", "services": [service]})
    }

    fn path_of(v: Value) -> String {
        match parse(&v.to_string()) {
            Err(DomainError::InvalidImport { path, .. }) => path,
            other => format!("unexpected {other:?}"),
        }
    }

    #[test]
    fn accepts_an_organization_with_a_service() {
        let b = parse(
            &org(serde_json::json!({"id": SVC, "name": "S", "status": "active"})).to_string(),
        );
        let b = b.unwrap_or_default();
        assert_eq!(b.organizations.len(), 1);
        assert_eq!(
            b.organizations
                .first()
                .and_then(|o| o.services.first())
                .map(|s| s.organization_id.to_string()),
            Some(ORG.to_string())
        );
    }

    #[test]
    fn errors_name_the_json_path() {
        assert_eq!(
            path_of(org(
                serde_json::json!({"id": SVC, "name": "S", "status": "open"})
            )),
            "$.services[0].status"
        );
        assert_eq!(
            path_of(org(
                serde_json::json!({"id": "not-a-uuid", "name": "S", "status": "active"})
            )),
            "$.services[0].id"
        );
        assert_eq!(
            path_of(serde_json::json!([org(
                serde_json::json!({"id": SVC, "name": "S", "status": "active",
                "phones": [{"id": "6f1b1c2e-1111-4a1a-9a1a-000000000003", "number": " "}]})
            )])),
            "$[0].services[0].phones[0].number"
        );
        assert_eq!(
            path_of(serde_json::json!([{"id": ORG, "name": "", "description": "d"}])),
            "$[0].name"
        );
        assert_eq!(
            path_of(
                serde_json::json!([{"id": ORG, "name": "a", "description": "d"}, {"id": ORG, "name": "b", "description": "d"}])
            ),
            "$[1].id"
        );
        assert_eq!(
            path_of(org(
                serde_json::json!({"id": SVC, "name": "S", "status": "active",
                "x_harbour": {"country": "Spain"}})
            )),
            "$.services[0].x_harbour.country"
        );
        assert_eq!(path_of(serde_json::json!(42)), "$");
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,200}") {
            let _ = parse(&s);
        }
        #[test]
        fn never_panics_on_any_name(name in "\\PC{0,30}", status in "\\PC{0,12}") {
            let _ = parse(&org(serde_json::json!({"id": SVC, "name": name, "status": status})).to_string());
        }
    }
}
