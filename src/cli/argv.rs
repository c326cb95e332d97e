//! The command line's words before clap reads them: which word is the command, and `--lang` after
//! the `help` command (which clap's `help` would refuse).

use std::ffi::OsString;

/// Options of huibao itself that take a value as the next word.
const VALUED: &[&str] = &[
    "--data",
    "--today",
    "--at",
    "--poll",
    "--color",
    "--theme",
    "--borders",
    "--lang",
];

/// Where the command is in `args` (the program's name first): the first word after huibao's own
/// options and their values; `None` without one.
pub(super) fn command(args: &[OsString]) -> Option<usize> {
    let mut i = 1;
    while let Some(a) = args.get(i).and_then(|a| a.to_str()) {
        if VALUED.contains(&a) {
            i += 2;
        } else if a.starts_with('-') {
            i += 1;
        } else {
            return Some(i);
        }
    }
    None
}

/// The command line as clap should read it: after the `help` command, `--lang en` (which chose
/// the help's language before clap runs) is left out, since clap's `help` takes command names only.
pub(super) fn for_clap(args: Vec<OsString>) -> Vec<OsString> {
    let Some(i) = command(&args).filter(|&i| args[i] == "help") else {
        return args;
    };
    let mut out = Vec::with_capacity(args.len());
    let mut words = args.into_iter().enumerate();
    while let Some((at, a)) = words.next() {
        match a.to_str() {
            Some("--lang") if at > i => {
                words.next();
            }
            Some(l) if at > i && l.starts_with("--lang=") => {}
            _ => out.push(a),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::error::ErrorKind;
    use clap::CommandFactory;

    #[test]
    fn help_of_a_command_takes_lang_after_it() {
        let os = |v: &[&str]| -> Vec<std::ffi::OsString> { v.iter().map(Into::into).collect() };
        // clap's `help` takes command names only: 'unrecognized subcommand --lang' once.
        for args in [
            &["huibao", "help", "import", "--lang", "en"][..],
            &["huibao", "--data", "d", "help", "--lang=en", "import"],
        ] {
            let args = for_clap(os(args));
            let e = Cli::command()
                .try_get_matches_from(&args)
                .expect_err("help ends parsing");
            assert_eq!(e.kind(), ErrorKind::DisplayHelp, "{args:?}");
        }
        // Elsewhere --lang stays for clap: a folder named help is no help.
        let args = os(&["huibao", "validate", "help", "--lang", "en"]);
        assert_eq!(for_clap(args.clone()), args);
    }

    /// The list of huibao's own options that take the next word as their value is clap's: an
    /// option added to the command line without it here would shift which word is the command.
    #[test]
    fn the_valued_options_are_claps() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut from_clap: Vec<String> = cmd
            .get_arguments()
            .filter(|a| a.is_global_set() && a.get_action().takes_values())
            // --present [SECONDS] takes a value only when one follows: not the next word for sure.
            .filter(|a| a.get_num_args().is_some_and(|n| n.min_values() >= 1))
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .collect();
        from_clap.sort();
        let mut here: Vec<String> = VALUED.iter().map(|s| s.to_string()).collect();
        here.sort();
        assert_eq!(here, from_clap);
    }
}
