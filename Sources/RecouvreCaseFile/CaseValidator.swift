import Foundation
import RecouvreModel

/// The checks over a whole `Case`, whatever it was read from: a case file, a CSV ledger, an
/// e-invoice. Each problem is reported at the location its reader recorded (`SourceLocations`),
/// nothing is said about a value its reader could not read, and files are reached only through an
/// `ExhibitSource` (the validator opens nothing and never reads the clock: `today` is passed in).
///
/// Checked: identifiers (SIREN, SIRET, IBAN, e-mail, postcode, INSEE code, country codes), one-line
/// texts without control characters and every text within its length limit, amounts more than 0
/// where they must be, duplicate numbers, references to invoices, allocations that exceed an
/// invoice, dates in order (due after issue, receipt after dispatch, not after `as_of` nor in the
/// future, `as_of` not before the first invoice), and the files a case names (inside its folder,
/// regular, below the size limit).
public enum CaseValidator {
    public static func validate(
        _ value: Case, locations: SourceLocations, exhibits: any ExhibitSource, today: Day? = nil
    ) -> [CaseProblem] {
        validate(value, locations: locations, exhibits: exhibits, today: today, creditor: nil)
    }

    /// The creditor's checks of `validate` (identifiers, texts, address…), made once: an import gives
    /// every case of a ledger the same creditor, read from the same `--creditor` file, so its checks
    /// give the same problems, at the same locations, in each case. See `validate(_:…creditor:)`.
    public struct CheckedCreditor: Sendable {
        public let party: Party
        let today: Day?
        let problems: [CaseProblem]
    }

    /// Checks `value.creditor` alone, at `locations`.
    public static func checkCreditor(_ value: Case, locations: SourceLocations, today: Day? = nil) -> CheckedCreditor {
        var run = Run(value: value, locations: locations, exhibits: MemoryExhibitSource(files: [:]), today: today)
        run.party(value.creditor, "creditor")
        return CheckedCreditor(party: value.creditor, today: today, problems: run.problems)
    }

    /// `validate`, with the creditor's problems taken from `creditor` (found by `checkCreditor` on a
    /// case whose creditor, and whose locations of `creditor` and below, are this case's: the caller
    /// sees to that) rather than checked again. The same problems, in the same order, as `validate`.
    /// A creditor that differs from `creditor.party`, or another `today`, is checked as usual.
    public static func validate(
        _ value: Case, locations: SourceLocations, exhibits: any ExhibitSource, today: Day? = nil,
        creditor: CheckedCreditor?
    ) -> [CaseProblem] {
        var run = Run(value: value, locations: locations, exhibits: exhibits, today: today)
        if let creditor, creditor.today == today, creditor.party == value.creditor {
            run.all(creditorProblems: creditor.problems)
        } else {
            run.all(creditorProblems: nil)
        }
        return labelled(run.sortedProblems, in: value, locations: locations)
    }

    /// The problems with the invoice, credit note, payment or exhibit they concern named by its
    /// number, reference or title beside its index: `invoices[0] (F-103).due`. A value that could not
    /// be read, or holds control characters, is not used as a name.
    public static func labelled(_ problems: [CaseProblem], in value: Case, locations: SourceLocations) -> [CaseProblem]
    {
        problems.map { problem in
            var problem = problem
            problem.keyPath = labelled(problem.keyPath, in: value, locations: locations)
            return problem
        }
    }

    static func labelled(_ path: String, in value: Case, locations: SourceLocations) -> String {
        guard let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]"),
            let index = Int(path[path.index(after: open)..<close])
        else { return path }
        let list = String(path[..<open])
        let item = String(path[...close])
        func readable(_ key: String, _ text: String?) -> String? {
            guard let text, !text.isEmpty, !locations.isUnreadable("\(item).\(key)"),
                controlCharacter(in: text, allowLineBreaks: false) == nil
            else { return nil }
            return text
        }
        var label: String?
        switch list {
        case "invoices" where index < value.invoices.count:
            label = readable("number", value.invoices[index].number)
        case "credit_notes" where index < value.creditNotes.count:
            label = readable("number", value.creditNotes[index].number)
        case "payments" where index < value.payments.count:
            let payment = value.payments[index]
            label = readable("reference", payment.reference) ?? readable("date", payment.date.iso)
        case "exhibits" where index < value.exhibits.count:
            label = readable("title", value.exhibits[index].title)
        default:
            break
        }
        guard let label else { return path }
        return item + " (\(CaseFileDecoder.shortened(label)))" + path[path.index(after: close)...]
    }
}

