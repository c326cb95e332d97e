//! Figures, dates, owners and changes as words, the same for the screens, the slides and the brief.

use super::board::{Board, ItemBoard, LineBoard};
use super::format::{Figure, Ledger, Project, Value};
use super::history::{FigureKey, QuantityKey};
use super::item::{Item, ItemKind};
use super::money_words::is_money;
pub use super::money_words::{money_text, parts_lines, project_totals, with_growth};
use super::numbers::{fmt_figure, fmt_num, fmt_value};
use super::status::Judgement;
use super::Lang;
use chrono::NaiveDate;

/// `25%`, from a ratio (unclamped ratios show as they are, e.g. 120%); `-` when not finite.
pub fn percent(r: f64) -> String {
    if r.is_finite() {
        format!("{}%", fmt_num((r * 100.0).round()))
    } else {
        "-".into()
    }
}

/// The gap to 序时进度 in words, as shown beside the two percentages: `落后12个百分点`,
/// `超前5个百分点`, `与序时持平`; None when there is no gap to state.
pub fn gap_text(j: &Judgement, lang: Lang) -> Option<String> {
    let g = super::status::shown_gap(j)?;
    Some(match (g.signum(), lang.en()) {
        (1, false) => format!("落后{g}个百分点"),
        (1, true) => format!("{g} points behind"),
        (-1, false) => format!("超前{}个百分点", -g),
        (-1, true) => format!("{} points ahead", -g),
        (_, false) => "与序时持平".into(),
        (_, true) => "on time".into(),
    })
}

/// The progress as shown beside a bar: a reported rate with the decimals it was written with
/// (目标完成率173.5% → `173.5%`, never rounded to 174%), else the computed ratio (`25%`).
pub fn progress_pct(it: &ItemBoard) -> Option<String> {
    let j = &it.judgement;
    let rate = j
        .progress_figure
        .and_then(|i| it.item.figures.get(i))
        .filter(|f| f.is_progress_rate() && f.target.is_none() && f.value.is_some());
    match rate {
        Some(f) => Some(fmt_figure(
            &Figure {
                label: None,
                value: f.value,
                unit: f.unit.clone(),
                decimals: f.decimals,
                ..Figure::default()
            },
            false,
        )),
        None => Some(percent(j.progress_raw.or(j.progress)?)),
    }
}

/// Days left or overdue: `剩20天` / `逾期3天` (`20d left` / `late 3d`).
pub fn days_text(left: i64, lang: Lang) -> String {
    if left < 0 {
        format!(
            "{}{}{}",
            lang.pick("逾期", "late "),
            -left,
            lang.pick("天", "d")
        )
    } else {
        format!("{}{left}{}", lang.pick("剩", ""), lang.pick("天", "d left"))
    }
}

/// How an item's next deadline stands today. Lights are judged at the data's date; countdowns are
/// counted from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// Days left until the deadline.
    Left(i64),
    /// Days past a deadline that had already passed at the data's date.
    Late(i64),
    /// The deadline passed after the data's date: newer data must say whether it was met
    /// (已到期 待更新).
    AwaitingUpdate,
}

/// The next open deadline of a judged item and how it stands `today`, for data as of `as_of`.
pub fn countdown(
    j: &Judgement,
    as_of: NaiveDate,
    today: NaiveDate,
) -> Option<(NaiveDate, Countdown)> {
    let due = j.next_due?;
    Some((due, Countdown::until(due, as_of, today)))
}

impl Countdown {
    /// How an open deadline `due` stands `today`, for data as of `as_of`.
    pub fn until(due: NaiveDate, as_of: NaiveDate, today: NaiveDate) -> Countdown {
        let left = (due - today).num_days();
        if left >= 0 {
            Countdown::Left(left)
        } else if due >= as_of {
            Countdown::AwaitingUpdate
        } else {
            Countdown::Late(-left)
        }
    }
}

/// A countdown in words: `剩20天`, `逾期3天`, `已到期 待更新`.
pub fn countdown_text(c: Countdown, lang: Lang) -> String {
    match c {
        Countdown::Left(n) => days_text(n, lang),
        Countdown::Late(n) => days_text(-n, lang),
        Countdown::AwaitingUpdate => lang.pick("已到期 待更新", "due, awaiting update").into(),
    }
}

/// A date as short as the as-of year allows: `07-31` in the same year, `2024-12-31` otherwise.
pub fn date_text(d: NaiveDate, as_of: NaiveDate) -> String {
    use chrono::Datelike;
    if d.year() == as_of.year() {
        d.format("%m-%d").to_string()
    } else {
        d.to_string()
    }
}

/// The next deadline and the countdown from today: `12-31 剩184天`, `07-20 已到期 待更新`,
/// `2024-12-31 剩525天`, or empty.
pub fn due_text(j: &Judgement, as_of: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    match countdown(j, as_of, today) {
        Some((d, c)) => format!("{} {}", date_text(d, as_of), countdown_text(c, lang)),
        None => String::new(),
    }
}

