import Crypto
import Foundation
import RecouvreModel

/// The stable key of a debtor: its SIREN when it has one, else its customer code (an importer's)
/// or the case reference. It decides the debtor's shard and the order of the batch report, so it
/// never depends on the order of the input.
public struct DebtorKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The debtor's SIREN.
        case siren
        /// A customer code or the case reference (a debtor without a SIREN).
        case code
    }

    public var kind: Kind
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// The key of a case: the debtor's SIREN when valid, else `code` when given, else the reference.
    public init(of claim: Case, code: String? = nil) {
        if let siren = claim.debtor.siren, CompanyIdentifier.isValidSiren(siren) {
            self.init(kind: .siren, value: siren)
        } else {
            self.init(kind: .code, value: code ?? claim.reference)
        }
    }

    public var description: String { value }

    /// SHA-256 of the key's UTF-8 bytes, as lowercase hex.
    public var digest: String {
        SHA256.hash(data: Data(value.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The shard (0 ..< count) of this key: the first 8 bytes of its SHA-256, big-endian, modulo `count`.
    /// The same in any language: `int(hashlib.sha256(key.encode()).hexdigest()[:16], 16) % count`.
    public func shard(of count: Int) -> Int {
        var head: UInt64 = 0
        for byte in SHA256.hash(data: Data(value.utf8)).prefix(8) { head = head << 8 | UInt64(byte) }
        return Int(head % UInt64(count))
    }

    public static func < (lhs: DebtorKey, rhs: DebtorKey) -> Bool { lhs.value < rhs.value }
}

/// `--shard I/N`: the debtors whose key falls in shard I (0 ≤ I < N) of N.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `I/N`; nil when it is not two integers with 0 ≤ I < N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0,
            index < count
        else { return nil }
        self.init(index: index, count: count)
    }

    public func contains(_ key: DebtorKey) -> Bool { key.shard(of: count) == index }

    public var description: String { "\(index)/\(count)" }
}
