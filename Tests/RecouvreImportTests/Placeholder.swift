import Testing
@testable import RecouvreImport
