use super::*;
use chrono::NaiveDate;

fn one(text: &str) -> Amount {
    let found = amounts(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

/// A figure as prose writes it: text, value, unit, qualifier, the words the figure covers.
type Prose = (
    &'static str,
    Value,
    &'static str,
    Option<Approx>,
    &'static str,
);

/// Figures as prose writes them.
fn prose_figures() -> Vec<Prose> {
    use Approx::*;
    let n = |v: f64| Value::Num(v);
    vec![
        ("召开党风廉政建设专题会议6次", n(6.0), "次", None, "6次"),
        ("成功引进总投资1.2亿元禾源", n(1.2), "亿元", None, "1.2亿元"),
        ("占地400多亩", n(400.0), "亩", Some(More), "400多亩"),
        ("年可烘干2万余吨粮食", n(2.0), "万吨", Some(Over), "2万余吨"),
        (
            "节约成本约40多万元",
            n(40.0),
            "万元",
            Some(More),
            "约40多万元",
        ),
        (
            "完成汤西河道改造约260米",
            n(260.0),
            "米",
            Some(About),
            "约260米",
        ),
        (
            "道路整修改造约1900平方米",
            n(1900.0),
            "平方米",
            Some(About),
            "约1900平方米",
        ),
        (
            "投资35.55万元为镇卫生院",
            n(35.55),
            "万元",
            None,
            "35.55万元",
        ),
        ("引进投资5000万的汤西", n(5000.0), "万元", None, "5000万"),
        ("各类培训班12期", n(12.0), "期", None, "12期"),
        // 个亿: money as it is spoken (4.9个亿 = 4.9亿元).
        ("完成固定资产投资4.9个亿", n(4.9), "亿元", None, "4.9个亿"),
        ("投资4.9个亿的项目", n(4.9), "亿元", None, "4.9个亿"),
        ("招引南北能源等3个亿元以上项目", n(3.0), "个", None, "3个"),
        ("家禽160万羽", n(160.0), "万羽", None, "160万羽"),
        (
            "累计完成加强针近10万剂次",
            n(10.0),
            "万剂次",
            Some(About),
            "近10万剂次",
        ),
        ("保科园2幢商务楼宇", n(2.0), "幢", None, "2幢"),
        ("辐射附近3个村", n(3.0), "个", None, "3个"),
        ("连续6轮全员核酸检测", n(6.0), "轮", None, "6轮"),
        ("食用菌53万袋", n(53.0), "万袋", None, "53万袋"),
        ("茶叶12486斤", n(12486.0), "斤", None, "12486斤"),
        ("销售甲鱼9.5万公斤", n(9.5), "万公斤", None, "9.5万公斤"),
        ("共运用教育处理干部42人次", n(42.0), "人次", None, "42人次"),
        ("培训干部**人次", Value::Withheld, "人次", None, "**人次"),
        (
            "节省村级零工开支**多万元",
            Value::Withheld,
            "万元",
            Some(More),
            "**多万元",
        ),
        (
            "全面建成后年可出栏**万只鸡",
            Value::Withheld,
            "万只",
            None,
            "**万只",
        ),
        ("开展培训三个", n(3.0), "个", None, "三个"),
        ("举办培训班十二期", n(12.0), "期", None, "十二期"),
        ("流转两千亩土地", n(2000.0), "亩", None, "两千亩"),
        ("千亩百合园项目", n(1000.0), "亩", None, "千亩"),
        ("实现1,069户安置", n(1069.0), "户", None, "1,069户"),
        ("覆盖率达到１００％", n(100.0), "%", None, "１００％"),
        ("完成率百分之九十五", n(95.0), "%", None, "百分之九十五"),
        ("带动30余人就业", n(30.0), "人", Some(Over), "30余人"),
        (
            "建成10余万元的站点",
            n(10.0),
            "万元",
            Some(Over),
            "10余万元",
        ),
        (
            "投入500万元左右",
            n(500.0),
            "万元",
            Some(About),
            "500万元左右",
        ),
    ]
}

#[test]
fn figures_as_prose_writes_them() {
    let table = prose_figures();
    for (text, value, unit, approx, words) in &table {
        let a = one(text);
        assert_eq!(a.value, *value, "{text}");
        assert_eq!(a.unit, *unit, "{text}");
        assert_eq!(a.approx, *approx, "{text}");
        assert_eq!(&text[a.start..a.end], *words, "{text}");
    }
}

#[test]
fn bounds_ranges_and_growth() {
    type Row = (&'static str, Option<Bound>, Option<f64>, Option<Growth>);
    let table: &[Row] = &[
        ("各村至少1个", Some(Bound::AtLeast), None, None),
        ("新增300亩以上", Some(Bound::AtLeast), None, None),
        ("参训不少于200人次", Some(Bound::AtLeast), None, None),
        ("合格率不低于95%", Some(Bound::AtLeast), None, None),
        ("超过50家", Some(Bound::MoreThan), None, None),
        ("惠及群众超2万人次", Some(Bound::MoreThan), None, None),
        ("控制在5公里以内", Some(Bound::AtMost), None, None),
        ("每村3—5个", None, Some(5.0), None),
        (
            "同比增长10.6%",
            None,
            None,
            Some(Growth {
                basis: Basis::YearOnYear,
                down: false,
            }),
        ),
        (
            "同比下降3.2%",
            None,
            None,
            Some(Growth {
                basis: Basis::YearOnYear,
                down: true,
            }),
        ),
        (
            "环比增加300万元",
            None,
            None,
            Some(Growth {
                basis: Basis::PeriodOnPeriod,
                down: false,
            }),
        ),
        (
            "提高2个百分点",
            None,
            None,
            Some(Growth {
                basis: Basis::Unstated,
                down: false,
            }),
        ),
        ("增加300万元", None, None, None),
    ];
    for (text, bound, upper, growth) in table {
        let a = one(text);
        assert_eq!(a.bound, *bound, "{text}");
        assert_eq!(a.upper, *upper, "{text}");
        assert_eq!(a.growth, *growth, "{text}");
    }
    assert_eq!(one("提高2个百分点").unit, "个百分点");
    assert!(one("同比增长10.6%").is_rate());
}

#[test]
fn what_is_not_a_figure() {
    for text in [
        "7月底前项目将建成投产",
        "为全镇60岁以上老人",
        "二十届一中全会精神",
        "第一种形态",
        "实现“一对一、全覆盖”",
        "整治一户、销号一户",
        "率先实施“1+6+N”工作机制",
        "依托***镇党建综合阵地",
        "**、**苑等",
        "**镇实际",
        "走进千家万户",
        "针对多合一和九小场所",
        "确保2023完成",
        "三线整治",
        "围绕省委“三个年”活动",
        "1-5月",
        "商贸物流区二期工程",
        // A session of a congress or a committee, not a count of meetings.
        "县委九届六次全委(扩大)会议精神",
        // How the work was split.
        "由镇主要领导带队,分两批到南疆考察",
        // Numerals in a quoted slogan.
        "按照年初既定的“实施四大战略、打造四个小雄,努力实现富裕”的目标",
        // A count in words that announces a list.
        "经济高质量发展呈现五个持续:经济运行持续向好、市场活力持续提升",
        // A rank, in arabic numerals as in Chinese ones.
        "综合实力排名前移至全国第13位",
    ] {
        assert_eq!(amounts(text), vec![], "{text}");
    }
}

#[test]
fn several_figures_in_one_clause_keep_their_order() {
    let text = "成立志愿服务队**支，志愿者**人，累计时长**小时，节省村级零工开支**多万元。";
    let units: Vec<String> = amounts(text).into_iter().map(|a| a.unit).collect();
    assert_eq!(units, ["支", "人", "小时", "万元"]);
}

#[test]
fn firmness_words() {
    assert_eq!(firmness("力争引进投资可达5000万元"), Some(Firmness::Strive));
    assert_eq!(firmness("确保2023完成地方级税收任务"), Some(Firmness::Must));
    assert_eq!(firmness("预计可带动29个村"), Some(Firmness::Expected));
    assert_eq!(firmness("争取年底前完成"), Some(Firmness::Strive));
    assert_eq!(firmness("完成汤西河道改造"), None);
    assert_eq!(
        firmness_word("争取年底前完成"),
        Some((Firmness::Strive, "争取"))
    );
}

#[test]
fn deadlines_in_words() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    let table: &[(&str, NaiveDate, &str)] = &[
        ("计划7月中旬项目开工建设", d(2023, 7, 20), "7月中旬"),
        ("6月底前完成", d(2023, 6, 30), "6月底前"),
        ("7月底前项目将建成投产", d(2023, 7, 31), "7月底前"),
        ("12月底前投产运营", d(2023, 12, 31), "12月底前"),
        ("争取年底前完成呼雷汤项目", d(2023, 12, 31), "年底前"),
        ("2024年12月完工", d(2024, 12, 31), "2024年12月"),
        ("下半年完成", d(2023, 12, 31), "下半年"),
        ("三季度末前完成", d(2023, 9, 30), "三季度末前"),
        ("前三季度", d(2023, 9, 30), "前三季度"),
        ("今年上半年工作", d(2023, 6, 30), "今年上半年"),
        ("2023年度工作总结", d(2023, 12, 31), "2023年度"),
        ("确保2023完成", d(2023, 12, 31), "2023"),
        ("9月上旬", d(2023, 9, 10), "9月上旬"),
        ("8月下旬", d(2023, 8, 31), "8月下旬"),
        ("10月15日前", d(2023, 10, 15), "10月15日前"),
        ("七月底前", d(2023, 7, 31), "七月底前"),
        ("明年6月", d(2024, 6, 30), "明年6月"),
        ("2月底", d(2023, 2, 28), "2月底"),
    ];
    for (text, date, words) in table {
        let found = deadline(text, 2023).unwrap_or_else(|| panic!("no deadline in {text}"));
        assert_eq!(found.date, *date, "{text}");
        assert_eq!(found.words, *words, "{text}");
        assert_eq!(&text[found.start..found.end], *words, "{text}");
    }
    for text in ["今年以来", "二十届一中全会", "60岁以上", "13月底"] {
        assert_eq!(deadline(text, 2023), None, "{text}");
    }
}
