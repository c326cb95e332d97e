//! Text from data files as types that can only hold cleaned text: [`Line`] and [`Text`] are built
//! only through the sanitiser ([`super::sanitize`]), so a new string field of the format is cleaned
//! because of its type, not because a list of fields remembers it.
//!
//! A parse in a [`cut_scope`] counts the strings cut to their cap; [`cut_paths`] finds each one's
//! field path by parsing again with `serde_path_to_error`, stopping at that cut.

mod cuts;
mod intern;

use super::sanitize::{clean_in_place, Kind};
pub use cuts::{cut_paths, cut_scope};
use cuts::{note_cut, STOP};
pub use intern::{forget_unused, interned_stats};
use intern::{intern, lookup};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

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
