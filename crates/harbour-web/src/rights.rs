//! The rights navigator on the public side (`/{lang}/rights…`, one question per page, answers
//! only ever in POST bodies) and its JSON API (`POST /api/v1/rights/assessment`).

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use fluent_bundle::FluentValue;
use harbour_domain::rights::{
    Assessment, Content, ContentError, ContentSources, CrimeKind, Fact, Item, Knowledge, Message,
    Question, Side, Situation, Stage,
};
use harbour_domain::{taxonomy, CountryCode, CountryProfile, DomainError, Locale};
use serde_json::{json, Value};
use std::collections::BTreeSet;

use crate::error::AppError;
use crate::public::{card, locale, render, Card, Chrome, Opt};
use crate::search;
use crate::state::AppState;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

pub const INSTRUMENTS: &str = include_str!("../../../content/instruments.json");
pub const RIGHTS: &str = include_str!("../../../content/rights.json");

/// The shipped knowledge base, checked.
pub fn load_knowledge(countries: Vec<CountryProfile>) -> Result<Knowledge, ContentError> {
    let translations = embedded::TRANSLATIONS
        .iter()
        .filter_map(|(f, t)| {
            Locale::parse(f.trim_end_matches(".json"))
                .filter(|l| format!("{}.json", l.code()) == *f)
                .map(|l| (l, *t))
        })
        .collect();
    Knowledge::parse(ContentSources {
        instruments: INSTRUMENTS,
        rights: RIGHTS,
        translations,
        national: embedded::NATIONAL.to_vec(),
        countries,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/rights", get(intro).post(step))
        .route("/{lang}/rights/{instrument}", get(instrument_page))
        .route("/{lang}/rights/{instrument}/{article}", get(article_page))
        .route("/{lang}/countries/{cc}/rights", get(country_rights))
}

pub fn api_routes() -> Router<AppState> {
    Router::new().route("/api/v1/rights/assessment", post(api_assessment))
}

fn invalid(field: &str, reason: impl Into<String>) -> AppError {
    AppError::Domain(DomainError::InvalidField {
        field: field.to_string(),
        reason: reason.into(),
    })
}

// ---------------------------------------------------------------------------------------------
// Answers, as they travel from question to question in hidden fields

const STEPS: [&str; 6] = [
    "crime_country",
    "residence_country",
    "crime_kind",
    "situation",
    "reported",
    "stage",
];

#[derive(Debug, Default, Clone)]
struct Answers {
    crime: Option<CountryCode>,
    home: Option<CountryCode>,
    kind: Option<CrimeKind>,
    situations: BTreeSet<Situation>,
    reported: Option<bool>,
    stage: Option<Stage>,
}

impl Answers {
    fn clear(&mut self, step: usize) {
        match step {
            1 => self.crime = None,
            2 => self.home = None,
            3 => self.kind = None,
            4 => self.situations.clear(),
            5 => self.reported = None,
            6 => self.stage = None,
            _ => {}
        }
    }

    /// Hidden fields carrying every answer except the one asked on `step`.
    fn hidden(&self, step: usize) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if step != 1 {
            v.extend(self.crime.map(|c| ("crime_country", c.to_string())));
        }
        if step != 2 {
            v.extend(self.home.map(|c| ("residence_country", c.to_string())));
        }
        if step != 3 {
            v.extend(self.kind.map(|k| ("crime_kind", k.key().to_string())));
        }
        if step != 4 {
            v.extend(
                self.situations
                    .iter()
                    .map(|s| ("situation", s.key().to_string())),
            );
        }
        if step != 5 {
            v.extend(
                self.reported
                    .map(|r| ("reported", if r { "yes" } else { "no" }.to_string())),
            );
        }
        if step != 6 {
            v.extend(self.stage.map(|s| ("stage", s.key().to_string())));
        }
        v
    }

    fn question(&self) -> Option<Question> {
        let (crime, home) = match (self.crime, self.home) {
            (Some(c), Some(h)) => (c, h),
            (Some(c), None) => (c, c),
            (None, Some(h)) => (h, h),
            (None, None) => return None,
        };
        Some(Question {
            crime_country: crime,
            residence_country: home,
            crime_kind: self.kind,
            situations: self.situations.clone(),
            reported: self.reported,
            stage: self.stage,
        })
    }
}

fn country_field(state: &AppState, field: &str, v: &str) -> Result<Option<CountryCode>, AppError> {
    if v.is_empty() {
        return Ok(None);
    }
    let c = CountryCode::parse(v).map_err(|_| invalid(field, "not a country code"))?;
    if state.country(c).is_none() {
        return Err(invalid(field, "not a European country Harbour lists"));
    }
    Ok(Some(c))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Go {
    Next,
    Back,
    Skip,
    Result,
}

struct Posted {
    answers: Answers,
    step: usize,
    go: Go,
}

fn parse_form(state: &AppState, body: &[u8]) -> (Posted, Option<AppError>) {
    let mut p = Posted {
        answers: Answers::default(),
        step: 0,
        go: Go::Next,
    };
    let mut error = None;
    for (k, v) in form_urlencoded::parse(body) {
        let v = v.trim();
        let r: Result<(), AppError> = (|| {
            match k.as_ref() {
                "crime_country" => p.answers.crime = country_field(state, "crime_country", v)?,
                "residence_country" => {
                    p.answers.home = country_field(state, "residence_country", v)?
                }
                "crime_kind" if !v.is_empty() => {
                    p.answers.kind =
                        Some(CrimeKind::parse(v).ok_or_else(|| invalid("crime_kind", "unknown"))?)
                }
                "situation" if !v.is_empty() => {
                    p.answers.situations.insert(
                        Situation::parse(v).ok_or_else(|| invalid("situation", "unknown"))?,
                    );
                }
                "reported" => {
                    p.answers.reported = match v {
                        "yes" => Some(true),
                        "no" => Some(false),
                        "" | "unknown" => None,
                        _ => return Err(invalid("reported", "yes, no or unknown")),
                    }
                }
                "stage" if !v.is_empty() => {
                    p.answers.stage =
                        Some(Stage::parse(v).ok_or_else(|| invalid("stage", "unknown"))?)
                }
                "step" => {
                    p.step = v
                        .parse::<usize>()
                        .ok()
                        .filter(|s| *s <= STEPS.len())
                        .ok_or_else(|| invalid("step", "not a step"))?
                }
                "go" => {
                    p.go = match v {
                        "next" => Go::Next,
                        "back" => Go::Back,
                        "skip" => Go::Skip,
                        "result" => Go::Result,
                        _ => return Err(invalid("go", "unknown")),
                    }
                }
                _ => {}
            }
            Ok(())
        })();
        if let Err(e) = r {
            error.get_or_insert(e);
        }
    }
    (p, error)
}

// ---------------------------------------------------------------------------------------------
// Pages

#[derive(Template)]
#[template(path = "rights_intro.html")]
struct IntroPage<'a> {
    c: Chrome<'a>,
}

async fn intro(
    State(state): State<AppState>,
    Path(lang): Path<String>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let c = Chrome::new(&state, l, "/rights").titled("rights-title");
    render(&IntroPage { c })
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "rights_question.html")]
struct QuestionPage<'a> {
    c: Chrome<'a>,
    step: usize,
    total: usize,
    field: &'static str,
    question: String,
    hint: String,
    error: Option<String>,
    hidden: Vec<(&'static str, String)>,
    /// "select", "radio" or "check"
    control: &'static str,
    choices: Vec<Choice>,
    progress: String,
}

