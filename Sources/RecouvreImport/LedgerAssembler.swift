import Foundation
import RecouvreModel

/// One line of a ledger (CSV or FEC), read but not yet grouped: an invoice, a credit note or a payment
/// of one debtor, with where each of its values came from. A class: a line is made once and then only
/// read, and the grouping hands it from array to array (a copy of the value was ~20 reference counts,
/// 100,000 lines several times over).
final class LedgerEntry: @unchecked Sendable {
    enum Kind { case invoice, creditNote, payment }

    let kind: Kind
    let number: String
    let date: Day
    let due: Day?
    /// Positive.
    let amount: Decimal
    /// Already paid on this invoice (a `réglé` column), without a separate payment line.
    let paid: Decimal
    let paymentDate: Day?
    /// The invoice a credit note or payment names.
    let invoiceReference: String?
    let description: String?
    let penaltyClause: String?
    let debtorKey: String
    let debtor: PartyDetails
    /// The line.
    let location: SourceLocation
    /// The file's column titles (one array shared by every line), for the cells' locations.
    let header: [String]
    /// The cells the case file's values come from (`number`, `issued`, `due`, `amount`, `debtor.siren`…),
    /// by column: their locations are made when the case is assembled (16 bytes a cell rather than a
    /// `SourceLocation` each: a fifth of the memory of a 100,000-line import).
    let cells: [LedgerCell]

    init(
        kind: Kind, number: String, date: Day, due: Day?, amount: Decimal, paid: Decimal = 0,
        paymentDate: Day? = nil, invoiceReference: String? = nil, description: String? = nil,
        penaltyClause: String? = nil, debtorKey: String, debtor: PartyDetails, location: SourceLocation,
        header: [String], cells: [LedgerCell] = []
    ) {
        self.kind = kind
        self.number = number
        self.date = date
        self.due = due
        self.amount = amount
        self.paid = paid
        self.paymentDate = paymentDate
        self.invoiceReference = invoiceReference
        self.description = description
        self.penaltyClause = penaltyClause
        self.debtorKey = debtorKey
        self.debtor = debtor
        self.location = location
        self.header = header
        self.cells = cells
    }

    /// The location of `cell`: this line, the cell's column and its title.
    func location(of cell: LedgerCell) -> SourceLocation {
        SourceLocation(
            file: location.file, line: location.line, column: cell.column + 1,
            context: cell.column < header.count ? header[cell.column] : nil)
    }
}

/// A value of a ledger line, by the case-file key it fills and the column it was read from.
struct LedgerCell {
    enum Key: UInt8 {
        case number, issued, amount, date, due, debtorSiren, debtorPostcode, debtorCity, debtorEmail, debtorName

        /// The key path in the case file (below the invoice, payment or credit note for the first five).
        var path: String {
            switch self {
            case .number: return "number"
            case .issued: return "issued"
            case .amount: return "amount"
            case .date: return "date"
            case .due: return "due"
            case .debtorSiren: return "debtor.siren"
            case .debtorPostcode: return "debtor.address.postcode"
            case .debtorCity: return "debtor.address.city"
            case .debtorEmail: return "debtor.email"
            case .debtorName: return "debtor.name"
            }
        }

        var isDebtor: Bool { rawValue >= Key.debtorSiren.rawValue }
    }

    var key: Key
    /// 0-based.
    var column: Int
}

/// Groups ledger lines by debtor into cases: invoices with what is still due, the payments and credit
/// notes that go with them; settled invoices, and debtors who owe nothing, are left out with a note.
struct LedgerAssembler {
    var creditor: CreditorDefaults
    var creditorFile: String
    var dueDays: Int
    var sourceName: String

