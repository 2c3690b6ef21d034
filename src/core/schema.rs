//! The label schema: layers of labels, each label with display names, a colour and a hotkey.

pub use super::schema_problem::{NameIssue, Named, SchemaProblem};
use serde::{Deserialize, Serialize};

/// One label, e.g. `PER`. `name` is what exports carry; `zh` and `en` are for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Label {
    pub name: String,
    pub zh: String,
    pub en: String,
    /// `#rgb` or `#rrggbb`; nothing else is accepted (see `is_hex_color`).
    #[cfg_attr(feature = "json-schema", schemars(regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")))]
    pub color: String,
    /// One lower-case character pressed without modifiers to apply the label.
    pub hotkey: char,
}

/// A group of labels with its own overlap rule. Spans of different layers may always overlap
/// (a directive holds the entities inside it); within a layer only if `allow_overlap`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Layer {
    pub name: String,
    pub allow_overlap: bool,
    pub labels: Vec<Label>,
}

/// A kind of directed link between two spans, e.g. `issued_by` from a DIRECTIVE to a PER.
/// `from` and `to` list the labels allowed at each end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct RelationType {
    pub name: String,
    pub zh: String,
    pub en: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

impl RelationType {
    pub fn allows(&self, from_label: &str, to_label: &str) -> bool {
        self.from.iter().any(|l| l == from_label) && self.to.iter().any(|l| l == to_label)
    }
}

/// A property of spans with certain labels: a choice among `values`, or free text when
/// `values` is empty (e.g. `cue` on DIRECTIVE: 强调, 要求, …; `note`: any text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct AttributeDef {
    pub name: String,
    pub zh: String,
    pub en: String,
    pub labels: Vec<String>,
    #[serde(default)]
    pub values: Vec<String>,
}

impl AttributeDef {
    pub fn is_free_text(&self) -> bool {
        self.values.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Schema {
    pub layers: Vec<Layer>,
    #[serde(default)]
    pub relations: Vec<RelationType>,
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
}

/// Characters a label, relation type or attribute name may not hold: they are syntax in one of
/// the export formats (brat's `.ann` and `.conf`, CoNLL tag columns, Label Studio's XML).
const NAME_SYNTAX: &[char] = &['|', ':', '=', ',', ';', '#', '<', '>', '&', '"', '\'', '\\', '[', ']', '/'];

/// Why `name` cannot name a label, relation type or attribute, if it cannot.
pub fn name_problem(name: &str) -> Option<NameIssue> {
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(NameIssue::Whitespace);
    }
    name.chars().find(|c| NAME_SYNTAX.contains(c)).map(NameIssue::Syntax)
}

/// `text` with control characters (line breaks, tabs) shown as �, so a message stays one line.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect()
}

