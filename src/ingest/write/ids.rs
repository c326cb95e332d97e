//! Keeping ids week to week for `--into`: a drafted line and its items take the ids they have in the
//! newest snapshot, so the dashboard shows a change instead of 新增 + 已移除.

use super::item_unit;
use crate::model::history::unit_ratio;
use crate::model::{Item, LineFile};
use std::collections::{HashMap, HashSet, VecDeque};

mod apart;
use apart::{may_move, told_apart};

/// An item that kept its id by a close label: the report said the same thing in other words.
#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    /// The line's short name (its title when it has none).
    pub line: String,
    /// The line's id: its file is `{id}.json` under the snapshot date.
    pub file: String,
    /// The id the item kept.
    pub id: String,
    /// Its label in the newest snapshot.
    pub was: String,
    /// Its label now.
    pub now: String,
}

/// What [`reuse_ids_noting`] did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Reused {
    /// Items that kept an id (same label and unit, or a close label).
    pub count: usize,
    /// Those of them kept by a close label, for the clerk to check.
    pub renamed: Vec<Renamed>,
}

/// For `--into`: gives drafted lines and items the ids they already have in the newest snapshot, so
/// history lines up week to week. Returns how many item ids were reused.
pub fn reuse_ids(existing: &[LineFile], drafted: &mut [LineFile]) -> usize {
    reuse_ids_noting(existing, drafted).count
}

/// [`reuse_ids`], naming the items kept by a close label. A line keeps the id of an existing line
/// with the same title, or of the line with its id (or that id with a suffix, `livelihood-2`) when
/// they share most items (a renamed heading or table title); a
/// line whose id another line holds gets a fresh one (a 台账's 民生实事 beside the report's 民生保障
/// never share a history). An item keeps the id of an item of that line with the same label and
/// unit; then of one with a close label ([`close`]) in a unit of the same thing (万元/亿元, 吨/万吨).
/// An old id no item kept is never given to another item. Ids stay unique.
pub fn reuse_ids_noting(existing: &[LineFile], drafted: &mut [LineFile]) -> Reused {
    let mut out = Reused::default();
    let mut taken_lines: HashSet<String> = HashSet::new();
    for line in drafted.iter_mut() {
        let old = match_line(existing, line, &taken_lines);
        taken_lines.insert(line.id.clone().into());
        if let Some(old) = old {
            match_items(old, line, &mut out);
        }
    }
    out
}

/// The existing line this drafted line continues, giving it that line's id; a fresh id when its
/// own id belongs to another line.
fn match_line<'a>(
    existing: &'a [LineFile],
    line: &mut LineFile,
    taken: &HashSet<String>,
) -> Option<&'a LineFile> {
    let free = |o: &&LineFile| !taken.contains(o.id.as_str());
    let by_title = existing.iter().filter(free).find(|o| o.title == line.title);
    // Else a line under this id, or one that got a suffix of it (livelihood-2), over the same items.
    let base = line.id.to_string();
    let kin = |id: &str| {
        id == base
            || id
                .strip_prefix(base.as_str())
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|n| n.parse::<u32>().is_ok())
    };
    let old = by_title.or_else(|| {
        existing
            .iter()
            .filter(free)
            .find(|o| kin(&o.id) && shares_most_items(o, line))
    });
    match old {
        Some(old) => {
            line.id.clone_from(&old.id);
            if line.short.is_none() {
                line.short.clone_from(&old.short);
            }
        }
        None if existing.iter().any(|o| o.id == line.id) || taken.contains(line.id.as_str()) => {
            let fresh = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|c| !taken.contains(c) && !existing.iter().any(|o| o.id == c.as_str()))
                .unwrap_or_default();
            line.id = fresh.into();
        }
        None => {}
    }
    old
}

/// Whether `new` is `old` under another title: at least half of the items of each (the larger) are
/// items of the other. One shared item is not enough: a 台账 drafted under a report line's id often
/// repeats one of its figures (农村改厕) and is still another line.
fn shares_most_items(old: &LineFile, new: &LineFile) -> bool {
    let shared = new
        .items()
        .filter(|b| {
            old.items()
                .any(|a| same_unit(a, b) && alike(&a.label, &b.label, MIN_CLOSE))
        })
        .count();
    shared > 0 && 2 * shared >= old.items().count().max(new.items().count())
}