    /// The debtors in the order of their first line, each assembled on `workers` threads
    /// (`WorkerPool`: the same cases and notes, in the same order, as on one thread).
    func cases(
        _ entries: [LedgerEntry], notes: inout [ImportNote], workers: Int = WorkerPool.defaultWorkers
    ) -> [ImportedCase] {
        // Each debtor's lines by index into `entries` (no copy of the entries themselves).
        var groupOf: [String: Int] = [:]
        var groups: [[Int]] = []
        for (index, entry) in entries.enumerated() {
            if let group = groupOf[entry.debtorKey] {
                groups[group].append(index)
            } else {
                groupOf[entry.debtorKey] = groups.count
                groups.append([index])
            }
        }
        groupOf = [:]
        var assembled = WorkerPool.map(groups.count, workers: workers) { group -> (ImportedCase?, [ImportNote]) in
            var skipped: [ImportNote] = []
            let lines = groups[group].map { entries[$0] }
            let imported = debtorCase(key: lines[0].debtorKey, entries: lines, notes: &skipped)
            return (imported, skipped)
        }
        var result: [ImportedCase] = []
        result.reserveCapacity(groups.count)
        var names: Set<String> = []
        for index in assembled.indices {
            notes.append(contentsOf: assembled[index].1)
            // Renamed in place, then moved out of the array (not copied).
            guard let found = assembled[index].0?.fileName else { continue }
            // Two keys reduced to the same file name: the second gets a suffix.
            var fileName = found
            var counter = 2
            while names.contains(fileName) {
                fileName = String(found.dropLast(5)) + "-\(counter).yaml"
                counter += 1
            }
            names.insert(fileName)
            if fileName != found { assembled[index].0!.fileName = fileName }
            result.append(assembled[index].0.take()!)
        }
        return result
    }

