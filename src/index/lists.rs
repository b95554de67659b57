//! Posting lists by term ordinal: one at a time, or through [`Lists`], which decodes each
//! dictionary block's heads once for the terms of that block it is asked for.

use super::postings::{self, Cursor};
use super::{dict, Index};

impl<'a> Index<'a> {
    /// Where the postings of the block holding the term at `ordinal` start, how many terms the
    /// block has and which of them the term is; `None` past the last term, and in a split index
    /// when its chunk is not at hand.
    fn block_of(&self, ordinal: u32) -> Option<(usize, usize, usize)> {
        let (block, k) = (ordinal as usize / dict::BLOCK_LEN, ordinal as usize % dict::BLOCK_LEN);
        let count = (self.terms.len() as usize).saturating_sub(block * dict::BLOCK_LEN).min(dict::BLOCK_LEN);
        let offset = self.terms.block_value(block as u32)? as usize;
        (k < count && self.postings_at_hand(offset)).then_some((offset, count, k))
    }

    /// A cursor over the postings of the term at `ordinal`; empty if unreadable.
    pub fn cursor(&self, ordinal: u32) -> Cursor<'a> {
        self.block_of(ordinal)
            .and_then(|(offset, count, k)| postings::cursor_in_block(self.postings, offset, count, k))
            .unwrap_or(Cursor::EMPTY)
    }

    /// The number of documents the term at `ordinal` occurs in: what a cursor would say, for
    /// less (planning asks it of every completion of a prefix).
    pub fn doc_count(&self, ordinal: u32) -> u32 {
        self.block_of(ordinal)
            .map_or(0, |(offset, _, k)| postings::doc_count_in_block(self.postings, offset, k))
    }

    /// A reader of many terms' postings, cheaper than [`Index::cursor`] for neighbouring terms.
    pub fn lists(&self) -> Lists<'a> {
        Lists { index: *self, block: None }
    }
}

/// Cursors for terms asked in any order, cheapest in term order: a block's heads (up to
/// sixteen terms') are read once while its terms are asked in a row, as a prefix's rarer
/// completions are. [`Index::cursor`] reads every head of the block for each term.
pub struct Lists<'a> {
    index: Index<'a>,
    /// The block last read: where its postings start, and its heads.
    block: Option<(usize, postings::Block)>,
}

impl<'a> Lists<'a> {
    /// The heads of the block holding `ordinal`, and which of its terms `ordinal` is.
    fn block(&mut self, ordinal: u32) -> Option<(&postings::Block, usize)> {
        let (offset, count, k) = self.index.block_of(ordinal)?;
        if self.block.as_ref().is_none_or(|b| b.0 != offset) {
            self.block = postings::Block::read(self.index.postings, offset, count).map(|b| (offset, b));
        }
        self.block.as_ref().map(|b| (&b.1, k))
    }

    /// What [`Index::cursor`] gives for `ordinal`.
    pub fn cursor(&mut self, ordinal: u32) -> Cursor<'a> {
        let postings = self.index.postings;
        self.block(ordinal).and_then(|(block, k)| block.cursor(postings, k)).unwrap_or(Cursor::EMPTY)
    }
}
