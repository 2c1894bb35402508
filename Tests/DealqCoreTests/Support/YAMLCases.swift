/// Seeded edits of a deal file's front matter that break or bend its YAML as
/// hand edits do: stray indicators, anchors and aliases, tags, quotes, tabs,
/// control characters, duplicated or swapped lines.
enum YAMLMutation {
    static let fragments = [
        "&a ", "*a", "&b ", "*b", "*c", ": ", ":", "- ", "-", "\"", "'", "\t", "  ", " ", "{", "}", "[", "]", ",",
        "? ", "!!int ", "!!str ", "!!map ", "!!seq ", "! ", "!x ", "!!value ", "|", ">", "|-", ">+", "#", " #", "~",
        "null", "%", "60%", "\n", "\n  ", "\n- ", "---", "...", "\u{FEFF}", "\u{7}", "\u{0}", "\u{85}", "\u{FFFE}",
        "é", "\\", "\"\\x41\\u00e9\\0\"", "'it''s'", "<<: ", "*a\n", "\nx: *a\n", "\n? [a, b]\n: c\n", "\r",
        "\nregion: [a, {b: c}]\n", "\n&a k: v\n", "\ntags: !!set {a, b}\n", "0x1F", "1e3", ".5", "-3", "+4",
    ]

    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        guard let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else { return text }
        var yaml = Array(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].unicodeScalars)
        let body = text[end.lowerBound...]
        for _ in 0...rng.below(3) {
            switch rng.below(6) {
            case 0, 1, 2:
                let at = yaml.isEmpty ? 0 : rng.below(yaml.count + 1)
                yaml.insert(contentsOf: rng.pick(fragments).unicodeScalars, at: at)
            case 3:
                guard !yaml.isEmpty else { continue }
                let at = rng.below(yaml.count)
                yaml.removeSubrange(at..<min(yaml.count, at + 1 + rng.below(6)))
            default:
                var lines = String(String.UnicodeScalarView(yaml)).split(separator: "\n", omittingEmptySubsequences: false)
                guard lines.count > 1 else { continue }
                let a = rng.below(lines.count), b = rng.below(lines.count)
                if rng.below(2) == 0 { lines.insert(lines[a], at: b) } else { lines.swapAt(a, b) }
                yaml = Array(lines.joined(separator: "\n").unicodeScalars)
            }
        }
        return "---\n" + String(String.UnicodeScalarView(yaml)) + body
    }
}

/// Front matters (without their `---` lines) at the edges of the reader.
enum YAMLEdgeCases {
    static let base = "id: D-1\noutcome: won\nclosed: 2025-03-14\n"