fn question_page(
    state: &AppState,
    l: Locale,
    a: &Answers,
    step: usize,
    error: Option<String>,
) -> Result<Response, AppError> {
    let c = Chrome::new(state, l, "/rights").titled("rights-title");
    let field = STEPS
        .get(step.saturating_sub(1))
        .copied()
        .unwrap_or("crime_country");
    let choice = |value: &str, label: String, checked: bool| Choice {
        value: value.to_string(),
        label,
        checked,
    };
    let countries = |sel: Option<CountryCode>| -> Vec<Choice> {
        crate::public::country_options(&c, sel)
            .into_iter()
            .map(
                |Opt {
                     code,
                     name,
                     selected,
                 }| choice(&code, name, selected),
            )
            .collect()
    };
    let (control, choices) = match step {
        1 => ("select", countries(a.crime)),
        2 => ("select", countries(a.home.or(a.crime))),
        3 => (
            "radio",
            CrimeKind::ALL
                .iter()
                .map(|k| {
                    choice(
                        k.key(),
                        c.t(&format!("rights-kind-{}", k.key())),
                        a.kind == Some(*k),
                    )
                })
                .collect(),
        ),
        4 => (
            "check",
            Situation::ALL
                .iter()
                .map(|s| {
                    choice(
                        s.key(),
                        c.t(&format!("rights-situation-{}", s.key())),
                        a.situations.contains(s),
                    )
                })
                .collect(),
        ),
        5 => (
            "radio",
            [("yes", Some(true)), ("no", Some(false)), ("unknown", None)]
                .into_iter()
                .map(|(k, v)| {
                    choice(
                        k,
                        c.t(&format!("rights-reported-{k}")),
                        a.reported == v && (v.is_some() || k == "unknown"),
                    )
                })
                .collect(),
        ),
        _ => (
            "radio",
            Stage::ALL
                .iter()
                .map(|s| {
                    choice(
                        s.key(),
                        c.t(&format!("rights-stage-{}", s.key())),
                        a.stage == Some(*s),
                    )
                })
                .collect(),
        ),
    };
    let progress = c.state.i18n.t(
        l,
        "rights-progress",
        &[
            ("n", FluentValue::from(step)),
            ("total", FluentValue::from(STEPS.len())),
        ],
    );
    let page = QuestionPage {
        step,
        total: STEPS.len(),
        field,
        question: c.t(&format!("rights-q-{field}")),
        hint: c.t(&format!("rights-q-{field}-hint")),
        error,
        hidden: a.hidden(step),
        control,
        choices,
        progress,
        c,
    };
    render(&page)
}

