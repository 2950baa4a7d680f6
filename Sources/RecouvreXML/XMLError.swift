/// An error reported by libxml2, with the library's own code, message, line and column.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var line: Int
    public var column: Int
    public var file: String?

    public init(code: Int, message: String, line: Int, column: Int, file: String? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.file = file
    }

    public var description: String {
        "\(file ?? "<xml>"):\(line):\(column): \(message) (libxml2 error \(code))"
    }
}