/// The owner of an item: 责任领导 and 责任单位 joined (the line's when the item names none), or empty.
pub fn owner_text(it: &ItemBoard, line: &LineBoard) -> String {
    let leader = open_entry_owner(&it.item)
        .or(it.item.leader.as_deref())
        .or(line.leader.as_deref());
    let office = it.item.office.as_deref().or(line.office.as_deref());
    let parts: Vec<&str> = [leader, office].into_iter().flatten().collect();
    parts.join(" ")
}

/// The owner in one name for a narrow column: the 责任领导 (the item's, else the line's), else the unit.
pub fn owner_short(it: &ItemBoard, line: &LineBoard) -> String {
    let leader = open_entry_owner(&it.item)
        .or(it.item.leader.as_deref())
        .or(line.leader.as_deref());
    let office = it.item.office.as_deref().or(line.office.as_deref());
    leader.or(office).unwrap_or_default().to_string()
}

/// The 责任人 of a ledger's first open entry (the one the laggard list names), when stated.
pub fn open_entry_owner(item: &Item) -> Option<&str> {
    item.ledger()?
        .entries
        .iter()
        .filter(|e| e.closed.is_none())
        .find_map(|e| e.owner.as_deref())
}

/// A ledger's totals: `发现11 整改11 未改0`.
pub fn ledger_text(l: &Ledger, lang: Lang) -> String {
    if l.rectified.is_none() && l.open.is_none() {
        // 排查出的280余项隐患: only what was found is reported.
        return format!(
            "{}{}{} {}",
            lang.pick("发现", "found "),
            fmt_value(l.found, l.found_approx, false),
            l.unit,
            lang.pick("整改未报", "fixes not reported")
        );
    }
    let open = l
        .open_count()
        .map_or("**".into(), |v| fmt_value(v, None, false));
    format!(
        "{}{} {}{} {}{open}",
        lang.pick("发现", "found "),
        fmt_value(l.found, l.found_approx, false),
        lang.pick("整改", "fixed "),
        rectified_text(l, lang),
        lang.pick("未改", "open "),
    )
}

/// A ledger's totals for a narrow column: rectified of found, `11/11处`.
pub fn ledger_short(l: &Ledger) -> String {
    if l.rectified.is_none() {
        return format!("{}{}", fmt_value(l.found, l.found_approx, false), l.unit);
    }
    format!(
        "{}/{}{}",
        rectified_text(l, Lang::Zh),
        fmt_value(l.found, l.found_approx, false),
        l.unit
    )
}

/// A ledger's rectified total, or 未报 when the report does not state it.
pub fn rectified_text(l: &Ledger, lang: Lang) -> String {
    match l.rectified {
        Some(v) => fmt_value(v, None, false),
        None => lang.pick("未报", "n/r").into(),
    }
}

/// The closure rate of a ledger (rectified / found), when both are stated and something was found.
pub fn closure_rate(l: &Ledger) -> Option<f64> {
    match (l.found, l.rectified) {
        (Value::Num(f), Some(Value::Num(r))) if f > 0.0 => Some(r / f),
        _ => None,
    }
}

/// Value of target in one text, keeping the qualifier: `200/800亩`, `680多/800亩`.
pub fn of_target(f: &Figure, lang: Lang) -> String {
    match (f.value, f.target) {
        (Some(v), Some(t)) => format!(
            "{}/{}{}",
            fmt_value(v, f.approx, lang.en()),
            fmt_value(t, None, lang.en()),
            f.unit
        ),
        _ => fmt_figure(f, lang.en()),
    }
}

