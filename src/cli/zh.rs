//! The command line in Chinese, the default interface language: every command's and option's help,
//! the headings, and clap's error messages (`--lang en` keeps clap's English).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The about line of each command (`""` is `huibao` itself).
const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "汇报 huibao：乡镇每周调度会用的终端看板（不带命令即打开看板）",
    ),
    (
        "validate",
        "检查全部数据文件，逐条列出问题（文件:行:列: 字段: 说明）",
    ),
    (
        "schema",
        "输出工作线数据文件的 JSON Schema（加 --town 输出 town.json 的）",
    ),
    (
        "summary",
        "生成会议纪要用的简报：主要数字、较上期变化、滞后清单及责任人、14 天内到期事项、未公开数字",
    ),
    (
        "extract",
        "从书面汇报（.docx，或 UTF-8 / GBK / UTF-16 的 .txt、.md）起草数据文件夹",
    ),
    (
        "new",
        "以最新一期为底稿新建下一期快照：工作线、事项和 id 不变，数字标为待更新",
    ),
    (
        "render",
        "不用终端，画出看板的任一画面（文本、ANSI、SVG 或 HTML）",
    ),
    (
        "import",
        "把台账（.xlsx、.xls、.ods、.csv）导入为一期快照：-o 新建数据文件夹，--into 加入已有的",
    ),
];

/// The help of each option and argument: (command, argument id, short help, long help or `""`).
/// Options of `huibao` itself (command `""`) hold for every command.
const ARGS: &[(&str, &str, &str, &str)] = &[
    ("", "data", "数据文件夹：放 town.json 和各日期快照文件夹；默认 ./data，或含 town.json 的当前文件夹；都没有时显示程序内置的示例汇报", ""),
    ("", "today", "指定“今天”（YYYY-MM-DD），一切与日期有关的计算都按它", ""),
    ("", "at", "打开这一日期（YYYY-MM-DD）的快照，而不是最新一期", ""),
    ("", "poll", "每隔若干秒查看一次数据文件夹，代替文件事件（网络共享盘用）", ""),
    ("", "present", "投影汇报模式：按议程逐页放映；给出秒数则自动翻页", ""),
    (
        "",
        "color",
        "颜色：auto、16、256、truecolor 或 never",
        "颜色：auto（按 NO_COLOR、TERM、COLORTERM 自动选择）、16（16 种基本色，SSH 下最稳妥）、256、truecolor（24 位真彩色）或 never（不用颜色）",
    ),
    (
        "",
        "theme",
        "主题：auto、dark、light 或 mono",
        "主题：auto（询问终端背景色后选深色或浅色，终端不答则用深色）、dark（深底浅字）、light（浅底深字，适合发白的投影仪）或 mono（无颜色，只用反显、粗体和下划线，适合打印）",
    ),
    (
        "",
        "borders",
        "边框：auto、unicode 或 ascii",
        "边框：auto（终端把 ● 画成两列宽时自动改用 ascii）、unicode（─ │ ┌ 和方块数字）或 ascii（+ - | 和 # 数字，用于 PuTTY“把 CJK 模糊宽度字符视为宽字符”、xterm -cjk_width、VTE“宽”设置）",
    ),
    ("", "lang", "界面语言：zh（中文）或 en（English）", ""),
    ("validate", "paths", "要检查的文件或文件夹（默认为数据文件夹）", ""),
    ("schema", "town", "改为输出 town.json 的 Schema", ""),
    ("summary", "format", "输出格式：markdown（会议纪要用）", ""),
    ("summary", "output", "写入这个文件，而不是标准输出", ""),
    ("summary", "owner", "只列责任领导（或其工作线的分管领导）为此人的事项", ""),
    ("summary", "unit", "只列责任单位（或其工作线的牵头单位）为此单位的事项", ""),
    ("extract", "report", "汇报文件", ""),
    ("extract", "output", "在这里新建数据文件夹", ""),
    ("extract", "into", "把汇报作为新的一期加入这个已有的数据文件夹，沿用事项 id", ""),
    ("extract", "as_of", "截至日期（YYYY-MM-DD），不按汇报里“上半年”“前三季度”等字样推定时用", ""),
    ("extract", "force", "替换本汇报已有的工作线文件（该日期的其他工作线不动）", ""),
    ("new", "date", "新快照的日期（YYYY-MM-DD，默认今天）", ""),
    ("new", "force", "该日期已有快照时替换它", ""),
    ("render", "size", "画面大小：列x行，如 120x40", ""),
    ("render", "keys", "先按下的键，以空格分隔（如 \"2 j j Enter\"）", ""),
    ("render", "format", "输出格式：text（字符）、ansi（终端转义序列）、svg 或 html", ""),
    ("render", "output", "写入这个文件，而不是标准输出", ""),
    ("import", "table", "台账：.xlsx、.xls、.ods 或 .csv（UTF-8 或 GBK）", ""),
    ("import", "output", "在这里新建数据文件夹：town.json 和一期快照", ""),
    ("import", "into", "把这期快照加入这个数据文件夹；名称和单位相同的事项沿用原 id，历史逐周对得上", ""),
    ("import", "as_of", "快照日期（YYYY-MM-DD）；默认取表题中的“截至”日期，没有则为今天", ""),
    (
        "import",
        "map",
        "另有名称的列：列名=字段，如 包保领导=leader",
        "另有名称的列：列名=字段，如 包保领导=leader。字段：seq task leader office deadline target plan progress rate problems next investment annual annual-done spent category status note other（也可写已知列名，如 责任领导）",
    ),
    ("import", "town", "镇名，表题里没有写明时用（如 青山镇）", ""),
    ("import", "sheets", "只导入这个工作表（可重复给出）；默认导入每个有表头的工作表", ""),
    ("import", "force", "替换本台账已有的工作线文件（该日期的其他工作线不动；用 --into 时 town.json 也不动）", ""),
];

