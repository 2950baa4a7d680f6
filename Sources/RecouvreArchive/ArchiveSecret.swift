import Crypto
import Foundation
import RecouvreBundleIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The per-archive secret that keys the hash chain (HMAC-SHA-256, from archive schema 2). It is
/// kept outside the database, so that someone holding only the archive file cannot rewrite a row
/// and recompute the later hashes: by default `$XDG_CONFIG_HOME/recouvre/archive-keys/<archive
/// id>.key` (else `~/.config/recouvre/…`), a file of 64 hexadecimal digits, mode 0600 in a 0700
/// folder, created with the archive (or by `archive migrate`). `--secret FILE` or
/// `RECOUVRE_ARCHIVE_SECRET=FILE` names another file. Lose it and the archive can no longer be
/// verified or extended: back it up (docs/archive.md).
public struct ArchiveSecret: Sendable {
    let key: SymmetricKey
    /// Where it was read from or written to.
    public let path: String

    /// Where the secret of archive `archiveID` lives: `explicit` (option or environment) when given.
    public static func location(
        archiveID: String, explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let file = environment["RECOUVRE_ARCHIVE_SECRET"], !file.isEmpty { return file }
        let config: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            config = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            config = home + "/.config"
        }
        return config + "/recouvre/archive-keys/\(archiveID).key"
    }

    /// Reads the secret at `path`.
    static func load(path: String, archive: String) throws -> ArchiveSecret {
        let data: Data
        do { data = try FileSystem.readRegularFile(path, limit: 4096) } catch {
            if error.code == ENOENT {
                throw ArchiveError(
                    .secretMissing,
                    "\(archive) : le secret de l'archive est introuvable (\(path)). Il a été créé avec l'archive ; "
                        + "restaurez sa sauvegarde à cet endroit, ou donnez-le avec --secret FICHIER. Sans lui, la "
                        + "chaîne ne peut être ni vérifiée ni prolongée.")
            }
            throw ArchiveError(.secretMissing, "\(archive) : le secret \(path) ne peut pas être lu (\(error.reason))")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count == 64, let bytes = Self.bytes(hex: text) else {
            throw ArchiveError(
                .secretMissing, "\(archive) : \(path) n'est pas un secret d'archive recouvre (64 chiffres hexadécimaux)"
            )
        }
        return ArchiveSecret(key: SymmetricKey(data: bytes), path: path)
    }

    /// Creates a new random secret at `path` (never overwrites one), mode 0600.
    static func create(path: String, archive: String) throws -> ArchiveSecret {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArchiveError(
                "\(archive) : le dossier du secret \(folder) ne peut pas être créé (\(FileSystemError.reason(of: error)))"
            )
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined() + "\n"
        // Written whole under a temporary name, then linked into place: another process never reads
        // a half-written secret, and an existing one is never replaced (link fails with EEXIST).
        let temporary = path + ".tmp-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            throw ArchiveError(
                "\(archive) : le secret \(path) ne peut pas être créé (\(FileSystemError.reason(errno: code)))")
        }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = written == bytes.count && fsync(descriptor) == 0
        let writeError = errno
        close(descriptor)
        guard synced else {
            throw ArchiveError(
                "\(archive) : le secret \(path) ne peut pas être écrit (\(FileSystemError.reason(errno: writeError)))")
        }
        guard link(temporary, path) == 0 else {
            let code = errno
            throw ArchiveError(
                code == EEXIST
                    ? "\(archive) : un secret existe déjà à \(path) ; recouvre ne le remplace jamais"
                    : "\(archive) : le secret \(path) ne peut pas être créé (\(FileSystemError.reason(errno: code)))")
        }
        return ArchiveSecret(key: key, path: path)
    }

    /// HMAC-SHA-256 of `bytes`, lowercase hexadecimal.
    func mac(_ bytes: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        return Data(code).map { String(format: "%02x", $0) }.joined()
    }

    func mac(_ text: String) -> String { mac(Array(text.utf8)) }

    /// What the archive records to tell its secret from another one.
    func check(archiveID: String) -> String { mac("recouvre.archive.key-check/1\narchive=\(archiveID)\n") }

    /// The seal over the unkeyed entries that a migration found (entries 1…`seq`, ending in `head`).
    func seal(archiveID: String, seq: Int64, head: String) -> String {
        mac("recouvre.archive.seal/1\narchive=\(archiveID)\nseq=\(seq)\nhead=\(head)\n")
    }

    private static func bytes(hex: String) -> [UInt8]? {
        var result: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next() {
            guard let low = iterator.next(), let h = nibble(high), let l = nibble(low) else { return nil }
            result.append(h << 4 | l)
        }
        return result
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
