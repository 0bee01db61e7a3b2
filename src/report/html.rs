//! `--format html`: one self-contained review page (no network, no external
//! fonts or scripts). Sources side by side, every claim highlighted in place
//! by verdict (colour *and* icon and underline style), a findings panel with
//! conflicts first, filters, and keyboard navigation (j/k).
//!
//! Everything is rendered here, server side, and every piece of source text
//! goes through [`escape`]: a source containing `<script>` shows it as text.
//! The small script at the end only moves classes and scroll positions.

use super::{Outcome, Printer};
use crate::judge::Verdict;
use crate::judge::{Checked, Finding};
use crate::rules::Kind;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Html;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "✖",
        Verdict::Variant => "≈",
        Verdict::Agree => "✓",
        Verdict::Unmatched => "○",
    }
}

/// The order findings are listed in: conflicts first.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Conflict => 0,
        Verdict::Variant => 1,
        Verdict::Agree => 2,
        Verdict::Unmatched => 3,
    }
}

/// Marks for one source: (start, end, finding index), non-overlapping and
/// sorted. Claims are painted in verdict order, so a conflict is never hidden
/// under an agreement; a later claim keeps only the bytes still free.
fn marks(run: &Checked, source: usize) -> Vec<(usize, usize, usize)> {
    let mut claims: Vec<(u8, usize, usize, usize)> = Vec::new();
    for (fi, f) in run.analysis.findings.iter().enumerate() {
        for c in f.claims.iter().filter(|c| c.source as usize == source) {
            claims.push((rank(f.verdict), c.start as usize, c.end as usize, fi));
        }
    }
    claims.sort();
    // Painted so far: start -> end, disjoint. A claim looks only at the
    // stretches that overlap it, so painting stays O(n log n) however many
    // claims a source has.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut out = Vec::new();
    for (_, start, end, fi) in claims {
        let before = taken.range(..=start).next_back().map(|(&s, &e)| (s, e));
        let overlapping: Vec<(usize, usize)> = before
            .into_iter()
            .chain(taken.range(start + 1..end).map(|(&s, &e)| (s, e)))
            .collect();
        let mut at = start;
        let mut free = Vec::new();
        for (ts, te) in overlapping {
            if ts > at {
                free.push((at, ts.min(end)));
            }
            at = at.max(te);
        }
        if at < end {
            free.push((at, end));
        }
        for (s, e) in free.into_iter().filter(|(s, e)| s < e) {
            taken.insert(s, e);
            out.push((s, e, fi));
        }
    }
    out.sort();
    out
}

/// A source's body as paragraphs with its claims marked.
fn render_text(run: &Checked, source: usize, html: &mut String) {
    let src = &run.sources[source];
    let text = &src.text;
    let findings = &run.analysis.findings;
    let mut pos = src.body_start;
    // Each paragraph opens with the number of its first line.
    let open = |html: &mut String, at: usize| {
        let first = text[at..]
            .find(|c| c != '\n' && c != '\r')
            .map_or(at, |k| at + k);
        let _ = write!(
            html,
            "<p><span class=\"ln\" aria-hidden=\"true\">{}</span>",
            src.line_col(first).0
        );
    };
    open(html, pos);
    let plain = |html: &mut String, from: usize, to: usize| {
        let mut at = from;
        loop {
            let rest = &text[at..to];
            let sep = ["\n\n", "\r\n\r\n", "\r\r"]
                .iter()
                .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
                .min();
            match sep {
                Some((i, len)) => {
                    html.push_str(&escape(&rest[..i]));
                    html.push_str("</p>\n");
                    at += i + len;
                    open(html, at);
                }
                None => {
                    html.push_str(&escape(rest));
                    break;
                }
            }
        }
    };
    for (s, e, fi) in marks(run, source) {
        if s < pos || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        plain(html, pos, s);
        let f = &findings[fi];
        let _ = write!(
            html,
            "<mark class=\"claim v-{v}\" data-f=\"{fi}\" title=\"{v}: {topic}\"><span class=\"ic\" aria-hidden=\"true\">{icon}</span>{t}</mark>",
            v = f.verdict.as_str(),
            topic = escape(&f.topic),
            icon = icon(f.verdict),
            t = escape(&text[s..e])
        );
        pos = e;
    }
    plain(html, pos, text.len());
    html.push_str("</p>");
}

