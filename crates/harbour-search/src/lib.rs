//! The directory's in-process search: a tantivy index in memory, with per-language analysis
//! (stemming), spelling tolerance, filters as exact terms, and distance ranking from fast fields.
//!
//! The [`Catalog`] keeps in memory only what ranking and "open now" need (fast fields, opening
//! hours, staff languages); the documents a page shows are read from the database by id. It is
//! rebuilt from the database at start and updated from the database's change feed (see
//! docs/ARCHITECTURE.md).

mod bits;
mod query;

use chrono::{DateTime, Utc};
use harbour_domain::geo::distance_km;
use harbour_domain::hsds::Service;
use harbour_domain::schedule::{self, OpenState, WeeklyOpening};
use harbour_domain::CountryCode;
use std::collections::HashMap;
use std::sync::{Mutex, RwLock};
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::index::SegmentId;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{
    DocAddress, DocId, Index, IndexReader, IndexWriter, Order, Score, Searcher, SegmentReader,
    TantivyDocument, Term,
};
use thiserror::Error;
use uuid::Uuid;

pub use query::{Query, Sort};

#[derive(Debug, Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index lock poisoned")]
    Poisoned,
    #[error("service document: {0}")]
    Document(String),
}

/// Languages with a stemmer. A text in one of them is indexed in `words` as its stems; a text
/// in any other language as its folded words.
pub(crate) const STEMMED: [(&str, Language); 9] = [
    ("en", Language::English),
    ("fr", Language::French),
    ("de", Language::German),
    ("es", Language::Spanish),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ar", Language::Arabic),
];

/// The writer, if one is open, and whether a bulk load is under way (see `begin_bulk`).
#[derive(Default)]
struct Writer {
    open: Option<IndexWriter>,
    bulk: bool,
}

/// Indexing memory of the writer: small for everyday updates, large while loading everything.
const SMALL_BUDGET: usize = 15_000_000;
const BULK_BUDGET: usize = 60_000_000;

/// No coordinates: a value no real latitude can take.
const NO_POINT: f64 = 1000.0;

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub slot: Field,
    pub lat: Field,
    pub lon: Field,
    pub cell: Field,
    pub area_mask: Field,
    pub name_key: Field,
    pub modified: Field,
    pub country_any: Field,
    pub area: Field,
    pub support: Field,
    pub crime: Field,
    pub lang: Field,
    pub channel: Field,
    pub access: Field,
    pub flag: Field,
    pub org: Field,
    pub term: Field,
    /// Every text, one term per word: the word's stem in the text's language where that
    /// language has a stemmer, else the folded word. One field (rather than one per language)
    /// keeps a word's query to one or two terms, so the top results can be found by block-max
    /// WAND instead of scoring every match.
    pub words: Field,
}

struct Entry {
    slot: u64,
    openings: Option<Box<[WeeklyOpening]>>,
    /// Interned: a few dozen zones shared by all services.
    timezone: Option<std::sync::Arc<str>>,
    facts: Facts,
}

/// What public pages need to order results, kept in memory (the documents themselves are read
/// from the database when a page shows them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub cross_border: bool,
    /// Staff languages, lower-case codes (interned: a few dozen codes shared by all services).
    pub languages: Box<[std::sync::Arc<str>]>,
}

#[derive(Default)]
struct Store {
    slots: Vec<Option<Uuid>>,
    entries: HashMap<Uuid, Entry>,
    /// Time zones and language codes, each kept once (a few dozen shared by all services).
    interned: HashMap<String, std::sync::Arc<str>>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: Uuid,
    pub score: f32,
    /// Distance from the query point to the nearest public location, when both exist.
    pub distance_km: Option<f64>,
    /// True when the service's area covers the place of the query (e.g. a nationwide helpline).
    pub covers_place: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

pub struct Catalog {
    index: Index,
    reader: IndexReader,
    /// The index writer while changes are being made, `None` between them: an idle writer
    /// holds its indexing arenas (about 13 MB) and threads for nothing.
    writer: Mutex<Writer>,
    fields: Fields,
    store: RwLock<Store>,
    /// Fast-field columns of each segment, opened once: opening a column decodes its block
    /// headers, far too slow to do for every hit of every request.
    columns: RwLock<ColumnMap>,
}

pub(crate) type ColumnMap = std::sync::Arc<HashMap<SegmentId, std::sync::Arc<Columns>>>;

type U64Col = std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>;
type F64Col = std::sync::Arc<dyn tantivy::columnar::ColumnValues<f64>>;

/// The fast fields ranking reads, for one segment (dense: a default where a value is missing).
pub(crate) struct Columns {
    /// Bitsets of the facet values filtered on so far.
    filters: bits::TermBits,
    slot: U64Col,
    lat: F64Col,
    lon: F64Col,
    mask: U64Col,
    key: U64Col,
}

impl Columns {
    fn open(seg: &SegmentReader) -> tantivy::Result<Columns> {
        let ff = seg.fast_fields();
        Ok(Columns {
            filters: bits::TermBits::default(),
            slot: dense(ff.u64("slot")?, u64::MAX),
            lat: dense(ff.f64("lat")?, NO_POINT),
            lon: dense(ff.f64("lon")?, NO_POINT),
            mask: dense(ff.u64("area_mask")?, 0),
            key: dense(ff.u64("name_key")?, 0),
        })
    }