fn no_store(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    r
}

async fn step(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let (posted, error) = parse_form(&state, &body);
    let Posted {
        mut answers,
        step,
        go,
    } = posted;
    if let Some(e) = error {
        let msg = error_text(&state, l, &e);
        let mut r = question_page(&state, l, &answers, step.max(1), Some(msg))?;
        *r.status_mut() = StatusCode::BAD_REQUEST;
        return Ok(no_store(r));
    }
    let next = match go {
        Go::Back => step.saturating_sub(1).max(1),
        Go::Skip => {
            answers.clear(step);
            step + 1
        }
        Go::Next => step + 1,
        Go::Result => STEPS.len() + 1,
    };
    if next <= STEPS.len() {
        return Ok(no_store(question_page(&state, l, &answers, next, None)?));
    }
    let Some(q) = answers.question() else {
        let msg = state.i18n.t(l, "rights-need-country", &[]);
        let mut r = question_page(&state, l, &answers, 1, Some(msg))?;
        *r.status_mut() = StatusCode::BAD_REQUEST;
        return Ok(no_store(r));
    };
    Ok(no_store(result_page(&state, l, &q).await?))
}

fn error_text(state: &AppState, l: Locale, e: &AppError) -> String {
    let field = match e {
        AppError::Domain(DomainError::InvalidField { field, .. }) => field.clone(),
        _ => String::new(),
    };
    state.i18n.t(
        l,
        "rights-error-field",
        &[("field", FluentValue::from(field))],
    )
}

pub struct BasisView {
    pub label: String,
    pub href: String,
}

/// One item, worded for the reader.
pub struct ItemView {
    pub id: String,
    pub is_right: bool,
    pub title: String,
    pub title_lang: &'static str,
    pub body: String,
    pub untranslated: bool,
    pub fact: Option<Fact>,
    pub basis: Vec<BasisView>,
    pub sources: Vec<String>,
    pub verified: String,
}

pub struct SectionView {
    pub id: &'static str,
    pub title: String,
    pub items: Vec<ItemView>,
}

pub struct NoteView {
    pub text: String,
    pub lang: &'static str,
    pub sources: Vec<String>,
}

pub struct ContactsView {
    pub heading: String,
    pub cards: Vec<Card>,
    pub country_link: String,
    pub country_href: String,
}

fn country_name(state: &AppState, l: Locale, c: CountryCode) -> String {
    state
        .country(c)
        .map(|p| p.name(l.code()).to_string())
        .unwrap_or_else(|| c.to_string())
}

