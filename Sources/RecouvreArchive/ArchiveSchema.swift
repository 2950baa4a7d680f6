import GRDB

/// The archive's schema, grown by append-only SQL migrations (conventions.md): a migration once
/// shipped is never edited; a change is a new migration that also raises `user_version`.
enum ArchiveSchema {
    /// `PRAGMA application_id` of a recouvre archive: "RCVR" in ASCII.
    static let applicationID: Int32 = 0x5243_5652
    /// `PRAGMA user_version` after the last migration below.
    static let version: Int32 = 3

    /// The migrations up to schema 1 (what an archive of schema 1 holds).
    static var migratorV1: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-notices-receipts") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    /// Every migration; the second keys the chain with `secret` (a new archive, or `archive migrate`
    /// on an archive of schema 1: the entries found stay as they are, sealed by an HMAC of their head,
    /// and every later entry is an HMAC); the third adds the reminders (schema 3). `secret` nil: an
    /// archive already keyed (schema 2) that only gains the reminders; its second migration is done.
    static func migrator(secret: ArchiveSecret?, archiveID: String) -> DatabaseMigrator {
        var migrator = migratorV1
        migrator.registerMigration("v2-keyed-chain") { db in
            guard let secret else {
                throw ArchiveError("archive au format 1 : recouvre archive migrate la scelle d'abord")
            }
            let head = try ChainHead.fetch(db)
            try db.execute(sql: v2)
            try db.execute(
                sql: """
                    INSERT INTO archive_key (id, archive_id, key_check, keyed_from, sealed_head, seal)
                    VALUES (1, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    archiveID, secret.check(archiveID: archiveID), try ArchiveStore.successor(head.seq), head.hash,
                    secret.seal(archiveID: archiveID, seq: head.seq, head: head.hash),
                ])
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3-reminders") { db in
            try db.execute(sql: v3)
        }
        return migrator
    }

    /// The schema objects of an archive of `version` (2 or 3), by name (`archive verify` reports one
    /// missing and any other, a foreign table or trigger).
    static func objects(version: Int32) -> Set<String> {
        version >= 3 ? objects.union(reminderObjects) : objects
    }

    /// What schema 3 adds.
    static let reminderObjects: Set<String> = [
        "reminder_file", "reminder", "reminder_by_case", "reminder_by_sent", "reminder_file_append_only_update",
        "reminder_file_append_only_delete", "reminder_append_only_update", "reminder_append_only_delete",
    ]

    /// The schema objects of an archive of schema 2.
    static let objects: Set<String> = [
        "notice_document", "notice", "notice_by_case", "notice_by_sent", "notice_by_manifest", "receipt",
        "receipt_by_notice", "notice_document_append_only_update", "notice_document_append_only_delete",
        "notice_append_only_update", "notice_append_only_delete", "receipt_append_only_update",
        "receipt_append_only_delete", "archive_key", "archive_key_append_only_update",
        "archive_key_append_only_delete", "sent_file", "sent_file_append_only_update", "sent_file_append_only_delete",
    ]

    /// Objects SQLite and GRDB keep for themselves.
    static func isBookkeeping(_ name: String) -> Bool {
        name == "sqlite_sequence" || name == "grdb_migrations" || name.hasPrefix("sqlite_autoindex_")
    }

    /// Schema 3: the amicable reminders sent (`remind --record --archive`), entries of the same
    /// chain (kind `reminder`, always keyed), each with the letter or e-mail stored once per SHA-256.
    /// Nothing of schema 2 is touched: its rows, hashes and seal stay as they are.
    private static let v3 = """
        CREATE TABLE reminder_file (
            sha256 TEXT NOT NULL PRIMARY KEY,
            data BLOB NOT NULL
        );
        CREATE TABLE reminder (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            seq INTEGER NOT NULL UNIQUE,
            case_reference TEXT NOT NULL,
            creditor_name TEXT NOT NULL,
            creditor_siren TEXT,
            debtor_name TEXT NOT NULL,
            debtor_siren TEXT,
            amount_due TEXT NOT NULL,
            sent TEXT NOT NULL,
            step TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'registered_letter')),
            profile TEXT,
            file_name TEXT NOT NULL,
            file_sha256 TEXT NOT NULL REFERENCES reminder_file(sha256),
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX reminder_by_case ON reminder(case_reference, step, sent);
        CREATE INDEX reminder_by_sent ON reminder(sent);
        CREATE TRIGGER reminder_file_append_only_update BEFORE UPDATE ON reminder_file
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a reminder file cannot be changed'); END;
        CREATE TRIGGER reminder_file_append_only_delete BEFORE DELETE ON reminder_file
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a reminder file cannot be deleted'); END;
        CREATE TRIGGER reminder_append_only_update BEFORE UPDATE ON reminder
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a reminder cannot be changed'); END;
        CREATE TRIGGER reminder_append_only_delete BEFORE DELETE ON reminder
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a reminder cannot be deleted'); END;
        PRAGMA user_version = 3;
        """

    /// Schema 2: the secret's check and the seal of the entries before it (one row), the files
    /// actually sent (the signed scan or PDF, issue 15), and a receipt's outcome (`not_collected`:
    /// pli avisé non réclamé, counted as delivered on the day it was presented).
    private static let v2 = """
        CREATE TABLE archive_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            archive_id TEXT NOT NULL,
            key_check TEXT NOT NULL,
            keyed_from INTEGER NOT NULL,
            sealed_head TEXT NOT NULL,
            seal TEXT NOT NULL
        );
        CREATE TABLE sent_file (
            sha256 TEXT NOT NULL PRIMARY KEY,
            data BLOB NOT NULL
        );
        ALTER TABLE notice ADD COLUMN sent_file_name TEXT;
        ALTER TABLE notice ADD COLUMN sent_file_sha256 TEXT REFERENCES sent_file(sha256);
        ALTER TABLE receipt ADD COLUMN outcome TEXT NOT NULL DEFAULT 'delivered'
            CHECK (outcome IN ('delivered', 'not_collected'));
        CREATE TRIGGER archive_key_append_only_update BEFORE UPDATE ON archive_key
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: its key record cannot be changed'); END;
        CREATE TRIGGER archive_key_append_only_delete BEFORE DELETE ON archive_key
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: its key record cannot be deleted'); END;
        CREATE TRIGGER sent_file_append_only_update BEFORE UPDATE ON sent_file
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a sent file cannot be changed'); END;
        CREATE TRIGGER sent_file_append_only_delete BEFORE DELETE ON sent_file
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a sent file cannot be deleted'); END;
        """

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
