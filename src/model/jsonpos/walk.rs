//! The walk over a JSON text's values, in text order, without recursing.

use super::path::Segment;
use super::scanner::Scanner;

/// What the walk does after visiting a value.
pub(super) enum Step {
    /// Visit the value's members or elements.
    Descend,
    /// Go past the value without visiting inside it.
    Skip,
    /// End the walk.
    Stop,
}

/// Where a visited value is.
#[derive(Clone, Copy)]
pub(super) struct At {
    /// Byte offset of the value's first character.
    pub(super) value: usize,
    /// Byte offset of the member's key (its opening quote); the value's offset for array elements
    /// and the root.
    pub(super) key: usize,
}

/// Walks every value of the document in text order, calling `visit` with its path and where it
/// starts. Stops quietly at the first thing that is not JSON.
pub(super) fn walk<'a>(text: &'a str, visit: impl FnMut(&[Segment<'a>], At) -> Step) {
    let _ = walk_inner(text, visit);
}

/// [`walk`], stopping with `None` at the end of the document or at anything that is not JSON.
fn walk_inner<'a>(text: &'a str, mut visit: impl FnMut(&[Segment<'a>], At) -> Step) -> Option<()> {
    let mut s = Scanner { text, pos: 0 };
    if s.text.starts_with('\u{feff}') {
        s.pos = 3;
    }
    let mut path: Vec<Segment<'a>> = Vec::new();
    // One entry per open container: true for an object.
    let mut open: Vec<bool> = Vec::new();
    s.ws();
    s.peek()?;
    let mut key = s.pos;
    'value: loop {
        let at = At {
            value: s.pos,
            key: if matches!(path.last(), Some(Segment::Key(_))) {
                key
            } else {
                s.pos
            },
        };
        match visit(&path, at) {
            Step::Stop => return Some(()),
            Step::Skip => s.skip_value()?,
            Step::Descend => match s.peek()? {
                b'{' => {
                    s.pos += 1;
                    s.ws();
                    if s.peek()? == b'}' {
                        s.pos += 1;
                    } else {
                        key = s.pos;
                        let name = s.member_key()?;
                        open.push(true);
                        path.push(Segment::Key(name));
                        continue 'value;
                    }
                }
                b'[' => {
                    s.pos += 1;
                    s.ws();
                    if s.peek()? == b']' {
                        s.pos += 1;
                    } else {
                        open.push(false);
                        path.push(Segment::Index(0));
                        continue 'value;
                    }
                }
                _ => s.skip_value()?,
            },
        }
        // A value is complete: find the next one, closing containers on the way.
        next_value(&mut s, &mut open, &mut path, &mut key)?;
    }
}

/// After a complete value: goes to the next one, closing containers on the way, and sets the path
/// (and `key`, the offset of an object member's key) to it. `None` at the end of the document or at
/// anything that is not JSON.
fn next_value<'a>(
    s: &mut Scanner<'a>,
    open: &mut Vec<bool>,
    path: &mut Vec<Segment<'a>>,
    key: &mut usize,
) -> Option<()> {
    loop {
        s.ws();
        let &is_object = open.last()?;
        match s.peek()? {
            b',' => {
                s.pos += 1;
                s.ws();
                let next = if is_object {
                    *key = s.pos;
                    Segment::Key(s.member_key()?)
                } else {
                    match path.last()? {
                        Segment::Index(i) => Segment::Index(i + 1),
                        Segment::Key(_) => return None,
                    }
                };
                *path.last_mut()? = next;
                return Some(());
            }
            b'}' if is_object => {}
            b']' if !is_object => {}
            _ => return None,
        }
        s.pos += 1;
        open.pop();
        path.pop();
    }
}
