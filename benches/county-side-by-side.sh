#!/bin/sh
# The county beside the seed, as users see them: first frame, opening a town and peak RSS of the
# release binary in a pseudo-terminal, measured with ptybench.py (PTYBENCH, default
# /work/shared/tools/ptybench.py). Generates the 30-town × 5-year county once into COUNTY (default
# /tmp/huibao-county-30x5) with examples/gen_county.rs.
#
#   sh benches/county-side-by-side.sh
set -eu
cd "$(dirname "$0")/.."
PTYBENCH=${PTYBENCH:-/work/shared/tools/ptybench.py}
COUNTY=${COUNTY:-/tmp/huibao-county-30x5}
RUNS=${RUNS:-5}
cargo build --release --quiet
[ -f "$COUNTY/county.json" ] || cargo run --release --quiet --example gen_county -- "$COUNTY" 30 5
echo "files in the county: $(find "$COUNTY" -type f | wc -l)"
echo "bytes loaded for the first frame (town.json + two newest snapshots of every town):"
for t in "$COUNTY"/town*; do
  ls -d "$t"/20* | tail -2 | xargs -I{} find {} -type f
  echo "$t/town.json"
done | xargs cat | wc -c
echo "== seed (./data), first frame"
python3 "$PTYBENCH" --cols 120 --rows 40 --ready-text '总览' --runs "$RUNS" --quit q -- \
  ./target/release/huibao --data data --today 2023-07-03
echo "== county, first frame (every town's row, still loading)"
python3 "$PTYBENCH" --cols 120 --rows 40 --ready-text '全县总览' --runs "$RUNS" --quit q -- \
  ./target/release/huibao --data "$COUNTY" --today 2024-01-08
# The title counts the rows still loading ('(30个镇，12个加载中)') until the last is in: '个镇) ·'.
echo "== county, every row in"
python3 "$PTYBENCH" --cols 120 --rows 40 --ready-text '个镇) ·' --runs "$RUNS" --quit q -- \
  ./target/release/huibao --data "$COUNTY" --today 2024-01-08
echo "== county, open the first town (Enter), then back"
python3 "$PTYBENCH" --cols 120 --rows 40 --ready-text '个镇) ·' --keys Enter,Esc --runs "$RUNS" --quit q -- \
  ./target/release/huibao --data "$COUNTY" --today 2024-01-08
echo "== steady RSS (KB): the seed, then the county once its rows are in and its watch is armed"
python3 benches/county-rss.py --runs "$RUNS" -- ./target/release/huibao --data data --today 2023-07-03
python3 benches/county-rss.py --runs "$RUNS" -- ./target/release/huibao --data "$COUNTY" --today 2024-01-08
