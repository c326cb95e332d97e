//! A small strict XML well-formedness checker (no dependency) and the test that it rejects what it must.

// ---------------------------------------------------------------------------------------------------
// A small strict XML well-formedness checker (no dependency): one root element, every tag closed in
// order, attributes quoted and unique, only the five XML entities and character references, no raw
// `<`, `&` or `>` in text, comments without `--`, an optional XML declaration and one DOCTYPE before
// the root.

/// What the checker saw, in document order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Event {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':'
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-' || c == '.'
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// Decodes text with entities; errors on anything but &amp; &lt; &gt; &quot; &apos; &#N; &#xH;.
fn decode(s: &str, in_attr: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if !is_xml_char(c) {
            return Err(format!(
                "character U+{:04X} is not allowed in XML",
                c as u32
            ));
        }
        match c {
            '<' => return Err("raw < in text or attribute".into()),
            '>' if !in_attr => return Err(format!("raw > in text near {rest:.20}")),
            '"' if in_attr => return Err("raw \" in attribute".into()),
            '&' => {
                let end = rest
                    .find(';')
                    .ok_or_else(|| format!("unterminated entity near {rest:.20}"))?;
                let ent = &rest[1..end];
                let ch = match ent {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => {
                        let n = if let Some(h) = ent.strip_prefix("#x") {
                            (!h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                                .then(|| u32::from_str_radix(h, 16).ok())
                                .flatten()
                        } else if let Some(d) = ent.strip_prefix('#') {
                            (!d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
                                .then(|| d.parse().ok())
                                .flatten()
                        } else {
                            None
                        };
                        n.and_then(char::from_u32)
                            .filter(|c| is_xml_char(*c))
                            .ok_or_else(|| format!("bad entity &{ent};"))?
                    }
                };
                out.push(ch);
                rest = &rest[end + 1..];
                continue;
            }
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(out)
}

fn parse_name(s: &str) -> Result<(String, &str), String> {
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, c)) if is_name_start(c) => {}
        _ => return Err(format!("expected a name near {s:.20}")),
    }
    let end = chars
        .find(|(_, c)| !is_name_char(*c))
        .map_or(s.len(), |(i, _)| i);
    Ok((s[..end].to_string(), &s[end..]))
}

/// Checks `doc` and returns its events, or the first problem found.
fn check_xml(doc: &str) -> Result<Vec<Event>, String> {
    let mut events = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut seen_root = false;
    let mut seen_doctype = false;
    let mut rest = doc;
    let mut first = true;
    while !rest.is_empty() {
        let at_start = std::mem::take(&mut first);
        if let Some(r) = markup(rest, at_start, seen_root, &mut seen_doctype)? {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("</") {
            let (name, r) = end_tag(r, &mut stack)?;
            events.push(Event::End(name));
            rest = r;
        } else if let Some(r) = rest.strip_prefix('<') {
            if stack.is_empty() && seen_root {
                return Err("a second root element".into());
            }
            let (name, attrs, self_closing, r) = start_tag(r)?;
            seen_root = true;
            events.push(Event::Start(name.clone(), attrs));
            if self_closing {
                events.push(Event::End(name));
            } else {
                stack.push(name);
            }
            rest = r;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end], false)?;
            if stack.is_empty() {
                if !text.trim().is_empty() {
                    return Err(format!("text outside the root element: {text:.20}"));
                }
            } else {
                events.push(Event::Text(text));
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> is never closed"));
    }
    if !seen_root {
        return Err("no root element".into());
    }
    Ok(events)
}

/// The XML declaration, a comment or the DOCTYPE at the start of `rest`: what follows it, or `None`
/// when `rest` starts with none of them (unsupported `<!` and `<?` markup is an error).
fn markup<'a>(
    rest: &'a str,
    at_start: bool,
    seen_root: bool,
    seen_doctype: &mut bool,
) -> Result<Option<&'a str>, String> {
    if let Some(r) = rest.strip_prefix("<?xml") {
        if !at_start {
            return Err("XML declaration not at the very start".into());
        }
        let end = r.find("?>").ok_or("unterminated XML declaration")?;
        if !r.starts_with(' ') || !r[..end].contains("version=\"1.0\"") {
            return Err("malformed XML declaration".into());
        }
        Ok(Some(&r[end + 2..]))
    } else if let Some(r) = rest.strip_prefix("<!--") {
        let end = r.find("-->").ok_or("unterminated comment")?;
        if r[..end].contains("--") || r[..end].ends_with('-') {
            return Err("-- inside a comment".into());
        }
        Ok(Some(&r[end + 3..]))
    } else if let Some(r) = rest.strip_prefix("<!DOCTYPE") {
        if *seen_doctype || seen_root {
            return Err("DOCTYPE repeated or after the root element".into());
        }
        *seen_doctype = true;
        let end = r.find('>').ok_or("unterminated DOCTYPE")?;
        if r[..end].contains(['<', '[']) || !r.starts_with(' ') {
            return Err("malformed DOCTYPE".into());
        }
        Ok(Some(&r[end + 1..]))
    } else if rest.starts_with("<!") || rest.starts_with("<?") {
        Err(format!("unsupported markup near {rest:.20}"))
    } else {
        Ok(None)
    }
}

