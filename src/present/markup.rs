//! A small, plain-data description of static markup (elements, attributes, text).
//!
//! The large, non-interactive parts of the widget (the result, the comparison table, the
//! tree map) are built as `Markup` by plain functions and turned into DOM by one small
//! non-generic function in `ui::markup_dom`. Leptos builds a separate generic type for
//! every `view!` shape, which cost about 32 KB of brotli wasm for these parts; data costs
//! nothing per shape. Text is always text: nothing here is ever parsed as HTML.
//!
//! Buttons inside markup carry an `Action` (`Element::action`); the view handles them with
//! one delegated listener per container.

use crate::present::action::Action;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Markup {
    Element(Element),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub tag: &'static str,
    /// Created in the SVG namespace.
    pub svg: bool,
    pub attributes: Vec<(&'static str, String)>,
    pub children: Vec<Markup>,
}

/// An HTML element. Never inlined: the views call it a few hundred times, and each inlined
/// copy of the empty element costs more wasm than the call.
#[inline(never)]
pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        svg: false,
        attributes: Vec::new(),
        children: Vec::new(),
    }
}

/// An SVG element (never inlined, as `el`).
#[inline(never)]
pub fn svg(tag: &'static str) -> Element {
    Element {
        tag,
        svg: true,
        attributes: Vec::new(),
        children: Vec::new(),
    }
}

impl Element {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Element {
        self.attributes.push((name, value.into()));
        self
    }

    /// Makes this element carry `action` (see `present::action`).
    pub fn action(mut self, action: Action) -> Element {
        action.encode(&mut self.attributes);
        self
    }

    pub fn class(self, value: &'static str) -> Element {
        self.attr("class", value)
    }

    pub fn child(mut self, child: impl Into<Markup>) -> Element {
        self.children.push(child.into());
        self
    }

    pub fn text(self, text: impl Into<String>) -> Element {
        self.child(Markup::Text(text.into()))
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Markup>) -> Element {
        self.children.extend(children);
        self
    }

    /// The first value of attribute `name`, if present.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(attribute, _)| *attribute == name)
            .map(|(_, value)| value.as_str())
    }
}

impl From<Element> for Markup {
    /// Never inlined, as `el`: the views convert elements at a few hundred places.
    #[inline(never)]
    fn from(element: Element) -> Markup {
        Markup::Element(element)
    }
}

impl From<&str> for Markup {
    fn from(text: &str) -> Markup {
        Markup::Text(text.to_owned())
    }
}

impl From<String> for Markup {
    fn from(text: String) -> Markup {
        Markup::Text(text)
    }
}

impl Markup {
    /// All text inside, concatenated: what a reader would read.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Markup::Text(text) => out.push_str(text),
            Markup::Element(element) => {
                for child in &element.children {
                    child.collect_text(out);
                }
            }
        }
    }

    /// Every element inside (this one included) for which `keep` holds, in document order.
    pub fn find_all<'a>(&'a self, keep: &dyn Fn(&Element) -> bool) -> Vec<&'a Element> {
        let mut found = Vec::new();
        self.visit(&mut |element| {
            if keep(element) {
                found.push(element);
            }
        });
        found
    }

    fn visit<'a>(&'a self, visitor: &mut dyn FnMut(&'a Element)) {
        if let Markup::Element(element) = self {
            visitor(element);
            for child in &element.children {
                child.visit(visitor);
            }
        }
    }
}

/// Elements with `data-testid` equal to `test_id`.
pub fn by_test_id<'a>(markup: &'a Markup, test_id: &str) -> Vec<&'a Element> {
    markup.find_all(&|element| element.attribute("data-testid") == Some(test_id))
}

/// Elements HTML writes without a closing tag.
const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link"];

/// `markup` as HTML text, every text and attribute value escaped: what the build writes
/// into the pages so the first question shows before the wasm runs (`src/bin/prerender.rs`).
/// A browser parses it into the same DOM that `ui::markup_dom` builds from the same markup.
pub fn to_html(markup: &[Markup]) -> String {
    let mut out = String::new();
    for node in markup {
        write_html(node, &mut out);
    }
    out
}

fn write_html(markup: &Markup, out: &mut String) {
    match markup {
        Markup::Text(text) => escape(text, false, out),
        Markup::Element(element) => {
            out.push('<');
            out.push_str(element.tag);
            for (name, value) in &element.attributes {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape(value, true, out);
                out.push('"');
            }
            out.push('>');
            if VOID.contains(&element.tag) && !element.svg {
                return;
            }
            for child in &element.children {
                write_html(child, out);
            }
            out.push_str("</");
            out.push_str(element.tag);
            out.push('>');
        }
    }
}

fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
