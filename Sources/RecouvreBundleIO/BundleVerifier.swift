import Foundation
import RecouvreModel

/// What `recouvre verify` found wrong with a bundle. Every case makes the bundle "altered" (exit 1).
public enum VerifyProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file's bytes no longer match the manifest's SHA-256 or size.
    case altered(String)
    /// A file that the manifest does not list.
    case added(String)
    /// A file the manifest lists that is not there.
    case removed(String)
    /// dossier.xml does not validate against the XSD (libxml2's messages).
    case invalidXML(String)
    /// Anything else that shows the bundle is not as built (the path and the reason): a link, a
    /// FIFO, a `../` or absolute or duplicate zip entry, a missing dossier.xml, an unknown manifest
    /// schema, a document whose SHA-256 differs from the one dossier.xml records…
    case tampered(String, String)

    public var description: String {
        switch self {
        case .altered(let path): return "modifié : \(path) (son SHA-256 ou sa taille diffère du manifeste)"
        case .added(let path): return "ajouté : \(path) (absent du manifeste)"
        case .removed(let path): return "supprimé : \(path) (listé dans le manifeste, absent)"
        case .invalidXML(let errors):
            return "modifié : dossier.xml n'est pas conforme à forms/schemas/dossier.xsd :\n\(errors)"
        case .tampered(let path, let why): return "modifié : \(path) (\(why))"
        }
    }
}

/// The result of a verification.
public struct VerifyReport: Sendable, Hashable {
    public var path: String
    /// Nil when manifest.json has an unknown schema (reported as a problem).
    public var manifest: BundleManifest?
    /// What dossier.xml records, when it could be read.
    public var dossier: DossierRecord?
    public var problems: [VerifyProblem]

    public var isIntact: Bool { problems.isEmpty }

    /// What `verify` prints: one line per problem, or a one-line confirmation.
    public var text: String {
        if problems.isEmpty, let manifest {
            return "\(path) : intact : les \(manifest.files.count) fichiers correspondent à manifest.json "
                + "(dossier \(manifest.caseReference), \(manifest.tool)) ; dossier.xml est valide\n"
        }
        return problems.map { "\(path) : \($0)" }.joined(separator: "\n") + "\n"
    }
}

/// Re-checks a bundle (folder or zip): every checksum and size in `manifest.json`, files added or
/// removed, links and special files, unsafe zip entries, `dossier.xml` present, valid against the
/// schema, and agreeing with the manifest and with the files it records (a document rewritten and
/// re-hashed in the manifest is caught by the SHA-256 that dossier.xml keeps of it).
public struct BundleVerifier: Sendable {
    /// Validates dossier.xml; throws with libxml2's messages.
    let validateXML: @Sendable (Data) throws -> Void

    public init(validateXML: @escaping @Sendable (Data) throws -> Void) {
        self.validateXML = validateXML
    }

    /// A verifier that checks everything but the XSD (the archive, when no schema is at hand).
    public static let structural = BundleVerifier { _ in }

    public func verify(path: String) throws -> VerifyReport {
        try verify(BundleReader(path: path))
    }

