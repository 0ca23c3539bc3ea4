//! The rights navigator: from "where did it happen, where do you live, what happened" to the
//! rights that apply, the national facts that go with them, the compensation route and a short
//! checklist.
//!
//! All legal knowledge is data (`content/`): which state is bound by which instrument, which
//! right applies when, what a country's authorities and time limits are. This module only
//! evaluates it. It does no I/O: the caller hands it the text of the content files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{CountryCode, CountryProfile, Locale};

/// The instrument whose territorial scope decides the cross-border compensation route
/// (assisting authority at home, deciding authority where the crime happened). Which states it
/// binds is data; only its identity is named here.
pub const CROSS_BORDER_COMPENSATION: &str = "2004/80/EC";

macro_rules! keyed_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable key used in JSON, forms and message ids.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

keyed_enum!(
    /// What happened, in the words the navigator offers.
    CrimeKind {
        Assault = "assault",
        SexualViolence = "sexual_violence",
        DomesticViolence = "domestic_violence",
        Robbery = "robbery",
        Theft = "theft",
        Burglary = "burglary",
        Fraud = "fraud",
        Cybercrime = "cybercrime",
        HateCrime = "hate_crime",
        Homicide = "homicide",
        Trafficking = "trafficking",
        Terrorism = "terrorism",
        RoadTraffic = "road_traffic",
        Other = "other",
    }
);

keyed_enum!(
    /// Circumstances that change which rights apply.
    Situation {
        Child = "child",
        BereavedFamily = "bereaved_family",
        Disability = "disability",
        Trafficking = "trafficking",
        Terrorism = "terrorism",
        PartnerViolence = "partner_violence",
        MovedCountry = "moved_country",
        FearsOffender = "fears_offender",
    }
);

keyed_enum!(
    /// Where the victim is in the process.
    Stage {
        JustHappened = "just_happened",
        Deciding = "deciding",
        Investigation = "investigation",
        Trial = "trial",
        AfterTrial = "after_trial",
    }
);

keyed_enum!(
    /// The sections of a result, in the order they are shown.
    SectionId {
        SafeNow = "safe_now",
        Support = "support",
        Reporting = "reporting",
        Proceedings = "proceedings",
        Protection = "protection",
        Compensation = "compensation",
        NextSteps = "next_steps",
    }
);

// ---------------------------------------------------------------------------------------------
// Content: the shapes of the files in content/ (see content/README.md)

