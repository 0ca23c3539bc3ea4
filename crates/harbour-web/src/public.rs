//! Public pages: server-rendered, complete without JavaScript, no cookies, no third-party
//! requests, a quick exit on every page. The locale is the first path segment.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use fluent_bundle::FluentValue;
use harbour_domain::hsds::Service;
use harbour_domain::schedule::{self, OpenState};
use harbour_domain::{taxonomy, CountryCode, CountryProfile, Locale};
use uuid::Uuid;

use crate::error::AppError;
use crate::params::{pairs, SearchInput};
use crate::search::{self, Ranked};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(root))
        .route("/exit", get(exit))
        .route("/static/site.css", get(css))
        .route("/static/exit.css", get(exit_css))
        .route("/static/site.js", get(js))
        .route("/{lang}/", get(home).post(home_post))
        .route("/{lang}", get(home_redirect))
        .route("/{lang}/support", get(support_get).post(support_post))
        .route("/{lang}/support/{id}", get(service_page))
        .route("/{lang}/countries", get(countries_page))
        .route("/{lang}/countries/{cc}", get(country_page))
        .route("/{lang}/safety", get(safety_page))
        .merge(crate::rights::routes())
}

const CSS: &str = include_str!("../static/site.css");
const EXIT_CSS: &str = include_str!("../static/exit.css");
const JS: &str = include_str!("../static/site.js");

fn asset(ct: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, ct),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

async fn exit_css() -> Response {
    asset("text/css; charset=utf-8", EXIT_CSS)
}

async fn js() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

pub(crate) fn locale(lang: &str) -> Result<Locale, AppError> {
    Locale::parse(lang)
        .filter(|l| l.code() == lang)
        .ok_or(AppError::NotFound)
}

/// `/` → `/{lang}/` by Accept-Language.
async fn root(headers: HeaderMap) -> Redirect {
    let al = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Redirect::to(&format!("/{}/", Locale::negotiate(al)))
}

async fn home_redirect(Path(lang): Path<String>) -> Result<Redirect, AppError> {
    Ok(Redirect::permanent(&format!("/{}/", locale(&lang)?)))
}

/// What every page template shares: locale, title, the language switcher, quick exit.
pub struct Chrome<'a> {
    pub state: &'a AppState,
    pub locale: Locale,
    pub title: String,
    /// The path after `/{lang}`, with a query string for GET pages, for the switcher.
    pub rest: String,
}

pub struct SwitchLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl<'a> Chrome<'a> {
    pub(crate) fn new(state: &'a AppState, locale: Locale, rest: impl Into<String>) -> Self {
        Chrome {
            state,
            locale,
            title: String::new(),
            rest: rest.into(),
        }
    }
    pub(crate) fn titled(mut self, key: &str) -> Self {
        self.title = self.t(key);
        self
    }
    pub fn t(&self, key: &str) -> String {
        self.state.i18n.t(self.locale, key, &[])
    }
    pub fn targ(&self, key: &str, name: &str, value: FluentValue<'_>) -> String {
        self.state.i18n.t(self.locale, key, &[(name, value)])
    }
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }
    pub fn dir(&self) -> &'static str {
        if self.locale.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }
    pub fn exit_url(&self) -> &str {
        &self.state.config.quick_exit_url
    }
    pub fn switcher(&self) -> Vec<SwitchLink> {
        Locale::ALL
            .into_iter()
            .map(|l| SwitchLink {
                code: l.code(),
                name: l.endonym(),
                href: format!("/{}{}", l.code(), self.rest),
                current: l == self.locale,
            })
            .collect()
    }
    pub(crate) fn country_name(&self, cc: &str) -> String {
        CountryCode::parse(cc)
            .ok()
            .and_then(|c| self.state.country(c))
            .map(|p| p.name(self.lang()).to_string())
            .unwrap_or_else(|| cc.to_string())
    }
}

pub(crate) fn render(t: &impl Template) -> Result<Response, AppError> {
    let html = t.render().map_err(|e| AppError::Internal(e.into()))?;
    Ok(Html(html).into_response())
}

