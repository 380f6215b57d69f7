//! Architecture: the core's modules form no import cycle, and no module imports from a layer
//! above its own. Reads `src/` as text (std only): a small lexer drops comments and string
//! literals, every `crate::`/`super::`/`self::` path is resolved to the module that defines the
//! item (following `use` re-exports), and the resulting module graph is checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Layers, lowest first: (module path prefix, rank). The longest matching prefix wins. A module
/// may depend on its own layer and the ones below, never on a higher one.
const LAYERS: &[(&str, u8)] = &[
    // 0 shared types: plain values every layer passes around, so they may depend on nothing.
    ("error", 0), ("ids", 0), ("money", 0), ("text", 0), ("time", 0), ("lang", 0),
    // 1 storage: the workspace file itself (encryption, backups, synced folders), below any SQL.
    ("workspace", 1),
    // 2 domain models and pure rules: testable without a database, so no SQL here.
    ("cadence", 2), ("dispatch", 2), ("sla", 2), ("metrics", 2), ("impact", 2), ("proposal::model", 2), ("import::fields", 2),
    // 3 SQL: the only place that knows the schema.
    ("repo", 3),
    // 4 engines over the repository: compose repo calls into evidence, proposals, imports, exports.
    ("evidence", 4), ("proposal", 4), ("import", 4), ("export", 4),
    // 5 services: the only public door, so nothing below may call back into it.
    ("service", 5),
    // 6 demo: seeds a workspace, through the services where a user would act, straight into the
    // repositories for its bulk rows (stores, classes, rules, incidents).
    ("demo", 6),
    // 6 test support (feature `test-support`): rows written as the importer writes them.
    ("testing", 6),
];

type Token = (String, usize);

/// What a module's top level names, to follow re-exports through it.
#[derive(Default)]
struct Scope {
    /// Name bound by a `use` -> the absolute path it points at (None: outside the crate).
    imports: BTreeMap<String, Option<Vec<String>>>,
    /// Modules glob-imported with `use a::*`.
    globs: Vec<Vec<String>>,
    /// Items defined here (`struct`, `fn`, ...), which a glob import does not shadow.
    items: BTreeSet<String>,
}

struct Graph {
    modules: BTreeSet<String>,
    /// (from, to) -> `src/file.rs:line` of the first reference that makes the edge.
    edges: BTreeMap<(String, String), String>,
}

/// `lib.rs` -> "", `a.rs` and `a/mod.rs` -> "a", `a/b.rs` -> "a::b".
fn module_of(file: &str) -> String {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    if stem == "lib" { String::new() } else { stem.replace('/', "::") }
}

/// `m` is `ancestor` or inside it; the root contains everything.
fn is_within(m: &str, ancestor: &str) -> bool {
    ancestor.is_empty() || m == ancestor || m.starts_with(&format!("{ancestor}::"))
}

/// Blanks comments, strings and char literals (newlines kept, so line numbers hold): a path
/// quoted in a message or a doc comment is not an import.
pub(crate) fn strip_comments_and_strings(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let (mut out, mut i) = (String::with_capacity(src.len()), 0);
    while i < c.len() {
        let end = literal_end(&c, i);
        if end == i {
            out.push(c[i]);
            i += 1;
        } else {
            out.extend(c[i..end].iter().map(|&ch| if ch == '\n' { '\n' } else { ' ' }));
            i = end;
        }
    }
    out
}

/// Where the comment or literal starting at `i` ends, or `i` when none starts there.
fn literal_end(c: &[char], i: usize) -> usize {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let ident = |k: Option<usize>| k.is_some_and(|k| c[k].is_alphanumeric() || c[k] == '_');
    match (at(i), at(i + 1)) {
        ('/', '/') => (i..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len()),
        ('/', '*') => (i + 3..c.len()).find(|&k| c[k - 1] == '*' && c[k] == '/').map_or(c.len(), |k| k + 1),
        ('"', _) => quoted_end(c, i + 1, '"'),
        ('\'', '\\') => quoted_end(c, i + 1, '\''),
        ('\'', _) if at(i + 2) == '\'' => i + 3, // 'x'; a lifetime ('a) has no closing quote
        ('r', '"' | '#') if !ident(i.checked_sub(1)) || (at(i - 1) == 'b' && !ident(i.checked_sub(2))) => {
            let hashes = c[i + 1..].iter().take_while(|&&ch| ch == '#').count();
            if at(i + 1 + hashes) != '"' { return i } // r#ident, not a raw string
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            (i + 2 + hashes..c.len()).find(|&k| c[k..].starts_with(&close)).map_or(c.len(), |k| k + close.len())
        }
        _ => i,
    }
}

