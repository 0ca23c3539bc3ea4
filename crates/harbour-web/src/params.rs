//! Search parameters from a query string (GET, the HSDS API) or a form body (POST, the public
//! search page — so that a person's search never appears in a web address or a log).

use harbour_domain::taxonomy;
use harbour_domain::{CountryCode, LanguageTag};
use uuid::Uuid;

use crate::error::{bad_query, AppError};

pub fn pairs(s: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(s.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchInput {
    pub text: Option<String>,
    pub crime_country: Option<CountryCode>,
    pub residence_country: Option<CountryCode>,
    /// `country` filter (HSDS API and country links); any of these.
    pub countries: Vec<CountryCode>,
    pub support: Vec<String>,
    pub crime: Vec<String>,
    pub channels: Vec<String>,
    pub accessibility: Vec<String>,
    /// The language the person speaks: ranks services speaking it first.
    pub speak: Option<String>,
    /// Turns `speak` (or `language`) into a filter.
    pub language_only: bool,
    pub free: bool,
    pub open_now: bool,
    pub hours24: bool,
    pub near: Option<String>,
    pub position: Option<(f64, f64)>,
    pub proximity_m: Option<f64>,
    pub organization_id: Option<Uuid>,
    pub taxonomy_term_ids: Vec<Uuid>,
    pub modified_after_ms: Option<i64>,
    pub page: usize,
    pub per_page: usize,
}

fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "on" | "yes")
}

fn check_code(field: &str, v: &str, allowed: &[&str]) -> Result<String, AppError> {
    if allowed.contains(&v) {
        Ok(v.to_string())
    } else {
        Err(bad_query(field, "unknown code"))
    }
}

