import Foundation
import RecouvreModel
import RecouvreXML

/// What a bundle's `dossier.xml` records that `verify` and the archive check against: the case,
/// the parties, the amount claimed and the SHA-256 of every document and exhibit file. Parsed with
/// `SafeXMLParser` (no entity, no DTD, libxml2's limits and recouvre's attribute limit), never with
/// a parser that trusts its input.
public struct DossierRecord: Sendable, Hashable {
    /// A file `dossier.xml` names with its digest: a document, or an exhibit copied into the bundle.
    public struct File: Sendable, Hashable {
        public var path: String
        public var title: String
        public var sha256: String
        public var bytes: Int
    }

    public var caseReference: String
    public var asOf: Day?
    public var creditor: ManifestParty
    public var debtor: ManifestParty
    /// `statement/totals/total`, the amount claimed.
    public var total: Decimal
    /// The documents (`documents/document`).
    public var documents: [File]
    /// The exhibits with a file in the bundle (`exhibits/exhibit` with `path`).
    public var exhibits: [File]

    /// The namespace `dossier.xml` is written in.
    public static let namespace = "urn:recouvre:dossier:1"

    /// Reads the fields; throws a French reason when the document is not a dossier recouvre wrote.
    public static func parse(_ data: Data) throws -> DossierRecord {
        guard data.count <= BundleLimits.dossierXMLBytes else {
            throw DossierRecordError("dossier.xml dépasse \(BundleLimits.mebibytes(BundleLimits.dossierXMLBytes))")
        }
        let root: XMLElementNode
        do { root = try SafeXMLParser.parse(data, name: "dossier.xml") } catch {
            throw DossierRecordError("dossier.xml ne peut pas être lu :\n\(error.description)")
        }
        guard root.name == "dossier", root.namespace == namespace else {
            throw DossierRecordError("dossier.xml n'a pas pour racine <dossier xmlns=\"\(namespace)\">")
        }
        func text(_ path: [String], in node: XMLElementNode? = nil) -> String? {
            var current: XMLElementNode? = node ?? root
            for name in path { current = current?.child(name) }
            return current?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func required(_ path: [String], in node: XMLElementNode? = nil) throws -> String {
            guard let value = text(path, in: node), !value.isEmpty else {
                throw DossierRecordError("dossier.xml : <\(path.joined(separator: "/"))> manque")
            }
            return value
        }
        func party(_ role: String) throws -> ManifestParty {
            ManifestParty(name: try required(["parties", role, "name"]), siren: text(["parties", role, "siren"]))
        }
        func files(_ list: [XMLElementNode], pathKey: String) throws -> [File] {
            try list.compactMap { node in
                guard let path = text([pathKey], in: node), !path.isEmpty else { return nil }
                guard let sha = text(["sha256"], in: node), let bytes = text(["bytes"], in: node).flatMap({ Int($0) })
                else { throw DossierRecordError("dossier.xml : \(path) n'a pas de sha256 et de bytes") }
                return File(path: path, title: text(["title"], in: node) ?? "", sha256: sha.lowercased(), bytes: bytes)
            }
        }
        let totalText = try required(["statement", "totals", "total"])
        guard case .success(let total) = Money.parse(totalText) else {
            throw DossierRecordError("dossier.xml : <statement/totals/total> « \(totalText) » n'est pas un montant")
        }
        return DossierRecord(
            caseReference: try required(["case", "reference"]),
            asOf: text(["generation", "as-of"]).flatMap(Day.init(iso:)),
            creditor: try party("creditor"), debtor: try party("debtor"), total: total,
            documents: try files(root.child("documents")?.children(named: "document") ?? [], pathKey: "file-name"),
            exhibits: try files(root.child("exhibits")?.children(named: "exhibit") ?? [], pathKey: "path"))
    }
}

/// Why `dossier.xml` cannot be read as a dossier (in French).
public struct DossierRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
