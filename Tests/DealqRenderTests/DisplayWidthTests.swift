import Testing
@testable import DealqRender

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("deal", 4), ("Zürich", 6), ("Zu\u{308}rich", 6), ("株式会社", 8), ("ｱｲ", 2),
        ("한국어", 6), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("a\u{200B}b", 2), ("—…", 2), ("tab\u{1}", 3),
    ] as [(String, Int)])
    func width(text: String, expected: Int) {
        #expect(displayWidth(text) == expected)
    }

    @Test func truncateKeepsWidthAndEndsWithEllipsis() {
        #expect(truncate("security review", toWidth: 20) == "security review")
        #expect(truncate("security review", toWidth: 10) == "security…")
        #expect(truncate("security review", toWidth: 9) == "security…")
        #expect(truncate("security review", toWidth: 1) == "…")
        #expect(truncate("security review", toWidth: 0) == "")
        // A wide character that does not fit leaves the column one short, never over.
        #expect(truncate("株式会社サンプル", toWidth: 6) == "株式…")
        #expect(displayWidth(truncate("株式会社サンプル", toWidth: 6)) == 5)
    }

    @Test func styledTextParsesHighlightMarkers() {
        let text = StyledText(snippet: "the \u{2}security review\u{3} took\nweeks")
        #expect(text.runs == [
            .init(text: "the ", highlighted: false), .init(text: "security review", highlighted: true),
            .init(text: " took weeks", highlighted: false),
        ])
        #expect(text.terminalText(color: false) == "the security review took weeks")
        #expect(text.terminalText(color: true) == "the \u{1B}[1;33msecurity review\u{1B}[0m took weeks")
        #expect(text.width == 30)
    }

    @Test func unbalancedMarkersAreTolerated() {
        #expect(StyledText(snippet: "a\u{3}b\u{2}c").runs == [
            .init(text: "ab", highlighted: false), .init(text: "c", highlighted: true),
        ])
    }

    @Test func truncationKeepsHighlights() {
        let text = StyledText(snippet: "we \u{2}passed\u{3} the security questionnaire").truncated(toWidth: 8)
        #expect(text.plain == "we pass…")
        #expect(text.terminalText(color: true) == "we \u{1B}[1;33mpass\u{1B}[0m…")
    }
}
