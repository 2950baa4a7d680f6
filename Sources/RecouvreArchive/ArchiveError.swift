import Foundation
import GRDB
import RecouvreModel

#if canImport(Glibc)
    import Glibc
#endif

/// A problem with the archive of formal notices. Its `description` is the message the user sees;
/// every archive error is an input problem (exit status 1, interfaces.md).
public struct ArchiveError: RecouvreError, Sendable, Equatable {
    /// What went wrong, for callers and tests that need to tell the cases apart.
    public enum Kind: Sendable, Equatable {
        /// The bundle or an argument is wrong (missing key, bad date, unknown ID…).
        case input
        /// The bundle's mise en demeure no longer matches its manifest.
        case alteredBundle
        /// The database file is not a recouvre archive.
        case notAnArchive
        /// The database file was written by a newer recouvre.
        case newerSchema
        /// The hash chain does not verify.
        case chainBroken
        /// The archive's secret (outside the database) is missing, unreadable or not this archive's.
        case secretMissing
        /// An archive of schema 1 (unkeyed chain): `recouvre archive migrate` first.
        case oldSchema
        /// SQLite refused; `code` is its extended result code.
        case sqlite(code: Int32)
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An input problem.
    public init(_ message: String) { self.init(.input, message) }

    public var exitCode: Int32 { 1 }
    public var description: String { message }

    /// Keeps SQLite's own code and message; the SQL and its arguments are left out on purpose
    /// (they may carry debtor data, conventions.md).
    static func sqlite(_ error: DatabaseError, path: String) -> ArchiveError {
        let code = error.extendedResultCode
        let text: String
        let folder = (path as NSString).deletingLastPathComponent
        let readOnlyFileSystem = access(folder.isEmpty ? "." : folder, W_OK) != 0 && errno == EROFS
        switch error.resultCode {
        case .SQLITE_READONLY where readOnlyFileSystem, .SQLITE_CANTOPEN where readOnlyFileSystem:
            text =
                "\(path) : l'archive est sur un système de fichiers en lecture seule ; list, show, verify, export et "
                + "head la lisent, add et receipt ne peuvent pas y écrire"
        case .SQLITE_READONLY:
            text =
                "\(path) : l'archive est en lecture seule (système de fichiers en lecture seule ou droits "
                + "insuffisants) ; list, show, verify et export la lisent, add et receipt ne peuvent pas écrire"
        case .SQLITE_FULL: text = "\(path) : disque plein, rien n'a été archivé"
        case .SQLITE_CANTOPEN:
            text =
                "\(path) : l'archive ne peut pas être ouverte (dossier absent, en lecture seule ou droits insuffisants)"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            text = "\(path) : le fichier est endommagé ou n'est pas une base SQLite ; il n'a pas été modifié"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            text = "\(path) : l'archive est occupée par un autre processus depuis trop longtemps ; réessayez"
        case .SQLITE_IOERR: text = "\(path) : erreur d'entrée-sortie du disque (SQLite \(code.rawValue))"
        case .SQLITE_CONSTRAINT:
            text =
                "\(path) : l'archive refuse cette écriture (\(error.message ?? "contrainte")) : "
                + "elle n'est modifiable que par ajout"
        default:
            text = "\(path) : erreur SQLite \(code.rawValue)" + (error.message.map { " (\($0))" } ?? "")
        }
        return ArchiveError(.sqlite(code: code.rawValue), text)
    }

    /// Runs `body`, turning SQLite's errors into archive errors that keep its code and message.
    static func mapping<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw ArchiveError.sqlite(error, path: path)
        }
    }
}
