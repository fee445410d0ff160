#!/usr/bin/env python3
"""The dataset benchmark's reference: the same record-level indicators as Assure's
core/dataset_compute.cpp and core/dataset_cin_compute.cpp, written with pandas the way an
analyst would, vectorised (the census read with the standard library's iterparse).
Prints the figures in dataset_bench's format (stdout) and the time taken (stderr).

    dataset_reference.py DIR POPULATION
"""
import os
import sys
import time
import xml.etree.ElementTree as ET

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

# The children in need census, when the directory has one.
cin_read_s = cin_compute_s = 0.0
if os.path.exists(f"{directory}/cin.xml"):
    t2 = time.perf_counter()
    refs, assessments, s47s, plans = [], [], [], []
    child = None
    for _, el in ET.iterparse(f"{directory}/cin.xml", events=("end",)):
        if el.tag == "LAchildID":
            child = el.text
        elif el.tag == "CINdetails":
            referred = el.findtext("CINreferralDate")
            refs.append((child, referred))
            for a in el.iter("Assessments"):
                assessments.append((referred, a.findtext("AssessmentAuthorisationDate")))
            for q in el.iter("Section47"):
                s47s.append((q.findtext("S47ActualStartDate"), q.findtext("DateOfInitialCPC")))
            for p in el.iter("ChildProtectionPlans"):
                plans.append((child, p.findtext("CPPstartDate"), p.findtext("CPPendDate"), p.findtext("LatestCategoryOfAbuse"),
                              int(p.findtext("NumberOfPreviousCPP") or 0)))
        elif el.tag == "Child":
            el.clear()
    refs = pd.DataFrame(refs, columns=["CHILD", "REF"])
    assessments = pd.DataFrame(assessments, columns=["REF", "AUTH"])
    s47s = pd.DataFrame(s47s, columns=["S47", "ICPC"])
    plans = pd.DataFrame(plans, columns=["CHILD", "START", "END", "CAT", "PREV"])
    for df, cols in ((refs, ["REF"]), (assessments, ["REF", "AUTH"]), (s47s, ["S47", "ICPC"]), (plans, ["START", "END"])):
        for c in cols:
            df[c] = pd.to_datetime(df[c], format="%Y-%m-%d")
    cin_read_s = time.perf_counter() - t2

    t3 = time.perf_counter()
    # England's bank holidays of the years the census reaches (Assure computes them).
    holidays = np.array(["2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26",
                         "2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28",
                         "2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27",
                         "2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26"],
                        dtype="datetime64[D]")
    one = np.timedelta64(1, "D")

    def working_days_after(a, b):  # working days after a, up to and including b
        return np.busday_count(a.values.astype("datetime64[D]") + one, b.values.astype("datetime64[D]") + one, holidays=holidays)

    plans = plans.sort_values(["CHILD", "START"], kind="stable").reset_index(drop=True)
    plans["repeat"] = (plans["PREV"] > 0) | (plans["CHILD"].eq(plans["CHILD"].shift()) & (plans["START"].shift() < plans["START"]))
    plans["long"] = plans["END"] >= plans["START"] + pd.DateOffset(months=24)
    held = s47s.dropna(subset=["ICPC"]).copy()
    held["on_time"] = working_days_after(held["S47"], held["ICPC"]) <= 15
    done = assessments.dropna(subset=["AUTH"]).copy()
    done["on_time"] = working_days_after(done["REF"], done["AUTH"]) <= 45
    r = refs.drop_duplicates().sort_values(["CHILD", "REF"], kind="stable").reset_index(drop=True)
    r["again"] = r["CHILD"].eq(r["CHILD"].shift()) & (r["REF"].shift() >= r["REF"] - pd.DateOffset(months=12))

    for key, s, e in periods:
        s, e = pd.Timestamp(s), pd.Timestamp(e)
        open_now = plans[(plans["START"] <= e) & (plans["END"].isna() | (plans["END"] > e))].drop_duplicates("CHILD", keep="last")
        n_open = len(open_now)
        started = plans[plans["START"].between(s, e)]
        ended = plans[plans["END"].between(s, e)]
        conferences = held[held["ICPC"].between(s, e)]
        assessed = done[done["AUTH"].between(s, e)]
        referred = r[r["REF"].between(s, e)]

        def ratio(n, d, scale):
            return "-" if d == 0 else f"{np.floor(n * scale / d * 10 + 0.5 + 1e-9) / 10:.1f}"

        def share(code, n, d, scale=100):
            return (code, key, str(n), str(d), ratio(n, d, scale))

        out += [("cp_plans", key, "-", "-", str(n_open)), share("cp_rate", n_open, population, 10000)]
        out += [share(f"cp_category_{c.lower()}", int((open_now["CAT"] == c).sum()), n_open) for c in ("NEG", "PHY", "EMO", "SAB", "MUL")]
        out += [("cp_started", key, "-", "-", str(len(started))), ("cp_ended", key, "-", "-", str(len(ended))),
                share("cp_second_or_subsequent", int(started["repeat"].sum()), len(started)),
                share("cp_two_years_plus", int(ended["long"].sum()), len(ended)),
                share("icpc_in_15_days", int(conferences["on_time"].sum()), len(conferences)),
                ("referrals", key, "-", "-", str(len(referred))),
                share("re_referrals_12m", int(referred["again"].sum()), len(referred)),
                share("assessments_in_45_days", int(assessed["on_time"].sum()), len(assessed))]
    cin_compute_s = time.perf_counter() - t3

# Assure prints the year then each quarter, indicator by indicator within each; the census's after.
for row in out:
    print(" ".join(row))
print(f"pandas {pd.__version__}: read and parsed {read_s:.2f} s, computed {compute_s:.2f} s; census read {cin_read_s:.2f} s, "
      f"computed {cin_compute_s:.2f} s", file=sys.stderr)
