import Foundation

/// Refuses bytes that are not UTF-8 text before the YAML parser sees them, with the place of the
/// first bad byte: binary files, UTF-16 exports and files cut in the middle of a character.
enum TextCheck {
    static func utf8Text(_ data: Data, name: String) throws(CaseFileError) -> String {
        // The usual case, fast: valid UTF-8 without NUL. Otherwise walk the bytes to locate the fault.
        // memchr: the C library's vectorised search, not a loop over every byte.
        let hasNUL = data.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0, data.count) != nil } ?? false }
        if !hasNUL, let text = String(validating: data, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        func fail(_ message: String, _ remedy: String) -> CaseFileError {
            CaseFileError(problems: [
                CaseFileProblem(
                    file: name, line: line, column: column, keyPath: "",
                    message: message, remedy: remedy)
            ])
        }
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    throw fail(
                        "données binaires (un octet NUL à l'octet \(offset)), pas du texte",
                        "un fichier de dossier est du texte YAML ou JSON en UTF-8")
                }
                offset += encoded.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error(let length):
                let byte = data[data.startIndex + offset]
                _ = length
                throw fail(
                    "pas du texte UTF-8 (octet 0x\(String(byte, radix: 16, uppercase: true)) à l'octet \(offset))",
                    "un fichier de dossier est du texte YAML ou JSON en UTF-8 ; enregistrez-le en UTF-8")
            case .emptyInput:
                return String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// Line and column (both from 1, columns in Unicode scalars as libyaml counts them) of a byte offset.
    static func location(ofByte target: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if offset >= target { break }
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
