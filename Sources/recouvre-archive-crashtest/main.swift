// Test helper for the archive's fault tests and measurements, not shipped: adds notices (and a
// receipt for every third one, unless --no-receipts) to an archive, each in its own transaction,
// until killed or until `--count N` are done.
// With --batch, the N notices go in one transaction (ArchiveStore.add(contentsOf:)).
// usage: recouvre-archive-crashtest DB BUNDLE [--count N] [--no-receipts] [--batch]
import Foundation
import RecouvreArchive
import RecouvreModel

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(
        Data("usage: recouvre-archive-crashtest DB BUNDLE [--count N] [--no-receipts] [--batch]\n".utf8))
    exit(2)
}
var limit = Int.max
if let flag = arguments.firstIndex(of: "--count"), flag + 1 < arguments.count, let count = Int(arguments[flag + 1]) {
    limit = count
}
let receipts = !arguments.contains("--no-receipts")

do {
    let bundle = try NoticeBundle.read(path: arguments[2])
    let store = try ArchiveStore(path: arguments[1], creating: true)
    let start = bundle.asOf ?? Day(year: 2026, month: 1, day: 1)!
    let process = ProcessInfo.processInfo.processIdentifier
    if arguments.contains("--batch") && limit < Int.max {
        try store.add(
            contentsOf: (0..<limit).map { index in
                NoticeSubmission(
                    bundle: bundle, sent: start.adding(days: index % 365), channel: .registeredLetter,
                    tracking: "BATCH-\(process)-\(index)")
            })
        exit(0)
    }
    var index = 0
    while index < limit {
        let record = try store.add(
            NoticeSubmission(
                bundle: bundle, sent: start.adding(days: index % 365), channel: .registeredLetter,
                tracking: "CRASH-\(process)-\(index)"))
        if receipts && index % 3 == 0 {
            try store.recordReceipt(noticeID: record.id, received: record.sent.adding(days: 2))
        }
        // Tells a test that killing now lands while adding, whatever the machine's load.
        if index == 0 { FileHandle.standardOutput.write(Data("added\n".utf8)) }
        index += 1
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
