import Testing
@testable import DealqCore

/// `dealq.yml`: topics (PCRE2, case-insensitive, Unicode) and competitor aliases.
@Suite struct ConfigTests {
    @Test func topicsAndAliases() throws {
        let config = try CorpusConfig.parse("""
            topics:
              implementation: ['\\bimplement\\w*', '\\bonboard\\w*', 'time[- ]to[- ]value']
              Security: '\\bSOC ?2\\b'
            aliases:
              competitor:
                Acme Analytics: [Acme, AcmeCo, Acme Inc]
            """)
        #expect(config.topics.map(\.name) == ["implementation", "security"])
        #expect(config.topics(in: "Their ONBOARDING was slow") == ["implementation"])
        #expect(config.topics(in: "Time to value and soc2 review") == ["implementation", "security"])
        #expect(config.topics(in: "implicit") == [])
        #expect(config.canonicalCompetitor("acme inc") == "Acme Analytics")
        #expect(config.canonicalCompetitor("ACME ANALYTICS") == "Acme Analytics")
        #expect(config.canonicalCompetitor("Globex") == "Globex")
    }

    @Test func unicodeCaseless() throws {
        let config = try CorpusConfig.parse("topics:\n  pricing: ['\\bpreis\\w*', 'straße']\n")
        #expect(config.topics(in: "PREISE zu hoch") == ["pricing"])
        #expect(config.topics(in: "STRASSE") == [])
        #expect(config.topics(in: "STRAẞE") == ["pricing"])
    }

    @Test func badPatternNamesLineAndPattern() {
        #expect(throws: FileDiagnostic(path: "dealq.yml", line: 3, column: 24,
                                       message: "invalid pattern '(unclosed' for topic 'pricing': missing closing parenthesis at offset 9")) {
            _ = try CorpusConfig.parse("topics:\n  security: ['\\bSSO\\b']\n  pricing: ['\\bprice', '(unclosed']\n")
        }
    }

    @Test func invalidYAML() {
        #expect(throws: FileDiagnostic.self) { _ = try CorpusConfig.parse("topics: [a\n") }
        do {
            _ = try CorpusConfig.parse("topics:\n  a: [x\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "dealq.yml")
            #expect(error.line == 3)
            #expect(error.message.hasPrefix("invalid YAML"))
        }
    }
}
