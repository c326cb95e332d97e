#!/usr/bin/env sh
# Regenerates every screenshot with `huibao render` at 120x40, "today" fixed, colours kept in SVG.
# Usage: sh screenshots/generate.sh   (from the repository root)
set -eu
cargo build --release --quiet
bin=target/release/huibao
out=screenshots
# 16 colours (the default over SSH) unless a shot says otherwise, so the pictures do not depend on the
# TERM/COLORTERM of whoever runs the script; rendered with xterm's default palette.
seed="--data data --today 2023-07-03 --color 16"
hist="--data tests/fixtures/history --today 2024-05-10 --color 16"
shot() { # name "data args" keys [extra args...]
  name=$1; args=$2; keys=$3; shift 3
  # shellcheck disable=SC2086
  "$bin" $args render "$@" --size 120x40 --keys "$keys" --format svg -o "$out/$name.svg"
  # shellcheck disable=SC2086
  "$bin" $args render "$@" --size 120x40 --keys "$keys" --format text -o "$out/$name.txt"
}
shot overview "$seed" ""
shot line-economy "$seed" "2"
shot item-heyuan "$seed" "2 Enter"
shot laggards "$seed" "w"
shot history-overview "$hist" ""
shot history-line-changes "$hist" "1"
shot history-item-trend "$hist" "1 Enter"
shot history-laggards "$hist" "w"
shot slide-line "$seed" "Space Space" --present
shot slide-laggards "$hist" "Space Space Space Space Space Space" --present 30
shot theme-light "$hist" "2" --theme light
shot slide-light "$hist" "Space Space" --theme light --present
shot theme-mono "$hist" "2" --theme mono
shot theme-dark-256 "$hist" "2" --color 256
# A real public report (洲泉镇, tests/fixtures/reports/zhouquan-2024): key indicators, growth, a rate.
real="--data tests/fixtures/reports/zhouquan-2024/data --today 2025-01-03 --color 16"
shot real-overview "$real" ""
shot real-line "$real" "1"
"$bin" $seed summary -o "$out/summary-seed.md"
"$bin" $hist summary -o "$out/summary-history.md"
echo "screenshots written to $out/"
