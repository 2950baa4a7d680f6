import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// The folder source's direct path (one `lstat` per component below the folder's real path, no
/// `realpath`) answers exactly what the full resolution answers, for every kind of path a case can
/// name: plain files, links in and out (at the end and on the way), dangling links, folders, FIFOs,
/// `..` and empty components — with the folder's real path resolved per use or given once, and through
/// the folders opened once (`FolderHandles`) as through the path walk alone.
@Suite("Exhibit paths: direct check = full resolution")
struct ExhibitDirectPathTests {
    /// The answer of the full resolution (the source's algorithm before the direct path).
    static func reference(_ folder: URL, _ path: String) -> ExhibitEntry {
        let joined = folder.appendingPathComponent(path).path
        var info = stat()
        guard lstat(joined, &info) == 0 else { return errno == EACCES ? .unreadable : .missing }
        guard let base = FolderExhibitSource.realPath(folder.path), let real = FolderExhibitSource.realPath(joined)
        else { return .missing }
        guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return .outside }
        guard stat(real, &info) == 0 else { return errno == EACCES ? .unreadable : .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return access(real, R_OK) == 0 ? .file(size: Int(info.st_size)) : .unreadable
        default: return .special
        }
    }

    static let paths = [
        "pieces/devis.pdf", "pieces/sub/facture.pdf", "pieces/alias.pdf", "pieces/linked/facture.pdf",
        "pieces/out/passwd", "pieces/passwd", "pieces/dangling", "pieces/dangling-dir/x", "pieces", "pieces/sub",
        "pieces/fifo", "pieces/absent.pdf", "absent/devis.pdf", "pieces/devis.pdf/x", "pieces/../pieces/devis.pdf",
        "../outside.pdf", "pieces//devis.pdf", "./pieces/devis.pdf", "pieces/./devis.pdf", "pieces/...",
        "/etc/passwd", "pieces/sub/", "pieces/up/devis.pdf",
    ]

    @Test("every path: the same entry and the same bytes or refusal, folder resolved per use or once")
    func sameAnswers() throws {
        let manager = FileManager.default
        let base = try TestPaths.temporaryFolder("recouvre-direct")
        let outside = try TestPaths.temporaryFolder("recouvre-direct-out")
        defer {
            try? manager.removeItem(at: base)
            try? manager.removeItem(at: outside)
        }
        try manager.createDirectory(at: base.appendingPathComponent("pieces/sub"), withIntermediateDirectories: true)
        try Data("%PDF-1.4".utf8).write(to: base.appendingPathComponent("pieces/devis.pdf"))
        try Data("facture".utf8).write(to: base.appendingPathComponent("pieces/sub/facture.pdf"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("passwd"))
        try Data("dehors".utf8).write(to: base.appendingPathComponent("outside.pdf"))
        func link(_ name: String, _ target: String) throws {
            try manager.createSymbolicLink(atPath: base.appendingPathComponent(name).path, withDestinationPath: target)
        }
        try link("pieces/alias.pdf", "devis.pdf")
        try link("pieces/linked", "sub")
        try link("pieces/out", outside.path)
        try link("pieces/passwd", outside.appendingPathComponent("passwd").path)
        try link("pieces/dangling", "nowhere")
        try link("pieces/dangling-dir", "nowhere")
        try link("pieces/up", "..")
        #expect(mkfifo(base.appendingPathComponent("pieces/fifo").path, 0o600) == 0)

        let real = try #require(FolderExhibitSource.realPath(base.path))
        // Two cases of one batch sharing the folder's descriptors (`SharedFolders`), as the batch does.
        let shared = SharedFolders(realFolder: real)
        let sources = [
            FolderExhibitSource(folder: base), FolderExhibitSource(folder: base, realFolder: real),
            FolderExhibitSource(folder: base, realFolder: real, shared: shared),
            FolderExhibitSource(folder: base, realFolder: real, shared: shared),
        ]
        // The path walk alone (no opened folders): the opened folders' answers must be its answers,
        // byte for byte and refusal for refusal.
        let walking = FolderExhibitSource(folder: base, realFolder: real)
        walking.handles.disable()
        func answer(_ source: FolderExhibitSource, _ path: String) -> Result<Data, ExhibitReadError> {
            Result { () throws(ExhibitReadError) -> Data in try source.contents(of: path) }
        }
        for path in Self.paths {
            let expected = Self.reference(base, path)
            #expect(walking.entry(at: path) == expected, "\(path)")
            for source in sources {
                #expect(answer(source, path) == answer(walking, path), "\(path)")
            }
            for source in sources {
                #expect(source.entry(at: path) == expected, "\(path)")
                // The bytes are given for a file only, else the refusal names the same entry.
                do {
                    let data = try source.contents(of: path)
                    guard case .file(let size) = expected else {
                        Issue.record("\(path): read although \(expected)")
                        continue
                    }
                    #expect(data.count == size, "\(path)")
                } catch {
                    if case .file = expected { Issue.record("\(path): refused (\(error)) although a file") }
                    if expected == .outside { #expect(error.entry == .outside, "\(path)") }
                }
            }
        }
        // The opened folders are taken for a plain path, never through a linked folder.
        #expect(sources[1].handles.locate("pieces/sub/facture.pdf", base: real) != nil)
        #expect(sources[1].handles.locate("pieces/linked/facture.pdf", base: real) == nil)
        #expect(sources[1].handles.locate("pieces/up/devis.pdf", base: real) == nil)
        #expect(walking.handles.locate("pieces/devis.pdf", base: real) == nil)
        // The sharing sources read `pieces` through the one descriptor the cache opened.
        let first = try #require(sources[2].handles.locate("pieces/devis.pdf", base: real))
        let second = try #require(sources[3].handles.locate("pieces/devis.pdf", base: real))
        #expect(first.folder == second.folder)
        #expect(first.folder != sources[1].handles.locate("pieces/devis.pdf", base: real)?.folder)
        // A linked first-level folder is not kept by the cache either (the walk answered above).
        #expect(shared.folder("pieces") == .opened(first.folder))
        #expect(shared.folder("absent") == .failed)
        // Sanity of the fixture itself: both kinds of refusal and of acceptance occur.
        #expect(Self.reference(base, "pieces/out/passwd") == .outside)
        #expect(Self.reference(base, "pieces/linked/facture.pdf") == .file(size: 7))
        #expect(Self.reference(base, "pieces/passwd") == .outside)
    }

    @Test("a batch's shared folders: closed with the last case only, bounded, never another folder's")
    func sharedFolders() throws {
        let manager = FileManager.default
        let base = try TestPaths.temporaryFolder("recouvre-shared")
        let other = try TestPaths.temporaryFolder("recouvre-shared-other")
        defer {
            try? manager.removeItem(at: base)
            try? manager.removeItem(at: other)
        }
        let count = SharedFolders.limit + 3
        for index in 0..<count {
            let folder = base.appendingPathComponent("d\(index)")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("pièce \(index)".utf8).write(to: folder.appendingPathComponent("p.txt"))
        }
        try Data("ailleurs".utf8).write(to: other.appendingPathComponent("p.txt"))
        let real = try #require(FolderExhibitSource.realPath(base.path))
        var shared: SharedFolders? = SharedFolders(realFolder: real)
        // Each case reads its own first-level folder: the cache keeps `limit` of them, the cases past
        // it open theirs (and read the same bytes).
        for index in 0..<count {
            let source = FolderExhibitSource(folder: base, realFolder: real, shared: shared)
            #expect(try source.contents(of: "d\(index)/p.txt") == Data("pièce \(index)".utf8), "\(index)")
            #expect(source.entry(at: "d\(index)/p.txt") == .file(size: "pièce \(index)".utf8.count))
        }
        #expect(shared?.keptFolders == SharedFolders.limit)
        // A first-level folder that is a link is never kept: the case takes the walk, which follows it
        // inside the folder and refuses it outside, as a source without the cache answers (a cache not yet full).
        let fresh = SharedFolders(realFolder: real)
        try manager.createSymbolicLink(atPath: base.appendingPathComponent("lien").path, withDestinationPath: "d1")
        try manager.createSymbolicLink(
            atPath: base.appendingPathComponent("dehors").path, withDestinationPath: other.path)
        for path in ["lien/p.txt", "dehors/p.txt"] {
            let alone = FolderExhibitSource(folder: base, realFolder: real)
            let sharing = FolderExhibitSource(folder: base, realFolder: real, shared: fresh)
            #expect(sharing.entry(at: path) == alone.entry(at: path), "\(path)")
            #expect(
                Result { () throws(ExhibitReadError) -> Data in try sharing.contents(of: path) }
                    == Result { () throws(ExhibitReadError) -> Data in try alone.contents(of: path) }, "\(path)")
        }
        #expect(
            FolderExhibitSource(folder: base, realFolder: real, shared: fresh).entry(at: "dehors/p.txt") == .outside)
        #expect(fresh.folder("lien") == .failed)
        // A case gone does not close what the others still read through.
        let kept = try #require(shared?.folder("d0"))
        guard case .opened(let descriptor) = kept else {
            Issue.record("d0 not kept: \(kept)")
            return
        }
        do {
            let gone = FolderExhibitSource(folder: base, realFolder: real, shared: shared)
            _ = try gone.contents(of: "d0/p.txt")
        }
        // (By what the descriptor names, not whether it is open: a test running beside this one may
        // be given the same number once it is closed.)
        func named(_ descriptor: Int32) -> String? {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)")
        }
        let d0 = real + "/d0"
        #expect(named(descriptor) == d0)
        #expect(named(try #require(shared?.baseDescriptor())) == real)
        #expect(
            try FolderExhibitSource(folder: base, realFolder: real, shared: shared).contents(of: "d0/p.txt")
                == Data("pièce 0".utf8))
        // Another folder's source ignores the cache: it reads its own folder.
        do {
            let otherReal = try #require(FolderExhibitSource.realPath(other.path))
            let elsewhere = FolderExhibitSource(folder: other, realFolder: otherReal, shared: shared)
            #expect(try elsewhere.contents(of: "p.txt") == Data("ailleurs".utf8))
        }
        // With the last case, the cache closes its descriptors.
        shared = nil
        #expect(named(descriptor) != d0)
    }

    @Test("only a normalized relative path takes the direct check")
    func plainRelative() {
        for path in ["a", "a/b", "pieces/devis.pdf", ".hidden", "a/.b", "a..b", "a/b.c"] {
            #expect(FolderExhibitSource.isPlainRelative(path), "\(path)")
        }
        for path in ["", "/a", "a/", "a//b", ".", "..", "a/..", "../a", "a/./b", "...", "a/../b"] {
            #expect(!FolderExhibitSource.isPlainRelative(path), "\(path)")
        }
    }

    @Test("an exhibit is read whole, whatever its size against the read's first guess")
    func readWhole() throws {
        let manager = FileManager.default
        let base = try TestPaths.temporaryFolder("recouvre-direct-read")
        defer { try? manager.removeItem(at: base) }
        let source = FolderExhibitSource(folder: base)
        for size in [0, 1, 4095, 4096, 4097, 70_000, 1_000_003] {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            try bytes.write(to: base.appendingPathComponent("f\(size)"))
            #expect(try source.contents(of: "f\(size)") == bytes, "\(size)")
            // A first guess smaller or larger than the file still reads it all.
            let descriptor = open(base.appendingPathComponent("f\(size)").path, O_RDONLY)
            defer { close(descriptor) }
            #expect(FolderExhibitSource.readAll(descriptor, expected: max(0, size / 3)) == bytes, "\(size)")
        }
    }
}
