import CSV
import Foundation
import RecouvreModel

/// A receivables ledger exported as CSV (`recouvre import csv`): one line per invoice, credit note or
/// payment, in the French conventions of accounting software — `;` separator (`,`, tab and `|` are
/// detected too), amounts as `1 234,56`, dates as `31/12/2025`, UTF-8 with or without BOM or
/// Windows-1252, CRLF — mapped by `LedgerMapping`. Lines are grouped by debtor (SIREN, else customer
/// code, else name) into one case per debtor. The CSV itself is read by yaslab's CSV.swift.
///
/// A pure function of bytes: the CLI, `batch` and a web upload call it alike.
public enum CSVLedgerImporter {
    public static func importLedger(
        _ data: Data, name: String, creditor: CreditorDefaults, creditorFile: String = "créancier",
        mapping: LedgerMapping = LedgerMapping(), workers: Int = WorkerPool.defaultWorkers
    ) throws(ImportError) -> ImportResult {
        var (text, encoding) = try LedgerText.decode(data, name: name)
        text.makeContiguousUTF8()
        var notes: [ImportNote] = []
        if encoding == .windows1252 {
            notes.append(
                ImportNote(.info, "encodage Windows-1252 détecté, converti en UTF-8", at: SourceLocation(file: name)))
        }
        let separator = mapping.separator ?? detectSeparator(text)
        let delimiter = separator.unicodeScalars.first!
        // The records' boundaries, found over the bytes by the same rules as CSV.swift's reader, so
        // that the text can be cut between two records: the header alone, then the lines in `workers`
        // parts of about the same size, each read by its own CSV.swift reader on its own thread.
        let boundaries = CSVRecords.boundaries(text, delimiter: delimiter, parts: workers)
        let header: [String]
        do {
            let reader = try CSVReader(
                string: CSVRecords.slice(text, 0, boundaries.headerEnd), hasHeaderRow: false, trimFields: false,
                delimiter: delimiter)
            guard let row = reader.next()?.map({ $0.trimmedSpaces }), row.contains(where: { !$0.isEmpty }) else {
                throw ImportError(
                    "la première ligne (les en-têtes de colonnes) est vide", at: SourceLocation(file: name, line: 1))
            }
            header = row
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError("le fichier CSV ne peut pas être lu : \(error)", at: SourceLocation(file: name))
        }
        let columns = try mapping.resolve(header: header, file: name)
        try requireColumns(columns, header: header, file: name)
        let index = ColumnIndex(columns)

        let parts = boundaries.parts
        let separatorBytes = Array(String(delimiter).utf8)
        var read = WorkerPool.map(parts.count, workers: workers) { part -> Part in
            // Each thread reads its part over the text's bytes (one storage, only read: `text` is native).
            var text = text
            return text.withUTF8 { bytes in
                Self.read(
                    bytes, part: parts[part], separator: separatorBytes, delimiter: delimiter, columns: index,
                    header: header, file: name)
            }
        }
        var entries: [LedgerEntry] = []
        entries.reserveCapacity(read.reduce(0) { $0 + $1.entries.count })
        var problems: [ImportProblem] = []
        var rows = 0
        for index in read.indices {
            // Each part is let go once merged: the lines are not held twice.
            let part = read[index]
            read[index] = Part()
            entries.append(contentsOf: part.entries)
            notes.append(contentsOf: part.notes)
            problems.append(contentsOf: part.problems.prefix(max(0, 50 - problems.count)))
            rows += part.rows
        }
        if !problems.isEmpty { throw ImportError(problems) }
        let assembler = LedgerAssembler(
            creditor: creditor, creditorFile: creditorFile, dueDays: mapping.dueDays, sourceName: name)
        let cases = assembler.cases(entries, notes: &notes, workers: workers)
        return ImportResult(kind: "csv", sources: [name], cases: cases, notes: notes, linesRead: rows)
    }

    /// What one part of the ledger's lines gave.
    struct Part {
        var entries: [LedgerEntry] = []
        var notes: [ImportNote] = []
        var problems: [ImportProblem] = []
        var rows = 0
    }

