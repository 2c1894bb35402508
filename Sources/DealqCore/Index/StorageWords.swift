import Foundation
import GRDB

/// What a SQLite or file-system failure means, in words a person can act on:
/// SQLite's own messages ("attempt to write a readonly database") and
/// Foundation's error dumps never reach a user.
enum StorageWords {
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            // A plain SQL error (SQLITE_ERROR) keeps SQLite's sentence: it names what the statement met.
            if error.resultCode == .SQLITE_ERROR, let message = error.message { return message }
            return describe(error.resultCode)
        }
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "the disk is full"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            default: return "the file system refused (error \(error.code.rawValue))"
            }
        }
        return "an unexpected failure"
    }

    /// A SQLite result code (primary) in words.
    static func describe(_ code: ResultCode) -> String {
        switch code.primaryResultCode {
        case .SQLITE_CORRUPT: return "SQLite found a malformed page in it"
        case .SQLITE_NOTADB: return "it is not a database file"
        case .SQLITE_READONLY: return "it cannot be written (read-only)"
        case .SQLITE_CANTOPEN: return "it cannot be opened"
        case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another program kept it locked"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_IOERR: return "reading or writing the file failed"
        case .SQLITE_NOMEM: return "out of memory"
        case .SQLITE_INTERRUPT: return "interrupted"
        case .SQLITE_TOOBIG: return "a value is too large"
        default: return "SQLite failed with result code \(code.primaryResultCode.rawValue)"
        }
    }
}
