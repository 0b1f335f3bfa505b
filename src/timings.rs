//! Per-stage wall times on stderr when `POLYBOOK_TIMINGS=1`, so a benchmark can
//! tell which stage a regression lives in without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

pub const ENV: &str = "POLYBOOK_TIMINGS";

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var(ENV).is_ok_and(|v| v == "1"))
}

/// Runs `work`, printing `timing <stage> <ms>` and the peak memory so far
/// when timings are on.
pub fn stage<T>(name: &str, work: impl FnOnce() -> T) -> T {
    if !enabled() {
        return work();
    }
    let start = Instant::now();
    let result = work();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    match peak_rss_mib() {
        Some(peak) => eprintln!("timing {name} {ms:.1} ms (peak memory so far {peak} MiB)"),
        None => eprintln!("timing {name} {ms:.1} ms"),
    }
    result
}

/// The process's peak resident memory, where Linux tells it.
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
