import Foundation
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreXML

/// The sections of `dossier.xml`, in the order of `forms/schemas/dossier.xsd`.
extension DossierXML {
    static func writeGeneration(_ input: DossierXMLInput, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("generation") {
            try writer.element("tool", text: input.tool)
            try writer.element("as-of", text: input.statement.asOf.iso)
            try writer.element("day-basis", text: input.statement.dayBasis.rawValue)
            try writer.element("convention", text: input.statement.convention)
        }
    }

    static func writeCase(_ theCase: Case, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("case") {
            try writer.element("reference", text: theCase.reference)
            try writer.element("nature", text: theCase.nature.rawValue)
            try writer.element("regime", text: theCase.regime.rawValue)
        }
    }

    static func writeParties(_ theCase: Case, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("parties") {
            try writeParty(theCase.creditor, as: "creditor", to: writer)
            try writeParty(theCase.debtor, as: "debtor", to: writer)
        }
    }

    static func writeParty(_ party: Party, as role: StaticString, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element(role) {
            try writer.element("kind", text: party.kind.rawValue)
            try writer.element("name", text: party.name)
            try writer.element("legal-form", textIfPresent: present(party.legalForm))
            try writer.element("siren", textIfPresent: present(party.siren).map(companyDigits))
            try writer.element("siret", textIfPresent: present(party.siret).map(companyDigits))
            try writer.element("rcs", textIfPresent: present(party.rcs))
            try writer.element("acts-professionally", text: boolean(party.actsProfessionally))
            try writer.element("merchant", text: boolean(party.isMerchant))
            try writer.element("representative", textIfPresent: present(party.representative))
            try writer.element("email", textIfPresent: present(party.email))
            try writer.element("phone", textIfPresent: present(party.phone))
            try writer.element("iban", textIfPresent: present(party.iban))
            try writeAddress(party.address, as: "address", to: writer)
        }
    }

    static func writeAddress(_ address: Address, as name: StaticString, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element(name) {
            for line in address.lines where present(line) != nil {
                try writer.element("line", text: line)
            }
            try writer.element("postcode", textIfPresent: present(address.postcode))
            try writer.element("city", text: address.city)
            try writer.element("insee", textIfPresent: present(address.insee))
            try writer.element("country", text: address.country)
        }
    }

    static func writeContract(_ contract: Contract, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("contract") {
            try writer.element("nature", textIfPresent: contract.nature?.rawValue)
            try writer.element("reference", textIfPresent: present(contract.reference))
            try writer.element("payment-terms", textIfPresent: present(contract.paymentTerms))
            if let clause = contract.penaltyRate {
                try writer.element("penalty-rate") {
                    switch clause {
                    case .fixed(let rate): try writer.element("fixed", text: Money.plain(rate))
                    case .ecbPlus(let points): try writer.element("ecb-plus-points", text: Money.plain(points))
                    case .legalTimes(let factor): try writer.element("legal-rate-times", text: Money.plain(factor))
                    }
                }
            }
            try writer.element("flat-fee", text: boolean(contract.flatFee))
            if let proceedings = contract.collectiveProceedings {
                try writer.element("collective-proceedings") {
                    if case .opened(let day) = proceedings {
                        try writer.element("opening-judgment", text: day.iso)
                    }
                }
            }
            try writer.element(
                "extra-recovery-costs", textIfPresent: contract.extraRecoveryCosts.map { Money.plain($0) })
            try writer.element("capitalisation", text: boolean(contract.capitalisation))
            if let property = contract.property {
                try writeAddress(property, as: "property", to: writer)
            }
        }
    }

    static func writeInvoices(_ invoices: [Invoice], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("invoices") {
            for invoice in invoices {
                try writer.element("invoice") {
                    try writer.element("number", text: invoice.number)
                    try writer.element("issued", text: invoice.issued.iso)
                    try writer.element("due", text: invoice.due.iso)
                    try writer.element("amount", text: Money.plain(invoice.amount))
                    try writer.element("description", textIfPresent: present(invoice.description))
                    try writer.element("kind", textIfPresent: invoice.kind == .invoice ? nil : invoice.kind.rawValue)
                }
            }
        }
    }

