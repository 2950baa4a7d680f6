#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A UTF-8 text file of lines sorted by their first field, kept as bytes: loading only records where
/// each line starts; a lookup is a binary search on the key. Used for the 35 000 communes.
struct SortedTable: Sendable {
    let bytes: [UInt8]
    /// Offsets of line starts, plus a final sentinel (the end).
    let starts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 40)
        // memchr finds the newlines at C speed, even in a debug build.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var lineStart = 0
            while lineStart < buffer.count {
                let rest = buffer.count - lineStart
                guard let found = memchr(base + lineStart, 0x0A, rest) else {
                    starts.append(lineStart)
                    break
                }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index > lineStart { starts.append(lineStart) }
                lineStart = index + 1
            }
        }
        starts.append(bytes.count)
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The line whose first field is exactly `key`, without its newline.
    func line(forKey key: String) -> Substring? {
        let key = Array(key.utf8)
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = (low + high) / 2
            let order = compare(line: mid, with: key)
            if order == 0 { return text(of: mid) }
            if order < 0 { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    func forEachLine(_ body: (Substring) -> Void) {
        for index in 0..<count { body(text(of: index)) }
    }

    /// Compares the first field of line `index` with `key` (bytewise, like the build's sort).
    private func compare(line index: Int, with key: [UInt8]) -> Int {
        var position = starts[index]
        let end = starts[index + 1]
        var k = 0
        while true {
            let atFieldEnd = position >= end || bytes[position] == 0x09 || bytes[position] == 0x0A
            if k == key.count { return atFieldEnd ? 0 : 1 }
            if atFieldEnd { return -1 }
            if bytes[position] != key[k] { return bytes[position] < key[k] ? -1 : 1 }
            position += 1
            k += 1
        }
    }

    private func text(of index: Int) -> Substring {
        var end = starts[index + 1]
        while end > starts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return Substring(decoding: bytes[starts[index]..<end], as: UTF8.self)
    }
}
