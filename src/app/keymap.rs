//! The one keymap: (screen, key) → action, with the descriptions that generate the help screen and hints.

use super::{Action, Route, State};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character key (without Ctrl/Alt).
    Ch(char),
    /// A named key.
    Code(KeyCode),
    /// Ctrl + a character.
    Ctrl(char),
    /// Any line key: 1–9, 0, then letters no other binding uses ([`LINE_KEYS`]).
    Digit,
}

/// What a binding does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    /// A fixed action.
    Act(Action),
    /// A line key opens its line.
    JumpToDigit,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every screen but the search box.
    Browse,
    /// The search box (typed characters go to the query).
    Search,
    /// Presenter mode.
    Present,
    /// The county overview and the county laggard list.
    County,
}

/// One entry of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// The keys.
    pub keys: &'static [Key],
    /// How the keys are written in help and hints.
    pub shown: &'static str,
    /// What it does.
    pub does: Does,
    /// Description, Chinese.
    pub zh: &'static str,
    /// Description, English.
    pub en: &'static str,
    /// Shown in the footer's key hints.
    pub hint: bool,
}

const fn b(
    scope: Scope,
    keys: &'static [Key],
    shown: &'static str,
    does: Does,
    zh: &'static str,
    en: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        shown,
        does,
        zh,
        en,
        hint,
    }
}

use Does::Act;
use Key::{Ch, Code, Ctrl};
use Scope::{Browse, County, Present, Search};

