import Foundation
import RecouvreCaseFile
import RecouvreModel

/// The edge that writes an import: one case file per debtor in the output folder, with the files they
/// need (`pieces/…`). Every case is validated first; if any has a problem, nothing is written. Files
/// are written under a temporary name and renamed into place, so an interrupted import leaves no
/// half-written case. An existing file is replaced only with `force`.
public enum ImportFolder {
    /// The text of an imported case file: a header of comments (where it came from, what to check),
    /// then the case.
    public static func text(of imported: ImportedCase, kind: String) -> String {
        var header = [
            "Importé par `recouvre import \(kind)` depuis \(imported.sources.joined(separator: ", ")).",
            "Vérifiez-le avec `recouvre check` avant `recouvre build`.",
        ]
        let warnings = imported.notes.filter { $0.kind == .warning }
        if !warnings.isEmpty {
            header.append("")
            header.append("À vérifier :")
            for note in warnings.prefix(50) { header.append("- " + note.description) }
        }
        return CaseFileWriter.yaml(imported.value, header: header)
    }

    /// Validates every case, then writes them to `folder` (created if needed). Returns the paths written.
    @discardableResult
    public static func write(_ result: ImportResult, to folder: URL, force: Bool) throws(ImportError) -> [String] {
        var problems: [ImportProblem] = []
        for imported in result.cases { problems.append(contentsOf: ImportValidator.problems(imported)) }
        if !problems.isEmpty { throw ImportError(problems) }
        var files: [(String, Data)] = []
        for imported in result.cases {
            files.append((imported.fileName, Data(text(of: imported, kind: result.kind).utf8)))
            for attachment in imported.attachments where !files.contains(where: { $0.0 == attachment.path }) {
                files.append((attachment.path, attachment.data))
            }
        }
        return try writeFiles(files, to: folder, force: force, protect: [])
    }

    /// Writes `files` (path relative to `folder` → bytes): all or nothing as far as the file system
    /// allows (each file renamed into place from a temporary beside it). Paths in `protect` are never
    /// replaced, even with `force`.
    public static func writeFiles(
        _ files: [(String, Data)], to folder: URL, force: Bool, protect: Set<String>
    )
        throws(ImportError)
        -> [String]
    {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ImportError("\(folder.path) existe et n'est pas un dossier", remedy: "donnez un dossier pour --out")
        }
        var existing: [String] = []
        for (path, data) in files {
            let target = folder.appendingPathComponent(path).path
            guard manager.fileExists(atPath: target) else { continue }
            if protect.contains(path) || (!force && manager.contents(atPath: target) != data) { existing.append(path) }
        }
        if !existing.isEmpty {
            throw ImportError(
                existing.prefix(20).map {
                    ImportProblem(
                        "\(folder.appendingPathComponent($0).path) existe déjà : rien n'a été écrit",
                        remedy: "choisissez un autre dossier --out, ou --force pour remplacer les dossiers importés")
                })
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let staging = folder.appendingPathComponent(".recouvre-import-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: staging) }
            var staged: [(URL, URL)] = []
            for (index, (path, data)) in files.enumerated() {
                let temporary = staging.appendingPathComponent("\(index)")
                try data.write(to: temporary)
                staged.append((temporary, folder.appendingPathComponent(path)))
            }
            for (temporary, target) in staged {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                // rename(2) replaces an existing file atomically.
                guard rename(temporary.path, target.path) == 0 else {
                    throw ImportError(
                        "écriture de \(target.path) impossible (errno \(errno)) ; les fichiers déjà en place sont complets"
                    )
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError("écriture dans \(folder.path) impossible : \(error.localizedDescription)")
        }
        return files.map { folder.appendingPathComponent($0.0).path }
    }
}
