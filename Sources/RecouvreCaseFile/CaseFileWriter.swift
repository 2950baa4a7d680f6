import Foundation
import RecouvreModel

/// Writes a `Case` as a case file (YAML, case-format.md version 1), the inverse of `CaseFileReader`:
/// reading the text back gives an equal `Case`.
///
/// The output is deterministic (keys in the order of case-format.md, no timestamp, `\n` line ends) so
/// that the same ledger imported twice gives the same bytes. Every text is double-quoted (a SIREN stays a
/// string, `NO` stays a word, a `#` is not a comment); dates and amounts are written as their literal
/// text, amounts from the `Decimal` (never through a `Double`). Optional keys with their default value
/// are left out.
public enum CaseFileWriter {
    /// The YAML text of `value`. `header` lines are written first as `# …` comments (the importer's
    /// notes: where the case came from, what is left to complete).
    public static func yaml(_ value: Case, header: [String] = []) -> String {
        String(decoding: bytes(value, header: header), as: UTF8.self)
    }

    /// `yaml`'s UTF-8 bytes, written straight into one buffer (no intermediate `String` per key or value:
    /// an import writes 25,000 case files).
    public static func bytes(_ value: Case, header: [String] = []) -> [UInt8] {
        bytes(value, header: header, creditor: nil)
    }

    /// A party's lines of YAML (below `creditor:` or `debtor:`), made once: an import gives every case
    /// the same creditor, and copying its lines costs a tenth of writing them again.
    public struct PartyBlock: Sendable {
        let party: Party
        let bytes: [UInt8]

        public init(_ party: Party) {
            var out = YAMLOut()
            CaseFileWriter.party(party, into: &out)
            self.party = party
            self.bytes = out.bytes
        }
    }

    /// `bytes(value, header:)`, the creditor's lines copied from `creditor` when it is the case's
    /// creditor (the same bytes: they are the lines `party` writes for it).
    public static func bytes(_ value: Case, header: [String] = [], creditor: PartyBlock?) -> [UInt8] {
        var out = YAMLOut()
        out.bytes.reserveCapacity(1024 + 160 * (value.invoices.count + value.payments.count))
        for line in header {
            if line.isEmpty {
                out.raw("#\n")
            } else {
                // A line break (LF, CR) would end the comment: the note stays on one line.
                out.raw("# ")
                var line = line
                line.withUTF8 { bytes in
                    // Over the contiguous bytes (the generic `contains` on the UTF-8 view cost ~30
                    // instructions a byte, three comment lines a case file).
                    var start = out.bytes.count
                    out.bytes.append(contentsOf: bytes)
                    while start < out.bytes.count {
                        if out.bytes[start] == 0x0A || out.bytes[start] == 0x0D { out.bytes[start] = 0x20 }
                        start += 1
                    }
                }
                out.raw("\n")
            }
        }
        out.line(0, "version", "\(value.version)")
        out.line(0, "reference", .quoted(value.reference))
        if let asOf = value.asOf { out.line(0, "as_of", .day(asOf)) }
        out.key(0, "creditor")
        if let creditor, creditor.party == value.creditor {
            out.bytes.append(contentsOf: creditor.bytes)
        } else {
            party(value.creditor, into: &out)
        }
        out.key(0, "debtor")
        party(value.debtor, into: &out)
        contract(value.contract, into: &out)
        out.key(0, "invoices")
        for invoice in value.invoices {
            out.item(1, "number", .quoted(invoice.number))
            out.line(2, "issued", .day(invoice.issued))
            out.line(2, "due", .day(invoice.due))
            out.line(2, "amount", .amount(invoice.amount))
            if let description = invoice.description { out.line(2, "description", .quoted(description)) }
            if invoice.kind != .invoice { out.line(2, "kind", invoice.kind.rawValue) }
            if let status = invoice.status { out.line(2, "status", status.rawValue) }
            if let day = invoice.statusDate { out.line(2, "status_date", .day(day)) }
            if let file = invoice.statusFile { out.line(2, "status_file", .quoted(file)) }
            if let clause = invoice.penaltyClause { out.line(2, "penalty_clause", .quoted(clause)) }
        }
        if !value.payments.isEmpty {
            out.key(0, "payments")
            for payment in value.payments {
                out.item(1, "date", .day(payment.date))
                out.line(2, "amount", .amount(payment.amount))
                if let invoice = payment.invoice { out.line(2, "invoice", .quoted(invoice)) }
                if let reference = payment.reference { out.line(2, "reference", .quoted(reference)) }
            }
        }
        if !value.creditNotes.isEmpty {
            out.key(0, "credit_notes")
            for note in value.creditNotes {
                out.item(1, "number", .quoted(note.number))
                out.line(2, "date", .day(note.date))
                out.line(2, "amount", .amount(note.amount))
                if let invoice = note.invoice { out.line(2, "invoice", .quoted(invoice)) }
            }
        }
        if !value.events.isEmpty {
            out.key(0, "events")
            for event in value.events {
                out.item(1, "type", event.type.rawValue)
                out.line(2, "date", .day(event.date))
                if let received = event.received { out.line(2, "received", .day(received)) }
                if let served = event.served { out.line(2, "served", .day(served)) }
                if let channel = event.channel { out.line(2, "channel", channel.rawValue) }
                if let tracking = event.tracking { out.line(2, "tracking", .quoted(tracking)) }
                if let court = event.court { out.line(2, "court", .quoted(court)) }
                eventKeys(event, into: &out)
            }
        }
        if !value.exhibits.isEmpty {
            out.key(0, "exhibits")
            for exhibit in value.exhibits {
                out.item(1, "title", .quoted(exhibit.title))
                if let file = exhibit.file { out.line(2, "file", .quoted(file)) }
                if exhibit.toProduce { out.line(2, "to_produce", "true") }
            }
        }
        return out.bytes
    }

