import Foundation
import RecouvreForms
import Testing

@testable import RecouvreModel

/// The catalogue's templates cut once at load (`CatalogueTemplate`) give exactly the text the scan of
/// the whole template at each call (`MessageCatalogue.fill`) gives: every shipped sentence, with all,
/// some or none of its values, and odd templates (unclosed, nested or empty braces, non-ASCII text).
@Suite("Catalogue templates cut at load = filled by scanning")
struct CatalogueTemplateTests {
    static let odd = [
        "", "{", "}", "a{b", "{a}{b}", "{a {b} c}", "x{}y", "é{a}€ — {b}", "{a}", "plain", "}{a}{", "{{a}}",
        "a.b {c}", "{a}{a}{a}",
    ]

    static func values(_ names: [String], keep: (Int) -> Bool) -> [String: String] {
        var values: [String: String] = [:]
        for (index, name) in names.enumerated() where keep(index) { values[name] = "«\(name)·\(index)»" }
        return values
    }

    @Test("every shipped template and odd ones: the same text with all, some and no values")
    func sameText() throws {
        let entries = ShippedBook.book.messages.entries
        #expect(entries.count > 500)
        var templates = Array(entries.values) + Self.odd
        templates.sort()
        var checked = 0
        for template in templates {
            let cut = CatalogueTemplate(template)
            let names = MessageCatalogue.placeholders(in: template) + ["a", "b", "c", "{b", "a {b"]
            for keep in [{ (_: Int) in true }, { $0 % 2 == 0 }, { (_: Int) in false }] {
                let values = Self.values(names, keep: keep)
                let expected = MessageCatalogue.fill(template) { values[String($0)] }
                #expect(cut.filled { values[$0] } == expected, "\(template)")
                checked += 1
            }
        }
        #expect(checked == templates.count * 3)
    }

    @Test("a reason is worded through the cut templates as through the whole key")
    func sameReasonText() {
        let catalogue = ShippedBook.book.messages
        for (key, template) in catalogue.entries.sorted(by: { $0.key < $1.key }) {
            guard let dot = key.firstIndex(of: ".") else { continue }
            let names = MessageCatalogue.placeholders(in: template)
            let values = names.map { (label: $0, text: "<\($0)>") }
            let section = String(key[..<dot])
            let name = String(key[key.index(after: dot)...])
            #expect(
                catalogue.text(key: section, name: name, values: values) == catalogue.text(key: key, values: values),
                "\(key)")
        }
        #expect(catalogue.text(key: "nosuch", name: "key", values: []) == "[nosuch.key]")
    }
}
