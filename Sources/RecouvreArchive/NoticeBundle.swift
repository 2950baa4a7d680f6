import Foundation
import RecouvreModel

/// What the archive takes from a bundle written by `recouvre build`: the case, the parties, the
/// amount claimed and the mise en demeure itself, with the hashes that tie it to its manifest.
public struct NoticeBundle: Sendable, Hashable {
    public var caseReference: String
    /// The date the bundle was computed as of (manifest `as_of`).
    public var asOf: Day?
    public var creditor: ArchivedParty
    public var debtor: ArchivedParty
    /// Amount claimed in euros, as the manifest gives it (`"1234.56"`).
    public var amountClaimed: Decimal
    /// File name of the mise en demeure in the bundle (`01-mise-en-demeure.txt`).
    public var noticeFile: String
    /// The text of the mise en demeure, exactly as in the bundle.
    public var noticeText: String
    /// SHA-256 of the mise en demeure's bytes.
    public var noticeSHA256: String
    /// SHA-256 of the bundle's `manifest.json` bytes.
    public var manifestSHA256: String

    public init(caseReference: String, asOf: Day?, creditor: ArchivedParty, debtor: ArchivedParty,
                amountClaimed: Decimal, noticeFile: String, noticeText: String, manifestSHA256: String) {
        self.caseReference = caseReference
        self.asOf = asOf
        self.creditor = creditor
        self.debtor = debtor
        self.amountClaimed = amountClaimed
        self.noticeFile = noticeFile
        self.noticeText = noticeText
        self.noticeSHA256 = SHA256Hex.of(noticeText)
        self.manifestSHA256 = manifestSHA256
    }

    /// Reads a bundle folder or `.zip` and checks that its mise en demeure still has the SHA-256
    /// and size its manifest recorded; a bundle altered after `build` is refused.
    public static func read(path: String) throws -> NoticeBundle {
        let files = try BundleFiles(path: path)
        let manifestData = try files.data("manifest.json")
        let manifest = try BundleManifestReader(data: manifestData, label: files.label("manifest.json"))

        let noticeFile = try manifest.string("formal_notice")
        guard let entry = manifest.files.first(where: { $0.path == noticeFile }) else {
            throw ArchiveError("\(files.label("manifest.json")): formal_notice \"\(noticeFile)\" is not listed in files[] "
                + "(rebuild the bundle with recouvre build)")
        }
        let noticeData = try files.data(noticeFile)
        let actual = SHA256Hex.of(noticeData)
        guard actual == entry.sha256.lowercased(), noticeData.count == entry.bytes else {
            throw ArchiveError(.alteredBundle,
                "\(files.label(noticeFile)): the mise en demeure was altered after the bundle was built "
                + "(SHA-256 \(actual), \(noticeData.count) bytes; the manifest records \(entry.sha256), \(entry.bytes) bytes); "
                + "archive only the notice exactly as built and sent")
        }
        guard let text = String(data: noticeData, encoding: .utf8) else {
            throw ArchiveError("\(files.label(noticeFile)): the mise en demeure is not UTF-8 text")
        }

        let amountText = try manifest.string("amount_claimed")
        let amount: Decimal
        switch Money.parse(amountText) {
        case .success(let value): amount = value
        case .failure:
            throw ArchiveError("\(files.label("manifest.json")): amount_claimed \"\(amountText)\" is not an amount "
                + "(expected digits with at most two decimals, for example \"1220.00\")")
        }
        var asOf: Day?
        if let asOfText = try manifest.optionalString("as_of") {
            guard let day = Day(iso: asOfText) else {
                throw ArchiveError("\(files.label("manifest.json")): as_of \"\(asOfText)\" is not a date (expected YYYY-MM-DD)")
            }
            asOf = day
        }
        var bundle = NoticeBundle(
            caseReference: try manifest.string("case"), asOf: asOf,
            creditor: try manifest.party("creditor"), debtor: try manifest.party("debtor"),
            amountClaimed: amount, noticeFile: noticeFile, noticeText: text,
            manifestSHA256: SHA256Hex.of(manifestData))
        bundle.noticeSHA256 = actual
        return bundle
    }
}
