import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreBundle
@testable import RecouvreBundleIO

/// The target's path strings worked out without a URL, the temporary names' suffix written without
/// Foundation's UUID formatting, and the warnings kept once without a `Set` (lead, session 7): each
/// the same as the Foundation or `Set` code it replaces.
@Suite("target paths, unique suffixes and warnings kept once")
struct TargetPathTests {
    /// Characters a bundle or folder name may hold: letters, accents (composed and not), spaces,
    /// percent signs, URL punctuation, dots.
    static let pieces = [
        "a", "Z", "0", "9", "-", "_", ".", " ", "%", "%20", "#", "?", ":", "@", "&", "+", "é", "e\u{301}", "ß", "😀",
        "~", "'", "\"", ",", ";", "=", "[", "]", "zip", ".zip",
    ]

    static func name(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...6, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test("TargetLocation(folder:name:) = the standardized URL's path, parent and name")
    func locationMatchesURL() {
        var generator = SeededGenerator(seed: 0x7A26)
        var compared = 0
        for _ in 0..<4_000 {
            var folder = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) { folder += "/" + Self.name(&generator) }
            let name = Self.name(&generator)
            let viaURL = TargetLocation(URL(fileURLWithPath: folder).standardizedFileURL.appendingPathComponent(name))
            // The fast form is taken only for a folder already standardized and a plain name.
            let standardized = URL(fileURLWithPath: folder).standardizedFileURL.path
            guard let direct = TargetLocation(folder: folder, name: name) else { continue }
            #expect(folder == standardized, "folder \(folder) taken but standardizes to \(standardized)")
            #expect(direct == viaURL, "folder \(folder) name \(name)")
            compared += 1
        }
        #expect(compared > 2_000)
    }

    @Test("names and folders the direct form declines")
    func declined() {
        for (folder, name) in [
            ("/tmp/out", ""), ("/tmp/out", "."), ("/tmp/out", ".."), ("/tmp/out", "a/b"), ("/", "a.zip"),
            ("tmp/out", "a"), ("/tmp/out/", "a"), ("/tmp/./out", "a"), ("/tmp/../out", "a"), ("/tmp/out/.", "a"),
            ("/tmp/out/..", "a"), ("//tmp", "a"), ("/tmp//out", "a"), ("/tmp/out", "a\u{0}b"),
        ] {
            #expect(TargetLocation(folder: folder, name: name) == nil, "\(folder) + \(name)")
        }
        #expect(TargetLocation(folder: "/tmp/out", name: "123456789.zip")?.path == "/tmp/out/123456789.zip")
    }

    @Test("the unique suffix reads back as the UUID it spells, version 4, variant 10")
    func uniqueSuffix() {
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let suffix = AtomicTarget.uniqueSuffix()
            guard let uuid = UUID(uuidString: suffix) else {
                Issue.record("not a UUID: \(suffix)")
                continue
            }
            #expect(uuid.uuidString == suffix)
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 4)
            #expect(bytes[8] >> 6 == 2)
            seen.insert(suffix)
        }
        #expect(seen.count == 2_000)
    }

    @Test("Warnings.firstOccurrences = filtering through a Set<String>, order kept")
    func warningsKeptOnce() {
        var generator = SeededGenerator(seed: 0x5EE7)
        // Texts equal as Strings but not as bytes (é composed or not) count as the same, as in a Set.
        let texts = [
            "Le taux légal s'applique.", "Le taux le\u{301}gal s'applique.", "Relance envoyée", "", "a", "A",
            "Prescription : délai de 5 ans (C. civ. 2224)", "Prescription : délai de 5 ans (C. civ. 2224) ",
        ]
        for _ in 0..<3_000 {
            let list = (0..<Int.random(in: 0...(Warnings.linearLimit + 8), using: &generator)).map { _ in
                texts.randomElement(using: &generator)!
            }
            var seen = Set<String>()
            let reference = list.filter { seen.insert($0).inserted }
            let kept = Warnings.firstOccurrences(list)
            #expect(kept.count == reference.count)
            // The first occurrence's bytes are kept, as the Set filter keeps them.
            #expect(zip(kept, reference).allSatisfy { Array($0.utf8) == Array($1.utf8) })
        }
    }
}

@Suite("stored zip CRC-32")
struct ZipChecksumTests {
    @Test("the 8-byte loop = the byte-at-a-time CRC, at every length and alignment; known values")
    func checksums() {
        var generator = SeededGenerator(seed: 0xC4C3)
        let bytes = (0..<4_200).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBytes { all in
            for start in 0..<9 {
                for count in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1_000, 4_000]
                    + (0..<20).map({ _ in
                        Int.random(in: 0...4_000, using: &generator)
                    })
                {
                    let slice = UnsafeRawBufferPointer(rebasing: all[start..<(start + count)])
                    #expect(
                        ZipCRC32.checksum(slice) == ZipCRC32.bytewiseChecksum(slice), "start \(start) count \(count)")
                }
            }
        }
        // The check value of CRC-32/ISO-HDLC (the zip's): "123456789" → 0xCBF43926.
        Array("123456789".utf8).withUnsafeBytes { #expect(ZipCRC32.checksum($0) == 0xCBF4_3926) }
    }
}
