import Foundation
import RecouvreModel

/// The Fichier des écritures comptables (LPF A47 A-1; its layout: arrêté du 29 juillet 2013, art.
/// A47 A-1 du LPF): 18 columns separated by a tab or `|`, a header line, amounts with a decimal comma
/// (padded with zeros or spaces, signed or not), dates `AAAAMMJJ`. Also the variant with `Montant` and
/// `Sens` (D/C) in place of `Debit` and `Credit`.
///
/// Customer accounts (`411…`, with their auxiliary account `CompAuxNum` / `CompAuxLib`) give the
/// debtors; lines lettered together (`EcritureLet`) are settled and left out; the open invoices and
/// partial payments of each customer become a case. Every entry (`EcritureNum`) must balance (total
/// debit = total credit): a file that does not is refused, naming the entry and its first line.
///
/// A pure function of bytes, like every importer.
public enum FECImporter {
    static let required = [
        "JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "CompAuxNum", "CompAuxLib", "PieceRef",
        "PieceDate", "EcritureLib", "EcritureLet",
    ]

    public static func importFEC(
        _ data: Data, name: String, creditor: CreditorDefaults, creditorFile: String = "créancier", dueDays: Int = 30,
        customerAccountPrefix: String = "411", workers: Int = WorkerPool.defaultWorkers
    ) throws(ImportError) -> ImportResult {
        var (text, encoding) = try LedgerText.decode(data, name: name)
        var notes: [ImportNote] = []
        if encoding == .windows1252 {
            notes.append(
                ImportNote(
                    .info, "encodage Windows-1252 (ou ISO 8859-15) détecté, converti en UTF-8",
                    at: SourceLocation(file: name)))
        }
        var lines = Self.lines(&text)
        while let last = lines.last, last.isEmpty || last.allSatisfy({ $0 == UInt8(ascii: "\r") }) {
            lines.removeLast()
        }
        guard let headerLine = lines.first else { throw ImportError("le FEC est vide", at: SourceLocation(file: name)) }
        let separator: UInt8 = headerLine.contains(UInt8(ascii: "\t")) ? UInt8(ascii: "\t") : UInt8(ascii: "|")
        let header = Self.fields(headerLine, separator: separator).map { $0.trimmedSpaces }
        var index: [String: Int] = [:]
        for (position, title) in header.enumerated() { index[title.lowercased()] = position }
        let missing = required.filter { index[$0.lowercased()] == nil }
        let hasDebitCredit = index["debit"] != nil && index["credit"] != nil
        let hasMontantSens = index["montant"] != nil && index["sens"] != nil
        if !missing.isEmpty || !(hasDebitCredit || hasMontantSens) {
            var absent = missing
            if !(hasDebitCredit || hasMontantSens) { absent.append("Debit/Credit (ou Montant/Sens)") }
            throw ImportError(
                "colonnes du FEC absentes : \(absent.joined(separator: ", "))",
                at: SourceLocation(file: name, line: 1),
                remedy: "un FEC a 18 colonnes (JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|…), "
                    + "séparées par une tabulation ou |, avec leur ligne d'en-tête")
        }
        func column(_ title: String) -> Int { index[title.lowercased()]! }
        let layout = Layout(
            name: name, header: header, separator: separator, customerAccountPrefix: customerAccountPrefix,
            journal: column("JournalCode"), entryNumber: column("EcritureNum"), entryDate: column("EcritureDate"),
            account: column("CompteNum"), auxNumber: column("CompAuxNum"), auxName: column("CompAuxLib"),
            piece: column("PieceRef"), pieceDate: column("PieceDate"), label: column("EcritureLib"),
            letter: column("EcritureLet"), debitColumn: index["debit"], creditColumn: index["credit"],
            montantColumn: index["montant"], sensColumn: index["sens"], currencyColumn: index["idevise"],
            hasDebitCredit: hasDebitCredit)
        // The lines in `workers` parts, each read on its own thread; the parts' balances, entries and
        // notes put together in the lines' order. A file with a problem is read again on one thread,
        // so that its problems are exactly those (and stop where) a reading in one pass gives.
        let body = lines.count - 1
        let partCount = body > 0 ? max(1, min(workers, body / 1000)) : 0
        let ranges = (0..<partCount).map { part in
            (1 + body * part / partCount)..<(1 + body * (part + 1) / partCount)
        }
        var read = WorkerPool.map(partCount, workers: workers) { part in layout.read(lines, ranges[part]) }
        if read.count > 1, read.contains(where: { !$0.problems.isEmpty }) {
            read = [layout.read(lines, 1..<lines.count)]
        }
        var balances: [Substring: Balance] = [:]
        var balanceOrder: [Substring] = []
        var entries: [LedgerEntry] = []
        var problems: [ImportProblem] = []
        var lettered = 0
        for index in read.indices {
            // Each part is let go once merged: the lines are not held twice.
            let part = read[index]
            read[index] = Part()
            if balanceOrder.isEmpty {
                // The first part's balances as they are (the same keys, order and sums as adding them
                // one by one to an empty table: half the merge's lookups, on one thread).
                balances = part.balances
                balanceOrder = part.balanceOrder
            } else {
                for key in part.balanceOrder {
                    let balance = part.balances[key]!
                    if let known = balances[key] {
                        balances[key] = Balance(
                            debit: known.debit + balance.debit, credit: known.credit + balance.credit, line: known.line)
                    } else {
                        balances[key] = balance
                        balanceOrder.append(key)
                    }
                }
            }
            entries.append(contentsOf: part.entries)
            notes.append(contentsOf: part.notes)
            problems.append(contentsOf: part.problems)
            lettered += part.lettered
        }
        for key in balanceOrder {
            let balance = balances[key]!
            if balance.debit != balance.credit {
                let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false)
                problems.append(
                    ImportProblem(
                        "l'écriture \(parts.last ?? "") (journal \(parts.first ?? "")) n'est pas équilibrée : "
                            + "débit \(Money.french(balance.debit)), crédit \(Money.french(balance.credit))",
                        at: SourceLocation(file: name, line: balance.line),
                        remedy:
                            "un FEC dont une écriture ne s'équilibre pas est refusé ; réexportez-le depuis la comptabilité"
                    ))
                if problems.count >= 50 { break }
            }
        }
        if !problems.isEmpty { throw ImportError(problems) }
        if lettered > 0 {
            notes.append(
                ImportNote(
                    .skipped, "\(lettered) ligne(s) client lettrée(s) (EcritureLet) : soldées, non reprises",
                    at: SourceLocation(file: name)))
        }
        let assembler = LedgerAssembler(
            creditor: creditor, creditorFile: creditorFile, dueDays: dueDays, sourceName: name)
        let cases = assembler.cases(entries, notes: &notes, workers: workers)
        return ImportResult(kind: "fec", sources: [name], cases: cases, notes: notes, linesRead: lines.count - 1)
    }

    /// One FEC balance: an entry's debits and credits, and its first line.
    struct Balance {
        var debit: Decimal = 0
        var credit: Decimal = 0
        var line: Int
    }

    /// `text.utf8.split(separator: LF, omittingEmptySubsequences: false)`, the line feeds found over the
    /// bytes (the generic `split` cost 6,500 instructions a line, on one thread).
    static func lines(_ text: inout String) -> [Substring.UTF8View] {
        text.makeContiguousUTF8()
        let ends: [Int] = text.withUTF8 { bytes in
            var ends: [Int] = []
            ends.reserveCapacity(bytes.count / 64)
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { ends.append(index) }
            ends.append(bytes.count)
            return ends
        }
        let utf8 = text.utf8
        var lines: [Substring.UTF8View] = []
        lines.reserveCapacity(ends.count)
        var start = utf8.startIndex
        for end in ends {
            let stop = utf8.index(utf8.startIndex, offsetBy: end)
            lines.append(utf8[start..<stop])
            if end < ends[ends.count - 1] { start = utf8.index(after: stop) }
        }
        return lines
    }

    /// A line's fields (a final CR dropped): `split(separator:omittingEmptySubsequences: false)`, the
    /// separators found over the bytes (the generic `split` was 6 % of an FEC import's instructions).
    static func fields(_ line: Substring.UTF8View, separator: UInt8) -> [Substring] {
        var slice = line
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        let cuts: [Int]? = slice.withContiguousStorageIfAvailable { bytes in
            var cuts: [Int] = []
            cuts.reserveCapacity(20)
            for index in bytes.indices where bytes[index] == separator { cuts.append(index) }
            return cuts
        }
        guard let cuts else {
            return slice.split(separator: separator, omittingEmptySubsequences: false).map { Substring($0) }
        }
        var fields: [Substring] = []
        fields.reserveCapacity(cuts.count + 1)
        var start = slice.startIndex
        for cut in cuts {
            let end = slice.index(slice.startIndex, offsetBy: cut)
            fields.append(Substring(slice[start..<end]))
            start = slice.index(after: end)
        }
        fields.append(Substring(slice[start..<slice.endIndex]))
        return fields
    }

    /// What one part of the lines gave.
    struct Part {
        var balances: [Substring: Balance] = [:]
        var balanceOrder: [Substring] = []
        var entries: [LedgerEntry] = []
        var notes: [ImportNote] = []
        var problems: [ImportProblem] = []
        var lettered = 0
    }

    /// The file's columns, and the reading of its lines.
    struct Layout: @unchecked Sendable {
        let name: String
        let header: [String]
        let separator: UInt8
        let customerAccountPrefix: String
        let journal: Int
        let entryNumber: Int
        let entryDate: Int
        let account: Int
        let auxNumber: Int
        let auxName: Int
        let piece: Int
        let pieceDate: Int
        let label: Int
        let letter: Int
        let debitColumn: Int?
        let creditColumn: Int?
        let montantColumn: Int?
        let sensColumn: Int?
        let currencyColumn: Int?
        let hasDebitCredit: Bool

        func fields(_ line: Substring.UTF8View) -> [Substring] { FECImporter.fields(line, separator: separator) }

        /// Lines `range` (0 is the header) of `lines`.
        func read(_ lines: [Substring.UTF8View], _ range: Range<Int>) -> Part {
            var part = Part()
            var balances: [Substring: Balance] = [:]
            var balanceOrder: [Substring] = []
            var entries: [LedgerEntry] = []
            var problems: [ImportProblem] = []
            var notes: [ImportNote] = []
            var lettered = 0
            for offset in range {
                let raw = lines[offset]
                let lineNumber = offset + 1
                if raw.isEmpty || (raw.count == 1 && raw.first == UInt8(ascii: "\r")) { continue }
                let row = fields(Substring(raw).utf8)
                func at(_ column: Int) -> SourceLocation {
                    SourceLocation(
                        file: name, line: lineNumber, column: column + 1,
                        context: column < header.count ? header[column] : nil)
                }
                guard row.count >= header.count - 2, row.count >= max(letter, account, piece) + 1 else {
                    problems.append(
                        ImportProblem(
                            "\(row.count) colonnes au lieu de \(header.count)",
                            at: SourceLocation(file: name, line: lineNumber),
                            remedy: "chaque ligne du FEC a les colonnes de l'en-tête"))
                    if problems.count >= 50 { break }
                    continue
                }
                func value(_ column: Int?) -> Substring {
                    guard let column, column < row.count else { return "" }
                    return row[column]
                }
                func money(_ column: Int?) -> Decimal? {
                    let text = value(column).trimmedSpaces
                    if text.isEmpty { return 0 }
                    return FrenchValues.amount(text)
                }
                var debit: Decimal = 0
                var credit: Decimal = 0
                if hasDebitCredit {
                    guard let d = money(debitColumn) else {
                        problems.append(
                            ImportProblem("« \(value(debitColumn)) » n'est pas un montant", at: at(debitColumn!)))
                        continue
                    }
                    guard let c = money(creditColumn) else {
                        problems.append(
                            ImportProblem("« \(value(creditColumn)) » n'est pas un montant", at: at(creditColumn!)))
                        continue
                    }
                    // Signed amounts: a negative debit is a credit, and the other way round.
                    debit = d < 0 ? 0 : d
                    credit = c < 0 ? 0 : c
                    if d < 0 { credit += -d }
                    if c < 0 { debit += -c }
                } else {
                    guard let m = money(montantColumn) else {
                        problems.append(
                            ImportProblem("« \(value(montantColumn)) » n'est pas un montant", at: at(montantColumn!)))
                        continue
                    }
                    let sens = value(sensColumn).trimmedSpaces.uppercased()
                    let magnitude = m < 0 ? -m : m
                    switch (sens, m < 0) {
                    case ("D", false), ("C", true), ("+1", false), ("1", false): debit = magnitude
                    case ("C", false), ("D", true), ("-1", false): credit = magnitude
                    default:
                        problems.append(ImportProblem("Sens « \(sens) » : attendu D ou C", at: at(sensColumn!)))
                        continue
                    }
                }
                let entryKey = value(journal) + "\u{1F}" + value(entryNumber)
                if balances[entryKey] == nil {
                    balances[entryKey] = Balance(line: lineNumber)
                    balanceOrder.append(entryKey)
                }
                balances[entryKey]!.debit += debit
                balances[entryKey]!.credit += credit

                let accountNumber = value(account).trimmedSpaces
                guard accountNumber.hasPrefix(customerAccountPrefix) else { continue }
                if !value(letter).trimmedSpaces.isEmpty {
                    lettered += 1
                    continue
                }
                guard let date = FrenchValues.day(value(pieceDate)) ?? FrenchValues.day(value(entryDate)) else {
                    problems.append(
                        ImportProblem("« \(value(pieceDate)) » n'est pas une date AAAAMMJJ", at: at(pieceDate)))
                    continue
                }
                let customer = value(auxNumber).trimmedSpaces
                let customerName = value(auxName).trimmedSpaces
                let key = customer.isEmpty ? accountNumber : customer
                var number = value(piece).trimmedSpaces
                if number.isEmpty { number = value(entryNumber).trimmedSpaces }
                let text = value(label).trimmedSpaces
                let journalCode = value(journal).trimmedSpaces.uppercased()
                if let currencyColumn, !value(currencyColumn).trimmedSpaces.isEmpty,
                    value(currencyColumn).trimmedSpaces.uppercased() != "EUR"
                {
                    notes.append(
                        ImportNote(
                            .info,
                            "pièce \(number) en \(value(currencyColumn)) : le montant en euros du FEC est repris",
                            at: at(currencyColumn)))
                }
                var details = PartyDetails()
                details.name = customerName.isEmpty ? nil : customerName
                let amount = debit - credit
                guard amount != 0 else { continue }
                let kind: LedgerEntry.Kind
                if amount > 0 {
                    kind = .invoice
                } else {
                    // A credit on the customer's account: a credit note when it comes from the sales journal
                    // (or its piece or label says avoir), a payment otherwise.
                    let upperText = text.uppercased()
                    let isSales = journalCode.hasPrefix("VT") || journalCode.hasPrefix("VE") || journalCode == "V"
                    kind =
                        isSales || number.uppercased().hasPrefix("AV") || upperText.hasPrefix("AVOIR")
                        ? .creditNote : .payment
                }
                let cells = [
                    LedgerCell(key: .number, column: piece), LedgerCell(key: .issued, column: pieceDate),
                    LedgerCell(key: .date, column: pieceDate),
                    LedgerCell(
                        key: .amount,
                        column: amount > 0 ? (debitColumn ?? montantColumn!) : (creditColumn ?? montantColumn!)),
                    LedgerCell(key: .debtorName, column: auxName),
                ]
                entries.append(
                    LedgerEntry(
                        kind: kind, number: number, date: date, due: nil, amount: amount < 0 ? -amount : amount,
                        description: text.isEmpty ? nil : text, debtorKey: key, debtor: details,
                        location: SourceLocation(file: name, line: lineNumber), header: header, cells: cells))
            }
            part.balances = balances
            part.balanceOrder = balanceOrder
            part.entries = entries
            part.problems = problems
            part.notes = notes
            part.lettered = lettered
            return part
        }
    }
}