/// A word diff ("Friends of {+the+} Liberty", "[-Farms-] {+Farm+}") as
/// styled insertions and deletions.
fn diff_html(d: &str) -> String {
    let words: Vec<String> = d
        .split(' ')
        .map(|w| {
            if let Some(x) = w.strip_prefix("{+").and_then(|w| w.strip_suffix("+}")) {
                format!("<ins>{}</ins>", escape(x))
            } else if let Some(x) = w.strip_prefix("[-").and_then(|w| w.strip_suffix("-]")) {
                format!("<del>{}</del>", escape(x))
            } else {
                escape(w)
            }
        })
        .collect();
    format!("<span class=\"wd\">{}</span>", words.join(" "))
}

/// The anchor of a finding: stable across runs (its fingerprint), unique in
/// the page (its run).
fn anchor(ri: usize, f: &Finding) -> String {
    format!("finding-{ri}-{}", f.fingerprint.replace(':', "-"))
}

fn finding_item(ri: usize, run: &Checked, fi: usize, f: &Finding, html: &mut String) {
    let values: Vec<String> = f
        .claims
        .iter()
        .map(|c| {
            format!(
                "<li><span class=\"src\">{}</span> “{}” <span class=\"val\">{}</span></li>",
                escape(&run.sources[c.source as usize].path),
                escape(&c.text),
                escape(&c.display)
            )
        })
        .collect();
    let diff = f
        .diff
        .as_ref()
        .map(|d| format!("<p class=\"diff\">word diff: {}</p>", diff_html(d)))
        .unwrap_or_default();
    let _ = writeln!(
        html,
        "<li class=\"item\" id=\"{id}\" data-verdict=\"{v}\" data-kind=\"{k}\"><a class=\"link\" href=\"#{id}\" aria-label=\"Link to this finding\">#</a><button type=\"button\" class=\"finding v-{v}\" data-f=\"{fi}\" aria-pressed=\"false\"><span class=\"badge\"><span aria-hidden=\"true\">{icon}</span> {v}</span> <span class=\"topic\">{topic}</span> <span class=\"rule\">{rule}</span><span class=\"msg\">{msg}</span><ul class=\"values\">{values}</ul>{diff}</button></li>",
        id = anchor(ri, f),
        v = f.verdict.as_str(),
        k = f.kind.as_str(),
        icon = icon(f.verdict),
        topic = escape(&f.topic),
        rule = escape(&f.rule),
        msg = escape(&f.message),
        values = values.join("")
    );
}

