use serde::{Deserialize, Serialize};
use std::fmt;

use crate::DomainError;

/// The UI locales Harbour ships. Every UI string exists in each of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Fr,
    De,
    Es,
    It,
    Pl,
    Nl,
    Pt,
    Ro,
    Uk,
    Ar,
}

impl Locale {
    pub const ALL: [Locale; 11] = [
        Locale::En,
        Locale::Fr,
        Locale::De,
        Locale::Es,
        Locale::It,
        Locale::Pl,
        Locale::Nl,
        Locale::Pt,
        Locale::Ro,
        Locale::Uk,
        Locale::Ar,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::De => "de",
            Locale::Es => "es",
            Locale::It => "it",
            Locale::Pl => "pl",
            Locale::Nl => "nl",
            Locale::Pt => "pt",
            Locale::Ro => "ro",
            Locale::Uk => "uk",
            Locale::Ar => "ar",
        }
    }

    pub fn parse(s: &str) -> Option<Locale> {
        let primary = s
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar)
    }

    /// The name of the language in itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::De => "Deutsch",
            Locale::Es => "Español",
            Locale::It => "Italiano",
            Locale::Pl => "Polski",
            Locale::Nl => "Nederlands",
            Locale::Pt => "Português",
            Locale::Ro => "Română",
            Locale::Uk => "Українська",
            Locale::Ar => "العربية",
        }
    }

    /// Picks the best shipped locale for an `Accept-Language` header (RFC 9110 weights).
    pub fn negotiate(accept_language: &str) -> Locale {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (pos, part) in accept_language.split(',').enumerate() {
            let mut it = part.trim().split(';');
            let tag = it.next().unwrap_or("").trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(l) = Locale::parse(tag) {
                let better = match best {
                    None => true,
                    Some((bq, bpos, _)) => q > bq || (q == bq && pos < bpos),
                };
                if better {
                    best = Some((q, pos, l));
                }
            }
        }
        best.map(|b| b.2).unwrap_or(Locale::En)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A BCP 47 primary language subtag (ISO 639-1 or 639-3), lower-case: `pl`, `uk`, `nb`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

impl LanguageTag {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(LanguageTag(primary.to_ascii_lowercase()))
        } else {
            Err(DomainError::InvalidLanguage(s.chars().take(16).collect()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        LanguageTag::parse(&s)
    }
}

impl From<LanguageTag> for String {
    fn from(l: LanguageTag) -> String {
        l.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn negotiation_follows_weights_and_order() {
        assert_eq!(Locale::negotiate("pl-PL,pl;q=0.9,en;q=0.8"), Locale::Pl);
        assert_eq!(Locale::negotiate("sv;q=1, ar;q=0.5, fr;q=0.7"), Locale::Fr);
        assert_eq!(Locale::negotiate("sv, da"), Locale::En);
        assert_eq!(Locale::negotiate("de;q=0, uk"), Locale::Uk);
        assert_eq!(Locale::negotiate(""), Locale::En);
    }

    #[test]
    fn language_tags() {
        assert_eq!(LanguageTag::parse("pt-BR").map(|l| l.0), Ok("pt".into()));
        assert!(LanguageTag::parse("polish").is_err());
    }

    proptest! {
        #[test]
        fn negotiation_never_panics(s in "\\PC{0,60}") {
            let _ = Locale::negotiate(&s);
        }
    }
}