fn quoted_end(c: &[char], mut k: usize, quote: char) -> usize {
    while k < c.len() {
        if c[k] == '\\' { k += 2 } else if c[k] == quote { return k + 1 } else { k += 1 }
    }
    c.len()
}

/// Identifiers, `::` and single punctuation characters, each with its 1-based line.
fn tokens(code: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let c: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < c.len() {
            let len = if c[i].is_alphanumeric() || c[i] == '_' {
                c[i..].iter().take_while(|ch| ch.is_alphanumeric() || **ch == '_').count()
            } else if c[i] == ':' && c.get(i + 1) == Some(&':') { 2 } else { 1 };
            if !c[i].is_whitespace() { out.push((c[i..i + len].iter().collect(), n + 1)) }
            i += len;
        }
    }
    out
}

/// Expands one use tree (`a::{b, c::d as e, f::*}`) into (full path, bound name, line) leaves.
fn use_tree(t: &[Token], i: &mut usize, mut prefix: Vec<String>, out: &mut Vec<(Vec<String>, String, usize)>) {
    let is = |k: usize, s: &str| t.get(k).is_some_and(|x| x.0 == s);
    while let Some((tok, line)) = t.get(*i) {
        *i += 1;
        match tok.as_str() {
            "::" => {}
            "{" => {
                while t.get(*i).is_some_and(|x| x.0 != "}") {
                    use_tree(t, i, prefix.clone(), out);
                    if is(*i, ",") { *i += 1 }
                }
                *i += 1;
                return;
            }
            _ if is(*i, "::") => prefix.push(tok.clone()),
            _ => {
                let mut name = tok.clone();
                prefix.push(tok.clone());
                if is(*i, "as") { name = t.get(*i + 1).map_or(name, |x| x.0.clone()); *i += 2 }
                if prefix.len() > 1 && prefix.last().map(String::as_str) == Some("self") {
                    prefix.pop(); // `a::{self}` names the module `a` itself
                    if name == "self" { name = prefix.last().cloned().unwrap_or_default() }
                }
                out.push((prefix, name, *line));
                return;
            }
        }
    }
}

