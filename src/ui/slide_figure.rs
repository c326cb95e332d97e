//! The figure a slide shows in big digits, and what goes beside it in normal text.

use crate::model::board::ItemBoard;
use crate::model::numbers::{fmt_num, fmt_value};

/// The number to show big and what goes beside it in normal text: (big, small). It is the item's main
/// figure (`wording::main_of`): a ledger's rectified of found, the progress percentage, a project's
/// investment, or the first figure.
pub fn big_figure(it: &ItemBoard, en: bool) -> (String, String) {
    use crate::model::wording::{main_of, Main};
    let x = &it.item;
    let lang = if en {
        crate::model::Lang::En
    } else {
        crate::model::Lang::Zh
    };
    let first = || x.figures.first().map(|f| figure_big(f, en));
    let nothing = (String::new(), String::new());
    match main_of(x, &it.judgement) {
        Main::Ledger(l) => (
            format!(
                "{}/{}",
                crate::model::wording::rectified_text(l, crate::model::Lang::Zh),
                fmt_value(l.found, None, false)
            ),
            format!("{}{}", l.unit, lang.pick("  整改/发现", " fixed of found")),
        ),
        // The figure the ratio came from, with its qualifier: 680多/800亩.
        Main::Progress(f, _) => match it.judgement.progress_raw {
            Some(p) => (
                format!("{}%", fmt_num((p * 100.0).round())),
                crate::model::wording::of_target(f, lang),
            ),
            None => figure_big(f, en),
        },
        Main::Investment(inv) => match inv.value {
            Some(v) => (fmt_value(v, None, false), inv.unit.clone().into()),
            None => first().unwrap_or(nothing),
        },
        Main::Money(p) => (
            it.judgement
                .progress_raw
                .map(|r| format!("{}%", fmt_num((r * 100.0).round())))
                .unwrap_or_default(),
            crate::model::wording::money_text(p, lang),
        ),
        Main::First(f, _) => figure_big(f, en),
        Main::Nothing => nothing,
    }
}

/// A figure's value (or target) in big digits, its unit and qualifier beside.
fn figure_big(f: &crate::model::Figure, en: bool) -> (String, String) {
    match (f.value, f.target) {
        // 约6227平方米, as the report writes it: 约 goes before the number.
        (Some(v), _) if f.approx == Some(crate::model::Approx::About) && !en => (
            format!("约{}", fmt_value(v, None, false)),
            f.unit.clone().into(),
        ),
        (Some(v), _) => {
            let unit = match f.approx {
                Some(crate::model::Approx::About) => format!("{} (about)", f.unit),
                Some(_) if en => format!("+ {}", f.unit),
                Some(a) => format!("{}{}", a.zh(), f.unit),
                None => f.unit.to_string(),
            };
            (fmt_value(v, None, false), unit)
        }
        (None, Some(tg)) => (
            fmt_value(tg, None, false),
            format!("{}{}", f.unit, if en { " (target)" } else { "(目标)" }),
        ),
        (None, None) => (String::new(), f.unit.clone().into()),
    }
}
