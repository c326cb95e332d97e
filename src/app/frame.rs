//! The dashboard's output: a buffer flushed once per frame, so a frame leaves in a single write.

use std::io::{self, BufWriter, Stdout, Write};

/// Output that is flushed once per frame, by the loop, so a frame leaves in a single write.
pub struct FrameWriter {
    inner: BufWriter<Stdout>,
}

impl FrameWriter {
    /// A frame buffer in front of standard output.
    pub fn stdout() -> FrameWriter {
        FrameWriter {
            inner: BufWriter::with_capacity(1 << 16, io::stdout()),
        }
    }

    /// Writes out the buffered frame.
    pub fn send(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    /// Deferred: the loop calls [`FrameWriter::send`] after the frame is complete.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
