#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stage of building one dossier, for `recouvre batch --profile`.
public enum PipelineStage: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Reading the case file's bytes (or an importer reading its part of a ledger).
    case read
    /// Decoding and validating the case (`CaseFileReader.decode`).
    case validate
    /// The relevé de compte (prescription check included).
    case statement
    /// Procedure and court.
    case route
    /// The documents (templates, layout).
    case render
    /// Writing dossier.xml.
    case xml
    /// Validating dossier.xml against the schema.
    case xsd
    /// The SHA-256 of every file and the manifest.
    case hash
    /// Writing the bundle to disk (atomically).
    case write
    /// Re-reading and re-hashing the bundle on disk; verifying an existing bundle before skipping it.
    case verify

    public var description: String {
        switch self {
        case .read: return "read"
        case .validate: return "validate"
        case .statement: return "statement"
        case .route: return "route"
        case .render: return "render"
        case .xml: return "xml"
        case .xsd: return "xsd-validate"
        case .hash: return "hash"
        case .write: return "write"
        case .verify: return "verify"
        }
    }
}

/// CPU time spent per stage by one thread (CLOCK_THREAD_CPUTIME_ID), summed over dossiers. A stage
/// body runs synchronously on one thread, so the bracket around it is the CPU time it used. Disabled
/// (the default), `measure` only runs the body.
public struct StageTimes: Sendable {
    /// Nanoseconds of CPU by `PipelineStage.rawValue`.
    public private(set) var nanoseconds: [Int64]
    /// How many times each stage ran.
    public private(set) var counts: [Int]
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
        self.nanoseconds = Array(repeating: 0, count: PipelineStage.allCases.count)
        self.counts = Array(repeating: 0, count: PipelineStage.allCases.count)
    }

    /// Times nothing.
    public static var off: StageTimes { StageTimes(enabled: false) }

    /// Runs `body`, adding its thread CPU time to `stage` when enabled.
    public mutating func measure<T>(_ stage: PipelineStage, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = Self.threadCPU()
        defer {
            nanoseconds[stage.rawValue] += Self.threadCPU() - start
            counts[stage.rawValue] += 1
        }
        return try body()
    }

    /// Adds another worker's times.
    public mutating func add(_ other: StageTimes) {
        for index in nanoseconds.indices {
            nanoseconds[index] += other.nanoseconds[index]
            counts[index] += other.counts[index]
        }
    }

    /// The CPU time of `stage`, in nanoseconds.
    public subscript(stage: PipelineStage) -> Int64 { nanoseconds[stage.rawValue] }

    /// This thread's CPU time in nanoseconds.
    public static func threadCPU() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
