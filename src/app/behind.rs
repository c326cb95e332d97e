//! What starts behind the first frame: the key and hang-up readers, the signal forwarder, the
//! loading thread (the older history, then the watcher) and the poller's relay.

use super::loader::{Ev, Follow, Loader};
use super::State;
use crate::model::failed::Failed;
use crate::model::reload::Reloader;
use crate::watch::Fingerprint;
use crossterm::event;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Everything the first frame does not need, made ready before it and started once it is on
/// screen ([`Behind::start`]).
pub(super) struct Behind {
    reloader: Option<Reloader>,
    /// What did not load in the first frame's data, when that data is the whole folder.
    shown: Option<Vec<(String, Failed)>>,
    signals: super::signals::Caught,
    /// The folder to watch, with (a county folder) its fingerprint from before the first frame.
    watch: (Option<PathBuf>, Option<Fingerprint>),
    /// The poller's signals, and whether the folder changed since the fingerprint taken before
    /// the load.
    poll: Option<(mpsc::Receiver<()>, bool)>,
    tx: mpsc::Sender<Ev>,
}

impl Behind {
    /// Listens for signals from now on (SIGTERM or SIGHUP during the first frame must still restore
    /// the terminal; what they catch waits until [`Behind::start`]) and starts polling: a network
    /// share sends no events, so nothing else would catch a save made since `baseline`, the
    /// folder's fingerprint from before the load. `baseline` serves the poller, or (a county
    /// folder) the watcher once armed.
    pub(super) fn prepare(
        state: &State,
        follow: Follow,
        reloader: Option<Reloader>,
        baseline: Option<Fingerprint>,
        tx: mpsc::Sender<Ev>,
    ) -> io::Result<Behind> {
        let signals = super::signals::listen(&super::signals::listened())?;
        let (poll_base, watch_base) = match follow {
            Follow::Poll(..) => (baseline, None),
            _ => (None, baseline),
        };
        let poll = match &follow {
            Follow::Poll(dir, secs) => {
                let polled = crate::watch::poll(dir.clone(), Duration::from_secs((*secs).max(1)));
                let changed = poll_base.is_some_and(|b| crate::watch::fingerprint(dir) != b);
                Some((polled, changed))
            }
            _ => None,
        };
        let watch = match follow {
            Follow::Watch(dir) => Some(dir),
            _ => None,
        };
        Ok(Behind {
            reloader,
            shown: (!state.data.older_pending).then(|| state.data.failed.clone()),
            signals,
            watch: (watch, watch_base),
            poll,
            tx,
        })
    }

    /// Starts it all, once the first frame is on screen: the signals caught go to the loop, a
    /// county's rows load, keys are read, the loading thread starts and the poller's signals are
    /// passed to it.
    pub(super) fn start(self, loader: &mut Loader, state: &State) {
        let Behind {
            reloader,
            shown,
            signals,
            watch: (watch, watch_base),
            poll,
            tx,
        } = self;
        forward_signals(signals, &tx);
        loader.load_rows(state);
        spawn_keys(&tx);
        let changes = loader.start(reloader, shown, watch, watch_base);
        let Some((polled, changed)) = poll else {
            return;
        };
        if changed {
            loader.request();
        }
        std::thread::spawn(move || {
            while polled.recv().is_ok() {
                // To the loading thread, or (a county folder) to the loop.
                let sent = match &changes {
                    Some(c) => c.send(None).is_ok(),
                    None => tx.send(Ev::Reload).is_ok(),
                };
                if !sent {
                    return;
                }
            }
        });
    }
}

/// Sends the signals caught into the loop's channel, from a thread of its own.
fn forward_signals(signals: super::signals::Caught, tx: &mpsc::Sender<Ev>) {
    let sig_tx = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig_tx.send(Ev::Signal(sig)).is_err() {
                return;
            }
        }
    });
}

/// Sends terminal events into the loop's channel, and `Ev::Dead` when the terminal hangs up.
fn spawn_keys(tx: &mpsc::Sender<Ev>) {
    let keys = tx.clone();
    std::thread::spawn(move || loop {
        match event::read() {
            Ok(ev) => {
                if keys.send(Ev::Term(ev)).is_err() {
                    return;
                }
            }
            Err(_) => {
                let _ = keys.send(Ev::Dead);
                return;
            }
        }
    });
    // A watch on the terminal. crossterm 0.29 never reports a terminal that hung up: on a hung-up
    // tty `read` returns 0 (or EIO) at once, and crossterm's read loop retries it forever without
    // returning an error, so the reader thread above spins at 100% CPU and never sends `Ev::Dead`.
    // (Its `event::poll(timeout)` is no way out: the timeout is only looked at after that loop.)
    // `poll` reports the hang-up (POLLHUP) on the terminal's descriptors without waking before it.
    let keys_from_stdin = io::stdin().is_terminal();
    let tx = tx.clone();
    std::thread::spawn(move || {
        super::hangup::wait(keys_from_stdin);
        let _ = tx.send(Ev::Dead);
    });
}
