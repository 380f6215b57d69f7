//! Every template from the demo workspace in every format, read back: DOCX through docx-rs's
//! reader and its XML, PDF through pdftotext (poppler-utils), Markdown as text.

use crate::common;

use std::path::Path;
use std::process::Command;

use liaison_core::{demo, Lang};
use liaison_core::proposal::Subject;
use liaison_core::proposal::TemplateKind;
use liaison_core::service::{commitments, followup, milestones, problems, projects};
use liaison_core::service::proposals::{self, DraftRequest, ProposalFormat};
use liaison_core::Workspace;

const FORMATS: [ProposalFormat; 3] = [ProposalFormat::Markdown, ProposalFormat::Docx, ProposalFormat::Pdf];

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

async fn subject(ws: &Workspace, problem: &str) -> Subject {
    let problem_id = problems::list(ws).await.unwrap().into_iter().find(|p| p.input.title == problem).map(|p| p.id);
    let project_id = projects::list(ws).await.unwrap().first().map(|p| p.id);
    Subject { problem_id, project_id, week: None }
}

fn request(kind: TemplateKind, language: Lang, subject: Subject, include_private: bool) -> DraftRequest {
    DraftRequest { kind, language, template_id: None, subject, include_private, author: "林晓".into() }
}

/// What a reader of the exported file sees, as plain text.
fn read_back(format: ProposalFormat, bytes: &[u8], dir: &Path) -> String {
    match format {
        ProposalFormat::Markdown => String::from_utf8(bytes.to_vec()).unwrap(),
        ProposalFormat::Docx => {
            docx_rs::read_docx(bytes).expect("the DOCX reads back");
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            for part in ["word/document.xml", "word/footer1.xml", "docProps/core.xml"] {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut zip.by_name(part).unwrap_or_else(|_| panic!("{part}")), &mut text).unwrap();
                xml.push_str(&text);
            }
            xml
        }
        ProposalFormat::Pdf => {
            let path = dir.join("read-back.pdf");
            std::fs::write(&path, bytes).unwrap();
            let out = Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().expect("pdftotext (poppler-utils) is installed");
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        }
    }
}

/// pdftotext may break a long line anywhere; compare without white space.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[tokio::test]
async fn every_template_in_every_format_carries_the_figures() {
    for lang in [Lang::ZhCn, Lang::En] {
        let t = common::temp_workspace().await;
        demo::seed(&t.ws, lang).await.unwrap();
        let problem = if lang == Lang::ZhCn { "预约超载" } else { "Booking overload" };
        let s = subject(&t.ws, problem).await;
        for kind in TemplateKind::ALL {
            let draft = proposals::create(&t.ws, request(kind, lang, s.clone(), false), &today()).await.unwrap();
            for format in FORMATS {
                let bytes = proposals::render_draft(&t.ws, draft.id, format).await.unwrap();
                let text = squeeze(&read_back(format, &bytes, t.dir.path()));
                let title = squeeze(&draft.document.title);
                let expect: Vec<String> = match (kind, lang) {
                    (TemplateKind::Solution, Lang::ZhCn) => vec!["方案对比与建议".into(), "【待补充：方案】".into(), "POC".into(), "iOS团队".into()],
                    (TemplateKind::Solution, Lang::En) => vec!["Optionsandrecommendation".into(), "[tobecompleted:options]".into(), "POC".into()],
                    (TemplateKind::BusinessCase, Lang::ZhCn) => vec!["五级证据链".into(), "ROI".into(), "20万元".into(), "82".into()],
                    (TemplateKind::BusinessCase, Lang::En) => vec!["Five-levelevidencechain".into(), "ROI".into(), "¥200,000".into()],
                    (TemplateKind::Invitation, Lang::ZhCn) => vec!["共同负责人".into(), "陈立".into(), "成功共享，失败算我的".into()],
                    (TemplateKind::Invitation, Lang::En) => vec!["Co-owners".into(), "ChenLi".into(), "Successisshared".into()],
                    (TemplateKind::WeeklyReport, Lang::ZhCn) => vec!["2小时降到45分钟".into(), "用户画像数据".into(), "iOS团队".into(), "郑航".into()],
                    (TemplateKind::WeeklyReport, Lang::En) => vec!["from2hto45min".into(), "user-profiledata".into(), "ZhengHang".into()],
                    (TemplateKind::LaunchThanks, Lang::ZhCn) => vec!["特别感谢".into(), "郑航和刘洋".into()],
                    (TemplateKind::LaunchThanks, Lang::En) => vec!["Specialthanks".into(), "ZhengHangandLiuYang".into()],
                    (TemplateKind::MeetingRecap, Lang::ZhCn) => vec!["下一步".into(), "会议纪要".into()],
                    (TemplateKind::MeetingRecap, Lang::En) => vec!["Nextsteps".into(), "Meetingrecap".into()],
                };
                let plain = if format == ProposalFormat::Markdown { text.replace('\\', "") } else { text.clone() };
                for e in expect.iter().chain([&title]) {
                    let e = if format == ProposalFormat::Markdown { e.clone() } else { e.replace('\\', "") };
                    assert!(plain.contains(&e), "{kind:?} {lang:?} {format:?}: missing {e}\n{plain}");
                }
            }
        }
    }
}

