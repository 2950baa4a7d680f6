import Foundation
import RecouvreBatch
import RecouvreModel
import RecouvreTestSupport
import Testing

/// `recouvre batch` and `batch-merge` as a user runs them, on folders from scripts/make-batch.py.
@Suite("recouvre batch (command line)")
struct BatchCLITests {
    let folder: URL
    let input: URL

    init() throws {
        folder = try TestPaths.temporaryFolder("batch-cli")
        input = folder.appendingPathComponent("cases")
    }

    @Test("a small folder end to end: every debtor has a bundle that `recouvre verify` accepts, and is in the report")
    func endToEnd() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try BatchSupport.generate(12, into: input)
        let out = folder.appendingPathComponent("out")
        let result = try await CLI.run(["batch", input.path, "--out", out.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("12 built, 0 skipped, 0 failed"), "\(result)")
        #expect(result.stderr.contains("total claimed:"))
        #expect(result.stderr.contains("by procedure:"))
        #expect(result.stderr.contains("by court kind:"))
        let cases = try FileManager.default.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) }.sorted()
        #expect(try BatchSupport.bundles(in: out) == cases)
        let report = try BatchSupport.report(in: out)
        #expect(report.entries.map(\.bundle).sorted() == cases)
        #expect(report.entries.allSatisfy { $0.status == .built && $0.totalClaimed != nil && $0.procedure != nil })
        // Sorted by stable key, not by file name.
        #expect(report.entries.map(\.key.value) == report.entries.map(\.key.value).sorted())
        for name in cases {
            let verify = try await CLI.run(["verify", out.appendingPathComponent(name).path])
            #expect(verify.status == 0, "\(name): \(verify)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent(BatchReport.csvName), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").count == 12 + 2)
        #expect(try BatchSupport.leftovers(in: out).isEmpty)

        // A re-run skips every bundle; a changed case is rebuilt.
        let again = try await CLI.run(["batch", input.path, "--out", out.path])
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("0 built, 12 skipped, 0 failed"), "\(again)")
        let changed = try #require(cases.first)
        let file = input.appendingPathComponent(changed + ".yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "\n    amount: ", with: "\n    amount: 1", options: [], range: text.range(of: "\n    amount: "))
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let third = try await CLI.run(["batch", input.path, "--out", out.path])
        #expect(third.stderr.contains("1 built, 11 skipped, 0 failed"), "\(third)")
        #expect(try BatchSupport.report(in: out).entries.first { $0.bundle == changed }?.status == .built)
    }

    @Test("bad debtors among good ones: exit 1, the report says which and where, the others are built")
    func badAmongGood() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try BatchSupport.generate(8, into: input)
        let names = try FileManager.default.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        // 1. A debtor SIREN that fails the Luhn check.
        let badSiren = input.appendingPathComponent(names[0])
        var text = try String(contentsOf: badSiren, encoding: .utf8)
        let debtorBlock = try #require(text.range(of: "debtor:\n"))
        let sirenLine = try #require(text.range(of: "  siren: \"", range: debtorBlock.upperBound..<text.endIndex))
        let sirenValue = sirenLine.upperBound..<text.index(sirenLine.upperBound, offsetBy: 9)
        let original = String(text[sirenValue])
        let broken = String(original.dropLast()) + String((Int(String(original.last!))! + 1) % 10)
        text.replaceSubrange(sirenValue, with: broken)
        try text.write(to: badSiren, atomically: true, encoding: .utf8)
        let line = text[..<sirenLine.lowerBound].filter { $0 == "\n" }.count + 1
        // 2. An exhibit file missing.
        let key = String(names[1].dropLast(5))
        try FileManager.default.removeItem(at: input.appendingPathComponent("pieces/\(key)/factures.txt"))
        // 3. Not YAML at all.
        try "version: 1\nreference: [oops\n".write(
            to: input.appendingPathComponent("zz-broken.yaml"), atomically: true, encoding: .utf8)

        let out = folder.appendingPathComponent("out")
        let result = try await CLI.run(["batch", input.path, "--out", out.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("6 built, 0 skipped, 3 failed"), "\(result)")
        let report = try BatchSupport.report(in: out)
        #expect(report.entries.count == 9)
        let failed = Dictionary(
            uniqueKeysWithValues: report.entries.filter { $0.status == .failed }.map { ($0.bundle, $0) })
        #expect(Set(failed.keys) == [String(names[0].dropLast(5)), key, "zz-broken"])
        let siren = try #require(failed[String(names[0].dropLast(5))])
        #expect(siren.error?.location?.contains("\(names[0]):\(line):") == true, "\(siren)")
        #expect(siren.error?.message.contains("SIREN") == true, "\(siren)")
        let exhibit = try #require(failed[key])
        #expect(exhibit.error?.message.contains("factures.txt") == true, "\(exhibit)")
        // The reader finds it: the location is the line of `file:` in the case.
        #expect(exhibit.error?.message.contains("exhibits[1]") == true, "\(exhibit)")
        #expect(exhibit.error?.location?.contains("\(names[1]):") == true, "\(exhibit)")
        #expect(failed["zz-broken"]?.error?.location?.contains("zz-broken.yaml:") == true)
        #expect(try BatchSupport.bundles(in: out).count == 6)
        #expect(try BatchSupport.bundles(in: out).allSatisfy { failed[$0] == nil })
        #expect(try BatchSupport.leftovers(in: out).isEmpty)
    }

    @Test("a batch killed mid-run leaves only complete bundles, and the next run finishes the job")
    func resumesAfterKill() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 300
        try BatchSupport.generate(count, into: input)
        let out = folder.appendingPathComponent("out")
        let child = Process()
        child.executableURL = TestPaths.binary
        child.arguments = ["batch", input.path, "--out", out.path, "--jobs", "2"]
        child.standardError = FileHandle.nullDevice
        child.standardOutput = FileHandle.nullDevice
        try child.run()
        // Kill once a few bundles are in place (the batch is still far from the end).
        let deadline = Date().addingTimeInterval(300)
        while child.isRunning && Date() < deadline {
            if ((try? BatchSupport.bundles(in: out)) ?? []).count >= 5 { break }
            usleep(5_000)
        }
        kill(child.processIdentifier, SIGKILL)
        // (Not `waitUntilExit()`: see `ChildExit`.)
        #expect(ChildExit.wait(child) == .signaled(SIGKILL))
        let survivors = try BatchSupport.bundles(in: out)
        #expect(!survivors.isEmpty)
        #expect(survivors.count < count, "the batch ended before the kill: nothing was tested")
        for name in survivors {
            #expect(BatchSupport.intact(out.appendingPathComponent(name)), "\(name) is half-written")
        }

        let result = try await CLI.run(["batch", input.path, "--out", out.path])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.contains("\(count - survivors.count) built, \(survivors.count) skipped, 0 failed"),
            "\(result)")
        let bundles = try BatchSupport.bundles(in: out)
        #expect(bundles.count == count)
        #expect(bundles.allSatisfy { BatchSupport.intact(out.appendingPathComponent($0)) })
        #expect(try BatchSupport.leftovers(in: out).isEmpty)
        #expect(try BatchSupport.report(in: out).entries.count == count)
    }

    @Test("three shards together are exactly the whole run, each debtor once, and batch-merge joins them")
    func shardsUnion() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try BatchSupport.generate(30, into: input)
        let whole = folder.appendingPathComponent("whole")
        #expect(try await CLI.run(["batch", input.path, "--out", whole.path]).status == 0)
        var reports: [String] = []
        var union: [String] = []
        for index in 0..<3 {
            let out = folder.appendingPathComponent("shard-\(index)")
            let result = try await CLI.run(["batch", input.path, "--out", out.path, "--shard", "\(index)/3"])
            #expect(result.status == 0, "\(result)")
            let report = try BatchSupport.report(in: out)
            #expect(report.shard == Shard(index: index, count: 3))
            #expect(report.entries.allSatisfy { Shard(index: index, count: 3).contains($0.key) })
            #expect(try BatchSupport.bundles(in: out) == report.entries.map(\.bundle).sorted())
            for name in try BatchSupport.bundles(in: out) {
                // The same bundle, byte for byte, as the whole run's.
                let manifest = try Data(contentsOf: out.appendingPathComponent("\(name)/manifest.json"))
                #expect(manifest == (try Data(contentsOf: whole.appendingPathComponent("\(name)/manifest.json"))))
            }
            union += report.entries.map(\.bundle)
            reports.append(out.appendingPathComponent(BatchReport.jsonName).path)
        }
        let wholeReport = try BatchSupport.report(in: whole)
        #expect(union.sorted() == wholeReport.entries.map(\.bundle).sorted())
        #expect(Set(union).count == union.count)

        let merged = folder.appendingPathComponent("merged.json")
        let merge = try await CLI.run(["batch-merge"] + reports + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge)")
        let joined = try BatchReport.parse(Data(contentsOf: merged), name: "merged.json")
        #expect(joined.entries == wholeReport.entries)
        #expect(joined.summary == wholeReport.summary)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged.csv").path))
        // The same shard twice, or one missing, is refused.
        let twice = try await CLI.run([
            "batch-merge", reports[0], reports[0], reports[1], reports[2], "--out", merged.path,
        ])
        #expect(twice.status == 1, "\(twice)")
        #expect(twice.stderr.contains("0/3"))
        let partial = try await CLI.run(["batch-merge", reports[0], reports[1], "--out", merged.path])
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("2/3"), "\(partial)")
    }

    @Test("deploy/slurm/batch.sh runs one shard per array task, then merges them into the whole")
    func slurmScript() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try BatchSupport.generate(10, into: input)
        let out = folder.appendingPathComponent("out")
        let script = TestPaths.root.appendingPathComponent("deploy/slurm/batch.sh").path
        func run(_ arguments: [String], _ environment: [String: String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["RECOUVRE": TestPaths.binary.path, "INPUT": input.path, "OUT": out.path, "AS_OF": "2026-11-23"]
                    .merging(environment) { $1 }
            ) { $1 }
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let processStatus = ChildExit.status(process)
            return processStatus
        }
        for task in 0..<2 {
            #expect(
                try run(
                    [], ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "0"])
                    == 0)
        }
        #expect(
            try run([], ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "1"]) == 2)
        #expect(try run(["merge"], [:]) == 0)
        let merged = try BatchReport.parse(
            Data(contentsOf: out.appendingPathComponent(BatchReport.jsonName)), name: "merged")
        #expect(merged.entries.count == 10)
        #expect(merged.mergedShards == [Shard(index: 0, count: 2), Shard(index: 1, count: 2)])
        #expect(merged.asOf == Day(iso: "2026-11-23"))
    }

    @Test(
        "a CSV ledger: one bundle per debtor, keyed by SIREN or customer code; an FEC without addresses fails each debtor, located"
    )
    func ledgers() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("grand-livre.csv")
        try """
        Code client;Raison sociale;SIREN;Adresse;Code postal;Ville;N° facture;Date facture;Échéance;Montant TTC;Réglé
        C001;Bâtiments Durand SAS;552100554;4 avenue Jean Jaurès;21000;Dijon;FA-1;15/01/2026;14/02/2026;1 200,00;200,00
        C001;Bâtiments Durand SAS;552100554;4 avenue Jean Jaurès;21000;Dijon;FA-2;15/02/2026;17/03/2026;980,50;0,00
        C002;Horizon Événements;508129640;15 boulevard des Bouvets;92000;Nanterre;FA-3;01/03/2026;31/03/2026;3 450,00;0,00
        C003;Menuiserie Roux;;3 rue Pasteur;69003;Lyon;FA-4;01/03/2026;31/03/2026;500,00;0,00

        """.write(to: ledger, atomically: true, encoding: .utf8)
        let creditor = TestPaths.fixture("import/creancier.yaml").path
        let out = folder.appendingPathComponent("out")
        let result = try await CLI.run([
            "batch", ledger.path, "--creditor", creditor, "--out", out.path, "--as-of", "2026-11-23",
        ])
        #expect(result.status == 0, "\(result)")
        let report = try BatchSupport.report(in: out)
        #expect(report.entries.map(\.key.value) == ["508129640", "552100554", "C003"])
        #expect(report.entries.map(\.key.kind) == [.siren, .siren, .code])
        #expect(report.entries.allSatisfy { $0.status == .built && $0.source == ledger.path })
        // 1 200.00 − 200.00 + 980.50 = 1 980.50 of principal for 552100554, before penalties and fees.
        #expect((report.entries[1].totalClaimed ?? 0) > 1980.50)
        #expect(try BatchSupport.bundles(in: out).allSatisfy { BatchSupport.intact(out.appendingPathComponent($0)) })

        // The sample FEC has no addresses: the importer puts placeholders, the route refuses each debtor.
        let fec = TestPaths.fixture("import/fec/123456782FEC20251231.txt").path
        let fecOut = folder.appendingPathComponent("fec")
        let fecResult = try await CLI.run(["batch", fec, "--creditor", creditor, "--out", fecOut.path])
        #expect(fecResult.status == 1, "\(fecResult)")
        let fecReport = try BatchSupport.report(in: fecOut)
        #expect(!fecReport.entries.isEmpty)
        #expect(
            fecReport.entries.allSatisfy {
                $0.status == .failed && $0.error?.message.contains("debtor.address") == true
            })
        // A ledger needs its creditor; --map goes with a CSV only.
        #expect(try await CLI.run(["batch", ledger.path, "--out", out.path]).status == 2)
        #expect(
            try await CLI.run(["batch", fec, "--creditor", creditor, "--map", creditor, "--out", out.path]).status == 2)
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["--shard", "3/3"], ["--shard", "x"], ["--jobs", "0"], ["--stage", "trial"], ["--read-ahead=-1"],
            ["--read-ahead", "65"],
        ])
    func usage(extra: [String]) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let result = try await CLI.run(["batch", input.path, "--out", folder.appendingPathComponent("o").path] + extra)
        #expect(result.status == 2, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("o").path))
    }

}
