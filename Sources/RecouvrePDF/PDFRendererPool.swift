import Foundation
import RecouvreBundle
import RecouvreForms

/// One PDF renderer (one Typst worker process) per batch worker, not one per dossier: a renderer is
/// started the first time a worker needs one, handed back after each dossier, and reused by the next.
/// At most `capacity` renderers ever exist; with no more dossiers in flight than `capacity` (the
/// batch's `--jobs`), a worker never waits for one.
public final class PDFRendererPool: @unchecked Sendable {
    public let capacity: Int
    private let start: () throws -> PDFRenderer
    private let condition = NSCondition()
    private var idle: [PDFRenderer] = []
    private var started = 0

    /// `start` makes one renderer (it is called at most `capacity` times).
    public init(capacity: Int, start: @escaping () throws -> PDFRenderer) {
        self.capacity = max(1, capacity)
        self.start = start
    }

    /// The renderers started so far (one per worker that rendered).
    public var startedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return started
    }

    /// The process ids of the idle renderers' workers (the benchmark reads their CPU time).
    public var workerProcessIDs: [Int32] {
        condition.lock()
        defer { condition.unlock() }
        return idle.map(\.workerProcessID)
    }

    /// Runs `body` with a renderer of its own for the duration of the call.
    public func withRenderer<T>(_ body: (PDFRenderer) throws -> T) throws -> T {
        let renderer = try take()
        defer { give(renderer) }
        return try body(renderer)
    }

    private func take() throws -> PDFRenderer {
        condition.lock()
        while idle.isEmpty && started >= capacity { condition.wait() }
        if let renderer = idle.popLast() {
            condition.unlock()
            return renderer
        }
        started += 1
        condition.unlock()
        do {
            return try start()
        } catch {
            condition.lock()
            started -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func give(_ renderer: PDFRenderer) {
        condition.lock()
        idle.append(renderer)
        condition.signal()
        condition.unlock()
    }
}

extension PDFRenderer {
    /// `--pdf` / `--pdf-only` for a batch of `workers` dossiers in flight: one renderer per worker,
    /// started when first needed and kept for every later dossier of that worker (docs/batch.md).
    /// The layout is loaded once, and the first renderer started, here: without Typst, or with a layout
    /// Typst refuses, the batch fails before its first dossier.
    public static func bundlePDF(forms: Forms, only: Bool, workers: Int) throws -> (BundlePDF, PDFRendererPool) {
        let layout = try PDFLayout.load(forms: forms)
        let pool = PDFRendererPool(capacity: workers) { try PDFRenderer(layout: layout) }
        // The first renderer now: without Typst, `--pdf` fails before any dossier, saying what to install.
        try pool.withRenderer { _ in }
        let option = BundlePDF(only: only) { input, only in
            try pool.withRenderer { renderer in try renderer.render(documents: input, only: only) }
        }
        return (option, pool)
    }
}
