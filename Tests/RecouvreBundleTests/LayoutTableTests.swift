import Foundation
import RecouvreTestSupport
import Testing

/// The README's layout table says which modules read or write files (the edges: the case reader, the
/// law-book loader, the importers, the bundle sinks, the archive…) and that no other does; the code
/// must match it. A module marked "no" may not use a file API; a module marked **edge** does; every
/// module under Sources/ has its row.
@Suite("The README's layout table matches the code")
struct LayoutTableTests {
    /// Calls that open, read, write or list files (a pipe or stderr is not a file).
    static let fileAPIs = [
        "FileManager", "String(contentsOf", "Data(contentsOf", "contents(atPath", "FileHandle(forReadingAtPath",
        "FileHandle(forWritingAtPath", "FileHandle(forUpdatingAtPath", "FileHandle(forReadingFrom",
        "FileHandle(forWritingTo", "fopen(", "atomically:", "options: .atomic", "createFile(",
    ]

    struct Row {
        var modules: [String]
        var edge: String
    }

    /// The table's rows naming `Sources/…` paths, with their last column.
    static func rows() throws -> [Row] {
        let readme = try String(contentsOf: TestPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## Layout") else { return [] }
        var rows: [Row] = []
        for line in readme[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("| `Sources/") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4 else { continue }
            let modules = cells[1].split(separator: ",").compactMap { cell -> String? in
                let path = cell.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
                return path.hasPrefix("Sources/") ? String(path.dropFirst("Sources/".count)) : nil
            }
            rows.append(Row(modules: modules, edge: cells[3]))
        }
        return rows
    }

    /// The file APIs a module's Swift sources use, as `file: api`.
    static func fileUses(of module: String) throws -> [String] {
        let folder = TestPaths.root.appendingPathComponent("Sources/\(module)")
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        var uses: [String] = []
        for name in names.sorted() where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
            for api in fileAPIs where code.contains(api) { uses.append("\(module)/\(name): \(api)") }
        }
        return uses
    }

    @Test("a module the table marks \"no\" uses no file API; one it marks edge does")
    func edgesMatch() throws {
        let rows = try Self.rows()
        #expect(rows.count > 10)
        for row in rows {
            var rowUses: [String] = []
            for module in row.modules where !module.hasPrefix("C") {
                let uses = try Self.fileUses(of: module)
                rowUses += uses
                if row.edge.hasPrefix("no") {
                    #expect(uses.isEmpty, "README says \(module) reads no file, but: \(uses.joined(separator: "; "))")
                }
            }
            if row.edge.hasPrefix("**edge**") {
                #expect(!rowUses.isEmpty, "README says \(row.modules) is an edge, but it uses no file API")
            }
        }
        // The stages the issue names are functions of values.
        let noFiles = Set(rows.filter { $0.edge.hasPrefix("no") }.flatMap(\.modules))
        // RecouvreXML too: it compiles the e-invoice schemas from the bytes the law-book loader read.
        for stage in [
            "RecouvreModel", "RecouvreLaw", "RecouvreRoute", "RecouvreDocuments", "RecouvreBundle", "RecouvreXML",
        ] {
            #expect(noFiles.contains(stage), "\(stage) should be marked as reading no file")
        }
    }

    @Test("every module under Sources/ has its row in the layout table")
    func everyModuleListed() throws {
        let listed = Set(try Self.rows().flatMap(\.modules))
        let sources = TestPaths.root.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }
        for module in modules.sorted() {
            #expect(listed.contains(module), "README.md's layout table has no row for Sources/\(module)")
        }
    }
}