    /// How near the document is to `origin`, larger is nearer: minus the haversine of the
    /// distance (which grows with the distance, and is cheaper to compute than kilometres);
    /// 0 for services covering the place, −1e9 for services without coordinates.
    fn nearness(&self, doc: DocId, origin: &Origin, place_bit: u64) -> f64 {
        if self.mask.get_val(doc) & place_bit != 0 {
            return 0.0;
        }
        let (a, b) = (self.lat.get_val(doc), self.lon.get_val(doc));
        if a < NO_POINT {
            -origin.haversine(a, b)
        } else {
            -1.0e9
        }
    }
}

/// A column's values by document. Every document is given each of these fields, so the
/// column normally has one value per document and is read directly; otherwise (an index made
/// differently) through the first value of each document, or `default`.
fn dense<T>(
    col: tantivy::columnar::Column<T>,
    default: T,
) -> std::sync::Arc<dyn tantivy::columnar::ColumnValues<T>>
where
    T: PartialOrd + std::fmt::Debug + Send + Sync + Copy + 'static,
{
    match col.index {
        tantivy::columnar::ColumnIndex::Full => col.values,
        _ => col.first_or_default_col(default),
    }
}

/// A query point with what every distance from it needs, computed once.
#[derive(Clone, Copy)]
struct Origin {
    lat: f64,
    lon: f64,
    cos_lat: f64,
}

impl Origin {
    fn new(point: (f64, f64)) -> Origin {
        let lat = point.0.to_radians();
        Origin {
            lat,
            lon: point.1.to_radians(),
            cos_lat: lat.cos(),
        }
    }

    /// The haversine of the central angle to (lat, lon) in degrees: 0 to 1, growing with the
    /// distance. Same formula as [`harbour_domain::geo::distance_km`].
    fn haversine(&self, lat: f64, lon: f64) -> f64 {
        let (lat2, lon2) = (lat.to_radians(), lon.to_radians());
        ((lat2 - self.lat) / 2.0).sin().powi(2)
            + self.cos_lat * lat2.cos() * ((lon2 - self.lon) / 2.0).sin().powi(2)
    }

    /// Kilometres from a haversine value.
    fn km(h: f64) -> f64 {
        2.0 * 6371.0 * h.max(0.0).sqrt().min(1.0).asin()
    }
}

fn analyzer(lang: Option<Language>) -> TextAnalyzer {
    let b = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser);
    match lang {
        Some(l) => b.filter(Stemmer::new(l)).filter(AsciiFoldingFilter).build(),
        None => b.filter(AsciiFoldingFilter).build(),
    }
}

/// Separates a text's language code from the text in the `words` field's input.
const LANG_MARK: char = '\u{1f}';

/// The `words` field's tokenizer: a text arrives as `{language}\u{1f}{text}` and is analysed
/// with its language's stemmer, or folded only when the language has none. (Doing it here
/// rather than before `add_document` keeps the analysis on tantivy's indexing threads.)
#[derive(Clone)]
struct ByLanguage {
    stemmed: Vec<TextAnalyzer>,
    simple: TextAnalyzer,
}

impl ByLanguage {
    fn new() -> ByLanguage {
        ByLanguage {
            stemmed: STEMMED.iter().map(|(_, l)| analyzer(Some(*l))).collect(),
            simple: analyzer(None),
        }
    }
}

