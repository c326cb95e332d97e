//! Text from data files as types that can only hold cleaned text: [`Line`] and [`Text`] are built
//! only through the sanitiser ([`super::sanitize`]), so a new string field of the format is cleaned
//! because of its type, not because a list of fields remembers it.
//!
//! A parse in a [`cut_scope`] counts the strings cut to their cap; [`cut_paths`] finds each one's
//! field path by parsing again with `serde_path_to_error`, stopping at that cut.

use super::sanitize::{clean_in_place, Cut, Kind};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, Mutex, MutexGuard};

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
const STOP: &str = "huibao: text cut here";

/// Notes a cut in the current scope; an error when this is the cut the scope stops at.
fn note_cut(chars: usize, cap: usize) -> Result<(), ()> {
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

/// Every cleaned text in use, each held once: labels, units, owners and report sentences repeat in
/// every weekly snapshot of a line (and across the towns of a county), so a history holds each of
/// them once instead of once per snapshot (a five-year weekly history: 20.0 → 11.9 MiB live). One
/// set per [`Kind`]: text clean as a [`Text`] may still need cleaning as a [`Line`].
static INTERNED: [Mutex<Option<HashSet<Arc<str>>>>; 2] = [Mutex::new(None), Mutex::new(None)];

fn interned(kind: Kind) -> MutexGuard<'static, Option<HashSet<Arc<str>>>> {
    let set = match kind {
        Kind::Line => &INTERNED[0],
        Kind::Text => &INTERNED[1],
    };
    // A panic while the set was held leaves it whole (inserts are single calls): keep using it.
    set.lock().unwrap_or_else(|e| e.into_inner())
}

/// The shared copy of the text `s`, cleaned as `kind`, made when it is new.
fn intern(kind: Kind, s: &str) -> Arc<str> {
    let mut set = interned(kind);
    let set = set.get_or_insert_with(HashSet::new);
    if let Some(a) = set.get(s) {
        return Arc::clone(a);
    }
    let a: Arc<str> = Arc::from(s);
    set.insert(Arc::clone(&a));
    a
}

/// The shared copy of `s` when `s` is already held as `kind`: then it is clean (cleaning leaves
/// clean text as it is, and only cleaned text is held).
fn lookup(kind: Kind, s: &str) -> Option<Arc<str>> {
    interned(kind).as_ref()?.get(s).map(Arc::clone)
}

/// Forgets every text that nothing but the shared set holds any more (call after a reload has
/// replaced the data shown, so that edited sentences do not pile up). Returns how many are kept.
pub fn forget_unused() -> usize {
    [Kind::Line, Kind::Text]
        .into_iter()
        .map(|kind| match interned(kind).as_mut() {
            Some(set) => {
                set.retain(|a| Arc::strong_count(a) > 1);
                set.shrink_to_fit();
                set.len()
            }
            None => 0,
        })
        .sum()
}

/// How many distinct texts are held now, and their bytes.
pub fn interned_stats() -> (usize, usize) {
    [Kind::Line, Kind::Text]
        .into_iter()
        .map(|kind| {
            interned(kind)
                .as_ref()
                .map_or((0, 0), |set| (set.len(), set.iter().map(|a| a.len()).sum()))
        })
        .fold((0, 0), |(n, b), (n2, b2)| (n + n2, b + b2))
}

/// How a clean type is built from text, for [`Built`].
trait Build: Sized {
    /// From an owned string.
    fn from_string(s: String) -> (Self, Option<usize>);
    /// From borrowed text (copied only when new).
    fn from_str(s: &str) -> (Self, Option<usize>);
}

/// Reads a JSON string into a clean type without an owned copy when the text is held already.
struct Built<T>(std::marker::PhantomData<T>);

impl<T> Default for Built<T> {
    fn default() -> Self {
        Built(std::marker::PhantomData)
    }
}

impl<T: Build> serde::de::Visitor<'_> for Built<T> {
    type Value = (T, Option<usize>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(v))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(T::from_string(v))
    }
}