extension CaseValidator {
    /// A path of a case file that stays inside its folder, `/`-separated with `.` and `..` resolved;
    /// `nil` for an absolute path or one that climbs out.
    public static func normalizedPath(_ raw: String) -> String? {
        if raw.hasPrefix("/") || raw.hasPrefix("\\") || raw.hasPrefix("~") { return nil }
        let utf8 = raw.utf8
        // A drive letter (`C:`) is absolute on Windows.
        if utf8.count >= 2, utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: ":") { return nil }
        // A path already normal (every component a name: none empty, `.` or `..`, cut at the `/` bytes)
        // is its own normal form: the `Character` split below would give back the same components
        // (reader, issue 14: ≈ 23 k instructions an exhibit).
        if FolderExhibitSource.isPlainRelative(raw) { return raw }
        return normalizedBySplitting(raw)
    }

    /// The normal form of a relative path by its components (`Character` split at `/`, `.` dropped,
    /// `..` climbing), `nil` when it climbs out or is empty: `normalizedPath`'s general case, kept
    /// apart so that a test compares it with the shortcut.
    static func normalizedBySplitting(_ raw: String) -> String? {
        var parts: [Substring] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "/")
    }

    /// `10000` → `10 000` (French grouping of a count).
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(" ") }
            text.append(digit)
        }
        return text
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// Five ASCII characters: five digits, or `2A`/`2B` and three digits (Corsica). Read on the
    /// bytes: five ASCII characters are five bytes (a CR LF pair, one character, fails either way).
    static func isInseeCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        func digit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let rest = bytes[2...].allSatisfy(digit)
        if bytes[0] == UInt8(ascii: "2"), bytes[1] == UInt8(ascii: "A") || bytes[1] == UInt8(ascii: "B") { return rest }
        return digit(bytes[0]) && digit(bytes[1]) && rest
    }

    /// Exactly `count` characters, each an ASCII digit: on the bytes, since such a text has as many
    /// bytes as characters.
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `name@domain.tld` in shape: one `@` with something before it, a dot after it, no space.
    /// An ASCII text is read on its bytes (each character one byte, and `@`, `.` and the space never
    /// part of a larger one); any other goes through `Character`s as before.
    static func hasEmailShape(_ email: String) -> Bool {
        if email.utf8.allSatisfy({ $0 < 0x80 }) {
            var at: Int?
            var dotAfter = false
            for (index, byte) in email.utf8.enumerated() {
                switch byte {
                case UInt8(ascii: "@"):
                    if at != nil { return false }
                    at = index
                case UInt8(ascii: "."):
                    if at != nil { dotAfter = true }
                case UInt8(ascii: " "):
                    return false
                default:
                    break
                }
            }
            guard let at else { return false }
            return at > 0 && dotAfter
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(" ")
    }

    /// IBAN with its ISO 13616 check (mod 97 = 1): a wrong IBAN on a letter sends the debtor's
    /// payment nowhere.
    static func isValidIBAN(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let bytes = Array(text.utf8)
        guard (15...34).contains(bytes.count), bytes.allSatisfy({ isLetter($0) || isDigit($0) }),
            bytes[0..<2].allSatisfy(isLetter), bytes[2..<4].allSatisfy(isDigit)
        else { return false }
        var remainder = 0
        for byte in bytes[4...] + bytes[..<4] {
            let value = isDigit(byte) ? Int(byte - UInt8(ascii: "0")) : Int(byte - UInt8(ascii: "A")) + 10
            remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    /// The first control character of a text (a line break, a tabulation, NUL, BEL, ESC, CR, DEL,
    /// C1 controls), or `nil`; with `allowLineBreaks`, line feeds and tabulations are allowed.
    static func controlCharacter(in text: String, allowLineBreaks: Bool) -> Unicode.Scalar? {
        // The text's UTF-8 bytes (valid: a `String`): the same first scalar, found without decoding
        // the others (C1 controls are C2 80…C2 9F, U+2028/U+2029 are E2 80 A8/A9).
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Unicode.Scalar? in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F {
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    if allowLineBreaks && (byte == 0x0A || byte == 0x09) {
                        index += 1
                        continue
                    }
                    return Unicode.Scalar(byte)
                }
                if byte == 0xC2, index + 1 < count, bytes[index + 1] < 0xA0 {
                    return Unicode.Scalar(UInt32(bytes[index + 1]))
                }
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    return Unicode.Scalar(0x2000 + UInt32(bytes[index + 2]) - 0x80)
                }
                index += 1
            }
            return nil
        }
        if let found { return found }
        return controlCharacterByScalars(in: text, allowLineBreaks: allowLineBreaks)
    }

    /// The same, scalar by scalar: the reference of the byte walk, and the path for a text without
    /// contiguous UTF-8.
    static func controlCharacterByScalars(in text: String, allowLineBreaks: Bool) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 else { continue }
            if allowLineBreaks, value == 0x0A || value == 0x09 { continue }
            return scalar
        }
        return nil
    }

    /// How a control character is named in a message.
    static func name(of scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        switch scalar.value {
        case 0x0A: return "un saut de ligne"
        case 0x0D: return "un retour chariot (\(code))"
        case 0x09: return "une tabulation"
        case 0x00: return "un caractère NUL (\(code))"
        case 0x07: return "un caractère BEL (\(code))"
        case 0x1B: return "un caractère ESC (\(code))"
        default: return "un caractère de contrôle (\(code))"
        }
    }
}

