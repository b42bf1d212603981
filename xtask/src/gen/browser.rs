//! What a browser makes of an XML file that a person then saves or copies: the page it
//! builds to show the tree ("Save as → Webpage, complete"), the same page as a well-formed
//! XHTML document, and the text of the window copied out of it. Synthetic equivalents of
//! files people carry by mistake (such as a `resp-opened-in-browser.htm`): only their shape
//! matters, never their content.

/// Chrome's, Edge's and Firefox's banner over a displayed XML tree.
pub const BANNER: &str = "This XML file does not appear to have any style information associated with it. The document tree is shown below.";

/// HTML-escapes text for a page.
fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text a browser shows for `xml`: its markup as written, its text nodes unescaped (an
/// escaped XrML document in a response shows as `<XrML …>`).
pub fn displayed(xml: &str) -> String {
    let body = xml
        .strip_prefix("<?xml")
        .and_then(|r| r.split_once("?>"))
        .map_or(xml, |(_, rest)| rest)
        .trim_start();
    body.replace("\r\n", "\n")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// One displayed line as the tree viewer marks it up: tags in `html-tag` spans, the rest as
/// text, every `<` escaped.
fn line_spans(line: &str) -> String {
    let indent = line.len() - line.trim_start().len();
    let mut out = "&nbsp;".repeat(indent);
    let mut rest = line.trim_start();
    while let Some(lt) = rest.find('<') {
        out.push_str(&html(&rest[..lt]));
        let end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e + 1);
        out.push_str(&format!(
            "<span class=\"html-tag\">{}</span>",
            html(&rest[lt..end])
        ));
        rest = &rest[end..];
    }
    out.push_str(&html(rest));
    out
}

/// "Save as → Webpage, complete" of the tree viewer: an HTML5 page (not well-formed XML:
/// `<meta>` and `<br>` are not closed, `&nbsp;` is not an XML entity) with the banner and
/// every displayed line in a `div`.
pub fn saved_webpage(xml: &str, title: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<!-- saved from url=(0038)file:///C:/Users/admin/Downloads/{title} -->\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"><title>{title}</title><link rel=\"stylesheet\" href=\"./{title}_files/xml-viewer.css\"></head><body><div class=\"header\"><span>{}</span><br></div><div class=\"pretty-print\">\n",
        html(BANNER)
    );
    for l in displayed(xml).lines() {
        out.push_str(&format!("<div class=\"line\">{}</div>\n", line_spans(l)));
    }
    out.push_str("</div></body></html>\n");
    out
}

/// The rendered view as a well-formed XHTML document: every displayed line as escaped text in
/// a `div`. A reader that unescapes text finds whole XrML documents in it.
pub fn rendered_xhtml(xml: &str, title: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{title}</title></head><body><div class=\"pretty-print\">\n"
    );
    for l in displayed(xml).lines() {
        out.push_str(&format!("<div class=\"line\">{}</div>\n", html(l)));
    }
    out.push_str("</div></body></html>\n");
    out
}

/// The tree viewer's window, selected and copied: the banner, then the displayed text.
pub fn copied_tree(xml: &str) -> String {
    format!("{BANNER}\n{}", displayed(xml))
}