macro_rules! clean_type {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        #[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Arc<str>);

        impl $name {
            /// The kind of text this holds.
            pub const KIND: Kind = $kind;

            /// Cleans `s`; the second value is its length in characters when it was cut.
            fn build(mut s: String) -> (Self, Option<usize>) {
                if let Some(a) = lookup($kind, &s) {
                    return ($name(a), None);
                }
                let cut = clean_in_place(&mut s, $kind);
                ($name(intern($kind, &s)), cut)
            }

            /// Cleans `s`, copying it only when it is not held already.
            fn build_str(s: &str) -> (Self, Option<usize>) {
                match lookup($kind, s) {
                    Some(a) => ($name(a), None),
                    None => Self::build(s.to_string()),
                }
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The text as a `String`.
            pub fn into_string(self) -> String {
                self.0.to_string()
            }
        }

        impl Build for $name {
            fn from_string(s: String) -> (Self, Option<usize>) {
                Self::build(s)
            }
            fn from_str(s: &str) -> (Self, Option<usize>) {
                Self::build_str(s)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self::build(s).0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::build_str(s).0
            }
        }

        impl From<&String> for $name {
            fn from(s: &String) -> Self {
                Self::build_str(s).0
            }
        }

        impl From<$name> for String {
            fn from(s: $name) -> String {
                s.0.to_string()
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &*self.0 == other.as_str()
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == &*other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == &*other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                self.as_str() == &*other.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let (v, cut) = d.deserialize_str(Built::<$name>::default())?;
                if let Some(chars) = cut {
                    note_cut(chars, $kind.cap()).map_err(|()| D::Error::custom(STOP))?;
                }
                Ok(v)
            }
        }

        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                String::schema_name()
            }
            fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
                String::json_schema(g)
            }
        }
    };
}

clean_type!(
    /// Single-line text from data (a label, title, name, id or unit), cleaned as [`Kind::Line`].
    Line,
    Kind::Line
);

clean_type!(
    /// Multi-line text from data (a report sentence, note or problem), cleaned as [`Kind::Text`].
    Text,
    Kind::Text
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_only_clean() {
        let l: Line = "a\u{1b}\nb".into();
        assert_eq!(l, "a␛ b");
        let t: Text = "a\u{202e}\nb".into();
        assert_eq!(t, "a\nb");
        let l: Line = serde_json::from_str("\"x\\u001b\"").unwrap();
        assert_eq!(l.as_str(), "x␛");
        assert_eq!(serde_json::to_string(&l).unwrap(), "\"x␛\"");
    }

    #[derive(Deserialize)]
    struct Doc {
        #[allow(dead_code)]
        a: Vec<Line>,
        #[allow(dead_code)]
        b: Text,
    }

    #[test]
    fn equal_texts_are_held_once() {
        let text = "interned-test 党风廉政建设专题会议";
        let a: Line = text.into();
        let b: Line = serde_json::from_str(&format!("\"{text}\"")).unwrap();
        let c: Line = String::from(text).into();
        assert!(Arc::ptr_eq(&a.0, &b.0) && Arc::ptr_eq(&a.0, &c.0));
        // Text clean as a multi-line text is cleaned again as a single line.
        let t: Text = "interned-test\nline".into();
        let l: Line = "interned-test\nline".into();
        assert_eq!(
            (t.as_str(), l.as_str()),
            ("interned-test\nline", "interned-test line")
        );
        // Dirty text is cleaned before it is looked up: it never comes back as the dirty form.
        let d: Line = "interned-test\u{1b}x".into();
        assert_eq!(d, "interned-test␛x");
        let e: Line = serde_json::from_str("\"interned-test␛x\"").unwrap();
        assert!(Arc::ptr_eq(&d.0, &e.0));
        let gone: Line = "interned-test, used once".into();
        drop(gone);
        forget_unused();
        assert!(lookup(Kind::Line, "interned-test, used once").is_none());
        assert!(lookup(Kind::Line, text).is_some(), "still used by a and b");
    }

    #[test]
    fn cuts_are_found_by_path() {
        let long = "党".repeat(3000);
        let text = format!("{{\"a\":[\"x\",\"{long}\"],\"b\":\"{long}\"}}");
        let (r, cuts) = cut_scope(|| serde_json::from_str::<Doc>(&text));
        assert!(r.is_ok());
        assert_eq!(cuts, vec![(3000, 2000)]);
        let found = cut_paths::<Doc>(&text, &cuts);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].field.as_str(), found[0].chars), ("a[1]", 3000));
    }
}
