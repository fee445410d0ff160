#!/usr/bin/env python3
"""The dataset benchmark's reference: the same record-level indicators as Assure's
core/dataset_compute.cpp, written with pandas the way an analyst would, vectorised.
Prints the figures in dataset_bench's format (stdout) and the time taken (stderr).

    dataset_reference.py DIR POPULATION
"""
import sys
import time

import numpy as np
import pandas as pd

directory, population = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
header = pd.read_csv(f"{directory}/ssda903-header.csv", dtype=str, keep_default_na=False)
eps = pd.read_csv(f"{directory}/ssda903-episodes.csv", dtype=str, keep_default_na=False)
mis = pd.read_csv(f"{directory}/missing.csv", dtype=str, keep_default_na=False)
for df, cols in ((header, ["DOB"]), (eps, ["DECOM", "DEC"]), (mis, ["MIS_START", "MIS_END", "RHI_OFFERED"])):
    for c in cols:
        df[c] = pd.to_datetime(df[c], format="%d/%m/%Y", errors="coerce")
read_s = time.perf_counter() - t0

t1 = time.perf_counter()
FOREVER = pd.Timestamp("2262-01-01")
eps["END"] = eps["DEC"].fillna(FOREVER)
eps = eps.sort_values(["CHILD", "DECOM"], kind="stable").reset_index(drop=True)
eps["moves"] = eps["RNE"] != "L"
same_child = eps["CHILD"].eq(eps["CHILD"].shift())
touches = same_child & eps["DEC"].shift().eq(eps["DECOM"])
eps["chain"] = (~touches).cumsum()
eps["placement"] = (eps["moves"] | ~touches).cumsum()
eps["care_start"] = eps.groupby("chain")["DECOM"].transform("first")
eps["placement_start"] = eps.groupby("placement")["DECOM"].transform("first")
births = header[["CHILD", "DOB"]].dropna()
sixteenth = pd.to_datetime(dict(year=births["DOB"].dt.year + 16, month=births["DOB"].dt.month, day=1))
sixteen = pd.Series(sixteenth.values, index=births["CHILD"].values)

# The same episode twice (two files): the one that says an interview was offered is kept.
m = mis[mis["MISSING"] == "M"].sort_values(["CHILD", "MIS_START", "RHI_OFFERED"], na_position="last", kind="stable")
m = m.drop_duplicates(["CHILD", "MIS_START"])
m = m.reset_index(drop=True)
third = m["CHILD"].eq(m["CHILD"].shift(2)) & ((m["MIS_START"] - m["MIS_START"].shift(2)).dt.days < 90)
# Looked after on the day a missing episode started: an episode open at the end of that day.
la = m[["CHILD", "MIS_START"]].reset_index().merge(eps[["CHILD", "DECOM", "END"]], on="CHILD")
la = la[(la["DECOM"] <= la["MIS_START"]) & (la["END"] > la["MIS_START"])]
m["cla"] = m.index.isin(la["index"].unique())

periods = [("2016-17", "2016-04-01", "2017-03-31")] + [
    (f"2016-17-Q{q + 1}", s, e) for q, (s, e) in enumerate(
        [("2016-04-01", "2016-06-30"), ("2016-07-01", "2016-09-30"), ("2016-10-01", "2016-12-31"), ("2017-01-01", "2017-03-31")])]
out = []
for key, s, e in periods:
    s, e = pd.Timestamp(s), pd.Timestamp(e)
    at_end = eps[(eps["DECOM"] <= e) & (eps["END"] > e)]
    cla_children = at_end["CHILD"].unique()
    cla = len(cla_children)
    started = eps[(eps["RNE"] == "S") & eps["DECOM"].between(s, e)]["CHILD"].nunique()
    ceased = eps[eps["DEC"].between(s, e) & (eps["REC"] != "X1")]["CHILD"].nunique()
    over = eps[(eps["DECOM"] <= e) & (eps["END"] >= s)]
    first = ~over["CHILD"].eq(over["CHILD"].shift())
    placements = (first | over["moves"]).groupby(over["CHILD"]).sum()
    three = int((placements.reindex(cla_children) >= 3).sum())
    now = at_end.drop_duplicates("CHILD", keep="last")
    under16 = now["CHILD"].map(sixteen) > e
    long_care = now["care_start"] <= e - pd.DateOffset(months=30)
    den_rows = now[under16 & long_care]
    stable_den = len(den_rows)
    stable_num = int((den_rows["placement_start"] <= e - pd.DateOffset(months=24)).sum())
    in_p = m[m["MIS_START"].between(s, e)]
    third_p = m[third & m["MIS_START"].between(s, e)]
    # Return interviews: episodes the child returned from in the period, offered within 72 hours (3 days).
    back = m[m["MIS_END"].between(s, e)]
    rhi_den = len(back)
    rhi_num = int(((back["RHI_OFFERED"] - back["MIS_END"]).dt.days <= 3).sum())

    def ratio(n, d, scale):
        return "-" if d == 0 else f"{np.floor(n * scale / d * 10 + 0.5 + 1e-9) / 10:.1f}"

    out += [("cla", key, "-", "-", str(cla)),
            ("cla_rate", key, str(cla), str(population), ratio(cla, population, 10000)),
            ("cla_started", key, "-", "-", str(started)),
            ("cla_ceased", key, "-", "-", str(ceased)),
            ("cla_three_placements", key, str(three), str(cla), ratio(three, cla, 100)),
            ("cla_long_term_stability", key, str(stable_num), str(stable_den), ratio(stable_num, stable_den, 100)),
            ("missing_children", key, "-", "-", str(in_p["CHILD"].nunique())),
            ("missing_episodes", key, "-", "-", str(len(in_p))),
            ("missing_cla_children", key, "-", "-", str(in_p[in_p["cla"]]["CHILD"].nunique())),
            ("missing_cla_episodes", key, "-", "-", str(int(in_p["cla"].sum()))),
            ("missing_three_in_90_days", key, "-", "-", str(third_p["CHILD"].nunique())),
            ("missing_rhi_offered_72h", key, str(rhi_num), str(rhi_den), ratio(rhi_num, rhi_den, 100))]
compute_s = time.perf_counter() - t1
# Assure prints the year then each quarter, indicator by indicator within each.
for row in out:
    print(" ".join(row))
print(f"pandas {pd.__version__}: read and parsed {read_s:.2f} s, computed {compute_s:.2f} s", file=sys.stderr)