pub struct Opt {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

pub(crate) fn country_options(c: &Chrome<'_>, selected: Option<CountryCode>) -> Vec<Opt> {
    let mut v: Vec<Opt> = c
        .state
        .countries
        .iter()
        .map(|p| Opt {
            code: p.code.to_string(),
            name: p.name(c.lang()).to_string(),
            selected: Some(p.code) == selected,
        })
        .collect();
    v.sort_by_key(|a| a.name.to_lowercase());
    v
}

/// The emergency box for a country (or the EU-wide default).
pub struct EmergencyBox {
    pub heading: String,
    pub text: Option<String>,
    pub numbers: Vec<String>,
    pub unknown: String,
    pub general: String,
    pub h116: String,
    pub status116: String,
    pub operator: Option<String>,
}

fn emergency_box(c: &Chrome<'_>, p: Option<&CountryProfile>) -> EmergencyBox {
    let heading = match p {
        Some(p) => format!("{} – {}", c.t("home-emergency-heading"), p.name(c.lang())),
        None => c.t("home-emergency-heading"),
    };
    let h = p.map(|p| &p.helpline_116006);
    let numbers: Vec<String> = p
        .map(|p| p.emergency.numbers.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| vec!["112".into()]);
    EmergencyBox {
        heading,
        // the sourced text, unless it only repeats the numbers shown as links
        text: p
            .and_then(|p| p.emergency.text.clone())
            .filter(|t| t.trim() != numbers.join(" "))
            .or_else(|| {
                p.filter(|p| p.emergency.text.is_some())
                    .map(|_| String::new())
            }),
        numbers,
        unknown: c.t("emergency-unknown"),
        general: c.t("emergency-general"),
        h116: c.t("helpline-116006"),
        status116: c.t(match h.and_then(|h| h.operating) {
            Some(true) => "helpline-116006-yes",
            Some(false) => "helpline-116006-no",
            None => "helpline-116006-unknown",
        }),
        operator: h
            .and_then(|h| h.operator.clone())
            .map(|o| c.targ("helpline-operator", "operator", o.into())),
    }
}

fn default_country(l: Locale) -> Option<&'static str> {
    match l {
        Locale::Fr => Some("FR"),
        Locale::De => Some("DE"),
        Locale::Es => Some("ES"),
        Locale::It => Some("IT"),
        Locale::Pl => Some("PL"),
        Locale::Nl => Some("NL"),
        Locale::Pt => Some("PT"),
        Locale::Ro => Some("RO"),
        Locale::Uk => Some("UA"),
        Locale::En | Locale::Ar => None,
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    c: Chrome<'a>,
    country_options: Vec<Opt>,
    emergency: EmergencyBox,
}

async fn home(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    home_page(&state, &lang, q.as_deref().unwrap_or(""))
}

/// The country chooser posts, so the chosen country stays out of the address and the history.
async fn home_post(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    home_page(&state, &lang, std::str::from_utf8(&body).unwrap_or(""))
}

fn home_page(state: &AppState, lang: &str, form: &str) -> Result<Response, AppError> {
    let l = locale(lang)?;
    let asked = match pairs(form).into_iter().find(|(k, _)| k == "country") {
        Some((_, v)) if !v.is_empty() => Some(CountryCode::parse(&v)?),
        _ => None,
    };
    let rest = match asked {
        Some(cc) => format!("/?country={}", cc.lower()),
        None => "/".into(),
    };
    let chosen = asked.or_else(|| default_country(l).and_then(|c| CountryCode::parse(c).ok()));
    let c = Chrome::new(state, l, rest).titled("home-title");
    let profile = chosen.and_then(|cc| state.country(cc));
    let emergency = emergency_box(&c, profile);
    render(&HomePage {
        country_options: country_options(&c, chosen),
        emergency,
        c,
    })
}

/// A service as a result card.
pub struct Card {
    pub id: Uuid,
    pub name: String,
    pub name_lang: String,
    pub description: Option<String>,
    pub description_lang: String,
    pub country: String,
    pub badges: Vec<String>,
    pub phones: Vec<PhoneView>,
}

pub struct PhoneView {
    pub number: String,
    pub tel: String,
    pub description: Option<String>,
}

fn tel(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn phones(s: &Service) -> Vec<PhoneView> {
    s.phones
        .iter()
        .map(|p| PhoneView {
            number: p.number.clone(),
            tel: tel(&p.number),
            description: p.description.clone(),
        })
        .collect()
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", cut.get(..i).unwrap_or(&cut)),
        None => format!("{cut}…"),
    }
}

pub(crate) fn card(c: &Chrome<'_>, s: &Service, r: Option<&Ranked>) -> Card {
    let lang = c.lang();
    let name = s.localized("name", lang);
    let desc = s.localized("description", lang);
    let mut badges = Vec::new();
    let now = c.state.now();
    let tz = s.profile().and_then(|p| p.timezone.as_deref());
    if schedule::is_24_7(&s.schedules) {
        badges.push(c.t("service-24h"));
    } else {
        match schedule::open_state(&s.schedules, tz, now) {
            OpenState::Open => badges.push(c.t("service-open-now")),
            OpenState::Closed => badges.push(c.t("service-closed-now")),
            OpenState::Unknown => {}
        }
    }
    if s.is_free() {
        badges.push(c.t("service-free"));
    }
    if let Some(r) = r {
        if r.cross_border {
            badges.push(c.t("service-cross-border"));
        }
        if r.hit.covers_place {
            badges.push(c.t("service-covers-place"));
        } else if let Some(km) = r.hit.distance_km {
            badges.push(c.targ("service-distance", "km", FluentValue::from(km.round())));
        }
    }
    if r.is_some_and(|r| r.speaks) {
        let langs: Vec<String> = s
            .language_codes()
            .map(|l| c.t(&format!("lang-{l}")))
            .collect();
        badges.push(langs.join(", "));
    }
    Card {
        id: s.id,
        name: name
            .as_ref()
            .map(|n| n.text.to_string())
            .unwrap_or_else(|| s.name.clone()),
        name_lang: name
            .map(|n| n.lang.to_string())
            .unwrap_or_else(|| "en".into()),
        description: desc.as_ref().map(|d| short(d.text, 220)),
        description_lang: desc
            .map(|d| d.lang.to_string())
            .unwrap_or_else(|| "en".into()),
        country: s.country().map(|cc| c.country_name(cc)).unwrap_or_default(),
        badges,
        phones: phones(s),
    }
}

pub struct Group {
    pub name: &'static str,
    pub legend: String,
    pub options: Vec<Opt>,
}

pub struct FormView {
    pub text: String,
    pub crime_options: Vec<Opt>,
    pub residence_options: Vec<Opt>,
    pub language_options: Vec<Opt>,
    pub language_only: bool,
    pub near: String,
    pub lat: String,
    pub lon: String,
    pub groups: Vec<Group>,
    pub free: bool,
    pub open_now: bool,
    pub hours24: bool,
    pub open_filters: bool,
}

pub struct Pager {
    pub label: String,
    pub prev: Option<usize>,
    pub next: Option<usize>,
}

pub struct SectionView {
    pub heading: String,
    pub count: String,
    pub items: Vec<Card>,
    pub pager: Option<Pager>,
}

#[derive(Template)]
#[template(path = "support.html")]
struct SupportPage<'a> {
    c: Chrome<'a>,
    form: FormView,
    searched: bool,
    notes: Vec<String>,
    sections: Vec<SectionView>,
    hidden: Vec<(&'static str, String)>,
}

fn form_view(c: &Chrome<'_>, input: &SearchInput) -> FormView {
    let group =
        |name: &'static str, legend: &str, prefix: &str, codes: &[&str], selected: &[String]| {
            Group {
                name,
                legend: c.t(legend),
                options: codes
                    .iter()
                    .map(|code| Opt {
                        code: code.to_string(),
                        name: c.t(&format!("{prefix}-{code}")),
                        selected: selected.iter().any(|s| s == code),
                    })
                    .collect(),
            }
        };
    let speak = input.speak.clone();
    let mut language_options: Vec<Opt> = [
        "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "hr", "hu", "it",
        "lt", "lv", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk",
    ]
    .iter()
    .map(|code| Opt {
        code: code.to_string(),
        name: c.t(&format!("lang-{code}")),
        selected: speak.as_deref() == Some(*code),
    })
    .collect();
    language_options.sort_by_key(|a| a.name.to_lowercase());
    let any_filter = !input.support.is_empty()
        || !input.crime.is_empty()
        || !input.channels.is_empty()
        || !input.accessibility.is_empty()
        || input.free
        || input.open_now
        || input.hours24;
    FormView {
        text: input.text.clone().unwrap_or_default(),
        crime_options: country_options(c, input.crime_country.or(input.countries.first().copied())),
        residence_options: country_options(c, input.residence_country),
        language_options,
        language_only: input.language_only,
        near: input.near.clone().unwrap_or_default(),
        lat: input
            .position
            .map(|p| format!("{:.4}", p.0))
            .unwrap_or_default(),
        lon: input
            .position
            .map(|p| format!("{:.4}", p.1))
            .unwrap_or_default(),
        groups: vec![
            group(
                "support",
                "search-support-kind",
                "support",
                &taxonomy::SUPPORT_KINDS,
                &input.support,
            ),
            group(
                "crime",
                "search-crime-kind",
                "crime",
                &taxonomy::CRIME_GROUPS,
                &input.crime,
            ),
            group(
                "channel",
                "search-channel",
                "channel",
                &taxonomy::CHANNELS,
                &input.channels,
            ),
            group(
                "accessibility",
                "search-accessibility",
                "access",
                &taxonomy::ACCESSIBILITY,
                &input.accessibility,
            ),
        ],
        free: input.free,
        open_now: input.open_now,
        hours24: input.hours24,
        open_filters: any_filter,
    }
}

