#!/usr/bin/env python3
"""An England-sized year of the local authority's extracts for the dataset benchmark.

Writes into DIR: ssda903-header.csv, ssda903-episodes.csv (CHILDREN looked-after children
with about EPISODES episodes between them, open at some time in 2016/17), missing.csv
(MISSING episodes of all children, in the 903 missing table's columns) and cin.xml (the
children in need census of CIN children, dated 31 March 2017). Seeded: the same arguments
always write the same files.

    dataset_generate.py DIR [CHILDREN=110000] [EPISODES=250000] [MISSING=1000000] [CIN=400000]
"""
import datetime
import random
import sys

out = sys.argv[1]
children = int(sys.argv[2]) if len(sys.argv) > 2 else 110_000
episodes = int(sys.argv[3]) if len(sys.argv) > 3 else 250_000
missing = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
cin = int(sys.argv[5]) if len(sys.argv) > 5 else 400_000
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


def iso(d):
    return d.isoformat()


def day(start, span):
    return start + datetime.timedelta(days=rng.randrange(span))


# The census: every child's episodes of need open in the year, most referred in it; an
# assessment for most, a section 47 enquiry for some, a plan for fewer. Nothing after 31 March.
with open(f"{out}/cin.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header><CollectionDetails><Collection>CIN</Collection>'
            '<Year>2017</Year><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n')
    for c in range(cin):
        f.write(f"<Child>\n<ChildIdentifiers><LAchildID>N{c:07d}</LAchildID><UPN>A{c:012d}</UPN>"
                f"<PersonBirthDate>2008-05-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>\n"
                "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n")
        first = day(datetime.date(2014, 9, 1), 930) if rng.random() < 0.25 else day(year_start, 330)
        referrals = [first] + ([first + datetime.timedelta(days=60 + rng.randrange(250))] if rng.random() < 0.2 else [])
        for k, referred in enumerate(referrals):
            if referred > year_end:
                break
            closed = referred + datetime.timedelta(days=20 + rng.randrange(200))
            if k + 1 < len(referrals):
                closed = min(closed, referrals[k + 1] - datetime.timedelta(days=5))
            if closed < year_start:
                closed = year_start + datetime.timedelta(days=rng.randrange(100))
            f.write(f"<CINdetails>\n<CINreferralDate>{iso(referred)}</CINreferralDate><ReferralSource>1A</ReferralSource>"
                    + (f"<CINclosureDate>{iso(closed)}</CINclosureDate>" if closed <= year_end else "") + "<ReferralNFA>false</ReferralNFA>\n")
            if rng.random() < 0.85:
                started = referred + datetime.timedelta(days=rng.randrange(5))
                authorised = started + datetime.timedelta(days=10 + rng.randrange(70))
                f.write(f"<Assessments><AssessmentActualStartDate>{iso(started)}</AssessmentActualStartDate>"
                        + (f"<AssessmentAuthorisationDate>{iso(authorised)}</AssessmentAuthorisationDate>" if authorised <= year_end else "")
                        + "</Assessments>\n")
            if rng.random() < 0.15:
                s47 = referred + datetime.timedelta(days=rng.randrange(10))
                conference = s47 + datetime.timedelta(days=7 + rng.randrange(21)) if rng.random() < 0.7 else None
                if conference and conference > year_end:
                    conference = None
                f.write(f"<Section47><S47ActualStartDate>{iso(s47)}</S47ActualStartDate>"
                        + (f"<DateOfInitialCPC>{iso(conference)}</DateOfInitialCPC>" if conference else "<ICPCnotRequired>true</ICPCnotRequired>")
                        + "</Section47>\n")
                if conference and rng.random() < 0.8:
                    ended = conference + datetime.timedelta(days=60 + rng.randrange(900))
                    category = rng.choice(["NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"])
                    f.write(f"<ChildProtectionPlans><CPPstartDate>{iso(conference)}</CPPstartDate>"
                            + (f"<CPPendDate>{iso(ended)}</CPPendDate>" if ended <= year_end else "")
                            + f"<InitialCategoryOfAbuse>{category}</InitialCategoryOfAbuse><LatestCategoryOfAbuse>{category}</LatestCategoryOfAbuse>"
                            f"<NumberOfPreviousCPP>{1 if rng.random() < 0.2 else 0}</NumberOfPreviousCPP></ChildProtectionPlans>\n")
            f.write("</CINdetails>\n")
        f.write("</Child>\n")
    f.write("</Children>\n</Message>\n")