/// One validation: the case, where its values came from, and the problems found so far.
private struct Run {
    let value: Case
    let locations: SourceLocations
    let exhibits: any ExhibitSource
    let today: Day?
    var problems: [CaseProblem] = []

    init(value: Case, locations: SourceLocations, exhibits: any ExhibitSource, today: Day?) {
        self.value = value
        self.locations = locations
        self.exhibits = exhibits
        self.today = today
    }

    var sortedProblems: [CaseProblem] { CaseFileDecoder.sorted(problems) }

    /// Reports at `path`, unless the value there or one of `inputs` could not be read.
    mutating func report(_ path: String, _ message: String, _ remedy: String?, inputs: [String] = []) {
        if locations.isUnreadable(path) || inputs.contains(where: locations.isUnreadable) { return }
        problems.append(CaseProblem(at: locations.location(of: path), keyPath: path, message: message, remedy: remedy))
    }

    /// Every check; the creditor's problems from `creditorProblems` when given (already checked).
    mutating func all(creditorProblems: [CaseProblem]?) {
        text(value.reference, "reference")
        if let creditorProblems {
            problems.append(contentsOf: creditorProblems)
        } else {
            party(value.creditor, "creditor")
        }
        party(value.debtor, "debtor")
        contract(value.contract, "contract")
        invoices()
        payments()
        creditNotes()
        allocations()
        events()
        exhibitList()
        asOf()
    }

    // MARK: Texts

    /// A one-line text (`long: false`, at most 1 000 characters) or a free text (`long: true`,
    /// line breaks allowed, at most 10 000 characters).
    mutating func text(_ text: String?, _ path: @autoclosure () -> String, long: Bool = false) {
        guard let text else { return }
        let limit = long ? CaseLimits.longText : CaseLimits.shortText
        // Most texts are short and plain: the byte count bounds the character count.
        if text.utf8.count > limit, text.count > limit {
            report(
                path(),
                "\(CaseValidator.grouped(text.count)) caractères, au-delà de la limite de \(CaseValidator.grouped(limit))",
                long
                    ? "raccourcissez-le : les documents le citent en entier"
                    : "raccourcissez-le : il doit tenir sur une ligne d'une lettre")
            return
        }
        if let control = CaseValidator.controlCharacter(in: text, allowLineBreaks: long) {
            report(
                path(), "contient \(CaseValidator.name(of: control))",
                long ? "retirez les caractères de contrôle" : "écrivez-le sur une ligne, sans caractère de contrôle")
        }
    }

