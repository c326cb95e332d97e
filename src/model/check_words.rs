//! The data checks' messages in Chinese: each sentence as the checks (`checks.rs`, `across.rs`,
//! `county_checks.rs`, the ledgers of `validate.rs`, the format version, `county.json`) word it in
//! English, and the Chinese the office reads. Their parts (units, labels, numbers, folders) are
//! quoted from the data and carried over unchanged.

/// (the message as the checks word it, in English; in Chinese). `{}` marks a part carried over as
/// written; `{list}` a list of names, joined with `, ` in English and `、` in Chinese.
#[rustfmt::skip]
pub(super) const CHECKS: &[(&str, &str)] = &[
    // checks.rs: units, bounds, ranges, growth, firmness, rates, per, thresholds.
    ("the unit “{}” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it", "单位“{}”里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）"),
    ("the unit is empty: only a growth reported without its base figure (such as “investment up 20.1%”) may go without a unit", "单位为空：只有未报基数的增长（如“固定资产投资同比增长20.1%”）可以不写单位"),
    ("the bound “{}” is put on a withheld “**”: bounds go only with figures the report states", "“{}”加在未公开的“**”上：界限词只能用于报告写明的数"),
    ("there is a bound “{}” but no {}", "有界限词“{}”却没有 {}"),
    ("a range (3 to 5) takes no bound: remove either bound or the range's upper end", "范围（3—5个）不再加界限词：去掉 bound 或范围上限之一"),
    ("the range's upper end {} is below its lower end {}", "范围上限 {} 小于下限 {}"),
    ("the range has an upper end but no lower end", "范围只有上限，没有下限"),
    ("the growth has neither a value nor a target", "增长既没有数值（value）也没有目标（target）"),
    ("“百分点” is a change of a rate, and this figure's unit is “{}”: it should be %", "“百分点”是比率的变化，这个数的单位是“{}”：应为 %"),
    ("“{}” speaks of a target, and this figure has no target: a figure already reached takes “预计” or nothing", "“{}”说的是目标，这个数没有 target：已完成的数用“预计”或不加"),
    ("rate is only for figures in %, and the unit here is “{}”", "rate 只用于单位为 % 的数，这里的单位是“{}”"),
    ("a share of {}% is over 100%: is it a completion rate (rate: progress)?", "占比 {}% 超过 100%：是完成率（rate: progress）吗？"),
    ("per is empty: write the report's own words (per head, each village, a month)", "per 为空：写报告的原话（人均、各村、每月）"),
    ("the threshold has none of the report's words (such as “over 100 million yuan”)", "门槛没有原话（如“亿元以上”）"),
    ("the threshold's upper end {} is below its lower end {}", "门槛上限 {} 小于下限 {}"),
    // checks.rs: parts, periods, projects, units since last week, key indicators.
    ("the part {} is larger than the whole {}", "其中的部分 {} 大于整体 {}"),
    ("the parts add up to {}, not to the whole {} (parts_cover says the parts together are the whole)", "各部分相加为 {}，与整体 {} 不符（parts_cover 表示各部分合起来就是整体）"),
    ("the period ends on {}, before it starts on {}", "时段结束 {} 早于开始 {}"),
    ("the period has none of the report's words (such as “this year”, “the second half”)", "时段没有原话（如“本年度”“下半年”）"),
    ("the number of projects should be a whole number from 1 up, not {}", "项目个数应为正整数，这里是 {}"),
    ("an investment is in “万元” or “亿元”, not in “{}”", "投资的单位应为万元或亿元，这里是“{}”"),
    ("the year's investment completion rate is in %, not in “{}”", "年度投资完成率的单位应为 %，这里是“{}”"),
    ("the investment done so far, {}, is more than the total investment {}", "累计完成投资 {} 超过总投资 {}"),
    ("the unit “{}” differs from the previous snapshot's ({}) “{}”: a slip, or was what is counted changed?", "单位“{}”与上期（{}）的“{}”不同：是笔误，还是口径变了？"),
    ("a second key-indicator file ({}): only the first ({}) is shown; merge them into one indicators file", "第二个主要指标文件（{}）：只显示第一个（{}），请合并为一个 indicators 文件"),
    ("the key indicators ({}) are listed in the lines of town.json: key indicators are not a work line; remove them from lines", "主要指标（{}）列在 town.json 的 lines 里：主要指标不是工作线，请从 lines 中去掉"),
    // validate.rs: ledgers.
    ("open {} is below 0: a ledger's open count cannot be negative", "未整改数 {} 小于 0：台账的未整改数不能为负"),
    ("closed on {}, before it was found on {}", "销号日期 {} 早于发现日期 {}"),
    ("rectified {} exceeds found {}: no more can be rectified than were found", "已整改 {} 多于发现 {}：整改数不能超过发现数"),
    ("open {} is not found {} − rectified {} = {}", "未整改 {} 不等于发现 {} − 已整改 {} = {}"),
    // encoding.rs, county.rs: the format version, county.json.
    ("huibao does not know data format version {} (it reads versions 1 to {}): please upgrade huibao", "数据格式版本 {} 本程序不认识（可读版本 1 至 {}）：请升级 huibao"),
    ("cannot read the county file: {}", "无法读取县文件：{}"),
    ("towns is empty: list the towns' folder names in order", "towns 为空：请按顺序列出各镇的文件夹名"),
    // county.rs: why a town's row shows no figures.
    ("the folder does not exist", "文件夹不存在"),
    ("no snapshot on or before {}", "{} 及以前没有快照"),
    ("no snapshot (folders named like 2023-06-30 belong here)", "没有快照（应有形如 2023-06-30 的文件夹）"),
    // county_checks.rs.
    ("the listed town “{}” has no folder {}", "列出的镇“{}”没有对应的文件夹 {}"),
    ("the town “{}” has no snapshot: {} should hold folders named like 2023-06-30", "镇“{}”没有任何快照：{} 下应有形如 2023-06-30 的文件夹"),
    ("a town name twice: town {} “{}” ({}) has the name of town {} “{}” ({}); the ranking and search cannot tell them apart", "镇名重复：第{}个镇“{}”（{}）与第{}个镇“{}”（{}）同名，排名和搜索无法区分"),
    ("the work lines of “{}” differ from those of “{}”: missing {list}; extra {list} (towns are compared line by line as their data stand)", "镇“{}”的工作线与“{}”不同：缺少 {list}；多出 {list}（各镇按工作线比较时以实际数据为准）"),
    ("the work lines of “{}” differ from those of “{}”: missing {list} (towns are compared line by line as their data stand)", "镇“{}”的工作线与“{}”不同：缺少 {list}（各镇按工作线比较时以实际数据为准）"),
    ("the work lines of “{}” differ from those of “{}”; extra {list} (towns are compared line by line as their data stand)", "镇“{}”的工作线与“{}”不同；多出 {list}（各镇按工作线比较时以实际数据为准）"),
    ("the folder “{}” is not listed in towns and is not shown; if it is a town, add “{}” to towns", "文件夹“{}”未列入 towns，未显示；如是一个镇，请把“{}”加入 towns"),
];

