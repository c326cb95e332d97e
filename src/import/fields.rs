//! What a 台账 column can hold, and the Chinese names (and variants) offices give each column.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 序号.
    Seq,
    /// 重点工作 / 工作任务 / 项目名称: the item's label.
    Task,
    /// 责任领导 / 分管领导 / 包抓领导.
    Leader,
    /// 责任单位 / 责任科室 / 牵头单位.
    Office,
    /// 完成时限 / 时间节点.
    Deadline,
    /// 目标任务 / 年度目标.
    Target,
    /// 进展情况 / 完成情况 / 形象进度.
    Progress,
    /// 完成率.
    Rate,
    /// 工作任务安排 / 本季度工作任务安排: the period's plan of a key task.
    Plan,
    /// 存在问题.
    Problems,
    /// 下步计划.
    Next,
    /// 计划投资 / 总投资.
    Investment,
    /// 年度计划投资.
    AnnualPlan,
    /// 年度完成投资 (1-6月完成投资).
    AnnualDone,
    /// 累计完成投资.
    Spent,
    /// 类别: one work line per category.
    Category,
    /// 状态 / 是否完成.
    Status,
    /// 备注.
    Note,
    /// Anything else: kept in the item's source sentence only.
    Other,
}

/// Every field with its `--map` name and the column names it is known by (the first is its own).
const NAMES: &[(Field, &str, &[&str])] = &[
    (Field::Seq, "seq", &["序号", "编号", "序"]),
    (
        Field::Task,
        "task",
        &[
            "重点工作",
            "工作任务",
            "项目名称",
            "重点任务",
            "工作内容",
            "任务名称",
            "督办事项",
            "督查事项",
            "工作事项",
            "重点事项",
            "项目",
            "民生实事",
            "实事项目",
            "事项",
        ],
    ),
    (
        Field::Leader,
        "leader",
        &[
            "责任领导",
            "分管领导",
            "包抓领导",
            "牵头领导",
            "包联领导",
            "包保领导",
            "联系领导",
        ],
    ),
    (
        Field::Office,
        "office",
        &[
            "责任单位",
            "责任科室",
            "牵头单位",
            "责任部门",
            "牵头科室",
            "承办单位",
            "牵头部门",
            "责任站所",
            "主办单位",
        ],
    ),
    (
        Field::Deadline,
        "deadline",
        &[
            "完成时限",
            "时间节点",
            "完成时间",
            "办结时限",
            "截止时间",
            "时限要求",
            "完成期限",
        ],
    ),
    (
        Field::Target,
        "target",
        &[
            "目标任务",
            "年度目标",
            "工作目标",
            "目标要求",
            "年度目标任务",
            "攻坚目标任务",
            "目标",
        ],
    ),
    (
        Field::Progress,
        "progress",
        &[
            "进展情况",
            "完成情况",
            "形象进度",
            "推进情况",
            "工作进展",
            "目前进展",
            "进度情况",
            "本季度完成情况",
            "落实情况",
            "办理情况",
            "完成进度",
        ],
    ),
    (
        Field::Rate,
        "rate",
        &["完成率", "完成比例", "年度投资完成率", "投资完成率"],
    ),
    (
        Field::Plan,
        "plan",
        &[
            "工作任务安排",
            "本季度工作任务安排",
            "工作安排",
            "本期工作安排",
            "工作措施",
            "推进措施",
        ],
    ),
    (
        Field::Problems,
        "problems",
        &[
            "存在问题",
            "存在的问题",
            "困难问题",
            "问题及困难",
            "存在困难",
        ],
    ),
    (
        Field::Next,
        "next",
        &[
            "下步计划",
            "下一步计划",
            "下步工作计划",
            "下一步工作",
            "下步打算",
            "下步措施",
            "下一步措施",
        ],
    ),
    (
        Field::Investment,
        "investment",
        &[
            "计划投资",
            "总投资",
            "计划总投资",
            "项目总投资",
            "投资总额",
            "投资",
        ],
    ),
    (
        Field::AnnualPlan,
        "annual",
        &["年度计划投资", "年度计划", "年度投资计划", "本年计划投资"],
    ),
    (
        Field::AnnualDone,
        "annual-done",
        &["年度完成投资", "本年完成投资", "年度已完成投资"],
    ),
    (
        Field::Spent,
        "spent",
        &["累计完成投资", "已完成投资", "完成投资", "累计投资"],
    ),
    (
        Field::Category,
        "category",
        &["类别", "类型", "分类", "工作类别", "板块", "项目类别"],
    ),
    (
        Field::Status,
        "status",
        &["状态", "是否完成", "办结情况", "完成状态"],
    ),
    (Field::Note, "note", &["备注"]),
    (Field::Other, "other", &[]),
];

impl Field {
    /// The field a `--map` value names: `leader`, or a known column name such as 责任领导.
    pub fn parse(name: &str) -> Option<Field> {
        let n = name.trim();
        NAMES
            .iter()
            .find(|(_, key, names)| *key == n || names.contains(&n))
            .map(|(f, _, _)| *f)
    }

    /// The field's own Chinese column name (责任领导 for every leader column).
    pub fn zh(self) -> &'static str {
        NAMES
            .iter()
            .find(|(f, _, _)| *f == self)
            .and_then(|(_, _, names)| names.first().copied())
            .unwrap_or("其他")
    }

    /// The names `--map` accepts, for help and messages.
    pub fn keys() -> Vec<&'static str> {
        NAMES.iter().map(|(_, k, _)| *k).collect()
    }

    /// The field a column name stands for, if it is a known name or variant.
    pub fn of_name(name: &str) -> Option<Field> {
        if let Some((f, _, _)) = NAMES.iter().find(|(_, _, names)| names.contains(&name)) {
            return Some(*f);
        }
        // Names that carry a period or a prefix: 1-6月完成投资, 2024年度计划投资, 投资完成率.
        let rules: &[(&str, Field)] = &[
            ("完成率", Field::Rate),
            ("月完成投资", Field::AnnualDone),
            ("年度完成投资", Field::AnnualDone),
            ("累计完成投资", Field::Spent),
            ("年度计划投资", Field::AnnualPlan),
            // 2024年计划投资, 今年计划投资: the year's plan, not the project's whole investment.
            ("年计划投资", Field::AnnualPlan),
            ("年完成投资", Field::AnnualDone),
            ("总投资", Field::Investment),
            ("形象进度", Field::Progress),
            ("完成情况", Field::Progress),
            ("进展情况", Field::Progress),
            ("存在问题", Field::Problems),
            ("下步", Field::Next),
            ("下一步", Field::Next),
            ("责任领导", Field::Leader),
            ("责任单位", Field::Office),
            ("完成时限", Field::Deadline),
        ];
        rules
            .iter()
            .find(|(part, _)| name.contains(part))
            .map(|(_, f)| *f)
    }
}
