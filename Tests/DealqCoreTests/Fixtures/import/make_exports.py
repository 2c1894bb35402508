#!/usr/bin/env python3
"""Writes the CRM export fixtures of the import tests, deterministically.

    python3 Tests/DealqCoreTests/Fixtures/import/make_exports.py

Every value follows from the row number by the rules below, so that the
tests can state their expected answers from the rules (see ImportEndToEndTests).

salesforce-opportunities.csv (a Salesforce opportunity report, US dates):
  60 rows, k = 1..60. Stage by k % 10: 1-4 Closed Won, 5-8 Closed Lost,
  9 Negotiation, 0 Proposal/Price Quote (open). Loss Reason empty when
  k % 10 == 8. Primary Competitor empty when k % 10 in (3, 8).
  Row k = 17 (Closed Lost) has the malformed close date 02/30/2025.
  Row k = 5 has a loss reason on two lines; amounts are written three ways.
hubspot-deals.csv (a HubSpot deals export from a UK portal, day-first dates):
  56 rows, j = 1..56. Deal Stage by j % 8: 1-3 Closed won, 4-6 Closed lost,
  7 Churned, 0 Contract sent (open). Loss Reason empty when j % 8 == 6.
  Competitor empty when j % 8 in (3, 7). Row j = 12 (Closed lost) has the
  malformed close date 31/02/2025. Row j = 2 has a deal name on two lines.
undecided-dates.csv: four closed rows whose slash dates read both ways.
All three: UTF-8 with a byte-order mark, CRLF line ends.
"""
import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ACCOUNTS = ["Northwind Logistics", "Contoso Health", "Fabrikam Foods", "Tailspin Toys", "Wide World Importers",
            "Litware, Inc.", "Adventure Works", "Proseware", "Blue Yonder Airlines", "Coho Winery",
            "Alpine Ski House", "Margie's Travel", "Trey Research", "Lucerne Publishing", "Humongous Insurance"]
REPS = ["Dana Whitfield", "Marcus Lee", "Priya Raman", "Tom Okafor", "Elena Petrova"]
COMPETITORS = ["Acme Analytics", "Northstar BI", "Spreadsheets", "Internal build"]
LOSS = ["Price", "Missing feature", "Chose competitor", "Timeline", "No decision"]
WIN = ["Product fit", "Ease of use", "Relationship", "Price"]
SEGMENTS = ["Enterprise", "Mid-Market", "SMB"]
REGIONS = ["North America", "EMEA", "APAC"]
PRODUCTS = ["Analytics Suite", "Dashboards", "Data Connectors"]


def csv_line(fields):
    out = []
    for f in fields:
        if any(c in f for c in ',"\r\n'):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return ",".join(out)


def write(name, header, rows):
    text = "\r\n".join(csv_line(r) for r in [header] + rows) + "\r\n"
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))


def salesforce():
    header = ["Opportunity ID", "Opportunity Name", "Account Name", "Stage", "Close Date", "Amount", "Type", "Region",
              "Product", "Opportunity Owner", "Primary Competitor", "Loss Reason", "Win Reason", "Lead Source"]
    rows = []
    start = datetime.date(2024, 7, 3)
    for k in range(1, 61):
        r = k % 10
        stage = {1: "Closed Won", 2: "Closed Won", 3: "Closed Won", 4: "Closed Won", 5: "Closed Lost",
                 6: "Closed Lost", 7: "Closed Lost", 8: "Closed Lost", 9: "Negotiation", 0: "Proposal/Price Quote"}[r]
        day = start + datetime.timedelta(days=6 * k)
        close = f"{day.month}/{day.day}/{day.year}" if k != 17 else "02/30/2025"
        amount = 40000 + 7500 * (k % 13)
        amount_text = [f"${amount:,}", f"USD {amount:,}.00", f"{amount}"][k % 3]
        account = ACCOUNTS[k % len(ACCOUNTS)]
        lost = stage == "Closed Lost"
        loss = LOSS[k % len(LOSS)] if lost and r != 8 else ""
        if k == 5:
            loss = "Price\r\nand payment terms"
        win = WIN[k % len(WIN)] if stage == "Closed Won" else ""
        competitor = "" if r in (3, 8) else COMPETITORS[k % len(COMPETITORS)]
        rows.append([f"006Qk00000{k:05d}AAB", f"{account} - {PRODUCTS[k % 3]}", account, stage, close, amount_text,
                     SEGMENTS[k % 3], REGIONS[k % 3], PRODUCTS[k % 3], REPS[k % len(REPS)], competitor, loss, win,
                     ["Web", "Partner", "Outbound"][k % 3]])
    write("salesforce-opportunities.csv", header, rows)


def hubspot():
    header = ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Amount", "Deal owner", "Associated Company",
              "Pipeline", "Competitor", "Loss Reason", "Win Reason"]
    rows = []
    start = datetime.date(2024, 9, 14)
    for j in range(1, 57):
        r = j % 8
        stage = {1: "Closed won", 2: "Closed won", 3: "Closed won", 4: "Closed lost", 5: "Closed lost",
                 6: "Closed lost", 7: "Churned", 0: "Contract sent"}[r]
        day = start + datetime.timedelta(days=5 * j)
        close = f"{day.day:02d}/{day.month:02d}/{day.year}" if j != 12 else "31/02/2025"
        amount = 25000 + 5000 * (j % 11)
        amount_text = [f"{amount}", f"{amount:,}.50", f"£{amount:,}"][j % 3]
        account = ACCOUNTS[(j * 2) % len(ACCOUNTS)]
        name = f"{account} renewal" if j != 2 else f"{account}\r\nexpansion (second team)"
        loss = LOSS[j % len(LOSS)] if r in (4, 5, 7) else ""
        win = WIN[j % len(WIN)] if r in (1, 2, 3) else ""
        competitor = "" if r in (3, 7) else COMPETITORS[j % len(COMPETITORS)]
        rows.append([str(18234560000 + j * 37), name, stage, close, amount_text, REPS[j % len(REPS)], account,
                     "Sales Pipeline", competitor, loss, win])
    write("hubspot-deals.csv", header, rows)


def undecided():
    header = ["Opportunity ID", "Account Name", "Stage", "Close Date", "Amount"]
    rows = [["U-1", "Coho Winery", "Closed Won", "03/04/2025", "50000"],
            ["U-2", "Proseware", "Closed Lost", "05/06/2025", "60000"],
            ["U-3", "Trey Research", "Closed Won", "11/12/2024", "70000"],
            ["U-4", "Lucerne Publishing", "Closed Lost", "2025-01-15", "80000"]]
    write("undecided-dates.csv", header, rows)


salesforce()
hubspot()
undecided()
