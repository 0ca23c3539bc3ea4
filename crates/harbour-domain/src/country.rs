use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use crate::DomainError;

/// An ISO 3166-1 alpha-2 code (plus `XK`, Kosovo's user-assigned code), stored upper-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts two ASCII letters in either case.
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let b = s.trim().as_bytes();
        match b {
            [a, c] if a.is_ascii_alphabetic() && c.is_ascii_alphabetic() => Ok(CountryCode([
                a.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(DomainError::InvalidCountry(s.chars().take(16).collect())),
        }
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
    /// The lower-case form used in URLs (`/fr/countries/es`).
    pub fn lower(&self) -> String {
        self.as_str().to_ascii_lowercase()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CountryCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The European states Harbour lists, in a fixed order (the search index keeps coverage of
/// these as a bit set, so the order must only ever be appended to).
pub const EUROPE: [&str; 50] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB",
    "AL", "BA", "ME", "MK", "RS", "XK", "UA", "MD", "GE", "AM", "AZ", "BY", "RU", "TR", "AD", "MC",
    "SM", "VA",
];

impl CountryCode {
    /// Position in [`EUROPE`], if listed.
    pub fn europe_index(&self) -> Option<usize> {
        EUROPE.iter().position(|c| *c == self.as_str())
    }
}

/// Every ISO 3166-1 alpha-2 code (from the IANA time zone database's `iso3166.tab`), for input
/// that may name a country anywhere in the world, such as a victim's country of residence.
pub const ISO_3166_ALPHA2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// What Harbour knows about a country: emergency numbers, 116 006, national helplines.
/// Every field may be unknown (`None` / empty), and is then shown as unknown.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountryProfile {
    pub code: CountryCode,
    /// eu, eea, western_balkans, eastern, microstate, other
    pub group: String,
    pub names: BTreeMap<String, String>,
    pub timezone: Option<String>,
    pub emergency: Emergency,
    pub helpline_116006: Helpline116006,
    #[serde(default)]
    pub national_helpline_ids: Vec<uuid::Uuid>,
    #[serde(default)]
    pub national_support_ids: Vec<uuid::Uuid>,
    #[serde(default)]
    pub service_ids: Vec<uuid::Uuid>,
    pub compensation_authority: Option<serde_json::Value>,
    pub notes: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// false when nothing about this country has been researched yet
    pub researched: bool,
}

impl CountryProfile {
    pub fn name(&self, locale: &str) -> &str {
        self.names
            .get(locale)
            .or_else(|| self.names.get("en"))
            .map(String::as_str)
            .unwrap_or(self.code.as_str())
    }
    pub fn is_eu(&self) -> bool {
        self.group == "eu"
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Emergency {
    /// The sourced text, e.g. "112 (also 133 police, 144 ambulance)"; None when not checked.
    pub text: Option<String>,
    #[serde(default)]
    pub numbers: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Helpline116006 {
    /// Some(true) operating, Some(false) not operating, None unknown.
    pub operating: Option<bool>,
    pub operator: Option<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub service_ids: Vec<uuid::Uuid>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_either_case() {
        assert_eq!(
            CountryCode::parse("es").map(|c| c.to_string()),
            Ok("ES".into())
        );
        assert_eq!(CountryCode::parse("PL").map(|c| c.lower()), Ok("pl".into()));
        assert!(CountryCode::parse("ESP").is_err());
        assert!(CountryCode::parse("1a").is_err());
        assert!(CountryCode::parse("").is_err());
    }

    proptest! {
        #[test]
        fn never_panics_and_round_trips(s in "\\PC{0,6}") {
            if let Ok(c) = CountryCode::parse(&s) {
                prop_assert_eq!(CountryCode::parse(c.as_str()), Ok(c));
                prop_assert_eq!(c.as_str().len(), 2);
            }
        }
    }
}