/// The keymap. Help and key hints are generated from it.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Browse, &[Ch('w')], "w", Act(Action::OpenLaggards), "滞后清单", "laggard list", true),
    b(Browse, &[Ch('f')], "f", Act(Action::OpenFilter), "筛选(领导/单位/灯)", "filter (leader/office/light)", true),
    b(Browse, &[Ch('[')], "[", Act(Action::PrevDate), "上一期快照", "previous snapshot date", true),
    b(Browse, &[Ch(']')], "]", Act(Action::NextDate), "下一期快照", "next snapshot date", true),
    b(Browse, &[Key::Digit], "1-9 0 a…", Does::JumpToDigit, "打开工作线", "open a work line", true),
    b(Browse, &[Code(KeyCode::Tab)], "Tab", Act(Action::NextLine), "下一条工作线", "next work line", false),
    b(Browse, &[Code(KeyCode::BackTab)], "Shift-Tab", Act(Action::PrevLine), "上一条工作线", "previous work line", false),
    b(Browse, &[Code(KeyCode::Up), Ch('k')], "↑/k", Act(Action::Up), "上移", "move up", false),
    b(Browse, &[Code(KeyCode::Down), Ch('j')], "↓/j", Act(Action::Down), "下移", "move down", true),
    b(Browse, &[Code(KeyCode::Left)], "←", Act(Action::Left), "左一张卡片", "card to the left", false),
    b(Browse, &[Code(KeyCode::Right)], "→", Act(Action::Right), "右一张卡片", "card to the right", false),
    b(Browse, &[Code(KeyCode::PageUp)], "PgUp", Act(Action::PageUp), "上翻一页", "page up", false),
    b(Browse, &[Code(KeyCode::PageDown)], "PgDn", Act(Action::PageDown), "下翻一页", "page down", false),
    b(Browse, &[Ch('g'), Code(KeyCode::Home)], "g", Act(Action::First), "第一项", "first row", false),
    b(Browse, &[Ch('G'), Code(KeyCode::End)], "G", Act(Action::Last), "最后一项", "last row", false),
    b(Browse, &[Code(KeyCode::Enter)], "Enter", Act(Action::Enter), "打开/下钻", "open / drill down", true),
    b(Browse, &[Code(KeyCode::Esc), Code(KeyCode::Backspace)], "Esc/Backspace", Act(Action::Back), "返回", "back", true),
    b(Browse, &[Ch('/')], "/", Act(Action::OpenSearch), "搜索", "search", true),
    b(Browse, &[Ch('r')], "r", Act(Action::Reload), "重新加载数据", "reload the data", false),
    b(Browse, &[Ch('?')], "?", Act(Action::OpenHelp), "帮助", "help", true),
    b(Browse, &[Ch('z')], "z", Act(Action::ToggleZoom), "放大当前窗格/还原", "zoom the focused pane / restore", false),
    b(Browse, &[Ctrl('z')], "Ctrl-Z", Act(Action::Suspend), "挂起到后台 (fg 恢复)", "suspend to the shell (fg resumes)", false),
    b(Browse, &[Ch('q'), Ctrl('c')], "q/Ctrl-C", Act(Action::Quit), "退出", "quit", true),
    b(County, &[Code(KeyCode::Up), Ch('k')], "↑/k", Act(Action::Up), "上移", "move up", false),
    b(County, &[Code(KeyCode::Down), Ch('j')], "↓/j", Act(Action::Down), "下移", "move down", true),
    b(County, &[Code(KeyCode::PageUp)], "PgUp", Act(Action::PageUp), "上翻一页", "page up", false),
    b(County, &[Code(KeyCode::PageDown)], "PgDn", Act(Action::PageDown), "下翻一页", "page down", false),
    b(County, &[Ch('g'), Code(KeyCode::Home)], "g", Act(Action::First), "第一行", "first row", false),
    b(County, &[Ch('G'), Code(KeyCode::End)], "G", Act(Action::Last), "最后一行", "last row", false),
    b(County, &[Code(KeyCode::Enter)], "Enter", Act(Action::Enter), "打开该镇/事项", "open the town / item", true),
    b(County, &[Code(KeyCode::Esc), Code(KeyCode::Backspace)], "Esc", Act(Action::Back), "返回", "back", true),
    b(County, &[Ch('s')], "s", Act(Action::CycleSort), "排序(红灯/陈旧/顺序)", "sort (red/staleness/order)", true),
    b(County, &[Ch('w')], "w", Act(Action::OpenLaggards), "全县滞后清单", "county laggard list", true),
    b(County, &[Ch('/')], "/", Act(Action::OpenSearch), "全县搜索", "search every town", true),
    b(County, &[Ch('r')], "r", Act(Action::Reload), "重新加载数据", "reload the data", false),
    b(County, &[Ch('?')], "?", Act(Action::OpenHelp), "帮助", "help", true),
    b(County, &[Ctrl('z')], "Ctrl-Z", Act(Action::Suspend), "挂起到后台 (fg 恢复)", "suspend to the shell (fg resumes)", false),
    b(County, &[Ch('q'), Ctrl('c')], "q/Ctrl-C", Act(Action::Quit), "退出", "quit", true),
    b(Present, &[Ch(' '), Code(KeyCode::PageDown), Code(KeyCode::Right), Ch('j')], "Space/PgDn/→", Act(Action::NextSlide), "下一页", "next slide", false),
    b(Present, &[Code(KeyCode::PageUp), Code(KeyCode::Left), Ch('k')], "PgUp/←", Act(Action::PrevSlide), "上一页", "previous slide", false),
    b(Present, &[Ch('p')], "p", Act(Action::TogglePause), "暂停/继续自动翻页", "pause / resume auto-advance", false),
    b(Present, &[Ch('z')], "z", Act(Action::ToggleZoom), "隐藏/显示标题栏", "hide / show the title bar", false),
    b(Present, &[Ch('?')], "?", Act(Action::OpenHelp), "帮助", "help", false),
    b(Present, &[Code(KeyCode::Esc)], "Esc", Act(Action::Back), "退出演示，回到看板", "leave the slides for the dashboard", false),
    b(Present, &[Ch('q'), Ctrl('c')], "q/Ctrl-C", Act(Action::Quit), "退出", "quit", false),
    b(Search, &[Code(KeyCode::Up)], "↑", Act(Action::Up), "上一个结果", "previous hit", false),
    b(Search, &[Code(KeyCode::Down)], "↓", Act(Action::Down), "下一个结果", "next hit", true),
    b(Search, &[Code(KeyCode::Enter)], "Enter", Act(Action::Enter), "打开结果", "open the hit", true),
    b(Search, &[Code(KeyCode::Backspace)], "Backspace", Act(Action::InputBackspace), "删除一字", "delete a character", true),
    b(Search, &[Code(KeyCode::Esc)], "Esc", Act(Action::Back), "关闭搜索", "close search", true),
    b(Search, &[Ctrl('c')], "Ctrl-C", Act(Action::Quit), "退出", "quit", false),
];

fn matches(k: Key, ev: &KeyEvent) -> Option<Option<char>> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match (k, ev.code) {
        (Ch(c), KeyCode::Char(e)) if !ctrl && c == e => Some(None),
        (Ctrl(c), KeyCode::Char(e)) if ctrl && c == e.to_ascii_lowercase() => Some(None),
        (Code(c), e) if !ctrl && c == e => Some(None),
        (Key::Digit, KeyCode::Char(d)) if !ctrl && LINE_KEYS.contains(d) => Some(Some(d)),
        _ => None,
    }
}

/// The order of the help screen's sections (the county's only with a county folder).
pub const HELP_ORDER: [Scope; 4] = [Scope::Browse, Scope::Search, Scope::County, Scope::Present];

/// The help screen's row where the keys of `scope` start (its title), in [`HELP_ORDER`]: each
/// section before it is a title, its keys and an empty row.
pub fn help_row(scope: Scope, county: bool) -> usize {
    HELP_ORDER
        .iter()
        .filter(|s| county || **s != Scope::County)
        .take_while(|s| **s != scope)
        .map(|s| BINDINGS.iter().filter(|b| b.scope == *s).count() + 2)
        .sum()
}

/// The keys that open lines, in agenda order: 1–9, 0, then the letters no other binding uses.
pub const LINE_KEYS: &str = "1234567890abcdehilmnostuvxyABCDEFHIJKLMNOPQRSTUVWXYZ";

