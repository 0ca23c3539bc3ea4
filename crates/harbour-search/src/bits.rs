//! Filters as bitsets: one bit per document of a segment.
//!
//! A facet value such as "country ES" or "speaks Polish" matches thousands of services. As
//! posting lists, intersecting three of them means thousands of seeks per request; as bitsets,
//! it is a few thousand word-wise ANDs. Each value's bitset is made once per segment (from its
//! posting list) and kept with the segment's columns, like a search server's filter cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::query::{
    Bm25Weight, BooleanWeight, ConstScorer, EnableScoring, Explanation, Occur, Query, Scorer,
    SumCombiner, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::ColumnMap;

/// The documents of one segment as a bitset.
#[derive(Debug, Clone)]
pub(crate) struct Bits {
    words: Box<[u64]>,
}

impl Bits {
    fn empty(max_doc: u32) -> Bits {
        Bits {
            words: vec![0u64; (max_doc as usize).div_ceil(64)].into_boxed_slice(),
        }
    }

    #[cfg(test)]
    pub(crate) fn from_docs(max_doc: u32, docs: &[DocId]) -> Bits {
        let mut b = Bits::empty(max_doc);
        for &d in docs {
            b.insert(d);
        }
        b
    }

    fn insert(&mut self, doc: DocId) {
        if let Some(w) = self.words.get_mut(doc as usize / 64) {
            *w |= 1u64 << (doc % 64);
        }
    }

    fn union_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(other.words.iter()) {
            *a |= *b;
        }
    }

    fn intersect_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(other.words.iter()) {
            *a &= *b;
        }
    }

    fn contains(&self, doc: DocId) -> bool {
        self.words
            .get(doc as usize / 64)
            .is_some_and(|w| w & (1u64 << (doc % 64)) != 0)
    }

    pub(crate) fn len(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    fn bytes(&self) -> usize {
        self.words.len() * 8
    }
}

/// The documents of `seg` holding any of `terms`, read from their posting lists.
pub(crate) fn of_terms(seg: &SegmentReader, terms: &[Term]) -> tantivy::Result<Bits> {
    let mut bits = Bits::empty(seg.max_doc());
    bits.add_postings(seg, terms)?;
    Ok(bits)
}

impl Bits {
    /// Adds the documents of `seg` holding any of `terms`, read from their posting lists.
    fn add_postings(&mut self, seg: &SegmentReader, terms: &[Term]) -> tantivy::Result<()> {
        for term in terms {
            let inverted = seg.inverted_index(term.field())?;
            if let Some(mut block) = inverted.read_block_postings(term, IndexRecordOption::Basic)? {
                loop {
                    let docs = block.docs();
                    if docs.is_empty() {
                        break;
                    }
                    for &d in docs {
                        self.insert(d);
                    }
                    block.advance();
                }
            }
        }
        Ok(())
    }
}

/// Per segment: the bitset of each facet value asked for so far, up to a memory budget.
#[derive(Default)]
pub(crate) struct TermBits {
    cached: Mutex<(HashMap<Term, Arc<Bits>>, usize)>,
}

/// Bytes of bitsets kept per segment. Facet values are a few hundred at most; at 100,000
/// services a bitset is 12.5 kB, so everything fits; at millions, the most used ones do.
const BUDGET: usize = 16 << 20;

impl TermBits {
    fn get(&self, seg: &SegmentReader, term: &Term) -> tantivy::Result<Arc<Bits>> {
        if let Ok(c) = self.cached.lock() {
            if let Some(b) = c.0.get(term) {
                return Ok(b.clone());
            }
        }
        let bits = Arc::new(of_terms(seg, std::slice::from_ref(term))?);
        if let Ok(mut c) = self.cached.lock() {
            if c.1 + bits.bytes() <= BUDGET {
                c.1 += bits.bytes();
                c.0.insert(term.clone(), bits.clone());
            }
        }
        Ok(bits)
    }
}

/// `sets` of `seg` combined with `op` (union or intersection): a single set as it is, without a
/// copy; no set, the empty set.
fn combine(
    seg: &SegmentReader,
    sets: impl IntoIterator<Item = tantivy::Result<Arc<Bits>>>,
    op: fn(&mut Bits, &Bits),
) -> tantivy::Result<Arc<Bits>> {
    let mut sets = sets.into_iter();
    let Some(first) = sets.next().transpose()? else {
        return Ok(Arc::new(Bits::empty(seg.max_doc())));
    };
    let mut acc: Option<Bits> = None;
    for set in sets {
        let set = set?;
        op(acc.get_or_insert_with(|| Bits::clone(&first)), &set);
    }
    Ok(acc.map_or(first, Arc::new))
}