impl SearchInput {
    pub fn parse(
        pairs: &[(String, String)],
        default_per_page: usize,
    ) -> Result<SearchInput, AppError> {
        let mut s = SearchInput {
            page: 1,
            per_page: default_per_page,
            ..Default::default()
        };
        let mut lat = None;
        let mut lon = None;
        for (k, v) in pairs {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            match k.as_str() {
                "q" | "search" => s.text = Some(v.chars().take(200).collect()),
                "crime_country" => s.crime_country = Some(CountryCode::parse(v)?),
                "residence_country" => s.residence_country = Some(CountryCode::parse(v)?),
                "country" => s.countries.push(CountryCode::parse(v)?),
                "support" => s.support.push(check_code(k, v, &taxonomy::SUPPORT_KINDS)?),
                "crime" => s.crime.push(check_code(k, v, &taxonomy::CRIME_GROUPS)?),
                "channel" => s.channels.push(check_code(k, v, &taxonomy::CHANNELS)?),
                "accessibility" => {
                    s.accessibility
                        .push(check_code(k, v, &taxonomy::ACCESSIBILITY)?)
                }
                "speak" => s.speak = Some(LanguageTag::parse(v)?.as_str().to_string()),
                "language" => {
                    s.speak = Some(LanguageTag::parse(v)?.as_str().to_string());
                    s.language_only = true;
                }
                "language_only" => s.language_only = flag(v),
                "free" => s.free = flag(v),
                "open_now" => s.open_now = flag(v),
                "hours24" | "open_24h" => s.hours24 = flag(v),
                "near" => s.near = Some(v.chars().take(80).collect()),
                "lat" => lat = Some(v.parse::<f64>().map_err(|_| bad_query(k, "not a number"))?),
                "lon" => lon = Some(v.parse::<f64>().map_err(|_| bad_query(k, "not a number"))?),
                "proximity" => {
                    let m = v
                        .parse::<f64>()
                        .map_err(|_| bad_query(k, "metres, a number"))?;
                    if !(m > 0.0 && m <= 5_000_000.0) {
                        return Err(bad_query(k, "out of range"));
                    }
                    s.proximity_m = Some(m);
                }
                "organization_id" => {
                    s.organization_id =
                        Some(Uuid::parse_str(v).map_err(|_| bad_query(k, "not a UUID"))?)
                }
                "taxonomy_term_id" => s
                    .taxonomy_term_ids
                    .push(Uuid::parse_str(v).map_err(|_| bad_query(k, "not a UUID"))?),
                "modified_after" => {
                    let t = chrono::DateTime::parse_from_rfc3339(v)
                        .map(|d| d.timestamp_millis())
                        .or_else(|_| {
                            chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").map(|d| {
                                d.and_hms_opt(0, 0, 0)
                                    .map(|t| t.and_utc().timestamp_millis())
                                    .unwrap_or(0)
                            })
                        })
                        .map_err(|_| bad_query(k, "not a date-time (RFC 3339) or date"))?;
                    s.modified_after_ms = Some(t);
                }
                "page" => {
                    s.page = v
                        .parse::<usize>()
                        .ok()
                        .filter(|p| (1..=10_000).contains(p))
                        .ok_or_else(|| bad_query(k, "1 to 10000"))?
                }
                "per_page" => {
                    s.per_page = v
                        .parse::<usize>()
                        .ok()
                        .filter(|p| (1..=100).contains(p))
                        .ok_or_else(|| bad_query(k, "1 to 100"))?
                }
                _ => {}
            }
        }
        match (lat, lon) {
            (Some(a), Some(b)) if harbour_domain::geo::valid_point(a, b) => {
                s.position = Some((a, b))
            }
            (None, None) => {}
            _ => return Err(bad_query("lat", "latitude and longitude, both in range")),
        }
        s.support.dedup();
        s.crime.dedup();
        Ok(s)
    }

    /// The fields as name/value pairs, to carry a search into the next page's form.
    pub fn hidden_fields(&self) -> Vec<(&'static str, String)> {
        let mut v: Vec<(&'static str, String)> = Vec::new();
        if let Some(t) = &self.text {
            v.push(("q", t.clone()));
        }
        if let Some(c) = self.crime_country {
            v.push(("crime_country", c.to_string()));
        }
        if let Some(c) = self.residence_country {
            v.push(("residence_country", c.to_string()));
        }
        for c in &self.countries {
            v.push(("country", c.to_string()));
        }
        for (name, list) in [
            ("support", &self.support),
            ("crime", &self.crime),
            ("channel", &self.channels),
            ("accessibility", &self.accessibility),
        ] {
            for x in list {
                v.push((name, x.clone()));
            }
        }
        if let Some(l) = &self.speak {
            v.push(("speak", l.clone()));
        }
        for (name, on) in [
            ("language_only", self.language_only),
            ("free", self.free),
            ("open_now", self.open_now),
            ("hours24", self.hours24),
        ] {
            if on {
                v.push((name, "1".into()));
            }
        }
        if let Some(n) = &self.near {
            v.push(("near", n.clone()));
        }
        if let Some((a, b)) = self.position {
            v.push(("lat", format!("{a:.4}")));
            v.push(("lon", format!("{b:.4}")));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<SearchInput, AppError> {
        SearchInput::parse(&pairs(s), 10)
    }

    #[test]
    fn parses_repeated_filters_and_flags() {
        let s = p("q=legal+help&crime_country=es&residence_country=PL&support=legal_advice&support=helpline&speak=pl&free=on&page=2").expect("valid");
        assert_eq!(s.text.as_deref(), Some("legal help"));
        assert_eq!(
            s.crime_country.map(|c| c.to_string()).as_deref(),
            Some("ES")
        );
        assert_eq!(s.support, vec!["legal_advice", "helpline"]);
        assert!(s.free && !s.open_now);
        assert_eq!(s.page, 2);
        let round = pairs(
            &s.hidden_fields()
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{k}={}",
                        form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                    )
                })
                .collect::<Vec<_>>()
                .join("&"),
        );
        assert_eq!(
            SearchInput::parse(&round, 10)
                .map(|mut x| {
                    x.page = 2;
                    x
                })
                .ok(),
            Some(s)
        );
    }

    #[test]
    fn rejects_bad_values_naming_the_field() {
        for (q, field) in [
            ("country=Spain", ""),
            ("support=massage", "support"),
            ("per_page=0", "per_page"),
            ("lat=91&lon=0", "lat"),
            ("lat=1", "lat"),
            ("page=x", "page"),
            ("organization_id=1", "organization_id"),
        ] {
            let e = p(q).err().map(|e| e.detail()).unwrap_or_default();
            assert!(!e.is_empty(), "{q} must fail");
            assert!(e.contains(field), "{q}: {e}");
        }
        assert!(p("").is_ok());
    }
}
