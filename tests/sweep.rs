//! The golden sweep of issue 12: every screen of every fixture (the seed, the history, the real
//! reports, the county) at 60, 80, 100, 120 and 200 columns, and no figure the data states is ever
//! shown cut. The figures are worded by the model's own functions, as the screens word them; where a
//! screen shows one only in part, the part is followed by the ellipsis (`8300多/230..`), which is what
//! this test looks for, along with any digit or `**` right before an ellipsis.

use chrono::{Days, NaiveDate};
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::board::{Board, ItemBoard};
use huibao::model::figure::Figure;
use huibao::model::numbers::fmt_figure;
use huibao::model::wording::{ledger_short, ledger_text, main_value, of_target, progress_pct};
use huibao::model::{county::load_county, load};
use std::collections::HashSet;
use std::path::Path;

const SIZES: [(u16, u16); 5] = [(60, 24), (80, 24), (100, 30), (120, 40), (200, 50)];
const ELLIPSES: [&str; 2] = ["..", "…"];

/// Every wording of every figure of `board`, in both languages.
fn figures(board: &Board) -> Vec<String> {
    fn walk(f: &Figure, lang: Lang, out: &mut Vec<String>) {
        out.push(of_target(f, lang));
        out.push(fmt_figure(f, lang.en()));
        for p in &f.parts {
            walk(p, lang, out);
        }
    }
    let items: Vec<&ItemBoard> = board
        .lines
        .iter()
        .chain(board.indicators.iter())
        .flat_map(|l| l.items.iter())
        .collect();
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        for it in &items {
            out.push(main_value(it, lang, true));
            out.push(main_value(it, lang, false));
            out.extend(progress_pct(it));
            if let Some(l) = it.item.ledger() {
                out.push(ledger_short(l));
                out.push(ledger_text(l, lang));
            }
            for f in &it.item.figures {
                walk(f, lang, &mut out);
            }
        }
    }
    out
}

/// The beginnings of each figure that stop inside a number or its unit: what a cut figure would show
/// before the ellipsis (`8300多/230`, `23000万`). A beginning that ends a word of the wording
/// (`19个项目` of `19个项目 完成6000万元`) is a whole figure, and one whose last word holds no
/// digit (`完成`) shows none of the next.
fn cut_forms(figures: &[String]) -> HashSet<String> {
    let mut set = HashSet::new();
    for f in figures {
        for (i, next) in f.char_indices().skip(1) {
            let head = &f[..i];
            let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
            let inside = !next.is_whitespace() && !head.ends_with(char::is_whitespace);
            if inside && (word.contains(|c: char| c.is_ascii_digit()) || word.contains("**")) {
                set.insert(head.to_string());
            }
        }
    }
    set
}

/// The cut figures on a screen: a figure's beginning, or any digit or `*`, right before an ellipsis.
fn cuts(text: &str, forms: &HashSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for row in text.lines() {
        for ell in ELLIPSES {
            for (at, _) in row.match_indices(ell) {
                let before = &row[..at];
                let bare = before.ends_with(|c: char| c.is_ascii_digit() || c == '*');
                let starts: Vec<usize> = before.char_indices().map(|(i, _)| i).collect();
                let figure = starts.iter().any(|&i| forms.contains(&before[i..]));
                if bare || figure {
                    found.push(row.trim().to_string());
                }
            }
        }
    }
    found
}

/// Keys to every town screen: overview, each line, each line's items (up to 12), laggards, search,
/// help.
fn town_keys(board: &Board) -> Vec<String> {
    let mut keys = vec![
        String::new(),
        "w".into(),
        "?".into(),
        "/ 1".into(),
        "/ 万".into(),
    ];
    for (l, line) in board.lines.iter().enumerate().take(9) {
        let n = l + 1;
        keys.push(n.to_string());
        let mut k = format!("{n} Enter");
        for _ in 0..line.items.len().min(12) {
            keys.push(k.clone());
            k = k.replace(" Enter", " j Enter");
        }
    }
    keys
}

struct Sweep {
    screens: usize,
    cuts: Vec<String>,
}