/// True for `#rgb` or `#rrggbb` in hex digits: the only colours a schema may hold, so that a
/// colour never carries CSS (`red;background:url(…)`) into a page or an export.
pub fn is_hex_color(color: &str) -> bool {
    color
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

impl Schema {
    /// The label called `name` and the layer holding it.
    pub fn find(&self, name: &str) -> Option<(&Layer, &Label)> {
        self.layers.iter().find_map(|layer| layer.labels.iter().find(|l| l.name == name).map(|l| (layer, l)))
    }

    /// The label's position among all labels: the UI's colour slot for it.
    pub fn label_slot(&self, name: &str) -> Option<usize> {
        self.labels().position(|l| l.name == name)
    }

    pub fn label(&self, name: &str) -> Option<&Label> {
        self.find(name).map(|(_, label)| label)
    }

    pub fn layer_of(&self, label: &str) -> Option<&Layer> {
        self.find(label).map(|(layer, _)| layer)
    }

    /// Every label in display order, outer layers first.
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.layers.iter().flat_map(|layer| layer.labels.iter())
    }

    /// The label whose hotkey is `key` (compared case-insensitively).
    pub fn label_for_hotkey(&self, key: char) -> Option<&Label> {
        let key = key.to_lowercase().next().unwrap_or(key);
        self.labels().find(|l| l.hotkey == key)
    }

    /// Rank of a layer in the schema; rendering nests later layers inside earlier ones when the
    /// spans allow it, so a directive (listed first) wraps the entities inside it.
    pub fn layer_rank(&self, layer: &str) -> usize {
        self.layers.iter().position(|l| l.name == layer).unwrap_or(usize::MAX)
    }

    pub fn relation_type(&self, name: &str) -> Option<&RelationType> {
        self.relations.iter().find(|r| r.name == name)
    }

    pub fn attribute(&self, name: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The attributes that spans labelled `label` can have.
    pub fn attributes_for<'a>(&'a self, label: &'a str) -> impl Iterator<Item = &'a AttributeDef> + 'a {
        self.attributes.iter().filter(move |a| a.labels.iter().any(|l| l == label))
    }

    /// Relation types allowed from a span labelled `from` to one labelled `to`.
    pub fn relation_types_between<'a>(
        &'a self,
        from: &'a str,
        to: &'a str,
    ) -> impl Iterator<Item = &'a RelationType> + 'a {
        self.relations.iter().filter(move |r| r.allows(from, to))
    }

    /// Problems that make the schema unusable: duplicate names or hotkeys, empty names.
    pub fn problems(&self) -> Vec<SchemaProblem> {
        use SchemaProblem as P;
        let mut problems = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        let mut hotkeys: Vec<(char, &str)> = Vec::new();
        let mut layer_names: Vec<&str> = Vec::new();
        for layer in &self.layers {
            if layer.name.trim().is_empty() {
                problems.push(P::EmptyName { what: Named::Layer, layer: None });
            }
            if layer_names.contains(&layer.name.as_str()) {
                problems.push(P::DefinedTwice { what: Named::Layer, name: layer.name.clone() });
            }
            layer_names.push(&layer.name);
            for label in &layer.labels {
                if label.name.trim().is_empty() {
                    problems.push(P::EmptyName { what: Named::Label, layer: Some(layer.name.clone()) });
                }
                if names.contains(&label.name.as_str()) {
                    problems.push(P::DefinedTwice { what: Named::Label, name: label.name.clone() });
                }
                if let Some(issue) = name_problem(&label.name) {
                    problems.push(P::BadName { what: Named::Label, name: one_line(&label.name), issue });
                }
                if !is_hex_color(&label.color) {
                    problems
                        .push(P::BadColour { label: one_line(&label.name), colour: one_line(&label.color) });
                }
                names.push(&label.name);
                if label.hotkey.is_whitespace() || label.hotkey.is_control() {
                    problems.push(P::NoHotkey { label: label.name.clone() });
                } else if RESERVED_KEYS.contains(&label.hotkey.to_ascii_lowercase()) {
                    problems.push(P::ReservedHotkey { label: label.name.clone(), key: label.hotkey });
                }
                if let Some((_, other)) = hotkeys.iter().find(|(k, _)| *k == label.hotkey) {
                    let (first, second) = (other.to_string(), label.name.clone());
                    problems.push(P::SharedHotkey { first, second, key: label.hotkey });
                }
                hotkeys.push((label.hotkey, &label.name));
            }
        }
        let mut relation_names: Vec<&str> = Vec::new();
        for relation in &self.relations {
            if relation.name.trim().is_empty() {
                problems.push(P::EmptyName { what: Named::RelationType, layer: None });
            }
            if relation.from.is_empty() || relation.to.is_empty() {
                problems.push(P::RelationEnds { relation: relation.name.clone() });
            }
            if let Some(issue) = name_problem(&relation.name) {
                problems.push(P::BadName {
                    what: Named::RelationType,
                    name: one_line(&relation.name),
                    issue,
                });
            }
            if relation_names.contains(&relation.name.as_str()) {
                problems.push(P::DefinedTwice { what: Named::RelationType, name: relation.name.clone() });
            }
            relation_names.push(&relation.name);
            for label in relation.from.iter().chain(&relation.to) {
                if !names.contains(&label.as_str()) {
                    let (name, label) = (relation.name.clone(), label.clone());
                    problems.push(P::UnknownLabel { what: Named::RelationType, name, label });
                }
            }
        }
        let mut attribute_names: Vec<&str> = Vec::new();
        for attribute in &self.attributes {
            if attribute.name.trim().is_empty() {
                problems.push(P::EmptyName { what: Named::Attribute, layer: None });
            }
            if let Some(issue) = name_problem(&attribute.name) {
                problems.push(P::BadName { what: Named::Attribute, name: one_line(&attribute.name), issue });
            }
            // Values sit in brat's `A` lines and `annotation.conf` like names do.
            for value in &attribute.values {
                let issue = if value.is_empty() { Some(NameIssue::Empty) } else { name_problem(value) };
                if let Some(issue) = issue {
                    let (attribute, value) = (one_line(&attribute.name), one_line(value));
                    problems.push(P::BadValue { attribute, value, issue });
                }
            }
            if attribute_names.contains(&attribute.name.as_str()) {
                problems.push(P::DefinedTwice { what: Named::Attribute, name: attribute.name.clone() });
            }
            attribute_names.push(&attribute.name);
            for label in &attribute.labels {
                if !names.contains(&label.as_str()) {
                    let (name, label) = (attribute.name.clone(), label.clone());
                    problems.push(P::UnknownLabel { what: Named::Attribute, name, label });
                }
            }
        }
        problems
    }
}

