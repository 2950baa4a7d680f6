/// The warnings of a dossier, each kept once.
enum Warnings {
    /// `texts` without repeats, each at its first place: what filtering through a `Set<String>` gives
    /// (the same `String` equality, canonical equivalence). A dossier has a handful of warnings, long
    /// French sentences whose hashing normalizes them (a `Set` of them cost ≈ 0.7 % of a batch): up to
    /// `linearLimit` texts are compared with those kept, one `==` each (a byte comparison when equal, and
    /// settled at the first differing byte otherwise); longer lists take the `Set` (`WarningsTests`).
    static func firstOccurrences(_ texts: [String]) -> [String] {
        guard texts.count > 1 else { return texts }
        guard texts.count <= linearLimit else {
            var seen = Set<String>()
            return texts.filter { seen.insert($0).inserted }
        }
        var kept: [String] = []
        kept.reserveCapacity(texts.count)
        for text in texts where !kept.contains(text) { kept.append(text) }
        return kept
    }

    static let linearLimit = 32
}
