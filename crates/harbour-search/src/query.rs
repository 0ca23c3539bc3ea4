//! A search request and its translation into a tantivy query.

use harbour_domain::CountryCode;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EnableScoring, FuzzyTermQuery, Occur,
    Query as TQuery, RangeQuery, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Searcher, Term};
use uuid::Uuid;

use crate::bits::{AnyTerm, FilterQuery};
use crate::{ColumnMap, Fields, STEMMED};

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
    Some(unscored(Box::new(BooleanQuery::new(clauses))))
}

/// `q` as a pure filter: matches score 0, and its terms' statistics (which only scoring needs,
/// and which cost a dictionary lookup per term and segment) are never gathered.
pub(crate) fn unscored(q: Box<dyn TQuery>) -> Box<dyn TQuery> {
    Box::new(ConstScoreQuery::new(Box::new(Unscored(q)), 0.0))
}

#[derive(Debug)]
struct Unscored(Box<dyn TQuery>);

impl Clone for Unscored {
    fn clone(&self) -> Unscored {
        Unscored(self.0.box_clone())
    }
}

impl TQuery for Unscored {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        match scoring.searcher() {
            Some(searcher) => self
                .0
                .weight(EnableScoring::disabled_from_searcher(searcher)),
            None => self
                .0
                .weight(EnableScoring::disabled_from_schema(scoring.schema())),
        }
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
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

/// Words whose forms are remembered, at most (then the memory starts afresh).
const FORMS_KEPT: usize = 8192;

/// A word's forms: the folded word, then its stem in each language that has a stemmer, each
/// form once. Running ten analysers over a word is a noticeable part of a query's time, and
/// people ask for the same words again and again, so the forms of words (up to 64 bytes) are
/// remembered; they depend only on the analysers, which never change.
fn forms_of(index: &Index, word: &str) -> std::sync::Arc<[String]> {
    type Memo = std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<[String]>>>;
    static MEMO: std::sync::OnceLock<Memo> = std::sync::OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    if let Some(f) = memo.lock().ok().and_then(|m| m.get(word).cloned()) {
        return f;
    }
    let mut forms: Vec<String> = analyse(index, "simple", word);
    for (code, _) in STEMMED.iter() {
        for t in analyse(index, &format!("stem_{code}"), word) {
            if !forms.contains(&t) {
                forms.push(t);
            }
        }
    }
    let forms: std::sync::Arc<[String]> = forms.into();
    if word.len() <= 64 {
        if let Ok(mut m) = memo.lock() {
            if m.len() >= FORMS_KEPT {
                m.clear();
            }
            m.insert(word.to_string(), forms.clone());
        }
    }
    forms
}

/// One clause per word: the word must match in any of its forms — its stem in each language
/// that has a stemmer, or the folded word (texts without a stemmer are indexed that way) — or,
/// when `fuzzy`, any form of four letters or more with one or two typos.
///
/// A word usually has one or two distinct forms. Forms the index does not hold are left out
/// (they match nothing, and each would still cost a scorer); a word none of whose forms exist
/// keeps one, so that it still matches nothing rather than being ignored.
fn text_query(
    index: &Index,
    searcher: &Searcher,
    f: &Fields,
    columns: &ColumnMap,
    text: &str,
    fuzzy: bool,
) -> Option<Box<dyn TQuery>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_string)
        .collect();
    let mut per_word: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    for w in &words {
        let forms = forms_of(index, w);
        let terms: Vec<Term> = forms
            .iter()
            .map(|t| Term::from_field_text(f.words, t))
            .collect();
        let mut present: Vec<Term> = terms
            .iter()
            .filter(|t| searcher.doc_freq(t).map(|n| n > 0).unwrap_or(true))
            .cloned()
            .collect();
        if present.is_empty() {
            present.extend(terms.first().cloned());
        }
        let exact: Option<Box<dyn TQuery>> = match present.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(
                present.remove(0),
                IndexRecordOption::WithFreqs,
            ))),
            _ => Some(Box::new(AnyTerm::new(present, columns.clone()))),
        };
        let word = if fuzzy {
            let mut alts: Vec<(Occur, Box<dyn TQuery>)> = forms
                .iter()
                .zip(terms)
                .filter_map(|(form, term)| {
                    let len = form.chars().count();
                    (len >= 4).then(|| -> (Occur, Box<dyn TQuery>) {
                        let distance = if len >= 8 { 2 } else { 1 };
                        let q = FuzzyTermQuery::new(term, distance, true);
                        (Occur::Should, Box::new(BoostQuery::new(Box::new(q), 0.3)))
                    })
                })
                .collect();
            alts.extend(exact.map(|q| (Occur::Should, q)));
            match alts.len() {
                0 => None,
                1 => alts.pop().map(|(_, q)| q),
                _ => Some(Box::new(BooleanQuery::new(alts)) as Box<dyn TQuery>),
            }
        } else {
            exact
        };
        per_word.extend(word.map(|q| (Occur::Must, q)));
    }
    // A single clause stands on its own (one boolean query less to walk through).
    match per_word.len() {
        0 => None,
        1 => per_word.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(per_word))),
    }
}

