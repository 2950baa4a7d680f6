// Placeholder until this target gets its tests; delete when adding the first test file.
import Testing
