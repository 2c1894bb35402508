// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "dealq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dealq", targets: ["DealqCLI"]),
        .executable(name: "dealq-gen", targets: ["DealqGen"]),
        .executable(name: "dealq-mcp", targets: ["DealqMCPServer"]),
        .library(name: "DealqCore", targets: ["DealqCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // CSV for `dealq import crm`. Tried beside yaslab/CSV.swift 2.5.2 on the export cases:
        // both keep CRLF and quoted newlines (so record lines can be counted from the fields),
        // but CSV.swift keeps the byte-order mark in the first header when reading a string
        // and silently swallows text after a closing quote (`"x"y,2` becomes one field with the
        // next record), where SwiftCSV drops the mark and reports the stray character.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev, libpcre2-dev, libedit-dev; and libmimalloc-dev, linked below).
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev"])]),
        .systemLibrary(
            name: "CPCRE2",
            providers: [.apt(["libpcre2-dev"])]),
        // SQLite's process-wide settings (sqlite3_config), for DealqCore.
        .systemLibrary(name: "CSQLiteSetup"),
        .systemLibrary(
            name: "CEditLine",
            providers: [.apt(["libedit-dev"])]),

        // The query language: lexer, parser, AST, printer. No dependencies.
        .target(name: "DealqLanguage"),
        // Typed result tables and their renderers. Only the language's "did you mean" (Suggest).
        .target(name: "DealqRender", dependencies: ["DealqLanguage"]),
        // The engine: corpus reader, index, catalog, checker, planner, executor. No terminal I/O.
        .target(
            name: "DealqCore",
            dependencies: [
                "CCmarkGFM", "CPCRE2", "CSQLiteSetup", "DealqLanguage", "DealqRender",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            // mimalloc (libmimalloc-dev) is every dealq binary's malloc: it comes before the C
            // library among the libraries a binary needs, so its malloc and free are the ones
            // bound. A cold index makes millions of small allocations: 5% fewer instructions.
            linkerSettings: [.linkedLibrary("mimalloc")]),
        // The Model Context Protocol server behind `dealq mcp`: tools, resources and prompts over stdio.
        .target(
            name: "DealqMCP",
            dependencies: [
                "DealqCore",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The command-line front end.
        .executableTarget(
            name: "DealqCLI",
            dependencies: [
                "DealqCore", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // `dealq mcp` runs this binary, installed beside dealq: the SDK links Foundation's networking
        // (libcurl and its libraries), which the one-shot dealq neither needs nor loads.
        .executableTarget(
            name: "DealqMCPServer",
            dependencies: [
                "DealqCore", "DealqLanguage", "DealqMCP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Deterministic generator of realistic deal corpora (bundled sample, benchmarks).
        .executableTarget(name: "DealqGen", dependencies: ["DealqLanguage"]),

        .testTarget(name: "DealqLanguageTests", dependencies: ["DealqLanguage"]),
        .testTarget(name: "DealqRenderTests", dependencies: ["DealqRender"]),
        .testTarget(name: "DealqMCPTests", dependencies: ["DealqMCP", "DealqCore"]),
        .testTarget(
            name: "DealqCoreTests",
            // Yams: the front-matter reader over its node tree, kept to compare with the one over events.
            dependencies: ["DealqCore", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