impl Sweep {
    fn run(&mut self, name: &str, state: &State, keys: &[String], forms: &HashSet<String>) {
        for &size in &SIZES {
            for k in keys {
                let buf = render_buffer(state.clone(), size, k).unwrap();
                self.screens += 1;
                for c in cuts(&to_text(&buf), forms) {
                    self.cuts
                        .push(format!("{name} {}x{} '{k}': {c}", size.0, size.1));
                }
            }
        }
    }

    fn town(&mut self, name: &str, dir: &Path, today: Option<NaiveDate>) {
        let ds = load::load_dir(dir);
        let today = today.unwrap_or_else(|| ds.latest_date().unwrap() + Days::new(3));
        let state = State::new(ds, Lang::Zh, today);
        let forms = cut_forms(&figures(&state.board));
        assert!(!forms.is_empty(), "{name}: no figure to look for");
        let keys = town_keys(&state.board);
        self.run(name, &state, &keys, &forms);
        let mut slides = state.clone();
        slides.start_presenting(None);
        let keys: Vec<String> = (0..state.board.lines.len() + 3)
            .map(|n| vec!["Space"; n].join(" "))
            .collect();
        self.run(&format!("{name} slides"), &slides, &keys, &forms);
    }
}

#[test]
fn no_figure_is_ever_cut_on_any_screen_at_any_width() {
    let mut sweep = Sweep {
        screens: 0,
        cuts: Vec::new(),
    };
    sweep.town(
        "seed",
        Path::new("data"),
        NaiveDate::from_ymd_opt(2023, 7, 3),
    );
    sweep.town("history", Path::new("tests/fixtures/history"), None);
    let mut reports: Vec<_> = std::fs::read_dir("tests/fixtures/reports")
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path().join("data")))
        .filter(|p| p.is_dir())
        .collect();
    reports.sort();
    assert!(reports.len() >= 9, "the real-report fixtures");
    for dir in &reports {
        sweep.town(&dir.display().to_string(), dir, None);
    }

    let county = load_county(Path::new("tests/fixtures/county"));
    let mut all = Vec::new();
    for t in &county.towns {
        all.extend(figures(&t.board));
    }
    let forms = cut_forms(&all);
    let state = State::new_county(
        county,
        Lang::Zh,
        NaiveDate::from_ymd_opt(2024, 5, 6).unwrap(),
    );
    let keys: Vec<String> = [
        "",
        "s",
        "w",
        "/ 果 业",
        "?",
        "Enter",
        "w Enter",
        "j Enter 1",
    ]
    .map(String::from)
    .to_vec();
    sweep.run("county", &state, &keys, &forms);
    let mut slides = state.clone();
    slides.start_presenting(None);
    let keys: Vec<String> = (0..6).map(|n| vec!["Space"; n].join(" ")).collect();
    sweep.run("county slides", &slides, &keys, &forms);

    assert!(sweep.screens > 1000, "{} screens", sweep.screens);
    assert!(
        sweep.cuts.is_empty(),
        "{} cut figures on {} screens:\n{}",
        sweep.cuts.len(),
        sweep.screens,
        sweep.cuts[..sweep.cuts.len().min(30)].join("\n")
    );
}

#[test]
fn the_sweep_sees_a_cut_figure() {
    let forms = cut_forms(&["8300多/23000万元".to_string(), "**个".to_string()]);
    assert_eq!(cuts("│ 道路  8300多/230.. │", &forms).len(), 1);
    assert_eq!(cuts("隐患 8300多/23000万.. x", &forms).len(), 1);
    assert_eq!(cuts("同比增长1…", &forms).len(), 1);
    assert_eq!(cuts("隐患**..", &forms).len(), 1);
    assert!(cuts("示例白羽鸡养殖项目 .. 8300多/23000万元", &forms).is_empty());
    let forms = cut_forms(&["19个项目 完成6000万元".to_string()]);
    assert!(
        cuts("总投资的19个项目..", &forms).is_empty(),
        "a whole word"
    );
    assert!(
        cuts("19个项目 完成..", &forms).is_empty(),
        "none of the next"
    );
    assert_eq!(cuts("19个项目 完成6000万..", &forms).len(), 1);
}