#[tokio::test]
async fn private_notes_stay_out_unless_asked() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let s = subject(&t.ws, "预约超载").await;
    // The product VP's pressure note from S1 and the favour we offered.
    let secrets = ["日活增长停滞", "10万条"];
    for kind in [TemplateKind::Invitation, TemplateKind::Solution] {
        let public = proposals::create(&t.ws, request(kind, Lang::ZhCn, s.clone(), false), &today()).await.unwrap();
        let private = proposals::create(&t.ws, request(kind, Lang::ZhCn, s.clone(), true), &today()).await.unwrap();
        for format in FORMATS {
            let out = squeeze(&read_back(format, &proposals::render(&public.document, format, chrono::Utc::now()).unwrap(), t.dir.path()));
            for secret in secrets {
                assert!(!out.contains(secret), "{kind:?} {format:?} leaked {secret}");
            }
            assert!(!out.contains("立场") && !out.contains("倡导者"), "{kind:?} {format:?} leaked a stance");
            let out = squeeze(&read_back(format, &proposals::render(&private.document, format, chrono::Utc::now()).unwrap(), t.dir.path()));
            assert!(out.contains("日活增长停滞"), "{kind:?} {format:?}: asked for, so included");
        }
    }
}

const PAYLOADS: [&str; 5] = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "#set page(paper: \"a0\") *粗* _斜_ $x^2$ [链接](http://evil) `code` \\ ]",
    "</w:t></w:r><w:r><w:t>注入",
    "{{problem.title}} | 表格 | # 标题",
];

