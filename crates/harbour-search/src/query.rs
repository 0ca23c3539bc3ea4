//! A search request and its translation into a tantivy query.

use harbour_domain::CountryCode;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query as TQuery,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Term};
use uuid::Uuid;

use crate::{Fields, STEMMED};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Name,
}

/// What a person (or an API client) asks for. Within one filter the values are alternatives
/// (any of them); different filters must all hold.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: Option<String>,
    /// Services in these countries, or whose area covers them.
    pub countries: Vec<CountryCode>,
    pub support: Vec<String>,
    pub crime: Vec<String>,
    pub languages: Vec<String>,
    pub channels: Vec<String>,
    pub accessibility: Vec<String>,
    pub free: bool,
    pub hours24: bool,
    pub open_now: bool,
    pub organization_id: Option<Uuid>,
    pub taxonomy_term_ids: Vec<Uuid>,
    /// Milliseconds since the epoch.
    pub modified_after_ms: Option<i64>,
    /// Rank by distance from this point (latitude, longitude).
    pub near: Option<(f64, f64)>,
    /// The country of `near`: services whose area covers it rank as if at distance zero.
    pub near_country: Option<CountryCode>,
    /// Keep only located services within this radius (area-covering services always stay).
    pub radius_km: Option<f64>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

impl Query {
    /// True when nothing narrows the set: every service matches.
    pub fn is_unfiltered(&self) -> bool {
        !self.has_text()
            && self.countries.is_empty()
            && self.support.is_empty()
            && self.crime.is_empty()
            && self.languages.is_empty()
            && self.channels.is_empty()
            && self.accessibility.is_empty()
            && !self.free
            && !self.hours24
            && !self.open_now
            && self.organization_id.is_none()
            && self.taxonomy_term_ids.is_empty()
            && self.modified_after_ms.is_none()
            && self.radius_km.is_none()
    }

    pub fn has_text(&self) -> bool {
        self.text.as_deref().is_some_and(|t| !t.trim().is_empty())
    }
}

fn any_of(field: Field, values: impl IntoIterator<Item = String>) -> Option<Box<dyn TQuery>> {
    let clauses: Vec<(Occur, Box<dyn TQuery>)> = values
        .into_iter()
        .map(|v| {
            let q: Box<dyn TQuery> = Box::new(TermQuery::new(
                Term::from_field_text(field, &v),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    if clauses.is_empty() {
        return None;
    }
    Some(Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(clauses)),
        0.0,
    )))
}

fn analyse(index: &Index, tokenizer: &str, text: &str) -> Vec<String> {
    let Some(mut a) = index.tokenizers().get(tokenizer) else {
        return Vec::new();
    };
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// One clause per word: the word must match, in any language's stemmed field, or in the folded
/// field exactly, or — for words of four letters or more — with one or two typos.
fn text_query(index: &Index, f: &Fields, text: &str, fuzzy: bool) -> Option<Box<dyn TQuery>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_string)
        .collect();
    let mut per_word: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    for w in &words {
        let mut alts: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        for ((code, _), field) in STEMMED.iter().zip(f.stemmed) {
            for t in analyse(index, &format!("stem_{code}"), w) {
                alts.push((
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &t),
                        IndexRecordOption::WithFreqs,
                    )),
                ));
            }
        }
        for t in analyse(index, "simple", w) {
            let len = t.chars().count();
            alts.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.simple, &t),
                    IndexRecordOption::WithFreqs,
                )),
            ));
            if fuzzy && len >= 4 {
                let distance = if len >= 8 { 2 } else { 1 };
                let fuzzy =
                    FuzzyTermQuery::new(Term::from_field_text(f.simple, &t), distance, true);
                alts.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(fuzzy), 0.3)),
                ));
            }
        }
        if !alts.is_empty() {
            per_word.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
        }
    }
    if per_word.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(per_word)))
}

pub(crate) fn build(index: &Index, f: &Fields, q: &Query, fuzzy: bool) -> Box<dyn TQuery> {
    let mut must: Vec<Box<dyn TQuery>> = Vec::new();
    if let Some(t) = q
        .text
        .as_deref()
        .and_then(|t| text_query(index, f, t, fuzzy))
    {
        must.push(t);
    }
    let filters = [
        any_of(
            f.country_any,
            q.countries.iter().map(|c| c.as_str().to_string()),
        ),
        any_of(f.support, q.support.iter().cloned()),
        any_of(f.crime, q.crime.iter().cloned()),
        any_of(f.lang, q.languages.iter().map(|l| l.to_ascii_lowercase())),
        any_of(f.channel, q.channels.iter().cloned()),
        any_of(f.access, q.accessibility.iter().cloned()),
        any_of(f.org, q.organization_id.map(|o| o.to_string())),
        any_of(f.term, q.taxonomy_term_ids.iter().map(|t| t.to_string())),
        q.free
            .then(|| any_of(f.flag, ["free".to_string()]))
            .flatten(),
        q.hours24
            .then(|| any_of(f.flag, ["h24".to_string()]))
            .flatten(),
    ];
    must.extend(filters.into_iter().flatten());
    if let Some(ms) = q.modified_after_ms {
        let lower = Term::from_field_i64(f.modified, ms);
        let upper = Term::from_field_i64(f.modified, i64::MAX);
        must.push(Box::new(ConstScoreQuery::new(
            Box::new(RangeQuery::new(
                std::ops::Bound::Included(lower),
                std::ops::Bound::Included(upper),
            )),
            0.0,
        )));
    }
    match must.len() {
        0 => Box::new(AllQuery),
        _ => Box::new(BooleanQuery::new(
            must.into_iter().map(|q| (Occur::Must, q)).collect(),
        )),
    }
}

/// `q` restricted to a box of half-side `radius_km` around `point`, or to services whose area
/// covers `place` (those rank as if at distance zero, so they must never be cut off).
pub(crate) fn within_box(
    f: &Fields,
    q: Box<dyn TQuery>,
    point: (f64, f64),
    radius_km: f64,
    place: Option<CountryCode>,
) -> Box<dyn TQuery> {
    let dlat = radius_km / 111.0;
    let dlon = radius_km / (111.32 * point.0.to_radians().cos().abs().max(0.01));
    let range = |field: Field, lo: f64, hi: f64| -> Box<dyn TQuery> {
        Box::new(RangeQuery::new(
            std::ops::Bound::Included(Term::from_field_f64(field, lo)),
            std::ops::Bound::Included(Term::from_field_f64(field, hi)),
        ))
    };
    let bbox: Box<dyn TQuery> = Box::new(BooleanQuery::new(vec![
        (
            Occur::Must,
            range(
                f.lat,
                (point.0 - dlat).max(-90.0),
                (point.0 + dlat).min(90.0),
            ),
        ),
        (
            Occur::Must,
            range(
                f.lon,
                (point.1 - dlon).max(-180.0),
                (point.1 + dlon).min(180.0),
            ),
        ),
    ]));
    let mut near: Vec<(Occur, Box<dyn TQuery>)> = vec![(Occur::Should, bbox)];
    if let Some(cc) = place {
        near.push((
            Occur::Should,
            Box::new(TermQuery::new(
                Term::from_field_text(f.area, cc.as_str()),
                IndexRecordOption::Basic,
            )),
        ));
    }
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, q),
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(near)), 0.0)),
        ),
    ]))
}
