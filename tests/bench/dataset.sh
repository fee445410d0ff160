#!/usr/bin/env bash
# The dataset benchmark: an England-sized year of the local authority's extracts, computed by
# Assure and by a pandas reference of the same computation, with both sets of figures compared
# and the times and peak memory printed; then the same files imported through `assure import`
# into a fresh SQLite database. Figures, not pass/fail (README.md in this folder).
#
#   tests/bench/dataset.sh [CHILDREN=110000] [EPISODES=250000] [MISSING=1000000] [CIN=400000]
#   ROUNDS=5 (the environment): Assure's runs; pandas runs in the first and the last.
set -euo pipefail
cd "$(dirname "$0")/../.."
children=${1:-110000}
episodes=${2:-250000}
missing=${3:-1000000}
cin=${4:-400000}
population=11800000  # children aged 0-17 in England, near enough, for the rate

py=/usr/bin/python3  # Debian's, with Debian's pandas
need=()
$py -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
[ -x /usr/bin/time ] || need+=(time)
if ((${#need[@]})); then
  echo "Installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
nice -n 19 cmake --build build --target dataset_bench assure >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Generating $children looked-after children, about $episodes episodes, $missing missing episodes, a census of $cin children"
$py tests/bench/dataset_generate.py "$work" "$children" "$episodes" "$missing" "$cin"
wc -lc "$work"/*.csv "$work"/cin.xml | sed 's/^/  /'

echo
# Each side run ROUNDS times, alternated, as this machine's speed drifts from minute to minute;
# the medians and their ratio are the figures. The last run's figures are compared.
rounds=${ROUNDS:-5}
assure_walls=()
pandas_walls=()
for ((round = 1; round <= rounds; round++)); do
    /usr/bin/time -f "%e %M" -o "$work/assure.time" build/tests/dataset_bench "$work" "$population" >"$work/assure.txt" 2>"$work/assure.err"
    read -r wall rss <"$work/assure.time"
    assure_walls+=("$wall")
    echo "  round $round: assure wall $wall s, peak memory $rss kB"
    sed 's/^/    /' "$work/assure.err"
    if ((round == 1 || round == rounds)); then
        /usr/bin/time -f "%e %M" -o "$work/pandas.time" $py tests/bench/dataset_reference.py "$work" "$population" >"$work/pandas.txt" 2>"$work/pandas.err"
        read -r wall rss <"$work/pandas.time"
        pandas_walls+=("$wall")
        echo "  round $round: pandas wall $wall s, peak memory $rss kB"
        sed 's/^/    /' "$work/pandas.err"
    fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
assure_median=$(median "${assure_walls[@]}")
pandas_median=$(median "${pandas_walls[@]}")
echo "  assure: median $assure_median s of ${#assure_walls[@]} runs (${assure_walls[*]}); pandas: median $pandas_median s of ${#pandas_walls[@]} (${pandas_walls[*]})"
awk -v a="$assure_median" -v p="$pandas_median" 'BEGIN { printf "  assure is %.1f times as fast as pandas\n", p / a }'
if diff -u "$work/pandas.txt" "$work/assure.txt" >"$work/diff.txt"; then
    echo "  figures: identical ($(wc -l <"$work/assure.txt") indicator-periods)"
else
    echo "  figures DIFFER:"; head -40 "$work/diff.txt"; exit 1
fi
grep -E '^(cla|cla_rate|missing_children|missing_episodes|cp_plans|referrals|icpc_in_15_days) 2016-17 ' "$work/assure.txt" | sed 's/^/    /'

echo
echo "Importing through the store (assure import into a fresh SQLite database):"
db="$work/england.db"
export ASSURE_CASE_KEY=$(printf '6b%.0s' {1..32})  # a fixed benchmark key: no secret
build/assure partnership add --db "$db" --slug england --name "England" >/dev/null
for kind in ssda903-header ssda903-episodes missing cin-census; do
    file=$work/$kind.csv
    [ "$kind" = cin-census ] && file=$work/cin.xml
    /usr/bin/time -f "    $kind: wall %e s, peak memory %M kB" build/assure import --db "$db" --kind "$kind" --period 2016-17 --file "$file" | sed 's/^/    /'
done