/// An end tag after its `</`: it must close the innermost open element. Returns its name and what
/// follows it.
fn end_tag<'a>(r: &'a str, stack: &mut Vec<String>) -> Result<(String, &'a str), String> {
    let (name, r) = parse_name(r)?;
    let r = r.trim_start_matches([' ', '\t', '\n', '\r']);
    let r = r
        .strip_prefix('>')
        .ok_or(format!("malformed end tag </{name}"))?;
    match stack.pop() {
        Some(open) if open == name => {}
        Some(open) => return Err(format!("</{name}> closes <{open}>")),
        None => return Err(format!("</{name}> without a start tag")),
    }
    Ok((name, r))
}

/// A start tag's name, its attributes, whether it closes itself, and what follows it.
type StartTag<'a> = (String, Vec<(String, String)>, bool, &'a str);

/// A start tag after its `<`, attributes quoted and unique.
fn start_tag(r: &str) -> Result<StartTag<'_>, String> {
    let (name, mut r) = parse_name(r)?;
    let mut attrs: Vec<(String, String)> = Vec::new();
    loop {
        let trimmed = r.trim_start_matches([' ', '\t', '\n', '\r']);
        let had_space = trimmed.len() != r.len();
        r = trimmed;
        if let Some(x) = r.strip_prefix("/>") {
            return Ok((name, attrs, true, x));
        }
        if let Some(x) = r.strip_prefix('>') {
            return Ok((name, attrs, false, x));
        }
        if !had_space {
            return Err(format!("no space before an attribute of <{name}>"));
        }
        let (an, value, x) = attribute(r, &name)?;
        if attrs.iter().any(|(n, _)| *n == an) {
            return Err(format!("attribute {an} repeated on <{name}>"));
        }
        attrs.push((an, value));
        r = x;
    }
}

/// One `name="value"` (or single-quoted) attribute of element `name`: its name, its decoded value and
/// what follows it.
fn attribute<'a>(r: &'a str, name: &str) -> Result<(String, String, &'a str), String> {
    let (an, x) = parse_name(r)?;
    let x = x
        .strip_prefix('=')
        .ok_or(format!("attribute {an} of <{name}> has no ="))?;
    let q = x
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')
        .ok_or(format!("attribute {an} of <{name}> is not quoted"))?;
    let x = &x[1..];
    let end = x.find(q).ok_or(format!("unterminated attribute {an}"))?;
    let value = if q == '"' {
        decode(&x[..end], true)?
    } else {
        decode(&x[..end].replace('"', "&quot;"), true)?
    };
    Ok((an, value, &x[end + 1..]))
}

pub(super) fn well_formed(doc: &str) -> Vec<Event> {
    check_xml(doc).unwrap_or_else(|e| panic!("not well-formed: {e}\n{doc:.2000}"))
}

/// The text inside the first element named `tag`, in order.
pub(super) fn text_in(events: &[Event], tag: &str) -> String {
    let mut depth = 0;
    let mut out = String::new();
    for e in events {
        match e {
            Event::Start(n, _) if depth == 0 && n == tag => depth = 1,
            Event::Start(..) if depth > 0 => depth += 1,
            Event::End(_) if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) if depth > 0 => out.push_str(t),
            _ => {}
        }
    }
    out
}

pub(super) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn the_checker_is_strict() {
    let ok = [
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<a x=\"1\" y='2'><!-- c --><b/>t&amp;&#20826;&#x515A;</a>\n",
        "<a><b c=\"&quot;&lt;&gt;\">x</b></a>",
    ];
    for d in ok {
        assert!(check_xml(d).is_ok(), "{d}: {:?}", check_xml(d));
    }
    let ev = check_xml("<a>t&#20826;&#x515A;&amp;</a>").unwrap();
    assert_eq!(text_in(&ev, "a"), "t党党&");
    let bad = [
        "<a><b></a></b>",
        "<a>",
        "</a>",
        "<a></a><b></b>",
        "text<a></a>",
        "<a x=1></a>",
        "<a x=\"1\" x=\"2\"></a>",
        "<a x=\"1\"y=\"2\"></a>",
        "<a>&nbsp;</a>",
        "<a>&amp</a>",
        "<a>& b</a>",
        "<a>a < b</a>",
        "<a>a > b</a>",
        "<a x=\"a<b\"></a>",
        "<a><!-- a -- b --></a>",
        "<a></a><!DOCTYPE html>",
        "<!DOCTYPE html><!DOCTYPE html><a/>",
        "<a/>\n<?xml version=\"1.0\"?>",
        "<a><![CDATA[x]]></a>",
        "<a>\u{1}</a>",
        "<a>&#0;</a>",
        "<1a></1a>",
    ];
    for d in bad {
        assert!(check_xml(d).is_err(), "accepted {d:?}");
    }
}

// ---------------------------------------------------------------------------------------------------
// Rendering
