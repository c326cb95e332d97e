//! Numbers as the reports write them: 6, 35.55, 400多, **, money in 万元 and 亿元.

use super::format::{Approx, Basis, Figure, Growth, GrowthUnit, Value};

/// Formats a number without trailing zeros (6, 35.55, 1.2); at most two decimals.
pub fn fmt_num(n: f64) -> String {
    if !n.is_finite() {
        return "?".into();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let s = format!("{n:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A value with its approximate qualifier: `400多` (Chinese) or `400+` (English); `**` when withheld.
pub fn fmt_value(v: Value, approx: Option<Approx>, en: bool) -> String {
    match v {
        Value::Withheld => match approx {
            Some(a) if !en && a != Approx::About => format!("**{}", a.zh()),
            Some(a) if en && a != Approx::About => "**+".into(),
            _ => "**".into(),
        },
        Value::Num(n) => {
            let s = fmt_num(n);
            match approx {
                None => s,
                Some(Approx::About) if en => format!("~{s}"),
                Some(Approx::About) => format!("约{s}"),
                Some(_) if en => format!("{s}+"),
                Some(a) => format!("{s}{}", a.zh()),
            }
        }
    }
}

/// A figure as the report words it: value and unit (`400多亩`, `**人次`, `1.2亿元`, `25.0%`), a range
/// (`3—5个`), its bound (`至少1个`, `90%以上`, `超2万人次`), per-unit words (`人均4.6万元`, `各村至少1个`)
/// and firmness (`力争1898万元`, `预计133.8亿元`); the target alone when no value is reported. A figure
/// with neither (a growth of an unstated base) is its growth (`▲20.1%`).
pub fn fmt_figure(f: &Figure, en: bool) -> String {
    let (number, max, bound) = match (f.value, f.target) {
        (Some(v), _) => (v, f.value_max, f.bound),
        (None, Some(t)) => (t, f.target_max, f.target_bound),
        (None, None) => {
            return match &f.growth {
                Some(g) => fmt_growth(g, en),
                None => f.unit.to_string(),
            }
        }
    };
    let approx = f.value.and(f.approx);
    let mut text = match (number, max) {
        // 余 follows the magnitude: 2万余吨, where 多 precedes it: 40多万元.
        (Value::Num(_), None)
            if approx == Some(Approx::Over)
                && !en
                && (f.unit.starts_with('万') || f.unit.starts_with('亿')) =>
        {
            let mut u = f.unit.chars();
            let mag = u.next().unwrap_or_default();
            format!(
                "{}{mag}余{}",
                fmt_value_dec(number, None, f.decimals, en),
                u.as_str()
            )
        }
        (_, Some(m)) => format!(
            "{}—{}{}",
            fmt_value_dec(number, approx, f.decimals, en),
            fmt_value_dec(m, None, f.decimals, en),
            f.unit
        ),
        _ => format!(
            "{}{}",
            fmt_value_dec(number, approx, f.decimals, en),
            f.unit
        ),
    };
    if let Some(b) = bound {
        text = if en {
            format!("{}{text}", b.sign())
        } else {
            b.around(&text)
        };
    }
    if let Some(per) = f.per.as_deref() {
        text = if en {
            format!("{text} ({per})")
        } else {
            format!("{per}{text}")
        };
    }
    if let Some(firm) = f.firmness {
        text = if en {
            format!("{}{text}", firm.en())
        } else {
            format!("{}{text}", firm.zh())
        };
    }
    text
}

/// A value with its qualifier and the decimals it was written with (`25.0` when `decimals` is 1).
pub fn fmt_value_dec(v: Value, approx: Option<Approx>, decimals: Option<u8>, en: bool) -> String {
    match (v, decimals) {
        (Value::Num(n), Some(d)) if n.is_finite() && d <= 6 => {
            let s = format!("{n:.*}", d as usize);
            fmt_value(v, approx, en).replacen(&fmt_num(n), &s, 1)
        }
        _ => fmt_value(v, approx, en),
    }
}

/// A growth with sign and arrow: `▲10.6%`, `▼3.2%`, `▲0.5个百分点`, `持平`; a basis other than 同比 is
/// named (`环比▲3%`); a growth target in the report's words (`增长6%以上`).
pub fn fmt_growth(g: &Growth, en: bool) -> String {
    let unit = |en: bool| match (g.unit, en) {
        (GrowthUnit::Percent, _) => "%",
        (GrowthUnit::Points, false) => "个百分点",
        (GrowthUnit::Points, true) => " pts",
    };
    let basis = match g.basis {
        Basis::YearOnYear => "",
        b if en => match b {
            Basis::PeriodOnPeriod => "m/m ",
            _ => "y/y ",
        },
        b => b.zh(),
    };
    let value = match g.value {
        Some(Value::Num(n)) => {
            let mag = fmt_value_dec(Value::Num(n.abs()), None, g.decimals, en);
            if n > 0.0 {
                format!("{basis}▲{mag}{}", unit(en))
            } else if n < 0.0 {
                format!("{basis}▼{mag}{}", unit(en))
            } else if en {
                format!("{basis}flat")
            } else {
                format!("{basis}持平")
            }
        }
        Some(Value::Withheld) => format!("{basis}**{}", unit(en)),
        None => String::new(),
    };
    let target = g.target.map(|t| {
        let t = format!("{}{}", fmt_value_dec(t, None, g.decimals, en), unit(en));
        let t = match g.target_bound.filter(|_| !en) {
            Some(b) => b.around(&t),
            None => t,
        };
        if en {
            format!("target +{t}")
        } else {
            format!("增长{t}")
        }
    });
    match target {
        Some(t) if value.is_empty() => t,
        Some(t) => format!("{value} ({t})"),
        None => value,
    }
}

/// The factor that turns an amount in `unit` into 万元, for money units.
pub fn wan_factor(unit: &str) -> Option<f64> {
    match unit {
        "万元" | "万" => Some(1.0),
        "亿元" | "亿" => Some(10_000.0),
        "元" => Some(0.0001),
        "千元" => Some(0.1),
        _ => None,
    }
}

/// The amount in 万元, when the figure is money and its value stated.
pub fn to_wan(v: Value, unit: &str) -> Option<f64> {
    Some(v.num()? * wan_factor(unit)?)
}

/// Money in 万元 shown the way reports write it: 1.2亿元 from 10,000 万元 up, else 5000万元.
pub fn fmt_money(wan: f64) -> String {
    if wan.abs() >= 10_000.0 {
        format!("{}亿元", fmt_num(wan / 10_000.0))
    } else {
        format!("{}万元", fmt_num(wan))
    }
}

/// Sum of money figures in 万元; the second value counts the withheld ones that were skipped.
pub fn sum_money<'a>(figs: impl IntoIterator<Item = &'a Figure>) -> (f64, usize) {
    let mut total = 0.0;
    let mut skipped = 0;
    // A per-unit figure (人均, 各村) is not an amount of its own: never summed.
    for f in figs.into_iter().filter(|f| f.per.is_none()) {
        match f.value {
            Some(Value::Withheld) if wan_factor(&f.unit).is_some() => skipped += 1,
            Some(v) => total += to_wan(v, &f.unit).unwrap_or(0.0),
            None => {}
        }
    }
    (total, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_reports_write_them() {
        assert_eq!(fmt_num(6.0), "6");
        assert_eq!(fmt_num(35.55), "35.55");
        assert_eq!(fmt_num(1.2), "1.2");
        assert_eq!(
            fmt_value(Value::Num(400.0), Some(Approx::More), false),
            "400多"
        );
        assert_eq!(
            fmt_value(Value::Num(400.0), Some(Approx::More), true),
            "400+"
        );
        assert_eq!(
            fmt_value(Value::Num(260.0), Some(Approx::About), false),
            "约260"
        );
        assert_eq!(
            fmt_value(Value::Withheld, Some(Approx::More), false),
            "**多"
        );
        assert_eq!(fmt_value(Value::Withheld, None, false), "**");
    }

    #[test]
    fn money_in_wan_and_yi() {
        assert_eq!(to_wan(Value::Num(1.2), "亿元"), Some(12_000.0));
        assert_eq!(fmt_money(12_000.0), "1.2亿元");
        assert_eq!(fmt_money(5000.0), "5000万元");
        assert_eq!(to_wan(Value::Withheld, "万元"), None);
        let figs = [
            Figure {
                label: None,
                value: Some(Value::Num(1.2)),
                unit: "亿元".into(),
                approx: None,
                target: None,
                ..Figure::default()
            },
            Figure {
                label: None,
                value: Some(Value::Withheld),
                unit: "万元".into(),
                approx: None,
                target: None,
                ..Figure::default()
            },
            Figure {
                label: None,
                value: Some(Value::Num(5000.0)),
                unit: "万".into(),
                approx: None,
                target: None,
                ..Figure::default()
            },
        ];
        assert_eq!(sum_money(&figs), (17_000.0, 1));
        let grain = Figure {
            label: None,
            value: Some(Value::Num(2.0)),
            unit: "万吨".into(),
            approx: Some(Approx::Over),
            target: None,
            ..Figure::default()
        };
        assert_eq!(fmt_figure(&grain, false), "2万余吨");
        let bounded = Figure {
            target: Some(Value::Num(1.0)),
            unit: "个".into(),
            target_bound: Some(crate::model::Bound::AtLeast),
            per: Some("各村".into()),
            firmness: Some(crate::model::Firmness::Ensure),
            ..Figure::default()
        };
        assert_eq!(fmt_figure(&bounded, false), "确保各村至少1个");
        assert_eq!(fmt_figure(&bounded, true), "must ≥1个 (各村)");
        let range = Figure {
            value: Some(Value::Num(3.0)),
            value_max: Some(Value::Num(5.0)),
            unit: "个".into(),
            ..Figure::default()
        };
        assert_eq!(fmt_figure(&range, false), "3—5个");
        let written = Figure {
            value: Some(Value::Num(25.0)),
            unit: "%".into(),
            decimals: Some(1),
            bound: Some(crate::model::Bound::OrMore),
            ..Figure::default()
        };
        assert_eq!(fmt_figure(&written, false), "25.0%以上");
        let g = crate::model::Growth {
            value: Some(Value::Num(-3.2)),
            ..Default::default()
        };
        assert_eq!(fmt_growth(&g, false), "▼3.2%");
        let pts = crate::model::Growth {
            value: Some(Value::Num(0.5)),
            unit: GrowthUnit::Points,
            basis: Basis::PeriodOnPeriod,
            ..Default::default()
        };
        assert_eq!(fmt_growth(&pts, false), "环比▲0.5个百分点");
        assert_eq!(fmt_figure(&grain, true), "2+万吨");
    }
}
