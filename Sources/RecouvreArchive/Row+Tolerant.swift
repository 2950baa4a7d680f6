import GRDB

/// Reading columns without trusting them: a database edited outside recouvre may hold a NULL or a
/// value of another type where recouvre wrote text, and GRDB's typed subscripts would trap on it.
extension Row {
    func text(_ index: Int) -> String? {
        switch (self[index] as DatabaseValue).storage {
        case .string(let value): return value
        case .int64(let value): return String(value)
        case .double(let value): return String(value)
        case .blob, .null: return nil
        }
    }

    func integer(_ index: Int) -> Int64? {
        if case .int64(let value) = (self[index] as DatabaseValue).storage { return value }
        return nil
    }
}
