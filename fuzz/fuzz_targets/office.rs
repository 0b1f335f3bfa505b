//! Word and OpenDocument files: any bytes, read as a .docx and as an .odt,
//! must give Markdown or a refusal, never a panic, and never unpack past
//! the importer's limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::import::office;

fuzz_target!(|data: &[u8]| {
    for docx in [true, false] {
        if let Ok(markdown) = office::read_model(data, docx) {
            assert!(markdown.ends_with('\n'));
        }
    }
});
