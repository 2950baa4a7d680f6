import Foundation
import RecouvreModel

/// Today's date, for a build without `--as-of` or `as_of`: the one place a clock is read, turned at
/// once into a calendar `Day` in the user's time zone (the day the user sees on their calendar).
enum Today {
    static func day() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? Day(ordinal: 0)
    }
}