fn message_text(state: &AppState, l: Locale, m: &Message) -> String {
    let mut args: Vec<(&str, FluentValue<'_>)> = Vec::new();
    if let Some(c) = m.country {
        args.push(("country", FluentValue::from(country_name(state, l, c))));
    }
    args.push(("numbers", FluentValue::from(m.numbers.join(", "))));
    args.push((
        "operator",
        FluentValue::from(m.numbers.first().cloned().unwrap_or_default()),
    ));
    state.i18n.t(l, &format!("rights-msg-{}", m.key), &args)
}

fn basis_views(state: &AppState, l: Locale, item: &Item) -> Vec<BasisView> {
    item.legal_basis
        .iter()
        .map(|b| {
            let slug = state
                .knowledge
                .instrument(&b.instrument)
                .map(|i| i.slug.clone())
                .unwrap_or_default();
            BasisView {
                label: state.i18n.t(
                    l,
                    "rights-article-ref",
                    &[
                        ("instrument", FluentValue::from(b.instrument.clone())),
                        ("article", FluentValue::from(b.article.clone())),
                    ],
                ),
                href: format!("/{}/rights/{slug}/{}", l.code(), b.article),
            }
        })
        .collect()
}

fn verified_text(state: &AppState, l: Locale, d: Option<chrono::NaiveDate>) -> String {
    match d {
        Some(d) => state.i18n.t(
            l,
            "rights-verified",
            &[("date", FluentValue::from(d.format("%Y-%m-%d").to_string()))],
        ),
        None => state.i18n.t(l, "rights-verified-unknown", &[]),
    }
}

fn item_view(state: &AppState, l: Locale, item: &Item) -> ItemView {
    let basis = basis_views(state, l, item);
    let verified = verified_text(state, l, item.verified);
    match &item.content {
        Content::Right(t) => ItemView {
            id: item.id.clone(),
            is_right: true,
            title: t.title.clone(),
            title_lang: t.lang.code(),
            body: t.body.clone(),
            untranslated: !t.translated,
            fact: None,
            basis,
            sources: item.sources.clone(),
            verified,
        },
        Content::Message(m) => ItemView {
            id: item.id.clone(),
            is_right: false,
            title: message_text(state, l, m),
            title_lang: l.code(),
            body: String::new(),
            untranslated: false,
            fact: m.fact.clone(),
            basis,
            sources: item.sources.clone(),
            verified,
        },
    }
}

fn sections_view(state: &AppState, l: Locale, a: &Assessment) -> Vec<SectionView> {
    a.sections
        .iter()
        .map(|s| SectionView {
            id: s.id.key(),
            title: state
                .i18n
                .t(l, &format!("rights-section-{}", s.id.key()), &[]),
            items: s.items.iter().map(|i| item_view(state, l, i)).collect(),
        })
        .collect()
}

fn notes_view(state: &AppState, l: Locale, a: &Assessment) -> Vec<NoteView> {
    a.notes
        .iter()
        .map(|n| match (&n.text, n.key) {
            (Some(t), _) => NoteView {
                text: t.body.clone(),
                lang: t.lang.code(),
                sources: n.sources.clone(),
            },
            (None, key) => {
                let mut args = Vec::new();
                if let Some(c) = n.country {
                    args.push(("country", FluentValue::from(country_name(state, l, c))));
                }
                NoteView {
                    text: state.i18n.t(
                        l,
                        &format!("rights-note-{}", key.unwrap_or("not-legal-advice")),
                        &args,
                    ),
                    lang: l.code(),
                    sources: n.sources.clone(),
                }
            }
        })
        .collect()
}

/// Directory services to contact in one country: the assessment's helplines and national
/// organisations first, then other helplines, at most eight.
async fn contact_services(
    state: &AppState,
    c: CountryCode,
    first: &[uuid::Uuid],
) -> Result<Vec<harbour_domain::hsds::Service>, AppError> {
    let q = harbour_search::Query {
        countries: vec![c],
        limit: 500,
        sort: harbour_search::Sort::Name,
        ..Default::default()
    };
    let mut all = search::services(state, &q).await?;
    all.sort_by_key(|s| {
        let listed = first
            .iter()
            .position(|id| *id == s.id)
            .unwrap_or(usize::MAX);
        let helpline =
            s.term_codes(taxonomy::SUPPORT).any(|t| t == "helpline") && !s.phones.is_empty();
        (listed, !helpline)
    });
    all.truncate(8);
    Ok(all)
}

async fn contacts_view(
    state: &AppState,
    chrome: &Chrome<'_>,
    a: &Assessment,
) -> Result<Vec<ContactsView>, AppError> {
    let l = chrome.locale;
    let mut out = Vec::new();
    for g in &a.contacts {
        let name = country_name(state, l, g.country);
        let key = match g.side {
            Side::Crime => "rights-contacts-crime",
            Side::Residence => "rights-contacts-residence",
            Side::Both => "rights-contacts-both",
        };
        let services = contact_services(state, g.country, &g.service_ids).await?;
        out.push(ContactsView {
            heading: state
                .i18n
                .t(l, key, &[("country", FluentValue::from(name.clone()))]),
            cards: services.iter().map(|s| card(chrome, s, None)).collect(),
            country_link: state.i18n.t(
                l,
                "rights-country-link",
                &[("country", FluentValue::from(name))],
            ),
            country_href: format!("/{}/countries/{}/rights", l.code(), g.country.lower()),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "rights_result.html")]
struct ResultPage<'a> {
    c: Chrome<'a>,
    summary: String,
    sections: Vec<SectionView>,
    notes: Vec<NoteView>,
    contacts: Vec<ContactsView>,
}

async fn result_page(state: &AppState, l: Locale, q: &Question) -> Result<Response, AppError> {
    let a = state.knowledge.assess(q, l);
    let c = Chrome::new(state, l, "/rights").titled("rights-result-title");
    let crime = country_name(state, l, q.crime_country);
    let summary = if q.cross_border() {
        state.i18n.t(
            l,
            "rights-result-summary",
            &[
                ("crime", FluentValue::from(crime)),
                (
                    "home",
                    FluentValue::from(country_name(state, l, q.residence_country)),
                ),
            ],
        )
    } else {
        state.i18n.t(
            l,
            "rights-result-same",
            &[("crime", FluentValue::from(crime))],
        )
    };
    let contacts = contacts_view(state, &c, &a).await?;
    let page = ResultPage {
        summary,
        sections: sections_view(state, l, &a),
        notes: notes_view(state, l, &a),
        contacts,
        c,
    };
    render(&page)
}

pub struct ArticleLink {
    pub number: String,
    pub title: String,
    pub href: String,
    pub explained: bool,
}

#[derive(Template)]
#[template(path = "rights_instrument.html")]
struct InstrumentPage<'a> {
    c: Chrome<'a>,
    id: String,
    name: String,
    name_lang: &'static str,
    official_title: String,
    url: String,
    status: String,
    caveat: Option<String>,
    binds: Vec<String>,
    not_bound: Vec<(String, String)>,
    sources: Vec<String>,
    verified: String,
    articles: Vec<ArticleLink>,
}

fn instrument_facts(
    state: &AppState,
    l: Locale,
    inst: &harbour_domain::rights::Instrument,
) -> (Vec<String>, Vec<(String, String)>) {
    let mut binds: Vec<String> = inst
        .binds
        .iter()
        .map(|c| country_name(state, l, *c))
        .collect();
    binds.sort_by_key(|n| n.to_lowercase());
    let not_bound = inst
        .not_bound
        .iter()
        .map(|n| (country_name(state, l, n.country), n.note.clone()))
        .collect();
    (binds, not_bound)
}

async fn instrument_page(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let inst = state
        .knowledge
        .instrument_by_slug(&slug)
        .ok_or(AppError::NotFound)?;
    let (name, name_lang) = state.knowledge.instrument_name(inst, l);
    let mut c = Chrome::new(&state, l, format!("/rights/{slug}"));
    c.title = format!("{} ({})", name, inst.id);
    let (binds, not_bound) = instrument_facts(&state, l, inst);
    let articles = inst
        .articles
        .iter()
        .map(|a| ArticleLink {
            number: a.number.clone(),
            title: a.title.clone(),
            href: format!("/{}/rights/{slug}/{}", l.code(), a.number),
            explained: state
                .knowledge
                .rights_citing(&inst.id, &a.number)
                .next()
                .is_some(),
        })
        .collect();
    let page = InstrumentPage {
        id: inst.id.clone(),
        name,
        name_lang: name_lang.code(),
        official_title: inst.official_title.clone(),
        url: inst.url.clone(),
        status: c.t(&format!("rights-status-{}", status_key(inst.status))),
        caveat: inst.caveat.clone(),
        binds,
        not_bound,
        sources: inst.territory_sources.clone(),
        verified: verified_text(&state, l, Some(inst.verified)),
        articles,
        c,
    };
    render(&page)
}

fn status_key(s: harbour_domain::rights::InstrumentStatus) -> &'static str {
    use harbour_domain::rights::InstrumentStatus as S;
    match s {
        S::InForce => "in_force",
        S::AgreedNotFinal => "agreed_not_final",
        S::Proposed => "proposed",
    }
}

