import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreRoute

/// The directory's fast paths (a commune line cut at its bytes, blanks trimmed without Foundation)
/// give exactly what the code they replace gives.
@Suite("Court directory fast paths = the reference parsing and trimming")
struct CourtDirectoryFastPathTests {
    @Test("every commune line of the shipped directory parses as by Character splitting")
    func everyCommuneLine() throws {
        let directory = try #require(Shipped.directory)
        var lines = 0
        directory.communeTable.forEachLine { line in
            lines += 1
            let fast = DirectoryCommune(line: line)
            let reference = DirectoryCommune(splittingCharacters: line)
            #expect(fast == reference, "\(line)")
            #expect(fast.map { Array($0.flags) } == reference.map { Array($0.flags) }, "\(line)")
        }
        #expect(lines > 30000)
    }

    @Test("odd commune lines parse as by Character splitting")
    func oddLines() {
        let lines: [Substring] = [
            "", "\t", "69383\tCOM\tLyon\t69003\tca\ttj\t\t\t\t", "69383\tXXX\tLyon\t69003\tca\ttj\t\t\t\t",
            "69383\tCOM\tLyon\t69003  69004 \tca\ttj\ttp\ttc\tARMS,NOTC,\ttc1  tc2",
            "69383\tCOM\tLyon\t69003\tca\ttj\ttp\ttc\tARMS\ttc1\textra", "69383\tCOM\tLyon",
            "2A004\tCOM\tAjaccio\t20000 \u{301}20090\tca\ttj\t\t\t\t",
            "2A004\tCOM\tA\u{301}jaccio\t20000\tca\ttj\t\t\t,\u{301}\t",
            "97411\tCOM\tSaint-Denis\t97400\tca\ttj\ttp\ttc\tNOTC\ttc\u{E9} tc2", "x\tCOM\t\t\t\t\t\t\t\t",
            "69383\tCOM\tLyon\r\n\t69003\tca\ttj\t\t\t\t", "69383\tCOM\tLyon\t69003\r\n69004\tca\ttj\t\t\t\t",
            "\t\t\t\t\t\t\t\t\t", "69383\tCOM\tLyon\t\t\t\t\t\t,,,\t   ",
        ]
        for line in lines {
            #expect(DirectoryCommune(line: line) == DirectoryCommune(splittingCharacters: line), "\(line)")
        }
        // A slice of a longer text (the table hands out substrings of its bytes).
        let text = "x\n69383\tCOM\tLyon\t69003\tca\ttj\ttp\ttc\tARMS\ttc1\ny"
        let slice = text.split(separator: "\n")[1]
        #expect(DirectoryCommune(line: slice) == DirectoryCommune(splittingCharacters: slice))
        #expect(DirectoryCommune(line: slice) != nil)
    }

    @Test("blanks trimmed = trimmingCharacters(in: .whitespaces), INSEE keys = trimmed and uppercased")
    func trimming() {
        let pieces = [
            "", " ", "\t", "\n", "\r", "\u{00A0}", "\u{2003}", "\u{202F}", "\u{3000}", "\u{85}", "a", "Z", "6", "é",
            "e\u{301}", "\u{301}", "2a", "ß", "ﬁ", "🇫🇷", "-", "\r\n", "\u{0B}", "\u{1C}",
        ]
        var generator = SeededGenerator(seed: 0x7219)
        var texts = pieces
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            texts.append(text)
        }
        texts += ["69383", " 69383 ", "2a004", "\t2B033\t", "Saint-Étienne", " Lyon", "Lyon\u{00A0}"]
        for text in texts {
            #expect(
                CourtDirectory.trimmedBlanks(text) == text.trimmingCharacters(in: .whitespaces),
                "\(text.debugDescription)")
            #expect(
                CourtDirectory.inseeKey(text) == text.trimmingCharacters(in: .whitespaces).uppercased(),
                "\(text.debugDescription)")
        }
    }
}