    /// A path to a file of the case's folder.
    mutating func file(_ raw: String?, _ path: @autoclosure () -> String) {
        guard let raw else { return }
        let path = path()
        if let control = CaseValidator.controlCharacter(in: raw, allowLineBreaks: false) {
            report(path, "contient \(CaseValidator.name(of: control))", "nommez le fichier sur une ligne")
            return
        }
        if raw.utf8.count > CaseLimits.shortText {
            report(
                path,
                "\(CaseValidator.grouped(raw.count)) caractères, au-delà de la limite de \(CaseValidator.grouped(CaseLimits.shortText))",
                "raccourcissez le chemin")
            return
        }
        // Worded only for a problem (a `replacingOccurrences` and a count: ≈ 22 k instructions).
        var shown: String { CaseFileDecoder.shortened(raw) }
        guard let normalized = CaseValidator.normalizedPath(raw) else {
            report(
                path, "« \(shown) » est hors du répertoire du dossier",
                "un fichier du dossier est désigné par un chemin relatif au fichier du dossier, tel que pieces/devis.pdf"
            )
            return
        }
        switch exhibits.entry(at: normalized) {
        case .file(let size):
            if size > CaseLimits.exhibitBytes {
                report(
                    path,
                    "« \(shown) » fait \(CaseFileReader.megabytes(size)) Mo, au-delà de la limite de 20 Mo pour une pièce",
                    "réduisez le fichier (un scan à 300 dpi en PDF), ou scindez-le")
            }
        case .missing:
            report(path, "« \(shown) » n'existe pas", "le chemin est relatif au répertoire du fichier du dossier")
        case .folder:
            report(path, "« \(shown) » est un répertoire", "nommez le fichier de la pièce")
        case .special:
            report(
                path, "« \(shown) » n'est pas un fichier ordinaire (un périphérique, un tube ou une socket)",
                "nommez un fichier ordinaire")
        case .outside:
            report(
                path, "« \(shown) » mène hors du répertoire du dossier par un lien symbolique",
                "copiez le fichier dans le répertoire du dossier")
        case .unreadable:
            report(path, "« \(shown) » est illisible", "vérifiez les droits du fichier")
        }
    }

    mutating func positive(_ amount: Decimal?, _ path: @autoclosure () -> String) {
        guard let amount, amount == 0 else { return }
        report(path(), "le montant est 0", "un montant ici est supérieur à 0 ; retirez plutôt l'entrée")
    }

    // MARK: Parties

    mutating func party(_ party: Party, _ path: String) {
        text(party.name, "\(path).name")
        text(party.legalForm, "\(path).legal_form")
        let siren = identifier(party.siren, "\(path).siren", siret: false)
        let siret = identifier(party.siret, "\(path).siret", siret: true)
        if let siren, let siret, !siret.hasPrefix(siren) {
            report(
                "\(path).siret", "le SIRET \(siret) n'appartient pas au SIREN \(siren)",
                "un SIRET commence par les 9 chiffres du SIREN de son entreprise", inputs: ["\(path).siren"])
        }
        text(party.rcs, "\(path).rcs")
        if party.kind == .company || party.kind == .publicBody, party.professional == false {
            report(
                "\(path).professional", "une société ou une personne publique agit toujours à titre professionnel",
                "retirez professional, ou écrivez kind: individual", inputs: ["\(path).kind"])
        }
        address(party.address, "\(path).address")
        text(party.representative, "\(path).representative")
        if let email = party.email {
            if CaseValidator.hasEmailShape(email) {
                text(email, "\(path).email")
            } else {
                report(
                    "\(path).email", "« \(CaseFileDecoder.shortened(email)) » n'est pas une adresse e-mail",
                    "attendu nom@domaine.fr")
            }
        }
        text(party.phone, "\(path).phone")
        if let iban = party.iban, !CaseValidator.isValidIBAN(iban) {
            report(
                "\(path).iban",
                "« \(CaseFileDecoder.shortened(iban)) » n'est pas un IBAN valide (longueur, caractères ou clé erronés)",
                "copiez-le du RIB de la banque, tel que FR76 3000 6000 0112 3456 7890 189")
        }
        text(party.firstNames, "\(path).first_names")
        text(party.surname, "\(path).surname")
        text(party.profession, "\(path).profession")
        text(party.nationality, "\(path).nationality")
        text(party.birthPlace, "\(path).birth_place")
        if let birth = party.birthDate, let today, birth > today {
            report("\(path).birth_date", "\(birth.iso) est dans le futur", "la date de naissance, AAAA-MM-JJ")
        }
        if let mediator = party.mediator {
            text(mediator.name, "\(path).mediator.name")
            text(mediator.address, "\(path).mediator.address", long: true)
            text(mediator.website, "\(path).mediator.website")
        }
        text(party.office, "\(path).office")
    }