    private static func party(_ party: Party, into out: inout YAMLOut) {
        out.line(1, "kind", party.kind.rawValue)
        out.line(1, "name", .quoted(party.name))
        if let form = party.legalForm { out.line(1, "legal_form", .quoted(form)) }
        if let siren = party.siren { out.line(1, "siren", .quoted(siren)) }
        if let siret = party.siret { out.line(1, "siret", .quoted(siret)) }
        if let rcs = party.rcs { out.line(1, "rcs", .quoted(rcs)) }
        if let professional = party.professional { out.line(1, "professional", professional ? "true" : "false") }
        if let merchant = party.merchant { out.line(1, "merchant", merchant ? "true" : "false") }
        out.key(1, "address")
        address(party.address, level: 2, into: &out)
        if let representative = party.representative { out.line(1, "representative", .quoted(representative)) }
        if let email = party.email { out.line(1, "email", .quoted(email)) }
        if let phone = party.phone { out.line(1, "phone", .quoted(phone)) }
        if let iban = party.iban { out.line(1, "iban", .quoted(iban)) }
        if let civility = party.civility { out.line(1, "civility", civility.rawValue) }
        if let names = party.firstNames { out.line(1, "first_names", .quoted(names)) }
        if let surname = party.surname { out.line(1, "surname", .quoted(surname)) }
        if let profession = party.profession { out.line(1, "profession", .quoted(profession)) }
        if let nationality = party.nationality { out.line(1, "nationality", .quoted(nationality)) }
        if let birth = party.birthDate { out.line(1, "birth_date", .day(birth)) }
        if let place = party.birthPlace { out.line(1, "birth_place", .quoted(place)) }
        if let mediator = party.mediator {
            out.key(1, "mediator")
            out.line(2, "name", .quoted(mediator.name))
            if let address = mediator.address { out.line(2, "address", .quoted(address)) }
            if let website = mediator.website { out.line(2, "website", .quoted(website)) }
        }
        if let office = party.office { out.line(1, "office", .quoted(office)) }
    }