/// A national fact with its provenance. Unknown facts are `None` where they are used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    pub sources: Vec<String>,
    pub verified: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub number: String,
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotBound {
    pub country: CountryCode,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentStatus {
    InForce,
    AgreedNotFinal,
    Proposed,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub slug: String,
    pub kind: String,
    pub short_name: String,
    #[serde(default)]
    pub caveat: Option<String>,
    pub official_title: String,
    pub url: String,
    pub status: InstrumentStatus,
    pub binds: Vec<CountryCode>,
    #[serde(default)]
    pub not_bound: Vec<NotBound>,
    pub territory_sources: Vec<String>,
    pub verified: NaiveDate,
    #[serde(default)]
    pub articles: Vec<Article>,
}

impl Instrument {
    pub fn binds(&self, c: CountryCode) -> bool {
        self.binds.contains(&c)
    }
    pub fn article(&self, number: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    pub instrument: String,
    pub article: String,
}

/// Whose state must be bound by the instrument a right rests on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    #[default]
    Crime,
    Residence,
    Both,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnyOf {
    #[serde(default)]
    pub situations: Vec<Situation>,
    #[serde(default)]
    pub crime_kinds: Vec<CrimeKind>,
}

/// When a right applies. Every condition present must hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    #[serde(default)]
    pub bound: Party,
    /// Whose state must be an EU Member State (bound or not by this instrument): e.g. Art. 26
    /// of 2017/541 is about residents of another Member State.
    #[serde(default)]
    pub in_union: Option<Party>,
    #[serde(default)]
    pub cross_border: Option<bool>,
    /// An unknown stage matches every list.
    #[serde(default)]
    pub stages: Option<Vec<Stage>>,
    /// All of these situations must be given.
    #[serde(default)]
    pub situations: Vec<Situation>,
    /// At least one must match; an unknown crime kind matches a non-empty `crime_kinds`.
    #[serde(default)]
    pub any_of: Option<AnyOf>,
    /// An unknown answer matches both.
    #[serde(default)]
    pub reported: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    pub id: String,
    pub section: SectionId,
    pub basis: Vec<Basis>,
    #[serde(default)]
    pub when: When,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightText {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentText {
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub caveat: Option<String>,
    #[serde(default)]
    pub not_bound: BTreeMap<String, String>,
}

/// `content/i18n/<lang>.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default)]
    pub rights: BTreeMap<String, RightText>,
    #[serde(default)]
    pub instruments: BTreeMap<String, InstrumentText>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    pub police: Option<Fact>,
    pub online: Option<Fact>,
    pub non_emergency: Option<Fact>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompensationFacts {
    pub scheme: Option<Fact>,
    pub deciding_authority: Option<Fact>,
    pub assisting_authority: Option<Fact>,
    pub time_limit: Option<Fact>,
    pub covers_residents_abroad: Option<Fact>,
}

/// `content/countries/<cc>.json`: the national facts of one state.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalProfile {
    pub code: CountryCode,
    pub reporting: Reporting,
    pub compensation: CompensationFacts,
    pub legal_aid: Option<Fact>,
    pub interpretation: Option<Fact>,
    pub rights_page: Option<Fact>,
}

impl NationalProfile {
    /// A profile that knows nothing: every fact unknown.
    pub fn unknown(code: CountryCode) -> NationalProfile {
        NationalProfile {
            code,
            reporting: Reporting::default(),
            compensation: CompensationFacts::default(),
            legal_aid: None,
            interpretation: None,
            rights_page: None,
        }
    }

    pub fn facts(&self) -> impl Iterator<Item = (&'static str, &Fact)> {
        let r = &self.reporting;
        let c = &self.compensation;
        [
            ("police", &r.police),
            ("online", &r.online),
            ("non_emergency", &r.non_emergency),
            ("scheme", &c.scheme),
            ("deciding_authority", &c.deciding_authority),
            ("assisting_authority", &c.assisting_authority),
            ("time_limit", &c.time_limit),
            ("covers_residents_abroad", &c.covers_residents_abroad),
            ("legal_aid", &self.legal_aid),
            ("interpretation", &self.interpretation),
            ("rights_page", &self.rights_page),
        ]
        .into_iter()
        .filter_map(|(k, f)| f.as_ref().map(|f| (k, f)))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct InstrumentsFile {
    instruments: Vec<Instrument>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct RightsFile {
    rights: Vec<Right>,
}

/// A content file that cannot be used, with the JSON path of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("content/{file} at {path}: {reason}")]
pub struct ContentError {
    pub file: String,
    pub path: String,
    pub reason: String,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| ContentError {
        file: file.to_string(),
        path: e.path().to_string(),
        reason: e.inner().to_string(),
    })
}

fn invalid(file: &str, path: impl Into<String>, reason: impl Into<String>) -> ContentError {
    ContentError {
        file: file.to_string(),
        path: path.into(),
        reason: reason.into(),
    }
}

/// The text of the content files, as the caller read or embedded them.
pub struct ContentSources<'a> {
    pub instruments: &'a str,
    pub rights: &'a str,
    /// (locale, text of `i18n/<lang>.json`)
    pub translations: Vec<(Locale, &'a str)>,
    /// (file name such as `es.json`, its text)
    pub national: Vec<(&'a str, &'a str)>,
    /// Emergency numbers, 116 006 and helplines, from the directory's country data.
    pub countries: Vec<CountryProfile>,
}

/// Everything the navigator knows, checked for consistency.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub instruments: Vec<Instrument>,
    pub rights: Vec<Right>,
    translations: HashMap<Locale, Translation>,
    national: BTreeMap<CountryCode, NationalProfile>,
    countries: BTreeMap<CountryCode, CountryProfile>,
}

fn check_fact(file: &str, path: &str, f: &Fact) -> Result<(), ContentError> {
    if f.value.trim().is_empty() {
        return Err(invalid(
            file,
            path,
            "a fact needs a value (use null when unknown)",
        ));
    }
    if f.sources.is_empty() {
        return Err(invalid(file, path, "a fact needs at least one source"));
    }
    let web = |u: &str| u.starts_with("https://") || u.starts_with("http://");
    if let Some(u) = f.url.as_deref().filter(|u| !web(u)) {
        return Err(invalid(file, path, format!("not a web address: {u}")));
    }
    if let Some(u) = f.sources.iter().find(|u| !web(u)) {
        return Err(invalid(file, path, format!("not a web address: {u}")));
    }
    Ok(())
}

impl Knowledge {
    pub fn parse(src: ContentSources<'_>) -> Result<Knowledge, ContentError> {
        let instruments =
            parse::<InstrumentsFile>("instruments.json", src.instruments)?.instruments;
        let rights = parse::<RightsFile>("rights.json", src.rights)?.rights;

        let mut slugs = BTreeSet::new();
        for (i, inst) in instruments.iter().enumerate() {
            let path = format!("instruments[{i}]");
            if !slugs.insert(inst.slug.as_str())
                || !inst
                    .slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(invalid(
                    "instruments.json",
                    path,
                    "slug not unique or not lower-case",
                ));
            }
            if inst.territory_sources.is_empty() {
                return Err(invalid(
                    "instruments.json",
                    path,
                    "territorial facts need a source",
                ));
            }
            for nb in &inst.not_bound {
                if inst.binds(nb.country) {
                    return Err(invalid(
                        "instruments.json",
                        path,
                        format!("{} both bound and not bound", nb.country),
                    ));
                }
            }
        }
        let instrument = |id: &str| instruments.iter().find(|i| i.id == id);

        let mut ids = BTreeSet::new();
        for (i, r) in rights.iter().enumerate() {
            let path = format!("rights[{i}]");
            if !ids.insert(r.id.as_str()) {
                return Err(invalid(
                    "rights.json",
                    path,
                    format!("duplicate id {}", r.id),
                ));
            }
            if matches!(r.section, SectionId::SafeNow | SectionId::NextSteps) {
                return Err(invalid(
                    "rights.json",
                    path,
                    "rights cannot go in this section",
                ));
            }
            if r.title.trim().is_empty() || r.body.trim().is_empty() {
                return Err(invalid("rights.json", path, "title and body are required"));
            }
            if r.basis.is_empty() {
                return Err(invalid("rights.json", path, "a right needs a legal basis"));
            }
            for (j, b) in r.basis.iter().enumerate() {
                let inst = instrument(&b.instrument).ok_or_else(|| {
                    invalid(
                        "rights.json",
                        format!("{path}.basis[{j}]"),
                        format!("unknown instrument {}", b.instrument),
                    )
                })?;
                if inst.article(&b.article).is_none() {
                    return Err(invalid(
                        "rights.json",
                        format!("{path}.basis[{j}]"),
                        format!("{} has no article {}", b.instrument, b.article),
                    ));
                }
            }
        }

        let mut translations = HashMap::new();
        for (locale, text) in src.translations {
            let file = format!("i18n/{}.json", locale.code());
            let t: Translation = parse(&file, text)?;
            if let Some(k) = t.rights.keys().find(|k| !ids.contains(k.as_str())) {
                return Err(invalid(&file, format!("rights.{k}"), "no such right"));
            }
            if let Some(k) = t.instruments.keys().find(|k| instrument(k).is_none()) {
                return Err(invalid(
                    &file,
                    format!("instruments.{k}"),
                    "no such instrument",
                ));
            }
            translations.insert(locale, t);
        }

        let mut national = BTreeMap::new();
        for (name, text) in src.national {
            let file = format!("countries/{name}");
            let p: NationalProfile = parse(&file, text)?;
            if name != format!("{}.json", p.code.lower()) {
                return Err(invalid(&file, "code", "does not match the file name"));
            }
            for (k, f) in p.facts() {
                check_fact(&file, k, f)?;
            }
            national.insert(p.code, p);
        }

        let countries = src.countries.into_iter().map(|c| (c.code, c)).collect();
        Ok(Knowledge {
            instruments,
            rights,
            translations,
            national,
            countries,
        })
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }

    pub fn instrument_by_slug(&self, slug: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.slug == slug)
    }

    pub fn national(&self, c: CountryCode) -> Option<&NationalProfile> {
        self.national.get(&c)
    }

    pub fn country(&self, c: CountryCode) -> Option<&CountryProfile> {
        self.countries.get(&c)
    }

    /// The right's text in `locale`, or the English source text marked untranslated.
    pub fn right_text(&self, right: &Right, locale: Locale) -> LocalText {
        match self
            .translations
            .get(&locale)
            .and_then(|t| t.rights.get(&right.id))
        {
            Some(t) => LocalText {
                title: t.title.clone(),
                body: t.body.clone(),
                lang: locale,
                translated: true,
            },
            None => LocalText {
                title: right.title.clone(),
                body: right.body.clone(),
                lang: Locale::En,
                translated: locale == Locale::En,
            },
        }
    }

    /// The short name of an instrument in `locale` (English when not translated).
    pub fn instrument_name(&self, inst: &Instrument, locale: Locale) -> (String, Locale) {
        self.translations
            .get(&locale)
            .and_then(|t| t.instruments.get(&inst.id))
            .and_then(|t| t.short_name.clone())
            .map_or_else(|| (inst.short_name.clone(), Locale::En), |n| (n, locale))
    }

    fn instrument_text(
        &self,
        inst: &Instrument,
        locale: Locale,
        pick: impl Fn(&InstrumentText) -> Option<String>,
        english: Option<&str>,
    ) -> Option<LocalText> {
        if let Some(t) = self
            .translations
            .get(&locale)
            .and_then(|t| t.instruments.get(&inst.id))
            .and_then(pick)
        {
            return Some(LocalText {
                title: String::new(),
                body: t,
                lang: locale,
                translated: true,
            });
        }
        english.map(|e| LocalText {
            title: String::new(),
            body: e.to_string(),
            lang: Locale::En,
            translated: locale == Locale::En,
        })
    }

    /// The rights that rest on one article, for the article pages.
    pub fn rights_citing<'a>(
        &'a self,
        instrument: &'a str,
        article: &'a str,
    ) -> impl Iterator<Item = &'a Right> + 'a {
        self.rights.iter().filter(move |r| {
            r.basis
                .iter()
                .any(|b| b.instrument == instrument && b.article == article)
        })
    }

    /// Rights ids that have no translation in `locale`.
    pub fn untranslated(&self, locale: Locale) -> Vec<&str> {
        let t = self.translations.get(&locale);
        self.rights
            .iter()
            .filter(|r| t.is_none_or(|t| !t.rights.contains_key(&r.id)))
            .map(|r| r.id.as_str())
            .collect()
    }

    /// Whether an instrument binds the state, for the country pages.
    pub fn instruments_binding(&self, c: CountryCode) -> Vec<(&Instrument, bool)> {
        self.instruments
            .iter()
            .filter(|i| i.status == InstrumentStatus::InForce)
            .map(|i| (i, i.binds(c)))
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The question and the answer

/// What the victim told the navigator. Only the two countries are required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub crime_country: CountryCode,
    pub residence_country: CountryCode,
    pub crime_kind: Option<CrimeKind>,
    pub situations: BTreeSet<Situation>,
    pub reported: Option<bool>,
    pub stage: Option<Stage>,
}

impl Question {
    pub fn new(crime_country: CountryCode, residence_country: CountryCode) -> Question {
        Question {
            crime_country,
            residence_country,
            crime_kind: None,
            situations: BTreeSet::new(),
            reported: None,
            stage: None,
        }
    }
    pub fn cross_border(&self) -> bool {
        self.crime_country != self.residence_country
    }
    fn has(&self, s: Situation) -> bool {
        self.situations.contains(&s)
    }
}

/// Text from the content files in the language it is actually in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalText {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub body: String,
    pub lang: Locale,
    /// false when the reader's language was missing and English is shown instead
    pub translated: bool,
}

