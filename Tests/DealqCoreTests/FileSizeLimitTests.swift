import Foundation
import Testing
@testable import DealqCore
#if canImport(Glibc)
import Glibc
#endif

/// The largest file read as a deal: `max_file_size` in `dealq.yml`, 5 MB unless set.
@Suite struct FileSizeLimitTests {
    // MARK: - Sizes as dealq.yml writes them

    @Test func sizesInBytesAndUnits() {
        #expect(ByteSize.parse("1048576") == 1_048_576)
        #expect(ByteSize.parse("20MB") == 20 << 20)
        #expect(ByteSize.parse("512 KB") == 512 << 10)
        #expect(ByteSize.parse(" 5 mb ") == 5 << 20)
        #expect(ByteSize.parse("1.5MB") == 1_572_864)
        #expect(ByteSize.parse("2GiB") == 2 << 30)
        #expect(ByteSize.parse("100 bytes") == 100)
        #expect(ByteSize.parse("1 B") == 1)
        for bad in ["", "lots", "MB", "0", "0 KB", "-1", "5 TB", "1.5", ".5MB", "5.MB", "1.2.3 MB", "5 M B", "1e3", "99999999999 GB"] {
            #expect(ByteSize.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func sizesAsMessagesShowThem() {
        #expect(ByteSize.shown(5 << 20) == "5 MB")
        #expect(ByteSize.shown(1_572_864) == "1.5 MB")
        #expect(ByteSize.shown(512 << 10) == "512 KB")
        #expect(ByteSize.shown(1_000) == "1,000 bytes")
        #expect(ByteSize.shown(1) == "1 byte")
        #expect(ByteSize.shown(2_000 << 30) == "2,000 GB")
        #expect(ByteSize.grouped(52_428_800) == "52,428,800")
        #expect(ByteSize.grouped(999) == "999")
    }

    @Test func theConfigSetsTheLimit() throws {
        #expect(try CorpusConfig.parse("topics: {}\n").maxFileSize == 5 << 20)
        #expect(try CorpusConfig.parse("max_file_size: 16MB\n").maxFileSize == 16 << 20)
        #expect(try CorpusConfig.parse("max_file_size: ~\n").maxFileSize == 5 << 20)
        #expect(try CorpusConfig.parse("max_file_size: 4096\n").fingerprint != CorpusConfig.parse("max_file_size: 4097\n").fingerprint)
    }

    @Test(arguments: [
        ("max_file_size: lots\n", "dealq.yml:1:16: error: 'max_file_size' must be a size such as 5MB, 512 KB or 1048576 (bytes), not 'lots'"),
        ("topics: {}\nmax_file_size: 0\n", "dealq.yml:2:16: error: 'max_file_size' must be a size such as 5MB, 512 KB or 1048576 (bytes), not '0'"),
        ("max_file_size: [5MB]\n", "dealq.yml:1:16: error: 'max_file_size' must be a size such as 5MB, 512 KB or 1048576 (bytes), not a list"),
    ])
    func aBadLimitIsADealqYmlError(text: String, message: String) {
        #expect(throws: FileDiagnostic.self) { _ = try CorpusConfig.parse(text) }
        do {
            _ = try CorpusConfig.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    // MARK: - Reading under the limit

    @Test func aFileAtTheLimitIsReadAndOneByteMoreIsNot() throws {
        let folder = TemporaryFolder()
        let limit = CorpusConfig().maxFileSize
        let text = dealText()
        folder.write("at.md", Data((text + String(repeating: "x", count: limit - text.utf8.count)).utf8))
        folder.write("over.md", Data((text + String(repeating: "x", count: limit + 1 - text.utf8.count)).utf8))
        guard case .bytes(let bytes) = CorpusFileRead.read(folder.path + "/at.md", limit: limit) else {
            Issue.record("a file of exactly the limit is read")
            return
        }
        #expect(bytes.count == limit)
        guard case .tooLarge(let size) = CorpusFileRead.read(folder.path + "/over.md", limit: limit) else {
            Issue.record("a file one byte over the limit is not read")
            return
        }
        #expect(size == limit + 1)
    }

    @Test func aLargeFileIsToldApartByItsFirstLineOnly() {
        let folder = TemporaryFolder()
        folder.write("crlf.md", "\u{FEFF}---\r\nid: X\r\n")
        folder.write("lf.md", "---\nid: X\n")
        folder.write("notes.md", "# Notes\n---\n")
        folder.write("dashes-more.md", "----\nid: X\n")
        folder.write("only.md", "---")
        func read(_ name: String) -> String {
            switch CorpusFileRead.read(folder.path + "/" + name, limit: 2) {
            case .bytes: "read"
            case .tooLarge(let size): "deal of \(size)"
            case .largeNonDeal: "not a deal"
            case .failed(let code): "failed \(code)"
            }
        }
        #expect(read("crlf.md") == "deal of 15")
        #expect(read("lf.md") == "deal of 10")
        #expect(read("notes.md") == "not a deal")
        #expect(read("dashes-more.md") == "not a deal")
        #expect(read("only.md") == "deal of 3")
        #expect(read("missing.md") == "failed \(ENOENT)")
    }

    // MARK: - dealq index and dealq check

    /// A deal of exactly `size` bytes (its body padded).
    static func deal(id: String, size: Int) -> String {
        let text = dealText(id: id)
        return text + String(repeating: "x", count: size - text.utf8.count)
    }

    static func tooLarge(_ path: String, size: Int, limit: String) -> String {
        "\(path):1:1: error: file is too large to read: \(ByteSize.grouped(size)) bytes, over the limit of 1,024 bytes (\(limit)); "
            + "raise 'max_file_size' in dealq.yml to read it\n"
    }

    @Test func indexRejectsAFileOverTheLimitAndKeepsTheOthers() throws {
        let folder = TemporaryFolder()
        folder.write("c/dealq.yml", "max_file_size: 1 KB\n")
        folder.write("c/at.md", Self.deal(id: "AT", size: 1_024))
        folder.write("c/over.md", Self.deal(id: "OVER", size: 1_025))
        folder.write("c/notes.md", "# Notes\n" + String(repeating: "n", count: 5_000))
        let index = try runDealq(["index", folder.path + "/c"])
        #expect(index.status == 1)
        #expect(index.stderr == Self.tooLarge("over.md", size: 1_025, limit: "1 KB"))
        #expect(index.stdout.contains("1 deal in the index"))
        #expect(index.stdout.contains("1 non-deal file skipped, 1 file rejected"))
        // Listed again by the next run, which reads nothing.
        let again = try runDealq(["index", folder.path + "/c"])
        #expect(again.status == 1)
        #expect(again.stderr == Self.tooLarge("over.md", size: 1_025, limit: "1 KB"))
        let check = try runDealq(["check"], in: folder.path + "/c")
        #expect(check.status == 1)
        #expect(check.stderr == Self.tooLarge("over.md", size: 1_025, limit: "1 KB"))
        #expect(check.stdout == "3 files checked: 1 deal, 1 non-deal file, 1 rejected\n")
        // Raised in dealq.yml, the file is read at the next run.
        folder.write("c/dealq.yml", "max_file_size: 2KB\n")
        let raised = try runDealq(["index", folder.path + "/c"])
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(raised.stdout.contains("2 deals in the index"))
        let query = try runDealq(["--corpus", folder.path + "/c", "--format", "csv", "count"])
        #expect(query.stdout == "deals\n2\n")
    }

    @Test func aBadLimitStopsIndexingWithItsPlace() throws {
        let folder = TemporaryFolder()
        folder.write("c/dealq.yml", "topics:\n  pricing: ['price']\nmax_file_size: 5 parsecs\n")
        folder.write("c/a.md", dealText())
        let index = try runDealq(["index", folder.path + "/c"])
        #expect(index.status == 1)
        #expect(index.stderr.contains(
            "dealq.yml:3:16: error: 'max_file_size' must be a size such as 5MB, 512 KB or 1048576 (bytes), not '5 parsecs'"))
    }
}