    /// The keys of the event types beyond reminder, notice and judgment's first ones.
    private static func eventKeys(_ event: Event, into out: inout YAMLOut) {
        if let step = event.step { out.line(2, "step", .quoted(step)) }
        if let file = event.file { out.line(2, "file", .quoted(file)) }
        if let letter = event.letter { out.line(2, "letter", .quoted(letter)) }
        if let proof = event.dispatchProof { out.line(2, "dispatch_proof", .quoted(proof)) }
        if let receipt = event.receiptFile { out.line(2, "receipt_file", .quoted(receipt)) }
        if let presented = event.presented { out.line(2, "presented", .day(presented)) }
        if let outcome = event.outcome { out.line(2, "outcome", outcome.rawValue) }
        if let kind = event.judgmentKind { out.line(2, "kind", kind.rawValue) }
        if let invoices = event.invoices {
            if invoices.isEmpty {
                out.line(2, "invoices", "[]")
            } else {
                out.key(2, "invoices")
                for number in invoices { out.bullet(3, .quoted(number)) }
            }
        }
        if let award = event.awarded {
            var lines = YAMLOut()
            if let principal = award.principal { lines.line(3, "principal", .amount(principal)) }
            if let interest = award.interest {
                lines.key(3, "interest")
                switch interest.rate {
                case .legal: lines.line(4, "rate", "legal")
                case .clause(let clause): lines.line(4, "rate", penaltyRate(clause))
                }
                if let from = interest.from { lines.line(4, "from", .day(from)) }
            }
            if let costs = award.costs { lines.line(3, "costs", .amount(costs)) }
            if let article700 = award.article700 { lines.line(3, "article_700", .amount(article700)) }
            if lines.bytes.isEmpty {
                out.line(2, "awarded", "{}")
            } else {
                out.key(2, "awarded")
                out.bytes += lines.bytes
            }
        }
        if let file = event.serviceFile { out.line(2, "service_file", .quoted(file)) }
        if let until = event.until { out.line(2, "until", .day(until)) }
        if let value = event.amount { out.line(2, "amount", .amount(value)) }
        if event.type == .plan || !event.instalments.isEmpty {
            if event.instalments.isEmpty {
                out.line(2, "instalments", "[]")
            } else {
                out.key(2, "instalments")
                for instalment in event.instalments {
                    out.item(3, "date", .day(instalment.date))
                    out.line(4, "amount", .amount(instalment.amount))
                }
            }
        }
        if let express = event.express { out.line(2, "express", express ? "true" : "false") }
        if let mentioned = event.remediesMentioned { out.line(2, "remedies_mentioned", mentioned ? "true" : "false") }
    }

    private static func address(_ address: Address, level: Int, into out: inout YAMLOut) {
        out.key(level, "lines")
        for line in address.lines { out.bullet(level + 1, .quoted(line)) }
        if let postcode = address.postcode { out.line(level, "postcode", .quoted(postcode)) }
        out.line(level, "city", .quoted(address.city))
        if let insee = address.insee { out.line(level, "insee", .quoted(insee)) }
        if address.country != "FR" { out.line(level, "country", .quoted(address.country)) }
    }

