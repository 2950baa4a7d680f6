/// How a mise en demeure was sent: the channels that leave a dated proof of sending.
public enum NoticeChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case registeredLetter = "registered_letter"
    case bailiff
    case email
}