const PER_PAGE: usize = 10;
const PER_SECTION: usize = 25;

async fn support_get(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let p = pairs(q.as_deref().unwrap_or(""));
    let searched = !p.is_empty();
    let rest = match &q {
        Some(q) if !q.is_empty() => format!("/support?{q}"),
        _ => "/support".into(),
    };
    support(&state, l, &p, searched, rest).await
}

async fn support_post(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let p = pairs(std::str::from_utf8(&body).unwrap_or(""));
    support(&state, l, &p, true, "/support".into()).await
}

async fn support(
    state: &AppState,
    l: Locale,
    p: &[(String, String)],
    searched: bool,
    rest: String,
) -> Result<Response, AppError> {
    let mut input = SearchInput::parse(p, PER_PAGE)?;
    input.per_page = PER_PAGE;
    if input.speak.is_none() && !searched {
        input.speak = Some(l.code().to_string());
    }
    let c = Chrome::new(state, l, rest).titled("search-title");
    let mut notes = Vec::new();
    let mut sections = Vec::new();
    if searched {
        let located = match search::locate(state, &input) {
            Ok(loc) => loc,
            Err(place) => {
                notes.push(c.targ("search-city-unknown", "place", place.into()));
                None
            }
        };
        if let Some(loc) = &located {
            notes.push(match &loc.place {
                Some(place) => c.targ("search-near-place", "place", place.clone().into()),
                None => c.t("search-position-used"),
            });
        }
        let countries = search::countries_of(&input);
        let two = match (input.crime_country, input.residence_country) {
            (Some(a), Some(b)) if a != b => Some((a, b)),
            _ => None,
        };
        if let Some((crime, home)) = two {
            notes.push(c.t("search-cross-border-note"));
            for (key, cc) in [
                ("search-section-crime", crime),
                ("search-section-residence", home),
            ] {
                let (total, ranked) =
                    search::public_section(state, &input, located.as_ref(), vec![cc], true)?;
                let name = c.country_name(cc.as_str());
                let shown = search::shown(
                    state,
                    ranked
                        .get(..PER_SECTION.min(ranked.len()))
                        .unwrap_or_default(),
                )
                .await?;
                sections.push(SectionView {
                    heading: c.targ(key, "country", name.into()),
                    count: c.targ("search-count", "count", total.into()),
                    items: shown.iter().map(|(r, s)| card(&c, s, Some(r))).collect(),
                    pager: None,
                });
            }
        } else {
            let (total, ranked) =
                search::public_section(state, &input, located.as_ref(), countries, false)?;
            let pages = total.div_ceil(PER_PAGE).max(1);
            let page = input.page.min(pages);
            let from = ((page - 1) * PER_PAGE).min(ranked.len());
            let to = (from + PER_PAGE).min(ranked.len());
            let shown = search::shown(state, ranked.get(from..to).unwrap_or_default()).await?;
            let items = shown.iter().map(|(r, s)| card(&c, s, Some(r))).collect();
            sections.push(SectionView {
                heading: c.t("search-results"),
                count: c.targ("search-count", "count", total.into()),
                items,
                pager: (pages > 1).then(|| Pager {
                    label: state.i18n.t(
                        l,
                        "page-of",
                        &[("page", page.into()), ("pages", pages.into())],
                    ),
                    prev: (page > 1).then(|| page - 1),
                    next: (page < pages).then(|| page + 1),
                }),
            });
        }
    }
    let hidden = input.hidden_fields();
    let form = form_view(&c, &input);
    render(&SupportPage {
        c,
        form,
        searched,
        notes,
        sections,
        hidden,
    })
}