    /// SIREN or SIRET, as digits (the reader removed the spaces); the valid one, or `nil`.
    mutating func identifier(_ digits: String?, _ path: String, siret: Bool) -> String? {
        guard let digits else { return nil }
        let name = siret ? "SIRET" : "SIREN"
        let length = siret ? 14 : 9
        guard CaseValidator.isDigits(digits, count: length) else {
            report(path, "« \(CaseFileDecoder.shortened(digits)) » n'est pas un \(name)", "attendu \(length) chiffres")
            return nil
        }
        let valid = siret ? CompanyIdentifier.isValidSiret(digits) : CompanyIdentifier.isValidSiren(digits)
        guard valid else {
            report(
                path, "\(name) \(digits) : la clé de contrôle (Luhn) est fausse",
                "copiez le numéro du Kbis ou d'annuaire-entreprises.data.gouv.fr")
            return nil
        }
        return digits
    }

    mutating func address(_ address: Address, _ path: String) {
        if address.lines.isEmpty {
            report(
                "\(path).lines", "la liste est vide",
                "donnez au moins la ligne de la rue, telle que [\"4 avenue Jean Jaurès\"]")
        }
        for (index, line) in address.lines.enumerated() { text(line, "\(path).lines[\(index)]") }
        text(address.city, "\(path).city")
        var french = address.country == "FR"
        if !CaseValidator.isCountryCode(address.country) {
            country(address.country, "\(path).country")
            french = false
        }
        if let postcode = address.postcode {
            if french, !CaseValidator.isDigits(postcode, count: 5) {
                report(
                    "\(path).postcode", "« \(CaseFileDecoder.shortened(postcode)) » n'est pas un code postal français",
                    "attendu 5 chiffres, tel que 21000 ; pour une adresse à l'étranger, ajoutez son pays",
                    inputs: ["\(path).country"])
            } else {
                text(postcode, "\(path).postcode")
            }
        } else if french {
            report(
                "\(path).postcode", "absent : une adresse en France a besoin de son code postal",
                "ajoutez postcode: \"21000\"",
                inputs: ["\(path).country"])
        }
        if let insee = address.insee, !CaseValidator.isInseeCode(insee) {
            report(
                "\(path).insee", "« \(CaseFileDecoder.shortened(insee)) » n'est pas un code commune INSEE",
                "attendu 5 caractères, tel que 21231, ou 2A004 en Corse")
        }
    }

    mutating func country(_ raw: String, _ path: String) {
        guard !CaseValidator.isCountryCode(raw) else { return }
        let upper = raw.uppercased()
        let hint =
            CaseValidator.isCountryCode(upper) ? "écrivez \(upper)" : "un code ISO 3166-1 alpha-2 tel que FR, BE, DE"
        report(path, "« \(CaseFileDecoder.shortened(raw)) » n'est pas un code pays", hint)
    }

    // MARK: Contract

    mutating func contract(_ contract: Contract, _ path: String) {
        text(contract.reference, "\(path).reference", long: true)
        text(contract.paymentTerms, "\(path).payment_terms", long: true)
        if let property = contract.property { address(property, "\(path).property") }
        if let country = contract.performanceCountry { self.country(country, "\(path).performance_country") }
        if let details = contract.proceedingsDetails {
            let base = "\(path).collective_proceedings"
            text(details.court, "\(base).court")
            if let mandataire = details.mandataire {
                text(mandataire.name, "\(base).mandataire.name")
                if let address = mandataire.address { self.address(address, "\(base).mandataire.address") }
            }
            if case .opened(let opened)? = contract.collectiveProceedings, let bodacc = details.bodacc, bodacc < opened
            {
                report(
                    "\(base).bodacc", "\(bodacc.iso) est avant le jugement d'ouverture du \(opened.iso)",
                    "le BODACC publie le jugement après qu'il a été rendu", inputs: ["\(base).opened"])
            }
        }
        // Rent arrears go to the juge des contentieux de la protection (domain.md §4): the address of
        // the property is asked for, since the documents name it.
        if contract.nature == .residentialLease, contract.property == nil {
            report(
                "\(path).property", "absent : un bail d'habitation a besoin de l'adresse du bien loué",
                "ajoutez property: { lines: [\"27 rue Solférino\"], postcode: \"59000\", city: \"Lille\" }",
                inputs: ["\(path).nature"])
        }
    }

    // MARK: Invoices, payments, credit notes

