import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// The byte-level shortcuts of the reader and the validator give what the `Character` and
/// `FileManager` code they replace gave (kept in `Legacy/LegacyReader.swift`), on ordinary and
/// awkward inputs alike.
@Suite("Reader and validator shortcuts = the code they replace")
struct ReaderFastPathTests {
    static let texts: [String] = [
        "", " ", "a", "552100554", "55210055400013", "552 100 554", "552\u{A0}100\u{A0}554", "5521005540", "55210055A",
        "５５２１００５５４", "552100554\r\n", "\r\n55210055", "21000", "2A004", "2B033", "2C004", "2a004", "21 000",
        "2100", "210000", "٢١٠٠٠", "2100\u{301}0", "e\u{301}2100", "compta@example.fr", "compta@examplefr",
        "@example.fr", "a@b@c.fr", "a b@c.fr", "a@b.fr ", "a.b@c", "é@exemple.fr", "a@exemple.fré",
        "a@\u{301}b.fr", "a\u{301}@b.fr", "a@b\u{2024}fr", "a\r\n@b.fr", "x@y.z", "@", "a@", "a@.",
        "\t552100554", "552100554\u{0B}", "552100554\u{1C}", "5\u{0085}52100554", "Dupont", " Dupont", "Dupont\n",
    ]

    @Test("e-mail shape, digits, INSEE code and identifier spaces, on every sample text")
    func validatorShortcuts() {
        for text in Self.texts {
            #expect(CaseValidator.hasEmailShape(text) == LegacyReader.hasEmailShape(text), "\(text.debugDescription)")
            #expect(CaseValidator.isInseeCode(text) == LegacyReader.isInseeCode(text), "\(text.debugDescription)")
            for count in [5, 9, 14] {
                #expect(
                    CaseValidator.isDigits(text, count: count) == LegacyReader.isDigits(text, count: count),
                    "\(text.debugDescription) \(count)")
            }
            #expect(
                CaseFileDecoder.identifierDigits(text) == CompanyIdentifier.digits(text), "\(text.debugDescription)")
        }
        // The shortcuts are not vacuous: each says yes and no on these samples.
        #expect(CaseValidator.hasEmailShape("compta@example.fr") && !CaseValidator.hasEmailShape("a b@c.fr"))
        #expect(CaseValidator.isInseeCode("2A004") && !CaseValidator.isInseeCode("2C004"))
        #expect(CaseValidator.isDigits("552100554", count: 9) && !CaseValidator.isDigits("552 100 554", count: 9))
        #expect(CaseFileDecoder.identifierDigits("552 100 554") == "552100554")
    }

    @Test("dates and amounts read from the bytes are the ones read from the text")
    func bytesParsers() {
        let samples = [
            "2025-03-31", "2025-02-29", "2024-02-29", "2025-13-01", "2025-00-10", "2025-01-32", "0000-01-01",
            "9999-12-31",
            "2025-3-31", "2025/03/31", "2025-03-31 ", "２０２５-03-31", "1800", "1800.5", "1800.00", "1800.123", "0",
            "0.00", ".5", "5.", "1,800.00", "-3", "999999999999999", "9999999999999999", "1e3", "",
        ]
        for sample in samples {
            var copy = sample
            let day = copy.withUTF8 { CaseFileDecoder.isoDay($0) }
            #expect(day == Day(iso: sample), "\(sample.debugDescription)")
            let amount = copy.withUTF8 { CaseFileDecoder.plainAmount($0) }
            #expect(amount == CaseFileDecoder.plainAmount(sample), "\(sample.debugDescription)")
        }
    }

    /// Both readers of the file's bytes on one path: the same bytes, or the same message.
    static func sameRead(_ path: String, _ label: String) {
        let old = Result { () throws(CaseFileError) in try LegacyReader.readPath(path) }
        let new = Result { () throws(CaseFileError) in try CaseFileReader.read(path: path) }
        switch (old, new) {
        case (.success(let before), .success(let after)):
            #expect(before == after, "\(label)")
        case (.failure(let before), .failure(let after)):
            #expect(before.problems == after.problems, "\(label)")
        default:
            Issue.record("\(label): \(old) then \(new)")
        }
    }

    @Test("reading the file: missing, a folder, links, a pipe, a device, empty, small, large, over the limit")
    func fileReading() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        try Data("version: 1\n".utf8).write(to: URL(fileURLWithPath: path("small.yaml")))
        try Data().write(to: URL(fileURLWithPath: path("empty.yaml")))
        // Larger than the first read buffer, so the buffer grows.
        try Data(repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024 + 17).write(
            to: URL(fileURLWithPath: path("large.yaml")))
        try FileManager.default.createDirectory(atPath: path("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("link.yaml"), withDestinationPath: path("small.yaml"))
        try FileManager.default.createSymbolicLink(atPath: path("link-folder"), withDestinationPath: path("sub"))
        try FileManager.default.createSymbolicLink(atPath: path("dangling.yaml"), withDestinationPath: path("none"))
        #expect(mkfifo(path("fifo.yaml"), 0o600) == 0)
        #expect(FileManager.default.createFile(atPath: path("big.yaml"), contents: Data("version: 1\n".utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("big.yaml")))
        try handle.truncate(atOffset: 51 * 1024 * 1024)
        try handle.close()
        let names = [
            "small.yaml", "empty.yaml", "large.yaml", "sub", "link.yaml", "link-folder", "dangling.yaml", "fifo.yaml",
            "big.yaml", "absent.yaml",
        ]
        for name in names { Self.sameRead(path(name), name) }
        Self.sameRead("/dev/null", "/dev/null")
        Self.sameRead("", "an empty path")
        #expect(try CaseFileReader.read(path: path("large.yaml")).count == 3 * 1024 * 1024 + 17)
    }
}