    /// Reads the records of one part of the text (whole records; its first is on line `part.line` of
    /// the file), each non-blank one into an entry (or a problem: at most 50 are kept). The records are
    /// delimited by `CSVRecords`, their fields read as CSV.swift reads them (`CSVRow`: by CSV.swift
    /// itself for a record with a quote).
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, part range: CSVRecords.Part, separator: [UInt8],
        delimiter: Unicode.Scalar, columns: ColumnIndex, header: [String], file: String
    ) -> Part {
        var part = Part()
        var line = range.line - 1
        do {
            try CSVRecords.forEachRow(
                bytes, from: range.start, to: range.end, separator: separator, delimiter: delimiter
            ) { row in
                line += 1
                let rowLine = line
                line += row.newlines
                if row.isBlank { return }
                part.rows += 1
                if part.problems.count >= 50 { return }
                switch entry(row, line: rowLine, columns: columns, header: header, file: file, notes: &part.notes) {
                case .success(let entry?): part.entries.append(entry)
                case .success(nil): break
                case .failure(let problem): part.problems.append(problem)
                }
            }
        } catch {
            part.problems.append(
                ImportProblem("lecture interrompue : \(error)", at: SourceLocation(file: file, line: line)))
        }
        return part
    }

    /// The separator that splits the header line into the most fields (`;` on a tie).
    static func detectSeparator(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0, "|": 0]
        var quoted = false
        for c in firstLine {
            if c == "\"" { quoted.toggle() } else if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key != ";" && b.key == ";" }
        return (best?.value ?? 0) > 0 ? best!.key : ";"
    }

    static func newlines(in row: [String]) -> Int {
        var count = 0
        for field in row where field.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            var previousCR = false
            for byte in field.utf8 {
                if byte == UInt8(ascii: "\n") {
                    if !previousCR { count += 1 }
                    previousCR = false
                } else if byte == UInt8(ascii: "\r") {
                    count += 1
                    previousCR = true
                } else {
                    previousCR = false
                }
            }
        }
        return count
    }

    static func requireColumns(
        _ columns: [LedgerMapping.Field: Int], header: [String], file: String
    )
        throws(ImportError)
    {
        var missing: [String] = []
        if columns[.invoice] == nil { missing.append("le numéro de facture (invoice : « N° facture »)") }
        if columns[.issued] == nil { missing.append("la date de la pièce (issued : « Date facture »)") }
        if columns[.amount] == nil, columns[.debit] == nil, columns[.balance] == nil {
            missing.append("le montant (amount : « Montant TTC », ou debit/credit, ou balance : « Solde »)")
        }
        if columns[.siren] == nil, columns[.customer] == nil, columns[.name] == nil {
            missing.append("le débiteur (siren, customer : « Code client » ou name : « Raison sociale »)")
        }
        guard !missing.isEmpty else { return }
        throw ImportError(
            missing.map {
                ImportProblem(
                    "colonne absente : \($0)", at: SourceLocation(file: file, line: 1),
                    remedy:
                        "en-têtes trouvés : \(header.joined(separator: " | ")) ; nommez la colonne dans --map MAP.yaml")
            })
    }

    /// One line → an entry (`nil`: a line that is not a receivable, noted), or the problem that stops the import.
    static func entry(
        _ row: CSVRow, line: Int, columns: ColumnIndex, header: [String], file: String,
        notes: inout [ImportNote]
    ) -> Result<LedgerEntry?, ImportProblem> {
        func cell(_ field: LedgerMapping.Field) -> String? {
            guard let index = columns[field], index < row.count else { return nil }
            let value = row.trimmed(index)
            return value.isEmpty ? nil : value
        }
        func at(_ field: LedgerMapping.Field) -> SourceLocation {
            let index = columns[field] ?? 0
            return SourceLocation(
                file: file, line: line, column: index + 1, context: index < header.count ? header[index] : nil)
        }
        func amount(_ field: LedgerMapping.Field) -> Result<Decimal?, ImportProblem> {
            guard let raw = cell(field) else { return .success(nil) }
            guard let value = FrenchValues.amount(raw) else {
                return .failure(
                    ImportProblem(
                        "« \(raw) » n'est pas un montant", at: at(field),
                        remedy: "attendu par exemple 1 234,56 ou 1234.56"))
            }
            return .success(value)
        }
        func day(_ field: LedgerMapping.Field) -> Result<Day?, ImportProblem> {
            guard let raw = cell(field) else { return .success(nil) }
            guard let value = FrenchValues.day(raw) else {
                return .failure(
                    ImportProblem(
                        "« \(raw) » n'est pas une date", at: at(field),
                        remedy: "attendu JJ/MM/AAAA, par exemple 31/12/2025"))
            }
            return .success(value)
        }
        let location = SourceLocation(file: file, line: line)
        guard let number = cell(.invoice) else {
            return .failure(
                ImportProblem(
                    "numéro de pièce vide", at: at(.invoice), remedy: "chaque ligne porte le numéro de sa pièce"))
        }
        if let currency = cell(.currency), currency.uppercased() != "EUR", currency != "€" {
            notes.append(
                ImportNote(
                    .skipped, "pièce \(number) en \(currency) : seuls les euros sont calculés ; convertissez-la en EUR",
                    at: at(.currency)))
            return .success(nil)
        }
        let issuedResult = day(.issued)
        guard case .success(let issuedValue) = issuedResult else {
            if case .failure(let problem) = issuedResult { return .failure(problem) }
            return .success(nil)
        }
        guard let issued = issuedValue else {
            return .failure(
                ImportProblem("date de la pièce \(number) vide", at: at(.issued), remedy: "attendu JJ/MM/AAAA"))
        }
        var due: Day?
        switch day(.due) {
        case .success(let value): due = value
        case .failure(let problem): return .failure(problem)
        }
        var paymentDate: Day?
        switch day(.paymentDate) {
        case .success(let value): paymentDate = value
        case .failure(let problem): return .failure(problem)
        }
        // The signed amount of the line: amount, else debit − credit, else the balance itself.
        var signed: Decimal
        var amountField = LedgerMapping.Field.amount
        var values = Amounts()
        for field in [LedgerMapping.Field.amount, .debit, .credit, .paid, .balance] {
            switch amount(field) {
            case .success(let value): if let value { values[field] = value }
            case .failure(let problem): return .failure(problem)
            }
        }
        if let value = values[.amount] {
            signed = value
        } else if values[.debit] != nil || values[.credit] != nil {
            signed = (values[.debit] ?? 0) - (values[.credit] ?? 0)
            amountField = (values[.debit] ?? 0) != 0 ? .debit : .credit
        } else if let balance = values[.balance] {
            signed = balance
            amountField = .balance
        } else {
            return .failure(
                ImportProblem(
                    "montant de la pièce \(number) vide", at: at(.amount), remedy: "attendu par exemple 1 234,56"))
        }
        let type = cell(.type).map(LedgerMapping.normalise) ?? ""
        var kind: LedgerEntry.Kind
        if type.hasPrefix("avoir") || type.hasPrefix("credit") || type == "av" || type == "creditnote" {
            kind = .creditNote
        } else if type.hasPrefix("reglement") || type.hasPrefix("paiement") || type.hasPrefix("encaissement")
            || type.hasPrefix("virement") || type.hasPrefix("cheque") || type == "rg" || type == "payment"
        {
            kind = .payment
        } else if signed < 0 {
            // A negative line is a credit note; a credit in a debit/credit ledger without a type is a payment.
            kind = values[.amount] != nil || values[.balance] != nil ? .creditNote : .payment
        } else {
            kind = .invoice
        }
        let magnitude = signed < 0 ? -signed : signed
        if magnitude == 0 {
            notes.append(ImportNote(.skipped, "pièce \(number) de montant nul", at: location))
            return .success(nil)
        }
        var paid = values[.paid].map { $0 < 0 ? -$0 : $0 } ?? 0
        if kind == .invoice, let balance = values[.balance], amountField != .balance {
            // "Solde" next to the amount: what is left is the balance, the rest was paid.
            paid = max(paid, magnitude - balance)
            if balance <= 0 { paid = magnitude }
        }
        // The debtor: SIREN when valid, else the customer code, else the name.
        var debtor = PartyDetails()
        debtor.name = cell(.name)
        func cellOf(_ key: LedgerCell.Key, _ field: LedgerMapping.Field) -> LedgerCell {
            LedgerCell(key: key, column: columns[field] ?? 0)
        }
        var cells: [LedgerCell] = [
            cellOf(.number, .invoice), cellOf(.issued, .issued), cellOf(.amount, amountField), cellOf(.date, .issued),
        ]
        cells.reserveCapacity(10)
        if due != nil { cells.append(cellOf(.due, .due)) }
        if let raw = cell(.siren) ?? cell(.siret) {
            let (siren, siret) = PartyDetails.identifiers(raw)
            debtor.siren = siren
            debtor.siret = siret
            if siren == nil {
                notes.append(
                    ImportNote(
                        .warning, "« \(raw) » n'est pas un SIREN ou un SIRET valide (clé de Luhn) : non repris",
                        at: at(cell(.siren) != nil ? .siren : .siret)))
            }
            cells.append(cellOf(.debtorSiren, cell(.siren) != nil ? .siren : .siret))
        }
        if let kindText = cell(.kind).map(LedgerMapping.normalise) {
            if kindText.hasPrefix("particulier") || kindText.hasPrefix("individu") || kindText == "individual"
                || kindText == "pp"
            {
                debtor.kind = .individual
            } else if kindText.hasPrefix("public") || kindText.hasPrefix("collectivite")
                || kindText.hasPrefix("personnepublique")
                || kindText == "publicbody"
            {
                debtor.kind = .publicBody
            }
        }
        debtor.legalForm = cell(.legalForm)
        debtor.lines = [cell(.address), cell(.address2)].compactMap { $0 }
        debtor.postcode = cell(.postcode)
        debtor.city = cell(.city)
        debtor.country = cell(.country)
        debtor.email = cell(.email)
        debtor.phone = cell(.phone)
        if columns[.postcode] != nil { cells.append(cellOf(.debtorPostcode, .postcode)) }
        if columns[.city] != nil { cells.append(cellOf(.debtorCity, .city)) }
        if columns[.email] != nil { cells.append(cellOf(.debtorEmail, .email)) }
        if columns[.name] != nil { cells.append(cellOf(.debtorName, .name)) }
        let key = debtor.siren ?? cell(.customer) ?? debtor.name ?? ""
        if key.isEmpty {
            return .failure(
                ImportProblem(
                    "ligne sans débiteur (ni SIREN, ni code client, ni nom)", at: location,
                    remedy: "remplissez la colonne du code client ou de la raison sociale"))
        }
        return .success(
            LedgerEntry(
                kind: kind, number: number, date: kind == .payment ? (paymentDate ?? issued) : issued, due: due,
                amount: magnitude, paid: min(paid, magnitude), paymentDate: paymentDate,
                invoiceReference: cell(.invoiceReference), description: cell(.description),
                penaltyClause: cell(.penaltyClause), debtorKey: key, debtor: debtor, location: location, header: header,
                cells: cells))
    }
}

/// The column of each mapped field, looked up by the field's position (the importer asks it about ten
/// times per line).
struct ColumnIndex {
    private var slots = [Int](repeating: -1, count: LedgerMapping.Field.allCases.count)

    init(_ columns: [LedgerMapping.Field: Int]) {
        for (field, column) in columns { slots[field.ordinal] = column }
    }

    subscript(field: LedgerMapping.Field) -> Int? {
        let column = slots[field.ordinal]
        return column < 0 ? nil : column
    }
}

/// The amounts of one line (amount, debit, credit, paid, balance), by field.
struct Amounts {
    private var slots = [Decimal?](repeating: nil, count: LedgerMapping.Field.allCases.count)

    subscript(field: LedgerMapping.Field) -> Decimal? {
        get { slots[field.ordinal] }
        set { slots[field.ordinal] = newValue }
    }
}