/// What the main figure of an item is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Main<'a> {
    /// A ledger's totals.
    Ledger(&'a Ledger),
    /// The figure progress is measured on (value of target).
    Progress(&'a Figure, usize),
    /// A project's investment (no progress figure).
    Investment(&'a Figure),
    /// A bundle of projects or a project's yearly money (19个项目, 年度计划 / 完成投资).
    Money(&'a Project),
    /// The first figure.
    First(&'a Figure, usize),
    /// Nothing to show.
    Nothing,
}

/// The item's main figure, by kind: a ledger's totals; else the figure progress is measured on; else a
/// project's investment; else the first figure.
pub fn main_of<'a>(item: &'a Item, j: &Judgement) -> Main<'a> {
    let progress = j
        .progress_figure
        .and_then(|i| Some(Main::Progress(item.figures.get(i)?, i)));
    let first = || item.figures.first().map(|f| Main::First(f, 0));
    match &item.kind {
        ItemKind::Ledger(l) => Some(Main::Ledger(l)),
        ItemKind::Project(p) => progress
            .or(is_money(p).then_some(Main::Money(p)))
            .or(p.investment.as_ref().map(Main::Investment))
            .or_else(first),
        ItemKind::Quantity | ItemKind::Rate | ItemKind::Target => progress.or_else(first),
        ItemKind::Text => None,
    }
    .unwrap_or(Main::Nothing)
}

/// The main figure of an item as one short text: `186个`, `200/800亩`, `1.2亿元`, `目标600亩`, a ledger's
/// totals (`compact`: `11/11处`), or `-`.
pub fn main_value(it: &ItemBoard, lang: Lang, compact: bool) -> String {
    match main_of(&it.item, &it.judgement) {
        Main::Ledger(l) if compact => ledger_short(l),
        Main::Ledger(l) => ledger_text(l, lang),
        Main::Progress(f, i) => match stated_beside(&it.item, f, i) {
            // 地方财政收入2496万元，完成任务的117.46%，同比增长28.7%: the amount and its growth
            // come first; the rate (what the light measures) follows.
            Some(g) if !compact => format!(
                "{} · {}{}",
                with_growth(g, fmt_figure(g, lang.en()), lang),
                f.label.as_deref().unwrap_or_default(),
                of_target(f, lang)
            ),
            _ => with_growth(f, of_target(f, lang), lang),
        },
        Main::Investment(f) => fmt_figure(f, lang.en()),
        Main::Money(p) if compact => money_text(
            &Project {
                count: None,
                annual_rate: p.annual_rate.clone().filter(|_| p.annual_done.is_none()),
                ..p.clone()
            },
            lang,
        ),
        Main::Money(p) => money_text(p, lang),
        Main::First(f, _) => match (f.value, f.target) {
            (Some(_), Some(_)) => with_growth(f, of_target(f, lang), lang),
            (None, Some(_)) if f.firmness.is_some() => {
                with_growth(f, fmt_figure(f, lang.en()), lang)
            }
            (None, Some(_)) => format!(
                "{}{}",
                lang.pick("目标", "target "),
                with_growth(f, fmt_figure(f, lang.en()), lang)
            ),
            _ => with_growth(f, fmt_figure(f, lang.en()), lang),
        },
        Main::Nothing => "-".into(),
    }
}

/// For progress stated only as a rate (`rate: progress`, 完成任务的117.46%), the item's amount it
/// is the rate of: its first other figure with a value that is no rate itself.
fn stated_beside<'a>(item: &'a Item, f: &Figure, i: usize) -> Option<&'a Figure> {
    if f.rate != Some(crate::model::RateKind::Progress) || f.target.is_some() {
        return None;
    }
    item.figures
        .iter()
        .enumerate()
        .find(|(k, g)| *k != i && g.value.is_some() && g.rate.is_none())
        .map(|(_, g)| g)
}

/// True when the main figure is withheld (`**`), so it is drawn in the withheld style.
pub fn main_is_withheld(it: &ItemBoard) -> bool {
    match main_of(&it.item, &it.judgement) {
        Main::Ledger(l) => l.found == Value::Withheld || l.rectified == Some(Value::Withheld),
        Main::Money(_) => false,
        Main::Progress(f, _) | Main::Investment(f) | Main::First(f, _) => {
            f.value == Some(Value::Withheld)
                || (f.value.is_none() && f.target == Some(Value::Withheld))
        }
        Main::Nothing => false,
    }
}

/// The key of the main figure among the item's quantities (see `history::quantities`).
pub fn main_key(it: &ItemBoard) -> Option<QuantityKey> {
    Some(match main_of(&it.item, &it.judgement) {
        Main::Ledger(_) => QuantityKey::Rectified,
        Main::Progress(f, i) => QuantityKey::Value(FigureKey::of(f, i)),
        Main::Investment(_) => QuantityKey::Investment,
        Main::Money(_) => return None,
        Main::First(f, i) if f.value.is_none() => QuantityKey::Target(FigureKey::of(f, i)),
        Main::First(f, i) => QuantityKey::Value(FigureKey::of(f, i)),
        Main::Nothing => return None,
    })
}

/// The headline block leaders read first: projects and their total investment (in 万元, shown as reports
/// write it; withheld amounts are skipped and said so), red and amber counts, figures changed.
pub fn key_figures(board: &Board, lang: Lang) -> String {
    let items = || board.lines.iter().flat_map(|l| l.items.iter());
    let projects: Vec<&Project> = items().filter_map(|i| i.item.project()).collect();
    let mut out = Vec::new();
    if !projects.is_empty() {
        out.push(project_totals(&projects, lang));
    }
    let red: usize = board.lines.iter().map(|l| l.red()).sum();
    let amber: usize = board.lines.iter().map(|l| l.amber()).sum();
    out.push(format!(
        "{}{red} {}{amber}",
        lang.pick("红灯", "red "),
        lang.pick("黄灯", "amber ")
    ));
    if board.lines.iter().any(|l| l.prev_date.is_some()) {
        let changed: usize = board.lines.iter().map(|l| l.changed()).sum();
        out.push(format!("{}{changed}", lang.pick("较上期变动", "changed ")));
    }
    out.join(" · ")
}