    public func verify(_ reader: BundleReader) throws -> VerifyReport {
        let path = reader.path
        var problems = reader.problems
        let present = reader.files
        let manifestData = try reader.data(BundleManifest.fileName)
        let manifest: BundleManifest
        do { manifest = try BundleManifest.parse(manifestData) } catch {
            if case .unknownSchema = error {
                problems.append(.tampered(BundleManifest.fileName, error.description))
                return VerifyReport(path: path, manifest: nil, dossier: nil, problems: problems)
            }
            throw BundleError.notABundle(path, error.description)
        }
        var listed = Set<String>()
        var digests: [String: Digest] = [:]
        var xml: Data?
        for entry in manifest.files {
            if let why = BundleReader.unsafeReason(entry.path) {
                problems.append(.tampered(entry.path, "le manifeste nomme un \(why)"))
                continue
            }
            guard listed.insert(entry.path).inserted else {
                problems.append(.tampered(entry.path, "listé deux fois dans le manifeste"))
                continue
            }
            if entry.path == BundleManifest.fileName {
                problems.append(.tampered(entry.path, "le manifeste se liste lui-même"))
                continue
            }
            guard present[entry.path] != nil else {
                if !problems.contains(where: {
                    if case .tampered(entry.path, _) = $0 { return true } else { return false }
                }) {
                    problems.append(.removed(entry.path))
                }
                continue
            }
            let data = try reader.data(entry.path)
            let digest = Digest(sha256: BundleManifest.sha256(data), bytes: data.count)
            digests[entry.path] = digest
            if digest.bytes != entry.bytes || digest.sha256 != entry.sha256.lowercased() {
                problems.append(.altered(entry.path))
            }
            if entry.path == "dossier.xml" { xml = data }
        }
        for extra in present.keys.sorted() where !listed.contains(extra) && extra != BundleManifest.fileName {
            problems.append(.added(extra))
        }

        var record: DossierRecord?
        if let xml {
            do {
                let parsed = try DossierRecord.parse(xml)
                record = parsed
                problems += Self.crossCheck(parsed, manifest: manifest, digests: digests)
                do { try validateXML(xml) } catch { problems.append(.invalidXML("\(error)")) }
            } catch {
                problems.append(.invalidXML("\(error)"))
            }
        } else if present["dossier.xml"] == nil {
            problems.append(.tampered("dossier.xml", "absent : tout dossier écrit par recouvre build en contient un"))
        }
        var seen = Set<VerifyProblem>()
        problems = problems.filter { seen.insert($0).inserted }
        return VerifyReport(path: path, manifest: manifest, dossier: record, problems: problems)
    }

    /// dossier.xml against the manifest's own fields and against the files it records.
    struct Digest {
        var sha256: String
        var bytes: Int
    }

    /// `01-mise-en-demeure.pdf` for `01-mise-en-demeure.txt` (a document of a `--pdf-only` bundle).
    static func pdfOnlyTwin(_ path: String) -> String? {
        guard path.hasSuffix(".txt"), !path.contains("/") else { return nil }
        return String(path.dropLast(4)) + ".pdf"
    }

    static func crossCheck(
        _ record: DossierRecord, manifest: BundleManifest, digests: [String: Digest]
    )
        -> [VerifyProblem]
    {
        var problems: [VerifyProblem] = []
        let documents = Set(record.documents.map(\.path))
        for file in record.documents + record.exhibits {
            guard let digest = digests[file.path] else {
                // pdf (issue 15): `build --pdf-only` writes a document as its PDF alone; dossier.xml records
                // the text rendering (the PDF requête carries dossier.xml, so it cannot record the PDF).
                if documents.contains(file.path), let twin = pdfOnlyTwin(file.path), digests[twin] != nil { continue }
                if BundleReader.unsafeReason(file.path) != nil || manifest.files.allSatisfy({ $0.path != file.path }) {
                    problems.append(.tampered(file.path, "dossier.xml l'enregistre, le manifeste ne le liste pas"))
                }
                continue
            }
            if digest.bytes != file.bytes || digest.sha256 != file.sha256 {
                problems.append(.tampered(file.path, "son SHA-256 diffère de celui que dossier.xml enregistre"))
            }
        }
        if manifest.caseReference != record.caseReference {
            problems.append(
                .tampered(
                    BundleManifest.fileName,
                    "dossier « \(manifest.caseReference) », dossier.xml dit « \(record.caseReference) »"))
        }
        if let text = manifest.amountClaimed {
            if case .success(let amount) = Money.parse(text), amount == record.total {
            } else {
                problems.append(
                    .tampered(
                        BundleManifest.fileName,
                        "amount_claimed \(text), dossier.xml dit \(Money.plain(record.total))"))
            }
        }
        for (role, party, recorded) in [
            ("creditor", manifest.creditor, record.creditor), ("debtor", manifest.debtor, record.debtor),
        ] {
            if let party, party.name != recorded.name {
                problems.append(
                    .tampered(
                        BundleManifest.fileName, "\(role) « \(party.name) », dossier.xml dit « \(recorded.name) »"))
            }
        }
        if let notice = manifest.formalNotice, !record.documents.contains(where: { $0.path == notice }) {
            problems.append(
                .tampered(BundleManifest.fileName, "formal_notice \(notice) n'est pas un document de dossier.xml"))
        }
        return problems
    }
}