/// The key that opens the line at position `l` (0-based), if it has one.
pub fn line_key(l: usize) -> Option<char> {
    LINE_KEYS.chars().nth(l)
}

/// The position of the line a line key opens.
pub fn line_index(key: char) -> Option<usize> {
    LINE_KEYS.chars().position(|k| k == key)
}

/// The scope of a screen.
pub fn scope_of(route: &Route) -> Scope {
    match route {
        Route::Search | Route::CountySearch => Scope::Search,
        Route::County | Route::CountyLaggards => Scope::County,
        _ => Scope::Browse,
    }
}

/// The scope the state is in: presenter mode (unless help is open), the search box, or browsing.
pub fn scope_of_state(state: &State) -> Scope {
    if state.present.is_some() && state.route() != Route::Help {
        Scope::Present
    } else {
        scope_of(&state.route())
    }
}

/// The action a key press means on the current screen, if any.
pub fn action_for(state: &State, ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let scope = scope_of_state(state);
    for bd in BINDINGS.iter().filter(|b| b.scope == scope) {
        for k in bd.keys {
            if let Some(digit) = matches(*k, ev) {
                return Some(match (bd.does, digit) {
                    (Does::Act(a), _) => a,
                    (Does::JumpToDigit, Some(d)) => Action::JumpLine(line_index(d)?),
                    (Does::JumpToDigit, None) => return None,
                });
            }
        }
    }
    match (scope, ev.code) {
        (Scope::Search, KeyCode::Char(c)) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Action::Input(c))
        }
        (_, KeyCode::Char(c)) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Action::Unbound(c))
        }
        _ => None,
    }
}

/// Parses a key name as written in `huibao render --keys` ("j", "Enter", "S-Tab", "C-c", "Space" …).
pub fn parse_key(name: &str) -> Option<KeyEvent> {
    let code = |c| Some(KeyEvent::new(c, KeyModifiers::NONE));
    match name {
        "Enter" | "Return" => code(KeyCode::Enter),
        "Esc" | "Escape" => code(KeyCode::Esc),
        "Tab" => code(KeyCode::Tab),
        "S-Tab" | "BackTab" | "Shift-Tab" => {
            Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT))
        }
        "Up" => code(KeyCode::Up),
        "Down" => code(KeyCode::Down),
        "Left" => code(KeyCode::Left),
        "Right" => code(KeyCode::Right),
        "PageUp" | "PgUp" => code(KeyCode::PageUp),
        "PageDown" | "PgDn" => code(KeyCode::PageDown),
        "Home" => code(KeyCode::Home),
        "End" => code(KeyCode::End),
        "Backspace" | "BS" => code(KeyCode::Backspace),
        "Space" => code(KeyCode::Char(' ')),
        s if s.starts_with("C-") && s.chars().count() == 3 => Some(KeyEvent::new(
            KeyCode::Char(s.chars().nth(2)?),
            KeyModifiers::CONTROL,
        )),
        s if s.chars().count() == 1 => code(KeyCode::Char(s.chars().next()?)),
        _ => None,
    }
}

/// Parses a space-separated key list; an unknown name is an error naming it.
pub fn parse_keys(list: &str) -> Result<Vec<KeyEvent>, String> {
    list.split_whitespace()
        .map(|k| parse_key(k).ok_or_else(|| format!("unknown key {k:?}")))
        .collect()
}

/// The bindings shown as hints on the current screen, as (keys, description): only keys that do
/// something there (no `Esc 返回` on a root screen, where there is nothing to go back to).
pub fn hints(state: &State) -> Vec<(&'static str, &'static str)> {
    let route = state.route();
    let scope = scope_of(&route);
    let can_go_back = state.stack.len() > 1 || scope != scope_of_state(state);
    // Help offers only the keys it answers.
    let on_help = route == Route::Help;
    let mut list: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.scope == scope && b.hint)
        .filter(|b| can_go_back || !matches!(b.does, Does::Act(Action::Back)))
        .filter(|b| !on_help || matches!(b.does, Does::Act(a) if a.works_on_help()))
        // A report of key indicators only has no work line to open.
        .filter(|b| !matches!(b.does, Does::JumpToDigit) || !state.board.lines.is_empty())
        .collect();
    // Help and quit come first, then the way back, so a narrow footer (80 columns over SSH) never
    // hides them.
    let first = |b: &&Binding| match b.does {
        Does::Act(Action::OpenHelp) | Does::Act(Action::Quit) => 0,
        Does::Act(Action::Back) => 1,
        _ => 2,
    };
    list.sort_by_key(first);
    let en = state.lang.en();
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for b in list {
        // `[` and `]` share one hint.
        match b.does {
            Does::Act(Action::NextDate) => continue,
            Does::Act(Action::PrevDate) => out.push((
                "[ ]",
                if en {
                    "older/newer data"
                } else {
                    "上/下一期"
                },
            )),
            _ => out.push((b.shown, if en { b.en } else { b.zh })),
        }
    }
    out
}