impl tantivy::tokenizer::Tokenizer for ByLanguage {
    type TokenStream<'a> = tantivy::tokenizer::BoxTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let (lang, body) = text.split_once(LANG_MARK).unwrap_or(("", text));
        match STEMMED.iter().position(|(c, _)| *c == lang) {
            Some(i) => match self.stemmed.get_mut(i) {
                Some(a) => a.token_stream(body),
                None => self.simple.token_stream(body),
            },
            None => self.simple.token_stream(body),
        }
    }
}

/// First eight bytes of the folded name: an approximate alphabetical order as a u64.
fn name_key(name: &str) -> u64 {
    let folded = harbour_domain::geo::fold(name);
    let mut b = [0u8; 8];
    for (dst, src) in b.iter_mut().zip(folded.bytes()) {
        *dst = src;
    }
    u64::from_be_bytes(b)
}

fn mask_of<'a>(codes: impl Iterator<Item = &'a str>) -> u64 {
    codes
        .filter_map(|c| CountryCode::parse(c).ok()?.europe_index())
        .fold(0u64, |m, i| m | (1u64 << i))
}

impl Catalog {
    pub fn new() -> Result<Catalog, SearchError> {
        let mut sb = Schema::builder();
        let text = |name: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(name)
                    .set_index_option(IndexRecordOption::WithFreqs),
            )
        };
        let id = sb.add_text_field("id", STRING);
        let slot = sb.add_u64_field("slot", FAST);
        let lat = sb.add_f64_field("lat", FAST);
        let lon = sb.add_f64_field("lon", FAST);
        let cell = sb.add_text_field("cell", STRING);
        let area_mask = sb.add_u64_field("area_mask", FAST);
        let name_key_f = sb.add_u64_field("name_key", FAST);
        let modified = sb.add_i64_field("modified", INDEXED | FAST);
        let country_any = sb.add_text_field("country_any", STRING);
        let area = sb.add_text_field("area", STRING);
        let support = sb.add_text_field("support", STRING);
        let crime = sb.add_text_field("crime", STRING);
        let lang = sb.add_text_field("lang", STRING);
        let channel = sb.add_text_field("channel", STRING);
        let access = sb.add_text_field("access", STRING);
        let flag = sb.add_text_field("flag", STRING);
        let org = sb.add_text_field("org", STRING);
        let term = sb.add_text_field("term", STRING);
        let words = sb.add_text_field("words", text("words"));
        let index = Index::create_in_ram(sb.build());
        index.tokenizers().register("simple", analyzer(None));
        index
            .tokenizers()
            .register("words", TextAnalyzer::from(ByLanguage::new()));
        for (code, l) in STEMMED {
            index
                .tokenizers()
                .register(&format!("stem_{code}"), analyzer(Some(l)));
        }
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        let fields = Fields {
            id,
            slot,
            lat,
            lon,
            cell,
            area_mask,
            name_key: name_key_f,
            modified,
            country_any,
            area,
            support,
            crime,
            lang,
            channel,
            access,
            flag,
            org,
            term,
            words,
        };
        Ok(Catalog {
            index,
            reader,
            writer: Mutex::new(Writer::default()),
            fields,
            store: RwLock::new(Store::default()),
            columns: RwLock::new(ColumnMap::default()),
        })
    }

    pub fn len(&self) -> usize {
        self.store.read().map(|s| s.entries.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn document(&self, s: &Service, slot: u64, modified_at: &str) -> TantivyDocument {
        let f = self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.id, s.id.to_string());
        d.add_u64(f.slot, slot);
        let (la, lo) = s.public_points().next().unwrap_or((NO_POINT, NO_POINT));
        d.add_f64(f.lat, la);
        d.add_f64(f.lon, lo);
        if la < NO_POINT {
            for (level, size) in query::CELL_DEGREES.iter().enumerate() {
                d.add_text(f.cell, query::cell_term(level, *size, la, lo));
            }
        }
        let p = s.profile();
        let country = s.country();
        let areas: Vec<&str> = p
            .map(|p| p.area_countries.iter().map(String::as_str).collect())
            .unwrap_or_default();
        d.add_u64(f.area_mask, mask_of(areas.iter().copied()));
        d.add_u64(f.name_key, name_key(&s.name));
        let modified = DateTime::parse_from_rfc3339(modified_at)
            .map(|t| t.timestamp_millis())
            .unwrap_or(0);
        d.add_i64(f.modified, modified);
        for c in country.into_iter().chain(areas.iter().copied()) {
            d.add_text(f.country_any, c.to_ascii_uppercase());
        }
        for c in &areas {
            d.add_text(f.area, c.to_ascii_uppercase());
        }
        for c in s.term_codes(harbour_domain::taxonomy::SUPPORT) {
            d.add_text(f.support, c);
        }
        for c in s.term_codes(harbour_domain::taxonomy::CRIME) {
            d.add_text(f.crime, c);
        }
        for c in s.term_codes(harbour_domain::taxonomy::CHANNEL) {
            d.add_text(f.channel, c);
        }
        for c in s.language_codes() {
            d.add_text(f.lang, c.to_ascii_lowercase());
        }
        for a in p.map(|p| p.accessibility.as_slice()).unwrap_or_default() {
            d.add_text(f.access, a);
        }
        if s.is_free() {
            d.add_text(f.flag, "free");
        }
        if schedule::is_24_7(&s.schedules) {
            d.add_text(f.flag, "h24");
        }
        d.add_text(f.org, s.organization_id.to_string());
        for a in &s.attributes {
            d.add_text(f.term, a.taxonomy_term.id.to_string());
        }
        let field_lang = |field: &str| -> String {
            p.and_then(|p| p.field_languages.get(field))
                .cloned()
                .unwrap_or_else(|| "en".into())
        };
        let mut texts: Vec<(String, &str)> = vec![(field_lang("name"), s.name.as_str())];
        if let Some(a) = &s.alternate_name {
            texts.push(("en".into(), a));
        }
        if let Some(desc) = &s.description {
            texts.push((field_lang("description"), desc));
        }
        if let Some(p) = p {
            for (lang, fields) in &p.translations {
                for t in fields.values() {
                    texts.push((lang.clone(), t));
                }
            }
        }
        // Each text is analysed in its own language (see `ByLanguage`).
        for (lang, t) in texts {
            d.add_text(f.words, format!("{lang}{LANG_MARK}{t}"));
        }
        d
    }

    /// Adds or replaces services (each with its modification time) and makes them searchable.
    pub fn upsert<'a>(
        &self,
        services: impl IntoIterator<Item = (&'a Service, &'a str)>,
    ) -> Result<usize, SearchError> {
        let n = self.stage(services)?;
        self.commit()?;
        Ok(n)
    }

    /// Makes staged changes searchable. Outside a bulk load, the writer is then closed (after
    /// any merge it started).
    pub fn commit(&self) -> Result<(), SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        if let Some(writer) = guard.open.as_mut() {
            writer.commit()?;
        }
        if !guard.bulk {
            if let Some(writer) = guard.open.take() {
                writer.wait_merging_threads()?;
            }
        }
        drop(guard);
        self.reader.reload()?;
        Ok(())
    }

    /// The open writer, opened if needed.
    fn writer<'a>(&self, w: &'a mut Writer) -> Result<&'a mut IndexWriter, SearchError> {
        if w.open.is_none() {
            let writer = if w.bulk {
                let writer = self.index.writer_with_num_threads(1, BULK_BUDGET)?;
                writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
                writer
            } else {
                self.index.writer_with_num_threads(1, SMALL_BUDGET)?
            };
            w.open = Some(writer);
        }
        w.open.as_mut().ok_or(SearchError::Poisoned)
    }

    /// Adds or replaces services without making them searchable yet (see [`Catalog::commit`]);
    /// used to load a large directory in pages with one commit at the end.
    pub fn stage<'a>(
        &self,
        services: impl IntoIterator<Item = (&'a Service, &'a str)>,
    ) -> Result<usize, SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        let writer = self.writer(&mut guard)?;
        let mut store = self.store.write().map_err(|_| SearchError::Poisoned)?;
        let mut n = 0;
        for (s, modified_at) in services {
            // Only a service already indexed has a document to delete. (Each delete is a query
            // kept until the commit, about 900 bytes: 87 MB for a first load of 100,000.)
            if let Some(old) = store.entries.get(&s.id).map(|e| e.slot) {
                if let Some(slot) = store.slots.get_mut(old as usize) {
                    *slot = None;
                }
                writer.delete_term(Term::from_field_text(self.fields.id, &s.id.to_string()));
            }
            let slot = store.slots.len() as u64;
            store.slots.push(Some(s.id));
            writer.add_document(self.document(s, slot, modified_at))?;
            let mut intern = |text: &str| -> std::sync::Arc<str> {
                store
                    .interned
                    .entry(text.to_string())
                    .or_insert_with(|| std::sync::Arc::from(text))
                    .clone()
            };
            let zone = s
                .profile()
                .and_then(|p| p.timezone.as_deref())
                .map(&mut intern);
            let languages = s
                .language_codes()
                .map(|c| intern(&c.to_ascii_lowercase()))
                .collect();
            store.entries.insert(
                s.id,
                Entry {
                    slot,
                    openings: schedule::weekly(&s.schedules).map(Vec::into_boxed_slice),
                    timezone: zone,
                    facts: Facts {
                        cross_border: s
                            .term_codes(harbour_domain::taxonomy::SUPPORT)
                            .any(|c| c == "cross_border_referral"),
                        languages,
                    },
                },
            );
            n += 1;
        }
        Ok(n)
    }

    pub fn remove(&self, ids: &[Uuid]) -> Result<(), SearchError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        let writer = self.writer(&mut guard)?;
        let mut store = self.store.write().map_err(|_| SearchError::Poisoned)?;
        for id in ids {
            writer.delete_term(Term::from_field_text(self.fields.id, &id.to_string()));
            if let Some(e) = store.entries.remove(id) {
                if let Some(slot) = store.slots.get_mut(e.slot as usize) {
                    *slot = None;
                }
            }
        }
        drop(store);
        drop(guard);
        self.commit()
    }

    pub fn facts(&self, id: &Uuid) -> Option<Facts> {
        let store = self.store.read().ok()?;
        store.entries.get(id).map(|e| e.facts.clone())
    }

    pub fn ids(&self) -> Vec<Uuid> {
        self.store
            .read()
            .map(|s| s.entries.keys().copied().collect())
            .unwrap_or_default()
    }

    pub fn open_state(&self, id: &Uuid, now: DateTime<Utc>) -> OpenState {
        let Ok(store) = self.store.read() else {
            return OpenState::Unknown;
        };
        let Some(e) = store.entries.get(id) else {
            return OpenState::Unknown;
        };
        open_state_of(e, now)
    }

    /// Runs a query. `now` decides "open now".
    ///
    /// Spelling tolerance works as in dedicated search servers: words are first matched exactly
    /// (after each language's stemming); only when nothing matches is the query run again
    /// allowing one or two typos per word. This keeps exact queries fast.
    pub fn search(&self, q: &Query, now: DateTime<Utc>) -> Result<Results, SearchError> {
        let exact = self.search_with(q, now, false)?;
        if exact.total == 0 && q.has_text() {
            return self.search_with(q, now, true);
        }
        Ok(exact)
    }

    /// Merges the index into one segment (after a bulk load: fewer segments, faster searches)
    /// and ends the bulk load: the writer is closed.
    pub fn optimize(&self) -> Result<(), SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            self.writer(&mut guard)?.merge(&ids).wait()?;
        }
        guard.bulk = false;
        if let Some(writer) = guard.open.take() {
            writer.wait_merging_threads()?;
        }
        drop(guard);
        self.reader.reload()?;
        Ok(())
    }

    /// Bulk loading: a writer with a large budget and no background merges until
    /// [`Catalog::optimize`].
    pub fn begin_bulk(&self) -> Result<(), SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        if let Some(writer) = guard.open.take() {
            writer.wait_merging_threads()?;
        }
        guard.bulk = true;
        Ok(())
    }

    /// Size of the index in memory, in bytes.
    pub fn index_bytes(&self) -> u64 {
        self.reader
            .searcher()
            .space_usage()
            .map(|u| u.total().get_bytes())
            .unwrap_or(0)
    }

    /// The columns of every segment of `searcher`, opening those of new segments (and
    /// forgetting those of segments merged away).
    fn columns_of(&self, searcher: &Searcher) -> Result<ColumnMap, SearchError> {
        let segs = searcher.segment_readers();
        {
            let cache = self.columns.read().map_err(|_| SearchError::Poisoned)?;
            if cache.len() == segs.len() && segs.iter().all(|r| cache.contains_key(&r.segment_id()))
            {
                return Ok(cache.clone());
            }
        }
        let mut cache = self.columns.write().map_err(|_| SearchError::Poisoned)?;
        let mut fresh = HashMap::with_capacity(segs.len());
        for seg in segs {
            let cols = match cache.get(&seg.segment_id()) {
                Some(c) => c.clone(),
                None => std::sync::Arc::new(Columns::open(seg)?),
            };
            fresh.insert(seg.segment_id(), cols);
        }
        *cache = std::sync::Arc::new(fresh);
        Ok(cache.clone())
    }

    fn search_with(
        &self,
        q: &Query,
        now: DateTime<Utc>,
        fuzzy: bool,
    ) -> Result<Results, SearchError> {
        let searcher = self.reader.searcher();
        let cols = self.columns_of(&searcher)?;
        let tq = query::build(&self.index, &searcher, &self.fields, &cols, q, fuzzy);
        let place_bit = q
            .near_country
            .and_then(|c| c.europe_index())
            .map(|i| 1u64 << i)
            .unwrap_or(0);
        let needs_all = q.open_now || q.radius_km.is_some();
        let store = self.store.read().map_err(|_| SearchError::Poisoned)?;
        let slot_id = |slot: u64| store.slots.get(slot as usize).copied().flatten();

        if needs_all {
            let rows = searcher.search(&tq, &AllHits(cols.clone()))?;
            let mut hits: Vec<(Hit, u64)> = rows
                .into_iter()
                .filter_map(|r| {
                    let id = slot_id(r.slot)?;
                    let covers = r.mask & place_bit != 0;
                    let distance_km = match (q.near, r.lat < NO_POINT) {
                        (Some(p), true) => Some(distance_km(p, (r.lat, r.lon))),
                        _ => None,
                    };
                    if let (Some(radius), false) = (q.radius_km, covers) {
                        if distance_km.is_none_or(|d| d > radius) {
                            return None;
                        }
                    }
                    if q.open_now {
                        let e = store.entries.get(&id)?;
                        if open_state_of(e, now) != OpenState::Open {
                            return None;
                        }
                    }
                    Some((
                        Hit {
                            id,
                            score: r.score,
                            distance_km,
                            covers_place: covers,
                        },
                        r.name_key,
                    ))
                })
                .collect();
            sort_hits(&mut hits, q);
            let total = hits.len();
            let hits = hits
                .into_iter()
                .skip(q.offset)
                .take(q.limit)
                .map(|(h, _)| h)
                .collect();
            return Ok(Results { total, hits });
        }

        let top = TopDocs::with_limit(q.limit.max(1)).and_offset(q.offset);
        let (total, addrs): (usize, Vec<(f64, DocAddress)>) = match (q.near, q.sort) {
            (Some(point), _) => {
                // Nearest first. Rather than computing every document's distance, look inside
                // growing boxes around the point (plus services covering the place) until the
                // page is complete: anything outside a box of half-side r is farther than r.
                // Once a box fills the page, its last result's distance d bounds the answer:
                // if d > r, one more box of half-side d holds every result (rather than the next,
                // much larger box). The first box (1 km) often does in a city.
                let total = if q.is_unfiltered() {
                    searcher.num_docs() as usize
                } else {
                    searcher.search(&tq, &Count)?
                };
                let need = q.limit.max(1);
                let in_box = |radius: f64| -> Result<Option<Vec<(f64, DocAddress)>>, SearchError> {
                    let Some(boxed) = query::within_box(
                        &self.fields,
                        (!q.is_unfiltered()).then(|| tq.box_clone()),
                        point,
                        radius,
                        q.near_country,
                    ) else {
                        return Ok(None);
                    };
                    Ok(Some(searcher.search(
                        &boxed,
                        &distance_top(q, point, place_bit, &cols),
                    )?))
                };
                let mut found = None;
                for radius in [1.0, 2.0, 10.0, 50.0, 200.0, 800.0, 3200.0] {
                    let Some(v) = in_box(radius)? else {
                        break;
                    };
                    if v.len() < need {
                        continue;
                    }
                    let last = v.last().map_or(0.0, |(s, _)| Origin::km(-*s));
                    if last <= radius {
                        found = Some(v);
                    } else if last < 3200.0 {
                        found = in_box(last)?;
                    }
                    break;
                }
                let v = match found {
                    Some(v) => v,
                    None => searcher.search(&tq, &distance_top(q, point, place_bit, &cols))?,
                };
                (total, v)
            }
            (None, Sort::Relevance) if q.has_text() => {
                // Counted and ranked in two passes: counting needs no scores, and ranking
                // alone lets block-max WAND skip blocks that cannot reach the top.
                let n = tq.count(&searcher)?;
                let v = searcher.search(&tq, &top)?;
                (n, v.into_iter().map(|(s, a)| (f64::from(s), a)).collect())
            }
            _ => {
                let (n, v) = searcher.search(
                    &tq,
                    &(Count, top.order_by_u64_field("name_key", Order::Asc)),
                )?;
                (n, v.into_iter().map(|(k, a)| (-(k as f64), a)).collect())
            }
        };
        let mut hits = Vec::with_capacity(addrs.len());
        for (score, addr) in addrs {
            let seg = searcher.segment_reader(addr.segment_ord);
            let Some(c) = cols.get(&seg.segment_id()) else {
                continue;
            };
            let Some(id) = slot_id(c.slot.get_val(addr.doc_id)) else {
                continue;
            };
            let mask = c.mask.get_val(addr.doc_id);
            let covers = mask & place_bit != 0;
            let distance_km = if q.near.is_some() && !covers && score > -1.0e8 {
                Some(Origin::km(-score))
            } else {
                None
            };
            hits.push(Hit {
                id,
                score: score as f32,
                distance_km,
                covers_place: covers,
            });
        }
        Ok(Results { total, hits })
    }
}

