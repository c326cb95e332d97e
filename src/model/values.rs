//! Numbers and dates as the files write them: a reported [`Value`] (a number, or `**` withheld) and
//! a calendar [`Day`]. The leaf of the format: it imports no other part of the model.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Largest integer an f64 holds exactly (2^53); larger integers are refused rather than rounded.
pub const MAX_EXACT_INT: u64 = 1 << 53;

/// A reported number, or a figure withheld in the public report (`"**"`). A withheld value is unknown:
/// never 0, never summed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A stated number.
    Num(f64),
    /// Printed as `**` in the report.
    Withheld,
}

impl Value {
    /// The number, when stated.
    pub fn num(self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(n),
            Value::Withheld => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Num(n) if n.fract() == 0.0 && n.abs() < MAX_EXACT_INT as f64 => {
                s.serialize_i64(*n as i64)
            }
            Value::Num(n) => s.serialize_f64(*n),
            Value::Withheld => s.serialize_str("**"),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, or \"**\" for a withheld figure")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                if v > MAX_EXACT_INT {
                    return Err(E::custom(format!(
                        "integer {v} is larger than 2^53 and cannot be kept exactly"
                    )));
                }
                Ok(Value::Num(v as f64))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                if v.unsigned_abs() > MAX_EXACT_INT {
                    return Err(E::custom(format!(
                        "integer {v} is larger than 2^53 and cannot be kept exactly"
                    )));
                }
                Ok(Value::Num(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                if !v.is_finite() {
                    return Err(E::custom("expected a finite number"));
                }
                Ok(Value::Num(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                if v == "**" {
                    Ok(Value::Withheld)
                } else {
                    Err(E::custom(format!(
                        "expected a number, or \"**\" for a withheld figure, found the string {v:?}"
                    )))
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, or \"**\" for a figure withheld in the public report.",
            "oneOf": [ { "type": "number" }, { "const": "**" } ]
        })
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl Day {
    /// The date.
    pub fn date(self) -> NaiveDate {
        self.0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The first and the last date that data may have (`YYYY-MM-DD`).
pub const DAY_RANGE: (&str, &str) = ("1900-01-01", "2200-12-31");

/// Why a text is not a date [`parse_day`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayFault {
    /// Not shaped like `2023-06-30`.
    Shape,
    /// Shaped like a date, but no such day (`2023-02-30`).
    NoSuchDay,
    /// A real day outside [`DAY_RANGE`].
    OutOfRange,
}

/// Why `s` is not an accepted date; `None` when [`parse_day`] accepts it.
pub fn day_fault(s: &str) -> Option<DayFault> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Some(DayFault::Shape);
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Err(_)
            if s.bytes()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) =>
        {
            Some(DayFault::NoSuchDay)
        }
        Err(_) => Some(DayFault::Shape),
        Ok(d) if d.year() < 1900 || d.year() > 2200 => Some(DayFault::OutOfRange),
        Ok(_) => None,
    }
}

/// Parses `YYYY-MM-DD` strictly (zero-padded, a real calendar day within [`DAY_RANGE`]).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    if day_fault(s).is_some() {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Day;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like 2023-07-31")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Day, E> {
                parse_day(v).map(Day).ok_or_else(|| {
                    E::custom(format!("expected a date like 2023-07-31, found {v:?}"))
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}
