/// `manifest.json` of a bundle (`recouvre.manifest/1`, interfaces.md). Implemented by issue #6.
public struct BundleManifestFile: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}
