/// Every key binding, as `?` lists them. The reducer is the authority; tests check both agree.
public enum KeyMap {
    public struct Binding: Sendable { public let keys: String; public let action: String }

    public static let bindings: [Binding] = [
        Binding(keys: "1-6", action: "views: Models, Mediation, Margins, Crosstab, Describe, Data"),
        Binding(keys: "arrows hjkl", action: "move cursor / scroll the view"),
        Binding(keys: "PgUp PgDn", action: "move a page"),
        Binding(keys: "Home End", action: "first / last row (variables pane or view)"),
        Binding(keys: "Tab", action: "switch pane (variables / view)"),
        Binding(keys: "Space", action: "switch the control (or group) under the cursor"),
        Binding(keys: "Enter", action: "open a choice for the row under the cursor"),
        Binding(keys: "o", action: "set the variable under the cursor as outcome"),
        Binding(keys: "r", action: "set it as key regressor"),
        Binding(keys: "m", action: "set it as mediator (again: mediator off)"),
        Binding(keys: "M", action: "switch the mediator on / off"),
        Binding(keys: "t", action: "show its margins beside the key regressor's"),
        Binding(keys: "C c", action: "crosstab rows / columns variable"),
        Binding(keys: "s", action: "subsample: presets or a typed if expression"),
        Binding(keys: "e", action: "cycle estimators"),
        Binding(keys: "v", action: "cycle variance type (oim, robust)"),
        Binding(keys: "S", action: "one common sample for every model / each model on its own rows"),
        Binding(keys: "l L", action: "Chinese / English labels (l scrolls right in the view pane)"),
        Binding(keys: "b B", action: "pin the current models as baseline / clear it"),
        Binding(keys: "g", action: "(re)start the mediation bootstrap"),
        Binding(keys: "Esc", action: "cancel the bootstrap / close a dialog"),
        Binding(keys: "z", action: "zoom: hide the variables pane"),
        Binding(keys: "u Ctrl-R", action: "undo / redo"),
        Binding(keys: "/", action: "find a variable"),
        Binding(keys: "w", action: "save the specification (JSON)"),
        Binding(keys: "x", action: "export the current view (Markdown, LaTeX, CSV)"),
        Binding(keys: "T", action: "lesson: open the shipped one / return to its step"),
        Binding(keys: "n p", action: "lesson: next / previous step (also PgDn PgUp)"),
        Binding(keys: "l  Esc", action: "lesson: English / Chinese; Esc explores freely"),
        Binding(keys: "?", action: "this help"),
        Binding(keys: "q", action: "quit"),
    ]
}
