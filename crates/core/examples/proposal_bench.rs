//! Render speed of a ten-page proposal: DOCX and PDF (first render, then warm median of 10), and
//! LibreOffice converting our DOCX to PDF for comparison. Run in release:
//! `cargo run --release -p liaison-core --example proposal_bench`

use std::process::Command;
use std::time::{Duration, Instant};

use liaison_core::{demo, Lang};
use liaison_core::proposal::Subject;
use liaison_core::proposal::TemplateKind;
use liaison_core::service::{problems, projects};
use liaison_core::service::proposals::{self, DraftRequest, ProposalFormat};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let ws = liaison_core::Workspace::open(&dir.path().join("bench.liaison")).await.unwrap();
    demo::seed(&ws, Lang::ZhCn).await.unwrap();
    let problem_id = problems::list(&ws).await.unwrap().first().map(|p| p.id);
    let project_id = projects::list(&ws).await.unwrap().first().map(|p| p.id);
    let request = DraftRequest { kind: TemplateKind::Solution, language: Lang::ZhCn, template_id: None, subject: Subject { problem_id, project_id, week: None }, include_private: false, author: "林晓".into() };
    let draft = proposals::create(&ws, request, &chrono::Utc::now().date_naive().to_string()).await.unwrap();
    // PROPOSAL_BENCH_OUT=dir keeps one page-set of each format there, to look at.
    if let Some(out) = std::env::var_os("PROPOSAL_BENCH_OUT") {
        for format in [ProposalFormat::Pdf, ProposalFormat::Docx, ProposalFormat::Markdown] {
            let bytes = proposals::render(&draft.document, format, chrono::Utc::now()).unwrap();
            std::fs::write(std::path::Path::new(&out).join(format!("solution.{}", format.extension())), bytes).unwrap();
        }
    }
    // Repeat the solution's sections until the PDF has ten pages.
    let mut doc = draft.document.clone();
    let one = doc.sections.clone();
    let now = chrono::Utc::now();
    let t = Instant::now();
    proposals::render(&doc, ProposalFormat::Pdf, now).unwrap();
    let cold = t.elapsed();
    loop {
        let pdf = proposals::render(&doc, ProposalFormat::Pdf, now).unwrap();
        if count_pages(&pdf, dir.path()) >= 10 {
            break;
        }
        doc.sections.extend(one.iter().cloned());
    }
    let t = Instant::now();
    let pdf = proposals::render(&doc, ProposalFormat::Pdf, now).unwrap();
    let pdf_first = t.elapsed();
    println!("first PDF render of the process (engine and fonts loaded, one solution): {cold:?}");
    let time = |format| median((0..10).map(|_| { let t = Instant::now(); proposals::render(&doc, format, now).unwrap(); t.elapsed() }).collect());
    let pdf_warm = time(ProposalFormat::Pdf);
    let docx_warm = time(ProposalFormat::Docx);
    println!("pages: {}, PDF {} KB", count_pages(&pdf, dir.path()), pdf.len() / 1024);
    println!("PDF ten pages: first {pdf_first:?}; warm median of 10: {pdf_warm:?}");
    println!("DOCX warm median of 10: {docx_warm:?}");
    let docx = proposals::render(&doc, ProposalFormat::Docx, now).unwrap();
    let path = dir.path().join("bench.docx");
    std::fs::write(&path, docx).unwrap();
    let t = Instant::now();
    match Command::new("soffice").args(["--headless", "--convert-to", "pdf", "--outdir"]).arg(dir.path()).arg(&path).output() {
        Ok(out) if out.status.success() => {
            let lo = t.elapsed();
            println!("LibreOffice DOCX → PDF: {lo:?}; ratio to our PDF render: {:.0}×", lo.as_secs_f64() / pdf_warm.as_secs_f64());
        }
        _ => println!("LibreOffice (soffice) is not installed: no comparison"),
    }
}

/// Pages as poppler's pdfinfo counts them (typst packs page objects into compressed streams).
fn count_pages(pdf: &[u8], dir: &std::path::Path) -> usize {
    let path = dir.join("pages.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap_or(0)))
        .unwrap_or(0)
}
