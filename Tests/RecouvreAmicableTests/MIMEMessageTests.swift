import Foundation
import RecouvreAmicable
import RecouvreModel
import Testing

@Suite("E-mail: MIME headers and encodings")
struct MIMEMessageTests {
    let message = MIMEMessage(
        from: .init(name: "Atelier Lumière", address: "compta@atelier-lumiere.fr"),
        to: .init(name: "ACME", address: "ap@acme.fr"),
        subject: "Facture échue – 2026-0042", date: day("2026-04-01"),
        messageID: MIMEMessage.messageID(
            reference: "2026/0042", step: "j1", day: day("2026-04-01"), sender: "compta@atelier-lumiere.fr"),
        body: "Madame, Monsieur,\n\nLe solde de 1 200,00 € = total dû. \nFin")

    @Test func headers() {
        let text = message.rendered()
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(headers.contains("Content-Transfer-Encoding: quoted-printable"))
        // 1 April 2026 is a Wednesday, in summer time (after the last Sunday of March, 29 March).
        #expect(headers.contains("Date: Wed, 01 Apr 2026 09:00:00 +0200"))
        #expect(headers.contains("Message-ID: <recouvre.2026-0042.j1.20260401@atelier-lumiere.fr>"))
        #expect(headers.contains("To: \"ACME\" <ap@acme.fr>"))
        // RFC 2047: the non-ASCII name and subject as base64 encoded words.
        #expect(headers.contains("From: =?UTF-8?B?QXRlbGllciBMdW1pw6hyZQ==?= <compta@atelier-lumiere.fr>"))
        #expect(headers.contains("Subject: =?UTF-8?B?RmFjdHVyZSDDqWNodWUg4oCTIDIwMjYtMDA0Mg==?="))
        #expect(!text.contains("\n") || !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func winterTime() {
        var winter = message
        winter.date = day("2026-11-23")  // a Monday, after the last Sunday of October
        #expect(winter.rendered().contains("Date: Mon, 23 Nov 2026 09:00:00 +0100"))
    }

    @Test func quotedPrintableBody() {
        let body = message.rendered().components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        // € is E2 82 AC, the no-break space C2 A0 is not in this body, `=` is =3D, a trailing space =20.
        #expect(body.contains("1 200,00 =E2=82=AC =3D total d=C3=BB.=20\r\nFin"))
        for line in body.components(separatedBy: "\r\n") { #expect(line.count <= 76) }
    }

    @Test func longLinesAreSoftBroken() {
        var long = message
        long.body = String(repeating: "é", count: 60)
        let body = long.rendered().components(separatedBy: "\r\n\r\n")[1]
        let lines = body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count > 1)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") && $0.count <= 76 })
        // Decoding gives the text back.
        let joined = lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined()
        var bytes: [UInt8] = []
        var index = joined.startIndex
        while index < joined.endIndex {
            if joined[index] == "=" {
                let hex = joined[joined.index(after: index)..<joined.index(index, offsetBy: 3)]
                bytes.append(UInt8(hex, radix: 16)!)
                index = joined.index(index, offsetBy: 3)
            } else {
                bytes.append(contentsOf: Array(String(joined[index]).utf8))
                index = joined.index(after: index)
            }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == long.body)
    }
}
