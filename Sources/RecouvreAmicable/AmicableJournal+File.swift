import Foundation

extension AmicableJournal {
    /// The journal beside the case file at `casePath` (`case.yaml` → `case.reminders.yaml`), or nil
    /// when there is none. An edge function: `remind`, `plan`, `aged` and `build` read it here.
    public static func read(forCase casePath: String) throws(AmicableError) -> AmicableJournal? {
        let journalPath = path(forCase: casePath)
        guard FileManager.default.fileExists(atPath: journalPath) else { return nil }
        guard let data = FileManager.default.contents(atPath: journalPath),
            let text = String(data: data, encoding: .utf8)
        else {
            throw AmicableError(file: journalPath, "illisible (UTF-8 attendu)")
        }
        return try parse(text: text, file: journalPath)
    }
}