/// `path` from the crate root, or None when it leaves the crate. A bare first segment (only
/// meaningful in `use`) counts when it names a child module, as in `pub use fields::Field;`.
fn absolute(module: &str, path: &[String], modules: &BTreeSet<String>) -> Option<Vec<String>> {
    let mut base: Vec<String> = module.split("::").filter(|s| !s.is_empty()).map(String::from).collect();
    let mut rest = path;
    match path.first()?.as_str() {
        "crate" => { base.clear(); rest = &path[1..] }
        "self" => rest = &path[1..],
        "super" => while rest.first().is_some_and(|s| s == "super") { base.pop()?; rest = &rest[1..] },
        first if !modules.contains(&[base.clone(), vec![first.to_string()]].concat().join("::")) => return None,
        _ => {}
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The references a file makes (absolute path, line) and what its top level names.
fn parse_file(module: &str, src: &str, modules: &BTreeSet<String>) -> (Vec<(Vec<String>, usize)>, Scope) {
    let code = strip_comments_and_strings(src);
    // Unit tests may reach anywhere: everything from the first #[cfg(test)] on is ignored.
    let code: Vec<&str> = code.lines().take_while(|l| !l.trim_start().starts_with("#[cfg(test)]")).collect();
    let t = tokens(&code.join("\n"));
    let is = |k: usize, s: &str| t.get(k).is_some_and(|x| x.0 == s);
    let is_ident = |k: usize| t.get(k).is_some_and(|x| x.0.chars().all(|c| c.is_alphanumeric() || c == '_'));
    let (mut refs, mut scope, mut depth, mut i) = (Vec::new(), Scope::default(), 0, 0);
    while i < t.len() {
        match t[i].0.as_str() {
            "{" => depth += 1,
            "}" => depth -= 1,
            "use" => {
                let mut leaves = Vec::new();
                i += 1;
                use_tree(&t, &mut i, Vec::new(), &mut leaves);
                for (path, name, line) in leaves {
                    let abs = absolute(module, &path, modules);
                    refs.extend(abs.clone().map(|a| (a, line)));
                    if depth > 0 { continue } // a function's own imports are no names of its module
                    match (name.as_str(), abs) {
                        ("*", Some(glob)) => scope.globs.push(glob[..glob.len() - 1].to_vec()),
                        ("*", None) => {}
                        (_, abs) => { scope.imports.insert(name, abs); }
                    }
                }
                continue;
            }
            // An inline path such as `crate::repo::settings::time_zone(..)` (`a::crate` is no start).
            "crate" | "super" | "self" if is(i + 1, "::") && !(i > 0 && is(i - 1, "::")) => {
                let (line, mut path) = (t[i].1, vec![t[i].0.clone()]);
                while is(i + 1, "::") && is_ident(i + 2) {
                    path.push(t[i + 2].0.clone());
                    i += 2;
                }
                refs.extend(absolute(module, &path, modules).map(|a| (a, line)));
            }
            "struct" | "enum" | "union" | "trait" | "type" | "fn" | "const" | "static" if depth == 0 && is_ident(i + 1) => {
                scope.items.insert(t[i + 1].0.clone());
            }
            _ => {}
        }
        i += 1;
    }
    (refs, scope)
}

/// The module that defines what `path` names: its longest module prefix, unless the next
/// segment is a name that module imports (a re-export, maybe through a glob), which is followed.
fn defining_module(path: &[String], modules: &BTreeSet<String>, scopes: &BTreeMap<String, Scope>, hops: u32) -> Option<String> {
    let k = (0..=path.len()).rev().find(|&k| modules.contains(&path[..k].join("::")))?;
    let module = path[..k].join("::");
    let (Some(name), Some(scope)) = (path.get(k), scopes.get(&module)) else { return Some(module) };
    let names = |m: &Vec<String>| scopes.get(&m.join("::")).is_some_and(|s| s.items.contains(name) || s.imports.contains_key(name));
    let target = match scope.imports.get(name) {
        Some(target) => target.clone()?,
        None if scope.items.contains(name) => return Some(module),
        None => match scope.globs.iter().find(|g| names(g)) {
            Some(glob) => [glob.clone(), vec![name.clone()]].concat(),
            None => return Some(module), // defined by a macro, say
        },
    };
    if hops > 16 { return Some(module) }
    let followed: Vec<String> = target.iter().chain(&path[k + 1..]).cloned().collect();
    defining_module(&followed, modules, scopes, hops + 1)
}

/// The module graph of a crate given as (path under src/, source text) pairs.
fn build_graph(files: &[(String, String)]) -> Graph {
    let modules: BTreeSet<String> = files.iter().map(|(f, _)| module_of(f)).collect();
    let mut scopes = BTreeMap::new();
    let mut all_refs = Vec::new();
    for (file, src) in files {
        let module = module_of(file);
        let (refs, scope) = parse_file(&module, src, &modules);
        scopes.insert(module.clone(), scope);
        all_refs.extend(refs.into_iter().map(|(path, line)| (module.clone(), path, format!("src/{file}:{line}"))));
    }
    let mut edges = BTreeMap::new();
    for (from, path, at) in all_refs {
        let Some(to) = defining_module(&path, &modules, &scopes, 0) else { continue };
        // A parent declaring its children, or a child using its parent's items, is plain Rust.
        if !is_within(&from, &to) && !is_within(&to, &from) {
            edges.entry((from, to)).or_insert(at);
        }
    }
    Graph { modules, edges }
}

fn reachable<'a>(g: &'a Graph, from: &str) -> BTreeSet<&'a str> {
    let (mut seen, mut todo) = (BTreeSet::new(), vec![from.to_string()]);
    while let Some(m) = todo.pop() {
        for ((a, b), _) in g.edges.range((m.clone(), String::new())..) {
            if *a != m { break }
            if seen.insert(b.as_str()) { todo.push(b.clone()) }
        }
    }
    seen
}

/// One paragraph per strongly connected component (modules that import one another in a
/// ring), listing its edges with the reference behind each; empty when there is no cycle.
fn cycle_report(g: &Graph) -> String {
    let reach: BTreeMap<&str, BTreeSet<&str>> = g.modules.iter().map(|m| (m.as_str(), reachable(g, m))).collect();
    let components: BTreeSet<BTreeSet<&str>> = reach.iter()
        .map(|(m, r)| r.iter().copied().filter(|n| reach[n].contains(m)).collect::<BTreeSet<&str>>())
        .filter(|c| c.len() > 1)
        .collect();
    let mut out = String::new();
    for c in components {
        out += &format!("import cycle among {}:\n", c.iter().copied().collect::<Vec<_>>().join(", "));
        for ((a, b), at) in g.edges.iter().filter(|((a, b), _)| c.contains(a.as_str()) && c.contains(b.as_str())) {
            out += &format!("    {a} -> {b}    ({at})\n");
        }
    }
    out
}

