//! One page of a docs site as `polybook import DIR` reads it: any text must
//! give a converted body (or a refusal naming a line inside it), front matter
//! mapped (or refused), and links found inside the text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::import::site::{body, front, links};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.lines().count().max(1);
    match body::convert(text, 1) {
        Ok(converted) => {
            assert_eq!(converted.lines.len(), converted.text.lines().count());
            assert!(converted.lines.iter().all(|&l| l >= 1 && l <= lines));
            for link in links::find(&converted.text) {
                assert!(converted.text.get(link.dest_range.clone()).is_some());
                assert!(converted.text.get(link.whole.clone()).is_some());
            }
        }
        Err(problem) => assert!(problem.line >= 1 && problem.line <= lines),
    }
    for yaml in [true, false] {
        if let Ok(map) = front::read(text, yaml) {
            if let Err(wrong) = front::map(map, text) {
                assert!(wrong.line >= 1 && wrong.line <= lines);
            }
        }
    }
});
