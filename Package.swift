// swift-tools-version: 6.2
// recouvre: unpaid invoices → a litigation-ready French case file.
// Layering (see shared design.md): Model → CaseFile / Law → Route → Documents → Bundle/Archive → CLI.
// Only RecouvreXML imports the C library libxml2 (through CLibXML2).
import PackageDescription

let package = Package(
    name: "recouvre",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "recouvre", targets: ["recouvre"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // import (issue 13): CSV ledgers.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // Value types of the domain: no files, no formats, no I/O.
        .target(name: "RecouvreModel"),
        // The one deterministic JSON writer behind every JSON output (fixed key order, stable bytes).
        .target(name: "RecouvreJSON"),
        // The law-book loader: the only module that reads forms/ (the shipped folder and a user's
        // --forms overrides, file by file), parsed once into one immutable, Sendable `LawBook`.
        .target(
            name: "RecouvreForms",
            dependencies: [
                "RecouvreModel", "RecouvreLaw", "RecouvreRoute", "RecouvreDocuments", "RecouvreXML", "RecouvreAmicable",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The C boundary: libxml2 through pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "RecouvreXML", dependencies: ["CLibXML2"]),
        .target(
            name: "RecouvreCaseFile",
            dependencies: ["RecouvreModel", "RecouvreXML", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RecouvreLaw",
            dependencies: ["RecouvreModel", "RecouvreJSON"]
        ),
        .target(
            name: "RecouvreRoute",
            dependencies: ["RecouvreModel", "RecouvreLaw", "RecouvreJSON"]
        ),
        .target(
            name: "RecouvreDocuments",
            dependencies: [
                "RecouvreModel", "RecouvreLaw", "RecouvreRoute",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // bundle: the bundle in memory, its sinks (folder, zip), the one reader, manifest parser and
        // verifier that build, verify and the archive share.
        .target(
            name: "RecouvreBundleIO",
            dependencies: [
                "RecouvreModel", "RecouvreJSON", "RecouvreXML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "RecouvreBundle",
            dependencies: [
                "RecouvreModel", "RecouvreCaseFile", "RecouvreLaw", "RecouvreRoute", "RecouvreDocuments",
                "RecouvreXML", "RecouvreForms", "RecouvreJSON", "RecouvreBundleIO", "RecouvreAmicable",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "RecouvreArchive",
            dependencies: [
                "RecouvreModel", "RecouvreJSON", "RecouvreBundleIO",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // amicable (issue 16): reminder ladders, payer profiles, payment plans, the aged balance. Pure
        // functions of values; forms/ladders and the relance templates are read by the caller.
        .target(
            name: "RecouvreAmicable",
            dependencies: [
                "RecouvreModel", "RecouvreLaw", "RecouvreDocuments", "RecouvreJSON",
                .product(name: "Yams", package: "Yams"), .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Times the aged balance of 10,000 debtors built in memory (release build).
        .executableTarget(
            name: "recouvre-aged-bench",
            dependencies: ["RecouvreAmicable", "RecouvreForms", "RecouvreLaw", "RecouvreModel"]),
        .testTarget(
            name: "RecouvreAmicableTests",
            dependencies: [
                "RecouvreAmicable", "RecouvreForms", "RecouvreDocuments", "RecouvreRoute", "RecouvreCaseFile",
                "RecouvreTestSupport", "RecouvreBundle",
            ],
            exclude: ["Golden"]
        ),
        // import (issue 13): ledgers (CSV, FEC) and e-invoices (UBL, CII, Factur-X, CDAR statuses) → cases.
        // qpdf's C API reads the XML embedded in a Factur-X PDF, behind one small module.
        .systemLibrary(
            name: "CQPDF",
            pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"]), .brew(["qpdf"])]
        ),
        .target(name: "RecouvrePDFAttachments", dependencies: ["CQPDF"]),
        .target(
            name: "RecouvreImport",
            dependencies: [
                "RecouvreModel", "RecouvreCaseFile", "RecouvreXML", "RecouvrePDFAttachments", "RecouvreJSON",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "RecouvreImportTests",
            dependencies: [
                "RecouvreImport", "RecouvreCaseFile", "RecouvrePDFAttachments", "RecouvreTestSupport", "recouvre",
                "RecouvreForms",
            ],
            exclude: ["Golden"]
        ),

        // PDF/A-3b documents through the Typst compiler kept loaded in a Python worker (docs/pdf.md).
        .target(
            name: "RecouvrePDF",
            dependencies: ["RecouvreDocuments", "RecouvreBundle", "RecouvreForms", "RecouvreJSON", "RecouvreModel"]
        ),
        // Times --pdf over a batch of dossiers with one persistent renderer (docs/pdf.md).
        .executableTarget(
            name: "recouvre-pdf-bench",
            dependencies: ["RecouvrePDF", "RecouvreBundle", "RecouvreDocuments", "RecouvreForms", "RecouvreModel"]
        ),
        .testTarget(
            name: "RecouvrePDFTests",
            dependencies: ["RecouvrePDF", "RecouvreBundle", "RecouvreTestSupport"]
        ),
        // batch: one verified bundle per debtor from a folder of cases (or a ledger), on all cores, streaming.
        .target(
            name: "RecouvreBatch",
            dependencies: [
                "RecouvreModel", "RecouvreCaseFile", "RecouvreRoute", "RecouvreBundle", "RecouvreBundleIO",
                "RecouvreJSON",
                "RecouvreImport", "RecouvreAmicable", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "RecouvreBatchTests",
            dependencies: ["RecouvreBatch", "RecouvreForms", "RecouvreTestSupport", "recouvre", "RecouvrePDF"]
        ),
        // Test helper: adds notices in a loop until killed (the archive's SIGKILL test).
        .executableTarget(name: "recouvre-archive-crashtest", dependencies: ["RecouvreArchive", "RecouvreModel"]),
        .executableTarget(
            name: "recouvre",
            dependencies: [
                "RecouvreModel", "RecouvreForms", "RecouvreCaseFile", "RecouvreLaw", "RecouvreRoute",
                "RecouvreDocuments", "RecouvreBundle", "RecouvreArchive", "RecouvreAmicable", "RecouvreImport",
                "RecouvrePDF",
                "RecouvreBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // court engineer: the firm profile (--firm) is read at the CLI edge.
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // Times the statement of a 10,000-invoice / 30,000-payment case (release build).
        .executableTarget(name: "recouvre-bench", dependencies: ["RecouvreModel", "RecouvreForms", "RecouvreLaw"]),
        // Times `recouvre import csv|fec` stage by stage (docs/import.md, release build).
        .executableTarget(name: "recouvre-import-bench", dependencies: ["RecouvreImport"]),
        // Times 1,000 dossiers assembled in one process with the law book loaded once (release build).
        .executableTarget(
            name: "recouvre-bench-dossier",
            dependencies: ["RecouvreModel", "RecouvreForms", "RecouvreCaseFile", "RecouvreBundle"]
        ),
        // input (issue 12): one large case (scripts/make-large-case.py) through the pipeline, CPU time per stage.
        .executableTarget(
            name: "recouvre-large-bench",
            dependencies: ["RecouvreModel", "RecouvreForms", "RecouvreCaseFile", "RecouvreBundle", "RecouvreDocuments"]
        ),

        // Test helpers shared by every test target: golden files, fixtures, running the CLI.
        .target(
            name: "RecouvreTestSupport",
            dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
            path: "Tests/RecouvreTestSupport"
        ),
        // The helpers' own tests: the per-process temporary root and its removal at exit.
        .testTarget(name: "RecouvreTestSupportTests", dependencies: ["RecouvreTestSupport"]),
        .testTarget(
            name: "RecouvreModelTests",
            dependencies: ["RecouvreModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RecouvreJSONTests", dependencies: ["RecouvreJSON"]),
        .testTarget(
            name: "RecouvreCaseFileTests",
            // infra (issue 10): check's summary is worded by the shipped book's catalogue.
            dependencies: ["RecouvreCaseFile", "RecouvreForms", "RecouvreTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreLawTests",
            dependencies: [
                "RecouvreLaw", "RecouvreForms", "RecouvreCaseFile", "RecouvreTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreRouteTests",
            dependencies: ["RecouvreRoute", "RecouvreForms", "RecouvreCaseFile", "RecouvreTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreXMLTests",
            dependencies: ["RecouvreXML", "RecouvreTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreDocumentsTests",
            dependencies: ["RecouvreDocuments", "RecouvreForms", "RecouvreCaseFile", "RecouvreTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreBundleTests",
            dependencies: [
                "RecouvreBundle", "RecouvreBundleIO", "RecouvreForms", "RecouvreTestSupport", "RecouvreCaseFile",
                // batch: the catalogue test's samples name the reasons of every module.
                "RecouvreAmicable", "RecouvreImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreArchiveTests",
            dependencies: [
                "RecouvreArchive", "RecouvreBundleIO", "RecouvreTestSupport", "recouvre-archive-crashtest",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RecouvreCLITests",
            dependencies: ["recouvre", "RecouvreTestSupport"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