#[derive(Template)]
#[template(path = "rights_article.html")]
struct ArticlePage<'a> {
    c: Chrome<'a>,
    instrument_name: String,
    instrument_href: String,
    official_title: String,
    url: String,
    rights: Vec<ItemView>,
    binds: Vec<String>,
    not_bound: Vec<(String, String)>,
    sources: Vec<String>,
}

async fn article_page(
    State(state): State<AppState>,
    Path((lang, slug, number)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let inst = state
        .knowledge
        .instrument_by_slug(&slug)
        .ok_or(AppError::NotFound)?;
    let art = inst.article(&number).ok_or(AppError::NotFound)?;
    let (name, _) = state.knowledge.instrument_name(inst, l);
    let mut c = Chrome::new(&state, l, format!("/rights/{slug}/{number}"));
    c.title = state.i18n.t(
        l,
        "rights-article-title",
        &[
            ("instrument", FluentValue::from(inst.id.clone())),
            ("article", FluentValue::from(number.clone())),
        ],
    );
    let rights = state
        .knowledge
        .rights_citing(&inst.id, &number)
        .map(|r| {
            let t = state.knowledge.right_text(r, l);
            let item = Item {
                id: r.id.clone(),
                content: Content::Right(t),
                legal_basis: r.basis.clone(),
                sources: vec![art.url.clone()],
                verified: Some(inst.verified),
            };
            item_view(&state, l, &item)
        })
        .collect();
    let (binds, not_bound) = instrument_facts(&state, l, inst);
    let page = ArticlePage {
        instrument_name: name,
        instrument_href: format!("/{}/rights/{slug}", l.code()),
        official_title: art.title.clone(),
        url: art.url.clone(),
        rights,
        binds,
        not_bound,
        sources: inst.territory_sources.clone(),
        c,
    };
    render(&page)
}

pub struct FactRow {
    pub label: String,
    pub fact: Option<Fact>,
    pub verified: String,
}

pub struct InstrumentRow {
    pub name: String,
    pub id: String,
    pub href: String,
    pub applies: bool,
}

#[derive(Template)]
#[template(path = "rights_country.html")]
struct CountryRightsPage<'a> {
    c: Chrome<'a>,
    country: String,
    code: String,
    emergency: Vec<String>,
    facts: Vec<FactRow>,
    instruments: Vec<InstrumentRow>,
}

