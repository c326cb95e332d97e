//! From the heading tree to work lines and groups: 一、 → lines, （一） → groups, 1. / paragraphs →
//! units; a summary heading (一、工作总结) holding （一）（二）… gives one line per （一）, and a next-step
//! heading (二、下步工作打算) gives one line of targets.

use super::outline::{units, Node, Unit};

/// A work line to draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePlan {
    /// The heading as written.
    pub title: String,
    /// A next-step section: its figures are targets.
    pub target: bool,
    /// Groups: a title and the units under it.
    pub groups: Vec<(String, Vec<Unit>)>,
}

const TARGET_WORDS: &[&str] = &[
    "下步",
    "下一步",
    "下半年",
    "打算",
    "计划",
    "思路",
    "明年",
    "工作安排",
    "部署",
];
const CONTAINER_WORDS: &[&str] = &[
    "总结",
    "开展情况",
    "工作情况",
    "主要工作",
    "主要做法",
    "成效",
    "回顾",
    "完成情况",
    "进展情况",
    "工作开展",
];

/// True for a next-step heading (下步工作部署, 下半年工作打算, 2024年重点工作). 重点工作 names the
/// plan only where the heading ends with it: 突出四项重点工作,努力打造“四个小雄” reviews them.
pub fn is_target(title: &str) -> bool {
    let key_work = ["重点工作", "重点工作任务"]
        .iter()
        .any(|w| title.trim_end_matches(['。', '：', ':']).ends_with(w));
    (key_work || TARGET_WORDS.iter().any(|w| title.contains(w)))
        && !["情况", "总结", "回顾", "成效"]
            .iter()
            .any(|w| title.contains(w))
}

fn is_container(title: &str) -> bool {
    CONTAINER_WORDS.iter().any(|w| title.contains(w))
}

/// Every unit under a node: its own paragraphs (cut at 一是 …), then its sub-headings', the first
/// unit of each sub-heading carrying that heading.
pub fn collect_units(node: &Node) -> Vec<Unit> {
    let mut out: Vec<Unit> = node.paras.iter().flat_map(|p| units(p)).collect();
    for kid in &node.kids {
        let mut sub = collect_units(kid);
        match sub.first_mut() {
            Some(u) if u.heading.is_none() => u.heading = Some(kid.title.clone()),
            Some(_) => {}
            None => sub.push(Unit {
                heading: Some(kid.title.clone()),
                body: String::new(),
            }),
        }
        out.extend(sub);
    }
    out
}

fn line_of(n: &Node, target: bool) -> LinePlan {
    let mut groups = Vec::new();
    if n.kids.is_empty() {
        groups.push((n.title.clone(), collect_units(n)));
    } else {
        if !n.paras.is_empty() {
            let own: Vec<Unit> = n.paras.iter().flat_map(|p| units(p)).collect();
            groups.push((n.title.clone(), own));
        }
        for k in &n.kids {
            groups.push((k.title.clone(), collect_units(k)));
        }
    }
    LinePlan {
        title: n.title.clone(),
        target,
        groups,
    }
}

/// The lines of a report, in order, and the paragraphs a summary heading holds before its parts
/// (its key indicators, often).
pub fn plan(root: &Node) -> (Vec<LinePlan>, Vec<String>) {
    let mut lines = Vec::new();
    let mut loose = Vec::new();
    for n in &root.kids {
        let target = is_target(&n.title);
        if !target && is_container(&n.title) && !n.kids.is_empty() {
            loose.extend(n.paras.iter().cloned());
            lines.extend(n.kids.iter().map(|k| line_of(k, is_target(&k.title))));
        } else {
            lines.push(line_of(n, target));
        }
    }
    (split_safety(lines), loose)
}

/// Safety has its own panel: a 安全生产 group inside another line becomes a line of its own, right
/// after it (三、狠抓安全生产工作 under 基础设施 → the safety line).
fn split_safety(lines: Vec<LinePlan>) -> Vec<LinePlan> {
    let mut out = Vec::new();
    for mut line in lines {
        let safety = |t: &str| {
            ["安全生产", "应急管理", "安全隐患"]
                .iter()
                .any(|w| t.contains(w))
        };
        if line.target || safety(&line.title) || line.groups.len() < 2 {
            out.push(line);
            continue;
        }
        let (moved, kept): (Vec<_>, Vec<_>) = line.groups.into_iter().partition(|g| safety(&g.0));
        line.groups = kept;
        out.push(line);
        out.extend(moved.into_iter().map(|g| LinePlan {
            title: g.0.clone(),
            target: false,
            groups: vec![g],
        }));
    }
    out
}

/// A line id and short name from the line's title (党建 → party), or None.
pub fn line_id(title: &str, target: bool) -> Option<(&'static str, &'static str)> {
    if target {
        return Some(("targets", "下步工作"));
    }
    const MAP: &[(&[&str], &str, &str)] = &[
        (&["主要指标"], "indicators", "主要指标"),
        (
            &[
                "党建",
                "党的建设",
                "思想政治",
                "从严治党",
                "党风廉政",
                "基层组织",
                "组织建设",
                "政治理论",
            ],
            "party",
            "党的建设",
        ),
        (
            &["基础设施", "城乡建设", "交通", "水利"],
            "infrastructure",
            "基础设施",
        ),
        (&["安全", "应急", "消防"], "safety", "安全生产"),
        (
            &["民生", "社会事业", "教育", "医疗", "社会保障"],
            "livelihood",
            "民生保障",
        ),
        (&["生态", "环保", "人居环境"], "ecology", "生态环保"),
        (&["治理", "综治", "平安", "信访"], "governance", "社会治理"),
        (
            &["经济", "产业", "招商", "增长", "振兴", "项目"],
            "economy",
            "经济发展",
        ),
    ];
    MAP.iter()
        .find(|(words, _, _)| words.iter().any(|w| title.contains(w)))
        .map(|(_, id, short)| (*id, *short))
}