    static func writeEvents(_ events: [Event], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("events") {
            for event in events {
                try writer.element("event") {
                    try writer.element("type", text: event.type.rawValue)
                    try writer.element("date", text: event.date.iso)
                    try writer.element("received", textIfPresent: event.received?.iso)
                    try writer.element("served", textIfPresent: event.served?.iso)
                    try writer.element("channel", textIfPresent: event.channel?.rawValue)
                    try writer.element("tracking", textIfPresent: present(event.tracking))
                    try writer.element("court", textIfPresent: present(event.court))
                }
            }
        }
    }

    static func writeSettlements(_ settlements: [PaymentImputation], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("settlements") {
            for settlement in settlements {
                try writer.element("settlement") {
                    try writer.element("kind", text: settlement.kind.rawValue)
                    try writer.element("date", text: settlement.date.iso)
                    try writer.element("amount", text: Money.plain(settlement.amount))
                    try writer.element("reference", textIfPresent: present(settlement.reference))
                    try writer.element("imputations") {
                        for imputed in settlement.imputed {
                            try writer.element("imputation") {
                                try writer.element("invoice", text: imputed.invoice)
                                try writer.element("amount", text: Money.plain(imputed.amount))
                            }
                        }
                    }
                    try writer.element("unallocated", text: Money.plain(settlement.unallocated))
                }
            }
        }
    }

    static func writeStatement(_ statement: Statement, to writer: XMLTreeWriter.LiteralNames) throws {
        // large-2 (issue 12): every amount through `Money.plain` itself (≈ 500 instructions, read off the
        // Decimal's mantissa); the memo of recent texts it replaces (`FormattedValues`) compared each value
        // with up to eight earlier ones by `Decimal ==` (≈ 4,700 instructions a rate at 3,000 invoices).
        try writer.element("statement") {
            for invoice in statement.invoices {
                try writer.element("invoice") {
                    try writer.element("number", text: invoice.number)
                    try writer.element("issued", text: invoice.issued.iso)
                    try writer.element("due", text: invoice.due.iso)
                    try writer.element("amount", text: Money.plain(invoice.amount))
                    try writer.element("paid", text: Money.plain(invoice.paid))
                    try writer.element("credited", text: Money.plain(invoice.credited))
                    try writer.element("outstanding", text: Money.plain(invoice.outstanding))
                    try writePeriods(invoice.periods, to: writer)
                    try writer.element("penalties", text: Money.plain(invoice.penalties))
                    try writer.element("flat-fee", text: Money.plain(invoice.flatFee))
                }
            }
            if let title = statement.title { try writeTitle(title, to: writer) }
            try writer.element("totals") {
                try writer.element("principal", text: Money.plain(statement.totals.principal))
                try writer.element("penalties", text: Money.plain(statement.totals.penalties))
                try writer.element("flat-fees", text: Money.plain(statement.totals.flatFees))
                try writer.element("extra-recovery-costs", text: Money.plain(statement.totals.extraRecoveryCosts))
                try writer.element("total", text: Money.plain(statement.totals.total))
            }
            try writeWarnings(statement.warnings, to: writer)
        }
    }

    /// `<periods>`: the penalty or interest periods of an invoice's account or of a title's décompte.
    static func writePeriods(_ periods: [PenaltyPeriod], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("periods") {
            for period in periods {
                try writer.element("period") {
                    try writer.element("from", text: period.from.iso)
                    try writer.element("to", text: period.to.iso)
                    try writer.element("days", text: String(period.days))
                    try writer.element("base", text: Money.plain(period.base))
                    try writer.element("rate", text: Money.plain(period.rate))
                    try writer.element("amount", text: Money.plain(period.amount))
                    try writer.element("source", text: period.source)
                }
            }
        }
    }

    static func writeRoute(_ route: Route, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("route") {
            try writer.element("nature", text: route.nature.rawValue)
            try writer.element("regime", text: route.regime.rawValue)
            try writer.element("amount", text: Money.plain(route.amount))
            try writer.element("as-of", text: route.asOf.iso)
            try writer.element("procedure", text: route.procedure.rawValue)
            if let court = route.court {
                try writer.element("court") {
                    try writer.element("kind", text: court.kind.rawValue)
                    try writer.element("name", text: court.name)
                    if let address = court.address { try writeAddress(address, as: "address", to: writer) }
                    try writer.element("phone", textIfPresent: present(court.phone))
                    try writer.element("email", textIfPresent: present(court.email))
                    try writer.element("source", textIfPresent: present(court.source))
                }
            }
            if let form = route.form {
                try writer.element("form") {
                    // A plain letter (déclaration de créance) has a title but no CERFA number.
                    try writer.element("cerfa", textIfPresent: present(form.cerfa))
                    try writer.element("title", text: form.title)
                }
            }
            try writer.element("alternatives") {
                for alternative in route.alternatives {
                    try writer.element("alternative") {
                        try writer.element("procedure", text: alternative.procedure.rawValue)
                        try writer.element("why", text: alternative.why)
                    }
                }
            }
            try writer.element("cour-d-appel", textIfPresent: present(route.courDAppel))
            try writer.element("prior-steps") {
                for step in route.priorSteps { try writer.element("step", text: step) }
            }
            try writeWarnings(route.warnings, to: writer)
            try writer.element("explanation") {
                for paragraph in route.explanation { try writer.element("paragraph", text: paragraph) }
            }
        }
    }