fn rank(module: &str, layers: &[(&str, u8)]) -> Option<u8> {
    layers.iter().filter(|(p, _)| is_within(module, p)).max_by_key(|(p, _)| p.len()).map(|&(_, r)| r)
}

/// Modules missing from the layer table, then every edge that runs from a lower layer up.
fn layer_violations(g: &Graph, layers: &[(&str, u8)]) -> Vec<String> {
    let unplaced = g.modules.iter().filter(|m| !m.is_empty() && rank(m, layers).is_none())
        .map(|m| format!("module `{m}` is in no layer: place it in LAYERS (tests/it/architecture.rs)"));
    let upward = g.edges.iter().filter_map(|((a, b), at)| match (rank(a, layers), rank(b, layers)) {
        (Some(ra), Some(rb)) if ra < rb => Some(format!("{a} (layer {ra}) -> {b} (layer {rb})    ({at})")),
        _ => None,
    });
    unplaced.chain(upward).collect()
}

fn crate_sources() -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("read src/") {
            let p = entry.expect("read src/").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).expect("read source")));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    assert!(out.iter().any(|(f, _)| f == "lib.rs"), "no src/lib.rs under {}", root.display());
    out
}

#[test]
fn core_modules_form_no_cycle() {
    let report = cycle_report(&build_graph(&crate_sources()));
    assert!(report.is_empty(), "the core's modules import one another in a ring; cut one edge of each:\n{report}");
}

#[test]
fn no_module_reaches_up_the_layers() {
    let found = layer_violations(&build_graph(&crate_sources()), LAYERS);
    assert!(found.is_empty(), "layering broken (a layer may use only itself and the layers below):\n{}", found.join("\n"));
}

#[test]
fn checker_finds_a_planted_cycle_and_an_upward_import() {
    let files: Vec<(String, String)> = [
        ("lib.rs", "pub mod low;\npub mod high;\npub use high::gadget::Widget; // crate::Widget is high::gadget's\n"),
        ("low/mod.rs", "pub mod deep;\npub use deep::*;\n"),
        // The group reaches high::gadget only through the root's re-export.
        ("low/deep.rs", "use crate::{Widget as W, high::{other}};\npub fn helper() {}\n"),
        // A parent and its child using each other is no ring.
        ("high/mod.rs", "pub mod gadget;\npub mod other;\npub use gadget::Widget as Gadget;\npub struct Hub;\nfn g() { super::low::helper() }\n"),
        ("high/gadget.rs", "use super::Hub;\nfn f() { super::super::low::deep::helper(); }\npub struct Widget;\n"),
        // Quoted, commented and test-only paths must not count: each would close a second ring.
        ("high/other.rs", "const Q: char = '\"';\nconst S: &str = \"crate::low::deep\";\nconst R: &str = r#\"crate::low::deep\"#;\n/// crate::low::deep\nfn x<'a>(_: &'a str) {}\n#[cfg(test)]\nmod tests { use crate::low::deep; }\n"),
    ].iter().map(|(f, s)| (f.to_string(), s.to_string())).collect();
    let g = build_graph(&files);

    let report = cycle_report(&g);
    assert!(report.starts_with("import cycle among high::gadget, low::deep:\n"), "{report}");
    assert!(report.contains("high::gadget -> low::deep    (src/high/gadget.rs:2)"), "{report}");
    assert!(report.contains("low::deep -> high::gadget    (src/low/deep.rs:1)"), "{report}");
    assert_eq!(report.matches("import cycle").count(), 1, "{report}");
    assert!(!g.edges.contains_key(&("high::other".into(), "low::deep".into())), "a quoted or test-only path counted");
    assert!(g.edges.contains_key(&("high".into(), "low::deep".into())), "the glob re-export was not followed");

    let found = layer_violations(&g, &[("low", 0), ("high", 1)]);
    assert_eq!(found, [
        "low::deep (layer 0) -> high::gadget (layer 1)    (src/low/deep.rs:1)",
        "low::deep (layer 0) -> high::other (layer 1)    (src/low/deep.rs:1)",
    ]);
    assert!(layer_violations(&g, &[("low", 0)])[0].starts_with("module `high` is in no layer"));
}
