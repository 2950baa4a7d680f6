import Foundation
import GRDB
import RecouvreModel

/// The mise en demeure as it was sent, read back from the archive for the court dossier (issue 15,
/// domain.md §5: the court dossier's exhibit is the notice actually sent, never a new letter): the
/// file archived with `archive add --file` (the signed scan, the PDF recouvre built), byte for byte,
/// else the text of the bundle's mise en demeure as archived. Its SHA-256 matched the one the archive
/// records when it was read.
public struct ArchivedLetter: Sendable, Hashable {
    public var noticeID: Int64
    /// The day the notice was sent.
    public var sent: Day
    /// Its name among the exhibits: `mise-en-demeure-2026-11-24.pdf`.
    public var fileName: String
    /// Where the completed case names it (`events[i].letter`): `archive/notification-3/<fileName>`.
    /// No file of the case's folder bears that path: the build serves these bytes for it.
    public var path: String
    public var data: Data
    public var sha256: String
    /// The file archived with `--file` (true), or the text of the bundle's mise en demeure (false).
    public var isSentFile: Bool

    /// The folder part of every archived letter's `path`.
    public static let pathPrefix = "archive/"
}

extension ArchiveStore {
    /// The latest notice archived for a case and sent on `sent` (by ID), with its receipts, or nil.
    public func formalNotice(caseReference: String, sent: Day) throws -> NoticeRecord? {
        let id = try read { db in
            try Int64.fetchOne(
                db, sql: "SELECT id FROM notice WHERE case_reference = ? AND sent = ? ORDER BY id DESC LIMIT 1",
                arguments: [caseReference, sent.iso])
        }
        return try id.map { try notice(id: $0) }
    }

    /// The letter of notice `noticeID` as sent: its sent file when one was archived, else its text.
    /// Bytes that no longer hash to the SHA-256 the archive recorded (the database was edited outside
    /// recouvre) are refused, naming the notice and both digests: a court dossier is never built on
    /// a letter other than the one sent.
    public func sentLetter(noticeID: Int64) throws -> ArchivedLetter {
        let record = try notice(id: noticeID)
        let stored: (name: String, recorded: String, data: Data?, isSentFile: Bool) = try read { db in
            if let name = record.sentFileName, let sha = record.sentFileSHA256 {
                let data = try Data.fetchOne(db, sql: "SELECT data FROM sent_file WHERE sha256 = ?", arguments: [sha])
                return (name, sha, data, true)
            }
            return (record.noticeFile, record.noticeSHA256, record.text.map { Data($0.utf8) }, false)
        }
        let what =
            stored.isSentFile
            ? "le fichier envoyé « \(stored.name) »" : "le texte de la mise en demeure « \(stored.name) »"
        guard let data = stored.data else {
            throw ArchiveError(
                .chainBroken,
                "\(path) : notification #\(noticeID) (envoyée le \(record.sent.iso)) : \(what) a été supprimé de "
                    + "l'archive (SHA-256 enregistré \(stored.recorded)) ; le dossier au tribunal n'est pas construit "
                    + "sur une autre lettre que celle envoyée (lancez recouvre archive verify)")
        }
        let actual = SHA256Hex.of(data)
        guard actual == stored.recorded else {
            throw ArchiveError(
                .chainBroken,
                "\(path) : notification #\(noticeID) (envoyée le \(record.sent.iso)) : \(what) ne correspond plus "
                    + "à l'empreinte enregistrée lors de l'archivage (SHA-256 enregistré \(stored.recorded), "
                    + "SHA-256 des octets gardés \(actual)) : l'archive a été modifiée hors de recouvre ; le dossier "
                    + "au tribunal n'est pas construit sur une autre lettre que celle envoyée (lancez recouvre "
                    + "archive verify)")
        }
        let fileName = "mise-en-demeure-\(record.sent.iso)" + Self.letterExtension(stored.name)
        return ArchivedLetter(
            noticeID: noticeID, sent: record.sent, fileName: fileName,
            path: "\(ArchivedLetter.pathPrefix)notification-\(noticeID)/\(fileName)", data: data, sha256: actual,
            isSentFile: stored.isSentFile)
    }

    /// `.pdf` for `Scan signé.PDF`; nothing for a name without a plain extension.
    static func letterExtension(_ name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        guard !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return ""
        }
        return "." + ext
    }
}