    private func debtorCase(key: String, entries: [LedgerEntry], notes: inout [ImportNote]) -> ImportedCase? {
        var caseNotes: [ImportNote] = []
        let first = entries[0]
        // Invoices by number (first occurrence wins; a second one is reported by the validator).
        var invoiceIndex: [String: Int] = [:]
        var invoices: [LedgerEntry] = []
        var others: [LedgerEntry] = []
        for entry in entries {
            if entry.kind == .invoice {
                if invoiceIndex[entry.number] == nil { invoiceIndex[entry.number] = invoices.count }
                invoices.append(entry)
            } else {
                others.append(entry)
            }
        }
        // A payment or credit note names its invoice (column, or the one invoice number its label cites).
        var allocated: [Int: [Int]] = [:]
        var allocation: [Int?] = Array(repeating: nil, count: others.count)
        for (index, entry) in others.enumerated() {
            var target = entry.invoiceReference.flatMap { invoiceIndex[$0] }
            if target == nil, let label = entry.description {
                let cited = invoiceIndex.keys.filter { $0.count >= 4 && LedgerText.contains(label, $0) }
                if cited.count == 1 { target = invoiceIndex[cited[0]] }
            }
            if target == nil, entry.kind == .creditNote, entry.invoiceReference == nil,
                invoiceIndex[entry.number] != nil
            {
                target = invoiceIndex[entry.number]
            }
            if let target {
                allocation[index] = target
                allocated[target, default: []].append(index)
            }
        }
        // Settled invoices (and what settled them) are left out.
        var keptInvoices: [Int] = []
        var dropped: Set<Int> = []
        for (index, invoice) in invoices.enumerated() {
            let settled = invoice.paid + (allocated[index] ?? []).reduce(Decimal(0)) { $0 + others[$1].amount }
            if invoice.amount - settled <= 0 {
                caseNotes.append(
                    ImportNote(
                        .skipped,
                        "facture \(invoice.number) soldée (\(ImportAmount.plain(invoice.amount)) réglés) : non reprise",
                        at: invoice.location))
                for other in allocated[index] ?? [] { dropped.insert(other) }
            } else {
                keptInvoices.append(index)
            }
        }
        let shownName = first.debtor.name ?? key
        guard !keptInvoices.isEmpty else {
            notes.append(contentsOf: caseNotes)
            notes.append(
                ImportNote(
                    .skipped, "débiteur « \(shownName) » : aucune facture ouverte, pas de dossier", at: first.location))
            return nil
        }
        // Where each value came from, found when asked (`LedgerLocations`: a problem, rarely), rather
        // than a table of 8 paths a line made for every case.
        var locations = LedgerLocations(creditorFile: creditorFile, first: first)
        var caseInvoices: [Invoice] = []
        var kept: [Int: String] = [:]
        var clauses: [String] = []
        for index in keptInvoices {
            let entry = invoices[index]
            var due = entry.due
            if due == nil {
                due = entry.date.adding(days: dueDays)
                caseNotes.append(
                    ImportNote(
                        .warning,
                        "facture \(entry.number) sans échéance : \(due!.iso), \(dueDays) jours après la date de la pièce "
                            + "(C. com. L441-10 I, délai supplétif) ; corrigez si les conditions de paiement disent autre chose",
                        at: entry.location))
            }
            locations.invoices.append(entry)
            caseInvoices.append(
                Invoice(
                    number: entry.number, issued: entry.date, due: due!, amount: entry.amount,
                    description: entry.description,
                    penaltyClause: entry.penaltyClause))
            kept[index] = entry.number
            if let clause = entry.penaltyClause { clauses.append(clause) }
        }
        var payments: [Payment] = []
        var creditNotes: [CreditNote] = []
        for index in keptInvoices where invoices[index].paid > 0 {
            let entry = invoices[index]
            let date = entry.paymentDate ?? entry.date
            if entry.paymentDate == nil {
                caseNotes.append(
                    ImportNote(
                        .warning,
                        "facture \(entry.number) : \(ImportAmount.plain(entry.paid)) déjà réglés, date du règlement inconnue ; "
                            + "compté au \(date.iso), date de la facture (lecture prudente : aucune pénalité sur la part réglée)",
                        at: entry.location))
            }
            locations.payments.append((entry, false))
            payments.append(Payment(date: date, amount: entry.paid, invoice: entry.number, reference: nil))
        }
        for (index, entry) in others.enumerated() where !dropped.contains(index) {
            let invoice = allocation[index].flatMap { kept[$0] }
            if allocation[index] != nil, invoice == nil { continue }
            switch entry.kind {
            case .payment:
                locations.payments.append((entry, true))
                payments.append(
                    Payment(date: entry.date, amount: entry.amount, invoice: invoice, reference: entry.number))
            case .creditNote:
                locations.creditNotes.append(entry)
                creditNotes.append(
                    CreditNote(number: entry.number, date: entry.date, amount: entry.amount, invoice: invoice))
                if invoice != nil {
                    caseNotes.append(
                        ImportNote(
                            .info,
                            "avoir \(entry.number) (\(ImportAmount.plain(entry.amount))) imputé sur la facture \(invoice!)",
                            at: entry.location))
                }
            case .invoice:
                break
            }
        }
        let (debtor, partyNotes) = first.debtor.party(role: "débiteur", at: first.location)
        caseNotes.append(contentsOf: partyNotes)
        for entry in entries.dropFirst() where entry.debtor.name != nil && entry.debtor.name != first.debtor.name {
            caseNotes.append(
                ImportNote(
                    .warning,
                    "le débiteur \(key) porte ici un autre nom (« \(entry.debtor.name!) ») que sur sa première ligne "
                        + "(« \(first.debtor.name ?? "") ») : le premier est gardé",
                    at: entry.location))
            break
        }
        var contract = creditor.contract
        if contract.penaltyRate == nil, let clause = clauses.first {
            switch PenaltyClauseParser.parse(clause) {
            case .rate(let rate): contract.penaltyRate = rate
            case .unreadable:
                caseNotes.append(
                    ImportNote(
                        .warning,
                        "clause de pénalités non comprise (« \(clause) ») : le taux légal par défaut s'appliquera ; "
                            + "écrivez contract.penalty_rate si elle en fixe un",
                        at: first.location))
            }
        }
        let value = Case(
            reference: key, creditor: creditor.creditor, debtor: debtor, contract: contract, invoices: caseInvoices,
            payments: payments, creditNotes: creditNotes)
        let outstanding = value.totalInvoiced - value.totalPaid - value.totalCredited
        if outstanding <= 0 {
            notes.append(contentsOf: caseNotes)
            notes.append(
                ImportNote(
                    .skipped,
                    "débiteur « \(shownName) » : règlements et avoirs (\(ImportAmount.plain(value.totalPaid + value.totalCredited))) "
                        + "couvrent les factures (\(ImportAmount.plain(value.totalInvoiced))), pas de dossier",
                    at: first.location))
            return nil
        }
        return ImportedCase(
            value: value, debtorKey: key, fileName: CaseFileName.make(key), locations: locations,
            notes: caseNotes, sources: [sourceName], outstanding: outstanding)
    }
}