pub struct ServiceView {
    pub name: String,
    pub name_lang: String,
    pub alternate_name: Option<String>,
    pub organization: String,
    pub country: String,
    pub country_code: String,
    pub open_text: String,
    pub description: Option<String>,
    pub description_lang: String,
    pub translation_missing: bool,
    pub translation_unreviewed: bool,
    pub phones: Vec<PhoneView>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub confidential: bool,
    pub addresses: Vec<String>,
    pub hours: Vec<String>,
    pub hours_text: Vec<String>,
    pub zone_note: Option<String>,
    pub kinds: Vec<String>,
    pub groups: Vec<String>,
    pub languages: Vec<String>,
    pub cost: String,
    pub channels: Vec<String>,
    pub accessibility: Vec<String>,
    pub areas: Vec<String>,
    pub verified: String,
    pub sources: Vec<String>,
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage<'a> {
    c: Chrome<'a>,
    s: ServiceView,
}

fn hours_lines(c: &Chrome<'_>, s: &Service) -> (Vec<String>, Vec<String>) {
    let mut structured = Vec::new();
    let mut text = Vec::new();
    for sch in &s.schedules {
        if let Some(o) = schedule::WeeklyOpening::from_schedule(sch) {
            {
                let days: Vec<String> = sch
                    .byday
                    .as_deref()
                    .unwrap_or("")
                    .split(',')
                    .map(|d| c.t(&format!("day-{}", d.trim())))
                    .collect();
                let days = days.join(", ");
                let clock = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
                structured.push(format!("{days}: {}–{}", clock(o.opens), clock(o.closes)));
            }
        }
        if let Some(d) = sch.description.as_deref().filter(|d| !d.is_empty()) {
            if !text.iter().any(|t: &String| t == d) {
                text.push(d.to_string());
            }
        }
    }
    if schedule::is_24_7(&s.schedules) {
        structured = vec![c.t("service-24h")];
    }
    (structured, text)
}