    private static func contract(_ contract: Contract, into out: inout YAMLOut) {
        var lines = YAMLOut()
        if let nature = contract.nature { lines.line(1, "nature", nature.rawValue) }
        if let reference = contract.reference { lines.line(1, "reference", .quoted(reference)) }
        if let terms = contract.paymentTerms { lines.line(1, "payment_terms", .quoted(terms)) }
        if let rate = contract.penaltyRate { lines.line(1, "penalty_rate", penaltyRate(rate)) }
        if !contract.flatFee { lines.line(1, "flat_fee", "false") }
        if let details = contract.proceedingsDetails, contract.collectiveProceedings != nil {
            lines.key(1, "collective_proceedings")
            if case .opened(let day) = contract.collectiveProceedings { lines.line(2, "opened", .day(day)) }
            if let kind = details.kind { lines.line(2, "kind", kind.rawValue) }
            if let court = details.court { lines.line(2, "court", .quoted(court)) }
            if let bodacc = details.bodacc { lines.line(2, "bodacc", .day(bodacc)) }
            if let mandataire = details.mandataire {
                lines.key(2, "mandataire")
                lines.line(3, "name", .quoted(mandataire.name))
                if let address = mandataire.address {
                    lines.key(3, "address")
                    self.address(address, level: 4, into: &lines)
                }
            }
            let bare = Array("  collective_proceedings:\n".utf8)
            if lines.bytes.count >= bare.count, lines.bytes.suffix(bare.count).elementsEqual(bare) {
                lines.bytes.removeLast(bare.count)
                lines.line(1, "collective_proceedings", "true")
            }
        } else {
            switch contract.collectiveProceedings {
            case .none: break
            case .openedUnknownDate: lines.line(1, "collective_proceedings", "true")
            case .opened(let day): lines.line(1, "collective_proceedings", .day(day))
            }
        }
        if let costs = contract.extraRecoveryCosts { lines.line(1, "extra_recovery_costs", .amount(costs)) }
        if let basis = contract.capitalisationBasis { lines.line(1, "capitalisation", basis.rawValue) }
        if let property = contract.property {
            lines.key(1, "property")
            address(property, level: 2, into: &lines)
        }
        if let country = contract.performanceCountry { lines.line(1, "performance_country", .quoted(country)) }
        if let deposit = contract.lease.deposit { lines.line(1, "deposit", .amount(deposit)) }
        if let ended = contract.lease.ended { lines.line(1, "lease_ended", .day(ended)) }
        if let regularised = contract.lease.chargesRegularised {
            lines.line(1, "charges_regularised", regularised ? "true" : "false")
        }
        if let acquired = contract.lease.resolutoryClauseAcquired {
            lines.line(1, "resolutory_clause_acquired", .day(acquired))
        }
        guard !lines.bytes.isEmpty else { return }
        out.key(0, "contract")
        out.bytes += lines.bytes
    }

    /// `12.5`, `"ECB + 10"`, `"3 x legal"`: the forms `PenaltyRateParser` reads.
    public static func penaltyRate(_ clause: PenaltyRateClause) -> String {
        switch clause {
        case .fixed(let rate): return number(rate)
        case .ecbPlus(let points): return quoted("ECB + \(number(points))")
        case .legalTimes(let factor): return quoted("\(number(factor)) x legal")
        }
    }

    /// An amount as its exact decimal text with two decimals (`1800.00`, `0.50`); more decimals are
    /// kept as they are rather than rounded (the reader then says what is wrong).
    public static func amount(_ value: Decimal) -> String {
        if let text = fastAmount(value) { return text }
        return describedAmount(value)
    }

    /// `amount(value)`'s bytes appended to `bytes`.
    static func appendAmount(_ value: Decimal, to bytes: inout [UInt8]) {
        if !appendFastAmount(value, to: &bytes) { bytes.append(contentsOf: describedAmount(value).utf8) }
    }