/// A sentence the UI layer words in the reader's language from its catalogue
/// (`rights-msg-<key>`), filled with a country, numbers or a national fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub key: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<Fact>,
}

impl Message {
    fn new(key: &'static str) -> Message {
        Message {
            key,
            country: None,
            numbers: Vec::new(),
            fact: None,
        }
    }
    fn country(mut self, c: CountryCode) -> Message {
        self.country = Some(c);
        self
    }
    fn fact(mut self, f: &Fact) -> Message {
        self.fact = Some(f.clone());
        self
    }
    fn numbers(mut self, n: Vec<String>) -> Message {
        self.numbers = n;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Content {
    /// A right from `content/rights.json`.
    Right(LocalText),
    /// A national fact or practical step, worded by the UI layer.
    Message(Message),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub content: Content,
    pub legal_basis: Vec<Basis>,
    pub sources: Vec<String>,
    pub verified: Option<NaiveDate>,
}

impl Item {
    fn message(id: impl Into<String>, m: Message) -> Item {
        let (sources, verified) = m.fact.as_ref().map_or((Vec::new(), None), |f| {
            (f.sources.clone(), Some(f.verified))
        });
        Item {
            id: id.into(),
            content: Content::Message(m),
            legal_basis: Vec::new(),
            sources,
            verified,
        }
    }
    fn sourced(mut self, sources: &[String]) -> Item {
        if self.sources.is_empty() {
            self.sources = sources.to_vec();
        }
        self
    }
    fn basis(mut self, basis: Vec<Basis>) -> Item {
        self.legal_basis = basis;
        self
    }
    /// The message key, for tests and the UI.
    pub fn key(&self) -> Option<&'static str> {
        match &self.content {
            Content::Message(m) => Some(m.key),
            Content::Right(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: SectionId,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Apply at home (assisting authority); the state of the crime decides and pays.
    CrossBorder,
    /// Apply directly to the scheme of the state of the crime.
    Direct,
    /// No route is known.
    Unknown,
}

/// The state compensation route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compensation {
    pub route: Route,
    pub deciding_country: Option<CountryCode>,
    pub assisting_country: Option<CountryCode>,
    pub scheme: Option<Fact>,
    pub deciding_authority: Option<Fact>,
    pub assisting_authority: Option<Fact>,
    /// None where unknown.
    pub time_limit: Option<Fact>,
    /// Whether the home state's own scheme covers crimes abroad (cross-border only).
    pub home_scheme_covers_abroad: Option<Fact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub id: String,
    /// Worded from the catalogue (`rights-note-<key>`) when set…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<&'static str>,
    /// …or text from the content files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<LocalText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Crime,
    Residence,
    Both,
}

/// Directory entries to show as contacts for one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contacts {
    pub country: CountryCode,
    pub side: Side,
    /// 116 006 and national helplines first, then national support organisations.
    pub service_ids: Vec<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub crime_country: CountryCode,
    pub residence_country: CountryCode,
    pub sections: Vec<Section>,
    pub compensation: Compensation,
    pub notes: Vec<Note>,
    pub contacts: Vec<Contacts>,
}

impl Assessment {
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
    /// Every item id, in order (rights by their content id, messages by their item id).
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.id.as_str()))
    }
    pub fn has_item(&self, id: &str) -> bool {
        self.item_ids().any(|i| i == id)
    }
    pub fn has_note(&self, id: &str) -> bool {
        self.notes.iter().any(|n| n.id == id)
    }
}