async fn service_page(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::ServiceNotFound)?;
    let s = harbour_db::directory::public_services(&state.db, &[id])
        .await?
        .pop()
        .ok_or(AppError::ServiceNotFound)?;
    let mut c = Chrome::new(&state, l, format!("/support/{id}"));
    let lang = c.lang();
    let name = s.localized("name", lang);
    let desc = s.localized("description", lang);
    c.title = name
        .as_ref()
        .map(|n| n.text.to_string())
        .unwrap_or_else(|| s.name.clone());
    let p = s.profile();
    let tz = p.and_then(|p| p.timezone.clone());
    let now = state.now();
    let open_text = if schedule::is_24_7(&s.schedules) {
        c.t("service-24h")
    } else {
        c.t(
            match schedule::open_state(&s.schedules, tz.as_deref(), now) {
                OpenState::Open => "service-open-now",
                OpenState::Closed => "service-closed-now",
                OpenState::Unknown => "service-open-unknown",
            },
        )
    };
    let (hours, hours_text) = hours_lines(&c, &s);
    let country_code = s.country().unwrap_or("").to_ascii_lowercase();
    let labels = |tax: &str, prefix: &str| -> Vec<String> {
        s.term_codes(tax)
            .map(|code| c.t(&format!("{prefix}-{code}")))
            .collect()
    };
    let confidential = p.is_some_and(|p| p.confidential_location)
        || s.service_at_locations.iter().any(|sal| {
            sal.location
                .as_ref()
                .is_some_and(|l| l.x_harbour_confidential)
        });
    let addresses = s
        .service_at_locations
        .iter()
        .filter_map(|sal| sal.location.as_ref())
        .filter(|l| !l.x_harbour_confidential)
        .flat_map(|l| l.addresses.iter())
        .map(|a| {
            [
                a.address_1.as_str(),
                a.address_2.as_deref().unwrap_or(""),
                a.postal_code.as_str(),
                a.city.as_str(),
            ]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
        })
        .collect();
    let mut areas: Vec<String> = p
        .map(|p| {
            p.area_countries
                .iter()
                .map(|cc| c.targ("service-nationwide", "country", c.country_name(cc).into()))
                .collect()
        })
        .unwrap_or_default();
    for a in &s.service_areas {
        if let Some(n) = &a.name {
            if !areas.iter().any(|x| x.contains(n.as_str()))
                && p.is_none_or(|p| p.area_countries.is_empty())
            {
                areas.push(n.clone());
            }
        }
    }
    if areas.is_empty() {
        areas.push(c.t("unknown"));
    }
    let view = ServiceView {
        name: c.title.clone(),
        name_lang: name
            .as_ref()
            .map(|n| n.lang.to_string())
            .unwrap_or_else(|| "en".into()),
        alternate_name: s.alternate_name.clone().filter(|a| *a != c.title),
        organization: state
            .organizations
            .read()
            .ok()
            .and_then(|o| o.get(&s.organization_id).map(|x| x.0.clone()))
            .unwrap_or_default(),
        country: s.country().map(|cc| c.country_name(cc)).unwrap_or_default(),
        country_code,
        open_text,
        description: desc.as_ref().map(|d| d.text.to_string()),
        description_lang: desc
            .as_ref()
            .map(|d| d.lang.to_string())
            .unwrap_or_else(|| "en".into()),
        translation_missing: desc.as_ref().is_some_and(|d| d.lang != lang),
        // a description shown in a language it was machine-translated into says so
        translation_unreviewed: desc
            .as_ref()
            .is_some_and(|d| d.lang == lang && lang != "en")
            && p.is_some_and(|p| {
                p.extra.get("translations_reviewed") == Some(&serde_json::Value::Bool(false))
            })
            && p.is_some_and(|p| {
                p.translations
                    .get(lang)
                    .is_some_and(|t| t.contains_key("description"))
            }),
        phones: phones(&s),
        url: s.url.clone(),
        email: s.email.clone(),
        confidential,
        addresses,
        hours,
        hours_text,
        zone_note: tz.map(|z| c.targ("service-hours-local", "zone", z.into())),
        kinds: labels(taxonomy::SUPPORT, "support"),
        groups: labels(taxonomy::CRIME, "crime"),
        languages: s
            .language_codes()
            .map(|code| c.t(&format!("lang-{code}")))
            .collect(),
        cost: if s.is_free() {
            c.t("service-free")
        } else {
            c.t("service-cost-unknown")
        },
        channels: labels(taxonomy::CHANNEL, "channel"),
        accessibility: p
            .map(|p| {
                p.accessibility
                    .iter()
                    .map(|a| c.t(&format!("access-{a}")))
                    .collect()
            })
            .unwrap_or_default(),
        areas,
        verified: match p.and_then(|p| p.last_verified.clone()) {
            Some(d) => c.targ("service-verified", "date", d.into()),
            None => c.t("service-verified-unknown"),
        },
        sources: p.map(|p| p.sources.clone()).unwrap_or_default(),
    };
    render(&ServicePage { c, s: view })
}