/// Documents from which a form's bitset is kept with the segment.
fn dense_from(reader: &SegmentReader) -> u32 {
    (reader.max_doc() / DENSE).max(1)
}

/// How many documents are in any of `sets` (of one segment).
fn union_len(sets: &[Arc<Bits>]) -> u32 {
    match sets {
        [] => 0,
        [one] => one.len(),
        [first, rest @ ..] => (0..first.words.len())
            .map(|i| {
                rest.iter()
                    .fold(first.words.get(i).copied().unwrap_or(0), |acc, b| {
                        acc | b.words.get(i).copied().unwrap_or(0)
                    })
                    .count_ones()
            })
            .sum(),
    }
}

/// How many documents of `bits` are not deleted.
fn count_alive(bits: Arc<Bits>, reader: &SegmentReader) -> u32 {
    let Some(alive) = reader.alive_bitset() else {
        return bits.len();
    };
    let mut set = BitsDocSet::new(bits);
    let mut n = 0;
    while set.doc() != TERMINATED {
        if alive.is_alive(set.doc()) {
            n += 1;
        }
        set.advance();
    }
    n
}

/// Documents of a bitset, in order.
pub(crate) struct BitsDocSet {
    bits: Arc<Bits>,
    /// Index of the word being read, and its bits not yet returned.
    word: usize,
    rest: u64,
    doc: DocId,
    len: u32,
}

impl BitsDocSet {
    pub(crate) fn new(bits: Arc<Bits>) -> BitsDocSet {
        let len = bits.len();
        let rest = bits.words.first().copied().unwrap_or(0);
        let mut set = BitsDocSet {
            bits,
            word: 0,
            rest,
            doc: 0,
            len,
        };
        set.next_set_bit();
        set
    }

    fn next_set_bit(&mut self) -> DocId {
        loop {
            if self.rest != 0 {
                let bit = self.rest.trailing_zeros();
                self.rest &= self.rest - 1;
                self.doc = (self.word as u32) * 64 + bit;
                return self.doc;
            }
            self.word += 1;
            match self.bits.words.get(self.word) {
                Some(w) => self.rest = *w,
                None => {
                    self.doc = TERMINATED;
                    return TERMINATED;
                }
            }
        }
    }
}

impl DocSet for BitsDocSet {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.next_set_bit()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        if target == TERMINATED {
            self.doc = TERMINATED;
            return TERMINATED;
        }
        self.word = target as usize / 64;
        match self.bits.words.get(self.word) {
            Some(w) => self.rest = *w & (u64::MAX << (target % 64)),
            None => {
                self.doc = TERMINATED;
                return TERMINATED;
            }
        }
        self.next_set_bit()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.len
    }
}

/// Documents that match every group, where a group matches when any of its terms does.
/// Scores nothing (0).
#[derive(Clone)]
pub(crate) struct FilterQuery {
    groups: Vec<Vec<Term>>,
    columns: ColumnMap,
}

impl std::fmt::Debug for FilterQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilterQuery")
            .field("groups", &self.groups)
            .finish()
    }
}

impl FilterQuery {
    /// `None` when there is no group. An empty group matches nothing.
    pub(crate) fn new(groups: Vec<Vec<Term>>, columns: ColumnMap) -> Option<FilterQuery> {
        (!groups.is_empty()).then_some(FilterQuery { groups, columns })
    }
}

impl Query for FilterQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl FilterQuery {
    fn bits(&self, seg: &SegmentReader) -> tantivy::Result<Arc<Bits>> {
        let cache = self.columns.get(&seg.segment_id()).map(|c| &c.filters);
        let term_bits = |t: &Term| -> tantivy::Result<Arc<Bits>> {
            match cache {
                Some(c) => c.get(seg, t),
                None => Ok(Arc::new(of_terms(seg, std::slice::from_ref(t))?)),
            }
        };
        let group_bits = |g: &[Term]| combine(seg, g.iter().map(term_bits), Bits::union_with);
        combine(
            seg,
            self.groups.iter().map(|g| group_bits(g)),
            Bits::intersect_with,
        )
    }
}

impl Weight for FilterQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let set = BitsDocSet::new(self.bits(reader)?);
        Ok(Box::new(ConstScorer::new(set, boost * 0.0)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut set = BitsDocSet::new(self.bits(reader)?);
        if set.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match the filters"
            )));
        }
        Ok(Explanation::new("filters", 0.0))
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let bits = self.bits(reader)?;
        Ok(count_alive(bits, reader))
    }
}

