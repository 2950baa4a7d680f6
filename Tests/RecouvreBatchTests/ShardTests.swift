import Foundation
import RecouvreBatch
import Testing

@Suite("Stable keys and shards")
struct ShardTests {
    // The shard is the first 8 bytes of SHA-256(key), big-endian, modulo N; checked with
    // python3 -c "import hashlib; h=hashlib.sha256(b'552100554').hexdigest()[:16]; print(h, int(h,16) % 4)"
    @Test(
        "a key's shard is its SHA-256's first 8 bytes modulo N",
        arguments: [
            ("552100554", 4, 3),  // fde7c9c43dd1b447 % 4 = 3 (…47 = 0b…0100_0111 → 3)
            ("552100554", 7, 3),
            ("C0000001", 4, 2),  // 08ff16851f5a78c2 % 4 = 2 (…c2 → 0b…10)
            ("C0000001", 7, 5),
            ("2026-0042", 4, 1),  // bbbd91925e7f1585 % 4 = 1 (…85 → 0b…01)
            ("2026-0042", 7, 3),
        ])
    func shardOfKey(key: String, count: Int, expected: Int) {
        #expect(DebtorKey(kind: .code, value: key).shard(of: count) == expected)
        #expect(Shard(index: expected, count: count).contains(DebtorKey(kind: .siren, value: key)))
    }

    @Test("every key falls in exactly one shard of N")
    func partition() {
        for value in (0..<500).map({ "K\($0)" }) {
            let key = DebtorKey(kind: .code, value: value)
            #expect((0..<5).filter { Shard(index: $0, count: 5).contains(key) }.count == 1)
        }
    }

    @Test("--shard I/N reads 0 ≤ I < N and nothing else", arguments: ["0/1", "3/4", "9/10"])
    func parses(text: String) throws {
        let shard = try #require(Shard(parsing: text))
        #expect(shard.description == text)
    }

    @Test("malformed shards are refused", arguments: ["4/4", "-1/4", "1/0", "1", "a/b", "1/2/3", "", "/4"])
    func refuses(text: String) {
        #expect(Shard(parsing: text) == nil)
    }
}