/// Placeholders of values, in Chinese.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("DIR", "文件夹"),
    ("DATA", "数据文件夹"),
    ("FILE", "文件"),
    ("NAME", "名称"),
    ("SECONDS", "秒数"),
    ("TABLE", "台账"),
    ("COLOR", "颜色"),
    ("THEME", "主题"),
    ("BORDERS", "边框"),
    ("LANG", "语言"),
    ("FORMAT", "格式"),
    ("SIZE", "大小"),
    ("KEYS", "按键"),
    ("REPORT", "汇报"),
    ("PATHS", "路径"),
    ("DATE", "日期"),
    ("YYYY-MM-DD", "YYYY-MM-DD"),
];

/// What clap writes before the usage line.
const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// `cmd` (huibao's command line, not yet built) with Chinese help.
pub(super) fn localize(cmd: Command) -> Command {
    let mut cmd = chinese(cmd, "")
        .disable_version_flag(true)
        .arg(flag("version", 'V', ArgAction::Version, "显示版本"))
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            chinese(sub, &name)
        });
    cmd.build();
    // In huibao's own help its options are simply its options.
    cmd.mut_args(|a| {
        if a.is_global_set() {
            a.help_heading("选项")
        } else {
            a
        }
    })
    .mut_subcommand("help", |h| {
        h.about("显示本帮助，或某个命令的帮助（如 huibao help import）")
            .help_template(TEMPLATE)
    })
}

/// A flag of clap's own (`-h`, `-V`) with its help in Chinese.
fn flag(long: &'static str, short: char, action: ArgAction, help: &'static str) -> Arg {
    Arg::new(long)
        .short(short)
        .long(long)
        .action(action)
        .help(help)
        .help_heading("选项")
}

/// One command's about, headings, options and help flag in Chinese (`name` is `""` for huibao).
fn chinese(cmd: Command, name: &str) -> Command {
    let about = ABOUT.iter().find(|(c, _)| *c == name).map(|(_, a)| *a);
    let cmd = match about {
        Some(a) => cmd.about(a),
        None => cmd,
    };
    cmd.help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|a| arg(a, name))
        .disable_help_flag(true)
        .arg(flag(
            "help",
            'h',
            ArgAction::Help,
            "显示帮助（-h 为摘要，--help 为详细说明）",
        ))
}

/// One option or argument of command `name` in Chinese: its help, heading and placeholder.
fn arg(a: Arg, name: &str) -> Arg {
    let id = a.get_id().as_str().to_string();
    let found = ARGS
        .iter()
        .find(|(c, i, _, _)| (*c == name || c.is_empty()) && *i == id);
    let heading = if a.is_positional() {
        "参数"
    } else if a.is_global_set() {
        // Options of huibao itself, which every command takes: under their own heading, so that a
        // command's own options stand together.
        "通用选项"
    } else {
        "选项"
    };
    let mut a = a.help_heading(heading);
    if let Some((_, _, short, long)) = found {
        // clap's [default: …] and [env: …] are English: said in the help instead.
        let said = said_by_clap(&a);
        a = a.help(format!("{short}{said}"));
        if a.get_action().takes_values() {
            a = a.hide_default_value(true).hide_env(true);
        }
        a = if long.is_empty() {
            a.long_help(None::<&str>)
        } else {
            a.long_help(format!("{long}{said}"))
        };
        if a.get_action().takes_values() && a.get_value_parser().possible_values().is_some() {
            // The values are named in the help above, each with its meaning in Chinese.
            a = a.hide_possible_values(true);
        }
    }
    let names: Option<Vec<clap::builder::Str>> = a.get_value_names().map(|v| {
        v.iter()
            .map(|n| {
                VALUE_NAMES
                    .iter()
                    .find(|(en, _)| *en == n.as_str())
                    .map_or_else(|| n.clone(), |(_, zh)| (*zh).into())
            })
            .collect()
    });
    match names {
        Some(v) => a.value_names(v),
        None => a,
    }
}

