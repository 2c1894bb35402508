/// Command-line arguments, parsed by hand (the generator has no dependencies).
struct Arguments {
    var count: Int
    var seed: UInt64
    var out: String
    var quiet: Bool

    static let usage = """
    usage: dealq-gen --count N [--seed S] --out DIR [--quiet]

    Writes N generated deal summaries (markdown with YAML front matter) under
    DIR, plus DIR/dealq.yml, DIR/README.md and DIR/guides/interview-guide.md.
    The same arguments always produce byte-identical files.

    options:
      --count N   number of deals to write (0 or more)
      --seed S    seed for the generator, an unsigned 64-bit integer (default: 1)
      --out DIR   output folder, created if missing; existing files with the
                  same names are overwritten, other files are left alone
      --quiet     print nothing on success
      -h, --help  show this help
    """

    enum ParseResult {
        case run(Arguments)
        case help
        case error(String)
    }

    static func parse(_ argv: [String]) -> ParseResult {
        var count: Int?
        var seed: UInt64 = 1
        var out: String?
        var quiet = false
        var i = 0
        while i < argv.count {
            var arg = argv[i]
            var inlineValue: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                inlineValue = String(arg[arg.index(after: eq)...])
                arg = String(arg[..<eq])
            }
            func value() -> String? {
                if let v = inlineValue { return v }
                i += 1
                return i < argv.count ? argv[i] : nil
            }
            switch arg {
            case "-h", "--help":
                return .help
            case "--quiet", "-q":
                quiet = true
            case "--count":
                guard let v = value() else { return .error("--count needs a value") }
                guard let n = Int(v), n >= 0 else { return .error("--count must be a whole number ≥ 0, got '\(v)'") }
                count = n
            case "--seed":
                guard let v = value() else { return .error("--seed needs a value") }
                guard let n = UInt64(v) else { return .error("--seed must be an unsigned 64-bit integer, got '\(v)'") }
                seed = n
            case "--out":
                guard let v = value(), !v.isEmpty else { return .error("--out needs a folder") }
                out = v
            default:
                return .error("unknown argument '\(argv[i])'")
            }
            i += 1
        }
        guard let c = count else { return .error("missing --count") }
        guard let o = out else { return .error("missing --out") }
        return .run(Arguments(count: c, seed: seed, out: o, quiet: quiet))
    }
}
