// swift-tools-version:6.1
import Foundation
import PackageDescription

// The libFuzzer target over the query pipeline. A package of its own, so that the
// fuzzer's entry point (`LLVMFuzzerTestOneInput`, with libFuzzer's `main`) never
// enters a plain build of dealq. Built and run by `scripts/fuzz.sh`:
//
//   swift build --package-path fuzzing -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// The dealq package is this folder's parent; a package found by path is named
// after its folder, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "dealq-fuzzing",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: root.path),
    ],
    targets: [
        // libFuzzer's driver, declared for Swift (its runtime comes with -sanitize=fuzzer).
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "QueryFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "DealqCore", package: root.lastPathComponent)]),
    ],
    swiftLanguageModes: [.v6]
)
