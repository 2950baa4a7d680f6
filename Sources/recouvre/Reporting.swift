import ArgumentParser
import Foundation
import RecouvreForms
import RecouvreModel

/// Runs a command's work and turns a domain error into its message on stderr and its exit status
/// (interfaces.md: 1 input, 2 usage, 3 rate tables). Anything else is a bug and says so.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RecouvreError {
        printError(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as FormsError {
        printError("recouvre: \(error.description)")
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        printError("recouvre : erreur interne : \(error) — signalez-la avec le fichier de cas qui l’a provoquée")
        throw ExitCode(70)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes to stdout without buffering surprises when piped.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
