import Foundation
import Testing

/// Every dealq binary (this test bundle too) takes malloc from mimalloc, linked
/// before the C library: a cold index allocates millions of small blocks.
@Suite struct AllocatorTests {
    /// The file mapped at `address` in this process (`/proc/self/maps`, read to its end: its size says 0).
    static func library(at address: UInt) throws -> String? {
        let maps = try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readDataToEndOfFile()
        for line in String(decoding: maps, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let range = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            if range.count == 2, range[0] <= address, address < range[1] { return fields.count > 5 ? String(fields[5]) : nil }
        }
        return nil
    }

    @Test func mallocIsMimallocs() throws {
        let malloc = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc"))
        let library = try #require(try Self.library(at: UInt(bitPattern: malloc)))
        #expect(library.contains("libmimalloc"), "malloc comes from \(library)")
        let free = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "free"))
        #expect(try Self.library(at: UInt(bitPattern: free)) == library)
    }
}