/// A check's message in Chinese, when `msg` is one of [`CHECKS`]; None otherwise.
pub(super) fn chinese(msg: &str) -> Option<String> {
    CHECKS.iter().find_map(|(en, zh)| {
        let parts = fill(msg, &en.replace("{list}", "{}"))?;
        let mut out = String::new();
        let mut rest = *zh;
        for part in parts {
            let at = rest.find('{')?;
            let list = rest[at..].starts_with("{list}");
            out.push_str(&rest[..at]);
            if list {
                out.push_str(&part.split(", ").collect::<Vec<_>>().join("、"));
            } else {
                out.push_str(part);
            }
            rest = &rest[at + if list { 6 } else { 2 }..];
        }
        out.push_str(rest);
        Some(out)
    })
}

/// The parts of `msg` where `pattern` has `{}` or `{t}`, when the rest matches literally.
pub(super) fn fill<'m>(msg: &'m str, pattern: &str) -> Option<Vec<&'m str>> {
    let pattern = pattern.replace("{t}", "{}");
    let literals: Vec<&str> = pattern.split("{}").collect();
    let mut rest = msg.strip_prefix(literals[0])?;
    let mut parts = Vec::new();
    for (k, lit) in literals.iter().enumerate().skip(1) {
        let last = k == literals.len() - 1;
        let end = if last {
            if !rest.ends_with(lit) || rest.len() < lit.len() {
                return None;
            }
            rest.len() - lit.len()
        } else if lit.is_empty() {
            return None;
        } else {
            rest.find(lit)?
        };
        parts.push(&rest[..end]);
        rest = &rest[end + lit.len()..];
    }
    (parts.len() + 1 == literals.len() && (literals.len() > 1 || rest.is_empty())).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_has_as_many_parts_in_chinese_as_in_english() {
        let count = |s: &str| s.matches("{}").count() + s.matches("{list}").count();
        for (en, zh) in CHECKS {
            assert_eq!(count(en), count(zh), "{en}");
            assert!(!en.starts_with("{}"), "a pattern starts with words: {en}");
            // A longer quote would be cut short in the message (`diag::shorten_quoted`).
            for quoted in en.split('“').skip(1).filter_map(|q| q.split('”').next()) {
                assert!(
                    quoted.chars().count() <= crate::model::diag::KEY_SHOWN,
                    "{en}"
                );
            }
        }
    }

    #[test]
    fn lists_are_joined_the_chinese_way_and_parts_kept_as_written() {
        assert_eq!(
            chinese("the work lines of “西河镇” differ from those of “东山镇”: missing targets, party; extra x (towns are compared line by line as their data stand)").as_deref(),
            Some("镇“西河镇”的工作线与“东山镇”不同：缺少 targets、party；多出 x（各镇按工作线比较时以实际数据为准）")
        );
        assert_eq!(
            chinese("the unit “`a`, null” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it").as_deref(),
            Some("单位“`a`, null”里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）")
        );
        assert_eq!(chinese("something else"), None);
    }
}