/// Top documents by distance from `point` (services covering the place count as distance 0).
fn distance_top(
    q: &Query,
    point: (f64, f64),
    place_bit: u64,
    cols: &ColumnMap,
) -> impl Collector<Fruit = Vec<(f64, DocAddress)>> {
    let cols = cols.clone();
    let origin = Origin::new(point);
    TopDocs::with_limit(q.limit.max(1))
        .and_offset(q.offset)
        .tweak_score(move |seg: &SegmentReader| {
            let c = cols
                .get(&seg.segment_id())
                .cloned()
                .or_else(|| Columns::open(seg).ok().map(std::sync::Arc::new));
            move |doc: DocId, _score: Score| -> f64 {
                c.as_ref()
                    .map_or(-1.0e9, |c| c.nearness(doc, &origin, place_bit))
            }
        })
}

fn open_state_of(e: &Entry, now: DateTime<Utc>) -> OpenState {
    match &e.openings {
        Some(openings) => schedule::open_state_weekly(openings, e.timezone.as_deref(), now),
        None => OpenState::Unknown,
    }
}

fn sort_hits(hits: &mut [(Hit, u64)], q: &Query) {
    if q.near.is_some() {
        let key = |h: &Hit| {
            if h.covers_place {
                0.0
            } else {
                h.distance_km.unwrap_or(f64::MAX)
            }
        };
        hits.sort_by(|(a, ka), (b, kb)| {
            key(a)
                .total_cmp(&key(b))
                .then(ka.cmp(kb))
                .then(a.id.cmp(&b.id))
        });
    } else if q.has_text() && q.sort == Sort::Relevance {
        hits.sort_by(|(a, ka), (b, kb)| {
            b.score
                .total_cmp(&a.score)
                .then(ka.cmp(kb))
                .then(a.id.cmp(&b.id))
        });
    } else {
        hits.sort_by(|(a, ka), (b, kb)| ka.cmp(kb).then(a.id.cmp(&b.id)));
    }
}

