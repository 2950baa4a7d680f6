import RecouvreModel

/// amicable (issue 16): one step taken before the court — a reminder, a payment promise, an accepted
/// plan, a formal notice — as the documents recall it, worded by RecouvreAmicable's
/// `AmicableChronology` (`forms/templates/relance-chronologie.mustache`).
public struct AmicableStep: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case reminder, promise, plan, formalNotice
    }

    public var day: Day
    public var kind: Kind
    /// One French line, ending with a full stop.
    public var text: String

    public init(day: Day, kind: Kind, text: String) {
        self.day = day
        self.kind = kind
        self.text = text
    }
}

/// amicable (issue 16): the amicable attempts a document recalls, one French line each. The requête
/// and the bordereau print `lines`, or say that none is recorded (`{{^amicable.lines}}`).
public struct AmicableStepsView: Sendable, Hashable {
    public var lines: [String]

    init(_ steps: [AmicableStep]) {
        lines = steps.map(\.text)
    }

    /// For the documents that recall the steps only when there are some: nil when there is none.
    static func some(_ steps: [AmicableStep]) -> AmicableStepsView? {
        steps.isEmpty ? nil : AmicableStepsView(steps)
    }

    /// The mise en demeure recalls the reminders, promises and plans before it; an earlier notice is
    /// recalled by its own sentence (`previousNotice`). Nil when there is none.
    static func beforeNotice(_ steps: [AmicableStep]) -> AmicableStepsView? {
        some(steps.filter { $0.kind != .formalNotice })
    }
}
