//! The business metrics a KPI, a pain point, a project or a problem can name, by code.

/// Every metric code the app knows.
pub const METRICS: [&str; 12] = [
    "nps", "complaints", "cost", "wait_time", "retention", "dau", "user_growth", "features_shipped", "ftfr",
    "dispatch_efficiency", "revenue", "satisfaction",
];

/// Parses a project's comma-separated metric codes, keeping the known ones.
pub fn parse_metrics(codes: &str) -> Vec<String> {
    codes.split(',').map(str::trim).filter(|c| METRICS.contains(c)).map(str::to_owned).collect()
}