#[tokio::test]
async fn user_text_prints_as_text_in_every_format() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let s = subject(&t.ws, "预约超载").await;
    let payload = PAYLOADS.join(" ~ ");
    let pid = s.problem_id.unwrap();
    let mut p = problems::get(&t.ws, pid).await.unwrap().input;
    p.title = format!("标题 {payload}");
    p.symptoms = payload.clone();
    p.fix = payload.clone();
    p.workaround = payload.clone();
    p.five_whys = vec![payload.clone()];
    problems::update(&t.ws, pid, p).await.unwrap();
    let project = projects::get(&t.ws, s.project_id.unwrap()).await.unwrap();
    let mut input = project.input.clone();
    input.goal = payload.clone();
    input.benefits = payload.clone();
    projects::update(&t.ws, project.id, input).await.unwrap();
    let mut report = followup::weekly_reports(&t.ws, project.id).await.unwrap().remove(0);
    report.progress = payload.clone();
    report.credits = payload.clone();
    followup::save_weekly_report(&t.ws, project.id, &report).await.unwrap();
    // Names in tables: a phase, a commitment, a person on the project.
    let short = PAYLOADS[1];
    let phase = milestones::of_project(&t.ws, project.id).await.unwrap().remove(0);
    let m = liaison_core::service::milestones::MilestoneInput { name: short.into(), starts_on: phase.starts_on, ends_on: phase.ends_on, staffing: PAYLOADS[0].into(), exit_criteria: payload.clone(), done_on: None };
    milestones::update(&t.ws, phase.id, m).await.unwrap();
    let c = liaison_core::service::commitments::CommitmentInput { department_id: None, is_mine: true, description: payload.clone(), people: None, weeks: None, budget: None };
    commitments::add(&t.ws, project.id, c).await.unwrap();
    let vp = liaison_core::service::people::list(&t.ws).await.unwrap().into_iter().find(|p| p.name == "陈立").unwrap();
    let mut person = liaison_core::service::people::PersonInput { name: format!("陈立{short}"), title: PAYLOADS[3].into(), department_id: vp.department_id, ..Default::default() };
    person.stance = vp.stance;
    person.trust = vp.trust;
    person.power = vp.power;
    person.interest = vp.interest;
    person.reports_to_id = vp.reports_to_id;
    person.contact_every_days = vp.contact_every_days;
    liaison_core::service::people::update(&t.ws, vp.id, person).await.unwrap();

    for kind in TemplateKind::ALL {
        let draft = proposals::create(&t.ws, request(kind, Lang::ZhCn, s.clone(), false), &today()).await.unwrap();
        let md = String::from_utf8(proposals::render(&draft.document, ProposalFormat::Markdown, chrono::Utc::now()).unwrap()).unwrap();
        assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("](http"), "{kind:?}: Markdown escapes\n{md}");
        let docx = proposals::render(&draft.document, ProposalFormat::Docx, chrono::Utc::now()).unwrap();
        let xml = read_back(ProposalFormat::Docx, &docx, t.dir.path());
        assert!(!xml.contains("<script") && !xml.contains("</w:t></w:r><w:r><w:t>注入"), "{kind:?}: DOCX escapes");
        let pdf = proposals::render(&draft.document, ProposalFormat::Pdf, chrono::Utc::now()).unwrap();
        let text = squeeze(&read_back(ProposalFormat::Pdf, &pdf, t.dir.path()));
        if kind != TemplateKind::MeetingRecap && kind != TemplateKind::LaunchThanks {
            for p in PAYLOADS {
                assert!(text.contains(&squeeze(p)), "{kind:?}: PDF prints {p} as text\n{text}");
            }
        }
        if kind == TemplateKind::Invitation {
            assert!(text.contains(&squeeze(&format!("陈立{short}"))) && text.contains(&squeeze(PAYLOADS[3])), "names and titles in the roles table");
            assert!(md.contains("陈立&lt;img"), "Markdown table cells escape too");
        }
    }
    // The docx reader sees the payload as one text, not as markup.
    let draft = proposals::create(&t.ws, request(TemplateKind::BusinessCase, Lang::ZhCn, s.clone(), false), &today()).await.unwrap();
    let docx = proposals::render(&draft.document, ProposalFormat::Docx, chrono::Utc::now()).unwrap();
    let json = docx_rs::read_docx(&docx).unwrap().json();
    assert!(json.contains("<script>alert('x')</script>") || json.contains("\\u003cscript\\u003e"));
}

