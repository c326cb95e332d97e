//! What a percentage in a report is: the item's progress, a relative change, or a share.

use crate::model::format::RateKind;

/// What a percentage is: the item's progress (形象进度, 完成率, 占年计划) or a share.
pub(super) fn rate_kind(before: &str) -> RateKind {
    let progress = [
        "进度",
        "完成率",
        "完成了",
        "完成年",
        "完成全年",
        "占年",
        "占全年",
        "目标任务的",
    ];
    // 占上半年目标任务5500万元的, 完成市政府下达全年任务的: progress against a plan, as drafting reads it.
    let against_plan = crate::ingest::draft::of_the_plan(before).is_some();
    if against_plan || progress.iter().any(|w| before.contains(w)) {
        RateKind::Progress
    } else if ["缩短", "压缩", "减少", "降低", "提高", "提升", "节约"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        // 平均时限缩短40%: a relative change, not a share of anything.
        RateKind::Change
    } else {
        RateKind::Share
    }
}
