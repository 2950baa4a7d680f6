import Foundation
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport

/// The checkout's forms/ with the pinned rate tables (TestPaths.pinnedForms), loaded once for the suite.
enum ShippedBook {
    static let book: LawBook = {
        // A test that cannot load the shipped book fails at its first use with the loader's message.
        do { return try LawBook.load(forms: Forms(shipped: TestPaths.pinnedForms)) } catch { fatalError("\(error)") }
    }()

    /// The "today" passed to builds whose case gives its own as_of (never used by them).
    static let fixedToday = Day(iso: "2026-11-23")!
}