enum Fit {
    Applies,
    /// Everything but the territorial condition holds: the state in question is not bound.
    NotBound(CountryCode),
    No,
}

impl Knowledge {
    fn fit(&self, r: &Right, q: &Question) -> Fit {
        let w = &r.when;
        if w.cross_border.is_some_and(|c| c != q.cross_border()) {
            return Fit::No;
        }
        if let (Some(stages), Some(stage)) = (&w.stages, q.stage) {
            if !stages.contains(&stage) {
                return Fit::No;
            }
        }
        if !w.situations.iter().all(|s| q.has(*s)) {
            return Fit::No;
        }
        if let Some(any) = &w.any_of {
            let by_situation = any.situations.iter().any(|s| q.has(*s));
            let by_kind = match q.crime_kind {
                Some(k) => any.crime_kinds.contains(&k),
                None => !any.crime_kinds.is_empty(),
            };
            if !by_situation && !by_kind {
                return Fit::No;
            }
        }
        if let (Some(want), Some(got)) = (w.reported, q.reported) {
            if want != got {
                return Fit::No;
            }
        }
        if let Some(party) = w.in_union {
            let members: &[CountryCode] = match party {
                Party::Crime => &[q.crime_country],
                Party::Residence => &[q.residence_country],
                Party::Both => &[q.crime_country, q.residence_country],
            };
            if !members.iter().all(|c| self.in_union(*c)) {
                return Fit::No;
            }
        }
        let Some(inst) = r.basis.first().and_then(|b| self.instrument(&b.instrument)) else {
            return Fit::No;
        };
        if inst.status != InstrumentStatus::InForce {
            return Fit::No;
        }
        let need: &[CountryCode] = match w.bound {
            Party::Crime => &[q.crime_country],
            Party::Residence => &[q.residence_country],
            Party::Both => &[q.crime_country, q.residence_country],
        };
        match need.iter().find(|c| !inst.binds(**c)) {
            Some(c) => Fit::NotBound(*c),
            None => Fit::Applies,
        }
    }

