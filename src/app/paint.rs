//! Drawing a frame onto the terminal: one synchronized update sent in a single write. The first
//! frame is drawn while the terminal's answers to the start-up questions travel (see
//! [`super::probe::Pending`]), and drawn again only when they change the look.

use super::probe::{Heard, Pending};
use super::State;
use crossterm::{queue, terminal};
use ratatui::Terminal;
use std::io;

/// The start-up questions in flight, and whether `--theme auto` asked for the background.
pub struct Questions {
    /// The questions sent.
    pub pending: Pending,
    /// The theme follows the answer.
    pub theme: bool,
}

/// Draws `state` and sends the frame. With `questions` (the first frame), the frame is kept back
/// until the answers are in; when they change the look it is thrown away and drawn again. Returns
/// what the terminal sent meanwhile (the answers and any keys typed ahead).
pub fn frame(
    term: &mut Terminal<super::tty::Tty>,
    state: &mut State,
    questions: Option<Questions>,
) -> io::Result<Option<Heard>> {
    draw(term, state)?;
    let heard = questions.map(|q| {
        let heard = q.pending.collect();
        (
            super::probe::apply(&mut state.look, q.theme, heard.answers),
            heard,
        )
    });
    if let Some((true, _)) = heard {
        relook(term, state)?;
        draw(term, state)?;
    }
    term.backend_mut().writer_mut().send()?;
    Ok(heard.map(|(_, h)| h))
}

/// Forgets the frame being made and the last one, for a look that changed (`state.look`): the next
/// draw repaints every cell in it.
pub fn relook(term: &mut Terminal<super::tty::Tty>, state: &State) -> io::Result<()> {
    term.backend_mut().writer_mut().discard();
    term.backend_mut().set_narrow(state.look.ascii);
    full_redraw(term)
}

fn draw(term: &mut Terminal<super::tty::Tty>, state: &State) -> io::Result<()> {
    queue!(term.backend_mut(), terminal::BeginSynchronizedUpdate)?;
    term.draw(|f| super::tty::draw_frame(f, state))?;
    queue!(term.backend_mut(), terminal::EndSynchronizedUpdate)
}

/// Clears the screen and forgets the last frame, so the next draw repaints every cell. (Not
/// `Terminal::clear`: it asks the terminal for the cursor position, and the reply would be taken by the
/// event thread.)
pub fn full_redraw(term: &mut Terminal<super::tty::Tty>) -> io::Result<()> {
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}
