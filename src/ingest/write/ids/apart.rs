//! Whether two labels, or two group titles, name different things though they read alike.

/// Whether two labels differ where it names which item it is: a short word or name (up to four
/// characters) in the place of another (张庄村/李庄村, 一季度/二季度, 新建/改建, 已整改/未整改,
/// 小麦/玉米, 禾源/新希望养殖场, 青山/柳林湾村) or any digit or Latin letter
/// added or changed (1号楼/11号楼, A区/B区), or a stage or measure of the work added or dropped
/// ([`STAGES`]: 农村改厕/农村改厕验收). Rewording adds or drops words (培训党员 → 培训党员干部) or
/// says a long phrase otherwise; it does not swap the word that tells two items apart.
pub(super) fn told_apart(a: &str, b: &str) -> bool {
    let coded = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    };
    if coded(a) != coded(b) {
        // A number or letter one has and the other has not (the common case, found cheaply).
        return true;
    }
    let a: Vec<char> = a.chars().filter(|c| c.is_alphanumeric()).collect();
    let b: Vec<char> = b.chars().filter(|c| c.is_alphanumeric()).collect();
    // Longest common subsequence, from the end, then walked from the start: the stretches between
    // matched characters are what one label has and the other has not.
    let w = b.len() + 1;
    let mut lcs = vec![0usize; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut gap_a, mut gap_b) = (Vec::new(), Vec::new());
    loop {
        let matched = i < a.len() && j < b.len() && a[i] == b[j];
        if matched || i == a.len() && j == b.len() {
            let swapped =
                !gap_a.is_empty() && !gap_b.is_empty() && gap_a.len() <= 4 && gap_b.len() <= 4;
            let coded = gap_a
                .iter()
                .chain(&gap_b)
                .any(|c: &char| c.is_ascii_alphanumeric());
            let staged = [&gap_a, &gap_b].iter().any(|g| {
                let g: String = g.iter().collect();
                STAGES.iter().any(|w| g.contains(w))
            });
            if swapped || coded || staged {
                return true;
            }
            if !matched {
                return false;
            }
            gap_a.clear();
            gap_b.clear();
            i += 1;
            j += 1;
        } else if j == b.len() || i < a.len() && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
            gap_a.push(a[i]);
            i += 1;
        } else {
            gap_b.push(b[j]);
            j += 1;
        }
    }
}

/// Words that make a count of the work another count: its stage (改厕 and 改厕验收 are two figures of
/// one work), its plan, its share.
const STAGES: &[&str] = &[
    "验收", "开工", "完工", "竣工", "招标", "签约", "立项", "审批", "整改", "排查", "计划", "目标",
    "任务", "到位", "投产", "同比", "占比",
];

/// Whether an item may keep its id across from group `old` to group `new`: not when the groups are
/// two of a kind told apart by a number or a name — 一季度/三季度, 2023年/2024年, 张庄村/王庄村 —
/// whose items carry the same labels (完成投资, 改厕) and are still other items. A heading reworded
/// (抓好夏粮收购 → 做好夏粮收购) or an item moved under another heading keeps its id.
pub(super) fn may_move(old: &str, new: &str) -> bool {
    if old == new {
        return true;
    }
    let numerals = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十百两".contains(*c))
            .collect()
    };
    let (na, nb) = (numerals(old), numerals(new));
    if !na.is_empty() && !nb.is_empty() && na != nb {
        return false;
    }
    const PLACES: [&str; 6] = ["村", "社区", "小区", "片区", "组", "标段"];
    !PLACES.iter().any(|p| old.ends_with(p) && new.ends_with(p))
}