    /// `amount` from the decimal's parts, for the usual amounts (up to 19 digits, up to 18 decimals):
    /// the same text as `describedAmount`, without `Decimal.description`'s cost (an import writes
    /// 100,000 amounts). `nil` otherwise.
    static func fastAmount(_ value: Decimal) -> String? {
        var bytes: [UInt8] = []
        guard appendFastAmount(value, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `fastAmount`'s bytes appended to `bytes` (`false`, nothing appended: not a usual amount).
    static func appendFastAmount(_ value: Decimal, to bytes: inout [UInt8]) -> Bool {
        guard !value.isNaN, value.exponent <= 0, value.exponent >= -18 else { return false }
        let significand = value.significand
        let units = NSDecimalNumber(decimal: significand).uint64Value
        // Exact only if it reads back the same (else `describedAmount`).
        guard units < 1_000_000_000_000_000_000, Decimal(units) == significand else { return false }
        var scale = -value.exponent
        var reduced = units
        // Trailing zeros beyond two decimals say nothing: `1.500` is `1.50`.
        while scale > 2, reduced % 10 == 0 {
            reduced /= 10
            scale -= 1
        }
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = reduced / divisor
        let decimals = max(scale, 2)
        let fraction = (reduced % divisor) * (scale < 2 ? (scale == 1 ? 10 : 100) : 1)
        if value.sign == .minus && units != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(whole, width: 1, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(fraction, width: decimals, to: &bytes)
        return true
    }

    /// `value`'s decimal digits, at least `width` of them (zeros in front).
    static func appendDigits(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: up to 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < width {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// `day.iso`'s bytes appended to `bytes`.
    static func appendISO(_ day: Day, to bytes: inout [UInt8]) {
        guard (0...9999).contains(day.year) else { return bytes.append(contentsOf: day.iso.utf8) }
        appendDigits(UInt64(day.year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt64(day.month), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt64(day.day), width: 2, to: &bytes)
    }

    static func describedAmount(_ value: Decimal) -> String {
        // Decimal's description is exact and locale-independent (`1642.68`, `-12.5`, `3`): at most two
        // decimals are padded to two; more are kept as they are (never rounded here).
        var text = "\(value)"
        guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else {
            guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) }) else { return text }
            return text + ".00"
        }
        while text.utf8.last == UInt8(ascii: "0"), text.utf8.distance(from: dot, to: text.utf8.endIndex) > 3 {
            text.removeLast()
        }
        switch text.utf8.distance(from: dot, to: text.utf8.endIndex) {
        case 1: return text + "00"
        case 2: return text + "0"
        default: return text
        }
    }

    /// A decimal's exact, locale-independent text (`12`, `12.5`).
    static func number(_ value: Decimal) -> String { "\(value)" }

    /// A YAML double-quoted scalar: `"`, `\` and control characters escaped, everything else as is.
    public static func quoted(_ text: String) -> String {
        if !needsEscapes(text) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}

extension CaseFileWriter {
    /// Whether `quoted` must escape something in `text` (most texts: no, and they are copied whole).
    static func needsEscapes(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F { return true }
            if byte >= 0x80 { ascii = false }
        }
        if ascii { return false }
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if scalar.value <= 0x9F || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
                return true
            }
        }
        return false
    }
}

/// Lines of block YAML, two spaces per level, as UTF-8 bytes.
struct YAMLOut {
    var bytes: [UInt8] = []

    /// A value: as given, a double-quoted text, a date, an amount.
    enum Value {
        case quoted(String)
        case day(Day)
        case amount(Decimal)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func indent(_ level: Int) {
        for _ in 0..<level {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    mutating func value(_ value: Value) {
        switch value {
        case .quoted(let text):
            if CaseFileWriter.needsEscapes(text) {
                raw(CaseFileWriter.quoted(text))
            } else {
                bytes.append(UInt8(ascii: "\""))
                raw(text)
                bytes.append(UInt8(ascii: "\""))
            }
        case .day(let day): CaseFileWriter.appendISO(day, to: &bytes)
        case .amount(let amount): CaseFileWriter.appendAmount(amount, to: &bytes)
        }
    }

    mutating func line(_ level: Int, _ key: StaticString, _ value: String) {
        indent(level)
        raw(key)
        raw(": ")
        raw(value)
        bytes.append(0x0A)
    }

    mutating func line(_ level: Int, _ key: StaticString, _ value: Value) {
        indent(level)
        raw(key)
        raw(": ")
        self.value(value)
        bytes.append(0x0A)
    }

    mutating func key(_ level: Int, _ key: StaticString) {
        indent(level)
        raw(key)
        raw(":\n")
    }

    /// The first key of a list item: `  - number: "FA-1"`; the item's other keys go one level deeper.
    mutating func item(_ level: Int, _ key: StaticString, _ value: Value) {
        indent(level)
        raw("- ")
        raw(key)
        raw(": ")
        self.value(value)
        bytes.append(0x0A)
    }

    mutating func item(_ level: Int, _ key: StaticString, _ value: String) {
        indent(level)
        raw("- ")
        raw(key)
        raw(": ")
        raw(value)
        bytes.append(0x0A)
    }

    mutating func bullet(_ level: Int, _ value: Value) {
        indent(level)
        raw("- ")
        self.value(value)
        bytes.append(0x0A)
    }
}