fn render_run(ri: usize, run: &Checked, html: &mut String) {
    let s = &run.analysis.summary;
    let _ = writeln!(
        html,
        "<section class=\"review\" data-run=\"{ri}\" aria-label=\"{}\">",
        escape(run.group.as_deref().unwrap_or("review"))
    );
    if let Some(g) = &run.group {
        let _ = writeln!(html, "<h2 class=\"group\">Group {}</h2>", escape(g));
    }
    // Summary: counts per verdict and a bar chart of them.
    let total = (s.agree + s.variant + s.conflict + s.unmatched).max(1);
    html.push_str("<div class=\"summary\"><ul class=\"counts\">");
    for (v, n) in [
        (Verdict::Conflict, s.conflict),
        (Verdict::Variant, s.variant),
        (Verdict::Agree, s.agree),
        (Verdict::Unmatched, s.unmatched),
    ] {
        let _ = write!(
            html,
            "<li class=\"v-{v}\"><span aria-hidden=\"true\">{icon}</span> <strong>{n}</strong> {v}<span class=\"bar\" style=\"width:{w:.1}%\"></span></li>",
            v = v.as_str(),
            icon = icon(v),
            w = 100.0 * n as f64 / total as f64
        );
    }
    html.push_str("</ul></div>\n");
    // Findings panel.
    html.push_str("<div class=\"body\"><aside class=\"panel\" aria-label=\"Findings\"><form class=\"filters\"><fieldset><legend>Verdict</legend>");
    for v in ["conflict", "variant", "agree", "unmatched"] {
        let checked = if v == "unmatched" { "" } else { " checked" };
        let _ = write!(
            html,
            "<label><input type=\"checkbox\" name=\"verdict\" value=\"{v}\"{checked}> {v}</label>"
        );
    }
    html.push_str("</fieldset><fieldset><legend>Kind</legend>");
    for k in Kind::ALL.map(Kind::as_str) {
        let _ = write!(
            html,
            "<label><input type=\"checkbox\" name=\"kind\" value=\"{k}\" checked> {k}</label>"
        );
    }
    html.push_str("</fieldset></form><p class=\"keys\">Keys: <kbd>j</kbd> next, <kbd>k</kbd> previous finding.</p><ol class=\"findings\">\n");
    let mut order: Vec<usize> = (0..run.analysis.findings.len()).collect();
    order.sort_by_key(|&i| (rank(run.analysis.findings[i].verdict), i));
    for fi in order {
        finding_item(ri, run, fi, &run.analysis.findings[fi], html);
    }
    html.push_str("</ol></aside>\n<div class=\"sources\">");
    if run.sources.len() > 2 {
        html.push_str("<div class=\"pick\">Compare ");
        for side in ["left", "right"] {
            let _ = write!(html, "<label>{side} <select data-side=\"{side}\">");
            for (i, src) in run.sources.iter().enumerate() {
                let sel = if (side == "left" && i == 0) || (side == "right" && i == 1) {
                    " selected"
                } else {
                    ""
                };
                let _ = write!(
                    html,
                    "<option value=\"{i}\"{sel}>{}</option>",
                    escape(&src.path)
                );
            }
            html.push_str("</select></label> ");
        }
        html.push_str("</div>");
    }
    html.push_str("<div class=\"columns\">");
    for (i, src) in run.sources.iter().enumerate() {
        let hidden = if i >= 2 { " hidden" } else { "" };
        // Headings go down one level at a time: h2 under the page, h3 under a group's h2.
        let h = if run.group.is_some() { "h3" } else { "h2" };
        let title = src.meta.title.clone().unwrap_or_else(|| src.path.clone());
        let published = src
            .meta
            .published
            .map(|d| format!(" · published {d}"))
            .unwrap_or_default();
        let _ = write!(
            html,
            "<article class=\"column\" data-source=\"{i}\"{hidden}><header><{h} class=\"title\">{}</{h}><p class=\"meta\">{}{}</p></header><div class=\"text\" tabindex=\"0\" aria-label=\"Text of {}\">",
            escape(&title),
            escape(&src.path),
            escape(&published),
            escape(&src.path)
        );
        render_text(run, i, html);
        html.push_str("</div></article>");
    }
    html.push_str("</div></div></div></section>\n");
}