    /// Whether any instrument in force binds the state (i.e. it is an EU Member State for the
    /// purposes of the content), or lists it as not bound.
    fn in_union(&self, c: CountryCode) -> bool {
        self.instruments.iter().any(|i| {
            i.status == InstrumentStatus::InForce
                && (i.binds(c) || i.not_bound.iter().any(|n| n.country == c))
        })
    }

    fn emergency(&self, c: CountryCode, key: &'static str) -> Item {
        match self.country(c) {
            Some(p) if !p.emergency.numbers.is_empty() => Item::message(
                format!("emergency-{}", c.lower()),
                Message::new(key)
                    .country(c)
                    .numbers(p.emergency.numbers.clone()),
            )
            .sourced(&p.emergency.sources),
            _ => Item::message(
                format!("emergency-{}", c.lower()),
                Message::new("emergency-unknown").country(c),
            ),
        }
    }

    fn helpline(&self, c: CountryCode) -> Item {
        let id = format!("helpline-116006-{}", c.lower());
        match self.country(c).map(|p| &p.helpline_116006) {
            Some(h) if h.operating == Some(true) => {
                let mut m = Message::new("helpline-116006").country(c);
                if let Some(op) = &h.operator {
                    m = m.numbers(vec![op.clone()]);
                }
                Item::message(id, m).sourced(&h.sources)
            }
            Some(h) if h.operating == Some(false) => {
                Item::message(id, Message::new("no-116006").country(c)).sourced(&h.sources)
            }
            _ => Item::message(id, Message::new("116006-unknown").country(c)),
        }
    }