pub(crate) fn build(
    index: &Index,
    searcher: &Searcher,
    f: &Fields,
    columns: &ColumnMap,
    q: &Query,
    fuzzy: bool,
) -> Box<dyn TQuery> {
    let mut must: Vec<Box<dyn TQuery>> = Vec::new();
    if let Some(t) = q
        .text
        .as_deref()
        .and_then(|t| text_query(index, searcher, f, columns, t, fuzzy))
    {
        must.push(t);
    }
    // Facet filters (few values, each matching many services) are matched as bitsets.
    let group = |field: Field, values: Vec<String>| -> Option<Vec<Term>> {
        (!values.is_empty()).then(|| {
            values
                .iter()
                .map(|v| Term::from_field_text(field, v))
                .collect()
        })
    };
    let facets: Vec<Vec<Term>> = [
        group(
            f.country_any,
            q.countries.iter().map(|c| c.as_str().to_string()).collect(),
        ),
        group(f.support, q.support.clone()),
        group(f.crime, q.crime.clone()),
        group(
            f.lang,
            q.languages.iter().map(|l| l.to_ascii_lowercase()).collect(),
        ),
        group(f.channel, q.channels.clone()),
        group(f.access, q.accessibility.clone()),
        q.free.then(|| vec![Term::from_field_text(f.flag, "free")]),
        q.hours24
            .then(|| vec![Term::from_field_text(f.flag, "h24")]),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(fq) = FilterQuery::new(facets, columns.clone()) {
        must.push(Box::new(fq));
    }
    // Identifiers match few services each: plain posting lists.
    let ids = [
        any_of(f.org, q.organization_id.map(|o| o.to_string())),
        any_of(f.term, q.taxonomy_term_ids.iter().map(|t| t.to_string())),
    ];
    must.extend(ids.into_iter().flatten());
    if let Some(ms) = q.modified_after_ms {
        let lower = Term::from_field_i64(f.modified, ms);
        let upper = Term::from_field_i64(f.modified, i64::MAX);
        must.push(unscored(Box::new(RangeQuery::new(
            std::ops::Bound::Included(lower),
            std::ops::Bound::Included(upper),
        ))));
    }
    match must.len() {
        0 => Box::new(AllQuery),
        1 => must.pop().unwrap_or_else(|| Box::new(AllQuery)),
        _ => Box::new(BooleanQuery::new(
            must.into_iter().map(|q| (Occur::Must, q)).collect(),
        )),
    }
}

/// Grid levels of the `cell` field: cell size in degrees. A located service carries one cell
/// term per level, e.g. `0/80/-8` (level 0, latitude 40–40.5°, longitude −4 to −3.5°).
pub(crate) const CELL_DEGREES: [f64; 5] = [0.02, 0.1, 0.5, 2.0, 8.0];

/// Largest number of cell terms a box query may name.
const MAX_CELLS: usize = 48;

pub(crate) fn cell_term(level: usize, size: f64, lat: f64, lon: f64) -> String {
    format!(
        "{level}/{}/{}",
        (lat / size).floor() as i64,
        (lon / size).floor() as i64
    )
}

/// The cell terms (at the finest level that needs no more than [`MAX_CELLS`]) that together
/// cover the box of half-side `radius_km` around `point`, so that every located service within
/// `radius_km` of it is in one of them. `None` when the box is too large for any level, or
/// crosses the antimeridian.
pub(crate) fn cells_covering(point: (f64, f64), radius_km: f64) -> Option<Vec<String>> {
    // A degree of latitude is at least 111 km; a degree of longitude at least 111 km times the
    // cosine of the latitude farthest from the equator within the box.
    let dlat = radius_km / 111.0;
    let far = (point.0.abs() + dlat).min(89.9);
    let dlon = radius_km / (111.0 * far.to_radians().cos());
    let (lat0, lat1) = ((point.0 - dlat).max(-90.0), (point.0 + dlat).min(90.0));
    let (lon0, lon1) = (point.1 - dlon, point.1 + dlon);
    if lon0 < -180.0 || lon1 > 180.0 {
        return None;
    }
    for (level, size) in CELL_DEGREES.iter().enumerate() {
        let (a0, a1) = ((lat0 / size).floor() as i64, (lat1 / size).floor() as i64);
        let (o0, o1) = ((lon0 / size).floor() as i64, (lon1 / size).floor() as i64);
        let n = ((a1 - a0 + 1) * (o1 - o0 + 1)) as usize;
        if n <= MAX_CELLS {
            let mut out = Vec::with_capacity(n);
            for a in a0..=a1 {
                for o in o0..=o1 {
                    out.push(format!("{level}/{a}/{o}"));
                }
            }
            return Some(out);
        }
    }
    None
}

/// `q` (`None`: every service) restricted to the services within the grid cells that cover the box of half-side
/// `radius_km` around `point`, or whose area covers `place` (those rank as if at distance
/// zero, so they must never be cut off). `None`: no cell level is coarse enough.
pub(crate) fn within_box(
    f: &Fields,
    q: Option<Box<dyn TQuery>>,
    point: (f64, f64),
    radius_km: f64,
    place: Option<CountryCode>,
) -> Option<Box<dyn TQuery>> {
    let cells = cells_covering(point, radius_km)?;
    let mut near: Vec<(Occur, Box<dyn TQuery>)> = cells
        .into_iter()
        .map(|c| -> (Occur, Box<dyn TQuery>) {
            (
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.cell, &c),
                    IndexRecordOption::Basic,
                )),
            )
        })
        .collect();
    if let Some(cc) = place {
        near.push((
            Occur::Should,
            Box::new(TermQuery::new(
                Term::from_field_text(f.area, cc.as_str()),
                IndexRecordOption::Basic,
            )),
        ));
    }
    let near = unscored(Box::new(BooleanQuery::new(near)));
    Some(match q {
        Some(q) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, q),
            (Occur::Must, near),
        ])),
        None => near,
    })
}
