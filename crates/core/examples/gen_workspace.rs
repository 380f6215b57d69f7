//! Writes a demo workspace with N extra generated incidents, for the start-up benchmark:
//! `cargo run --release -p liaison-core --example gen_workspace -- PATH [N]`.

use liaison_core::{demo, Lang};
use liaison_core::Workspace;

#[tokio::main]
async fn main() -> liaison_core::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("usage: gen_workspace PATH [N]"));
    let count: usize = args.next().map(|n| n.parse().expect("N is a number")).unwrap_or(100_000);
    let _ = std::fs::remove_file(&path);
    let ws = Workspace::open(&path).await?;
    demo::seed(&ws, Lang::ZhCn).await?;
    let started = std::time::Instant::now();
    demo::insert_incidents(&ws, Lang::ZhCn, count, liaison_core::time::now_ms()).await?;
    let total = liaison_core::service::overview::counts(&ws).await?.incidents;
    println!("{} incidents in {} ({} ms for the generated ones)", total, path.display(), started.elapsed().as_millis());
    ws.close().await;
    Ok(())
}
