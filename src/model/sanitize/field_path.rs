//! Field paths built step by step while a file is cleaned, written out only when a cut names one.

/// A field path as steps from its parent, so that cleaning a file builds no path string unless a
/// cut has to name one.
#[derive(Debug, Clone, Copy)]
pub enum FieldPath<'a> {
    /// A path written out (empty for the document).
    Root(&'a str),
    /// The parent's member `name`.
    Key(&'a FieldPath<'a>, &'static str),
    /// Element `i` of the parent's member `name`: `name[i]`.
    Index(&'a FieldPath<'a>, &'static str, usize),
}

impl<'a> FieldPath<'a> {
    /// The member `name` of this.
    pub fn key(&'a self, name: &'static str) -> Self {
        FieldPath::Key(self, name)
    }

    /// Element `i` of this one's member `name`.
    pub fn index(&'a self, name: &'static str, i: usize) -> Self {
        FieldPath::Index(self, name, i)
    }

    /// The path as text: `groups[0].items[2].label`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        use std::fmt::Write;
        let (parent, name) = match *self {
            FieldPath::Root(s) => return out.push_str(s),
            FieldPath::Key(parent, name) | FieldPath::Index(parent, name, _) => (parent, name),
        };
        parent.write(out);
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(name);
        if let FieldPath::Index(_, _, i) = *self {
            let _ = write!(out, "[{i}]");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_are_written_like_serde_path_to_error() {
        let root = FieldPath::Root("");
        let groups = FieldPath::Index(&root, "groups", 0);
        let items = FieldPath::Index(&groups, "items", 12);
        let project = FieldPath::Key(&items, "project");
        assert_eq!(
            FieldPath::Key(&project, "status").render(),
            "groups[0].items[12].project.status"
        );
        assert_eq!(FieldPath::Index(&root, "lines", 3).render(), "lines[3]");
        assert_eq!(FieldPath::Key(&root, "title").render(), "title");
        let outer = FieldPath::Root("town");
        assert_eq!(FieldPath::Key(&outer, "title").render(), "town.title");
    }
}
