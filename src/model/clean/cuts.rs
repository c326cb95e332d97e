//! Strings cut to their cap while a file is parsed: counted in a scope, then found by field path.

use crate::model::sanitize::Cut;
use serde::de::DeserializeOwned;
use std::cell::RefCell;

/// What a parse in a [`cut_scope`] has seen of the strings cut to their cap.
#[derive(Debug, Default)]
struct Scope {
    /// Each cut so far: its length in characters before the cut, and its cap.
    cuts: Vec<(usize, usize)>,
    /// Stop the parse (with an error) at this cut, to learn its field path.
    stop_at: Option<usize>,
}

thread_local! {
    static SCOPE: RefCell<Option<Scope>> = const { RefCell::new(None) };
}

/// The error a parse stops with at the cut it was asked to find.
pub(super) const STOP: &str = "huibao: text cut here";

/// Notes a cut in the current scope; an error when this is the cut the scope stops at.
pub(super) fn note_cut(chars: usize, cap: usize) -> Result<(), ()> {
    SCOPE.with(|s| match s.borrow_mut().as_mut() {
        Some(scope) => {
            if scope.stop_at == Some(scope.cuts.len()) {
                return Err(());
            }
            scope.cuts.push((chars, cap));
            Ok(())
        }
        None => Ok(()),
    })
}

/// Runs `f` with a fresh scope; returns its result and the cuts it saw.
fn with_scope<R>(stop_at: Option<usize>, f: impl FnOnce() -> R) -> (R, Vec<(usize, usize)>) {
    let outer = SCOPE.with(|s| {
        s.borrow_mut().replace(Scope {
            cuts: Vec::new(),
            stop_at,
        })
    });
    let r = f();
    let scope = SCOPE.with(|s| std::mem::replace(&mut *s.borrow_mut(), outer));
    (r, scope.map(|s| s.cuts).unwrap_or_default())
}

/// Runs a parse `f`: returns its result and the strings it cut, each as its length in characters
/// before the cut and its cap, in the order they were read.
pub fn cut_scope<R>(f: impl FnOnce() -> R) -> (R, Vec<(usize, usize)>) {
    with_scope(None, f)
}

/// The cuts that [`cut_scope`] saw parsing `text` as `T`, each with its field path
/// (`groups[0].items[2].label`): one more parse per cut, stopped at that cut (cut text is rare).
pub fn cut_paths<T: DeserializeOwned>(text: &str, cuts: &[(usize, usize)]) -> Vec<Cut> {
    (0..cuts.len())
        .filter_map(|i| {
            let (e, _) = with_scope(Some(i), || {
                let mut de = serde_json::Deserializer::from_str(text);
                serde_path_to_error::deserialize::<_, T>(&mut de).err()
            });
            let (chars, cap) = cuts[i];
            Some(Cut {
                field: e?.path().to_string(),
                chars,
                cap,
            })
        })
        .collect()
}