async fn country_rights(
    State(state): State<AppState>,
    Path((lang, cc)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    if cc != cc.to_ascii_lowercase() {
        return Err(AppError::NotFound);
    }
    let code = CountryCode::parse(&cc).map_err(|_| AppError::NotFound)?;
    let p = state.country(code).ok_or(AppError::NotFound)?;
    let name = p.name(l.code()).to_string();
    let mut c = Chrome::new(&state, l, format!("/countries/{cc}/rights"));
    c.title = c.targ("rights-country-title", "country", name.clone().into());
    let nat = state.knowledge.national(code);
    let label = |key: &str| {
        state.i18n.t(
            l,
            &format!("rights-msg-{key}"),
            &[("country", FluentValue::from(name.clone()))],
        )
    };
    let row = |key: &str, f: Option<&Fact>| FactRow {
        label: label(key),
        fact: f.cloned(),
        verified: verified_text(&state, l, f.map(|f| f.verified)),
    };
    let facts = match nat {
        Some(n) => vec![
            row("police", n.reporting.police.as_ref()),
            row("online-reporting", n.reporting.online.as_ref()),
            row("non-emergency", n.reporting.non_emergency.as_ref()),
            row("scheme", n.compensation.scheme.as_ref()),
            row(
                "deciding-authority",
                n.compensation.deciding_authority.as_ref(),
            ),
            row(
                "assisting-authority",
                n.compensation.assisting_authority.as_ref(),
            ),
            row("time-limit", n.compensation.time_limit.as_ref()),
            row(
                "home-scheme-abroad",
                n.compensation.covers_residents_abroad.as_ref(),
            ),
            row("legal-aid", n.legal_aid.as_ref()),
            row("interpretation", n.interpretation.as_ref()),
            row("rights-page", n.rights_page.as_ref()),
        ],
        None => Vec::new(),
    };
    let instruments = state
        .knowledge
        .instruments_binding(code)
        .into_iter()
        .map(|(i, applies)| InstrumentRow {
            name: state.knowledge.instrument_name(i, l).0,
            id: i.id.clone(),
            href: format!("/{}/rights/{}", l.code(), i.slug),
            applies,
        })
        .collect();
    let page = CountryRightsPage {
        country: name,
        code: cc,
        emergency: p.emergency.numbers.clone(),
        facts,
        instruments,
        c,
    };
    render(&page)
}

// ---------------------------------------------------------------------------------------------
// JSON API

fn parse_api(state: &AppState, body: &[u8]) -> Result<(Question, Locale), AppError> {
    let v: Value =
        serde_json::from_slice(body).map_err(|e| invalid("body", format!("not JSON: {e}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| invalid("body", "expected a JSON object"))?;
    const FIELDS: [&str; 7] = [
        "crime_country",
        "residence_country",
        "crime_kind",
        "situation",
        "reported",
        "stage",
        "lang",
    ];
    if let Some(k) = obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(invalid(k, "unknown field"));
    }
    let country = |f: &str| -> Result<CountryCode, AppError> {
        let s = obj
            .get(f)
            .ok_or_else(|| invalid(f, "required"))?
            .as_str()
            .ok_or_else(|| invalid(f, "expected a string"))?;
        if s.len() != 2 {
            return Err(invalid(f, "expected an ISO 3166-1 alpha-2 code"));
        }
        CountryCode::parse(s).map_err(|_| invalid(f, "expected an ISO 3166-1 alpha-2 code"))
    };
    let crime = country("crime_country")?;
    let home = country("residence_country")?;
    let string = |f: &str| -> Result<Option<&str>, AppError> {
        match obj.get(f) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(invalid(f, "expected a string")),
        }
    };
    let crime_kind = string("crime_kind")?
        .map(|s| CrimeKind::parse(s).ok_or_else(|| invalid("crime_kind", "unknown value")))
        .transpose()?;
    let stage = string("stage")?
        .map(|s| Stage::parse(s).ok_or_else(|| invalid("stage", "unknown value")))
        .transpose()?;
    let lang = match string("lang")? {
        None => Locale::En,
        Some(s) => Locale::parse(s)
            .filter(|l| l.code() == s)
            .ok_or_else(|| invalid("lang", "not a shipped locale"))?,
    };
    let reported = match obj.get("reported") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(invalid("reported", "expected true, false or null")),
    };
    let mut situations = BTreeSet::new();
    match obj.get("situation") {
        None | Some(Value::Null) => {}
        Some(Value::Array(a)) => {
            for s in a {
                let s = s
                    .as_str()
                    .and_then(Situation::parse)
                    .ok_or_else(|| invalid("situation", "unknown value"))?;
                situations.insert(s);
            }
        }
        Some(_) => return Err(invalid("situation", "expected a list")),
    }
    let _ = state;
    Ok((
        Question {
            crime_country: crime,
            residence_country: home,
            crime_kind,
            situations,
            reported,
            stage,
        },
        lang,
    ))
}

fn fact_json(f: &Option<Fact>) -> Value {
    match f {
        Some(f) => serde_json::to_value(f).unwrap_or(Value::Null),
        None => Value::Null,
    }
}

fn item_json(state: &AppState, l: Locale, item: &Item) -> Value {
    let (kind, title, text, lang, fact, translated) = match &item.content {
        Content::Right(t) => (
            "right",
            Some(t.title.clone()),
            t.body.clone(),
            t.lang,
            None,
            t.translated,
        ),
        Content::Message(m) => {
            let sentence = message_text(state, l, m);
            let text = match &m.fact {
                Some(f) => format!("{sentence}: {}", f.value),
                None => sentence,
            };
            let kind = if item.id.starts_with("step-") {
                "step"
            } else {
                "fact"
            };
            (kind, None, text, l, m.fact.clone(), true)
        }
    };
    json!({
        "id": item.id,
        "kind": kind,
        "title": title,
        "text": text,
        "lang": lang.code(),
        "translated": translated,
        "legal_basis": item.legal_basis,
        "fact": fact,
        "sources": item.sources,
        "verified": item.verified.map(|d| d.format("%Y-%m-%d").to_string()),
    })
}

async fn api_assessment(State(state): State<AppState>, body: Bytes) -> Result<Response, AppError> {
    let (q, l) = parse_api(&state, &body)?;
    for (f, c) in [
        ("crime_country", q.crime_country),
        ("residence_country", q.residence_country),
    ] {
        if state.country(c).is_none() && !is_iso_country(c) {
            return Err(invalid(f, "unknown country code"));
        }
    }
    let a = state.knowledge.assess(&q, l);
    let sections: Vec<Value> = a
        .sections
        .iter()
        .map(|s| {
            json!({
                "id": s.id.key(),
                "title": state.i18n.t(l, &format!("rights-section-{}", s.id.key()), &[]),
                "items": s.items.iter().map(|i| item_json(&state, l, i)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let notes: Vec<Value> = notes_view(&state, l, &a)
        .into_iter()
        .zip(&a.notes)
        .map(|(v, n)| json!({"id": n.id, "text": v.text, "lang": v.lang, "sources": v.sources}))
        .collect();
    let comp = &a.compensation;
    let compensation = json!({
        "route": comp.route,
        "deciding_country": comp.deciding_country,
        "assisting_country": comp.assisting_country,
        "scheme": fact_json(&comp.scheme),
        "deciding_authority": fact_json(&comp.deciding_authority),
        "assisting_authority": fact_json(&comp.assisting_authority),
        "time_limit": fact_json(&comp.time_limit),
        "home_scheme_covers_abroad": fact_json(&comp.home_scheme_covers_abroad),
    });
    let mut contacts = Vec::new();
    for g in &a.contacts {
        let services = contact_services(&state, g.country, &g.service_ids).await?;
        let list: Vec<Value> = services
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "name": s.name,
                    "phones": s.phones.iter().map(|p| p.number.clone()).collect::<Vec<_>>(),
                    "url": s.url,
                    "email": s.email,
                    "href": format!("/{}/support/{}", l.code(), s.id),
                })
            })
            .collect();
        contacts.push(json!({"country": g.country, "side": g.side, "services": list}));
    }
    let body = json!({
        "crime_country": a.crime_country,
        "residence_country": a.residence_country,
        "lang": l.code(),
        "sections": sections,
        "compensation": compensation,
        "notes": notes,
        "contacts": contacts,
    });
    Ok(no_store(Json(body).into_response()))
}

/// Countries outside Harbour's European list are accepted when they are ISO 3166-1 codes: a
/// victim may live anywhere. Harbour then knows nothing national about them and says so.
fn is_iso_country(c: CountryCode) -> bool {
    harbour_domain::country::ISO_3166_ALPHA2.contains(&c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_knowledge_base_loads() {
        let countries: Vec<CountryProfile> =
            serde_json::from_str(crate::app::COUNTRIES_JSON).expect("countries");
        let k = load_knowledge(countries);
        assert!(k.is_ok(), "{:?}", k.err());
    }

    #[test]
    fn every_section_has_a_title_key() {
        assert_eq!(harbour_domain::rights::SectionId::ALL.len(), 7);
    }
}