#[derive(Template)]
#[template(path = "countries.html")]
struct CountriesPage<'a> {
    c: Chrome<'a>,
    groups: Vec<(String, Vec<Opt>)>,
}

async fn countries_page(
    State(state): State<AppState>,
    Path(lang): Path<String>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    let c = Chrome::new(&state, l, "/countries").titled("countries-title");
    let all = country_options(&c, None);
    let groups = [
        "eu",
        "eea",
        "western_balkans",
        "eastern",
        "other",
        "microstate",
    ]
    .iter()
    .map(|g| {
        let items = all
            .iter()
            .filter(|o| {
                CountryCode::parse(&o.code)
                    .ok()
                    .and_then(|cc| state.country(cc))
                    .is_some_and(|p| p.group == *g)
            })
            .map(|o| Opt {
                code: o.code.clone(),
                name: o.name.clone(),
                selected: false,
            })
            .collect();
        (c.t(&format!("country-group-{g}")), items)
    })
    .collect();
    render(&CountriesPage { c, groups })
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryPage<'a> {
    c: Chrome<'a>,
    code: String,
    researched: bool,
    emergency: EmergencyBox,
    helplines: Vec<Card>,
    services: Vec<Card>,
    all_link: String,
    notes: Option<String>,
    sources: Vec<String>,
}

