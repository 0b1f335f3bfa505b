//! Front matter: `split` then `parse` on arbitrary UTF-8 must never panic, and
//! every diagnostic must point into the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::content::front_matter::{self, FrontMatter, SectionFrontMatter};
use std::path::Path;

#[path = "../common/positions.rs"]
mod positions;
use positions::assert_diagnostic_inside;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("content/pt/fuzz.md");
    let split = match front_matter::split(path, text) {
        Ok(split) => split,
        Err(d) => {
            assert_diagnostic_inside(text, &d);
            return;
        }
    };
    // The split's offsets must describe its slices.
    assert_eq!(
        text.get(split.front_matter_offset..split.front_matter_offset + split.front_matter.len()),
        Some(split.front_matter)
    );
    assert_eq!(text.get(split.body_offset..), Some(split.body));
    assert!(split.front_matter_offset + split.front_matter.len() <= split.body_offset);

    if let Err(d) = front_matter::parse::<FrontMatter>(path, text, &split) {
        assert_diagnostic_inside(text, &d);
    }
    if let Err(d) = front_matter::parse::<SectionFrontMatter>(path, text, &split) {
        assert_diagnostic_inside(text, &d);
    }
});