    mutating func invoices() {
        if value.invoices.isEmpty {
            report("invoices", "la liste est vide", "un dossier réclame au moins une facture")
            return
        }
        // One dictionary for the duplicate numbers: linear in the number of invoices.
        var seen: [String: Int] = [:]
        seen.reserveCapacity(value.invoices.count)
        let anyUnreadable = !locations.unreadable.isEmpty
        for (index, invoice) in value.invoices.enumerated() {
            // Paths are made only for a problem (and for the unreadable check, when there is any).
            func path() -> String { "invoices[\(index)]" }
            text(invoice.number, "\(path()).number")
            if let first = seen[invoice.number] {
                let line = locations.location(of: "invoices[\(first)].number").line
                report(
                    "\(path()).number",
                    "« \(invoice.number) » est déjà le numéro de invoices[\(first)] (ligne \(line))",
                    "chaque facture figure une fois, avec son propre numéro", inputs: ["invoices[\(first)].number"])
            } else if !anyUnreadable || !locations.isUnreadable("\(path()).number") {
                seen[invoice.number] = index
            }
            if invoice.due < invoice.issued {
                report(
                    "\(path()).due", "\(invoice.due.iso) est avant la date d'émission \(invoice.issued.iso)",
                    "l'échéance est le jour de l'émission ou après", inputs: ["\(path()).issued"])
            }
            positive(invoice.amount, "\(path()).amount")
            text(invoice.description, "\(path()).description", long: true)
            text(invoice.penaltyClause, "\(path()).penalty_clause", long: true)
            file(invoice.statusFile, "\(path()).status_file")
        }
    }

    /// The numbers of the invoices, to check the references to them; `nil` when the invoices could
    /// not be read (reported there). Made once, on first use, for payments, credit notes and events.
    var numbersCache: Set<String>??

    var invoiceNumbers: Set<String>? {
        mutating get {
            if let cached = numbersCache { return cached }
            let numbers: Set<String>? =
                value.invoices.isEmpty || locations.isUnreadable("invoices") ? nil : Set(value.invoices.map(\.number))
            numbersCache = .some(numbers)
            return numbers
        }
    }

    mutating func invoiceReference(_ raw: String?, _ path: @autoclosure () -> String, _ numbers: Set<String>?) {
        guard let raw else { return }
        text(raw, path())
        guard let numbers, !numbers.contains(raw) else { return }
        let path = path()
        var remedy = "donnez le numéro d'une des factures, ou retirez invoice pour imputer selon la loi"
        if numbers.count <= 1000, let near = Suggestion.nearest(to: raw, in: numbers.sorted()) {
            remedy = "vouliez-vous dire « \(near) » ?"
        }
        report(path, "« \(CaseFileDecoder.shortened(raw)) » n'est le numéro d'aucune facture du dossier", remedy)
    }

    mutating func payments() {
        let numbers = invoiceNumbers
        for (index, payment) in value.payments.enumerated() {
            func path() -> String { "payments[\(index)]" }
            positive(payment.amount, "\(path()).amount")
            invoiceReference(payment.invoice, "\(path()).invoice", numbers)
            text(payment.reference, "\(path()).reference")
        }
    }

    mutating func creditNotes() {
        let numbers = invoiceNumbers
        var seen: [String: Int] = [:]
        for (index, note) in value.creditNotes.enumerated() {
            let path = "credit_notes[\(index)]"
            text(note.number, "\(path).number")
            if let first = seen[note.number] {
                report(
                    "\(path).number", "« \(note.number) » est déjà le numéro de credit_notes[\(first)]",
                    "chaque avoir figure une fois, avec son propre numéro", inputs: ["credit_notes[\(first)].number"])
            } else if !locations.isUnreadable("\(path).number") {
                seen[note.number] = index
            }
            positive(note.amount, "\(path).amount")
            invoiceReference(note.invoice, "\(path).invoice", numbers)
        }
    }

