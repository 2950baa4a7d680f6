import GRDB

/// The archive's schema, grown by append-only SQL migrations (conventions.md): a migration once
/// shipped is never edited; a change is a new migration that also raises `user_version`.
enum ArchiveSchema {
    /// `PRAGMA application_id` of a recouvre archive: "RCVR" in ASCII.
    static let applicationID: Int32 = 0x5243_5652
    /// `PRAGMA user_version` after the last migration below.
    static let version: Int32 = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-notices-receipts") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    /// Notices and receipts form one hash chain (`seq`, `previous_hash`, `hash`, see `ChainEntry`);
    /// texts are stored once per SHA-256. Money is decimal text, dates `YYYY-MM-DD` text. Triggers
    /// refuse every UPDATE and DELETE: the archive is append-only.
    private static let v1 = """
        CREATE TABLE notice_document (
            sha256 TEXT NOT NULL PRIMARY KEY,
            text TEXT NOT NULL
        );
        CREATE TABLE notice (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            seq INTEGER NOT NULL UNIQUE,
            case_reference TEXT NOT NULL,
            creditor_name TEXT NOT NULL,
            creditor_siren TEXT,
            debtor_name TEXT NOT NULL,
            debtor_siren TEXT,
            amount_claimed TEXT NOT NULL,
            as_of TEXT,
            notice_file TEXT NOT NULL,
            notice_sha256 TEXT NOT NULL REFERENCES notice_document(sha256),
            manifest_sha256 TEXT NOT NULL,
            sent TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('registered_letter', 'bailiff', 'email')),
            tracking TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX notice_by_case ON notice(case_reference, sent);
        CREATE INDEX notice_by_sent ON notice(sent);
        CREATE INDEX notice_by_manifest ON notice(manifest_sha256, sent, channel, tracking);
        CREATE TABLE receipt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            seq INTEGER NOT NULL UNIQUE,
            notice_id INTEGER NOT NULL REFERENCES notice(id),
            received TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX receipt_by_notice ON receipt(notice_id, seq);
        CREATE TRIGGER notice_document_append_only_update BEFORE UPDATE ON notice_document
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a stored text cannot be changed'); END;
        CREATE TRIGGER notice_document_append_only_delete BEFORE DELETE ON notice_document
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a stored text cannot be deleted'); END;
        CREATE TRIGGER notice_append_only_update BEFORE UPDATE ON notice
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a notice cannot be changed'); END;
        CREATE TRIGGER notice_append_only_delete BEFORE DELETE ON notice
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a notice cannot be deleted'); END;
        CREATE TRIGGER receipt_append_only_update BEFORE UPDATE ON receipt
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a receipt cannot be changed'); END;
        CREATE TRIGGER receipt_append_only_delete BEFORE DELETE ON receipt
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a receipt cannot be deleted'); END;
        PRAGMA application_id = 1380144722;
        PRAGMA user_version = 1;
        """
}
