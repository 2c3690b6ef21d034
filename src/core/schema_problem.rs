//! What makes a schema unusable, typed: each problem names the layer, label, relation type or
//! attribute it is about. English words are the `Display` here; the interface words them in the
//! language it shows (`ui::words::outcomes`).

use std::fmt;

/// What a name may not be (it is syntax in an export format, or empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameIssue {
    /// Spaces, tabs, line breaks or control characters.
    Whitespace,
    /// A character that is syntax in brat, CoNLL or Label Studio files.
    Syntax(char),
    /// An attribute value may not be empty.
    Empty,
}

/// What a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Layer,
    Label,
    RelationType,
    Attribute,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaProblem {
    /// A layer, label, relation type or attribute with no name (`layer` for a label's).
    EmptyName {
        what: Named,
        layer: Option<String>,
    },
    DefinedTwice {
        what: Named,
        name: String,
    },
    BadName {
        what: Named,
        name: String,
        issue: NameIssue,
    },
    BadValue {
        attribute: String,
        value: String,
        issue: NameIssue,
    },
    BadColour {
        label: String,
        colour: String,
    },
    NoHotkey {
        label: String,
    },
    ReservedHotkey {
        label: String,
        key: char,
    },
    SharedHotkey {
        first: String,
        second: String,
        key: char,
    },
    /// A relation type with no label at one of its ends.
    RelationEnds {
        relation: String,
    },
    /// A relation type or attribute naming a label the schema lacks.
    UnknownLabel {
        what: Named,
        name: String,
        label: String,
    },
}

impl fmt::Display for NameIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameIssue::Whitespace => {
                f.write_str("names may not hold spaces, tabs, line breaks or control characters")
            }
            NameIssue::Syntax(c) => {
                write!(f, "names may not hold «{c}» (it is syntax in brat, CoNLL or Label Studio files)")
            }
            NameIssue::Empty => f.write_str("values may not be empty"),
        }
    }
}

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Named::Layer => "layer",
            Named::Label => "label",
            Named::RelationType => "relation type",
            Named::Attribute => "attribute",
        })
    }
}

impl fmt::Display for SchemaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaProblem::EmptyName { what: Named::Label, layer: Some(layer) } => {
                write!(f, "layer \"{layer}\" has a label with an empty name")
            }
            SchemaProblem::EmptyName { what, .. } => {
                let article = if *what == Named::Attribute { "an" } else { "a" };
                write!(f, "{article} {what} has an empty name")
            }
            SchemaProblem::DefinedTwice { what, name } => write!(f, "{what} \"{name}\" is defined twice"),
            SchemaProblem::BadName { what, name, issue } => write!(f, "{what} \"{name}\": {issue}"),
            SchemaProblem::BadValue { attribute, value, issue } => {
                write!(f, "attribute \"{attribute}\", value \"{value}\": {issue}")
            }
            SchemaProblem::BadColour { label, colour } => {
                write!(f, "label \"{label}\": the colour \"{colour}\" is not #rgb or #rrggbb")
            }
            SchemaProblem::NoHotkey { label } => write!(f, "label \"{label}\" needs a hotkey"),
            SchemaProblem::ReservedHotkey { label, key } => write!(
                f,
                "label \"{label}\" cannot use the hotkey \"{key}\": R draws relations, A opens attributes, digits pick relation types"
            ),
            SchemaProblem::SharedHotkey { first, second, key } => {
                write!(f, "labels \"{first}\" and \"{second}\" share the hotkey \"{key}\"")
            }
            SchemaProblem::RelationEnds { relation } => {
                write!(f, "relation type \"{relation}\" needs at least one label at each end")
            }
            SchemaProblem::UnknownLabel { what, name, label } => {
                write!(f, "{what} \"{name}\" names label \"{label}\", which is not in the schema")
            }
        }
    }
}

/// The problems joined into one line, as messages show them.
pub fn joined(problems: &[SchemaProblem], separator: &str) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join(separator)
}