/// One word's forms (any of `terms`), each form scored by BM25 and a document's score the sum
/// of its forms' scores.
///
/// Ranked by block-max WAND over the forms' posting lists. When one form holds nearly all the
/// matches (a common word: its stem, with a few texts holding its unstemmed form), the top
/// documents are found in two passes instead: the few documents of the other forms are scored
/// in full (a rarer form scores high, so they usually set a high threshold at once), then the
/// dominant form alone is walked with single-list block-max WAND, which skips whole blocks
/// below that threshold (see `for_each_pruning`).
///
/// Counted through a bitset of the forms' posting lists, quicker than walking their union; a
/// form found in many documents has its bitset kept with the segment's filter bitsets.
#[derive(Clone)]
pub(crate) struct AnyTerm {
    terms: Vec<Term>,
    columns: ColumnMap,
}

impl std::fmt::Debug for AnyTerm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnyTerm")
            .field("terms", &self.terms)
            .finish()
    }
}

impl AnyTerm {
    pub(crate) fn new(terms: Vec<Term>, columns: ColumnMap) -> AnyTerm {
        AnyTerm { terms, columns }
    }
}

impl Query for AnyTerm {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let forms = self
            .terms
            .iter()
            .map(|t| -> tantivy::Result<Arc<dyn Weight>> {
                Ok(Arc::from(
                    TermQuery::new(t.clone(), IndexRecordOption::WithFreqs).weight(scoring)?,
                ))
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        // No minimum count of "should" clauses: the same union (only "should" clauses, so
        // one must match), and the form tantivy ranks with block-max WAND.
        let union = BooleanWeight::with_minimum_number_should_match(
            forms
                .iter()
                .map(|w| -> (Occur, Box<dyn Weight>) {
                    (Occur::Should, Box::new(Shared(w.clone())))
                })
                .collect(),
            0,
            scoring.is_scoring_enabled(),
            Box::new(SumCombiner::default),
        );
        // Each form's highest possible score, to leave out documents that cannot reach the top.
        let most = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => self
                .terms
                .iter()
                .map(|t| {
                    Ok(
                        Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(t))?
                            .max_score(),
                    )
                })
                .collect::<tantivy::Result<Vec<Score>>>()?,
            EnableScoring::Disabled { .. } => Vec::new(),
        };
        Ok(Box::new(AnyTermWeight {
            union,
            forms,
            most,
            terms: self.terms.clone(),
            columns: self.columns.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in &self.terms {
            visitor(t, false);
        }
    }
}

/// A weight used in two places (a form alone, and within the union of the forms).
struct Shared(Arc<dyn Weight>);

impl Weight for Shared {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.0.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.0.for_each(reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.0.for_each_no_score(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.0.for_each_pruning(threshold, reader, callback)
    }
}

struct AnyTermWeight {
    union: BooleanWeight<SumCombiner>,
    /// One weight per form, in the order of `terms`.
    forms: Vec<Arc<dyn Weight>>,
    /// Each form's highest possible score (empty when not scoring).
    most: Vec<Score>,
    terms: Vec<Term>,
    columns: ColumnMap,
}

/// A form is dominant when the other forms together hold at most this share of its documents.
const DOMINANT: u64 = 4;

/// A form found in at least 1/`DENSE` of a segment's documents has its bitset cached (at
/// 100,000 documents: from 1,563 documents on, each bitset 12.5 kB).
const DENSE: u32 = 64;

impl AnyTermWeight {
    fn doc_freqs(&self, reader: &SegmentReader) -> tantivy::Result<Vec<u32>> {
        self.terms
            .iter()
            .map(|t| Ok(reader.inverted_index(t.field())?.doc_freq(t)?))
            .collect()
    }
}

impl Weight for AnyTermWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.union.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.union.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let cache = self.columns.get(&reader.segment_id()).map(|c| &c.filters);
        let dense_from = dense_from(reader);
        let mut cached: Vec<Arc<Bits>> = Vec::new();
        let mut sparse: Vec<Term> = Vec::new();
        for (t, df) in self.terms.iter().zip(self.doc_freqs(reader)?) {
            match cache {
                Some(c) if df >= dense_from => cached.push(c.get(reader, t)?),
                _ if df > 0 => sparse.push(t.clone()),
                _ => {}
            }
        }
        if sparse.is_empty() && reader.alive_bitset().is_none() {
            return Ok(union_len(&cached));
        }
        let mut bits = combine(reader, cached.into_iter().map(Ok), Bits::union_with)?;
        if !sparse.is_empty() {
            let mut all = Arc::unwrap_or_clone(bits);
            all.add_postings(reader, &sparse)?;
            bits = Arc::new(all);
        }
        Ok(count_alive(bits, reader))
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.union.for_each(reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.union.for_each_no_score(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let dfs = self.doc_freqs(reader)?;
        let Some((main, &main_df)) = dfs.iter().enumerate().max_by_key(|(_, df)| **df) else {
            return Ok(());
        };
        let rest_df: u64 = dfs.iter().map(|&d| u64::from(d)).sum::<u64>() - u64::from(main_df);
        let Some(dominant_form) = self.forms.get(main) else {
            return Ok(());
        };
        if rest_df == 0 || rest_df * DOMINANT > u64::from(main_df) {
            return self.union.for_each_pruning(threshold, reader, callback);
        }
        // Few documents of the other forms hold the dominant form too: its bitset (kept when
        // it is in many documents, as such a form is) says which, so that its postings are
        // only sought for those.
        let dominant_bits = match self.columns.get(&reader.segment_id()) {
            Some(c) if main_df >= dense_from(reader) => self
                .terms
                .get(main)
                .map(|t| c.filters.get(reader, t))
                .transpose()?,
            _ => None,
        };
        let mut dominant = dominant_form.scorer(reader, 1.0)?;
        let mut share = |doc: DocId| -> Score {
            if dominant_bits.as_ref().is_none_or(|b| b.contains(doc))
                && dominant.doc() <= doc
                && dominant.seek(doc) == doc
            {
                dominant.score()
            } else {
                0.0
            }
        };
        let others: Vec<usize> = (0..dfs.len())
            .filter(|&i| i != main && dfs.get(i).is_some_and(|&df| df > 0))
            .collect();
        // The documents of the other forms, which pass 2 leaves out.
        let mut seen: Vec<DocId> = Vec::with_capacity(rest_df as usize);
        let mut threshold = threshold;
        // 1. The documents of the other forms, with their full score (the dominant form's
        //    share included), in document order.
        match (others.as_slice(), self.most.get(main)) {
            ([one], Some(&most)) => {
                // One other form: walked with block-max WAND too, leaving out what could not
                // reach the threshold even with the dominant form's highest score (less a
                // margin for rounding).
                let reach = |t: Score| t - most - (t.abs() + most) * 1e-5;
                let Some((term, form)) = self.terms.get(*one).zip(self.forms.get(*one)) else {
                    return Ok(());
                };
                let inverted = reader.inverted_index(term.field())?;
                if let Some(mut block) =
                    inverted.read_block_postings(term, IndexRecordOption::Basic)?
                {
                    while !block.docs().is_empty() {
                        seen.extend_from_slice(block.docs());
                        block.advance();
                    }
                }
                form.for_each_pruning(reach(threshold), reader, &mut |doc, own| {
                    let score = own + share(doc);
                    if score > threshold {
                        threshold = callback(doc, score);
                    }
                    reach(threshold)
                })?;
            }
            _ => {
                let mut rest: Vec<(DocId, Score)> = Vec::with_capacity(rest_df as usize);
                for w in others.iter().filter_map(|&i| self.forms.get(i)) {
                    let mut s = w.scorer(reader, 1.0)?;
                    while s.doc() != TERMINATED {
                        rest.push((s.doc(), s.score()));
                        s.advance();
                    }
                }
                rest.sort_by_key(|r| r.0);
                let mut i = 0;
                while let Some(&(doc, _)) = rest.get(i) {
                    let mut score = 0.0;
                    while let Some(&(d, s)) = rest.get(i) {
                        if d != doc {
                            break;
                        }
                        score += s;
                        i += 1;
                    }
                    score += share(doc);
                    seen.push(doc);
                    if score > threshold {
                        threshold = callback(doc, score);
                    }
                }
            }
        }
        // 2. The dominant form alone, leaving out the documents already given. The walk
        //    restarts from the first document, so a document scoring exactly the threshold may
        //    still precede (by document order) one given in pass 1: those are passed on too,
        //    and the collector breaks the tie as it always does.
        let mut next_seen = 0;
        let below = |t: Score| if t > Score::MIN { t.next_down() } else { t };
        dominant_form.for_each_pruning(below(threshold), reader, &mut |doc, score| {
            while seen.get(next_seen).is_some_and(|&d| d < doc) {
                next_seen += 1;
            }
            if seen.get(next_seen) != Some(&doc) {
                threshold = callback(doc, score);
            }
            below(threshold)
        })
    }
}
