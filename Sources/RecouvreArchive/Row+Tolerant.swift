import GRDB

/// Reading columns without trusting them: a database edited outside recouvre may hold a NULL or a
/// value of another type where recouvre wrote text, and GRDB's typed subscripts would trap on it.
extension Row {
    func text(_ index: Int) -> String? {
        (self[index] as DatabaseValue).tolerantText
    }

    func integer(_ index: Int) -> Int64? {
        (self[index] as DatabaseValue).tolerantInteger
    }
}

/// The same tolerant reading on the current row of a stepped statement. It skips `Row`'s generic
/// decoding, which dominates the time of `archive list` on 100,000 notices.
struct StatementColumns {
    let statement: Statement

    func text(_ index: Int32) -> String? {
        DatabaseValue(sqliteStatement: statement.sqliteStatement, index: index).tolerantText
    }

    func integer(_ index: Int32) -> Int64? {
        DatabaseValue(sqliteStatement: statement.sqliteStatement, index: index).tolerantInteger
    }
}

extension DatabaseValue {
    /// Text as recouvre writes it; an integer or a real reads as its decimal text; a blob or NULL as nil.
    var tolerantText: String? {
        switch storage {
        case .string(let value): return value
        case .int64(let value): return String(value)
        case .double(let value): return String(value)
        case .blob, .null: return nil
        }
    }

    var tolerantInteger: Int64? {
        if case .int64(let value) = storage { return value }
        return nil
    }
}
