import Foundation
import Testing
@testable import DealqCore

/// Reading a CRM export: CSV records and their lines, amounts, slash dates, column names.
@Suite struct ImportReadingTests {
    @Test func recordsKeepTheirLinesThroughBOMCRLFAndQuotedNewlines() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Opportunity ID,Loss Reason\r\nA,\"Price\r\nand terms\"\r\n\r\nB,\"say \"\"no\"\"\"\r\nC,x\r\n".utf8)
        let export = try CRMExport(bytes: bytes)
        #expect(export.header == ["Opportunity ID", "Loss Reason"])
        #expect(export.records.map(\.line) == [2, 4, 5, 6])
        #expect(export.records[0].cell(1) == "Price\nand terms")
        #expect(export.records[1].isBlank)
        #expect(export.records[2].cell(1) == "say \"no\"")
        #expect(export.records[3].cell(7) == "", "a short record reads as empty cells")
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: ImportError.csvSyntax("a quoted field is never closed (the file has an odd number of '\"')")) {
            try CRMExport(text: "Opportunity ID,Stage\nA,\"Closed Won\nB,Closed Lost\n")
        }
        #expect(throws: ImportError.self) { try CRMExport(bytes: [0x41, 0x0A, 0xFF, 0x0A]) }
    }

    @Test func amountsAsExportsWriteThem() {
        #expect(CRMValues.amount("$120,000") == .value(120_000))
        #expect(CRMValues.amount("USD 120,000.00") == .value(120_000))
        #expect(CRMValues.amount("120,000.50 EUR") == .value(120_000.5))
        #expect(CRMValues.amount("120000") == .value(120_000))
        #expect(CRMValues.amount("£35,000") == .value(35_000))
        #expect(CRMValues.amount("$1.2M") == .value(1_200_000))
        #expect(CRMValues.amount("  ") == .empty)
        #expect(CRMValues.amount("-$5,000") == .negative)
        #expect(CRMValues.amount("twelve") == .unreadable)
        #expect(CRMValues.amount("USD") == .unreadable)
        #expect(CRMValues.format(120_000) == "120000")
        #expect(CRMValues.format(120_000.5) == "120000.5")
    }

    @Test func stagesNameOutcomesAsTheContractSpellsThem() {
        for stage in ["Closed Won", "closed won", "closed-won", "CLOSED_WON", " won ", "closedwon"] { #expect(CRMValues.outcome(stage: stage) == .won) }
        for stage in ["Closed Lost", "closed-lost", "closed_lost", "Lost", "closedlost"] { #expect(CRMValues.outcome(stage: stage) == .lost) }
        for stage in ["Churned", "churn"] { #expect(CRMValues.outcome(stage: stage) == .churned) }
        for stage in ["Negotiation", "Closed", "Contract sent", ""] { #expect(CRMValues.outcome(stage: stage) == nil) }
    }

    // MARK: - Slash dates

    func column(_ values: [String]) -> [(line: Int, value: String)] {
        values.enumerated().map { ($0.offset + 2, $0.element) }
    }

    @Test func aFirstPartOver12MeansDayFirst() throws {
        #expect(try SlashDates.decide(column(["03/04/2025", "14/03/2025", "2025-01-02"]), column: "Close Date") == .dayFirst)
        #expect(SlashDates.read("03/04/2025", order: .dayFirst) == "2025-04-03")
        #expect(SlashDates.read("31/02/2025", order: .dayFirst) == nil)
    }

    @Test func aSecondPartOver12MeansMonthFirst() throws {
        #expect(try SlashDates.decide(column(["3/4/2025", "3/14/2025"]), column: "Close Date") == .monthFirst)
        #expect(SlashDates.read("3/14/2025", order: .monthFirst) == "2025-03-14")
        #expect(SlashDates.read("2025-03-14", order: .monthFirst) == "2025-03-14", "ISO dates are always understood")
        #expect(SlashDates.read("2025-3-14", order: .monthFirst) == nil)
        #expect(SlashDates.read("3/14/25", order: .monthFirst) == nil)
    }

    @Test func aColumnWithoutSlashDatesNeedsNoDecision() throws {
        #expect(try SlashDates.decide(column(["2025-03-14", "", "junk"]), column: "Close Date") == nil)
    }

    @Test func anUndecidedColumnIsAnErrorNamingIt() {
        #expect(throws: ImportError.undecidedDates(column: "Close Date", example: "03/04/2025")) {
            try SlashDates.decide(column(["03/04/2025", "05/06/2025"]), column: "Close Date")
        }
        #expect(ImportError.undecidedDates(column: "Close Date", example: "03/04/2025").message
            == "column 'Close Date' has dates like '03/04/2025' that read both month-first and day-first, and no date in it "
            + "decides; pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY")
    }

    @Test func aContradictoryColumnIsAnErrorNamingBothLines() {
        do {
            _ = try SlashDates.decide(column(["03/04/2025", "13/04/2025", "04/13/2025"]), column: "Closed")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "column 'Closed' contradicts itself: line 3 has '13/04/2025' (day first) and line 4 has "
                + "'04/13/2025' (month first); pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY")
            #expect(error.status == 2)
        }
    }

    @Test func dateFormatOption() throws {
        #expect(try DateOrder(option: "MM/DD/YYYY") == .monthFirst)
        #expect(try DateOrder(option: "dd/mm/yyyy") == .dayFirst)
        #expect(try DateOrder(option: "YYYY-MM-DD") == .isoOnly)
        #expect(SlashDates.read("03/04/2025", order: .isoOnly) == nil)
        #expect(throws: ImportError.dateFormat("YYYY/MM/DD")) { try DateOrder(option: "YYYY/MM/DD") }
    }

    // MARK: - Columns

    @Test func salesforceAndHubSpotHeadersMapWithoutFlags() throws {
        let salesforce = ["Opportunity ID", "Opportunity Name", "Account Name", "Stage", "Close Date", "Amount", "Type",
                          "Region", "Product", "Opportunity Owner", "Primary Competitor", "Loss Reason", "Win Reason"]
        let sf = try ColumnMapping(header: salesforce)
        #expect(sf.columns[.id] == 0 && sf.columns[.account] == 2 && sf.columns[.outcome] == 3 && sf.columns[.closed] == 4)
        #expect(sf.columns[.acv] == 5 && sf.columns[.segment] == 6 && sf.columns[.region] == 7 && sf.columns[.product] == 8)
        #expect(sf.columns[.rep] == 9 && sf.columns[.lossReason] == 11 && sf.columns[.winReason] == 12)
        #expect(sf.columns[.competitorPrimary] == 10 && sf.columns[.crmCompetitor] == 10)
        #expect(sf.columns[.stage] == nil)

        let hubspot = [" record id ", "Deal Name", "DEAL STAGE", "Close Date", "Amount", "Deal owner", "Associated Company",
                       "Billing Country", "Competitor"]
        let hs = try ColumnMapping(header: hubspot)
        #expect(hs.columns[.id] == 0 && hs.columns[.outcome] == 2 && hs.columns[.rep] == 5 && hs.columns[.account] == 6)
        #expect(hs.columns[.region] == 7 && hs.columns[.competitorPrimary] == 8)
    }

    @Test func mapOverridesAndLeavesOut() throws {
        let header = ["Deal", "Status", "Closed On", "Amount", "TCV", "Type"]
        let m = try ColumnMapping(header: header, map: ["id=Deal", "outcome= status ", "closed=Closed On", "ACV=tcv", "segment="])
        #expect(m.columns[.id] == 0 && m.columns[.outcome] == 1 && m.columns[.closed] == 2 && m.columns[.acv] == 4)
        #expect(m.columns[.segment] == nil)
    }

    @Test func mapErrors() {
        let header = ["Opportunity ID", "Stage", "Close Date"]
        #expect(throws: ImportError.unknownField("amount")) { try ColumnMapping(header: header, map: ["amount=Stage"]) }
        #expect(ImportError.unknownField("amount").message.hasPrefix("unknown field 'amount' in --map (fields: id, account, outcome, closed, acv,"))
        #expect(throws: ImportError.mapSyntax("acv")) { try ColumnMapping(header: header, map: ["acv"]) }
        #expect(throws: ImportError.noSuchColumn(option: "--map acv", column: "TCV", header: header)) {
            try ColumnMapping(header: header, map: ["acv=TCV"])
        }
        #expect(throws: ImportError.missingColumn(field: "close date", map: "closed", tried: ["Close Date"])) {
            try ColumnMapping(header: ["Opportunity ID", "Stage"])
        }
        #expect(ImportError.missingColumn(field: "id", map: "id", tried: ["Opportunity ID", "Record ID"]).message
            == "no id column found (looked for 'Opportunity ID', 'Record ID'); name it with --map id=COLUMN")
    }

    @Test func keptColumnsBecomeCustomKeys() throws {
        let header = ["Opportunity ID", "Stage", "Close Date", "Lead Source", "NPS (2024)", "Segment"]
        let m = try ColumnMapping(header: header, keep: ["lead source", "NPS (2024)"])
        #expect(m.kept.map(\.key) == ["lead_source", "nps_2024"])
        #expect(m.kept.map(\.column) == [3, 4])
        #expect(throws: ImportError.keepIsBuiltin(column: "Segment", key: "segment")) {
            try ColumnMapping(header: header, keep: ["Segment"])
        }
    }
}
