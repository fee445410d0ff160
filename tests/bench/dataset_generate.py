#!/usr/bin/env python3
"""An England-sized year of the local authority's extracts for the dataset benchmark.

Writes into DIR: ssda903-header.csv, ssda903-episodes.csv (CHILDREN looked-after children
with about EPISODES episodes between them, open at some time in 2016/17) and missing.csv
(MISSING episodes of all children, in the 903 missing table's columns). Seeded: the same
arguments always write the same files.

    dataset_generate.py DIR [CHILDREN=110000] [EPISODES=250000] [MISSING=1000000]
"""
import datetime
import random
import sys

out = sys.argv[1]
children = int(sys.argv[2]) if len(sys.argv) > 2 else 110_000
episodes = int(sys.argv[3]) if len(sys.argv) > 3 else 250_000
missing = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
rng = random.Random(15)
year_start = datetime.date(2016, 4, 1)
year_end = datetime.date(2017, 3, 31)


def uk(d):
    return d.strftime("%d/%m/%Y")


births = {}
with open(f"{out}/ssda903-header.csv", "w") as f:
    f.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
    for c in range(children):
        dob = datetime.date(1999 + rng.randrange(18), 1 + rng.randrange(12), 1 + rng.randrange(28))
        births[c] = dob
        f.write(f"C{c:07d},{1 + c % 2},{uk(dob)},WBRI,,,\n")

with open(f"{out}/ssda903-episodes.csv", "w") as f:
    f.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n")
    extra = episodes - children  # children with more than one episode
    for c in range(children):
        n = 1 + (1 if c < extra else 0) + (1 if c < extra - children else 0)
        start = year_start - datetime.timedelta(days=rng.randrange(1500)) if rng.random() < 0.6 else \
            year_start + datetime.timedelta(days=rng.randrange(300))
        for k in range(n):
            if start > year_end:  # the year's extract holds the episodes open in the year
                break
            last = k == n - 1
            if last and rng.random() < 0.7:
                end = None
            else:
                end = start + datetime.timedelta(days=30 + rng.randrange(400))
                if end < year_start:
                    end = year_start + datetime.timedelta(days=rng.randrange(200))
            rne = "S" if k == 0 else rng.choice("PPPLTB")
            rec = "" if end is None else ("X1" if not last else "E11")
            f.write(f"C{c:07d},{uk(start)},{rne},C2,N1,U1,PR1,{uk(end) if end else ''},{rec},,L36 1AA,L36 2BB,\n")
            if end is None:
                break
            start = end

with open(f"{out}/missing.csv", "w") as f:
    f.write("CHILD,DOB,MISSING,MIS_START,MIS_END,RHI_OFFERED,RHI_ACCEPTED\n")
    pool = children * 4  # most children who go missing are not looked after
    for i in range(missing):
        c = rng.randrange(pool)
        child = f"C{c:07d}" if c < children else f"M{c:07d}"
        start = year_start + datetime.timedelta(days=rng.randrange(365))
        kind = "M" if rng.random() < 0.9 else "A"
        end = start + datetime.timedelta(days=1)
        # Most returns are offered an interview, some after more than 72 hours; fewer accept it.
        offered = end + datetime.timedelta(days=rng.randrange(6)) if rng.random() < 0.85 else None
        accepted = offered + datetime.timedelta(days=rng.randrange(3)) if offered and rng.random() < 0.6 else None
        f.write(f"{child},,{kind},{uk(start)},{uk(end)},{uk(offered) if offered else ''},{uk(accepted) if accepted else ''}\n")
