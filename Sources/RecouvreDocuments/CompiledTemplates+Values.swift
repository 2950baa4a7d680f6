import Foundation

// reader (issue 14), a new file beside render's TemplateSet.swift: the fast renderer for a caller
// outside this module that builds its own `TemplateValue`s (the amicable chronology renders one small
// template per step, ≈ 0.3 M instructions each through swift-mustache's reflection).
extension CompiledTemplates.Entry {
    /// The template rendered by the fast renderer over `value`, or nil when that renderer leaves the
    /// template to swift-mustache (then render `template` with the same data: the text is the same).
    public func programText(_ value: TemplateValue) -> String? { program?.render(value) }
}