const STYLE: &str = r#"
:root { --conflict:#b3261e; --variant:#8a5a00; --agree:#1e6b35; --unmatched:#5f6368; font-family: system-ui, sans-serif; }
body { margin:0; color:#1b1b1b; background:#fafafa; }
body > header { padding:.5rem 1rem; background:#fff; border-bottom:1px solid #ddd; }
h1 { font-size:1.2rem; margin:.2rem 0; }
.legend { margin:0; padding:0; list-style:none; display:flex; gap:1rem; font-size:.9rem; }
.summary .counts { list-style:none; margin:.3rem 1rem; padding:0; display:flex; gap:1.5rem; }
.summary li { min-width:8rem; }
.summary .bar { display:block; height:.5rem; background:currentColor; border-radius:2px; margin-top:.2rem; min-width:2px; }
.v-conflict { color:var(--conflict); } .v-variant { color:var(--variant); } .v-agree { color:var(--agree); } .v-unmatched { color:var(--unmatched); }
.body { display:flex; height:calc(100vh - 9rem); }
.panel { width:24rem; overflow:auto; border-right:1px solid #ddd; padding:.5rem; background:#fff; flex:none; }
.filters fieldset { border:1px solid #ddd; margin:0 0 .4rem; font-size:.85rem; }
.findings { list-style:none; margin:0; padding:0; }
.item[hidden] { display:none; }
.finding { display:block; width:100%; text-align:left; background:#fff; border:1px solid #ddd; border-left:6px solid currentColor; border-radius:4px; margin:.3rem 0; padding:.4rem; font:inherit; cursor:pointer; color:#1b1b1b; }
.finding .badge { font-weight:700; text-transform:uppercase; font-size:.75rem; }
.finding.v-conflict .badge { color:var(--conflict); } .finding.v-variant .badge { color:var(--variant); } .finding.v-agree .badge { color:var(--agree); } .finding.v-unmatched .badge { color:var(--unmatched); }
.finding.v-conflict { border-left-color:var(--conflict); } .finding.v-variant { border-left-color:var(--variant); } .finding.v-agree { border-left-color:var(--agree); } .finding.v-unmatched { border-left-color:var(--unmatched); }
.finding .topic { font-weight:600; } .finding .rule { float:right; font-size:.75rem; color:#555; font-family:monospace; }
.finding .msg { display:block; font-size:.85rem; margin:.2rem 0; }
.finding .values { margin:0; padding-left:1rem; font-size:.8rem; } .finding .src { color:#555; }
.finding.selected, .finding:focus-visible { outline:3px solid #1a55c4; outline-offset:1px; }
.sources { flex:1; display:flex; flex-direction:column; min-width:0; }
.pick { padding:.3rem .5rem; font-size:.9rem; }
.columns { flex:1; display:flex; min-height:0; }
.column { flex:1; display:flex; flex-direction:column; min-width:0; border-right:1px solid #ddd; }
.column[hidden] { display:none; }
.column header { padding:.3rem .8rem; background:#fff; border-bottom:1px solid #eee; }
.column .title { margin:0; font-size:1rem; } .column .meta { margin:0; font-size:.8rem; color:#555; }
.text { overflow:auto; padding:0 1rem 0 3.2rem; line-height:1.55; flex:1; overflow-wrap:anywhere; }
.text p { position:relative; }
.ln { position:absolute; left:-3rem; width:2.4rem; text-align:right; color:#6b6b6b; font:.75rem/1.9 monospace; user-select:none; }
.item { position:relative; } .link { position:absolute; right:.3rem; bottom:.4rem; font-size:.8rem; color:#1a55c4; }
.wd ins { background:#d7f5dd; color:#0f5323; text-decoration:none; } .wd del { background:#fde2e0; color:#8c1d18; }
.text p { margin:.6rem 0; }
mark.claim { background:transparent; color:inherit; cursor:pointer; border-radius:2px; text-decoration-thickness:2px; text-underline-offset:3px; text-decoration-line:underline; }
mark.claim .ic { font-size:.7em; vertical-align:super; margin-right:1px; }
mark.v-conflict { text-decoration-style:solid; text-decoration-color:var(--conflict); background:#fbe9e7; }
mark.v-variant { text-decoration-style:wavy; text-decoration-color:var(--variant); background:#fff4dc; }
mark.v-agree { text-decoration-style:dotted; text-decoration-color:var(--agree); background:#e8f5ec; }
mark.v-unmatched { text-decoration-style:dashed; text-decoration-color:var(--unmatched); }
mark.v-conflict .ic { color:var(--conflict); } mark.v-variant .ic { color:var(--variant); } mark.v-agree .ic { color:var(--agree); } mark.v-unmatched .ic { color:var(--unmatched); }
mark.muted { text-decoration:none; background:transparent; } mark.muted .ic { display:none; }
mark.selected { outline:3px solid #1a55c4; background:#dbe7ff; }
h2.group { margin:.5rem 1rem 0; font-size:1.05rem; }
"#;

const SCRIPT: &str = r#"
(function () {
  document.querySelectorAll('.review').forEach(function (root) {
    var items = Array.prototype.slice.call(root.querySelectorAll('button.finding'));
    function visible() { return items.filter(function (b) { return !b.parentElement.hidden; }); }
    function centre(container, el) {
      var c = container.getBoundingClientRect(), r = el.getBoundingClientRect();
      container.scrollTop += (r.top - c.top) - c.height / 2 + r.height / 2;
    }
    function select(f, from) {
      root.querySelectorAll('.selected').forEach(function (e) { e.classList.remove('selected'); });
      items.forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      var btn = root.querySelector('button.finding[data-f="' + f + '"]');
      if (btn) { btn.classList.add('selected'); btn.setAttribute('aria-pressed', 'true'); }
      root.querySelectorAll('mark[data-f="' + f + '"]').forEach(function (m) { m.classList.add('selected'); });
      root.querySelectorAll('.column').forEach(function (col) {
        if (col.hidden || (from && col.contains(from))) return;
        var m = col.querySelector('mark[data-f="' + f + '"]');
        if (m) centre(col.querySelector('.text'), m);
      });
      if (btn && from) centre(root.querySelector('.panel'), btn);
      root.dataset.selected = f;
    }
    items.forEach(function (b) { b.addEventListener('click', function () { select(b.dataset.f, null); }); });
    root.addEventListener('click', function (e) {
      var m = e.target.closest && e.target.closest('mark[data-f]');
      if (m) select(m.dataset.f, m);
    });
    var form = root.querySelector('.filters');
    function filter() {
      var on = {};
      form.querySelectorAll('input').forEach(function (i) { on[i.name + ':' + i.value] = i.checked; });
      items.forEach(function (b) {
        var li = b.parentElement;
        var show = on['verdict:' + li.dataset.verdict] && on['kind:' + li.dataset.kind];
        li.hidden = !show;
        root.querySelectorAll('mark[data-f="' + b.dataset.f + '"]').forEach(function (m) { m.classList.toggle('muted', !show); });
      });
    }
    form.addEventListener('change', filter);
    filter();
    root.querySelectorAll('.pick select').forEach(function (s) {
      s.addEventListener('change', function () {
        var pick = Array.prototype.map.call(root.querySelectorAll('.pick select'), function (x) { return x.value; });
        root.querySelectorAll('.column').forEach(function (col) { col.hidden = pick.indexOf(col.dataset.source) < 0; });
      });
    });
    // Open at the finding the address names, else at the first conflict
    // (the first variant, the first finding): never below the fold.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var start = target && root.contains(target) ? target.querySelector('button.finding')
      : (root.querySelector('button.finding.v-conflict') || root.querySelector('button.finding.v-variant'));
    if (start) { select(start.dataset.f, null); centre(root.querySelector('.panel'), start); }
    window.addEventListener('hashchange', function () {
      var t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (t && root.contains(t)) { var b = t.querySelector('button.finding'); select(b.dataset.f, null); }
    });
    root.step = function (d) {
      var v = visible(); if (!v.length) return;
      var i = v.findIndex(function (b) { return b.dataset.f === root.dataset.selected; });
      var next = v[Math.max(0, Math.min(v.length - 1, i < 0 ? 0 : i + d))];
      select(next.dataset.f, null); next.focus(); centre(root.querySelector('.panel'), next);
    };
  });
  document.addEventListener('keydown', function (e) {
    if (e.target.matches && e.target.matches('input, select, textarea')) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    var root = (document.activeElement && document.activeElement.closest && document.activeElement.closest('.review')) || document.querySelector('.review');
    if (root && root.step) { root.step(e.key === 'j' ? 1 : -1); e.preventDefault(); }
  });
})();
"#;

impl Printer for Html {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let mut html = String::new();
        html.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>concur review</title>\n<style>");
        html.push_str(STYLE);
        html.push_str("</style>\n</head>\n<body>\n<header><h1>concur review</h1><ul class=\"legend\" aria-label=\"Legend\">");
        for (v, style) in [
            (Verdict::Conflict, "solid underline"),
            (Verdict::Variant, "wavy underline"),
            (Verdict::Agree, "dotted underline"),
            (Verdict::Unmatched, "dashed underline"),
        ] {
            let _ = write!(
                html,
                "<li class=\"v-{v}\"><span aria-hidden=\"true\">{icon}</span> {v} ({style})</li>",
                v = v.as_str(),
                icon = icon(v)
            );
        }
        html.push_str("</ul></header>\n<main>\n");
        for (ri, run) in outcome.runs.iter().enumerate() {
            render_run(ri, run, &mut html);
        }
        html.push_str("</main>\n<script>");
        html.push_str(SCRIPT);
        html.push_str("</script>\n</body>\n</html>\n");
        out.write_all(html.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
