import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreXML

extension DossierXML {
    /// The décompte of the title (`TitleStatement` of dossier.xsd).
    static func writeTitle(_ title: TitleStatement, to writer: XMLTreeWriter.LiteralNames) throws {
        try writer.element("title") {
            try writer.element("kind", text: title.kind.rawValue)
            try writer.element("date", text: title.date.iso)
            if let court = title.court { try writer.element("court", text: court) }
            if let served = title.served { try writer.element("served", text: served.iso) }
            for number in title.invoices { try writer.element("covers", text: number) }
            try writer.element("principal", text: Money.plain(title.principal))
            switch title.rate {
            case .legal?: try writer.element("interest-rate", text: "legal")
            case .clause(.fixed(let rate))?: try writer.element("interest-rate", text: Money.plain(rate))
            case .clause(.ecbPlus(let points))?:
                try writer.element("interest-rate", text: "ECB + \(Money.plain(points))")
            case .clause(.legalTimes(let multiple))?:
                try writer.element("interest-rate", text: "\(Money.plain(multiple)) x legal")
            case nil: break
            }
            if let from = title.interestFrom { try writer.element("interest-from", text: from.iso) }
            if let from = title.increaseFrom { try writer.element("increase-from", text: from.iso) }
            try writePeriods(title.periods, to: writer)
            try writer.element("interest", text: Money.plain(title.interest))
            for payment in title.payments {
                try writer.element("payment") {
                    try writer.element("date", text: payment.date.iso)
                    try writer.element("amount", text: Money.plain(payment.amount))
                    try writer.element("to-interest", text: Money.plain(payment.toInterest))
                    try writer.element("to-principal", text: Money.plain(payment.toPrincipal))
                    try writer.element("to-costs", text: Money.plain(payment.toCosts))
                }
            }
            try writer.element("principal-due", text: Money.plain(title.principalDue))
            try writer.element("interest-due", text: Money.plain(title.interestDue))
            try writer.element("costs", text: Money.plain(title.costs))
            try writer.element("article-700", text: Money.plain(title.article700))
            try writer.element("costs-due", text: Money.plain(title.costsDue))
            try writer.element("total", text: Money.plain(title.total))
        }
    }
}