    /// Payments and credit notes naming an invoice cannot settle more than its amount: the excess
    /// would be a refund, not a payment, and no rule would say where it goes. Checked only on a case
    /// otherwise sound (the sums mean nothing with a value missing).
    mutating func allocations() {
        guard problems.isEmpty, locations.unreadable.isEmpty else { return }
        var amounts: [String: Decimal] = [:]
        for invoice in value.invoices { amounts[invoice.number] = invoice.amount }
        var entries: [(day: Day, invoice: String, amount: Decimal, list: String, index: Int)] = []
        for (index, payment) in value.payments.enumerated() {
            guard let invoice = payment.invoice else { continue }
            entries.append((payment.date, invoice, payment.amount, "payments", index))
        }
        for (index, note) in value.creditNotes.enumerated() {
            guard let invoice = note.invoice else { continue }
            entries.append((note.date, invoice, note.amount, "credit_notes", index))
        }
        var settled: [String: Decimal] = [:]
        var reported: Set<String> = []
        for entry in entries.sorted(by: { $0.day < $1.day }) {
            let total = (settled[entry.invoice] ?? 0) + entry.amount
            settled[entry.invoice] = total
            if let amount = amounts[entry.invoice], total > amount, !reported.contains(entry.invoice) {
                reported.insert(entry.invoice)
                report(
                    "\(entry.list)[\(entry.index)].amount",
                    "les paiements et avoirs sur \(entry.invoice) atteignent \(Money.french(total)), plus que son montant de \(Money.french(amount))",
                    "vérifiez les montants, ou la facture que chacun désigne")
            }
        }
    }

    // MARK: Events and exhibits

    /// The day the claim is computed on: the case's, else the day passed in.
    var effectiveAsOf: Day? { value.asOf ?? today }

    mutating func events() {
        let numbers = invoiceNumbers
        for (index, event) in value.events.enumerated() {
            let path = "events[\(index)]"
            let datePath = "\(path).date"
            if let received = event.received {
                if received < event.date {
                    report(
                        "\(path).received",
                        "\(received.iso) est avant l'envoi de la mise en demeure, le \(event.date.iso)",
                        "received est la date de l'avis de réception, le jour de l'envoi ou après", inputs: [datePath])
                } else {
                    notAfterToday(received, "\(path).received", what: "la réception")
                }
            }
            if let presented = event.presented {
                if presented < event.date {
                    report(
                        "\(path).presented", "\(presented.iso) est avant l'envoi de la lettre, le \(event.date.iso)",
                        "presented est le jour où la lettre a été présentée, le jour de l'envoi ou après",
                        inputs: [datePath])
                } else {
                    notAfterToday(presented, "\(path).presented", what: "la présentation")
                }
            }
            if event.type == .formalNotice || event.type == .reminder {
                notAfterToday(event.date, datePath, what: "l'envoi")
            }
            if let until = event.until, until < event.date {
                report(
                    "\(path).until", "\(until.iso) est avant la promesse, faite le \(event.date.iso)",
                    "until est le jour où le débiteur a promis d'avoir payé", inputs: [datePath])
            }
            positive(event.amount, "\(path).amount")
            for (number, instalment) in event.instalments.enumerated() {
                positive(instalment.amount, "\(path).instalments[\(number)].amount")
            }
            for (number, invoice) in (event.invoices ?? []).enumerated() {
                invoiceReference(invoice, "\(path).invoices[\(number)]", numbers)
            }
            text(event.tracking, "\(path).tracking")
            text(event.court, "\(path).court")
            text(event.step, "\(path).step")
            file(event.file, "\(path).file")
            file(event.letter, "\(path).letter")
            file(event.dispatchProof, "\(path).dispatch_proof")
            file(event.receiptFile, "\(path).receipt_file")
            file(event.serviceFile, "\(path).service_file")
        }
    }

    /// A day that has happened: not after `as_of`, not after today.
    mutating func notAfterToday(_ day: Day, _ path: String, what: String) {
        if let asOf = value.asOf, day > asOf {
            report(
                path, "\(day.iso) est après as_of, le \(asOf.iso)",
                "\(what) ne peut venir après le jour du calcul ; vérifiez la date ou as_of", inputs: ["as_of"])
        } else if let today, day > today {
            report(path, "\(day.iso) est dans le futur", "donnez la date écrite sur le document")
        }
    }

    mutating func exhibitList() {
        for (index, exhibit) in value.exhibits.enumerated() {
            let path = "exhibits[\(index)]"
            text(exhibit.title, "\(path).title")
            file(exhibit.file, "\(path).file")
        }
    }

    /// `as_of` cannot be before the first invoice: there would be nothing to claim yet.
    mutating func asOf() {
        guard let asOf = value.asOf, !locations.isUnreadable("invoices"),
            let first = value.invoices.indices.min(by: { value.invoices[$0].issued < value.invoices[$1].issued })
        else { return }
        let issued = value.invoices[first].issued
        if asOf < issued {
            report(
                "as_of", "\(asOf.iso) est avant la première facture, émise le \(issued.iso)",
                "as_of est le jour du calcul, après les factures", inputs: ["invoices[\(first)].issued"])
        }
    }
}
