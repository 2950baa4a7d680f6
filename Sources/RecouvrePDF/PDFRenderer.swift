import Foundation
import RecouvreDocuments
import RecouvreJSON

#if canImport(Glibc)
    import Glibc
#endif

/// The PDF/A-3b renderer of `DocumentContent` (docs/pdf.md): one long-running Python worker that keeps
/// the Typst compiler loaded, driven over stdin/stdout, so a batch of dossiers pays the compiler's
/// start once. Requests are serialised (one worker, one document at a time): make one renderer per
/// thread to render on several cores.
public final class PDFRenderer: @unchecked Sendable {
    /// The PyPI package the renderer was written and tested against (`pip install typst==…`).
    public static let typstVersion = "0.15.2"

    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()
    private let lock = NSLock()
    public let layout: PDFLayout

    /// Starts the worker and hands it the layout. `python` defaults to `$RECOUVRE_PYTHON`, else the
    /// first `python3` on the PATH.
    public init(layout: PDFLayout, python: String? = nil) throws {
        self.layout = layout
        // A worker that died must give an error, not kill us with SIGPIPE on the next write.
        signal(SIGPIPE, SIG_IGN)
        let interpreter =
            python ?? ProcessInfo.processInfo.environment["RECOUVRE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter, "-c", PDFWorkerScript.source]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw PDFError.engineMissing("\(interpreter) ne se lance pas : \(error)")
        }
        self.process = process
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading

        let payload = JSONValue.object(
            layout.files.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.base64EncodedString())) }
        ).rendered()
        let (word, answer): (String, Data)
        do { (word, answer) = try exchange("layout", Data(payload.utf8)) } catch {
            process.terminate()
            throw PDFError.engineMissing("\(interpreter) introuvable ou arrêté au démarrage")
        }
        switch word {
        case "ready": break
        case "missing-typst":
            throw PDFError.engineMissing("le paquet Python typst manque à \(interpreter)")
        default:
            process.terminate()
            throw PDFError(
                .layout,
                "erreur : la mise en page forms/pdf/ est refusée par Typst : \(String(decoding: answer, as: UTF8.self))"
            )
        }
    }

    /// The worker's process id (the batch benchmark reads its CPU time).
    public var workerProcessID: Int32 { process.processIdentifier }

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    /// One document as PDF/A-3b, with its attachments.
    public func render(
        _ content: DocumentContent, info: PDFDocumentInfo, attachments: [PDFAttachment] = []
    ) throws
        -> Data
    {
        let json = PDFDocumentJSON.json(content, info: info, attachments: attachments, logo: layout.logo)
        let (word, answer) = try exchange("render", Data(json.utf8))
        guard word == "pdf" else {
            throw PDFError(
                .layout,
                "erreur : le PDF de « \(info.title) » n'a pu être composé (forms/pdf/) : \(String(decoding: answer, as: UTF8.self))"
            )
        }
        return answer
    }

    /// Sends one framed request, reads one framed answer.
    private func exchange(_ word: String, _ payload: Data) throws -> (String, Data) {
        lock.lock()
        defer { lock.unlock() }
        do {
            try input.write(contentsOf: Data("\(word) \(payload.count)\n".utf8))
            try input.write(contentsOf: payload)
        } catch {
            throw PDFError(.worker, "erreur : le moteur PDF s'est arrêté (\(error))")
        }
        let header = try readLine()
        let parts = header.split(separator: " ")
        guard parts.count == 2, let count = Int(parts[1]), count >= 0 else {
            throw PDFError(.worker, "erreur : réponse illisible du moteur PDF : \(header)")
        }
        return (String(parts[0]), try read(count))
    }

    private func fill() throws {
        // `availableData` returns what the pipe holds (read(upToCount:) waits for the whole count).
        let chunk = output.availableData
        guard !chunk.isEmpty else {
            throw PDFError(.worker, "erreur : le moteur PDF s'est arrêté")
        }
        buffer.append(chunk)
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            try fill()
        }
    }

    private func read(_ count: Int) throws -> Data {
        while buffer.count < count { try fill() }
        let data = Data(buffer.prefix(count))
        buffer.removeSubrange(buffer.startIndex..<buffer.startIndex + count)
        return data
    }
}