    static func writeWarnings(_ warnings: [String], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("warnings") {
            for warning in warnings { try writer.element("warning", text: warning) }
        }
    }

    static func writeDocuments(_ documents: [DocumentDigest], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("documents") {
            for document in documents {
                try writer.element("document") {
                    try writer.element("file-name", text: document.fileName)
                    try writer.element("title", text: document.title)
                    try writer.element("sha256", text: document.sha256)
                    try writer.element("bytes", text: String(document.bytes))
                }
            }
        }
    }

    static func writeExhibits(_ exhibits: [ExhibitDigest], to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("exhibits") {
            for exhibit in exhibits {
                try writer.element("exhibit") {
                    try writer.element("number", text: String(exhibit.number))
                    try writer.element("title", text: exhibit.title)
                    try writer.element("path", textIfPresent: exhibit.path)
                    try writer.element("sha256", textIfPresent: exhibit.sha256)
                    try writer.element("bytes", textIfPresent: exhibit.bytes.map(String.init))
                }
            }
        }
    }

    static func writeSources(_ input: DossierXMLInput, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("sources") {
            try writer.element("rate-tables") {
                for table in input.statement.rateTables {
                    try writer.element("rate-table") {
                        try writer.element("id", text: table.id)
                        try writer.element("name", text: table.name)
                        try writer.element("file", text: table.file)
                        try writer.element("source", text: table.source)
                        try writer.element("checked-through", text: table.checkedThrough.iso)
                    }
                }
            }
            try writer.element("court-data", textIfPresent: present(input.courtDataSource))
        }
    }

    /// An optional text, `nil` when absent or blank (an empty element would not validate).
    ///
    /// Fast path (xml, issue 14): the same verdict as `presentByTrimming` (Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, then `isEmpty`) without bridging to `NSString`
    /// and copying the trimmed text: the trimmed text is empty exactly when every scalar is in that set,
    /// which `isWhitespaceOrNewline` spells out (`DossierXMLFastPathTests` checks it against Foundation
    /// on every scalar, and the two functions on generated texts).
    static func present(_ text: String?) -> String? {
        guard let text else { return nil }
        for scalar in text.unicodeScalars where !isWhitespaceOrNewline(scalar) { return text }
        return nil
    }

    /// The reference `present`: Foundation's trimming (kept for the tests).
    static func presentByTrimming(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }

    /// `CharacterSet.whitespacesAndNewlines` as swift-corelibs-foundation has it: the Unicode
    /// categories Zs, Zl and Zp, tab, U+000A–U+000D, U+0085, and U+200B (zero width space, Zs in old
    /// Unicode versions: Foundation trims it).
    @inline(__always)
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80: return false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `CompanyIdentifier.digits` (the text without its whitespace characters).
    ///
    /// Fast path (xml, issue 14): an ASCII text is a run of one-scalar characters but for CR LF, whose
    /// two scalars are whitespace too, so dropping the whitespace characters is dropping the bytes
    /// U+0009–U+000D and U+0020 (`Character.isWhitespace` on ASCII); a text with any other byte takes
    /// `CompanyIdentifier.digits` itself. `DossierXMLFastPathTests` compares the two.
    static func companyDigits(_ text: String) -> String {
        var blank = false
        for byte in text.utf8 {
            if byte >= 0x80 { return CompanyIdentifier.digits(text) }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { blank = true }
        }
        guard blank else { return text }
        return String(decoding: text.utf8.filter { $0 != 0x20 && !($0 >= 0x09 && $0 <= 0x0D) }, as: UTF8.self)
    }

    static func boolean(_ value: Bool) -> String { value ? "true" : "false" }
}
