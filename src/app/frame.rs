//! The dashboard's output: a buffer flushed once per frame, so a frame leaves in a single write.

use std::io::{self, Write};

/// Output that is flushed once per frame, by the loop, so a frame leaves in a single write.
pub struct FrameWriter {
    frame: Vec<u8>,
}

impl FrameWriter {
    /// A frame buffer in front of standard output.
    pub fn stdout() -> FrameWriter {
        FrameWriter {
            frame: Vec::with_capacity(1 << 16),
        }
    }

    /// Writes out the buffered frame.
    pub fn send(&mut self) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(&self.frame)?;
        self.frame.clear();
        out.flush()
    }

    /// Forgets the buffered frame (it is drawn again).
    pub fn discard(&mut self) {
        self.frame.clear();
    }
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }
    /// Deferred: the loop calls [`FrameWriter::send`] after the frame is complete.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
