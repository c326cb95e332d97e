#!/usr/bin/env sh
# Regenerates every screenshot with `huibao render` at 120x40 on the bundled data, "today" fixed.
# Usage: sh screenshots/generate.sh   (from the repository root)
set -eu
cargo build --release --quiet
bin=target/release/huibao
out=screenshots
shot() { # name keys [extra args...]
  name=$1; keys=$2; shift 2
  "$bin" --data data --today 2023-07-03 "$@" render --size 120x40 --keys "$keys" --format svg -o "$out/$name.svg"
  "$bin" --data data --today 2023-07-03 "$@" render --size 120x40 --keys "$keys" --format text -o "$out/$name.txt"
}
shot overview ""
shot line-economy "2"
shot item-heyuan "2 Enter"
shot laggards "w"
if [ -d tests/fixtures/history ]; then
  "$bin" --data tests/fixtures/history --today 2024-05-10 render --size 120x40 --keys "w" --format svg -o "$out/laggards-history.svg"
  "$bin" --data tests/fixtures/history --today 2024-05-10 render --size 120x40 --keys "w" --format text -o "$out/laggards-history.txt"
fi
echo "screenshots written to $out/"
