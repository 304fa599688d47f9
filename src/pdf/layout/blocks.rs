//! Lines → blocks (paragraphs, table cells, column pieces) → reading order.
//!
//! A line joins the block just above it when the baselines are close, the sizes alike and the two
//! overlap horizontally (poppler's rules, slightly looser on line spacing). Blocks are then put in
//! reading order by recursive cuts: bands of blocks separated by horizontal white space, top to
//! bottom; a run of bands that share a vertical gutter is one multi-column region, read column
//! by column, so two-column text is never interleaved line by line.

use super::lines::Line;

/// Baselines further apart than this (in font sizes) start a new block (poppler: 1.5).
const MAX_LINE_SPACING: f32 = 1.8;
/// Sizes differing by more than this share cannot be one block.
const MAX_SIZE_DELTA: f32 = 0.25;
/// Bounds that keep hostile pages linear: open blocks looked at per line, blocks given to the
/// recursive ordering, and its depth. Past them the order falls back to top-to-bottom.
const MAX_OPEN_BLOCKS: usize = 128;
const MAX_ORDERED_BLOCKS: usize = 4000;
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Indices into the lines, top to bottom.
    pub lines: Vec<usize>,
    pub x0: f32,
    pub x1: f32,
    /// Extent between the first line's x-height and the last line's baseline: tighter than the
    /// glyph boxes, so ascenders and descenders of stacked blocks do not make them overlap.
    pub top: f32,
    pub bottom: f32,
}

/// Groups lines (top to bottom, as `build_lines` gives them) into blocks.
pub(crate) fn build_blocks(lines: &[Line]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        open.retain(|&b| {
            blocks[b].lines.last().is_some_and(|&last| {
                let prev = &lines[last];
                prev.base - line.base <= MAX_LINE_SPACING * prev.size.max(line.size)
            })
        });
        let mut best: Option<(usize, f32)> = None;
        for &b in &open {
            let Some(&last) = blocks[b].lines.last() else { continue };
            let prev = &lines[last];
            let size = prev.size.max(line.size);
            let drop = prev.base - line.base;
            let overlap = prev.x1.min(line.x1) - prev.x0.max(line.x0);
            if drop > 0.3 * size
                && drop <= MAX_LINE_SPACING * size
                && (prev.size - line.size).abs() <= MAX_SIZE_DELTA * size
                && overlap > 0.0
                && best.is_none_or(|(_, o)| overlap > o)
            {
                best = Some((b, overlap));
            }
        }
        match best {
            Some((b, _)) => {
                let block = &mut blocks[b];
                block.lines.push(li);
                block.x0 = block.x0.min(line.x0);
                block.x1 = block.x1.max(line.x1);
                block.bottom = line.base;
            }
            None => {
                blocks.push(Block {
                    lines: vec![li],
                    x0: line.x0,
                    x1: line.x1,
                    top: line.base + 0.5 * line.size,
                    bottom: line.base,
                });
                if open.len() >= MAX_OPEN_BLOCKS {
                    open.remove(0);
                }
                open.push(blocks.len() - 1);
            }
        }
    }
    blocks
}

/// The blocks' reading order.
pub(crate) fn reading_order(blocks: &[Block]) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..blocks.len()).collect();
    if blocks.len() > MAX_ORDERED_BLOCKS {
        top_to_bottom(blocks, &mut ids);
        return ids;
    }
    let mut out = Vec::with_capacity(blocks.len());
    cut(blocks, ids, 0, &mut out);
    out
}

fn top_to_bottom(blocks: &[Block], ids: &mut [usize]) {
    ids.sort_by(|&a, &b| blocks[b].top.total_cmp(&blocks[a].top).then(blocks[a].x0.total_cmp(&blocks[b].x0)));
}

/// Splits into bands, top to bottom, at horizontal white space no block crosses.
fn bands(blocks: &[Block], ids: &mut [usize]) -> Vec<Vec<usize>> {
    top_to_bottom(blocks, ids);
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut floor = f32::MAX;
    for &id in ids.iter() {
        let b = &blocks[id];
        match out.last_mut() {
            Some(band) if b.top >= floor => band.push(id),
            _ => out.push(vec![id]),
        }
        floor = if out.last().is_some_and(|band| band.len() == 1) { b.bottom } else { floor.min(b.bottom) };
    }
    out
}

/// Splits into columns, left to right, at vertical white space no block crosses. Also returns
/// the gutters between them as `(left edge, right edge)`.
fn columns(blocks: &[Block], ids: &mut [usize]) -> (Vec<Vec<usize>>, Vec<(f32, f32)>) {
    ids.sort_by(|&a, &b| blocks[a].x0.total_cmp(&blocks[b].x0).then(blocks[b].top.total_cmp(&blocks[a].top)));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut gutters = Vec::new();
    let mut right = f32::MIN;
    for &id in ids.iter() {
        let b = &blocks[id];
        match out.last_mut() {
            Some(col) if b.x0 <= right => col.push(id),
            _ => {
                if !out.is_empty() {
                    gutters.push((right, b.x0));
                }
                out.push(vec![id]);
            }
        }
        right = right.max(b.x1);
    }
    (out, gutters)
}

fn common_gutters(a: &[(f32, f32)], b: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for &(a0, a1) in a {
        for &(b0, b1) in b {
            let (lo, hi) = (a0.max(b0), a1.min(b1));
            if lo < hi {
                out.push((lo, hi));
            }
        }
    }
    out
}

fn cut(blocks: &[Block], mut ids: Vec<usize>, depth: usize, out: &mut Vec<usize>) {
    if ids.len() <= 1 || depth > MAX_DEPTH {
        top_to_bottom(blocks, &mut ids);
        out.extend(ids);
        return;
    }
    let mut bands = bands(blocks, &mut ids);
    if bands.len() == 1 {
        let (cols, _) = columns(blocks, &mut ids);
        if cols.len() == 1 {
            top_to_bottom(blocks, &mut ids);
            out.extend(ids);
        } else {
            for col in cols {
                cut(blocks, col, depth + 1, out);
            }
        }
        return;
    }
    // Consecutive bands that keep a vertical gutter in common form one multi-column region.
    let gutters: Vec<Vec<(f32, f32)>> = bands.iter_mut().map(|band| columns(blocks, band).1).collect();
    let mut i = 0;
    while i < bands.len() {
        let mut shared = gutters[i].clone();
        let mut j = i + 1;
        while !shared.is_empty() && j < bands.len() {
            let next = common_gutters(&shared, &gutters[j]);
            if next.is_empty() {
                break;
            }
            shared = next;
            j += 1;
        }
        if j - i == 1 {
            cut(blocks, std::mem::take(&mut bands[i]), depth + 1, out);
        } else {
            let mut region: Vec<usize> = bands[i..j].concat();
            let (cols, _) = columns(blocks, &mut region);
            if cols.len() > 1 {
                for col in cols {
                    cut(blocks, col, depth + 1, out);
                }
            } else {
                for band in &mut bands[i..j] {
                    cut(blocks, std::mem::take(band), depth + 1, out);
                }
            }
        }
        i = j;
    }
}