fn label(name: &str, zh: &str, en: &str, color: &str, hotkey: char) -> Label {
    Label { name: name.into(), zh: zh.into(), en: en.into(), color: color.into(), hotkey }
}

/// Keys the editor uses for itself, so no label may take them.
pub const RESERVED_KEYS: [char; 12] = ['r', 'a', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

pub const DIRECTIVE_LAYER: &str = "directive";
pub const ENTITY_LAYER: &str = "entity";

/// The schema for the bundled corpus: Chinese news about officials and their instructions.
pub fn default_schema() -> Schema {
    Schema {
        layers: vec![
            Layer {
                name: DIRECTIVE_LAYER.into(),
                allow_overlap: false,
                labels: vec![label("DIRECTIVE", "指示", "Directive", "#8e24aa", 'i')],
            },
            Layer {
                name: ENTITY_LAYER.into(),
                allow_overlap: false,
                labels: vec![
                    label("PER", "人名", "Person", "#e53935", 'p'),
                    label("ORG", "机构", "Organisation", "#1e88e5", 'o'),
                    label("LOC", "地点", "Place", "#43a047", 'l'),
                    label("DATE", "日期时间", "Date / time", "#fb8c00", 'd'),
                    label("TITLE", "职务", "Title", "#00897b", 't'),
                    label("POLICY", "政策/活动", "Policy / campaign", "#6d4c41", 'c'),
                ],
            },
        ],
        relations: vec![
            relation("issued_by", "发布者", "issued by", &["DIRECTIVE"], &["PER", "ORG"]),
            relation("addressed_to", "对象", "addressed to", &["DIRECTIVE"], &["ORG", "LOC", "PER"]),
            relation("holds_title", "职务", "holds title", &["PER"], &["TITLE"]),
        ],
        attributes: vec![
            AttributeDef {
                name: "cue".into(),
                zh: "提示词".into(),
                en: "cue".into(),
                labels: vec!["DIRECTIVE".into()],
                values: ["强调", "要求", "指出", "叮嘱", "希望", "其他"].map(String::from).to_vec(),
            },
            AttributeDef {
                name: "note".into(),
                zh: "备注".into(),
                en: "note".into(),
                labels: vec!["DIRECTIVE".into()],
                values: Vec::new(),
            },
        ],
    }
}

fn relation(name: &str, zh: &str, en: &str, from: &[&str], to: &[&str]) -> RelationType {
    RelationType {
        name: name.into(),
        zh: zh.into(),
        en: en.into(),
        from: from.iter().map(|s| s.to_string()).collect(),
        to: to.iter().map(|s| s.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schema_is_consistent() {
        let schema = default_schema();
        assert_eq!(schema.problems(), Vec::<SchemaProblem>::new());
        assert_eq!(schema.layer_of("PER").unwrap().name, ENTITY_LAYER);
        assert_eq!(schema.layer_of("DIRECTIVE").unwrap().name, DIRECTIVE_LAYER);
        assert_eq!(schema.label_for_hotkey('P').unwrap().name, "PER");
        assert!(schema.label("NOPE").is_none());
    }

    #[test]
    fn duplicate_hotkeys_are_reported() {
        let mut schema = default_schema();
        schema.layers[1].labels[1].hotkey = 'p';
        let problems = schema.problems();
        let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(words, ["labels \"PER\" and \"ORG\" share the hotkey \"p\""]);
    }
}
