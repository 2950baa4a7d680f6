import Foundation
import RecouvreForms
import RecouvreModel
import Yams

/// Wording choices that are not law, in `forms/templates/settings.yaml` (a firm may override them).
public struct DocumentSettings: Sendable, Hashable, Decodable {
    /// Days given to pay in the mise en demeure, per regime. C. civ. 1344 requires a demand but sets
    /// no minimum time; 8 days between professionals and 15 days otherwise are the usual practice.
    public var formalNoticeDays: [String: Int]

    enum CodingKeys: String, CodingKey { case formalNoticeDays = "formal_notice_days" }

    public static let path = "templates/settings.yaml"

    public static func load(forms: Forms) throws -> DocumentSettings {
        let settings: DocumentSettings
        do { settings = try YAMLDecoder().decode(DocumentSettings.self, from: try forms.text(path)) } catch {
            throw DocumentError(file: path, message: "cannot be read (\(error))")
        }
        for regime in Regime.allCases where settings.formalNoticeDays[regime.rawValue] == nil {
            throw DocumentError(file: path, message: "formal_notice_days has no value for \(regime.rawValue)")
        }
        return settings
    }

    public func formalNoticeDays(for regime: Regime) -> Int { formalNoticeDays[regime.rawValue] ?? 15 }
}
