import Crypto
import Foundation

/// SHA-256 as lowercase hexadecimal, the form used in manifests and in the archive.
enum SHA256Hex {
    static func of(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    static func of(_ text: String) -> String { of(Data(text.utf8)) }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ digest: SHA256.Digest) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