    static let all: [String] = [
        // Values: plain null, numbers and booleans; quoted ones stay text.
        base + "a: ~\nb: null\nc: NULL\nd:\ne: ''\nf: \"~\"\ng: 12\nh: '12'\ni: \"12\"\nj: true\nk: 'true'\nl: 1e3\nm: .5\n",
        base + "acv: \"$120K\"\nconfidence: '0.7'\n",
        base + "acv: 1.2M\nconfidence: 60%\n",
        base + "confidence: \"12.5 %\"\n",
        base + "confidence: 150%\n",
        base + "confidence: high\n",
        base + "acv: -5\n",
        base + "drivers:\n  - category: price\n    weight: -1\n",
        base + "drivers:\n  - category: price\n    weight: 40%\n  - category: fit\n    weight: 60%\n",
        base + "drivers:\n  - category: price\n    weight: 3\n  - category: fit\n    weight: 1\n",
        base + "drivers:\n  - category: price\n    weight: 0\n",
        base + "drivers:\n  - category: price\n    weight: 1\n  - category: fit\n",
        base + "drivers: [{category: price}, {category: fit, driver: \"x\"}]\n",
        base + "drivers: price\n",
        base + "drivers:\n  - price\n",
        base + "drivers:\n  - driver: no category\n",
        base + "insights:\n  - area: SSO\n    label: Gap\n  - area: API\n    label: wish\n",
        base + "insights:\n  - label: gap\n",
        base + "insights: {area: x}\n",
        // Styles: block, flow, multi-line, folded and literal scalars.
        base + "account: >\n  Folded\n  text\n\nregion: |\n  Literal\n  text\nsegment: |-\n  kept\nrep: >+\n  kept\n\n",
        base + "account: \"multi\n  line\"\nregion: 'single\n\n  quoted'\nrep: plain\n  continued\n",
        base + "tags: [a, b, 'c', \"d\", ~, null, '']\ntopics: {a: b}\n",
        base + "tags:\n- a\n- - nested\n",
        base + "tags: solo\nsources: [crm, ~]\ntopics: [Pricing, ' ']\n",
        base + "competitors: {primary: Acme, selected: ~, others: [Globex, '']}\n",
        base + "competitors:\n  primary: [Acme]\n  incumbent: {a: b}\n  selcted: Acme\n",
        base + "competitors: Acme\n",
        base + "crm:\n  loss_reason: price\n  win_reason: ''\n  competitor: acme\n  los_reason: x\n",
        base + "crm: [a]\n",
        // Anchors and aliases: values, lists, mappings, shadowed anchors, undefined ones.
        base + "region: &r EMEA\nsegment: *r\n",
        base + "tags: &t [a, b]\nsources: *t\n",
        base + "competitors: &c\n  primary: Acme\ncrm:\n  competitor: *c\n",
        base + "x: &a one\ny: &a two\nregion: *a\n",
        base + "region: *missing\n",
        base + "region: &a [*a]\n",
        base + "? &k region\n: EMEA\nsegment: *k\n",
        base + "&k region: EMEA\n*k : again\n",
        base + "outcome2: &o lost\n",
        "id: &i D-1\noutcome: won\nclosed: 2025-03-14\naccount: *i\n",
        // Explicit tags.
        base + "region: !!str 12\nsegment: !!int 12\nrep: !custom x\nstage: ! y\n",
        base + "!!int 1: a\n1: b\n",
        base + "!!str region: a\nregion: b\n",
        base + "tags: !!seq [a]\nsources: !!map {a: b}\n",
        "!!map\n" + base,
        "--- !!map\n" + base,
        // Keys: duplicates, complex keys, non-string keys.
        base + "region: a\nsegment: b\nregion: c\nsegment: d\nzz: 1\nzz: 2\n",
        base + "'region': a\n\"region\": b\n",
        base + "? [a, b]\n: 1\n? [a, b]\n: 2\n",
        base + "? {a: 1}\n: x\n? {a: 1}\n: y\n",
        base + "? {!!value v: k}\n: x\n? {!!value v: k}\n: y\n",
        base + "[a]: 1\n",
        base + "? |\n  block key\n: v\n",
        base + "competitors:\n  primary: a\n  primary: b\n",
        "id: D-1\nid: D-2\noutcome: won\nclosed: 2025-03-14\n",
        // Syntax errors: tabs, indentation, unclosed flows and quotes, stray indicators.
        base + "region:\tEMEA\n",
        base + "\tregion: EMEA\n",
        base + "region: EMEA\n  segment: x\n",
        base + "tags:\n  - a\n - b\n",
        base + "region: [a, b\n",
        base + "region: {a: b\n",
        base + "region: \"open\n",
        base + "region: 'open\n",
        base + "region: a: b\n",
        base + "- a\n",
        base + "@region: x\n",
        base + "region: `x`\n",
        base + "region: %x\n",
        "%YAML 1.1\n---\n" + base,
        "%TAG ! tag:example.com,2000:\n--- !foo\n" + base,
        base + "...\nextra: doc\n",
        base + "--- \nsecond: doc\n",
        base + "--- \n",
        // Not a mapping, empty.
        "",
        "# only a comment\n",
        "just text\n",
        "- a\n- b\n",
        "~\n",
        "'quoted'\n",
        // Characters: non-ASCII, BOM, control characters, escapes.
        base + "account: Société Générale\nregion: 東京\n",
        base + "account: \"\\uFEFFlead\"\n",
        base + "account: \"\\uFEFF\\uFEFFlead\"\nregion: \"mid\\uFEFFdle\"\nsegment: \"\\uFEFF\"\n",
        base + "\u{FEFF}region: x\nsegment: \u{FEFF}y\ntags: [\u{FEFF}a, b\u{FEFF}]\n",
        "\u{FEFF}" + base,
        base + "account: a\u{7}b\n",
        base + "account: \"a\\x07b\\0c\"\n",
        base + "account: \"\\ud800\"\n",
        base + "account: a\u{FFFE}\n",
        base + "account: \"\\q\"\n",
        base + "emoji: 👩‍👩‍👧 \u{1}\n",
        // Required fields and their values.
        "outcome: won\nclosed: 2025-03-14\n",
        "id: ''\noutcome: won\nclosed: 2025-03-14\n",
        "id: ~\noutcome: maybe\nclosed: 2025-02-30\n",
        "id: [D-1]\noutcome: {a: b}\nclosed: 14/03/2025\n",
        "id: D-1\noutcome: Closed Won\nclosed: \"2025-03-14\"\n",
        // Custom fields and near misses.
        base + "Region: x\nregoin: y\nacv_usd: 3\nquarter: Q1\ncategory: z\ndeal_type: new\nflag: false\nwhen: 2024-02-29\nbad_date: 2023-02-29\n",
        base + "nested: {a: b}\nlist: [1, 2]\nquoted_true: 'true'\nfolded: >\n  text\n",
        // Deep nesting.
        base + "deep: " + String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001) + "\n",
        base + "deep: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n",
    ] + limits

    /// `count` more keys, `k0: v` on.
    static func keys(_ count: Int, from first: Int = 0) -> String {
        (first..<first + count).map { "k\($0): v\n" }.joined()
    }

    /// The limits, and which error is reported when a front matter breaks
    /// a limit and its YAML is wrong too.
    static let limits: [String] = [
        base + keys(997),
        base + keys(998),
        base + "map: {" + (0..<998).map { "k\($0): v" }.joined(separator: ", ") + "}\n",
        base + keys(998) + "bad: [\n",
        base + keys(998) + "k5: again\n",
        base + "k5: first\n" + keys(998) + "*x\n",
        base + "r: &a v\ns: *a\n" + keys(998) + "bad: [\n",
        base + "k5: first\nr: &a v\ns: *a\n" + keys(998),
        base + "s: *undefined\n" + keys(998),
        base + "s: *undefined\n",
        base + "a: &a " + String(repeating: "x", count: 2_000) + "\n" + (0..<200).map { "b\($0): *a\n" }.joined(),
        base + "a: &a [" + String(repeating: "xxxxxxxx, ", count: 50) + "]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
        base + keys(600) + "---\n" + keys(600),
        base + "r: &a v\ns: *a\n" + keys(600) + "--- \n" + keys(600),
        base + "long: " + String(repeating: "y", count: 70_000) + "\n" + keys(10) + "bad: [\n",
        base + "long: " + String(repeating: "y", count: 70_000) + "\n" + keys(998) + "bad: [\n",
        base + keys(998) + "long: " + String(repeating: "y", count: 70_000) + "\nk3: dup\n",
    ]
}