    fn fact_item(
        c: CountryCode,
        name: &str,
        key: &'static str,
        unknown: Option<&'static str>,
        fact: Option<&Fact>,
    ) -> Option<Item> {
        let id = format!("{name}-{}", c.lower());
        match (fact, unknown) {
            (Some(f), _) => Some(Item::message(id, Message::new(key).country(c).fact(f))),
            (None, Some(u)) => Some(Item::message(id, Message::new(u).country(c))),
            (None, None) => None,
        }
    }

    /// The navigator's answer. Pure: same question, same knowledge, same answer.
    pub fn assess(&self, q: &Question, locale: Locale) -> Assessment {
        let cross = q.cross_border();
        let crime = q.crime_country;
        let home = q.residence_country;
        let none = NationalProfile::unknown(crime);
        let none_home = NationalProfile::unknown(home);
        let nat = self.national(crime).unwrap_or(&none);
        let nat_home = self.national(home).unwrap_or(&none_home);

        // which rights apply, and which fail only on territory
        let mut applied: Vec<&Right> = Vec::new();
        let mut not_bound: BTreeSet<(String, CountryCode)> = BTreeSet::new();
        for r in &self.rights {
            match self.fit(r, q) {
                Fit::Applies => applied.push(r),
                Fit::NotBound(c) => {
                    if let Some(b) = r.basis.first() {
                        not_bound.insert((b.instrument.clone(), c));
                    }
                }
                Fit::No => {}
            }
        }
        let rights_in = |s: SectionId| -> Vec<Item> {
            applied
                .iter()
                .filter(|r| r.section == s)
                .map(|r| Item {
                    id: r.id.clone(),
                    content: Content::Right(self.right_text(r, locale)),
                    legal_basis: r.basis.clone(),
                    sources: r
                        .basis
                        .iter()
                        .filter_map(|b| {
                            self.instrument(&b.instrument)
                                .and_then(|i| i.article(&b.article))
                                .map(|a| a.url.clone())
                        })
                        .collect(),
                    verified: r
                        .basis
                        .first()
                        .and_then(|b| self.instrument(&b.instrument))
                        .map(|i| i.verified),
                })
                .collect()
        };
        let basis_of = |id_part: &str, s: SectionId| -> Vec<Basis> {
            applied
                .iter()
                .filter(|r| r.section == s && r.id.contains(id_part))
                .flat_map(|r| r.basis.iter().cloned())
                .take(1)
                .collect()
        };

        // 1. safe now
        let mut safe = vec![self.emergency(crime, "emergency")];
        if cross {
            safe.push(self.emergency(home, "emergency-home"));
        }

        // 2. support
        let mut support = vec![self.helpline(crime)];
        if cross {
            support.push(self.helpline(home));
        }
        support.push(Item::message(
            "support-contacts",
            Message::new(if cross {
                "support-contacts-both"
            } else {
                "support-contacts"
            })
            .country(crime),
        ));
        support.extend(rights_in(SectionId::Support));

        // 3. reporting
        let mut reporting = Vec::new();
        if q.reported == Some(true) {
            reporting.push(Item::message(
                "already-reported",
                Message::new("already-reported"),
            ));
        } else {
            reporting.push(Item::message("no-pressure", Message::new("no-pressure")));
        }
        reporting.extend(Self::fact_item(
            crime,
            "police",
            "police",
            Some("police-unknown"),
            nat.reporting.police.as_ref(),
        ));
        reporting.extend(Self::fact_item(
            crime,
            "online",
            "online-reporting",
            None,
            nat.reporting.online.as_ref(),
        ));
        reporting.extend(Self::fact_item(
            crime,
            "non-emergency",
            "non-emergency",
            None,
            nat.reporting.non_emergency.as_ref(),
        ));
        if cross {
            reporting.extend(Self::fact_item(
                home,
                "police",
                "police-home",
                Some("police-unknown"),
                nat_home.reporting.police.as_ref(),
            ));
            reporting.extend(Self::fact_item(
                home,
                "online",
                "online-reporting",
                None,
                nat_home.reporting.online.as_ref(),
            ));
        }
        reporting.extend(rights_in(SectionId::Reporting));

        // 4. proceedings
        let mut proceedings = rights_in(SectionId::Proceedings);
        proceedings.extend(Self::fact_item(
            crime,
            "legal-aid",
            "legal-aid",
            Some("legal-aid-unknown"),
            nat.legal_aid.as_ref(),
        ));
        proceedings.extend(Self::fact_item(
            crime,
            "interpretation",
            "interpretation",
            None,
            nat.interpretation.as_ref(),
        ));
        proceedings.extend(Self::fact_item(
            crime,
            "rights-page",
            "rights-page",
            None,
            nat.rights_page.as_ref(),
        ));

        // 5. protection
        let protection = rights_in(SectionId::Protection);

        // 6. compensation
        let comp = self.compensation(q, nat, nat_home);
        let mut compensation = Vec::new();
        match comp.route {
            Route::CrossBorder => compensation.push(
                Item::message(
                    "compensation-route",
                    Message::new("route-cross-border").country(crime),
                )
                .basis(basis_of("home-country", SectionId::Compensation)),
            ),
            Route::Direct => compensation.push(Item::message(
                "compensation-route",
                Message::new("route-direct").country(crime),
            )),
            Route::Unknown => compensation.push(Item::message(
                "compensation-route",
                Message::new("route-unknown").country(crime),
            )),
        }
        compensation.extend(Self::fact_item(
            crime,
            "scheme",
            "scheme",
            None,
            comp.scheme.as_ref(),
        ));
        compensation.extend(Self::fact_item(
            crime,
            "deciding-authority",
            "deciding-authority",
            Some("deciding-authority-unknown"),
            comp.deciding_authority.as_ref(),
        ));
        if comp.route == Route::CrossBorder {
            compensation.extend(Self::fact_item(
                home,
                "assisting-authority",
                "assisting-authority",
                Some("assisting-authority-unknown"),
                comp.assisting_authority.as_ref(),
            ));
        }
        compensation.extend(Self::fact_item(
            crime,
            "time-limit",
            "time-limit",
            Some("time-limit-unknown"),
            comp.time_limit.as_ref(),
        ));
        if cross {
            compensation.extend(Self::fact_item(
                home,
                "home-scheme-abroad",
                "home-scheme-abroad",
                Some("home-scheme-abroad-unknown"),
                comp.home_scheme_covers_abroad.as_ref(),
            ));
        }
        compensation.extend(rights_in(SectionId::Compensation));

        // 7. next steps
        let mut steps = Vec::new();
        let mut numbers: Vec<String> = self
            .country(crime)
            .map(|p| p.emergency.numbers.clone())
            .unwrap_or_default();
        if numbers.is_empty() {
            numbers.push("112".to_string());
        }
        steps.push(Item::message(
            "step-danger",
            Message::new("step-danger").country(crime).numbers(numbers),
        ));
        steps.push(
            Item::message("step-support", Message::new("step-support").country(home))
                .basis(basis_of("free-support", SectionId::Support)),
        );
        if q.reported != Some(true) {
            let report_home = applied
                .iter()
                .any(|r| r.section == SectionId::Reporting && r.when.cross_border == Some(true));
            if report_home {
                steps.push(
                    Item::message(
                        "step-report",
                        Message::new("step-report-either").country(crime),
                    )
                    .basis(basis_of("report-at-home", SectionId::Reporting)),
                );
            } else {
                steps.push(Item::message(
                    "step-report",
                    Message::new("step-report").country(crime),
                ));
            }
        }
        steps.push(Item::message(
            "step-evidence",
            Message::new("step-evidence"),
        ));
        match &comp.time_limit {
            Some(f) => steps.push(Item::message(
                "step-deadline",
                Message::new("step-deadline").country(crime).fact(f),
            )),
            None => steps.push(Item::message(
                "step-deadline",
                Message::new("step-deadline-unknown").country(crime),
            )),
        }
        if q.has(Situation::FearsOffender) || q.has(Situation::PartnerViolence) {
            steps.push(
                Item::message("step-protection", Message::new("step-protection"))
                    .basis(basis_of("individual-assessment", SectionId::Protection)),
            );
        }
        if q.has(Situation::MovedCountry) {
            steps.push(
                Item::message(
                    "step-protection-abroad",
                    Message::new("step-protection-abroad").country(home),
                )
                .basis(basis_of("protection-order", SectionId::Protection)),
            );
        }
        steps.push(Item::message("step-keep", Message::new("step-keep")));

        let sections = vec![
            (SectionId::SafeNow, safe),
            (SectionId::Support, support),
            (SectionId::Reporting, reporting),
            (SectionId::Proceedings, proceedings),
            (SectionId::Protection, protection),
            (SectionId::Compensation, compensation),
            (SectionId::NextSteps, steps),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(id, items)| Section { id, items })
        .collect();

        // notes
        let mut notes = Vec::new();
        for (c, id) in [(crime, "crime"), (home, "residence")] {
            if (id == "crime" || cross) && !self.in_union(c) {
                notes.push(Note {
                    id: format!("outside-eu-{id}"),
                    key: Some(if id == "crime" {
                        "outside-eu-crime"
                    } else {
                        "outside-eu-residence"
                    }),
                    text: None,
                    country: Some(c),
                    sources: Vec::new(),
                });
            }
        }
        for (inst_id, c) in &not_bound {
            let Some(inst) = self.instrument(inst_id) else {
                continue;
            };
            let Some(nb) = inst.not_bound.iter().find(|n| n.country == *c) else {
                continue; // outside the Union: covered by the note above
            };
            let text = self.instrument_text(
                inst,
                locale,
                |t| t.not_bound.get(c.as_str()).cloned(),
                Some(&nb.note),
            );
            notes.push(Note {
                id: format!("not-bound-{}-{}", inst.slug, c.lower()),
                key: None,
                text,
                country: Some(*c),
                sources: inst.territory_sources.clone(),
            });
        }
        let cited: BTreeSet<&str> = applied
            .iter()
            .flat_map(|r| r.basis.iter().map(|b| b.instrument.as_str()))
            .collect();
        for inst in &self.instruments {
            let relevant =
                cited.contains(inst.id.as_str()) || inst.status != InstrumentStatus::InForce;
            if !relevant {
                continue;
            }
            if let Some(text) =
                self.instrument_text(inst, locale, |t| t.caveat.clone(), inst.caveat.as_deref())
            {
                notes.push(Note {
                    id: format!("caveat-{}", inst.slug),
                    key: None,
                    text: Some(text),
                    country: None,
                    sources: inst.territory_sources.clone(),
                });
            }
        }
        notes.push(Note {
            id: "not-legal-advice".to_string(),
            key: Some("not-legal-advice"),
            text: None,
            country: None,
            sources: Vec::new(),
        });

        let contacts_for = |c: CountryCode, side: Side| -> Contacts {
            let mut ids = Vec::new();
            if let Some(p) = self.country(c) {
                for id in p
                    .helpline_116006
                    .service_ids
                    .iter()
                    .chain(&p.national_helpline_ids)
                    .chain(&p.national_support_ids)
                {
                    if !ids.contains(id) {
                        ids.push(*id);
                    }
                }
            }
            Contacts {
                country: c,
                side,
                service_ids: ids,
            }
        };
        let contacts = if cross {
            vec![
                contacts_for(crime, Side::Crime),
                contacts_for(home, Side::Residence),
            ]
        } else {
            vec![contacts_for(crime, Side::Both)]
        };

        Assessment {
            crime_country: crime,
            residence_country: home,
            sections,
            compensation: comp,
            notes,
            contacts,
        }
    }

