/// A folder of the corpus the walk could not go into: its name is not UTF-8,
/// it cannot be read, or it disappeared during the scan. The rest of the corpus
/// is indexed; the folder is not recorded, so the next run tries it again.
public struct FolderWarning: Sendable, Equatable, CustomStringConvertible {
    /// Relative to the corpus root, with bytes that are not UTF-8 shown as `\xNN`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): warning: \(message)" }
}

/// File names as bytes, shown to people.
enum FileName {
    /// The name as text when it is valid UTF-8, else nil.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error: return nil
            }
        }
    }

    /// The name with each byte that is not part of valid UTF-8 written `\xNN` (`folder-\xff`).
    static func escaped(_ bytes: some Collection<UInt8>) -> String {
        var result = ""
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                result.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                for byte in pending.prefix(length) { result += "\\x" + hex(byte) }
                pending = pending.dropFirst(length)
            case .emptyInput:
                return result
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