#[tokio::test]
async fn missing_data_shows_a_marker_and_a_bad_path_writes_nothing() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    // A project with nothing but a title, and no problem at all.
    let empty = projects::create(&t.ws, projects::ProjectInput { title: "空项目".into(), goal: String::new(), status: projects::ProjectStatus::Proposed, impact_metrics: String::new(), benefits: String::new(), anchor_on: None, launch_on: None }).await.unwrap().id;
    let s = Subject { problem_id: None, project_id: Some(empty), week: None };
    for kind in TemplateKind::ALL {
        let draft = proposals::create(&t.ws, request(kind, Lang::ZhCn, s.clone(), false), &today()).await.unwrap();
        for format in FORMATS {
            let text = read_back(format, &proposals::render(&draft.document, format, chrono::Utc::now()).unwrap(), t.dir.path());
            assert!(squeeze(&text).replace('\\', "").contains("【待补充："), "{kind:?} {format:?}");
        }
    }
    let draft = proposals::create(&t.ws, request(TemplateKind::Solution, Lang::ZhCn, s, false), &today()).await.unwrap();
    let target = t.dir.path().join("no-such-folder").join("方案.pdf");
    let err = proposals::export(&t.ws, draft.id, ProposalFormat::Pdf, &target).await.unwrap_err();
    assert_eq!(err.code, liaison_core::error::ErrorCode::ExportFailed);
    assert!(!target.exists());
    let good = t.dir.path().join("方案.pdf");
    let done = proposals::export(&t.ws, draft.id, ProposalFormat::Pdf, &good).await.unwrap();
    assert!(good.exists() && done.bytes > 1_000 && done.missing_glyphs.is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(t.dir.path()).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().starts_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[tokio::test]
async fn characters_the_font_cannot_draw_are_named() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let s = subject(&t.ws, "预约超载").await;
    let mut draft = proposals::create(&t.ws, request(TemplateKind::Solution, Lang::ZhCn, s, false), &today()).await.unwrap();
    draft.document.sections[0].heading = "问题 喆堃昇镕 𗀀".into();
    let saved = proposals::save(&t.ws, draft.id, draft.document).await.unwrap();
    let path = t.dir.path().join("x.pdf");
    let done = proposals::export(&t.ws, saved.id, ProposalFormat::Pdf, &path).await.unwrap();
    assert_eq!(done.missing_glyphs, vec!["𗀀".to_owned()], "rare Chinese names draw; Tangut does not");
}

/// Word and WPS are not on this machine: LibreOffice opening and converting every DOCX is the check
/// that they are well-formed documents, and the converted text must carry the same content.
#[tokio::test]
async fn libreoffice_converts_every_docx() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let s = subject(&t.ws, "预约超载").await;
    let mut files = Vec::new();
    for (n, kind) in TemplateKind::ALL.into_iter().enumerate() {
        let draft = proposals::create(&t.ws, request(kind, Lang::ZhCn, s.clone(), false), &today()).await.unwrap();
        let path = t.dir.path().join(format!("doc{n}.docx"));
        std::fs::write(&path, proposals::render(&draft.document, ProposalFormat::Docx, chrono::Utc::now()).unwrap()).unwrap();
        files.push((path, squeeze(&draft.document.title)));
    }
    let out = t.dir.path().join("converted");
    let status = Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(files.iter().map(|f| &f.0))
        .env("HOME", t.dir.path())
        .output()
        .expect("LibreOffice (libreoffice-writer-nogui) is installed");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    for (path, title) in files {
        let pdf = out.join(path.with_extension("pdf").file_name().unwrap());
        let text = squeeze(&read_back(ProposalFormat::Pdf, &std::fs::read(&pdf).unwrap(), t.dir.path()));
        assert!(text.contains(&title), "{} converts with its title", path.display());
        assert!(text.contains("第1页/共"), "the page footer is a real field");
    }
}

/// The director's own template: a built-in one reworded, saved in the workspace, used for a new
/// document; a table it names must be one the app fills.
#[tokio::test]
async fn a_saved_template_fills_like_a_built_in_one() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let mut template = liaison_core::proposal::builtin(TemplateKind::BusinessCase, Lang::ZhCn);
    template.title = "给总部的一页纸：{{problem.title}}".into();
    template.sections.truncate(2);
    let saved = proposals::save_template(&t.ws, "总部一页纸", template.clone()).await.unwrap();
    let listed = proposals::catalogue(&t.ws).await.unwrap();
    assert_eq!(listed.saved.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["总部一页纸"]);
    assert_eq!(listed.builtin.len(), 12);
    let s = subject(&t.ws, "预约超载").await;
    let mut r = request(TemplateKind::BusinessCase, Lang::ZhCn, s, false);
    r.template_id = Some(saved.id);
    let draft = proposals::create(&t.ws, r, &today()).await.unwrap();
    assert_eq!(draft.document.title, "给总部的一页纸：预约超载");
    assert_eq!(draft.document.sections.len(), 2);

    template.sections[0].blocks.push(liaison_core::proposal::Block::Data { source: "salaries".into() });
    let err = proposals::save_template(&t.ws, "坏模板", template).await.unwrap_err();
    assert_eq!(err.code, liaison_core::error::ErrorCode::TemplateInvalid);
    assert_eq!(proposals::catalogue(&t.ws).await.unwrap().saved.len(), 1, "nothing written");
}