    fn compensation(
        &self,
        q: &Question,
        nat: &NationalProfile,
        nat_home: &NationalProfile,
    ) -> Compensation {
        let crime = q.crime_country;
        let home = q.residence_country;
        let eu = self.instrument(CROSS_BORDER_COMPENSATION);
        let binds = |c| eu.is_some_and(|i| i.binds(c));
        let c = &nat.compensation;
        let known_scheme = c.scheme.is_some() || c.deciding_authority.is_some();
        let route = if q.cross_border() && binds(crime) && binds(home) {
            Route::CrossBorder
        } else if binds(crime) || known_scheme {
            Route::Direct
        } else {
            Route::Unknown
        };
        Compensation {
            route,
            deciding_country: (route != Route::Unknown).then_some(crime),
            assisting_country: (route == Route::CrossBorder).then_some(home),
            scheme: c.scheme.clone(),
            deciding_authority: c.deciding_authority.clone(),
            assisting_authority: (route == Route::CrossBorder)
                .then(|| nat_home.compensation.assisting_authority.clone())
                .flatten(),
            time_limit: c.time_limit.clone(),
            home_scheme_covers_abroad: q
                .cross_border()
                .then(|| nat_home.compensation.covers_residents_abroad.clone())
                .flatten(),
        }
    }
}
