//! Any bytes: loading either fails with an error or yields a source whose
//! line/column table agrees with its text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = concur::source::Source::from_bytes("fuzz", data.to_vec()) {
        let _ = src.body();
        for (i, _) in src.text.char_indices().step_by(7) {
            let (line, col) = src.line_col(i);
            assert!(line >= 1 && col >= 1);
        }
    }
});
