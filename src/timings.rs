//! Per-stage wall times on stderr when `POLYBOOK_TIMINGS=1`, so a benchmark can
//! tell which stage a regression lives in without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

pub const ENV: &str = "POLYBOOK_TIMINGS";

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var(ENV).is_ok_and(|v| v == "1"))
}

/// Runs `work`, printing `timing <stage> <ms>` when timings are on.
pub fn stage<T>(name: &str, work: impl FnOnce() -> T) -> T {
    if !enabled() {
        return work();
    }
    let start = Instant::now();
    let result = work();
    eprintln!(
        "timing {name} {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    result
}