async fn country_page(
    State(state): State<AppState>,
    Path((lang, cc)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    if cc != cc.to_ascii_lowercase() {
        return Err(AppError::NotFound);
    }
    let code = CountryCode::parse(&cc).map_err(|_| AppError::NotFound)?;
    let p = state.country(code).ok_or(AppError::NotFound)?;
    let mut c = Chrome::new(&state, l, format!("/countries/{cc}"));
    let name = p.name(c.lang()).to_string();
    c.title = c.targ("country-title", "country", name.clone().into());
    let emergency = emergency_box(&c, Some(p));
    let q = harbour_search::Query {
        countries: vec![code],
        limit: 500,
        sort: harbour_search::Sort::Name,
        ..Default::default()
    };
    let all: Vec<Service> = search::services(&state, &q).await?;
    let (mut helplines, services): (Vec<&Service>, Vec<&Service>) = all.iter().partition(|s| {
        s.term_codes(taxonomy::SUPPORT).any(|t| t == "helpline") && !s.phones.is_empty()
    });
    // 116 006 first, then round-the-clock lines
    helplines.sort_by_key(|s| {
        (
            !s.phones.iter().any(|p| tel(&p.number).contains("116006")),
            !schedule::is_24_7(&s.schedules),
        )
    });
    let helplines = helplines.into_iter().map(|s| card(&c, s, None)).collect();
    let services = services.into_iter().map(|s| card(&c, s, None)).collect();
    let all_link = c.targ("country-all-services", "country", name.into());
    let page = CountryPage {
        code: cc,
        researched: p.researched,
        emergency,
        helplines,
        services,
        all_link,
        notes: p.notes.clone(),
        sources: p
            .sources
            .iter()
            .chain(p.emergency.sources.iter())
            .chain(p.helpline_116006.sources.iter())
            .fold(Vec::new(), |mut v, s| {
                if !v.contains(s) {
                    v.push(s.clone());
                }
                v
            }),
        c,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "safety.html")]
struct SafetyPage<'a> {
    c: Chrome<'a>,
}

async fn safety_page(
    State(state): State<AppState>,
    Path(lang): Path<String>,
) -> Result<Response, AppError> {
    let l = locale(&lang)?;
    render(&SafetyPage {
        c: Chrome::new(&state, l, "/safety").titled("safety-title"),
    })
}

#[derive(Template)]
#[template(path = "exit.html")]
struct ExitPage {
    lang: &'static str,
    dir: &'static str,
    title: String,
    text: String,
}

/// The neutral page quick exit goes to. Deliberately nothing on it points to Harbour.
async fn exit(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let al = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let l = Locale::negotiate(al);
    render(&ExitPage {
        lang: l.code(),
        dir: if l.is_rtl() { "rtl" } else { "ltr" },
        title: state.i18n.t(l, "exit-title", &[]),
        text: state.i18n.t(l, "exit-text", &[]),
    })
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    c: Chrome<'a>,
    message: String,
    code_line: String,
    request_line: String,
}

/// The HTML error renderer (the JSON one is in `app`): translated message, code, request id.
pub fn error_page(
    state: &AppState,
    l: Locale,
    status: StatusCode,
    code: &str,
    request_id: &str,
) -> Response {
    let c = Chrome::new(state, l, "/").titled("error-title");
    let key = format!("error-{code}");
    let message = if state.i18n.has(l, &key) || state.i18n.has(Locale::En, &key) {
        c.t(&key)
    } else {
        c.t("error-INTERNAL")
    };
    let page = ErrorPage {
        code_line: c.targ("error-code", "code", code.to_string().into()),
        request_line: c.targ("error-request", "id", request_id.to_string().into()),
        message,
        c,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, "error").into_response(),
    }
}
