import Foundation

/// `DEALQ_TEST_VANISH_FOLDER=PATH`: tests delete that corpus folder (relative to
/// the root) after its parent is listed and just before it is opened, to show
/// that a folder deleted during a walk is left out and the walk goes on.
enum WalkTestHook {
    private static let vanishingFolder = ProcessInfo.processInfo.environment["DEALQ_TEST_VANISH_FOLDER"]

    static func beforeOpening(_ relative: String, at path: String) {
        guard let vanishingFolder, vanishingFolder == relative else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}
