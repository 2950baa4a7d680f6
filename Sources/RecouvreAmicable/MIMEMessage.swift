import Foundation
import RecouvreModel

/// A plain-text e-mail as an `.eml` file (RFC 5322, MIME RFC 2045–2047), ready to open in any mail
/// client: UTF-8 body in quoted-printable, RFC 2047 encoded subject and names, CRLF line ends, a Date
/// and a Message-ID derived only from the case (the same input gives the same bytes).
public struct MIMEMessage: Sendable, Hashable {
    public struct Mailbox: Sendable, Hashable {
        public var name: String
        public var address: String
        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    public var from: Mailbox
    public var to: Mailbox
    public var subject: String
    public var date: Day
    public var messageID: String
    public var body: String

    public init(from: Mailbox, to: Mailbox, subject: String, date: Day, messageID: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
    }

    /// The whole message, CRLF line ends.
    public func rendered() -> String {
        var headers: [String] = []
        headers.append("Date: \(Self.rfc5322Date(date))")
        headers.append(Self.fold("From: ", Self.mailbox(from)))
        headers.append(Self.fold("To: ", Self.mailbox(to)))
        headers.append(Self.fold("Subject: ", Self.encodedWords(subject)))
        headers.append("Message-ID: \(messageID)")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        headers.append("Content-Transfer-Encoding: quoted-printable")
        headers.append("Content-Language: fr")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(body)
    }

    /// `<2026-0042.j15.20261123@atelier-lumiere.fr>`: unique per case, step and day, and stable.
    public static func messageID(reference: String, step: String, day: Day, sender: String) -> String {
        func atom(_ text: String, keeping extra: String = "-_") -> String {
            String(
                text.unicodeScalars.map { s -> Character in
                    s.isASCII && (CharacterSet.alphanumerics.contains(s) || extra.unicodeScalars.contains(s))
                        ? Character(s) : "-"
                })
        }
        let domain = sender.split(separator: "@").last.map { atom(String($0), keeping: "-_.") } ?? ""
        let compact = day.iso.replacingOccurrences(of: "-", with: "")
        return "<recouvre.\(atom(reference)).\(atom(step)).\(compact)@\(domain.isEmpty ? "recouvre.invalid" : domain)>"
    }

    /// `"Name" <address>`, the name as RFC 2047 encoded words when it is not plain ASCII.
    static func mailbox(_ box: Mailbox) -> String {
        let plain = box.name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
        let name = plain ? "\"\(box.name)\"" : encodedWords(box.name)
        return "\(name) <\(box.address)>"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words, each at most 75 characters and never splitting a character;
    /// plain ASCII text is left as it is.
    static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) { return text }
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            // 45 bytes → 60 base64 characters + 12 of `=?UTF-8?B?` and `?=`: 72 ≤ 75.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    /// A header folded before an encoded word when the line would pass 78 characters (RFC 5322 2.2.3).
    static func fold(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var current = name
        for (index, word) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index == 0 {
                current += word
            } else if current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Quoted-printable (RFC 2045 6.7): lines of at most 76 characters, soft breaks `=`, every non-ASCII
    /// byte, `=` and a trailing space or tab escaped; line ends CRLF.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last) {
                    encoded.append(String(UnicodeScalar(byte)))
                } else {
                    encoded.append("=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)]))
                }
            }
            var current = ""
            for token in encoded {
                if current.count + token.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += token
            }
            out.append(current)
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\r\n") + "\r\n"
    }

    /// `Mon, 23 Nov 2026 09:00:00 +0100`: the as-of day at 9 a.m., Paris time (summer time from the last
    /// Sunday of March to the last Sunday of October, Directive 2000/84/EC).
    static func rfc5322Date(_ day: Day) -> String {
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((day.ordinal % 7) + 7) % 7]
        func lastSunday(month: Int) -> Day {
            var candidate = Day(year: day.year, month: month, day: 31)!
            while weekdays[((candidate.ordinal % 7) + 7) % 7] != "Sun" { candidate = candidate.adding(days: -1) }
            return candidate
        }
        let summer = day >= lastSunday(month: 3) && day < lastSunday(month: 10)
        let dd = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        return "\(weekday), \(dd) \(months[day.month - 1]) \(day.year) 09:00:00 \(summer ? "+0200" : "+0100")"
    }
}
