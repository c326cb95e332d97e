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
        "占上半年",
        "占半年",
        "目标任务",
        "全年任务",
        "年度任务",
        "全年计划",
        "年度计划",
        "全年目标",
        "年度目标",
    ];
    if progress.iter().any(|w| before.contains(w)) {
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