/// Units of one thing: equal, or convertible (万元 and 亿元, 吨 and 万吨).
fn same_unit(a: &Item, b: &Item) -> bool {
    match (item_unit(a), item_unit(b)) {
        (Some(x), Some(y)) => unit_ratio(x, y).is_some(),
        (x, y) => x == y,
    }
}

/// How close two labels are (0–1): the Dice coefficient of their character pairs, punctuation
/// left out. 处置化解意识形态方面网络舆情信息 and 妥善处置网络舆情信息 are 0.5.
pub fn close(a: &str, b: &str) -> f64 {
    dice(&char_pairs(a), &char_pairs(b), a == b)
}

/// A label's character pairs, punctuation left out, sorted (for [`dice`]).
fn char_pairs(s: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut pairs: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs
}

/// The Dice coefficient of two sorted lists of pairs (`same`: the labels are equal, for labels too
/// short to have a pair).
fn dice(pa: &[(char, char)], pb: &[(char, char)], same: bool) -> f64 {
    if pa.is_empty() || pb.is_empty() {
        return if same { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < pa.len() && j < pb.len() {
        match pa[i].cmp(&pb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (pa.len() + pb.len()) as f64
}

/// Two labels name the same item said differently: at least `need` close ([`close`]), and not told
/// apart by a word put in another's place ([`told_apart`]).
fn alike(a: &str, b: &str, need: f64) -> bool {
    close(a, b) >= need && !told_apart(a, b)
}

/// Labels at least this close, in the same group, are the same item said differently.
const MIN_CLOSE: f64 = 0.5;
/// Labels at least this close are the same item even in another group.
const MIN_CLOSE_MOVED: f64 = 0.7;

type Place = (usize, usize);

/// Gives the drafted items of `line` the ids of the items of `old` they continue.
fn match_items(old: &LineFile, line: &mut LineFile, out: &mut Reused) {
    let olds: Vec<(&str, &Item)> = old
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(move |i| (g.title.as_str(), i)))
        .collect();
    let news: Vec<(Place, &str, &Item)> = line
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, gr)| {
            let t = gr.title.as_str();
            gr.items
                .iter()
                .enumerate()
                .map(move |(i, it)| ((g, i), t, it))
        })
        .collect();
    // (new place, old index, kept by a close label)
    let mut kept = same_labels(&olds, &news);
    // Sets, not scans of `kept`: a 台账 of a thousand rows is a million candidate pairs.
    let mut new_kept: HashSet<Place> = kept.iter().map(|x| x.0).collect();
    let mut old_kept: HashSet<usize> = kept.iter().map(|x| x.1).collect();
    let old_pairs: Vec<Vec<(char, char)>> =
        olds.iter().map(|(_, o)| char_pairs(&o.label)).collect();
    let mut pairs: Vec<(f64, Place, usize)> = Vec::new();
    for (place, gt, it) in news.iter().filter(|n| !new_kept.contains(&n.0)) {
        let new_pairs = char_pairs(&it.label);
        for (k, (ot, o)) in olds.iter().enumerate() {
            if old_kept.contains(&k) || !same_unit(it, o) || !may_move(ot, gt) {
                continue;
            }
            let score = dice(&new_pairs, &old_pairs[k], it.label == o.label);
            let need = if gt == ot { MIN_CLOSE } else { MIN_CLOSE_MOVED };
            if score >= need {
                pairs.push((score, *place, k));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let label = |(g, i): Place| line.groups[g].items[i].label.as_str();
    for (_, place, k) in pairs {
        let free = !new_kept.contains(&place) && !old_kept.contains(&k);
        if free && !told_apart(label(place), &olds[k].1.label) {
            new_kept.insert(place);
            old_kept.insert(k);
            kept.push((place, k, true));
        }
    }
    assign(olds.iter().map(|(_, o)| *o).collect(), line, &kept, out);
}

/// The drafted items with an old item's label and unit: first in a group of the same title, then in
/// any group (城区's 道路 keeps 城区's id even when 乡村's 道路 comes first or 城区 is gone).
fn same_labels(olds: &[(&str, &Item)], news: &[(Place, &str, &Item)]) -> Vec<(Place, usize, bool)> {
    let mut kept: Vec<(Place, usize, bool)> = Vec::new();
    for in_group in [true, false] {
        let mut by_key: HashMap<(&str, &str, Option<&str>), VecDeque<usize>> = HashMap::new();
        for (k, (g, it)) in olds.iter().enumerate() {
            if !kept.iter().any(|x| x.1 == k) {
                let g = if in_group { *g } else { "" };
                let key = (g, it.label.as_str(), item_unit(it));
                by_key.entry(key).or_default().push_back(k);
            }
        }
        for (place, g, it) in news {
            if kept.iter().any(|x| x.0 == *place) {
                continue;
            }
            let key = (
                if in_group { *g } else { "" },
                it.label.as_str(),
                item_unit(it),
            );
            let Some(queue) = by_key.get_mut(&key) else {
                continue;
            };
            if let Some(at) = queue.iter().position(|&k| may_move(olds[k].0, g)) {
                kept.extend(queue.remove(at).map(|k| (*place, k, false)));
            }
        }
    }
    kept
}

/// Writes the kept ids, and gives every other item whose drafted id an old item holds (kept or not:
/// an old id is never another item's) or another item now holds a fresh suffix.
fn assign(olds: Vec<&Item>, line: &mut LineFile, kept: &[(Place, usize, bool)], out: &mut Reused) {
    let title = match &line.short {
        Some(short) => short.to_string(),
        None => line.title.to_string(),
    };
    let mut used: HashSet<String> = olds.iter().map(|o| o.id.to_string()).collect();
    for &((g, i), k, by_close) in kept {
        let it = &mut line.groups[g].items[i];
        if by_close && olds[k].label != it.label {
            out.renamed.push(Renamed {
                line: title.clone(),
                file: line.id.to_string(),
                id: olds[k].id.to_string(),
                was: olds[k].label.to_string(),
                now: it.label.to_string(),
            });
        }
        it.id.clone_from(&olds[k].id);
        out.count += 1;
    }
    for (g, group) in line.groups.iter_mut().enumerate() {
        for (i, it) in group.items.iter_mut().enumerate() {
            if kept.iter().any(|x| x.0 == (g, i)) {
                continue;
            }
            if used.contains(it.id.as_str()) {
                let base = it.id.to_string();
                let fresh = (2..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|c| !used.contains(c))
                    .unwrap_or_default();
                it.id = fresh.into();
            }
            used.insert(it.id.to_string());
        }
    }
}

/// The items kept by a close label, for the clerk to check (empty when there are none), each with
/// the file it was written to (under `dir`, the snapshot folder) and the id it kept, and how to undo
/// a wrong one: `1 个条目措辞有变，按相近名称沿用原编号，请核对：` then
/// `  党的建设：“旧” → “新”（data/2023-07-07/party.json，编号 party.a）` per item.
pub fn renamed_note(renamed: &[Renamed], dir: &std::path::Path, en: bool) -> String {
    if renamed.is_empty() {
        return String::new();
    }
    let mut s = if en {
        format!(
            "{} items are worded differently and keep their ids by a close label; please check:\n",
            renamed.len()
        )
    } else {
        format!(
            "{} 个条目措辞有变，按相近名称沿用原编号，请核对：\n",
            renamed.len()
        )
    };
    for r in renamed {
        let path = dir.join(format!("{}.json", r.file));
        s += &if en {
            format!(
                "  {}: “{}” → “{}” ({}, id {})\n",
                r.line,
                r.was,
                r.now,
                path.display(),
                r.id
            )
        } else {
            format!(
                "  {}：“{}” → “{}”（{}，编号 {}）\n",
                r.line,
                r.was,
                r.now,
                path.display(),
                r.id
            )
        };
    }
    s += if en {
        "  Not the same item? Give it an id of its own in that file: it then shows as new, and the old one as removed.\n"
    } else {
        "  不是同一项的，在该文件里给它改一个没用过的编号：它即显示为新增，原来那项显示为已移除。\n"
    };
    s
}

#[cfg(test)]
mod tests;
