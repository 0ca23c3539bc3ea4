//! Filters as bitsets: one bit per document of a segment.
//!
//! A facet value such as "country ES" or "speaks Polish" matches thousands of services. As
//! posting lists, intersecting three of them means thousands of seeks per request; as bitsets,
//! it is a few thousand word-wise ANDs. Each value's bitset is made once per segment (from its
//! posting list) and kept with the segment's columns, like a search server's filter cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::query::{
    BooleanQuery, ConstScorer, EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
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
    for term in terms {
        let inverted = seg.inverted_index(term.field())?;
        if let Some(mut block) = inverted.read_block_postings(term, IndexRecordOption::Basic)? {
            loop {
                let docs = block.docs();
                if docs.is_empty() {
                    break;
                }
                for &d in docs {
                    bits.insert(d);
                }
                block.advance();
            }
        }
    }
    Ok(bits)
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
        let group_bits = |g: &[Term]| -> tantivy::Result<Arc<Bits>> {
            let Some((first, rest)) = g.split_first() else {
                return Ok(Arc::new(Bits::empty(seg.max_doc())));
            };
            let first = term_bits(first)?;
            if rest.is_empty() {
                return Ok(first);
            }
            let mut any = Bits::clone(&first);
            for t in rest {
                any.union_with(&*term_bits(t)?);
            }
            Ok(Arc::new(any))
        };
        let Some((first, rest)) = self.groups.split_first() else {
            return Ok(Arc::new(Bits::empty(seg.max_doc())));
        };
        let first = group_bits(first)?;
        if rest.is_empty() {
            return Ok(first);
        }
        let mut all = Bits::clone(&first);
        for g in rest {
            all.intersect_with(&*group_bits(g)?);
        }
        Ok(Arc::new(all))
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

/// One word's forms (any of `terms`): ranked by the union of their term queries — which
/// tantivy ranks with block-max WAND — and counted through a bitset of their posting lists,
/// which is quicker than walking the union.
#[derive(Clone, Debug)]
pub(crate) struct AnyTerm {
    union: BooleanQuery,
    terms: Vec<Term>,
}

impl AnyTerm {
    pub(crate) fn new(terms: Vec<Term>) -> AnyTerm {
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|t| -> (Occur, Box<dyn Query>) {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs)),
                )
            })
            .collect();
        // No minimum count of "should" clauses: the same union (only "should" clauses, so
        // one must match), and the form tantivy ranks with block-max WAND.
        AnyTerm {
            union: BooleanQuery::with_minimum_required_clauses(clauses, 0),
            terms,
        }
    }
}

impl Query for AnyTerm {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AnyTermWeight {
            union: self.union.weight(scoring)?,
            terms: self.terms.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.union.query_terms(visitor);
    }
}

struct AnyTermWeight {
    union: Box<dyn Weight>,
    terms: Vec<Term>,
}

impl Weight for AnyTermWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.union.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.union.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let bits = Arc::new(of_terms(reader, &self.terms)?);
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
        self.union.for_each_pruning(threshold, reader, callback)
    }
}