/// What clap would add to an option's help in English — its default value, its environment
/// variable — in Chinese (`（默认 auto）`).
fn said_by_clap(a: &Arg) -> String {
    let mut said = String::new();
    let default: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if a.get_action().takes_values() && !default.is_empty() && !a.is_hide_default_value_set() {
        said += &format!("（默认 {}）", default.join("、"));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        said += &format!("（也可用环境变量 {} 指定）", env.to_string_lossy());
    }
    said
}

/// Ends the process for a command line clap refused: help and version as clap prints them, every
/// other error in Chinese with the usage, exit code 2.
pub(super) fn exit(e: clap::Error) -> ! {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match render(&e, &args) {
        Some(text) => {
            eprintln!("{text}");
            std::process::exit(2);
        }
        None => e.exit(),
    }
}

/// The Chinese text of a refused command line (what is wrong, the usage, where help is); `None`
/// for help and version, and for an error this does not word (clap's own is printed).
fn render(e: &clap::Error, args: &[std::ffi::OsString]) -> Option<String> {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let what = message(e)?;
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => s
            .to_string()
            .trim()
            .trim_start_matches("Usage:")
            .trim()
            .to_string(),
        _ => String::new(),
    };
    // The command the usage is of (`huibao import …`), or the command line names (a value's error
    // has no usage), whose help says more.
    let known = |w: &&str| ABOUT.iter().any(|(c, _)| !c.is_empty() && c == w);
    let named = super::argv::command(args).and_then(|i| args[i].to_str());
    let command = (usage.split_whitespace().nth(1).filter(known))
        .or(named.filter(known))
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    let usage = if usage.is_empty() {
        usage
    } else {
        format!("\n\n用法：{usage}")
    };
    Some(format!(
        "错误：{what}{usage}\n\n查看帮助：huibao{command} --help"
    ))
}

/// A context value as text: one string, or several joined with `、`.
fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What went wrong, in Chinese; `None` for an error this does not word (clap's own is printed).
fn message(e: &clap::Error) -> Option<String> {
    let arg = || text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || text(e, ContextKind::InvalidValue).unwrap_or_default();
    let hint = |kind| {
        text(e, kind)
            .map(|s| format!("（是不是 {s}？）"))
            .unwrap_or_default()
    };
    Some(match e.kind() {
        ErrorKind::UnknownArgument => {
            format!("不认识的选项 {}{}", arg(), hint(ContextKind::SuggestedArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "没有 {} 这个命令{}",
            text(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            hint(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::InvalidValue => {
            let valid = text(e, ContextKind::ValidValue)
                .filter(|v| !v.is_empty())
                .map(|v| format!("；可取：{v}"))
                .unwrap_or_default();
            if value().is_empty() {
                format!("{} 需要一个值{valid}", arg())
            } else {
                format!("{} 不能取 {}{valid}", arg(), value())
            }
        }
        ErrorKind::ValueValidation => match std::error::Error::source(e) {
            // A number (seconds): std's own words are English.
            Some(why) if why.is::<std::num::ParseIntError>() => {
                format!("{} 应为整数，收到 {}", arg(), value())
            }
            // The value parsers of this command line say what is wrong, in the interface language.
            Some(why) => format!("{}：{why}", arg()),
            None => format!("{} 的值 {} 不对", arg(), value()),
        },
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{}", arg()),
        ErrorKind::ArgumentConflict => match text(e, ContextKind::PriorArg) {
            // clap's "cannot be used multiple times".
            Some(prior) if prior == arg() => format!("{prior} 只能给一次"),
            prior => format!("{} 不能与 {} 同时使用", arg(), prior.unwrap_or_default()),
        },
        ErrorKind::NoEquals => format!("{0} 须写成 {0}=值", arg()),
        ErrorKind::TooManyValues => format!("{} 给了多余的值 {}", arg(), value()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{} 的值个数不对", arg())
        }
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::InvalidUtf8 => "命令行里有不是 UTF-8 的字节".to_string(),
        _ => return None,
    })
}

#[cfg(test)]
#[path = "zh_tests.rs"]
mod tests;