struct Row {
    slot: u64,
    score: f32,
    lat: f64,
    lon: f64,
    mask: u64,
    name_key: u64,
}

/// Collects every match with what ranking and post-filters need.
struct AllHits(ColumnMap);

struct AllHitsSegment {
    cols: std::sync::Arc<Columns>,
    rows: Vec<Row>,
}

impl Collector for AllHits {
    type Fruit = Vec<Row>;
    type Child = AllHitsSegment;

    fn for_segment(&self, _ord: u32, seg: &SegmentReader) -> tantivy::Result<AllHitsSegment> {
        let cols = match self.0.get(&seg.segment_id()) {
            Some(c) => c.clone(),
            None => std::sync::Arc::new(Columns::open(seg)?),
        };
        Ok(AllHitsSegment {
            cols,
            rows: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Row>>) -> tantivy::Result<Vec<Row>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for AllHitsSegment {
    type Fruit = Vec<Row>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let c = &self.cols;
        self.rows.push(Row {
            slot: c.slot.get_val(doc),
            score,
            lat: c.lat.get_val(doc),
            lon: c.lon.get_val(doc),
            mask: c.mask.get_val(doc),
            name_key: c.key.get_val(doc),
        });
    }

    fn harvest(self) -> Vec<Row> {
        self.rows
    }
}

#[cfg(test)]
mod tests;