/// Where each value of a ledger case came from: the lines (and their cells) the case was made of,
/// resolved to a location only for the paths asked (the validator asks only about a problem). The
/// same answers as the table `table()` makes: `""` and `debtor` the debtor's first line, `creditor`
/// the creditor file, `debtor.…` the cells of the first line, `invoices[i]`, `payments[i]`,
/// `credit_notes[i]` their line, and below them their cells (an invoice's payment recorded in a
/// `réglé` column: its line only).
struct LedgerLocations: Sendable {
    let creditorFile: String
    let first: LedgerEntry
    var invoices: [LedgerEntry] = []
    /// Each payment's line, and whether its cells are the payment's (a payment line) or not (a `réglé`
    /// column of an invoice line).
    var payments: [(entry: LedgerEntry, cells: Bool)] = []
    var creditNotes: [LedgerEntry] = []

    init(creditorFile: String, first: LedgerEntry) {
        self.creditorFile = creditorFile
        self.first = first
    }

    /// Every path → location (what the importer recorded before it resolved them lazily; the tests
    /// compare `location(at:)` with it).
    func table() -> [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        locations[""] = first.location
        locations["creditor"] = SourceLocation(file: creditorFile)
        for cell in first.cells where cell.key.isDebtor { locations[cell.key.path] = first.location(of: cell) }
        locations["debtor"] = first.location
        func record(_ path: String, _ entry: LedgerEntry, cells: Bool) {
            locations[path] = entry.location
            guard cells else { return }
            for cell in entry.cells where !cell.key.isDebtor {
                locations[path + "." + cell.key.path] = entry.location(of: cell)
            }
        }
        for (index, entry) in invoices.enumerated() { record("invoices[\(index)]", entry, cells: true) }
        for (index, payment) in payments.enumerated() {
            record("payments[\(index)]", payment.entry, cells: payment.cells)
        }
        for (index, entry) in creditNotes.enumerated() { record("credit_notes[\(index)]", entry, cells: true) }
        return locations
    }

    /// The location recorded for exactly `path` (`table()[path]`), found from the path.
    func location(at path: String) -> SourceLocation? {
        switch path {
        case "", "debtor": return first.location
        case "creditor": return SourceLocation(file: creditorFile)
        default: break
        }
        if path.hasPrefix("debtor.") {
            return first.cells.last { $0.key.isDebtor && $0.key.path == path }.map { first.location(of: $0) }
        }
        var utf8 = Substring(path).utf8
        let list: Int
        if utf8.starts(with: "invoices[".utf8) {
            list = 0
            utf8 = utf8.dropFirst(9)
        } else if utf8.starts(with: "payments[".utf8) {
            list = 1
            utf8 = utf8.dropFirst(9)
        } else if utf8.starts(with: "credit_notes[".utf8) {
            list = 2
            utf8 = utf8.dropFirst(13)
        } else {
            return nil
        }
        // The index as `\(index)` writes it: digits, no leading zero, then `]`.
        var index = 0
        var digits = 0
        while let byte = utf8.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            if digits > 0 && index == 0 { return nil }
            guard digits < 9 else { return nil }
            index = index * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            utf8 = utf8.dropFirst()
        }
        guard digits > 0, utf8.first == UInt8(ascii: "]") else { return nil }
        utf8 = utf8.dropFirst()
        let entry: LedgerEntry
        var cells = true
        switch list {
        case 0:
            guard index < invoices.count else { return nil }
            entry = invoices[index]
        case 1:
            guard index < payments.count else { return nil }
            entry = payments[index].entry
            cells = payments[index].cells
        default:
            guard index < creditNotes.count else { return nil }
            entry = creditNotes[index]
        }
        if utf8.isEmpty { return entry.location }
        guard cells, utf8.first == UInt8(ascii: "."), utf8.count > 1 else { return nil }
        let rest = String(Substring(utf8.dropFirst()))
        return entry.cells.last { !$0.key.isDebtor && $0.key.path == rest }.map { entry.location(of: $0) }
    }
}
