import Foundation

/// A bundle as a zip whose entries are **stored** (not compressed): what `batch --zip` writes, one
/// file per debtor. Deterministic as `ZipSink`'s (entries in the given order, sorted by path; every
/// date 1980-01-01 00:00; permissions 0644; names in UTF-8), read by the same `BundleReader` (`verify`,
/// `archive add`). Stored, because compressing costs more CPU than the whole rest of writing a
/// bundle (ZIPFoundation's deflate: ≈ 0.6 ms per dossier of ≈ 25 kB here), for little gain on short
/// texts and already-compressed PDF exhibits.
///
/// Plain zip (no zip64): `zipData` returns nil past 65,535 entries or 4 GiB, and the caller falls
/// back to `ZipSink.zipData` (deflate, zip64).
public enum StoredZip {
    /// DOS date of 1980-01-01 (`ZipSink.entryDate`): day 1, month 1, year 0; time 00:00:00.
    static let dosDate: UInt16 = (1 << 5) | 1
    static let dosTime: UInt16 = 0

    /// The zip's bytes, or nil when the bundle is beyond a plain zip's limits.
    public static func zipData(allFiles: [BundleFile]) -> Data? {
        guard allFiles.count <= 0xFFFF else { return nil }
        var total = 22
        for file in allFiles { total += 30 + 46 + 2 * file.path.utf8.count + file.data.count }
        guard total <= Int(UInt32.max) else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(total)
        var central = [UInt8]()
        central.reserveCapacity(allFiles.reduce(0) { $0 + 46 + $1.path.utf8.count })
        for file in allFiles {
            let name = Array(file.path.utf8)
            let size = UInt32(file.data.count)
            let crc = file.data.withUnsafeBytes { ZipCRC32.checksum($0) }
            let offset = UInt32(out.count)
            // Local file header.
            out.append32(0x0403_4B50)
            out.append16(10)  // version needed: 1.0 (stored)
            out.append16(0x0800)  // names in UTF-8
            out.append16(0)  // stored
            out.append16(dosTime)
            out.append16(dosDate)
            out.append32(crc)
            out.append32(size)
            out.append32(size)
            out.append16(UInt16(name.count))
            out.append16(0)
            out.append(contentsOf: name)
            file.data.withUnsafeBytes { out.append(contentsOf: $0) }
            // Its central directory record.
            central.append32(0x0201_4B50)
            central.append16(0x0314)  // made by: UNIX, 2.0
            central.append16(10)
            central.append16(0x0800)
            central.append16(0)
            central.append16(dosTime)
            central.append16(dosDate)
            central.append32(crc)
            central.append32(size)
            central.append32(size)
            central.append16(UInt16(name.count))
            central.append16(0)  // extra
            central.append16(0)  // comment
            central.append16(0)  // disk
            central.append16(0)  // internal attributes
            central.append32(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
            central.append32(offset)
            central.append(contentsOf: name)
        }
        let centralOffset = UInt32(out.count)
        out.append(contentsOf: central)
        // End of central directory.
        out.append32(0x0605_4B50)
        out.append16(0)
        out.append16(0)
        out.append16(UInt16(allFiles.count))
        out.append16(UInt16(allFiles.count))
        out.append32(UInt32(central.count))
        out.append32(centralOffset)
        out.append16(0)
        return Data(out)
    }
}

/// CRC-32 (ISO 3309, the zip's), eight bytes a step (slicing-by-8 tables). Written here because
/// ZIPFoundation's public `Data.crc32(checksum:)` uses zlib only where a `zlib` module can be imported
/// (Apple platforms); on Linux it falls back to one table lookup per byte, and a batch checksums every
/// byte of every bundle. `BatchZipTests` reads each zip back through ZIPFoundation, which checks the CRCs.
enum ZipCRC32 {
    /// Eight tables of 256 entries, one after the other: `table[k * 256 + b]`.
    static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            table[index] = crc
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = table[(slice - 1) * 256 + index]
                table[slice * 256 + index] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()

    /// The CRC-32 of `bytes`, one byte at a time: the reference the tests compare `checksum` with.
    static func bytewiseChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = (crc >> 8) ^ table[Int((crc ^ UInt32(byte)) & 0xFF)] }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        let count = bytes.count
        guard count > 0 else { return 0 }
        return Self.table.withUnsafeBufferPointer { table in
            var index = 0
            while index + 8 <= count {
                let low =
                    (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                        | UInt32(bytes[index + 3]) << 24) ^ crc
                let high =
                    UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8 | UInt32(bytes[index + 6]) << 16
                    | UInt32(bytes[index + 7]) << 24
                crc =
                    table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ table[Int((crc ^ UInt32(bytes[index])) & 0xFF)]
                index += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }
}

extension [UInt8] {
    fileprivate mutating func append16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    fileprivate mutating func append32(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }
}
