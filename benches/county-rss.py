#!/usr/bin/env python3
"""Steady resident size of a running dashboard: runs CMD in a pseudo-terminal (120x40), drains what it
draws, and after WAIT seconds (default 3: every county row in and the watch armed) prints VmRSS,
VmHWM, RssAnon and RssFile from /proc/PID/status, then quits it with `q`. ptybench.py's rss_kb is the
peak just after the first frame settles; this is what an idle dashboard keeps.

    python3 benches/county-rss.py [--runs N] [--wait S] -- CMD [ARGS...]
"""
import argparse, fcntl, os, pty, re, select, struct, termios, time

def once(cmd, wait):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    end = time.time() + wait
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    with open("/proc/%d/status" % pid) as f:
        status = f.read()
    kb = {k: int(re.search(k + r":\s+(\d+)", status).group(1))
          for k in ("VmRSS", "VmHWM", "RssAnon", "RssFile")}
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    return kb

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--wait", type=float, default=3.0)
    p.add_argument("cmd", nargs="+")
    a = p.parse_args()
    for _ in range(a.runs):
        print(" ".join("%s=%d" % kv for kv in once(a.cmd, a.wait).items()))

main()
